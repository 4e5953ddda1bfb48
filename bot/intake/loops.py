"""Mail the bot must never count or answer: auto-replies, bounces, its own mail, spam.

Answering an out-of-office reply with a reminder, which triggers another out-of-office
reply, is how mail loops start.  :func:`classify_automatic` recognises

* auto-replies: ``Auto-Submitted`` other than ``no`` (RFC 3834), ``X-Autoreply``,
  ``X-Autorespond``, ``Precedence: bulk|junk|list|auto_reply``, read receipts, and
  out-of-office subjects in Vietnamese (with or without diacritics) and English;
* bounces: ``multipart/report; report-type=delivery-status`` with a failed action, or
  a mailer-daemon/postmaster sender with an "Undeliverable"/"Không gửi được" subject;
  the failing recipients come from the delivery-status fields, else from the text;
* the bot's own mail: an ``X-Intake-Kind`` header, or a From in ``own_addresses``;
* spam, as the mail server's filter marked it (``X-Spam-Flag: YES``, ``X-Spam-Status: Yes…``):
  recorded like any mail (a filter can be wrong, staff see it), but never answered.

``X-Auto-Response-Suppress`` is deliberately ignored: Outlook sets it on ordinary mail.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message

from ..text import strip_marks
from .headers import addresses, decode_bytes, decode_text, one_line, parse_params, raw_headers

_PREFIX = r"^\s*(?:(?:re|fw|fwd|tl|tr|aw|sv|vs)\s*:\s*|\[[^\]]{0,30}\]\s*)*"
_AUTO_SUBJECT = re.compile(
    _PREFIX + r"\[?(?:tra loi tu dong|tu dong tra loi|vang mat|khong co mat tai van phong|"
    r"khong co mat|nghi phep|out of (?:the )?office|automatic reply|auto[- ]?reply|"
    r"auto[- ]?response|autoresponse|auto:|abwesenheitsnotiz|reponse automatique)",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    r"undeliverable|undelivered|delivery status notification|delivery failure|delivery has failed|"
    r"failure notice|returned mail|mail delivery failed|could not be delivered|non[- ]?delivery|"
    r"khong gui duoc|khong the gui|gui khong thanh cong|khong the chuyen",
    re.IGNORECASE,
)
_DAEMON = re.compile(
    r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|microsoftexchange[0-9a-f]*)@", re.I
)
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}


@dataclass(frozen=True)
class Automatic:
    """Verdict for one mail; ``reasons`` says why, for the log."""

    auto_reply: bool = False
    bounce: bool = False
    bounced_recipients: list[str] = field(default_factory=list)
    own_mail: bool = False
    spam: bool = False
    reasons: list[str] = field(default_factory=list)


def _spam_flagged(headers: Mapping[str, str]) -> bool:
    flag = one_line(decode_text(headers.get("x-spam-flag", ""))).strip().lower()
    status = one_line(decode_text(headers.get("x-spam-status", ""))).lower()
    return flag == "yes" or status.startswith("yes")


def _headers(msg: Message | Mapping[str, str]) -> dict[str, str]:
    pairs = raw_headers(msg) if isinstance(msg, Message) else msg.items()
    out: dict[str, str] = {}
    for name, value in pairs:
        out.setdefault(name.lower(), str(value))
    return out


def _report_texts(msg: Message) -> list[str]:
    """Text of every message/delivery-status part (the parser splits it into blocks)."""
    texts = []
    for part in msg.walk():
        if part.get_content_type() not in ("message/delivery-status", "message/global-delivery-status"):
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            blocks = [
                "\n".join(f"{k}: {v}" for k, v in raw_headers(b)) for b in payload if isinstance(b, Message)
            ]
            texts.append("\n\n".join(blocks))
        elif isinstance(payload, str):
            raw = part.get_payload(decode=True) or b""
            texts.append(decode_bytes(raw) if isinstance(raw, bytes) and raw else payload)
    return texts


def failed_recipients(report: str) -> tuple[list[str], bool]:
    """Recipients whose Action is failed (or missing) in a delivery-status text.

    Returns ``(addresses, any_failure)``; Original-Recipient is preferred over
    Final-Recipient because it is the address the bot actually wrote to.
    """
    found: list[str] = []
    any_failure = False
    for block in re.split(r"\r?\n\s*\r?\n", report):
        fields: dict[str, str] = {}
        for line in re.split(r"\r?\n(?![ \t])", block):
            if ":" in line:
                key, value = line.split(":", 1)
                fields.setdefault(key.strip().lower(), " ".join(value.split()))
        recipient = fields.get("original-recipient") or fields.get("final-recipient")
        if not recipient:
            continue
        action = fields.get("action", "failed").lower()
        if action not in ("failed", "delayed") and not action.startswith("fail"):
            continue
        any_failure = any_failure or action != "delayed"
        address = recipient.split(";", 1)[-1].strip().strip("<>")
        if "@" in address and address.lower() not in found:
            found.append(address.lower())
    return found, any_failure


def classify_automatic(
    msg: Message | Mapping[str, str],
    subject: str,
    *,
    from_address: str | None = None,
    own_addresses: frozenset[str] = frozenset(),
    body_text: str = "",
) -> Automatic:
    """Classify a mail as auto-reply / bounce / own mail.

    ``msg`` is the parsed message (its parts are searched for delivery-status reports)
    or just its headers.  ``body_text`` feeds the fallback search for bounced addresses
    when a bounce carries no machine-readable report.
    """
    headers = _headers(msg)
    reasons: list[str] = []
    if from_address is None:
        found = addresses(headers.get("from"))
        from_address = found[0][1] if found else None
    sender = (from_address or "").lower()
    own = {a.lower() for a in own_addresses}

    own_mail = "x-intake-kind" in headers or (bool(sender) and sender in own)
    if own_mail:
        reasons.append("own mail")

    auto = False
    submitted = decode_text(headers.get("auto-submitted", "")).strip().lower()
    if submitted and not submitted.startswith("no"):
        auto = True
        reasons.append(f"Auto-Submitted: {submitted}")
    for name in ("x-autoreply", "x-autorespond", "x-autoresponse", "x-autogenerated"):
        if name in headers:
            auto = True
            reasons.append(name)
    precedence = decode_text(headers.get("precedence", "")).strip().lower()
    if precedence in _AUTO_PRECEDENCE:
        auto = True
        reasons.append(f"Precedence: {precedence}")
    if _AUTO_SUBJECT.search(strip_marks(subject).lower()):
        auto = True
        reasons.append("out-of-office subject")

    ctype, params = parse_params(headers.get("content-type"))
    report_type = params.get("report-type", "").lower()
    if ctype == "multipart/report" and report_type in ("disposition-notification",):
        auto = True
        reasons.append("read receipt")

    bounce = False
    recipients: list[str] = []
    reports = _report_texts(msg) if isinstance(msg, Message) else []
    if ctype == "multipart/report" and report_type == "delivery-status" or reports:
        for report in reports:
            failing, failed = failed_recipients(report)
            recipients += [a for a in failing if a not in recipients]
            bounce = bounce or failed
        if not reports:
            bounce = True
        auto = True
        reasons.append("delivery-status report" + ("" if bounce else " without failure"))
    if not bounce and _DAEMON.match(sender) and _BOUNCE_SUBJECT.search(strip_marks(subject).lower()):
        bounce = auto = True
        reasons.append("bounce from mailer-daemon")
    if bounce and not recipients:
        ignore = own | {sender}
        for address in _EMAIL.findall(body_text[:20000]):
            if address.lower() not in ignore and address.lower() not in recipients:
                recipients.append(address.lower())
        recipients = recipients[:20]
    spam = _spam_flagged(headers)
    if spam:
        reasons.append("marked as spam by the mail server")
    return Automatic(
        auto_reply=auto and not bounce,
        bounce=bounce,
        bounced_recipients=recipients,
        own_mail=own_mail,
        spam=spam,
        reasons=reasons,
    )
