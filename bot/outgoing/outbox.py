"""The outbox: every mail the bot decides to send, rendered and stored before sending.

``enqueue`` builds the complete RFC 5322 message once (multipart/alternative text and
HTML, attachments, a ``Message-ID`` made here) and stores its bytes in
:class:`~bot.store.models.OutboxMail`.  The sender later transmits exactly those
bytes, so a retry after a crash re-sends the *same* mail (same Message-ID, same words),
never a second, different one.

The unique ``idempotency_key`` says what the mail is *about*, so deciding twice to send
it is harmless: the second ``enqueue`` returns ``None``.  Keys in use::

    ack:message:{messages.id}                     acknowledgment of one recorded mail
    holding:{sender}:{local-date}                 holding reply to an unregistered sender
    reminder:{campaign}:{unit}:{deadline}@{due}:{offset}
    overdue:{campaign}:{unit}:{deadline}@{due}
    digest:{campaign}:{local-date}
    notice:flood:{sender}:{local-date}            and other ``notice:`` keys
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.campaign.units import normalize_email
from bot.config import Settings
from bot.store.models import OutboxMail

log = logging.getLogger(__name__)

KINDS = ("ack", "holding", "reminder", "overdue", "digest", "notice")
_REPLY_PREFIX = re.compile(
    r"^\s*((re|aw|sv|tl|tr|fw|fwd|trả lời|tra loi|chuyển tiếp|chuyen tiep)\s*(\[\d+\])?\s*[:：]\s*)+",
    re.IGNORECASE,
)
_MAX_REFERENCES = 10  # a reply's References keep the newest few ids of the thread
# CRLF line ends; headers the bot writes itself as raw values (set_raw) are not refolded.
_POLICY = policy.SMTP.clone(refold_source="none")


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    data: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Sender:
    """The From identity (``[smtp] from_address`` / ``from_name``)."""

    address: str
    name: str = ""

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"


def sender_of(settings: Settings) -> Sender:
    """The From identity from the bot's settings."""
    return Sender(settings.smtp.from_address, settings.smtp.from_name)


def reply_subject(original: str | None) -> str:
    """``Re: <subject>`` without stacking ``Re:``/``TL:``/``Fwd:`` prefixes."""
    core = _REPLY_PREFIX.sub("", original or "").strip()
    return f"Re: {core}" if core else "Re: Xác nhận đã nhận thư"


def reply_headers(message_id: str | None, references: Sequence[str] | None) -> dict[str, str]:
    """``In-Reply-To`` and ``References`` that thread a mail under ``message_id`` (if any)."""
    if not message_id:
        return {}
    refs = [r for r in (references or []) if r != message_id]
    return {
        "In-Reply-To": message_id,
        "References": " ".join([*refs[-(_MAX_REFERENCES - 1) :], message_id]),
    }


def build_message(
    *,
    sender: Sender,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str,
    text: str,
    html: str | None,
    message_id: str,
    now: dt.datetime,
    headers: Mapping[str, str] | None = None,
    attachments: Iterable[MailAttachment] = (),
) -> EmailMessage:
    """The complete mail.  ``headers`` may include In-Reply-To / References and X-Intake-*."""
    msg = EmailMessage(policy=_POLICY)
    # From and Subject carry Vietnamese: encoded here once (RFC 2047) and set raw, since
    # the email package's generic refolding of such headers cost most of an
    # acknowledgment's rendering time.
    msg.set_raw("From", _encoded_address(sender.name, sender.address))
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg.set_raw("Subject", _encoded_text(subject, "Subject"))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id
    # RFC 3834: tells well-behaved servers not to auto-reply; the Exchange header does the
    # same for out-of-office replies, which would otherwise land in the intake mailbox.
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    for name, value in (headers or {}).items():
        if not value:
            continue
        if name.lower().startswith("x-intake-"):
            # Machine-read, ASCII token lists: stored unfolded so a parser reading
            # "type,type" never meets a fold (RFC 5322 allows 998 characters).
            if not value.isascii() or "\r" in value or "\n" in value:
                raise ValueError(f"header {name} must be one line of ASCII: {value!r}")
            msg.set_raw(name, value)
        else:
            msg[name] = value
    msg.set_content(text, subtype="plain", charset="utf-8")
    if html is not None:
        msg.add_alternative(html, subtype="html", charset="utf-8")
    for att in attachments:
        maintype, _, subtype = att.content_type.partition("/")
        msg.add_attachment(
            att.data, maintype=maintype, subtype=subtype or "octet-stream", filename=att.filename
        )
    return msg


def _encoded_text(value: str, name: str) -> str:
    """An unstructured header value as RFC 2047 encoded words folded under 78 columns."""
    if "\r" in value or "\n" in value:
        value = " ".join(value.split())
    if value.isascii() and len(value) + len(name) + 2 <= 78:
        return value
    return Header(value, charset="utf-8", maxlinelen=76, header_name=name).encode(linesep="\n")


def _encoded_address(name: str, address: str) -> str:
    if not name:
        return address
    return formataddr((" ".join(name.split()), address), charset="utf-8")


def exists(session: Session, key: str) -> bool:
    return session.scalars(select(OutboxMail.id).where(OutboxMail.idempotency_key == key)).first() is not None


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    recipients: Sequence[str],
    subject: str,
    text: str,
    html: str | None,
    sender: Sender,
    now: dt.datetime,
    unit_id: int | None = None,
    campaign: str | None = None,
    headers: Mapping[str, str] | None = None,
    in_reply_to_message_id: int | None = None,
    attachments: Iterable[MailAttachment] = (),
    cc: Sequence[str] = (),
    state: str = "pending",
) -> OutboxMail | None:
    """Store a rendered mail under ``key``; ``None`` when that key is already in the outbox.

    Runs in the caller's transaction (so an acknowledgment commits with the message it
    answers).  The insert is wrapped in a savepoint: when another process inserted the
    same key between our check and our insert, the unique constraint fails, only the
    savepoint is rolled back, and the caller's work stands.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    to = _unique(recipients)
    cc = [a for a in _unique(cc) if a not in to]
    if not to:
        raise ValueError(f"outbox mail {key} has no recipient")
    if exists(session, key):
        return None
    message_id = make_msgid(domain=sender.domain)
    msg = build_message(
        sender=sender,
        to=to,
        cc=cc,
        subject=subject,
        text=text,
        html=html,
        message_id=message_id,
        now=now,
        headers={"X-Intake-Kind": kind, **(headers or {})},
        attachments=attachments,
    )
    row = OutboxMail(
        idempotency_key=key,
        kind=kind,
        campaign=campaign,
        unit_id=unit_id,
        message_id_header=message_id,
        recipients=to + cc,
        subject=subject,
        raw=msg.as_bytes(),
        state=state,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        in_reply_to_message_id=in_reply_to_message_id,
        rate_key=normalize_email(to[0]),
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        log.info("outbox key %s was queued concurrently; keeping the other copy", key)
        return None
    log.info("queued %s %s to %s", kind, key, ", ".join(to + cc))
    return row


def _unique(addresses: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for a in addresses:
        a = (a or "").strip()
        if a and a.lower() not in (s.lower() for s in seen):
            seen.append(a)
    return seen
