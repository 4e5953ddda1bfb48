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
    The package is read with zipfile + lxml, with python-docx's semantics (the test
    module keeps the python-docx version and checks that they agree): about 1.5 ms a
    summary, plus parsing its styles.xml the first time those exact bytes are seen by
    the process (about 6 ms for the 350 kB one of python-docx's template, which the
    generated corpus uses; less for smaller ones).
"""

from __future__ import annotations

import ctypes
import functools
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
# The package is read with zipfile + lxml rather than through python-docx objects: opening
# a python-docx Document parses every part, and its ``paragraph.style`` scans every style
# of the document (166 in python-docx's template) for each paragraph, which made this
# about 30 ms a summary.  Here document.xml and styles.xml are parsed once, styles are
# reduced to compact records (cached by the bytes of styles.xml, which documents from the
# same template share) and style-chain lookups are memoised.  The semantics are those of
# python-docx 1.2 (parser settings, which elements and attributes count, how values are
# converted, when invalid XML raises); tests/documents/test_layout.py keeps the
# python-docx version and checks that both agree.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT, _BODY, _PG_SZ, _PG_MAR = (_W + t for t in ("document", "body", "pgSz", "pgMar"))
_P, _R, _T, _HYPERLINK, _TBL, _TR, _TC = (_W + t for t in ("p", "r", "t", "hyperlink", "tbl", "tr", "tc"))
_PPR, _PSTYLE, _SPACING, _IND, _RPR, _SZ, _B = (
    _W + t for t in ("pPr", "pStyle", "spacing", "ind", "rPr", "sz", "b")
)
_BR, _TC_PR, _TC_W, _GRID_SPAN, _V_MERGE = (_W + t for t in ("br", "tcPr", "tcW", "gridSpan", "vMerge"))
_TR_PR, _TR_HEIGHT, _GRID_BEFORE = (_W + t for t in ("trPr", "trHeight", "gridBefore"))
_STYLES, _STYLE, _BASED_ON = (_W + t for t in ("styles", "style", "basedOn"))
_VAL, _TYPE, _STYLE_ID, _DEFAULT = (_W + t for t in ("val", "type", "styleId", "default"))
_RUN_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_BLOCKS = (_P, _TBL)
_EMU_PER_PT = 12700.0
_MISSING = object()  # an element present without its w:val
_SIZE, _BOLD, _LEFT, _RIGHT, _FIRST, _LINE, _RULE, _BEFORE, _AFTER = range(9)

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
_xml_parser = None


def _parse(xml: bytes):
    """Parse as python-docx does (blank text dropped, no entity resolution)."""
    global _xml_parser
    from lxml import etree

    if _xml_parser is None:
        _xml_parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return etree.fromstring(xml, _xml_parser)


# Attribute values to EMU (ints), memoised: python-docx's own converters, so odd values
# ("1.5cm", "abc") convert or raise exactly as they did.
@functools.lru_cache(maxsize=1024)
def _twips(value: str) -> int:
    from docx.oxml.simpletypes import ST_TwipsMeasure

    return int(ST_TwipsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=1024)
def _signed_twips(value: str) -> int:
    from docx.oxml.simpletypes import ST_SignedTwipsMeasure

    return int(ST_SignedTwipsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=256)
def _half_points(value: str) -> int:
    from docx.oxml.simpletypes import ST_HpsMeasure

    return int(ST_HpsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=64)
def _on_off(value: str) -> bool:
    from docx.oxml.simpletypes import ST_OnOff

    return ST_OnOff.convert_from_xml(value)


@functools.lru_cache(maxsize=64)
def _line_rule(value: str) -> str:
    from docx.enum.text import WD_LINE_SPACING

    return WD_LINE_SPACING.from_xml(value).name


_STYLE_KINDS = {
    "paragraph": "paragraph",
    "character": "character",
    "table": "table",
    "numbering": "numbering",
}


def _style_kind(value: str) -> str:
    try:
        return _STYLE_KINDS[value]
    except KeyError:
        raise ValueError(f"WD_STYLE_TYPE has no XML mapping for '{value}'") from None


def _required(element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise ValueError(f"required '{name}' attribute not present on element {element.tag}")
    return value


def _first_children(element, tags: dict[str, int]) -> list:
    """The first child element with each tag of ``tags`` (tag: position in the result)."""
    found = [None] * len(tags)
    for child in element:
        i = tags.get(child.tag)
        if i is not None and found[i] is None:
            found[i] = child
    return found


_PPR_CHILDREN = {_SPACING: 0, _IND: 1}
_RPR_CHILDREN = {_SZ: 0, _B: 1}
_STYLE_CHILDREN = {_BASED_ON: 0, _PPR: 1, _RPR: 2}
_SPACING_ATTRS = tuple(_W + a for a in ("line", "lineRule", "before", "after"))
_IND_ATTRS = tuple(_W + a for a in ("left", "right", "firstLine", "hanging"))


# Raw paragraph properties: ((line, lineRule, before, after) of w:spacing or None,
# (left, right, firstLine, hanging) of w:ind or None), None when neither is there.
def _ppr_raw(ppr):
    spacing, ind = _first_children(ppr, _PPR_CHILDREN)
    if spacing is None and ind is None:
        return None
    return (
        None if spacing is None else tuple(map(spacing.get, _SPACING_ATTRS)),
        None if ind is None else tuple(map(ind.get, _IND_ATTRS)),
    )


def _rpr_raw(rpr):
    """(w:sz/@w:val, w:b/@w:val) of a w:rPr: None for an absent element, _MISSING for no w:val."""
    sz, b = _first_children(rpr, _RPR_CHILDREN)
    if sz is None and b is None:
        return None
    return (None if sz is None else sz.get(_VAL, _MISSING), None if b is None else b.get(_VAL, _MISSING))


# Property getters on raw records, as python-docx's Font / ParagraphFormat properties.
def _font_size(rpr) -> int | None:
    if rpr is None or rpr[0] is None:
        return None
    if rpr[0] is _MISSING:
        raise ValueError("required 'w:val' attribute not present on element w:sz")
    return _half_points(rpr[0])


def _font_bold(rpr) -> bool | None:
    if rpr is None or rpr[1] is None:
        return None
    return True if rpr[1] is _MISSING else _on_off(rpr[1])


def _ind(ppr, i: int) -> int | None:
    ind = ppr and ppr[1]
    if ind is None or ind[i] is None:
        return None
    return _signed_twips(ind[i])


def _first_line(ppr) -> int | None:
    ind = ppr and ppr[1]
    if ind is None:
        return None
    if ind[3] is not None:  # hanging
        return -_twips(ind[3])
    return None if ind[2] is None else _twips(ind[2])


def _line_and_rule(ppr) -> tuple[int | None, str | None]:
    spacing = ppr[0]
    line = None if spacing[0] is None else _signed_twips(spacing[0])
    if spacing[1] is not None:
        return line, _line_rule(spacing[1])
    return line, ("MULTIPLE" if line is not None else None)


def _line_spacing(ppr) -> tuple[bool, float] | None:
    """(True, multiple) or (False, EMU): python-docx's float or Length line_spacing."""
    if not ppr or ppr[0] is None:
        return None
    line, rule = _line_and_rule(ppr)
    if line is None:
        return None
    return (True, line / 152400) if rule == "MULTIPLE" else (False, line)


