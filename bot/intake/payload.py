"""Decoding of MIME part bodies (Content-Transfer-Encoding), tolerant of liars.

The standard library's ``get_payload(decode=True)`` hands back still-encoded text when
base64 is truncated, and does not know a ``quoted-printable;`` with a stray semicolon.
:func:`decode_payload` returns ``(bytes, note, broken)``: ``note`` says what was odd about the
payload and ``broken`` whether the file could only be partly recovered; it never raises.  :func:`extract_uuencoded` finds
``begin 644 name`` blocks that old clients (Outlook 2000, Eudora) put in text bodies.
"""

from __future__ import annotations

import binascii
import quopri
import re
from email.message import Message

from .headers import raw_header

_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/]")
_WHITESPACE = re.compile(rb"\s+")
_UU_BLOCK = re.compile(
    r"^begin(?:-base64)? [0-7]{3,4} ([^\r\n]+)\r?\n(.*?)^end[ \t\r]*$", re.MULTILINE | re.DOTALL
)
UUENCODE = {"x-uuencode", "uuencode", "uue", "x-uue"}


def transfer_encoding(part: Message) -> str:
    """The CTE token, lower-cased, without the stray ``;`` or parameters some clients add."""
    raw = raw_header(part, "content-transfer-encoding") or ""
    return raw.split(";", 1)[0].strip().strip('"').lower() or "7bit"


def raw_payload(part: Message) -> bytes:
    """The still-encoded body of a leaf part as bytes, 8-bit bytes intact."""
    # The public get_payload() re-decodes 8-bit bytes with the declared charset and
    # errors="replace", which destroys them; the stored payload still has them as
    # surrogate escapes, so read it directly.
    payload = getattr(part, "_payload", None)
    if isinstance(payload, bytes):
        return payload
    if not isinstance(payload, str):
        return b""
    try:
        return payload.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return payload.encode("utf-8", "surrogateescape")


def decode_base64(data: bytes) -> tuple[bytes, str | None, bool]:
    """Strict base64 first; then a best effort that says what was wrong."""
    compact = _WHITESPACE.sub(b"", data)
    try:
        return binascii.a2b_base64(compact, strict_mode=True), None, False
    except binascii.Error:
        pass
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    # Base64 lines never contain spaces; eM Client and others label plain text base64.
    if lines and any(b" " in line for line in lines):
        return data.strip(b"\r\n"), "declared base64 but is plain text; kept as is", False
    clean = _B64_JUNK.sub(b"", data)
    if len(clean) % 4 == 1:
        clean = clean[:-1]  # a lone trailing character carries no whole byte
        note, broken = "base64 data is truncated; the file is incomplete", True
    else:
        note, broken = "base64 with invalid characters or padding; decoded leniently", False
    clean += b"=" * (-len(clean) % 4)
    try:
        return binascii.a2b_base64(clean), note, broken
    except binascii.Error:
        return b"", "base64 data could not be decoded", True


def decode_uu(data: bytes) -> bytes:
    """Decode uuencoded lines (with or without the begin/end wrapper)."""
    out = bytearray()
    for line in data.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(b"begin ") or stripped == b"end":
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:
            # Broken encoders pad lines wrongly; decode only the bytes the length says.
            nbytes = (((line[0] - 32) & 63) * 4 + 5) // 3
            try:
                out += binascii.a2b_uu(line[:nbytes])
            except binascii.Error:
                continue
    return bytes(out)


def decode_payload(part: Message) -> tuple[bytes, str | None, bool]:
    """The decoded body of a leaf part, a note on anything odd, and whether it is broken."""
    try:
        return decode_with(raw_payload(part), transfer_encoding(part))
    except Exception as e:  # defensive: a payload must never stop the message
        return b"", f"payload could not be decoded: {type(e).__name__}", True


def decode_with(raw: bytes, cte: str) -> tuple[bytes, str | None, bool]:
    """Decode ``raw`` for the transfer encoding ``cte``; see :func:`decode_payload`."""
    try:
        if cte == "base64":
            return decode_base64(raw)
        if cte == "quoted-printable":
            return quopri.decodestring(raw), None, False
        if cte in UUENCODE:
            if not raw.strip():
                return b"", None, False
            return decode_uu(raw), None, False
        return raw, None, False
    except Exception as e:  # defensive: a payload must never stop the message
        return b"", f"payload could not be decoded: {type(e).__name__}", True


def extract_uuencoded(text: str) -> tuple[str, list[tuple[str, bytes]]]:
    """Split uuencoded files out of a text body: ``(remaining text, [(name, data)])``."""
    found: list[tuple[str, bytes]] = []

    def take(match: re.Match[str]) -> str:
        data = decode_uu(match.group(2).encode("latin-1", "replace"))
        if not data:
            return match.group(0)
        found.append((match.group(1).strip(), data))
        return f"[{match.group(1).strip()}]"

    if "begin " not in text:
        return text, []
    return _UU_BLOCK.sub(take, text), found
