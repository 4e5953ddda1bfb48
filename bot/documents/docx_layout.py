"""How much of an A4 page a .docx would fill, estimated without rendering (summary rule).

DOCX (:func:`docx_used_a4_fraction`)
    An estimate of the rendered length, without rendering: the text width comes from
    the first section's page width and margins; each paragraph is wrapped into lines
    with an average glyph width of :data:`GLYPH_EM` em (Times New Roman, Vietnamese
    text), at its own font size (run, then style chain, then document default, then
    13 pt) and line spacing (multiple, exact or at-least), and its space before/after
    is added.  Tables are measured row by row, a row being as tall as its tallest cell
    (cells wrap at their own width).  Leading and trailing empty paragraphs are not
    counted, as they leave no ink.  Page breaks are ignored (length is continuous).
    Measuring starts at the summary's title ("TÓM TẮT THÀNH TÍCH") when one of the first
    blocks is that title: the letterhead above it is not the summary.
    Checked against the PDF measurement of LibreOffice's own conversion of the same
    files (see ``tests/documents/test_layout.py``): within ±0.1 for short documents.
    The package is read with zipfile + lxml, with python-docx's semantics (the test
    module keeps the python-docx version and checks that they agree): about 1.5 ms a
    summary, plus parsing its styles.xml the first time those exact bytes are seen by
    the process (about 6 ms for the 350 kB one of python-docx's template, which the
    generated corpus uses; less for smaller ones).
(:mod:`bot.documents.pdf_layout` measures PDFs.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import TypeVar

# The XML vocabulary and style sheet of the sibling module (one file until it grew too long).
from bot.documents.docx_styles import (  # noqa: I001
    _AFTER,
    _BEFORE,
    _BLOCKS,
    _BODY,
    _BOLD,
    _BR,
    _DOCUMENT,
    _EMU_PER_PT,
    _FIRST,
    _GRID_BEFORE,
    _GRID_SPAN,
    _HYPERLINK,
    _LEFT,
    _LINE,
    _PG_MAR,
    _PG_SZ,
    _PPR,
    _PSTYLE,
    _R,
    _RIGHT,
    _RPR,
    _RULE,
    _RUN_CHARS,
    _SIZE,
    _T,
    _TBL,
    _TC,
    _TC_PR,
    _TC_W,
    _TR,
    _TR_HEIGHT,
    _TR_PR,
    _TYPE,
    _V_MERGE,
    _VAL,
    _W,
    XmlElement,
    _font_bold,
    _font_size,
    _ParaProp,
    _parse,
    _PPr,
    _ppr_raw,
    _read_docx_parts,
    _required,
    _RPr,
    _rpr_raw,
    _style_sheet,
    _StyleSheet,
    _twips,
)
from bot.documents.facts import A4_HEIGHT_PT, TITLE_LOOKAHEAD, starts_summary
from bot.text import fold

GLYPH_EM = 0.45  # average advance of a Times New Roman glyph in Vietnamese text, in em
BOLD_FACTOR = 1.06
LINE_FACTOR = 1.15  # single line height of Times New Roman / Liberation Serif, in em
CELL_PADDING_PT = 10.8  # Word's default left + right cell margins (0.19 cm each)

_V = TypeVar("_V")


def _run(run: XmlElement) -> tuple[_RPr, str]:
    """(raw w:rPr properties, text) of a w:r element, as python-docx's Run reads them."""
    rpr: _RPr = None
    seen_rpr = False
    parts: list[str] = []
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


def _paragraph_height(p: XmlElement, width_pt: float, sheet: _StyleSheet) -> tuple[float, float, float, bool]:
    """(lines height, space before, space after, has text) of one w:p element."""
    defaults = sheet.defaults
    ppr_element = next(p.iterchildren(_PPR), None)
    style_id: str | None = None
    ppr: _PPr = None
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
    parts: list[str] = []
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

    def pick(prop: _ParaProp[_V]) -> _V | None:
        value = prop.read(ppr)
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


def _blocks_height(blocks: Iterable[XmlElement], width_pt: float, sheet: _StyleSheet) -> float:
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
def _grid_span(tc: XmlElement) -> int:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    span = None if tc_pr is None else next(tc_pr.iterchildren(_GRID_SPAN), None)
    return 1 if span is None else int(_required(span, _VAL))


def _grid_before(tr: XmlElement) -> int:
    tr_pr = next(tr.iterchildren(_TR_PR), None)
    before = None if tr_pr is None else next(tr_pr.iterchildren(_GRID_BEFORE), None)
    return 0 if before is None else int(_required(before, _VAL))


def _tc_above(tc: XmlElement) -> XmlElement:
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


def _tc_cells(tc: XmlElement) -> Iterator[XmlElement]:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    v_merge = None if tc_pr is None else next(tc_pr.iterchildren(_V_MERGE), None)
    if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":
        yield from _tc_cells(_tc_above(tc))
        return
    for _ in range(_grid_span(tc)):
        yield tc


def _cell_width(tc: XmlElement) -> int | None:
    tc_pr = next(tc.iterchildren(_TC_PR), None)
    tc_w = None if tc_pr is None else next(tc_pr.iterchildren(_TC_W), None)
    if tc_w is None or _required(tc_w, _TYPE) != "dxa":
        return None
    return int(int(_required(tc_w, _W + "w")) * 635)


def _row_height(tr: XmlElement) -> int | None:
    tr_pr = next(tr.iterchildren(_TR_PR), None)
    height = None if tr_pr is None else next(tr_pr.iterchildren(_TR_HEIGHT), None)
    value = None if height is None else height.get(_VAL)
    return None if value is None else _twips(value)


def _table_height(tbl: XmlElement, width_pt: float, sheet: _StyleSheet) -> float:
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

    def points(element: XmlElement | None, attr: str) -> float | None:
        value = None if element is None else element.get(_W + attr)
        return None if value is None else _twips(value) / _EMU_PER_PT

    page_w, left, right = points(pg_sz, "w"), points(pg_mar, "left"), points(pg_mar, "right")
    page_w = page_w if page_w is not None else 595.3
    left = left if left is not None else 72.0
    right = right if right is not None else 72.0
    body = next(root.iterchildren(_BODY), None)
    if body is None:
        raise ValueError("the document has no w:body")
    blocks = [child for child in body if child.tag in _BLOCKS]
    blocks = blocks[_title_index(blocks) :]
    used = _blocks_height(blocks, page_w - left - right, sheet)
    return round(used / A4_HEIGHT_PT, 3)


def _title_index(blocks: list[XmlElement]) -> int:
    """Index of the summary's title paragraph among the first blocks, else 0 (everything
    counts): the letterhead above the title is not measured (facts.starts_summary)."""
    for i, block in enumerate(blocks[:TITLE_LOOKAHEAD]):
        if block.tag != _TBL and starts_summary(fold("".join(t.text or "" for t in block.iter(_T)))):
            return i
    return 0
