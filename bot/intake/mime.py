"""Parse one raw mail into an :class:`~bot.mail.InboundMessage`.

:func:`parse_message` is pure (bytes in, data out) and defensive: it only ever raises
:class:`~bot.errors.MessageRejected` (message over ``max_message_bytes``, or bytes the
:mod:`email` parser cannot read at all); every other oddity becomes a ``defects`` entry.

What it does beyond :mod:`email`:

* headers and file names are decoded from the raw values (:mod:`.headers`), so broken
  encodings give readable text instead of exceptions or U+FFFD;
* the body text prefers text/plain, else HTML reduced to text, and includes the text of
  forwarded messages; uuencoded files inside old text bodies become attachments;
* documents are separated from decoration: images shown inline via ``cid:``, small
  images in ``multipart/related``, Outlook ``image001.png`` signatures, S/MIME
  signatures and Exchange ``ATT00001.htm`` body fragments go to ``skipped_parts``;
* forwarded mails (``message/rfc822``) are walked for their attachments, and every file
  goes through :func:`~bot.intake.unpack.collect_files` (sniffing, refusal, archives,
  TNEF) with one unpacking budget for the whole message;
* a multipart whose ``Content-Type`` lost its ``;`` before ``boundary=`` is repaired;
* a large message is parsed from a skeleton (:mod:`.skeleton`): the parser never holds
  its big base64 bodies, which are decoded straight from the raw bytes in chunks.
"""

from __future__ import annotations

import dataclasses
import email.policy
import re
import unicodedata
from dataclasses import dataclass, field
from email.message import Message

from ..errors import MessageRejected
from ..mail import Attachment, InboundMessage
from .authres import authentication
from .containers import Budget
from .headers import (
    addresses,
    decode_bytes,
    decode_text,
    first_id,
    header_map,
    message_ids,
    one_line,
    parse_date,
    parse_params,
    raw_header,
    raw_headers,
)
from .htmltext import digest_html
from .limits import ParseLimits
from .links import find_drive_links
from .loops import classify_automatic
from .payload import decode_payload, extract_uuencoded, transfer_encoding
from .prescan import MAX_DEPTH, MAX_PARTS, passwords_given, referenced_cids
from .sender import address_domain, read_sender
from .skeleton import message_from_bytes
from .spool import Spool, discard
from .unpack import child_origin, collect_files

MAX_HEADERS = 200
UNREAD_NAMES_KEPT = 20  # names listed of the parts not read (all are counted)
DECORATION_IN_RELATED_BYTES = 64 * 1024
SIGNATURE_IMAGE_BYTES = 16 * 1024

_OUTLOOK_IMAGE = re.compile(r"^image\d{3}\.(png|jpe?g|gif|bmp)$", re.IGNORECASE)
_BODY_FRAGMENT = re.compile(r"^att\d{5}\.(htm|html|txt)$", re.IGNORECASE)
_SIGNATURE_TYPES = {
    "application/pkcs7-signature",
    "application/x-pkcs7-signature",
    "application/pgp-signature",
}
_BODY_TYPES = {"text/plain", "text/html"}
_FORWARD_TYPES = {"message/rfc822", "message/global"}
_LEADING_BLANK = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*\r?\n)+")


@dataclass
class _Part:
    """The headers of one MIME part, decoded once."""

    ctype: str
    params: dict[str, str]
    disposition: str
    filename: str | None
    content_id: str | None
    size_hint: int | None

    @classmethod
    def of(cls, part: Message) -> _Part:
        ctype, params = parse_params(raw_header(part, "content-type"))
        if "/" not in ctype:
            ctype = "text/plain"  # RFC 2045 default, also for garbage
        disposition, dparams = parse_params(raw_header(part, "content-disposition"))
        name = dparams.get("filename") or params.get("name") or None
        cid = raw_header(part, "content-id")
        size = dparams.get("size", "")
        return cls(
            ctype=ctype,
            params=params,
            disposition=disposition,
            filename=name,
            content_id=cid.strip().strip("<>").strip().lower() if cid else None,
            size_hint=int(size) if size.isdigit() and len(size) < 12 else None,
        )


