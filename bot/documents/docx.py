"""Text of a .docx (Office Open XML) file, streamed so big documents stay cheap.

Classification only needs the first page (title, the two-column Party header), so
:func:`read_docx` stream-parses ``word/document.xml`` straight out of the zip with a
pull parser, decompressing and parsing it :data:`_HEAD_CHUNK` bytes at a time, and
stops once it has :data:`HEAD_CHARS` characters; no other part of the package is
read.  A 200-page report costs about as much as a one-page letter (half a millisecond).
The head is cut at a line break at :data:`HEAD_CHARS`, the same whether or not the
whole text (body, tables, headers, footers) is collected, which only ``full`` does.

Legacy fonts are handled per run: a run whose font is ``.VnTime``/``VNI-Times`` is
converted from TCVN3/VNI (upper-cased for ``.VnTimeH`` capitals fonts), because the
font is the most reliable evidence there is.  Runs in other fonts are left to the
statistical detector in :mod:`bot.documents.legacy`, applied by the caller.

A password-protected .docx is not a zip at all but an OLE compound file holding an
``EncryptionInfo`` stream; :func:`is_encrypted_ooxml` recognises it.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast
from xml.etree.ElementTree import Element, XMLPullParser

from bot.documents.legacy import decode_legacy, font_encoding, is_capitals_font

HEAD_CHARS = 3000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CHUNK = 64 * 1024
# Head reads decompress and parse this much at a time, so they stop soon after the
# limit: a 64 KB chunk of document.xml can hold ten times the head's text.
_HEAD_CHUNK = 8 * 1024


@dataclass(frozen=True)
class DocxText:
    """Head text, optional full text, and the legacy encoding met in run fonts."""

    head: str
    full: str | None
    legacy_encoding: str | None


def is_encrypted_ooxml(data: bytes) -> bool:
    """An OLE container with an ``EncryptionInfo`` stream (Office "encrypt with password")."""
    # Directory entry names are UTF-16LE; looking for the name avoids a CFB parser here.
    return data[:8] == OLE_MAGIC and "EncryptionInfo".encode("utf-16-le") in data


class _State:
    """Collects paragraphs while the XML streams by."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.chars = 0
        self.stack: list[list[str]] = []  # open (possibly nested, text-box) paragraphs
        self.fallback = 0  # depth inside mc:Fallback (a duplicate of mc:Choice content)
        self.encoding: str | None = None  # legacy encoding of the current run's font
        self.capitals = False  # the current run's font is a TCVN3 capitals font
        self.encodings: Counter[str] = Counter()

    def set_font(self, font: str | None) -> None:
        self.encoding = font_encoding(font)
        self.capitals = self.encoding == "tcvn3" and is_capitals_font(font)

    def add_text(self, text: str) -> None:
        if not self.stack or self.fallback:
            return
        enc = self.encoding
        if enc:
            self.encodings[enc] += len(text)
            text = decode_legacy(text, enc)
            if self.capitals:
                text = text.upper()
        self.stack[-1].append(text)

    def end_paragraph(self) -> None:
        parts = self.stack.pop()
        line = "".join(parts).rstrip()
        self.lines.append(line)
        self.chars += len(line) + 1


def _stream_part(zf: zipfile.ZipFile, name: str, state: _State, limit: int | None) -> bool:
    """Parse one part into ``state``; True when stopped early at ``limit`` characters."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    depth = 0
    size = _CHUNK if limit is None else _HEAD_CHUNK
    with zf.open(name) as fh:
        while chunk := fh.read(size):
            parser.feed(chunk)
            # Only "start" and "end" were asked for: every event is (name, element).
            for event, el in cast("Iterator[tuple[str, Element]]", parser.read_events()):
                tag = el.tag
                if event == "start":
                    depth += 1
                    if tag == f"{_W}p":
                        state.stack.append([])
                    elif tag == _MC_FALLBACK:
                        state.fallback += 1
                    elif tag == f"{_W}r":
                        state.set_font(None)
                    continue
                depth -= 1
                if tag == f"{_W}t":
                    state.add_text(el.text or "")
                elif tag == f"{_W}rFonts":
                    state.set_font(el.get(f"{_W}ascii") or el.get(f"{_W}hAnsi"))
                elif tag == f"{_W}tab":
                    state.add_text("\t")
                elif tag in (f"{_W}br", f"{_W}cr"):
                    state.add_text("\n")
                elif tag == f"{_W}p" and state.stack:
                    state.end_paragraph()
                elif tag == _MC_FALLBACK:
                    state.fallback -= 1
                elif tag == f"{_W}tc":
                    # Cells of a row (the two-column header) read left to right.
                    state.lines.append("")
                # Drop finished top-level blocks so memory stays flat on big documents.
                if depth <= 2:
                    el.clear()
                if limit is not None and not state.stack and state.chars >= limit:
                    return True
    parser.close()
    return False


def _header_footer_parts(zf: zipfile.ZipFile) -> list[str]:
    names = zf.namelist()
    return sorted(n for n in names if n.startswith("word/header") or n.startswith("word/footer"))


def read_docx(data: bytes, full: bool = False) -> DocxText:
    """Text of a .docx; raises ``zipfile.BadZipFile``/``KeyError``/``ParseError`` on bad input."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = _State()
        _stream_part(zf, "word/document.xml", body, None if full else HEAD_CHARS)
        head_lines = _squeeze(body.lines)
        full_text = None
        encodings = Counter(body.encodings)
        if full:
            extra = _State()
            for name in _header_footer_parts(zf):
                _stream_part(zf, name, extra, None)
            encodings.update(extra.encodings)
            full_text = "\n".join(head_lines + _squeeze(extra.lines))
    head = _cut("\n".join(head_lines), HEAD_CHARS)
    enc = encodings.most_common(1)[0][0] if encodings else None
    return DocxText(head=head, full=full_text, legacy_encoding=enc)


def _squeeze(lines: list[str]) -> list[str]:
    """Drop runs of blank lines (empty paragraphs, cell separators) down to one."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line if line.strip() else "")
    while out and not out[-1]:
        out.pop()
    return out


def _cut(text: str, limit: int) -> str:
    """At most about ``limit`` characters, ending at a line break."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]
