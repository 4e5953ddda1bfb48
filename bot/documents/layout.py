"""How much of an A4 page a document fills: the "summary at most half an A4 page" rule.

The result is ``used height / 842 pt`` (the height of A4), summed over pages, so a
summary that spills onto a second page measures more than 1.

PDF (:func:`pdf_used_a4_fraction`, or :func:`page_used_pt` inside a PDFium pass)
    Per page, the vertical extent of the ink: from the top of the highest object
    (text, line, rectangle, curve, image) to the bottom of the lowest.  Objects nearly
    as tall as the page (background boxes, frames) and blank characters are ignored.
    A page without a text layer (a scan) is rendered at low resolution and the extent
    of its dark pixel rows is used instead.  Only the first :data:`MAX_PAGES` pages are
    measured; later pages count as full pages (the rule's limit is half a page, so the
    exact figure past five pages is moot).  Everything comes from PDFium, about 2 ms a
    page: text from its text rectangles (glyph boxes of runs of characters), paths and
    images from the page objects (descending into form XObjects).  The pdfplumber
    version (:func:`pdfplumber_used_a4_fraction`, 50-100x slower) uses font-size boxes
    for characters instead of glyph boxes; the two agree within 0.005 on the test corpus
    (checked in ``tests/documents/test_layout.py``), and it is the fallback for a file
    PDFium cannot open.

DOCX (:func:`docx_used_a4_fraction`)
    An estimate of the rendered length, without rendering: the text width comes from
    the first section's page width and margins; each paragraph is wrapped into lines
    with an average glyph width of :data:`GLYPH_EM` em (Times New Roman, Vietnamese
    text), at its own font size (run, then style chain, then document default, then
    13 pt) and line spacing (multiple, exact or at-least), and its space before/after
    is added.  Tables are measured row by row, a row being as tall as its tallest cell
    (cells wrap at their own width).  Leading and trailing empty paragraphs are not
    counted, as they leave no ink.  Page breaks are ignored (length is continuous).
    Checked against the PDF measurement of LibreOffice's own conversion of the same
    files (see ``tests/documents/test_layout.py``): within ±0.1 for short documents.
"""

from __future__ import annotations

import ctypes
import io
import math
from collections.abc import Iterator

A4_HEIGHT_PT = 842.0
MAX_PAGES = 5
GLYPH_EM = 0.45  # average advance of a Times New Roman glyph in Vietnamese text, in em
BOLD_FACTOR = 1.06
LINE_FACTOR = 1.15  # single line height of Times New Roman / Liberation Serif, in em
DEFAULT_FONT_PT = 13.0
CELL_PADDING_PT = 10.8  # Word's default left + right cell margins (0.19 cm each)
_INK_THRESHOLD = 160  # grey level below which a rendered pixel counts as ink
_SCAN_DPI = 50
_THIN_PT = 1.0  # text boxes thinner than this may be blanks (checked)


# --- PDF --------------------------------------------------------------------------------
def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix that applies ``inner`` then ``outer`` (both ``a b c d e f``)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def _graphics_spans(page, vertical_is_x: bool) -> Iterator[tuple[float, float]]:
    """(low, high) page coordinates, on the display's vertical axis, of each path and image.

    Form XObjects are descended into; their children report bounds in form space, so
    the form matrices are applied.  Text objects are left to the text page.
    """
    from pypdfium2 import raw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fs_matrix = raw.FS_MATRIX()
    # (container handle, is a form, matrix to page space or None for the page itself)
    stack: list[tuple[object, bool, tuple[float, ...] | None]] = [(page.raw, False, None)]
    while stack:
        container, is_form, matrix = stack.pop()
        count = raw.FPDFFormObj_CountObjects(container) if is_form else raw.FPDFPage_CountObjects(container)
        for i in range(count):
            obj = raw.FPDFFormObj_GetObject(container, i) if is_form else raw.FPDFPage_GetObject(container, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if raw.FPDFPageObj_GetMatrix(obj, fs_matrix):
                    m = fs_matrix
                    own = (m.a, m.b, m.c, m.d, m.e, m.f)
                    stack.append((obj, True, own if matrix is None else _compose(own, matrix)))
                continue
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE):
                continue
            if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue
            x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
            if matrix is not None:
                a, b, c, d, e, f = matrix
                xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
                ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
                x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
            yield (x0, x1) if vertical_is_x else (y0, y1)


