"""Render block lists into .docx files that look like Vietnamese administrative documents.

A4, margins 2 cm / 2 cm / 3 cm left / 2 cm right, Times New Roman 13 pt (Decree
30/2020/NĐ-CP style), the two-column header as a borderless table.  ``encoding``
"tcvn3"/"vni" writes every run pre-encoded with the legacy encoder and set in the
matching legacy font (``.VnTime``/``.VnTimeH`` for capitals, ``VNI-Times``), as an old
machine would have saved it.

Output is byte-for-byte deterministic (fixed zip timestamps and core properties), so
conversions of it can be cached by content hash.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from bot.documents.legacy import encode_tcvn3, encode_vni


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    right: bool = False
    size: float | None = None
    before: float = 0.0
    indent: bool = False


@dataclass(frozen=True)
class Columns:
    """Two columns of short lines: the Party header or the signature block."""

    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    is_header: bool = True


@dataclass(frozen=True)
class Rows:
    """A bordered table: a header row and rows of cells (an attached list of names)."""

    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class PageBreak:
    """The rest starts on a new page (a decision's attached list)."""


Block = Para | Columns | Rows | PageBreak


def para(text: str, **kw) -> Para:
    return Para(text, **kw)


def header(left: list[str], right: list[str]) -> Columns:
    return Columns(left, right, is_header=True)


def signature(left: list[str], right: list[str]) -> Columns:
    return Columns(left, right, is_header=False)


_FIXED_TIME = datetime(2024, 2, 20, 8, 0, 0)


class _Writer:
    def __init__(self, encoding: str | None) -> None:
        self.encoding = encoding
        self.doc = docx.Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.0)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(13)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.0
        props = self.doc.core_properties
        props.author, props.last_modified_by = "Văn phòng", "Văn phòng"
        props.created = props.modified = _FIXED_TIME
        props.revision = 1

    def _run(self, paragraph, text: str, *, bold=False, italic=False, underline=False, size=None) -> None:
        font = None
        if self.encoding == "tcvn3":
            # Headings typed in capitals used the ".VnTimeH" capitals font.
            caps = text.isupper()
            font = ".VnTimeH" if caps else ".VnTime"
            text = encode_tcvn3(text.lower() if caps else text)
        elif self.encoding == "vni":
            font, text = "VNI-Times", encode_vni(text)
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font

    def add_para(self, p: Para, container=None) -> None:
        target = container if container is not None else self.doc
        paragraph = target.add_paragraph()
        fmt = paragraph.paragraph_format
        if p.center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif p.right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if p.before:
            fmt.space_before = Pt(p.before)
        if p.indent:
            fmt.first_line_indent = Cm(1.0)
        self._run(paragraph, p.text, bold=p.bold, italic=p.italic, size=p.size)

    def add_columns(self, c: Columns) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        widths = (Cm(7.5), Cm(8.5)) if c.is_header else (Cm(7.5), Cm(8.5))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # LibreOffice reads the grid, Word the cells: set both
        for cell, width, lines, side in zip(
            table.rows[0].cells, widths, (c.left, c.right), "lr", strict=True
        ):
            cell.width = width
            first = cell.paragraphs[0]
            for i, line in enumerate(lines):
                paragraph = first if i == 0 else cell.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.space_after = Pt(0)
                bold = self._is_bold(line, i, side, c.is_header)
                italic = line.startswith("Thái Nguyên, ngày") or (not c.is_header and line == "Nơi nhận:")
                underline = c.is_header and line == "ĐẢNG CỘNG SẢN VIỆT NAM"
                if not c.is_header and side == "l" and i > 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                self._run(
                    paragraph,
                    line,
                    bold=bold,
                    italic=italic,
                    underline=underline,
                    size=12 if side == "l" else None,
                )
        if not c.is_header:
            self.doc.tables[-1].rows[0].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT

    @staticmethod
    def _is_bold(line: str, i: int, side: str, is_header: bool) -> bool:
        if is_header:
            return (side == "l" and i == 1) or (side == "r" and i == 0)
        return side == "r" or (i == 0 and line.isupper())

    def add_rows(self, r: Rows) -> None:
        table = self.doc.add_table(rows=1 + len(r.rows), cols=len(r.header))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, [r.header, *r.rows], strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                self._run(paragraph, text, bold=cells is r.header, size=12)

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return normalize_zip(buf.getvalue())


def render_docx(blocks: list[Block], encoding: str | None = None) -> bytes:
    """The .docx bytes of ``blocks``; ``encoding`` "tcvn3"/"vni" for legacy-font files."""
    writer = _Writer(encoding)
    for block in blocks:
        if isinstance(block, Columns):
            writer.add_columns(block)
        elif isinstance(block, Rows):
            writer.add_rows(block)
        elif isinstance(block, PageBreak):
            writer.doc.add_page_break()
        else:
            writer.add_para(block)
    return writer.bytes()


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps, so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 2, 20, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
