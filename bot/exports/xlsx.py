"""A small streaming ``.xlsx`` writer: sheets of styled rows, nothing else (pure).

The tracking matrix is tens of thousands of rows of text in a handful of fixed styles.
openpyxl builds an object per cell and spends 5–10 µs on each (the matrix of 5,000 units
took over 4 s), so the matrix is written here as SpreadsheetML (ECMA-376 part 1) straight
into the zip: inline strings, real date cells (serial numbers under a date format), one
``<xf>`` per :class:`Style`, a frozen header, an auto-filter, column widths, row heights
that fit the wrapped text, and print settings for a readable paper copy (A4, landscape
by default, fit to the page width and not to one page, the header row repeated on every
page, page numbers in the footer).  The files open in Excel, LibreOffice and openpyxl
(which the tests use to read them back).

    book = Book()
    head, body = book.style(Style(bold=True, fill="1F4E78")), book.style(Style())
    sheet = book.sheet("Tình hình", widths=[10, 40], freeze="C2")
    sheet.row(["Mã", "Tên"], head)
    sheet.row(["SYT", "Đảng bộ Sở Y tế"], [body, body])
    data = book.save(title="…", created=now)
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string, get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 forbids (a mail subject may carry them); openpyxl refuses them too.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_EPOCH = dt.datetime(1899, 12, 30)
# Row heights: a line of text is about 1.3 × the font size in points, and a column of
# width w holds about w × 11 / size characters of a proportional font (the width unit is
# one digit of the 11-point default font); estimating a little high never hides text.
_LINE = 1.3
_PAD = 3.0
_DEFAULT_HEIGHT = 15.0


def excel_serial(value: dt.date | dt.datetime) -> float:
    """Days since 1899-12-30, the way spreadsheets store dates (naive, local time)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise TypeError("give spreadsheet dates as naive local times, not aware ones")
        delta = value - _EPOCH
    else:
        delta = dt.datetime.combine(value, dt.time()) - _EPOCH
    return delta.days + delta.seconds / 86400