@dataclass
class _Walker:
    """Mutable state of one parse; lives only inside :func:`parse_message`."""

    limits: ParseLimits
    budget: Budget
    cids: set[str]
    spool: Spool | None = None
    attachments: list[Attachment] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    container_texts: list[str] = field(default_factory=list)
    parts_seen: int = 0
    counter: int = 0
    unread_names: list[str] = field(default_factory=list)
    unread_count: int = 0
    passwords: tuple[str, ...] = ()  # those the mail gives for its locked archives

    def defect(self, text: str) -> None:
        if text not in self.defects:
            self.defects.append(text)

    def not_read(self, part: Message) -> None:
        """Count (and name the first few of) the leaves under ``part``, which a limit skips."""
        stack = [part]
        while stack:
            p = stack.pop()
            payload = p.get_payload()
            if isinstance(payload, list) and p.is_multipart():
                stack += reversed([c for c in payload if isinstance(c, Message)])
                continue
            self.unread_count += 1
            if len(self.unread_names) < UNREAD_NAMES_KEPT:
                try:
                    info = _Part.of(p)
                    self.unread_names.append(info.filename or info.ctype)
                except Exception:  # noqa: BLE001 - a name is only for people; never lose the count
                    self.unread_names.append("(unnamed part)")

    # -- structure ---------------------------------------------------------------

    def walk(self, part: Message, origin: str, depth: int, in_related: bool) -> list[tuple[str, str]]:
        """Collect attachments under ``part``; return its body fragments ``(kind, text)``."""
        if depth > MAX_DEPTH:
            self.defect(f"parts nested deeper than {MAX_DEPTH} were not read")
            self.not_read(part)
            return []
        self.parts_seen += 1
        if self.parts_seen > MAX_PARTS:
            self.defect(f"more than {MAX_PARTS} MIME parts; the rest were not read")
            self.not_read(part)
            return []
        for defect in getattr(part, "defects", []):
            self.defect(type(defect).__name__)
        try:
            info = _Part.of(part)
            if info.ctype in _FORWARD_TYPES:
                return self.forwarded(part, origin, depth)
            if part.is_multipart():
                if info.ctype.startswith("message/"):
                    self.skipped.append(f"{info.ctype}: delivery/read report, not a document")
                    return []
                return self.multipart(part, info, origin, depth, in_related)
            return self.leaf(part, info, origin, depth, in_related)
        except RecursionError:
            raise
        except Exception as e:  # one bad part never loses the rest of the mail
            self.defect(f"part skipped after {type(e).__name__}: {e}"[:200])
            return []

    def multipart(
        self, part: Message, info: _Part, origin: str, depth: int, in_related: bool
    ) -> list[tuple[str, str]]:
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        related = in_related or info.ctype == "multipart/related"
        fragments = [self.walk(child, origin, depth + 1, related) for child in children]
        if info.ctype == "multipart/alternative":
            # Attachments were collected from every branch (Apple Mail hides PDFs in the
            # HTML branch); the text comes from one branch, plain text preferred.
            with_text = [f for f in fragments if any(t.strip() for _, t in f)]
            plain = [f for f in with_text if any(k == "plain" and t.strip() for k, t in f)]
            chosen = plain[0] if plain else (with_text[-1] if with_text else [])
            return chosen
        return [fragment for branch in fragments for fragment in branch]

    def forwarded(self, part: Message, origin: str, depth: int) -> list[tuple[str, str]]:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(payload, str) and payload.strip():
            data, _note, _broken = decode_payload(part)
            inner = message_from_bytes(data, email.policy.default)
        elif (
            isinstance(inner, Message)
            and not inner.is_multipart()
            and not list(inner.raw_items())
            and transfer_encoding(part) in ("base64", "quoted-printable")
        ):
            # SwiftMailer base64-encodes message/rfc822 (forbidden by RFC 2046); the
            # parser then sees one header-less body of base64 text.  Decode and reparse.
            data, _note, _broken = decode_payload(inner, transfer_encoding(part))
            inner = message_from_bytes(data, email.policy.default)
        if not isinstance(inner, Message) or not list(inner.raw_items()) and not inner.get_payload():
            self.defect("empty forwarded message")
            return []
        subject = one_line(decode_text(raw_header(inner, "subject")))
        fragments = self.walk(
            inner, child_origin(origin, "rfc822", subject[:100] or "(no subject)"), depth + 1, False
        )
        lines = ["---------- Forwarded message ----------"]
        for name in ("From", "Date", "Subject", "To"):
            value = one_line(decode_text(raw_header(inner, name)))
            if value:
                lines.append(f"{name}: {value}")
        text = "\n".join(lines) + "\n\n" + "\n\n".join(t for _, t in fragments if t.strip())
        return [("plain", text.strip())]

    # -- leaves ------------------------------------------------------------------

    def leaf(
        self, part: Message, info: _Part, origin: str, depth: int, in_related: bool
    ) -> list[tuple[str, str]]:
        if info.ctype.startswith("multipart/"):
            return self.broken_multipart(part, info, origin, depth, in_related)
        label = f"{info.filename or '(no name)'} ({info.ctype})"
        if info.ctype in _SIGNATURE_TYPES:
            self.skipped.append(f"{label}: cryptographic signature, not a document")
            return []
        fragment_name = bool(info.filename and _BODY_FRAGMENT.match(info.filename))
        is_body = info.ctype in _BODY_TYPES and not info.filename and info.disposition != "attachment"
        if is_body or (fragment_name and info.ctype in _BODY_TYPES):
            if fragment_name:
                self.skipped.append(f"{label}: Exchange/Outlook body fragment, text kept in the body")
            return self.body_text(part, info, origin)
        if info.ctype.startswith("text/") and not info.filename and info.disposition != "attachment":
            self.skipped.append(f"{label}: alternative body format, not a document")
            return []
        if info.ctype.startswith("message/"):
            self.skipped.append(f"{label}: delivery/read report, not a document")
            return []
        return self.attachment(part, info, origin, in_related)

    def body_text(self, part: Message, info: _Part, origin: str) -> list[tuple[str, str]]:
        data, note, _broken = decode_payload(part)
        if note:
            self.defect(f"body: {note}")
        text = unicodedata.normalize("NFC", decode_bytes(data, info.params.get("charset")))
        if info.ctype == "text/html":
            digest = digest_html(text)
            self.hrefs += digest.links
            return [("html", digest.text)]
        text, files = extract_uuencoded(text)
        for name, payload in files:
            self.add_file(payload, name, "application/octet-stream", origin, None)
        return [("plain", text.replace("\r\n", "\n").strip())]

    def broken_multipart(
        self, part: Message, info: _Part, origin: str, depth: int, in_related: bool
    ) -> list[tuple[str, str]]:
        raw_type = raw_header(part, "content-type") or ""
        data, _note, _broken = decode_payload(part)
        found = re.search(r"boundary\s*=\s*\"?([^\";\s]+)", raw_type, re.IGNORECASE)
        if found and b"--" + found.group(1).encode("ascii", "replace") in data:
            self.defect("multipart Content-Type without ';' before boundary; repaired")
            header = f'Content-Type: {info.ctype}; boundary="{found.group(1)}"\r\n\r\n'.encode(
                "ascii", "replace"
            )
            repaired = message_from_bytes(header + data, email.policy.default)
            if repaired.is_multipart():
                return self.walk(repaired, origin, depth + 1, in_related)
        self.defect("multipart without usable boundary; body read as text")
        text = unicodedata.normalize("NFC", decode_bytes(data))
        return [("plain", text.strip())]

    def attachment(self, part: Message, info: _Part, origin: str, in_related: bool) -> list[tuple[str, str]]:
        data, note, broken = decode_payload(part)
        label = f"{info.filename or '(no name)'} ({info.ctype}, {len(data)} bytes)"
        reason = self.decoration(info, len(data), in_related)
        if reason:
            self.skipped.append(f"{label}: {reason}")
            return []
        problem = None
        if note:
            self.defect(f"{info.filename or info.ctype}: {note}")
        if broken:
            problem = note
        elif info.size_hint and info.size_hint > 1024 and len(data) < info.size_hint * 0.9:
            # Only a note: webmail clients often declare a wrong size= (seen in the wild).
            self.defect(f"{info.filename}: {len(data)} bytes but size={info.size_hint} declared")
        self.add_file(data, info.filename, info.ctype, origin, problem)
        return []

    def decoration(self, info: _Part, size: int, in_related: bool) -> str | None:
        if not info.ctype.startswith("image/"):
            return None
        if info.content_id and info.content_id in self.cids:
            return "inline image shown in the HTML body (cid:)"
        if in_related and size <= DECORATION_IN_RELATED_BYTES:
            return "small image in multipart/related (decoration)"
        if info.filename and _OUTLOOK_IMAGE.match(info.filename) and size <= SIGNATURE_IMAGE_BYTES:
            return "small Outlook imageNNN picture (signature/logo)"
        return None

    def add_file(
        self, data: bytes, name: str | None, declared: str, origin: str, problem: str | None
    ) -> None:
        self.counter += 1
        collected = collect_files(
            data,
            name,
            declared,
            origin,
            self.limits,
            self.budget,
            default_stem=f"attachment-{self.counter}",
            spool=self.spool,
            passwords=self.passwords,
        )
        found = collected.attachments
        if problem and len(found) == 1 and found[0].problem is None:
            found = [dataclasses.replace(found[0], problem="unreadable_file", problem_detail=problem)]
        self.attachments += found
        self.container_texts += [t for t in collected.texts if t.strip()]
        self.defects += [d for d in collected.defects if d not in self.defects]


