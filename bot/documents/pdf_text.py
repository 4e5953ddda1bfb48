"""The text of a PDF page in reading order, built from PDFium's character positions.

Why not PDFium's own text (``FPDFText_GetText``)?  It follows the content stream.  When
a font lacks glyphs -- Liberation Serif 1.07, the Debian 12 default for Times New Roman,
has no Ả Ộ Ố Ơ ặ ư ... -- LibreOffice and Word draw the missing letters with a fallback
font (DejaVu) in runs of their own *after* the line, so stream order scrambles every
word: ``Đ NG B KH I ... Ả Ộ Ố Ơ``.  Here each character is placed by its baseline
origin and its advance box instead:

1. characters (PDFium's generated spaces and line breaks dropped, the document's own
   spaces kept as word breaks) are grouped into lines by baseline, within a fraction of
   the font size;
2. each line is ordered by x; a combining mark stays after the letter it follows in the
   stream; a glyph drawn twice at the same place (fake bold) counts once;
3. a space is inserted where the gap between two letters is wider than a fraction of
   the font size;
4. a line is cut into segments at wide gaps between letters that are not neighbours in
   the stream (the two cells of the Party header, table columns), and segments are
   emitted in the order of their first character in the stream.

Step 4 keeps the producer's block order (header cells one after the other, a table
cell's lines together, columns) while every line reads left to right, so a document
whose fonts are complete reads exactly as before, and one with fallback glyphs reads as
the page shows it.  Text drawn at an angle (rotated stamps, vertical margin notes) is
kept in stream order, after the page's horizontal text.

A page whose stream already reads in order (no run drawn inside or over another on its
line: PDFium's text rectangles tell, in C) keeps PDFium's own text, as before, at a
fraction of a millisecond.  The layout costs about 1.5 us of PDFium calls and 2 us of
Python per character (a dense A4 page in ~5-10 ms); classification reads only the first
pages.  :mod:`bot.documents.textcheck`
tells when the result still looks scrambled, and :mod:`bot.documents.pdf` then reads
that document again with pdfplumber (pdfminer's own glyph metrics).
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium  # no type hints: its classes are Any to mypy
import pypdfium2.raw as pdfium_c

# Gaps are measured in font sizes (em).  A word space in Times-like fonts is 0.25 em, but
# next to a fallback glyph (wider than the one the line was laid out for) LibreOffice
# squeezes it to 0.15 em; letters touch (kerning moves them by a few hundredths of an em),
# so 0.08 em separates words without splitting letters.
SPACE_GAP_EM = 0.08
# Two letters on one baseline that are not neighbours in the stream and this far apart
# belong to different blocks (header cells, table columns) ...
BLOCK_GAP_EM = 1.0
# ... and this far apart, even when they are neighbours (single-line table cells written
# one after the other).  Justified body text rarely stretches a space past 2 em.
WIDE_GAP_EM = 4.0
# Baselines closer than this share a line.  Glyphs of one line, fallback ones included,
# share their baseline to a hundredth of a point; the cells of a table row or the two
# columns of the Party header are often a few points apart and are better kept apart
# (subscripts and superscripts become lines of their own).
BASELINE_TOLERANCE_EM = 0.15
_SPACES = frozenset(" \t\r\n\u00a0\u2002\u2003\u2009\u3000")
_ROTATED = 0.05  # radians; text at a larger angle is not laid out by lines
_RECENT_RUNS = 8  # text rectangles an out-of-order run is compared with
_HORNED = frozenset(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if "\u031b" in unicodedata.normalize("NFD", ch)
)


@dataclass(slots=True)
class _Char:
    order: int  # position among the kept characters, in stream order
    index: int  # PDFium's character index
    text: str
    x0: float
    x1: float  # right edge of the loose box: the glyph's outline, not always its advance
    y: float
    size: float
    space: bool  # the document's own space character
    mark: bool  # a combining mark: follows its base letter, wherever it is drawn
    overhangs: bool  # its outline may reach past its advance: horned letters, italics


class _Advances:
    """Right edge of a glyph from its font's advance width (origin + width).

    The loose box of a horned letter (ơ ư and their tones) covers the horn, which in
    DejaVu reaches 0.18 em past the advance, i.e. most of a following word space; an
    italic glyph's box leans past it too (a synthetic italic, a sheared upright font, by
    0.27 of its height); and a fallback glyph's box is not what the line was laid out
    with.  The advance is asked of PDFium only for those characters, as it costs three
    calls.
    """

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self._raw = textpage.raw
        self._origin_x = ctypes.c_double()
        self._origin_y = ctypes.c_double()
        self._width = ctypes.c_float()

    def right(self, c: _Char) -> float:
        raw = self._raw
        obj = pdfium_c.FPDFText_GetTextObject(raw, c.index)
        font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
        if not font or not pdfium_c.FPDFFont_GetGlyphWidth(font, ord(c.text), c.size, self._width):
            return c.x1
        pdfium_c.FPDFText_GetCharOrigin(raw, c.index, self._origin_x, self._origin_y)
        return self._origin_x.value + self._width.value


def _italic_font(raw: pdfium_c.FPDF_TEXTPAGE, index: int, angle: ctypes.c_int) -> bool:
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    return bool(font) and bool(pdfium_c.FPDFFont_GetItalicAngle(font, angle)) and angle.value != 0


def _chars(textpage: pdfium.PdfTextPage) -> tuple[list[_Char], list[str]]:
    """(horizontal characters in stream order, rotated text in stream order)."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    x, y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    get_matrix = pdfium_c.FPDFText_GetMatrix
    matrix = pdfium_c.FS_MATRIX()
    italic_angle = ctypes.c_int()
    chars: list[_Char] = []
    rotated: list[str] = []
    size, turned, slanted = 12.0, False, False
    prev_x = prev_y = math.nan
    for i in range(count):
        code = get_unicode(raw, i)
        if code == 0 or code == 0xFFFE or code == 0xFFFF:
            continue
        text = chr(code)
        space = text in _SPACES
        if space and is_generated(raw, i):
            continue  # PDFium's guess from stream order; gaps decide here
        get_origin(raw, i, x, y)
        # Within a run going right along one baseline the angle and, nearly always, the
        # size stay the same: ask PDFium (two calls) only where a run starts.
        if not (y.value == prev_y and x.value >= prev_x):
            # The baseline's direction, from the text matrix: FPDFText_GetCharAngle also
            # counts the shear of a synthetic italic (a font without an italic face).
            get_matrix(raw, i, matrix)
            turned = abs(math.atan2(matrix.b, matrix.a)) > _ROTATED
            slanted = abs(matrix.c) > _ROTATED * abs(matrix.d) or _italic_font(raw, i, italic_angle)
            new_size = get_size(raw, i)
            if new_size > 1.0:  # PDFium reports 1 for characters without a font size
                # The size as drawn: the font size times the matrix's scale (a browser's
                # PDF sets 17.33 px fonts under a 0.75 matrix).  Every gap is measured in
                # it, and the advance of a glyph (_Advances) is computed at it.
                size = new_size * (math.hypot(matrix.a, matrix.b) or 1.0)
        prev_x, prev_y = x.value, y.value
        if turned:
            rotated.append(" " if space else text)
            continue
        get_box(raw, i, box)
        chars.append(
            _Char(
                len(chars),
                i,
                text,
                box.left,
                max(box.right, box.left),
                y.value,
                size,
                space,
                unicodedata.combining(text) > 0,
                slanted or text in _HORNED,
            )
        )
    return chars, rotated