def _text_span(textpage, vertical_is_x: bool) -> tuple[float, float] | None:
    """(low, high) of the visible text on the display's vertical axis, None without any.

    PDFium's text rectangles are the tight glyph boxes of runs of characters (a few
    per line), so this is a handful of calls instead of one per character.  A run of
    blanks gives a box of (almost) no height: such thin boxes count only when the
    text inside them is not blank.
    """
    from pypdfium2 import raw

    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    low, high = math.inf, -math.inf
    for i in range(raw.FPDFText_CountRects(textpage.raw, 0, -1)):
        raw.FPDFText_GetRect(textpage.raw, i, left, top, right, bottom)
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        if min(x1 - x0, y1 - y0) < _THIN_PT and not textpage.get_text_bounded(x0, y0, x1, y1).strip():
            continue
        lo, hi = (x0, x1) if vertical_is_x else (y0, y1)
        low, high = min(low, lo), max(high, hi)
    return None if low > high else (low, high)


def page_used_pt(page, textpage) -> float:
    """Used height in pt of one PDFium page, given its loaded text page (see module doc)."""
    vertical_is_x = page.get_rotation() in (90, 270)  # PDFium reports unrotated coordinates
    span = _text_span(textpage, vertical_is_x)
    if span is None:
        return _scan_extent(page)
    low, high = span
    limit = 0.9 * page.get_height()  # display height (rotation applied)
    for lo, hi in _graphics_spans(page, vertical_is_x):
        if hi - lo < limit:
            low, high = min(low, lo), max(high, hi)
    return max(0.0, high - low)


def used_fraction(used_pt: float, page_count: int) -> float:
    """The fraction from the height used on the first :data:`MAX_PAGES` pages."""
    return round((used_pt + A4_HEIGHT_PT * max(0, page_count - MAX_PAGES)) / A4_HEIGHT_PT, 3)


def _scan_extent(page) -> float:
    """Extent of dark pixel rows of a rendered page, in pt (for image-only pages)."""
    bitmap = page.render(scale=_SCAN_DPI / 72, grayscale=True)
    try:
        im = bitmap.to_pil().convert("L")  # a copy: to_pil() shares the bitmap's buffer
    finally:
        bitmap.close()
    box = im.point(lambda v: 255 if v < _INK_THRESHOLD else 0).getbbox()
    if box is None:
        return 0.0
    return (box[3] - box[1]) * 72.0 / _SCAN_DPI


def pdf_used_a4_fraction(data: bytes) -> float:
    """Sum over pages of the used height, divided by the A4 height."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return pdfplumber_used_a4_fraction(data)  # PDFium refuses some files pdfminer reads
    try:
        used = 0.0
        for i in range(min(len(doc), MAX_PAGES)):
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    used += page_used_pt(page, textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
        return used_fraction(used, len(doc))
    except pdfium.PdfiumError:
        return pdfplumber_used_a4_fraction(data)
    finally:
        doc.close()


# pdfplumber (pdfminer) version: the reference the PDFium one is checked against, and the
# fallback for files PDFium cannot open.  About 0.1-0.2 s per page, so not on the hot path.
def _plumber_page_extent(page) -> float | None:
    """Height in pt between the highest and the lowest object of a pdfplumber page."""
    limit = 0.9 * float(page.height)
    tops: list[float] = []
    bottoms: list[float] = []
    for obj in page.chars:
        if obj.get("text", "").strip():
            tops.append(obj["top"])
            bottoms.append(obj["bottom"])
    for kind in (page.lines, page.rects, page.curves, page.images):
        for obj in kind:
            if obj["bottom"] - obj["top"] < limit:
                tops.append(obj["top"])
                bottoms.append(obj["bottom"])
    if not tops:
        return None
    return max(0.0, max(bottoms) - min(tops))


def _plumber_scan_extent(data: bytes, index: int) -> float:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        try:
            return _scan_extent(page)
        finally:
            page.close()
    finally:
        doc.close()


def pdfplumber_used_a4_fraction(data: bytes) -> float:
    """The same measure with pdfplumber: chars' font boxes instead of PDFium's glyph boxes."""
    import pdfplumber

    used = 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        for i, page in enumerate(pages[:MAX_PAGES]):
            if any(c.get("text", "").strip() for c in page.chars):
                used += _plumber_page_extent(page) or 0.0
            else:
                used += _plumber_scan_extent(data, i)
            page.close()
        return used_fraction(used, len(pages))


# --- DOCX -------------------------------------------------------------------------------
def _style_value(style, getter):
    """First non-None value along a style's base-style chain."""
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