_SPECIAL_MULTIPLES = {152400: "SINGLE", 228600: "ONE_POINT_FIVE", 304800: "DOUBLE"}


def _line_spacing_rule(ppr) -> str | None:
    if not ppr or ppr[0] is None:
        return None
    line, rule = _line_and_rule(ppr)
    if rule == "MULTIPLE":
        return _SPECIAL_MULTIPLES.get(line, rule)
    return rule


def _space(ppr, i: int) -> int | None:
    spacing = ppr and ppr[0]
    if spacing is None or spacing[i] is None:
        return None
    return _twips(spacing[i])


_GETTERS = {
    _SIZE: _font_size,
    _BOLD: _font_bold,
    _LEFT: lambda ppr: _ind(ppr, 0),
    _RIGHT: lambda ppr: _ind(ppr, 1),
    _FIRST: _first_line,
    _LINE: _line_spacing,
    _RULE: _line_spacing_rule,
    _BEFORE: lambda ppr: _space(ppr, 2),
    _AFTER: lambda ppr: _space(ppr, 3),
}


class _Defaults:
    """Document-wide defaults from ``w:docDefaults`` of the styles part's root."""

    def __init__(self, styles) -> None:
        self.font_pt = DEFAULT_FONT_PT
        self.before_pt = 0.0
        self.after_pt = 0.0
        self.line_multiple = 1.0
        defaults = styles.find(f"{_W}docDefaults")
        if defaults is None:
            return
        sz = defaults.find(f"{_W}rPrDefault/{_W}rPr/{_W}sz")
        if sz is not None and sz.get(_VAL, "").isdigit():
            self.font_pt = int(sz.get(_VAL)) / 2
        spacing = defaults.find(f"{_W}pPrDefault/{_W}pPr/{_W}spacing")
        if spacing is not None:
            self.before_pt = int(spacing.get(f"{_W}before", "0") or 0) / 20
            self.after_pt = int(spacing.get(f"{_W}after", "0") or 0) / 20
            line, rule = spacing.get(f"{_W}line"), spacing.get(f"{_W}lineRule", "auto")
            if line and rule == "auto":
                self.line_multiple = int(line) / 240