def _lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped by baseline (top of the page first), marks left out."""
    by_baseline = sorted((c for c in chars if not c.mark), key=lambda c: -c.y)
    lines: list[list[_Char]] = []
    current: list[_Char] = []
    ref_y = ref_size = 0.0
    for c in by_baseline:
        if current and abs(ref_y - c.y) <= BASELINE_TOLERANCE_EM * max(ref_size, c.size):
            current.append(c)
            continue
        if current:
            lines.append(current)
        current, ref_y, ref_size = [c], c.y, c.size
    if current:
        lines.append(current)
    return lines


def _segments(line: list[_Char]) -> list[list[_Char]]:
    """One line ordered by x and cut at block gaps; a glyph drawn twice counts once."""
    line.sort(key=lambda c: (c.x0, c.order))
    segments: list[list[_Char]] = []
    segment: list[_Char] = []
    prev: _Char | None = None  # the last letter (spaces do not measure gaps between blocks)
    for c in line:
        if prev is not None and not c.space:
            if c.text == prev.text and abs(c.x0 - prev.x0) < 0.1 * c.size:
                continue  # the same glyph again (fake bold, a shadow): keep one
            gap = c.x0 - prev.x1
            em = max(c.size, prev.size)
            neighbours = abs(c.order - prev.order) <= 2  # a space may lie between them
            if gap > WIDE_GAP_EM * em or (gap > BLOCK_GAP_EM * em and not neighbours):
                segments.append(segment)
                segment = []
        segment.append(c)
        if not c.space:
            prev = c
    if segment:
        segments.append(segment)
    return segments


def _segment_text(segment: list[_Char], marks: dict[int, list[_Char]], advances: _Advances) -> str:
    parts: list[str] = []
    prev: _Char | None = None
    for c in segment:
        if c.space:
            if parts and parts[-1] != " ":
                parts.append(" ")
            prev = c
            continue
        if (
            prev is not None
            and not prev.space
            and parts
            and parts[-1] != " "
            and c.x0 - _right(prev, c, advances) > SPACE_GAP_EM * max(c.size, prev.size)
        ):
            parts.append(" ")
        parts.append(c.text)
        for mark in marks.get(c.order, ()):
            parts.append(mark.text)
        prev = c
    return "".join(parts).strip()


def _right(prev: _Char, nxt: _Char, advances: _Advances) -> float:
    """Where ``prev`` ends, for the gap before ``nxt``: its advance where its box misleads."""
    if prev.overhangs or abs(nxt.order - prev.order) != 1:
        return advances.right(prev)
    return prev.x1


def _stream_lines(textpage: pdfium.PdfTextPage) -> str | None:
    """The page's text from the stream when the stream already reads in order, else None.

    PDFium groups the characters into rectangles, one per stretch of text written left to
    right on one line (``FPDFText_CountRects``, computed in C).  A letter drawn after its
    line by a fallback font makes a rectangle inside, or left of, the line's own; a
    fake-bold second pass one over it; a second column written line by line with the first starts one a
    block gap after the previous on the same baseline.  When none of that happens (only
    nearby rectangles are compared: what is drawn apart follows its line within a few
    runs) the stream reads line by line, left to right, and the text is cut from PDFium's
    own at the rectangles' first characters (``FPDFText_GetCharIndexAtPos``): a line
    break where a rectangle starts a new line, PDFium's spacing within a line.  That
    costs a few calls per line instead of several per character.  None when anything
    does not add up (text not aligned with the characters, rectangles not in stream
    order): the positional layout then decides.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    text = textpage.get_text_range()
    if len(text) != count:
        return None  # PDFium inserted or left out characters: indices do not line up
    rects = pdfium_c.FPDFText_CountRects(raw, 0, -1)
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    recent: list[tuple[float, float, float, float]] = []
    starts: list[tuple[int, bool]] = []  # (first character, continues the previous line)
    for i in range(rects):
        pdfium_c.FPDFText_GetRect(raw, i, left, top, right, bottom)
        x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
        same_line = False
        for n, (a0, a1, b0, b1) in enumerate(reversed(recent)):
            if min(y1, b1) - max(y0, b0) <= 0.5 * min(y1 - y0, b1 - b0):
                continue  # not on the same line
            if min(x1, a1) - max(x0, a0) > 0.5 or x0 < a0:
                return None  # drawn over or before an earlier run of its line
            if n == 0:
                if x0 - a1 > BLOCK_GAP_EM * max(y1 - y0, b1 - b0):
                    return None  # the next block on a shared baseline
                same_line = True
        recent.append((x0, x1, y0, y1))
        del recent[:-_RECENT_RUNS]
        start = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x0 + 0.5, (y0 + y1) / 2, 1.0, (y1 - y0) / 2)
        if start < 0 or (starts and start <= starts[-1][0]):
            return None
        starts.append((start, same_line))
    chars = list(text)
    _drop_unfounded_spaces(textpage, chars)
    lines: list[str] = []
    for k, (start, same_line) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else count
        piece = "".join(chars[start:end]).replace("\r", " ").replace("\n", " ")
        if same_line and lines:
            lines[-1] += piece  # a seam within a line: a font change, or a space PDFium saw
        else:
            lines.append(piece)
    return unicodedata.normalize("NFC", "\n".join(" ".join(line.split()) for line in lines if line.strip()))


