"""Safe file names for attachments, and a zip member's name as its sender meant it.

Mail clients send anything as a file name: Windows paths (``C:\\TEMP\\x.png``), zip-slip
names (``../../etc/passwd``), control characters, NFD-decomposed Vietnamese from macOS,
reserved DOS device names.  :func:`safe_filename` turns any of these into a name that is
safe to show, to store on any OS and to offer as a download name.  It is idempotent, so
sanitising twice (e.g. once in a zip, once when storing) never drifts.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib

MAX_NAME_CHARS = 150
FALLBACK_NAME = "attachment"

# Device names that Windows refuses as a file name whatever the extension ("CON.txt" too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
_RESERVED |= {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
_RESERVED |= {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
_ILLEGAL = re.compile(r'[<>:"|?*\x00-\x1f\x7f-\x9f]')
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
# A plausible extension: short, no spaces; "Nguyen Van A. Bao cao" has no extension.
_EXTENSION = re.compile(r"(\.[^.\s]{1,10})$")


def _strip_format_chars(text: str) -> str:
    # Bidi overrides (U+202E "RTLO" tricks like "cod.exe" shown as "exe.doc") and other
    # invisible format characters hide the real extension from the reader.
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def _cap_length(name: str) -> str:
    if len(name) <= MAX_NAME_CHARS:
        return name
    match = _EXTENSION.search(name)
    ext = match.group(1) if match else ""
    stem = name[: len(name) - len(ext)]
    return stem[: MAX_NAME_CHARS - len(ext)].rstrip(" .") + ext


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name)
    # Keep only the last path component, for both separators; a name that *ends* with a
    # separator ("folder/") falls back to the last non-empty component.
    parts = [p for p in re.split(r"[\\/]", name) if p.strip(" .")]
    name = parts[-1] if parts else ""
    name = _SPACES.sub(" ", name)
    name = _strip_format_chars(name)
    name = _ILLEGAL.sub("_", name)
    # No ".." anywhere, so no later join or naive check can read it as a parent directory.
    name = _DOTS.sub(".", name)
    # Leading dots hide files on Unix and make "..": trailing dots and spaces are
    # silently dropped by Windows, which would change the name behind our back.
    name = name.strip(" ").lstrip(".").rstrip(" .")
    if not name:
        return FALLBACK_NAME
    stem = name.split(".", 1)[0].strip().upper()
    if stem in _RESERVED:
        name = "_" + name
    name = _cap_length(name)
    return unicodedata.normalize("NFC", name) or FALLBACK_NAME


def safe_filename(name: str | None) -> str:
    """Return a file name safe on Linux, macOS and Windows; never empty.

    >>> safe_filename("../../etc/passwd")
    'passwd'
    >>> safe_filename("C:\\\\TEMP\\\\nsmail.png")
    'nsmail.png'
    >>> safe_filename("CON.txt")
    '_CON.txt'
    """
    if not name:
        return FALLBACK_NAME
    # A second pass settles the rare cases where one cleaning step exposes work for an
    # earlier one (e.g. capping the length leaves a trailing dot); the loop makes the
    # function idempotent by construction.
    previous, current = None, name
    for _ in range(4):
        previous, current = current, _clean(current)
        if current == previous:
            break
    return current


def zip_member_name(info: zipfile.ZipInfo) -> str:
    """The member name as the sender's tool meant it.

    Order: the Info-ZIP Unicode Path extra field (0x7075) when its CRC matches; the name
    as UTF-8 when the language-encoding flag is set; otherwise the raw bytes tried as
    UTF-8 (7-Zip, macOS write it without the flag), then cp1258 (Windows with a
    Vietnamese locale), then cp437 (the zip default).
    """
    raw = info.orig_filename.encode("cp437", "replace") if not info.flag_bits & 0x800 else None
    extra, pos = info.extra, 0
    while pos + 4 <= len(extra):
        tag = int.from_bytes(extra[pos : pos + 2], "little")
        size = int.from_bytes(extra[pos + 2 : pos + 4], "little")
        body = extra[pos + 4 : pos + 4 + size]
        if tag == 0x7075 and len(body) > 5 and body[0] == 1:
            crc = int.from_bytes(body[1:5], "little")
            original = raw if raw is not None else info.orig_filename.encode("utf-8")
            if zlib.crc32(original) == crc:
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    pass
        pos += 4 + size
    if raw is None:
        return info.orig_filename
    for encoding in ("utf-8", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.orig_filename
