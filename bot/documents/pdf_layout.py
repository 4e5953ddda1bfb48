"""How much of an A4 page a PDF fills: the "summary at most half an A4 page" rule.

The result is ``used height / 842 pt`` (the height of A4), summed over pages, so a
summary that spills onto a second page measures more than 1.  (The .docx estimate is
:mod:`bot.documents.docx_layout`.)

PDF (:func:`pdf_used_a4_fraction`, or :func:`page_used_pt` inside a PDFium pass):
    Per page, the vertical extent of the ink: from the top of the highest object
    (text, line, rectangle, curve, image) to the bottom of the lowest.  Objects nearly
    as tall as the page (background boxes, frames) and blank characters are ignored.
    On the first page measuring starts at the summary's title ("TÓM TẮT THÀNH TÍCH")
    when the page has one: the letterhead above it is not the summary.
    A page without a text layer (a scan) is rendered at low resolution and the extent
    of its dark pixel rows is used instead, from the summary's title down when OCR (with
    line positions) finds the title on the first page.  Only the first :data:`MAX_PAGES` pages are
    measured; later pages count as full pages (the rule's limit is half a page, so the
    exact figure past five pages is moot).  Everything comes from PDFium, about 2 ms a
    page: text from its text rectangles (glyph boxes of runs of characters), paths and
    images from the page objects (descending into form XObjects).  The pdfplumber
    version (:func:`pdfplumber_used_a4_fraction`, 50-100x slower) uses font-size boxes
    for characters instead of glyph boxes; the two agree within 0.005 on the test corpus
    (checked in ``tests/documents/test_layout.py``), and it is the fallback for a file
    PDFium cannot open.
"""

from __future__ import annotations

import ctypes
import io
import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium  # no type hints: its classes are Any to mypy
from PIL import Image
from pypdfium2 import raw

from bot.documents import ocr, tools
from bot.documents.facts import A4_HEIGHT_PT, TITLE_LOOKAHEAD, starts_summary
from bot.text import fold

if TYPE_CHECKING:
    from pdfplumber.page import Page as PlumberPage

MAX_PAGES = 5
_INK_THRESHOLD = 160  # grey level below which a rendered pixel counts as ink
_SCAN_DPI = 50
# A scan is read at its own resolution, within these bounds (dots per inch).  Rendering a
# 150 dpi scan at 300 dpi makes Tesseract lose most of a table's rows (a list of names
# annexed to a decision: 23 of 24 rows read at 150 dpi, 9 at 300); a scan finer than
# 300 dpi gains nothing and costs time; below 150, text is too small to read.
SCAN_DPI_BOUNDS = (150.0, 300.0)
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


def _graphics_spans(page: pdfium.PdfPage, vertical_is_x: bool) -> Iterator[tuple[float, float]]:
    """(low, high) page coordinates, on the display's vertical axis, of each path and image.

    Form XObjects are descended into; their children report bounds in form space, so
    the form matrices are applied.  Text objects are left to the text page.
    """
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


def _text_span(textpage: pdfium.PdfTextPage, vertical_is_x: bool) -> tuple[float, float] | None:
    """(low, high) of the visible text on the display's vertical axis, None without any.

    PDFium's text rectangles are the tight glyph boxes of runs of characters (a few
    per line), so this is a handful of calls instead of one per character.  A run of
    blanks gives a box of (almost) no height: such thin boxes count only when the
    text inside them is not blank.
    """
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


def page_used_pt(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, first: bool = False) -> float:
    """Used height in pt of one PDFium page, given its loaded text page (see module doc).

    ``first``: the document's first page, where measuring starts at the summary's title
    when there is one (the letterhead above it is not the summary)."""
    vertical_is_x = page.get_rotation() in (90, 270)  # PDFium reports unrotated coordinates
    span = _text_span(textpage, vertical_is_x)
    if span is None:
        return _scan_extent(page, title_search=True)
    low, high = span
    limit = 0.9 * page.get_height()  # display height (rotation applied)
    for lo, hi in _graphics_spans(page, vertical_is_x):
        if hi - lo < limit:
            low, high = min(low, lo), max(high, hi)
    title = _title_top(textpage, vertical_is_x) if first and not vertical_is_x else None
    if title is not None:
        high = min(high, title)
    return max(0.0, high - low)


def _title_top(textpage: pdfium.PdfTextPage, vertical_is_x: bool) -> float | None:
    """The top of the summary's title line among the page's first lines, if it has one."""
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    rects = []
    for i in range(raw.FPDFText_CountRects(textpage.raw, 0, -1)):
        raw.FPDFText_GetRect(textpage.raw, i, left, top, right, bottom)
        rects.append((left.value, bottom.value, right.value, top.value))
    # Lines top down (PDF y grows upwards); a title may be split into several runs.
    lines: dict[int, list[tuple[float, float, float, float]]] = {}
    for r in rects:
        lines.setdefault(round(r[3]), []).append(r)
    # A line may be several rectangles at slightly different heights (a fallback font's
    # letters), so more of them than the docx's blocks are looked at.
    for y in sorted(lines, reverse=True)[: 3 * TITLE_LOOKAHEAD]:
        row = sorted(lines[y])
        text = " ".join(textpage.get_text_bounded(*r) for r in row)
        if starts_summary(fold(text)):
            return max(r[3] for r in row)
    return None


def used_fraction(used_pt: float, page_count: int) -> float:
    """The fraction from the height used on the first :data:`MAX_PAGES` pages."""
    return round((used_pt + A4_HEIGHT_PT * max(0, page_count - MAX_PAGES)) / A4_HEIGHT_PT, 3)