def _drop_unfounded_spaces(textpage: pdfium.PdfTextPage, chars: list[str]) -> None:
    """Blank the spaces and line breaks PDFium made up where the glyphs touch.

    PDFium adds a space between two text objects when it guesses a word break; with
    glyphs drawn by separate objects (a fallback font, a producer placing every word)
    it guesses one inside a word.  Its own spaces are kept where the gap between the two
    glyphs' advances (see :class:`_Advances`) is a word space, as in the positional
    layout.  Only the characters PDFium generated are looked at (a few per line).
    """
    raw = textpage.raw
    box = pdfium_c.FS_RECTF()
    advances = _Advances(textpage)
    n = len(chars)
    i = 0
    while i < n:
        if chars[i] not in _SPACES or not pdfium_c.FPDFText_IsGenerated(raw, i):
            i += 1
            continue
        j = i
        while j < n and chars[j] in _SPACES and pdfium_c.FPDFText_IsGenerated(raw, j):
            j += 1
        if i > 0 and j < n and chars[i - 1] not in _SPACES and chars[j] not in _SPACES:
            before, after = _char_at(raw, i - 1, chars, box), _char_at(raw, j, chars, box)
            same_line = abs(before.y - after.y) <= BASELINE_TOLERANCE_EM * max(before.size, after.size)
            gap = after.x0 - min(before.x1, advances.right(before))
            if same_line and gap <= SPACE_GAP_EM * max(before.size, after.size):
                chars[i:j] = [""] * (j - i)
        i = j