def _parse_bytes(raw: bytes, start: int) -> tuple[Message, str]:
    errors = []
    for name, policy in (("default", email.policy.default), ("compat32", email.policy.compat32)):
        try:
            return message_from_bytes(raw, policy, start), name
        except RecursionError as e:
            raise MessageRejected("MIME structure nested too deeply to parse") from e
        except Exception as e:  # the parser is lenient; this is truly unreadable input
            errors.append(f"{name}: {type(e).__name__}: {e}")
    raise MessageRejected("unparseable message: " + "; ".join(errors)[:300])


def _dedupe(attachments: list[Attachment]) -> list[Attachment]:
    # Outlook nests the same picture in TNEF twice (attachment + its embedded copy).
    seen: set[tuple[str, str]] = set()
    out = []
    for att in attachments:
        key = (att.filename, att.sha256)
        if att.size and key in seen:
            discard([att])
            continue
        seen.add(key)
        out.append(att)
    return out


def _build(
    msg: Message,
    policy_name: str,
    limits: ParseLimits,
    own_addresses: frozenset[str],
    trusted_authserv_id: str | None,
    spool: Spool | None,
) -> InboundMessage:
    walker = _Walker(
        limits=limits,
        budget=Budget.from_limits(limits),
        cids=referenced_cids(msg),
        spool=spool,
        passwords=passwords_given(msg),
    )
    if policy_name != "default":
        walker.defect(f"parsed with policy {policy_name}")
    fragments = walker.walk(msg, "mail", 0, False)
    texts = [t for _, t in fragments if t.strip()]
    if not texts:
        texts = walker.container_texts  # e.g. an Outlook rich-text body that lives in winmail.dat
    body = unicodedata.normalize("NFC", "\n\n".join(texts))

    subject = one_line(decode_text(raw_header(msg, "subject")))
    top_headers = list(raw_headers(msg))
    sender = read_sender(
        [v for k, v in top_headers if k.strip().lower() == "from"],
        [v for k, v in top_headers if k.strip().lower() == "sender"],
    )
    # A mailbox read but doubted (another address in its name, a Sender of another
    # domain) keeps its address, to show staff; ``sender_doubt`` keeps it from counting.
    from_address, from_name = sender.address, sender.name
    if sender.doubt is not None:
        walker.defect(f"sender not trusted: {sender.doubt}")
    verified = authentication(
        top_headers, trusted_authserv_id, address_domain(from_address) if from_address else None
    )

    def all_addresses(name: str) -> list[str]:
        found: list[str] = []
        for key, value in raw_headers(msg):
            if key.lower() == name:
                found += [a for _, a in addresses(value) if a not in found]
        return found

    reply_to = addresses(raw_header(msg, "reply-to"))
    verdict = classify_automatic(
        msg, subject, from_address=from_address, own_addresses=own_addresses, body_text=body
    )
    return InboundMessage(
        message_id=first_id(raw_header(msg, "message-id")),
        subject=subject,
        from_address=from_address,
        from_name=from_name or None,
        to=all_addresses("to"),
        cc=all_addresses("cc"),
        reply_to=reply_to[0][1] if reply_to else None,
        date_header=parse_date(raw_header(msg, "date")),
        in_reply_to=first_id(raw_header(msg, "in-reply-to")),
        references=message_ids(raw_header(msg, "references")),
        body_text=body,
        attachments=_dedupe(walker.attachments),
        drive_links=find_drive_links(body, walker.hrefs),
        auto_reply=verdict.auto_reply,
        bounce=verdict.bounce,
        bounced_recipients=verdict.bounced_recipients,
        own_mail=verdict.own_mail,
        spam=verdict.spam,
        headers=header_map(msg, MAX_HEADERS),
        defects=walker.defects,
        skipped_parts=walker.skipped,
        sender_doubt=sender.doubt,
        authentication=verified.verdict if verified else None,
        authentication_evidence=verified.evidence if verified else "",
        unread_parts=walker.unread_names,
        unread_part_count=walker.unread_count,
    )