def _scan_extent(page: pdfium.PdfPage, title_search: bool = False) -> float:
    """Extent of an image-only page's content, in pt.

    ``title_search``: read the page's lines with OCR and measure from a summary's title
    (else the first line) to the last line: a scan's shadows, edges and specks are not
    text, and the letterhead above the title is not the summary (a scan of several
    summaries has a letterhead and a title on each page).  Without OCR, or when it reads
    no line, the extent of the page's dark pixel rows."""
    if title_search:
        extent = _scan_text_extent(page)
        if extent is not None:
            return extent
    bitmap = page.render(scale=_SCAN_DPI / 72, grayscale=True)
    try:
        im: Image.Image = bitmap.to_pil().convert("L")  # a copy: to_pil() shares the bitmap's buffer
    finally:
        bitmap.close()
    box = im.point(lambda v: 255 if v < _INK_THRESHOLD else 0).getbbox()
    if box is None:
        return 0.0
    return (box[3] - box[1]) * 72.0 / _SCAN_DPI


def _scan_text_extent(page: pdfium.PdfPage) -> float | None:
    """From the summary's title (or the first line) to the last line OCR reads, in pt."""
    if not ocr.ocr_available():
        return None
    dpi = scan_render_dpi(page)
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG")
    finally:
        bitmap.close()
    try:
        lines = [line for line in ocr.ocr_lines(buf.getvalue()) if _WORDS.search(line[2])]
    except tools.ToolFailed:
        return None
    if not lines:
        return None
    top = next((t for t, _, text in lines[: 3 * TITLE_LOOKAHEAD] if starts_summary(fold(text))), lines[0][0])
    bottom = max(b for _, b, _ in lines)
    return max(0.0, bottom - top) * 72.0 / dpi


_WORDS = re.compile(r"[^\W\d_]{2,}\W+[^\W\d_]{2,}")  # two words: text, not a speck read as one


def pdf_used_a4_fraction(data: bytes) -> float:
    """Sum over pages of the used height, divided by the A4 height."""
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
                    used += page_used_pt(page, textpage, first=i == 0)
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
def _plumber_page_extent(page: PlumberPage, first: bool = False) -> float | None:
    """Height in pt between the highest and the lowest object of a pdfplumber page (on the
    first page, from the summary's title down when it has one, as page_used_pt)."""
    limit = 0.9 * float(page.height)
    title = _plumber_title_top(page) if first else None
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
    top = min(tops) if title is None else max(min(tops), title)
    return max(0.0, max(bottoms) - top)


def _plumber_title_top(page: PlumberPage) -> float | None:
    lines: dict[int, list[dict[str, Any]]] = {}
    for c in page.chars:
        lines.setdefault(round(c["bottom"]), []).append(c)
    for y in sorted(lines)[: 3 * TITLE_LOOKAHEAD]:  # pdfplumber's y grows downwards
        row = sorted(lines[y], key=lambda c: c["x0"])
        if starts_summary(fold("".join(c["text"] for c in row))):
            return float(min(c["top"] for c in row))
    return None


def _plumber_scan_extent(data: bytes, index: int) -> float:
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
    # Imported here, as in bot.documents.pdf: ~35 ms at every start, for a rare fallback.
    import pdfplumber  # noqa: PLC0415

    used = 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        for i, page in enumerate(pages[:MAX_PAGES]):
            if any(c.get("text", "").strip() for c in page.chars):
                used += _plumber_page_extent(page, first=i == 0) or 0.0
            else:
                used += _plumber_scan_extent(data, i)
            page.close()
        return used_fraction(used, len(pages))


# The bounds above are for an A4 page (its longer side in inches); a page whose longer
# side is that of a sheet of paper (A5 to A3, Letter, Legal) was scanned at the dpi it says.
_A4_LONG_IN = 297 / 25.4
_PAPER_LONG_IN = (8.0, 17.0)


def scan_render_dpi(page: pdfium.PdfPage) -> float:
    """The resolution to render a scanned page at for OCR: its scan's own, within
    :data:`SCAN_DPI_BOUNDS`.

    A page the size of a sheet of paper was scanned at the dpi it says.  Any other page
    says a dpi a tool wrote, not a scanner: a phone photo bound into a PDF at 72 "dpi"
    (what the camera writes) makes a page of 28 inches whose 2,048 pixels are already a
    good A4 scan's; rendered at 150 dpi it would be upscaled twice, and Tesseract reads
    an upscaled photo's table rows as fragments.  Such a page is bounded by the pixels an
    A4 scan would have.
    """
    least, most = SCAN_DPI_BOUNDS
    own = scan_dpi(page) or most
    long_in = max(page.get_width(), page.get_height()) / 72 or _A4_LONG_IN
    if _PAPER_LONG_IN[0] <= long_in <= _PAPER_LONG_IN[1]:
        return min(max(own, least), most)  # a sheet of paper: its dpi is a scanner's
    pixels = min(max(own * long_in, least * _A4_LONG_IN), most * _A4_LONG_IN)
    return pixels / long_in


def scan_dpi(page: pdfium.PdfPage) -> float | None:
    """The resolution of the largest image drawn on ``page``, in dots per inch."""
    best: tuple[float, float] | None = None  # (area on the page, dpi)
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        # The longer sides match whether or not the scan was placed rotated.
        pixels, points = max(obj.get_px_size()), max(right - left, top - bottom)
        if points > 1 and pixels > 0:
            area = (right - left) * (top - bottom)
            if best is None or area > best[0]:
                best = (area, pixels / (points / 72))
    return best[1] if best else None