def _char_at(raw: pdfium_c.FPDF_TEXTPAGE, index: int, chars: list[str], box: pdfium_c.FS_RECTF) -> _Char:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
    pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
    size = pdfium_c.FPDFText_GetFontSize(raw, index) * (math.hypot(matrix.a, matrix.b) or 1.0)
    text = chars[index]
    return _Char(
        0, index, text, box.left, box.right, y.value, size if size > 1 else 12.0, False, False, False
    )


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text, lines in reading order (see the module docstring), NFC."""
    text = _stream_lines(textpage)
    return text if text is not None else _positional_text(textpage)


def _positional_text(textpage: pdfium.PdfTextPage) -> str:
    chars, rotated = _chars(textpage)
    # A combining mark belongs to the letter before it in the stream.
    marks: dict[int, list[_Char]] = {}
    base = None
    for c in chars:
        if c.mark:
            if base is not None:
                marks.setdefault(base.order, []).append(c)
        elif not c.space:
            base = c
    segments = [s for line in _lines(chars) for s in _segments(line)]
    segments.sort(key=lambda s: min(c.order for c in s))
    advances = _Advances(textpage)
    texts = [_segment_text(s, marks, advances) for s in segments]
    if rotated:
        texts.append("".join(rotated).strip())
    return unicodedata.normalize("NFC", "\n".join(t for t in texts if t))