def parse_message(
    raw: bytes,
    limits: ParseLimits = ParseLimits(),
    own_addresses: frozenset[str] = frozenset(),
    trusted_authserv_id: str | None = None,
    spool: Spool | None = None,
) -> InboundMessage:
    """Parse ``raw`` (the full RFC 5322 message) into an :class:`InboundMessage`.

    Raises :class:`MessageRejected` only: when ``raw`` is over ``limits.max_message_bytes``
    or cannot be parsed at all.  ``own_addresses`` are the bot's sending addresses, so
    its own mail coming back (e.g. via a list or a forward rule) is flagged ``own_mail``.
    ``trusted_authserv_id`` is the office server's authserv-id whose
    ``Authentication-Results`` say whether the From domain is proven
    (:mod:`.authres`); None: not checked.  With a ``spool``, files beyond a small
    in-memory allowance are written there (:mod:`.spool`) and the caller owns them.
    """
    if not isinstance(raw, bytes | bytearray):
        raise MessageRejected(f"message must be bytes, not {type(raw).__name__}")
    if len(raw) > limits.max_message_bytes:
        raise MessageRejected(f"message is {len(raw)} bytes, over the {limits.max_message_bytes} byte limit")
    # Some gateways (and saved fixtures) prepend blank lines, which would turn the
    # first header into a "continuation" and lose it.  Skipped, not cut: no copy of raw.
    raw = bytes(raw)  # the same object when it is bytes already
    leading = _LEADING_BLANK.match(raw)
    msg, policy_name = _parse_bytes(raw, leading.end() if leading else 0)
    try:
        return _build(msg, policy_name, limits, own_addresses, trusted_authserv_id, spool)
    except MessageRejected:
        raise
    except RecursionError as e:
        raise MessageRejected("MIME structure nested too deeply to process") from e
    except Exception as e:  # last line of defence: quarantine instead of crashing the job
        raise MessageRejected(f"message could not be processed: {type(e).__name__}: {e}"[:300]) from e