class _StyleSheet:
    """The styles of a styles part as compact records, with memoised style-chain lookups.

    Lookups behave like python-docx's: a paragraph's style is the paragraph style with its
    w:pStyle id, else the (last) default paragraph style; a property comes from the first
    style of the w:basedOn chain that sets it.  A chain that loops ends (python-docx would
    loop forever).
    """

    def __init__(self, root) -> None:
        self.defaults = _Defaults(root)
        self._is_styles = root.tag == _STYLES
        self._types: list[str | None] = []
        self._default_attr: list[str | None] = []
        self._based_on: list[object] = []  # None, _MISSING or the w:val
        self._ppr: list[tuple | None] = []
        self._rpr: list[tuple | None] = []
        self._by_id: dict[str, int] = {}
        for i, style in enumerate(root.iterchildren(_STYLE)):
            style_id = style.get(_STYLE_ID)
            if style_id is not None:
                self._by_id.setdefault(style_id, i)
            self._types.append(style.get(_TYPE))
            self._default_attr.append(style.get(_DEFAULT))
            based_on, ppr, rpr = _first_children(style, _STYLE_CHILDREN)
            self._based_on.append(None if based_on is None else based_on.get(_VAL, _MISSING))
            self._ppr.append(None if ppr is None else _ppr_raw(ppr))
            self._rpr.append(None if rpr is None else _rpr_raw(rpr))
        self._paragraph_styles: dict[str | None, int | None] = {}
        self._default_paragraph: list[int | None] = []  # empty until computed
        self._chain: dict[tuple[int, int], object] = {}

    def _find(self, style_id: str) -> int | None:
        if '"' in style_id:  # python-docx looks styles up by an XPath it builds with quotes
            raise ValueError(f"invalid style id {style_id!r}")
        return self._by_id.get(style_id)

    def _default_paragraph_style(self) -> int | None:
        if not self._default_paragraph:
            found = None
            for i, kind in enumerate(self._types):
                if kind is not None and _style_kind(kind) == "paragraph":
                    default = self._default_attr[i]
                    if default is not None and _on_off(default):
                        found = i
            self._default_paragraph.append(found)
        return self._default_paragraph[0]

    def paragraph_style(self, style_id: str | None) -> int | None:
        """Index of the style of a paragraph with ``style_id`` (w:pStyle), None without any."""
        try:
            return self._paragraph_styles[style_id]
        except KeyError:
            pass
        if not self._is_styles:
            raise ValueError("the styles part is not a w:styles element")
        found = self._find(style_id) if style_id else None
        if found is not None:
            kind = self._types[found]
            if kind is None or _style_kind(kind) != "paragraph":
                found = None
        if found is None:
            found = self._default_paragraph_style()
        self._paragraph_styles[style_id] = found
        return found

    def _base(self, i: int) -> int | None:
        based_on = self._based_on[i]
        if based_on is None:
            return None
        if based_on is _MISSING:
            raise ValueError("required 'w:val' attribute not present on element w:basedOn")
        found = self._find(based_on)
        if found is None:
            return None
        kind = self._types[found]
        if kind is None:
            raise KeyError(None)  # python-docx's StyleFactory has no class for an untyped style
        _style_kind(kind)
        return found

    def value(self, style: int | None, prop: int):
        """First non-None value of ``prop`` along the base-style chain of ``style``."""
        if style is None:
            return None
        key = (style, prop)
        try:
            return self._chain[key]
        except KeyError:
            pass
        is_font = prop in (_SIZE, _BOLD)
        getter = _GETTERS[prop]
        records = self._rpr if is_font else self._ppr
        value = None
        seen: set[int] = set()
        i: int | None = style
        while i is not None and i not in seen:
            seen.add(i)
            kind = _style_kind(self._types[i])  # validated when the style was reached
            if kind == "numbering" or (kind == "character" and not is_font):
                raise AttributeError(f"a {kind} style has no such property")
            value = getter(records[i])
            if value is not None:
                break
            i = self._base(i)
        self._chain[key] = value
        return value