class _Defaults:
    """Document-wide defaults from ``w:docDefaults`` (python-docx has no API for them)."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.font_pt = DEFAULT_FONT_PT
        self.before_pt = 0.0
        self.after_pt = 0.0
        self.line_multiple = 1.0
        defaults = document.styles.element.find(qn("w:docDefaults"))
        if defaults is None:
            return
        sz = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None and sz.get(qn("w:val"), "").isdigit():
            self.font_pt = int(sz.get(qn("w:val"))) / 2
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            self.before_pt = int(spacing.get(qn("w:before"), "0") or 0) / 20
            self.after_pt = int(spacing.get(qn("w:after"), "0") or 0) / 20
            line, rule = spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"), "auto")
            if line and rule == "auto":
                self.line_multiple = int(line) / 240


def _paragraph_height(paragraph, width_pt: float, defaults: _Defaults) -> tuple[float, float, float, bool]:
    """(lines height, space before, space after, has text) of one paragraph."""
    from docx.enum.text import WD_LINE_SPACING

    fmt, style = paragraph.paragraph_format, paragraph.style
    style_size = _style_value(style, lambda s: s.font.size)
    base_pt = style_size.pt if style_size is not None else defaults.font_pt
    style_bold = bool(_style_value(style, lambda s: s.font.bold))

    text_width = 0.0
    chars = 0
    max_pt = 0.0
    for run in paragraph.runs:
        size = run.font.size.pt if run.font.size is not None else base_pt
        bold = run.font.bold if run.font.bold is not None else style_bold
        n = len(run.text)
        text_width += n * size * GLYPH_EM * (BOLD_FACTOR if bold else 1.0)
        chars += n
        if run.text.strip():
            max_pt = max(max_pt, size)
    font_pt = max_pt or base_pt
    text = paragraph.text

    def pick(attr: str):
        value = getattr(fmt, attr)
        return (
            value if value is not None else _style_value(style, lambda s: getattr(s.paragraph_format, attr))
        )

    indent_l, indent_r, first = pick("left_indent"), pick("right_indent"), pick("first_line_indent")
    avail = width_pt - (indent_l.pt if indent_l else 0) - (indent_r.pt if indent_r else 0)
    avail = max(avail, 36.0)
    first_pt = first.pt if first else 0.0
    char_w = text_width / chars if chars else base_pt * GLYPH_EM

    lines = 0
    for segment in text.split("\n") or [""]:
        lines += _wrap_count(segment, avail, char_w, first_pt if lines == 0 else 0.0)

    spacing, rule = pick("line_spacing"), pick("line_spacing_rule")
    single = font_pt * LINE_FACTOR
    if spacing is None:
        line_h = single * defaults.line_multiple
    elif isinstance(spacing, float):
        line_h = single * spacing
    elif rule == WD_LINE_SPACING.EXACTLY:
        line_h = spacing.pt
    else:  # at least
        line_h = max(single, spacing.pt)
    before, after = pick("space_before"), pick("space_after")
    before_pt = before.pt if before is not None else defaults.before_pt
    after_pt = after.pt if after is not None else defaults.after_pt
    return lines * line_h, before_pt, after_pt, bool(text.strip())


def _wrap_count(text: str, avail: float, char_w: float, first_indent: float) -> int:
    """Lines a greedy word wrap needs for ``text``."""
    words = text.split()
    if not words:
        return 1
    lines, used = 1, first_indent
    space = char_w
    for word in words:
        w = len(word) * char_w
        if used > first_indent and used + space + w > avail:
            lines += 1
            used = w
        else:
            used += (space if used > first_indent else 0) + w
        if w > avail:  # a word longer than the line breaks inside itself
            extra = math.ceil(w / avail) - 1
            lines += extra
            used = w - extra * avail
    return lines


def _blocks_height(blocks, width_pt: float, defaults: _Defaults) -> float:
    """Height of a sequence of paragraphs/tables, without leading/trailing blank lines."""
    from docx.table import Table

    items: list[tuple[float, float, float, bool]] = []
    for block in blocks:
        if isinstance(block, Table):
            items.append((_table_height(block, width_pt, defaults), 0.0, 0.0, True))
        else:
            items.append(_paragraph_height(block, width_pt, defaults))
    while items and not items[-1][3]:
        items.pop()
    while items and not items[0][3]:
        items.pop(0)
    total = 0.0
    for i, (h, before, after, _) in enumerate(items):
        total += h + (before if i else 0.0) + (after if i < len(items) - 1 else 0.0)
    return total


def _table_height(table, width_pt: float, defaults: _Defaults) -> float:
    total = 0.0
    for row in table.rows:
        cells = row.cells
        tallest = 0.0
        for cell in cells:
            cell_w = cell.width.pt if cell.width is not None else width_pt / max(1, len(cells))
            blocks = list(cell.iter_inner_content())
            tallest = max(tallest, _blocks_height(blocks, cell_w - CELL_PADDING_PT, defaults))
        if row.height is not None:
            tallest = max(tallest, row.height.pt)
        total += tallest
    return total


def docx_used_a4_fraction(data: bytes) -> float:
    """Estimated rendered height of a .docx divided by the A4 height (see module doc)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    page_w = section.page_width.pt if section.page_width is not None else 595.3
    left = section.left_margin.pt if section.left_margin is not None else 72.0
    right = section.right_margin.pt if section.right_margin is not None else 72.0
    defaults = _Defaults(document)
    used = _blocks_height(list(document.iter_inner_content()), page_w - left - right, defaults)
    return round(used / A4_HEIGHT_PT, 3)
