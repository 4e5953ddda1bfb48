"""PDFs drawn glyph run by glyph run with PDFium, to test reading order where nothing else can.

LibreOffice decides for itself which letters go to a fallback font and in which order it
writes runs; here the test decides.  :func:`craft_pdf` lays out lines of text (left
aligned, or in two columns) with a real TrueType font (DejaVu Serif, which has the horned
letters whose outline reaches past their advance) and writes each line's content stream
the way a producer with a missing-glyph font does: the letters chosen as "fallback" are
left out of the line's runs and drawn afterwards, one object each, at their place; a
space next to such a letter is not drawn at all (only the gap remains).  Options add
fake bold (every run drawn twice, 0.3 pt apart), a synthetic italic (a sheared text
matrix) and a rotated stamp.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SIZE = 13.0
LEADING = 18.0
LEFT, RIGHT_COLUMN, TOP = 72.0, 320.0, 780.0


@dataclass
class Layout:
    lines: list[str]  # left column (or the only one), top to bottom
    right_lines: list[str] = field(default_factory=list)  # a second column, same baselines
    fallback: frozenset[tuple[int, int]] = frozenset()  # (line, char index) drawn apart, left column
    fake_bold: bool = False
    italic: bool = False
    stamp: str | None = None  # text drawn at 45 degrees over the page, last in the stream
    # As a browser prints (Chrome's Skia): fonts sized in CSS pixels under a 0.75 matrix,
    # every word its own run and no space drawn at all.
    browser: bool = False


class _Writer:
    def __init__(self, doc: pdfium.PdfDocument, page: pdfium.PdfPage, layout: Layout) -> None:
        self.doc, self.page, self.layout = doc, page, layout
        data = Path(FONT_FILE).read_bytes()
        self._font_data = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        self.font = pdfium_c.FPDFText_LoadFont(
            doc.raw, self._font_data, len(data), pdfium_c.FPDF_FONT_TRUETYPE, 1
        )
        self._width = ctypes.c_float()

    def advance(self, ch: str) -> float:
        pdfium_c.FPDFFont_GetGlyphWidth(self.font, ord(ch), SIZE, self._width)
        return self._width.value

    def draw(self, text: str, x: float, y: float, angle_45: bool = False) -> None:
        copies = (0.0, 0.3) if self.layout.fake_bold and not angle_45 else (0.0,)
        scale = 0.75 if self.layout.browser and not angle_45 else 1.0
        for dx in copies:
            obj = pdfium_c.FPDFPageObj_CreateTextObj(self.doc.raw, self.font, SIZE / scale)
            buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
            if angle_45:
                pdfium_c.FPDFPageObj_Transform(obj, 0.7071, 0.7071, -0.7071, 0.7071, x, y)
            elif self.layout.italic:
                pdfium_c.FPDFPageObj_Transform(obj, scale, 0, 0.2679 * scale, scale, x + dx, y)
            else:
                pdfium_c.FPDFPageObj_Transform(obj, scale, 0, 0, scale, x + dx, y)
            pdfium_c.FPDFPage_InsertObject(self.page.raw, obj)

    def line(self, text: str, x0: float, y: float, fallback: set[int]) -> None:
        """Runs of the letters that are not ``fallback``, then each fallback letter."""
        xs, x = [], x0
        for ch in text:
            xs.append(x)
            x += self.advance(ch)
        later: list[int] = []
        run, run_x = "", None
        for i, ch in enumerate(text):
            skipped_space = ch == " " and (self.layout.browser or i - 1 in fallback or i + 1 in fallback)
            if i in fallback or skipped_space:
                if i in fallback:
                    later.append(i)
                if run:
                    self.draw(run, run_x, y)
                run, run_x = "", None
                continue
            if not run:
                run_x = xs[i]
            run += ch
        if run:
            self.draw(run, run_x, y)
        for i in later:
            self.draw(text[i], xs[i], y)


def craft_pdf(layout: Layout) -> bytes:
    """One A4 page drawn as :class:`Layout` says; lines in stream order top to bottom."""
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595.28, 841.89)
    writer = _Writer(doc, page, layout)
    for n, text in enumerate(layout.lines):
        chosen = {i for (line, i) in layout.fallback if line == n}
        writer.line(text, LEFT, TOP - n * LEADING, chosen)
    for n, text in enumerate(layout.right_lines):
        writer.line(text, RIGHT_COLUMN, TOP - n * LEADING, set())
    if layout.stamp:
        writer.draw(layout.stamp, 200, 300, angle_45=True)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    page.close()
    doc.close()
    return out.getvalue()