@functools.lru_cache(maxsize=8)
def _style_sheet(xml: bytes | None) -> _StyleSheet:
    """The style sheet of a styles part (python-docx's default one when there is none)."""
    if xml is None:
        from docx.parts.styles import StylesPart

        xml = StylesPart._default_styles_xml()
    return _StyleSheet(_parse(xml))


def _run(run) -> tuple[tuple | None, str]:
    """(raw w:rPr properties, text) of a w:r element, as python-docx's Run reads them."""
    rpr = None
    seen_rpr = False
    parts = []
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _RUN_CHARS:
            parts.append(_RUN_CHARS[tag])
        elif tag == _BR:
            kind = child.get(_TYPE)
            parts.append("\n" if kind is None or kind == "textWrapping" else "")
        elif tag == _RPR and not seen_rpr:
            seen_rpr = True
            rpr = _rpr_raw(child)
    return rpr, "".join(parts)


def _paragraph_height(p, width_pt: float, sheet: _StyleSheet) -> tuple[float, float, float, bool]:
    """(lines height, space before, space after, has text) of one w:p element."""
    defaults = sheet.defaults
    ppr_element = next(p.iterchildren(_PPR), None)
    style_id = ppr = None
    if ppr_element is not None:
        pstyle = next(ppr_element.iterchildren(_PSTYLE), None)
        if pstyle is not None:
            style_id = _required(pstyle, _VAL)
        ppr = _ppr_raw(ppr_element)
    style = sheet.paragraph_style(style_id)
    style_size = sheet.value(style, _SIZE)
    base_pt = style_size / _EMU_PER_PT if style_size is not None else defaults.font_pt
    style_bold = bool(sheet.value(style, _BOLD))

    text_width = 0.0
    chars = 0
    max_pt = 0.0
    parts = []
    for child in p:
        tag = child.tag
        if tag == _R:
            rpr, run_text = _run(child)
            size_emu = _font_size(rpr)
            size = size_emu / _EMU_PER_PT if size_emu is not None else base_pt
            bold = _font_bold(rpr)
            if bold is None:
                bold = style_bold
            n = len(run_text)
            text_width += n * size * GLYPH_EM * (BOLD_FACTOR if bold else 1.0)
            chars += n
            if run_text.strip():
                max_pt = max(max_pt, size)
            parts.append(run_text)
        elif tag == _HYPERLINK:  # in the text, not in the runs (python-docx's Paragraph.runs)
            parts.extend(_run(r)[1] for r in child.iterchildren(_R))
    font_pt = max_pt or base_pt
    text = "".join(parts)

    def pick(prop: int):
        value = _GETTERS[prop](ppr)
        return value if value is not None else sheet.value(style, prop)

    indent_l, indent_r, first = pick(_LEFT), pick(_RIGHT), pick(_FIRST)
    avail = (
        width_pt - (indent_l / _EMU_PER_PT if indent_l else 0) - (indent_r / _EMU_PER_PT if indent_r else 0)
    )
    avail = max(avail, 36.0)
    first_pt = first / _EMU_PER_PT if first else 0.0
    char_w = text_width / chars if chars else base_pt * GLYPH_EM

    lines = 0
    for segment in text.split("\n") or [""]:
        lines += _wrap_count(segment, avail, char_w, first_pt if lines == 0 else 0.0)

    spacing, rule = pick(_LINE), pick(_RULE)
    single = font_pt * LINE_FACTOR
    if spacing is None:
        line_h = single * defaults.line_multiple
    elif spacing[0]:  # a multiple
        line_h = single * spacing[1]
    elif rule == "EXACTLY":
        line_h = spacing[1] / _EMU_PER_PT
    else:  # at least
        line_h = max(single, spacing[1] / _EMU_PER_PT)
    before, after = pick(_BEFORE), pick(_AFTER)
    before_pt = before / _EMU_PER_PT if before is not None else defaults.before_pt
    after_pt = after / _EMU_PER_PT if after is not None else defaults.after_pt
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


