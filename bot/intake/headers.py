"""Robust decoding of header values and MIME parameters.

Real mail breaks the standards in every possible way: raw 8-bit bytes in headers and
file names, encoded-words in the wrong charset or split in the middle of a character,
RFC 2231 continuations with a charset the bytes do not match, unknown charset labels.
These helpers work on the *raw* header strings kept by :mod:`email` (undecodable bytes
survive there as surrogate escapes), so they never depend on a policy's header classes
and never raise: anything undecodable falls back to utf-8, then cp1258 (Vietnamese
Windows), then latin-1, which accepts every byte.
"""

from __future__ import annotations

import binascii
import codecs
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from urllib.parse import unquote_to_bytes

FALLBACK_CHARSETS = ("utf-8", "cp1258", "latin-1")

# Labels mail clients use that Python does not know, or knows as a smaller subset.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "ascii",
    "windows-874": "cp874",
    "x-mac-roman": "mac_roman",
    "utf8": "utf-8",
}
_EW = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])|\r?\n")
_MSGID = re.compile(r"<[^<>\s]+>")
_WS = re.compile(r"\s+")


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    label = charset.strip().strip('"').lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> str | None:
    # Yahoo cuts raw UTF-8 names in the middle of a character; one broken sequence among
    # many good ones is still UTF-8, which a single-byte fallback would turn to mojibake.
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return text.replace("\ufffd", "") if good >= 4 * bad and good else None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode ``data`` with ``charset`` if it works, else utf-8, cp1258, latin-1."""
    tried = []
    for candidate in (_codec(charset), *FALLBACK_CHARSETS):
        if candidate is None or candidate in tried:
            continue
        tried.append(candidate)
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            if candidate == "utf-8" and (text := _mostly_utf8(data)) is not None:
                return text
            continue
    return data.decode("latin-1")  # unreachable: latin-1 decodes every byte


def raw_to_bytes(raw: str) -> bytes:
    """Undo the surrogate escaping :mod:`email` applies to undecodable header bytes."""
    return raw.encode("utf-8", "surrogateescape")


def _decode_word(kind: str, text: str) -> bytes:
    if kind in "bB":
        compact = re.sub(r"[^A-Za-z0-9+/]", "", text)
        if len(compact) % 4 == 1:  # one dangling character carries no whole byte
            compact = compact[:-1]
        compact += "=" * (-len(compact) % 4)
        try:
            return binascii.a2b_base64(compact.encode("ascii"))
        except binascii.Error:
            return b""
    return binascii.a2b_qp(raw_to_bytes(text), header=True)


def decode_text(raw: str | None) -> str:
    """Decode a header value: RFC 2047 encoded-words, raw 8-bit text, NFC.

    Adjacent encoded-words in the same charset are joined *before* decoding, because
    Outlook and Yahoo split multi-byte characters across words.
    """
    if not raw:
        return ""
    raw = _FOLD.sub("", raw)
    out: list[str] = []
    pending: list[bytes] = []
    pending_charset: str | None = None
    pos = 0

    def flush() -> None:
        nonlocal pending, pending_charset
        if pending:
            out.append(decode_bytes(b"".join(pending), pending_charset))
        pending, pending_charset = [], None

    for match in _EW.finditer(raw):
        between = raw[pos : match.start()]
        if between and not (between.isspace() and pending):
            flush()
            out.append(decode_bytes(raw_to_bytes(between)))
        charset = match.group(1).split("*", 1)[0]
        if pending and charset.lower() != (pending_charset or "").lower():
            flush()
        pending_charset = charset
        pending.append(_decode_word(match.group(2), match.group(3)))
        pos = match.end()
    flush()
    if pos < len(raw):
        out.append(decode_bytes(raw_to_bytes(raw[pos:])))
    return unicodedata.normalize("NFC", "".join(out))


def one_line(text: str) -> str:
    """Collapse all whitespace (including newlines smuggled in via encoded-words)."""
    return _WS.sub(" ", text).strip()


def raw_header(part: Message, name: str) -> str | None:
    """First raw value of header ``name`` (case-insensitive), unparsed; ``None`` if absent."""
    wanted = name.lower()
    for key, value in part.raw_items():
        if key.lower() == wanted:
            return str(value)
    return None


def raw_headers(part: Message) -> Iterable[tuple[str, str]]:
    """All raw ``(name, value)`` pairs in order."""
    return ((str(k), str(v)) for k, v in part.raw_items())


def _split_params(raw: str) -> list[str]:
    parts, current, quoted, escaped = [], [], False, False
    for ch in raw:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\" and quoted:
            current.append(ch)
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        # Only \" and \\ are unescaped: Windows paths ("C:\TEMP\x.png") keep their
        # backslashes so that the path can be stripped later instead of being glued on.
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if value.startswith('"'):
        return value[1:]
    return value


def parse_params(raw: str | None) -> tuple[str, dict[str, str]]:
    """Split a Content-Type/Content-Disposition value into ``(token, params)``.

    ``token`` is lower-cased and cut at the first whitespace (so a missing ``;`` as in
    ``multipart/mixed<TAB>boundary=...`` still yields the type).  Parameter names are
    lower-cased; values are fully decoded (RFC 2231 sections and charsets, RFC 2047
    words inside quotes, raw 8-bit bytes).  RFC 2231 values win over plain ones.
    """
    if not raw:
        return "", {}
    raw = _FOLD.sub("", raw)
    pieces = _split_params(raw)
    token = pieces[0].strip().split(None, 1)[0].lower() if pieces[0].strip() else ""
    plain: dict[str, str] = {}
    sections: dict[str, dict[int, tuple[bool, str]]] = {}
    for piece in pieces[1:]:
        if "=" not in piece:
            continue
        key, value = piece.split("=", 1)
        key = key.strip().lower()
        value = value.strip()
        if not key:
            continue
        encoded = key.endswith("*")
        base = key[:-1] if encoded else key
        numbered = re.fullmatch(r"(.+)\*(\d{1,3})", base)
        if numbered:
            sections.setdefault(numbered.group(1), {})[int(numbered.group(2))] = (encoded, _unquote(value))
        elif encoded:
            sections.setdefault(base, {})[0] = (True, _unquote(value))
        else:
            plain.setdefault(key, decode_text(_unquote(value)))
    for name, parts in sections.items():
        charset: str | None = None
        chunks: list[bytes] = []
        for index in sorted(parts):
            encoded, value = parts[index]
            if encoded:
                if not chunks and value.count("'") >= 2:
                    charset, _lang, value = value.split("'", 2)
                chunks.append(unquote_to_bytes(raw_to_bytes(value)))
            else:
                chunks.append(raw_to_bytes(value))
        text = decode_bytes(b"".join(chunks), charset)
        if "=?" in text:
            text = decode_text(text)
        plain[name] = unicodedata.normalize("NFC", text)
    return token, plain


def addresses(raw: str | None) -> list[tuple[str, str]]:
    """``[(display name, address)]`` from an address-list header; junk entries dropped.

    Lenient, for To/Cc/Reply-To and loop detection only: it rests on
    :func:`email.utils.getaddresses`, which guesses through broken headers (and in
    Python 3.11 can pick the wrong mailbox, CVE-2023-27043).  Who *sent* a mail is read
    by :func:`bot.intake.sender.read_sender`, never by this.  Addresses are not decoded
    (RFC 2047 §5 forbids encoded-words there); one that holds an encoded-word is dropped.
    """
    if not raw:
        return []
    try:
        pairs = getaddresses([_FOLD.sub("", raw)])
    except Exception:  # the stdlib parser has had crash bugs on hostile input
        return []
    out = []
    for name, addr in pairs:
        addr = one_line(decode_bytes(raw_to_bytes(addr)))
        if "@" not in addr or _EW.search(addr):
            continue
        out.append((one_line(decode_text(name)), addr))
    return out


def message_ids(raw: str | None) -> list[str]:
    """Message-IDs with their angle brackets, in order."""
    if not raw:
        return []
    return _MSGID.findall(_FOLD.sub(" ", raw))


def parse_date(raw: str | None) -> datetime | None:
    """The Date header as an aware datetime (UTC when the zone is unknown), or None."""
    if not raw:
        return None
    try:
        value = parsedate_to_datetime(one_line(decode_text(raw)))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def header_map(msg: Message, max_headers: int) -> dict[str, str]:
    """Each header name (lower case) to its first value, decoded to one line."""
    out: dict[str, str] = {}
    for name, value in raw_headers(msg):
        key = name.strip().lower()
        if key and key not in out and len(out) < max_headers:
            out[key] = one_line(decode_text(value))[:2000]
    return out


def first_id(raw: str | None) -> str | None:
    """The first Message-ID in a header, else its text (a broken id is still an id)."""
    ids = message_ids(raw)
    if ids:
        return ids[0]
    text = one_line(decode_text(raw)) if raw else ""
    return text or None
