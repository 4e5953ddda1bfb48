"""File type detection from content, and the refusal policy built on it.

A unit's clerk may send ``Bao cao.doc`` that is really a ``.docx``, a PDF called
``scan.jpg``, or a phishing ``invoice.pdf.exe``.  :func:`sniff_type` looks at the bytes
(magic numbers, the member list of zip containers, the directory of OLE compound files)
and only falls back to the file name for text that could be a script.
:func:`refusal_reason` says which types the bot must not accept: executables, scripts,
macro-enabled Office files.  Both functions are pure and never raise.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import PurePosixPath

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12"
PPTM = "application/vnd.ms-powerpoint.presentation.macroEnabled.12"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
PPT = "application/vnd.ms-powerpoint"
OUTLOOK_MSG = "application/vnd.ms-outlook"
DOC_MACRO = "application/x-msword-macro"
XLS_MACRO = "application/x-msexcel-macro"
PPT_MACRO = "application/x-mspowerpoint-macro"
ENCRYPTED_OOXML = "application/x-encrypted-ooxml"
OLE_OTHER = "application/x-ole-storage"
RTF = "application/rtf"
ZIP = "application/zip"
SEVEN_ZIP = "application/x-7z-compressed"
RAR = "application/vnd.rar"
GZIP = "application/gzip"
TNEF = "application/ms-tnef"
JAR = "application/java-archive"
EXE = "application/x-msdownload"
ELF = "application/x-executable"
MACHO = "application/x-mach-binary"
LNK = "application/x-ms-shortcut"
SHELL = "text/x-shellscript"
HTML = "text/html"
HTML_SCRIPT = "application/x-html-script"
TEXT = "text/plain"
XML = "application/xml"
BINHEX = "application/mac-binhex40"
EMPTY = "application/x-empty"
UNKNOWN = "application/octet-stream"

MACRO_TYPES = frozenset({DOCM, XLSM, PPTM, DOC_MACRO, XLS_MACRO, PPT_MACRO})
EXECUTABLE_TYPES = frozenset({EXE, ELF, MACHO, LNK, JAR})
ARCHIVE_TYPES = frozenset({ZIP, SEVEN_ZIP, RAR})

# Windows runs these by extension whatever the bytes are, so the name alone is enough.
SCRIPT_EXTENSIONS = {
    ".js": "application/javascript",
    ".jse": "application/javascript",
    ".vbs": "application/x-vbscript",
    ".vbe": "application/x-vbscript",
    ".wsf": "application/x-wsf",
    ".wsh": "application/x-wsf",
    ".bat": "application/x-bat",
    ".cmd": "application/x-bat",
    ".ps1": "application/x-powershell",
    ".psm1": "application/x-powershell",
    ".hta": "application/hta",
    ".sh": SHELL,
    ".scr": EXE,
    ".exe": EXE,
    ".com": EXE,
    ".pif": EXE,
    ".dll": EXE,
    ".cpl": EXE,
    ".msi": EXE,
    ".lnk": LNK,
    ".jar": JAR,
    ".reg": "application/x-ms-registry",
    ".iso": "application/x-iso9660-image",
    ".img": "application/x-iso9660-image",
    ".docm": DOCM,
    ".dotm": DOCM,
    ".xlsm": XLSM,
    ".xltm": XLSM,
    ".xlam": XLSM,
    ".pptm": PPTM,
    ".potm": PPTM,
    ".ppsm": PPTM,
}
SCRIPT_TYPES = frozenset(set(SCRIPT_EXTENSIONS.values()) - MACRO_TYPES - EXECUTABLE_TYPES) | {HTML_SCRIPT}

_SNIFF_WINDOW = 64 * 1024
_MAX_XML_READ = 1024 * 1024
_MAX_CFB_SECTORS = 20_000


def _extension(filename: str) -> str:
    return PurePosixPath(filename.replace("\\", "/")).suffix.lower()


# A document whose zip is damaged (a truncated download, a copy cut short) is still that
# document: named so, or opening with the member Word and LibreOffice write first.  It is
# read (and reported unreadable) as the document it was meant to be, so the unit is told
# which document to send again, instead of being unpacked as a broken archive.
_DOCUMENT_EXTENSIONS = {
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".pptx": PPTX,
    ".docm": DOCM,
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# What the first member's name (and, for ODF, its stored content) starts with.
_DOCUMENT_FIRST_MEMBERS = {
    b"[Content_Types].xml": DOCX,
    b"mimetypeapplication/vnd.oasis.opendocument.text": _DOCUMENT_EXTENSIONS[".odt"],
}


def _damaged_document(data: bytes, filename: str) -> str | None:
    """The document type a zip that cannot be opened was meant to be, or None."""
    ext = _extension(filename)
    if ext in _DOCUMENT_EXTENSIONS:
        return _DOCUMENT_EXTENSIONS[ext]
    if data.startswith(b"PK\x03\x04") and len(data) >= 30:
        name_length = int.from_bytes(data[26:28], "little")
        first = data[30 : 30 + name_length + 50]
        return next(
            (kind for start, kind in _DOCUMENT_FIRST_MEMBERS.items() if first.startswith(start)), None
        )
    return None


def _sniff_zip(data: bytes, filename: str = "") -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            lowered = {n.lower() for n in names}
            if "[content_types].xml" in lowered:
                return _sniff_ooxml(zf, names, lowered)
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200 and not info.flag_bits & 0x1:
                    mimetype = zf.read(info).decode("ascii", "replace").strip()
                    if mimetype.startswith("application/vnd.oasis.opendocument"):
                        return mimetype
            if "meta-inf/manifest.mf" in lowered and any(n.endswith(".class") for n in lowered):
                return JAR
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError, RuntimeError):
        # A damaged zip is still a zip (unpacking will say what is wrong with it), unless
        # it was a document.
        return _damaged_document(data, filename) or ZIP
    except NotImplementedError:
        pass
    return ZIP


def _sniff_ooxml(zf: zipfile.ZipFile, names: list[str], lowered: set[str]) -> str:
    content_types = ""
    real = next(n for n in names if n.lower() == "[content_types].xml")
    info = zf.getinfo(real)
    if info.file_size <= _MAX_XML_READ and not info.flag_bits & 0x1:
        content_types = zf.read(info).decode("utf-8", "replace").lower()
    macro = "macroenabled" in content_types or any(n.endswith("vbaproject.bin") for n in lowered)
    if any(n.startswith("word/") for n in lowered):
        return DOCM if macro else DOCX
    if any(n.startswith("xl/") for n in lowered):
        return XLSM if macro else XLSX
    if any(n.startswith("ppt/") for n in lowered):
        return PPTM if macro else PPTX
    return ZIP


def cfb_entry_names(data: bytes) -> list[str]:
    """Names in the directory of an OLE compound file (``.doc``, ``.xls``, ``.msg``...).

    Follows the FAT chain of the directory stream; returns ``[]`` when the structure is
    damaged.  Only the header DIFAT (109 FAT sectors, files up to ~7 MB with 512-byte
    sectors; ~450 MB with 4 KB sectors) is read, which covers real attachments.
    """
    try:
        (shift,) = struct.unpack_from("<H", data, 0x1E)
        if shift not in (9, 12):
            return []
        size = 1 << shift
        (first_dir,) = struct.unpack_from("<I", data, 0x30)
        difat = struct.unpack_from("<109I", data, 0x4C)
        fat: list[int] = []
        for sid in difat:
            if sid >= 0xFFFFFFFA:
                continue
            start = (sid + 1) * size
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, start))
        names: list[str] = []
        sid, seen = first_dir, 0
        while sid < 0xFFFFFFFA and seen < _MAX_CFB_SECTORS:
            start = (sid + 1) * size
            for off in range(start, min(start + size, len(data)) - 127, 128):
                (length,) = struct.unpack_from("<H", data, off + 0x40)
                if 2 <= length <= 64 and data[off + 0x42] in (1, 2, 5):
                    names.append(data[off : off + length - 2].decode("utf-16-le", "replace"))
            sid = fat[sid] if sid < len(fat) else 0xFFFFFFFE
            seen += 1
        return names
    except (struct.error, IndexError, ValueError):
        return []


def _sniff_cfb(data: bytes) -> str:
    names = cfb_entry_names(data)
    lowered = {n.lower() for n in names}
    if not names:
        # Damaged directory: fall back to looking for the stream names anywhere.
        if "EncryptionInfo".encode("utf-16-le") in data:
            return ENCRYPTED_OOXML
        if "WordDocument".encode("utf-16-le") in data:
            return DOC
        return OLE_OTHER
    if "encryptioninfo" in lowered or "encryptedpackage" in lowered:
        return ENCRYPTED_OOXML
    macro = bool(lowered & {"macros", "_vba_project_cur", "vba", "_vba_project"})
    if "worddocument" in lowered:
        return DOC_MACRO if macro else DOC
    if lowered & {"workbook", "book"}:
        return XLS_MACRO if macro else XLS
    if "powerpoint document" in lowered:
        return PPT_MACRO if macro else PPT
    if any(n.startswith("__substg1.0_") for n in lowered):
        return OUTLOOK_MSG
    return OLE_OTHER


_MAGIC: list[tuple[bytes, str]] = [
    (b"\x78\x9f\x3e\x22", TNEF),
    (b"{\\rtf", RTF),
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP),
    (b"Rar!\x1a\x07", RAR),
    (b"\x1f\x8b", GZIP),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"MZ", EXE),
    (b"\x7fELF", ELF),
    (b"\xfe\xed\xfa\xce", MACHO),
    (b"\xfe\xed\xfa\xcf", MACHO),
    (b"\xce\xfa\xed\xfe", MACHO),
    (b"\xcf\xfa\xed\xfe", MACHO),
    (b"\xca\xfe\xba\xbe", MACHO),  # also Java class files; refused either way
    (b"L\x00\x00\x00\x01\x14\x02\x00", LNK),
    (b"#!", SHELL),
]
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif"}
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_SCRIPT_TAG = re.compile(rb"<script|\bon(load|error|click|mouseover)\s*=|javascript:", re.IGNORECASE)


def _looks_like_text(window: bytes) -> bool:
    if b"\x00" in window:
        return False
    try:
        window.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        # A multi-byte character cut by the window edge is still text.
        if e.start >= len(window) - 3:
            return True
    # Legacy 8-bit text (cp1258, TCVN3): mostly printable, few control bytes.
    controls = sum(1 for b in window if b < 0x20 and b not in (9, 10, 12, 13))
    return controls * 100 < len(window)


def _sniff_text(data: bytes, filename: str) -> str:
    head = data[:_SNIFF_WINDOW]
    ext = _extension(filename)
    if ext in SCRIPT_EXTENSIONS:
        return SCRIPT_EXTENSIONS[ext]
    if head.lstrip().startswith(b"(This file must be converted with BinHex"):
        return BINHEX
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START.match(stripped) or ext in (".htm", ".html", ".xhtml", ".mht", ".svg"):
        return HTML_SCRIPT if _SCRIPT_TAG.search(data) else HTML
    if stripped[:9].lower() in (b"@echo off",):
        return "application/x-bat"
    if stripped.startswith(b"<?xml"):
        return HTML_SCRIPT if b"<svg" in head and _SCRIPT_TAG.search(data) else XML
    return TEXT


def sniff_type(data: bytes, declared: str = "", filename: str = "") -> str:
    """Return the MIME type the bytes really are.

    ``declared`` (the Content-Type) is only a hint used for data the bytes cannot
    identify; ``filename`` only matters for text, where ``.vbs`` or ``.bat`` turn plain
    text into a script.  OOXML files are told apart by ``[Content_Types].xml`` and
    ``vbaProject.bin``; OLE compound files by their stream names, so an encrypted
    ``.docx`` (an OLE file with an ``EncryptionInfo`` stream) gets ``ENCRYPTED_OOXML``.
    """
    if not data:
        return EMPTY
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _sniff_cfb(data)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _sniff_zip(data, filename)
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "image/heic"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM" and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3"):
        return "audio/mpeg"
    # Some producers put junk or a BOM before the header; Acrobat accepts %PDF in the
    # first KB.  Checked after every container magic, which may store a PDF uncompressed.
    if b"%PDF-" in data[:1024]:
        return PDF
    if _looks_like_text(data[:_SNIFF_WINDOW]):
        return _sniff_text(data, filename)
    ext = _extension(filename)
    if ext in SCRIPT_EXTENSIONS:
        return SCRIPT_EXTENSIONS[ext]
    return UNKNOWN


def refusal_reason(sniffed: str, filename: str = "") -> str | None:
    """Why a file of this type/name must be refused, or ``None`` when it is acceptable.

    The name is checked as well as the type, because Windows decides what to run by
    the extension: a text file called ``thu-moi.vbs`` is a script.
    """
    ext = _extension(filename)
    if sniffed in EXECUTABLE_TYPES or (
        ext in SCRIPT_EXTENSIONS and SCRIPT_EXTENSIONS[ext] in EXECUTABLE_TYPES
    ):
        return f"executable program ({sniffed}, extension {ext or 'none'})"
    if sniffed in MACRO_TYPES or (ext in SCRIPT_EXTENSIONS and SCRIPT_EXTENSIONS[ext] in MACRO_TYPES):
        return f"Office file with macros ({sniffed}); save it as .docx/.xlsx/.pdf without macros"
    if sniffed in SCRIPT_TYPES or ext in SCRIPT_EXTENSIONS:
        return f"script ({sniffed}, extension {ext or 'none'})"
    return None


# The extension a file of a sniffed type gets when it came without a name (an archive
# member, an inline part).
EXTENSION_OF = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/rtf": ".rtf",
    ZIP: ".zip",
    SEVEN_ZIP: ".7z",
    RAR: ".rar",
    TNEF: ".dat",
    "application/gzip": ".gz",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/tiff": ".tif",
    "image/bmp": ".bmp",
    "image/heic": ".heic",
    "image/webp": ".webp",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xml": ".xml",
    "message/rfc822": ".eml",
    "application/vnd.ms-outlook": ".msg",
}