def _blocks_height(blocks, width_pt: float, sheet: _StyleSheet) -> float:
    """Height of a sequence of w:p/w:tbl elements, without leading/trailing blank lines."""
    items: list[tuple[float, float, float, bool]] = []
    for block in blocks:
        if block.tag == _TBL:
            items.append((_table_height(block, width_pt, sheet), 0.0, 0.0, True))
        else:
            items.append(_paragraph_height(block, width_pt, sheet))
    while items and not items[-1][3]:
        items.pop()
    while items and not items[0][3]:
        items.pop(0)
    total = 0.0
    for i, (h, before, after, _) in enumerate(items):
        total += h + (before if i else 0.0) + (after if i < len(items) - 1 else 0.0)
    return total


# Table structure, as python-docx's _Row.cells: a cell spanning n grid columns counts n
# times, a vertically merged continuation cell stands for the cell above it.
def _grid_span(tc) -> int:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    span = None if tc_pr is None else next(tc_pr.iterchildren(_GRID_SPAN), None)
    return 1 if span is None else int(_required(span, _VAL))


def _grid_before(tr) -> int:
    tr_pr = next(tr.iterchildren(_TR_PR), None)
    before = None if tr_pr is None else next(tr_pr.iterchildren(_GRID_BEFORE), None)
    return 0 if before is None else int(_required(before, _VAL))


def _tc_above(tc):
    tr = next(tc.iterancestors(_TR), None)
    if tr is None:
        raise ValueError("w:tc outside a w:tr")
    above = next(tr.itersiblings(_TR, preceding=True), None)
    if above is None:
        raise ValueError("no tr above topmost tr in w:tbl")
    offset = _grid_before(tr) + sum(_grid_span(t) for t in tc.itersiblings(_TC, preceding=True))
    remaining = offset - _grid_before(above)
    for candidate in above.iterchildren(_TC):
        if remaining < 0:
            break
        if remaining == 0:
            return candidate
        remaining -= _grid_span(candidate)
    raise ValueError(f"no `tc` element at grid_offset={offset}")


def _tc_cells(tc) -> Iterator:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    v_merge = None if tc_pr is None else next(tc_pr.iterchildren(_V_MERGE), None)
    if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":
        yield from _tc_cells(_tc_above(tc))
        return
    for _ in range(_grid_span(tc)):
        yield tc


def _cell_width(tc) -> int | None:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    tc_w = None if tc_pr is None else next(tc_pr.iterchildren(_TC_W), None)
    if tc_w is None or _required(tc_w, _TYPE) != "dxa":
        return None
    return int(int(_required(tc_w, _W + "w")) * 635)


def _row_height(tr) -> int | None:
    tr_pr = next(tr.iterchildren(_TR_PR), None)
    height = None if tr_pr is None else next(tr_pr.iterchildren(_TR_HEIGHT), None)
    value = None if height is None else height.get(_VAL)
    return None if value is None else _twips(value)


def _table_height(tbl, width_pt: float, sheet: _StyleSheet) -> float:
    total = 0.0
    for tr in tbl.iterchildren(_TR):
        cells = [cell for tc in tr.iterchildren(_TC) for cell in _tc_cells(tc)]
        tallest = 0.0
        for tc in cells:
            width = _cell_width(tc)
            cell_w = width / _EMU_PER_PT if width is not None else width_pt / max(1, len(cells))
            blocks = [child for child in tc if child.tag in _BLOCKS]
            tallest = max(tallest, _blocks_height(blocks, cell_w - CELL_PADDING_PT, sheet))
        height = _row_height(tr)
        if height is not None:
            tallest = max(tallest, height / _EMU_PER_PT)
        total += tallest
    return total


