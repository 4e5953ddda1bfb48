"""OpenDocument (.odt) and RTF files: read through LibreOffice as Word documents.

Units on LibreOffice save ``.odt`` and some old tools and web forms save ``.rtf``.
Rather than a second and third reader with their own layout estimate, LibreOffice
converts the file to ``.docx`` and the Word reader does the rest (text, legacy
encodings, the summary's used A4 fraction), so a summary in .odt is measured exactly
as one in .docx.

Without LibreOffice an .odt still gives its text from ``content.xml`` (a zip of XML, no
converter needed) but no layout measure; an .rtf then cannot be read and the caller
sends it to a person.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from bot.documents import tools

SOFFICE_TIMEOUT_S = 120.0
ODT_MIME = b"application/vnd.oasis.opendocument.text"
RTF_MAGIC = b"{\\rtf"

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def is_odt(data: bytes) -> bool:
    """An OpenDocument text: a zip whose ``mimetype`` member says so.

    The OpenDocument spec puts ``mimetype`` first and uncompressed, so its content is at
    a fixed offset; files written by other tools are checked through the zip directory.
    """
    if data[:4] != b"PK\x03\x04":
        return False
    if data[30:38] == b"mimetype" and data[38 : 38 + len(ODT_MIME)] == ODT_MIME:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names or "content.xml" not in names:
                return False
            return "mimetype" not in names or z.read("mimetype").strip().startswith(ODT_MIME)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == RTF_MAGIC


def to_docx(data: bytes, suffix: str) -> bytes:
    """``data`` (an .odt or .rtf) converted to .docx by LibreOffice; :class:`tools.ToolFailed`."""

    def work(tmp: Path) -> bytes:
        name = f"in{suffix}"
        (tmp / name).write_bytes(data)
        args = ["soffice", *tools.soffice_env(tmp / "profile"), "--headless", "--norestore"]
        args += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp / "out"), name]
        tools.run(args, tmp, SOFFICE_TIMEOUT_S)
        out = tmp / "out" / "in.docx"
        if not out.exists() or out.stat().st_size == 0:
            raise tools.ToolFailed("soffice produced no .docx")
        return out.read_bytes()

    return tools.in_tempdir(work)


def odt_text(data: bytes) -> str:
    """The text of an .odt from its ``content.xml``: a line per paragraph, heading or cell.

    Raises ``zipfile.BadZipFile``/``KeyError``/``ParseError`` for a broken file.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("content.xml"))
    lines: list[str] = []
    for el in root.iter():
        # A paragraph nested in another (a frame, a note) is its own line: the outer
        # one's text skips it (_paragraph_text).
        if el.tag in (f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h"):
            lines.append(_paragraph_text(el))
    return unicodedata.normalize("NFC", "\n".join(lines))


def _paragraph_text(p: ElementTree.Element) -> str:
    parts: list[str] = []

    def walk(el: ElementTree.Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = child.tag
            if tag == f"{{{_TEXT_NS}}}s":  # <text:s text:c="3"/>: runs of spaces
                parts.append(" " * int(child.get(f"{{{_TEXT_NS}}}c", "1") or 1))
            elif tag == f"{{{_TEXT_NS}}}tab":
                parts.append("\t")
            elif tag == f"{{{_TEXT_NS}}}line-break":
                parts.append("\n")
            elif tag not in (f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h", f"{{{_TEXT_NS}}}note"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(p)
    return "".join(parts)
