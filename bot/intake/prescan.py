"""What the parser reads across a whole mail before it walks its parts (pure).

The walk in :mod:`bot.intake.mime` meets each part once, in order; two things must be
known before it starts: which images the HTML body shows inline (``cid:``), so they are
decoration and not documents, and which passwords the mail's text gives, so a locked
archive can be opened as soon as it is found.
"""

from __future__ import annotations

import unicodedata
from email.message import Message

from .headers import decode_bytes, parse_params, raw_header
from .htmltext import digest_html
from .passwords import passwords_in
from .payload import decode_payload

MAX_DEPTH = 30
MAX_PARTS = 1000

# How much of the mail's text is searched for a password (the sender's own lines come first).
_PASSWORD_TEXT_PARTS = 4
_PASSWORD_TEXT_CHARS = 20_000


def passwords_given(msg: Message) -> tuple[str, ...]:
    """The passwords the mail's text gives ("mật khẩu: …", :mod:`.passwords`), read before
    its files so that a locked archive can be opened as it is found."""
    texts: list[str] = []
    for part in msg.walk():
        if len(texts) >= _PASSWORD_TEXT_PARTS:
            break
        if part.is_multipart() or part.get_content_maintype() != "text" or part.get_filename():
            continue
        data, _note, _broken = decode_payload(part)
        text = decode_bytes(data[: _PASSWORD_TEXT_CHARS * 4], part.get_content_charset())
        if part.get_content_subtype() == "html":
            text = digest_html(text).text
        texts.append(unicodedata.normalize("NFC", text[:_PASSWORD_TEXT_CHARS]))
    return passwords_in("\n".join(texts))


def iter_parts(msg: Message) -> list[Message]:
    """Every part, breadth-first, without recursion and with the same caps as the walk."""
    out: list[Message] = []
    queue = [(msg, 0)]
    while queue and len(out) < MAX_PARTS:
        part, depth = queue.pop(0)
        out.append(part)
        payload = part.get_payload()
        if isinstance(payload, list) and depth < MAX_DEPTH:
            queue += [(p, depth + 1) for p in payload if isinstance(p, Message)]
    return out


def referenced_cids(msg: Message) -> set[str]:
    cids: set[str] = set()
    for part in iter_parts(msg):
        if isinstance(part.get_payload(), list):
            continue
        ctype, params = parse_params(raw_header(part, "content-type"))
        if ctype == "text/html":
            data, _note, _broken = decode_payload(part)
            text = decode_bytes(data, params.get("charset"))
            if "cid:" in text.lower():
                cids |= digest_html(text).cids
    return cids
