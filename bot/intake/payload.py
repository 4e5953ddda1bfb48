"""Decoding of MIME part bodies (Content-Transfer-Encoding), tolerant of liars.

The standard library's ``get_payload(decode=True)`` hands back still-encoded text when
base64 is truncated, and does not know a ``quoted-printable;`` with a stray semicolon.
:func:`decode_payload` returns ``(bytes, note, broken)``: ``note`` says what was odd about the
payload and ``broken`` whether the file could only be partly recovered; it never raises.  :func:`extract_uuencoded` finds
``begin 644 name`` blocks that old clients (Outlook 2000, Eudora) put in text bodies.

A part parsed from a skeleton (:mod:`.skeleton`) carries its body as pieces of the raw
message; :func:`decode_pieces` decodes those in chunks of :data:`CHUNK_BYTES` with the
same result as :func:`decode_with` over the joined bytes, without ever joining them.
"""

from __future__ import annotations

import binascii
import io
import quopri
import re
from collections.abc import Iterable, Iterator
from email.message import Message

from .headers import raw_header
from .skeleton import SplicedBody, text_to_bytes

_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/]")
_WHITESPACE = re.compile(rb"\s+")
_UU_BLOCK = re.compile(
    r"^begin(?:-base64)? [0-7]{3,4} ([^\r\n]+)\r?\n(.*?)^end[ \t\r]*$", re.MULTILINE | re.DOTALL
)
UUENCODE = {"x-uuencode", "uuencode", "uue", "x-uue"}
CHUNK_BYTES = 1024 * 1024
_B64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NOT_B64 = bytes(sorted(set(range(256)) - set(_B64_ALPHABET)))  # what _B64_JUNK matches
_ASCII_SPACE = b" \t\n\r\x0b\x0c"  # what rb"\s" matches and bytes.strip() strips


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
    if isinstance(payload, SplicedBody):
        return b"".join(payload.pieces)
    if not isinstance(payload, str):
        return b""
    return text_to_bytes(payload)


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


def decode_payload(part: Message, cte: str | None = None) -> tuple[bytes, str | None, bool]:
    """The decoded body of a leaf part, a note on anything odd, and whether it is broken.

    ``cte`` overrides the part's own Content-Transfer-Encoding (for a forwarded message
    whose encoding is declared on its container).
    """
    try:
        cte = cte or transfer_encoding(part)
        payload = getattr(part, "_payload", None)
        if isinstance(payload, SplicedBody):
            return decode_pieces(payload.pieces, cte)
        return decode_with(raw_payload(part), cte)
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


def decode_pieces(pieces: Iterable[bytes | memoryview], cte: str) -> tuple[bytes, str | None, bool]:
    """:func:`decode_with` over ``b"".join(pieces)``; base64 and quoted-printable in chunks.

    ``pieces`` are as :class:`~.skeleton.SplicedBody` cuts them: ``memoryview`` pieces
    are runs of base64-alphabet lines (never a space), ``bytes`` pieces hold whole lines.
    """
    pieces = tuple(pieces)
    try:
        if cte == "base64":
            return _base64_pieces(pieces)
        if cte == "quoted-printable":
            return _qp_pieces(pieces), None, False
        return decode_with(b"".join(pieces), cte)
    except Exception as e:  # defensive: a payload must never stop the message
        return b"", f"payload could not be decoded: {type(e).__name__}", True


def _blocks(pieces: tuple[bytes | memoryview, ...]) -> Iterator[bytes]:
    for piece in pieces:
        for i in range(0, len(piece), CHUNK_BYTES):
            yield bytes(piece[i : i + CHUNK_BYTES])


def _base64_pieces(pieces: tuple[bytes | memoryview, ...]) -> tuple[bytes, str | None, bool]:
    # The same three steps as decode_base64: strict, "plain text labelled base64", lenient.
    # BytesIO.getvalue() hands over its buffer without a copy, so the output exists once.
    out, rest = io.BytesIO(), b""
    strict = True
    for block in _blocks(pieces):
        rest += block.translate(None, _ASCII_SPACE)
        pad = rest.find(b"=")
        if pad >= 0 and rest[pad:].strip(b"="):
            strict = False  # strict base64 allows nothing but more '=' after a '='
            break
        # Whole quads before the first '=' and before the last character decode the same
        # alone as inside the whole; the rest, kept back, never starts with '='.
        n = ((pad if pad >= 0 else len(rest)) - 1) // 4 * 4
        if n > 0:
            head, rest = rest[:n], rest[n:]
            try:
                out.write(binascii.a2b_base64(head, strict_mode=True))
            except binascii.Error:
                strict = False
                break
    if strict:
        try:
            out.write(binascii.a2b_base64(rest, strict_mode=True))
            return out.getvalue(), None, False
        except binascii.Error:
            pass
    out.close()
    # A run (memoryview) never holds a space and the text pieces hold whole lines, so a
    # line with an inner space is found by looking at the text pieces alone.
    if any(b" " in line.strip() for p in pieces if isinstance(p, bytes) for line in p.splitlines()):
        return b"".join(pieces).strip(b"\r\n"), "declared base64 but is plain text; kept as is", False
    out, rest = io.BytesIO(), b""
    try:
        for block in _blocks(pieces):
            rest += block.translate(None, _NOT_B64)
            n = len(rest) // 4 * 4
            out.write(binascii.a2b_base64(rest[:n]))
            rest = rest[n:]
        if len(rest) % 4 == 1:
            rest = rest[:-1]  # a lone trailing character carries no whole byte
            note, broken = "base64 data is truncated; the file is incomplete", True
        else:
            note, broken = "base64 with invalid characters or padding; decoded leniently", False
        out.write(binascii.a2b_base64(rest + b"=" * (-len(rest) % 4)))
    except binascii.Error:
        return b"", "base64 data could not be decoded", True
    return out.getvalue(), note, broken


def _qp_pieces(pieces: tuple[bytes | memoryview, ...]) -> bytes:
    # quopri.decodestring is binascii.a2b_qp, which never looks past a line end, so
    # decoding line-aligned chunks gives the same bytes as decoding the whole.
    out, pending = io.BytesIO(), []
    for block in _blocks(pieces):
        cut = block.rfind(b"\n") + 1
        if not cut:
            pending.append(block)
            continue
        out.write(quopri.decodestring(b"".join([*pending, block[:cut]])))
        pending = [block[cut:]]
    out.write(quopri.decodestring(b"".join(pending)))
    return out.getvalue()


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