# The package: the main part and its styles part, found as python-docx finds them.
def _related_part(zf, source: str, reltype: str, required: bool) -> str | None:
    """Part name of the one relationship of ``reltype`` from ``source`` ("/": the package)."""
    from docx.opc.packuri import PackURI

    source_uri = PackURI(source)
    try:
        rels_xml = zf.read(source_uri.rels_uri.membername)
    except KeyError:
        rels_xml = None
    rels: dict[str | None, tuple[str | None, str | None, bool]] = {}
    if rels_xml is not None:
        for rel in _parse(rels_xml).iterchildren(f"{_RELS_NS}Relationship"):
            rels[rel.get("Id")] = (rel.get("Type"), rel.get("Target"), rel.get("TargetMode") == "External")
    matching = [rel for rel in rels.values() if rel[0] == reltype]
    if not matching:
        if required:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        return None
    if len(matching) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    _, target, external = matching[0]
    if external:
        raise ValueError("target_part property on _Relationship is undefined when target mode is External")
    return PackURI.from_rel_ref(source_uri.baseURI, target)


def _content_type(types, partname: str) -> str:
    """Content type of a part per [Content_Types].xml (later entries win, names ignore case)."""
    import posixpath

    overrides = {
        o.get("PartName").lower(): o.get("ContentType") for o in types.iterchildren(f"{_CT_NS}Override")
    }
    defaults = {
        d.get("Extension").lower(): d.get("ContentType") for d in types.iterchildren(f"{_CT_NS}Default")
    }
    if partname.lower() in overrides:
        return overrides[partname.lower()]
    ext = posixpath.splitext(partname)[1]
    ext = ext[1:] if ext.startswith(".") else ext
    if ext.lower() in defaults:
        return defaults[ext.lower()]
    raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")


def _read_docx_parts(data: bytes) -> tuple[bytes, bytes | None]:
    """(document.xml, styles.xml or None) of a .docx package."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = _parse(zf.read("[Content_Types].xml"))
        main = _related_part(zf, "/", _RT + "officeDocument", required=True)
        content_type = _content_type(types, main)
        if content_type != _CT_DOCUMENT:
            raise ValueError(f"not a Word file, content type is '{content_type}'")
        document = zf.read(main[1:])
        styles_part = _related_part(zf, main, _RT + "styles", required=False)
        if styles_part is None:
            return document, None
        if _content_type(types, styles_part) != _CT_STYLES:
            raise ValueError("the styles relationship does not lead to a styles part")
        return document, zf.read(styles_part[1:])


def docx_used_a4_fraction(data: bytes) -> float:
    """Estimated rendered height of a .docx divided by the A4 height (see module doc)."""
    document_xml, styles_xml = _read_docx_parts(data)
    root = _parse(document_xml)
    if root.tag != _DOCUMENT:
        raise ValueError(f"the main part is not a w:document but {root.tag}")
    sheet = _style_sheet(styles_xml)
    sections = root.xpath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": _W[1:-1]})
    section = sections[0]
    pg_sz = next(section.iterchildren(_PG_SZ), None)
    pg_mar = next(section.iterchildren(_PG_MAR), None)
    page_w, left, right = (
        None
        if element is None or element.get(_W + attr) is None
        else _twips(element.get(_W + attr)) / _EMU_PER_PT
        for element, attr in ((pg_sz, "w"), (pg_mar, "left"), (pg_mar, "right"))
    )
    page_w = page_w if page_w is not None else 595.3
    left = left if left is not None else 72.0
    right = right if right is not None else 72.0
    body = next(root.iterchildren(_BODY), None)
    if body is None:
        raise ValueError("the document has no w:body")
    blocks = [child for child in body if child.tag in _BLOCKS]
    used = _blocks_height(blocks, page_w - left - right, sheet)
    return round(used / A4_HEIGHT_PT, 3)