def text_lines(text: str, width: float, size: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` wide at ``size`` points."""
    per_line = max(1, int(width * 11 / size))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _esc(text: str) -> str:
    # Nearly every text needs nothing: one C-level search instead of two passes.
    if _SPECIAL.search(text) is None:
        return text
    return _ILLEGAL.sub("", text).translate(_ESCAPES)


@dataclass(frozen=True)
class Style:
    """One cell format.  Colours are ``RRGGBB``."""

    fill: str | None = None
    bold: bool = False
    color: str | None = None
    font: str = "Times New Roman"
    size: int = 12
    border: str | None = "999999"  # thin border colour; None: no border
    wrap: bool = True
    vertical: str = "top"
    horizontal: str | None = None
    num_format: str | None = None  # "dd/mm/yyyy" for date cells


class Sheet:
    """Rows are appended in order and turned into XML at once (no cell objects)."""

    def __init__(
        self,
        title: str,
        widths: Sequence[float],
        freeze: str | None = None,
        header_height: float | None = None,
        landscape: bool = True,
        print_header: bool = True,
        autofilter: bool = True,
        styles: Sequence[Style] = (),
    ) -> None:
        self.title = title
        self.widths = list(widths)
        self.freeze = freeze
        self.header_height = header_height
        self.landscape = landscape
        self.print_header = print_header
        self.autofilter = autofilter
        self._rows: list[str] = []
        self._ncols = len(self.widths)
        self._letters = [get_column_letter(i) for i in range(1, self._ncols + 1)]
        # The book's styles (id n is styles[n - 1]), for the font size of each cell.
        self._styles = styles

    def row(self, values: Sequence, styles: int | Sequence[int]) -> None:
        """Append one row; ``styles`` is one style id for every cell or one per cell.

        Values are ``str`` (shown as text), ``int``/``float``, ``datetime.date`` or naive
        ``datetime.datetime`` (a real date cell: give it a style with ``num_format``), or
        ``None``/``""`` for an empty (but still styled) cell.  The row is as tall as its
        most wrapped text needs.
        """
        r = len(self._rows) + 1
        if isinstance(styles, int):
            styles = [styles] * len(values)
        elif len(styles) != len(values):
            raise ValueError(f"row {r}: {len(values)} values but {len(styles)} styles")
        if len(values) > self._ncols:
            self._ncols = len(values)
            self._letters = [get_column_letter(i) for i in range(1, self._ncols + 1)]
        letters, search, widths, known = self._letters, _SPECIAL.search, self.widths, self._styles
        cells = []
        lines = 1.0
        # ``letters`` spans every column so far; a row may be shorter.
        for i, (letter, v, style) in enumerate(zip(letters, values, styles, strict=False)):
            if type(v) is str and v:
                size = known[style - 1].size if 0 < style <= len(known) else 12
                width = widths[i] if i < len(widths) else 8.43
                if "\n" in v or len(v) * size > width * 11:
                    lines = max(lines, text_lines(v, width, size) * size / 12)
                if search(v) is not None:
                    v = _ILLEGAL.sub("", v).translate(_ESCAPES)
                cells.append(
                    f'<c r="{letter}{r}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{v}</t></is></c>'
                )
            elif v is None or v == "":
                cells.append(f'<c r="{letter}{r}" s="{style}"/>')
            elif isinstance(v, dt.date):
                cells.append(f'<c r="{letter}{r}" s="{style}"><v>{excel_serial(v)!r}</v></c>')
            elif isinstance(v, bool) or not isinstance(v, int | float):
                raise TypeError(f"cell {letter}{r}: unsupported value {v!r}")
            else:
                cells.append(f'<c r="{letter}{r}" s="{style}"><v>{v}</v></c>')
        height = round(lines * 12 * _LINE + _PAD, 1)
        if r == 1 and self.header_height:
            height = max(height, self.header_height)
        attrs = f' ht="{height}" customHeight="1"' if height > _DEFAULT_HEIGHT + 0.5 or r == 1 else ""
        self._rows.append(f'<row r="{r}"{attrs}>{"".join(cells)}</row>')

    @property
    def ref(self) -> str:
        """The used range, e.g. ``A1:O16``."""
        return f"A1:{get_column_letter(max(self._ncols, 1))}{max(len(self._rows), 1)}"

    def _view(self, selected: bool) -> str:
        tab = ' tabSelected="1"' if selected else ""
        if not self.freeze:
            return f'<sheetViews><sheetView workbookViewId="0"{tab}/></sheetViews>'
        m = re.fullmatch(r"([A-Z]+)(\d+)", self.freeze)
        if m is None:
            raise ValueError(f"freeze must be a cell reference, not {self.freeze!r}")
        xs, ys = column_index_from_string(m.group(1)) - 1, int(m.group(2)) - 1
        pane = "bottomRight" if xs and ys else ("topRight" if xs else "bottomLeft")
        split = (f' xSplit="{xs}"' if xs else "") + (f' ySplit="{ys}"' if ys else "")
        return (
            f'<sheetViews><sheetView workbookViewId="0"{tab}><pane{split} topLeftCell="{self.freeze}" '
            f'activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{self.freeze}" '
            f'sqref="{self.freeze}"/></sheetView></sheetViews>'
        )

    def xml(self, selected: bool) -> str:
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(self.widths, 1)
        )
        # Fit to the page's width, as many pages down as the rows need (fitToHeight 0).
        fit = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        orientation = "landscape" if self.landscape else "portrait"
        setup = f' orientation="{orientation}" fitToWidth="1" fitToHeight="0"'
        footer = "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        return "".join(
            [
                _HEAD,
                f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
                fit,
                f'<dimension ref="{self.ref}"/>',
                self._view(selected),
                '<sheetFormatPr defaultRowHeight="15"/>',
                f"<cols>{cols}</cols>" if cols else "",
                "<sheetData>",
                *self._rows,
                "</sheetData>",
                f'<autoFilter ref="{self.ref}"/>' if self.autofilter else "",
                '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
                f'<pageSetup paperSize="9"{setup}/>',
                footer,
                "</worksheet>",
            ]
        )


class Book:
    """Sheets plus the styles their cells use."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []
        self._styles: list[Style] = []

    def style(self, style: Style) -> int:
        """The id to pass to :meth:`Sheet.row` for cells in ``style``."""
        if style not in self._styles:
            self._styles.append(style)
        return self._styles.index(style) + 1  # xf 0 is the workbook's default

    def sheet(self, title: str, widths: Sequence[float], **options) -> Sheet:
        if any(s.title == title for s in self.sheets):
            raise ValueError(f"duplicate sheet title {title!r}")
        sheet = Sheet(title, widths, styles=self._styles, **options)
        self.sheets.append(sheet)
        return sheet

    def _styles_xml(self) -> str:
        fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
        fills = [
            '<fill><patternFill patternType="none"/></fill>',
            '<fill><patternFill patternType="gray125"/></fill>',
        ]
        borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"]
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        formats: list[str] = []  # custom number formats, ids from 164 on

        def index(items: list[str], item: str) -> int:
            if item not in items:
                items.append(item)
            return items.index(item)

        for s in self._styles:
            font = (
                ("<b/>" if s.bold else "")
                + f'<sz val="{s.size}"/>'
                + (f'<color rgb="FF{s.color}"/>' if s.color else "")
                + f'<name val="{_esc(s.font)}"/>'
            )
            font_id = index(fonts, f"<font>{font}</font>")
            fill_id = 0
            if s.fill:
                fill_id = index(
                    fills,
                    f'<fill><patternFill patternType="solid"><fgColor rgb="FF{s.fill}"/>'
                    '<bgColor indexed="64"/></patternFill></fill>',
                )
            border_id = 0
            if s.border:
                side = f'style="thin"><color rgb="FF{s.border}"/>'
                border_id = index(
                    borders,
                    f"<border><left {side}</left><right {side}</right><top {side}</top>"
                    f"<bottom {side}</bottom><diagonal/></border>",
                )
            align = (f' horizontal="{s.horizontal}"' if s.horizontal else "") + f' vertical="{s.vertical}"'
            align += ' wrapText="1"' if s.wrap else ""
            num = 0
            if s.num_format:
                num = 164 + index(formats, s.num_format)
            apply_num = ' applyNumberFormat="1"' if num else ""
            xfs.append(
                f'<xf numFmtId="{num}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0" '
                f'applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"{apply_num}>'
                f"<alignment{align}/></xf>"
            )
        numfmts = "".join(
            f'<numFmt numFmtId="{164 + i}" formatCode="{_esc(f)}"/>' for i, f in enumerate(formats)
        )
        return (
            f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
            + (f'<numFmts count="{len(formats)}">{numfmts}</numFmts>' if formats else "")
            + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
            f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )

    def _workbook_xml(self) -> str:
        sheets, names = [], []
        for i, s in enumerate(self.sheets):
            sheets.append(f'<sheet name="{_esc(s.title)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
            quoted = "'" + s.title.replace("'", "''") + "'"
            if s.autofilter:
                a, b = s.ref.split(":")
                abs_ref = re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", f"{a}:{b}")
                names.append(
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                    f"{_esc(quoted)}!{abs_ref}</definedName>"
                )
            if s.print_header:
                names.append(
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{_esc(quoted)}!$1:$1</definedName>'
                )
        defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
        return (
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{''.join(sheets)}</sheets>{defined}</workbook>"
        )

    def save(self, title: str, created: dt.datetime, creator: str = "") -> bytes:
        """The workbook as bytes; ``created`` is an aware datetime (stored in UTC)."""
        if not self.sheets:
            raise ValueError("a workbook needs at least one sheet")
        n = len(self.sheets)
        stamp = created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        parts = {
            "[Content_Types].xml": (
                f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                f"{overrides}</Types>"
            ),
            "_rels/.rels": (
                f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
            ),
            "docProps/core.xml": (
                f"{_HEAD}<cp:coreProperties "
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{_esc(title)}</dc:title><dc:creator>{_esc(creator)}</dc:creator>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
                "</cp:coreProperties>"
            ),
            "xl/workbook.xml": self._workbook_xml(),
            "xl/_rels/workbook.xml.rels": (
                f'{_HEAD}<Relationships xmlns="{_PKG_REL}">'
                + "".join(
                    f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                    for i in range(1, n + 1)
                )
                + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
            ),
            "xl/styles.xml": self._styles_xml(),
        }
        for i, s in enumerate(self.sheets, 1):
            parts[f"xl/worksheets/sheet{i}.xml"] = s.xml(selected=i == 1)
        stamp_zip = created.astimezone(dt.UTC).timetuple()[:6]
        buf = io.BytesIO()
        # Level 1: the sheets are megabytes of repetitive XML; higher levels cost several
        # times the time for a few per cent of size.
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            for name, text in parts.items():
                zf.writestr(
                    zipfile.ZipInfo(name, date_time=stamp_zip), text.encode("utf-8"), zipfile.ZIP_DEFLATED, 1
                )
        return buf.getvalue()
