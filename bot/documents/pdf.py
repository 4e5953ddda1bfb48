"""Text, page count and page sizes of a PDF, via PDFium (pypdfium2).

The text of a page is laid out from PDFium's character positions
(:mod:`bot.documents.pdf_text`: reading order whatever fonts the producer had), about
5-10 ms a page, so classification reads only the first :data:`HEAD_PAGES` pages; the
rest is touched only when the full text is asked for, each page once.  Page sizes come
from the page tree without loading page content.  :func:`read_text_pdfplumber` is the
slower second reading (pdfminer's glyph metrics) used when the first one looks
scrambled (see :mod:`bot.documents.inspect`).  The layout measure
(:mod:`bot.documents.pdf_layout`) can be taken in the same pass over the pages.

A PDF protected by a user (open) password raises :class:`EncryptedPdf`; one that only
has an owner password (printing/copying restrictions) opens and reads normally.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium

from bot.documents import pdf_layout as layout
from bot.documents.pdf_text import page_text

HEAD_PAGES = 2
# A page with fewer visible characters than this has no usable text layer (a scan,
# perhaps with a stamp or a page number typed in).
MIN_PAGE_CHARS = 20
_FPDF_ERR_PASSWORD = 4


class EncryptedPdf(Exception):
    """The PDF needs a password to open."""


class BrokenPdf(Exception):
    """PDFium could not open the file."""


@dataclass(frozen=True)
class PdfText:
    head: str
    full: str | None
    page_count: int
    page_sizes_pt: list[tuple[float, float]]
    has_text_layer: bool
    used_a4_fraction: float | None = None


@contextmanager
def open_pdf(data: bytes) -> Iterator[pdfium.PdfDocument]:
    """Open ``data`` with PDFium, translating its errors, and always close it."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise EncryptedPdf("the PDF is protected by a password") from e
        raise BrokenPdf(f"PDFium could not open the file: {e}") from e
    try:
        yield doc
    finally:
        doc.close()


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def read_pdf(data: bytes, full: bool = False, measure_layout: bool = False) -> PdfText:
    """Head text (first pages), optional full text, page count and sizes.

    ``measure_layout`` also fills ``used_a4_fraction``
    (:func:`bot.documents.pdf_layout.page_used_pt` over the first pages), reusing the pages
    and text pages loaded for the text instead of opening the file a second time.
    """
    with open_pdf(data) as doc:
        count = len(doc)
        sizes = [doc.get_page_size(i) for i in range(count)]
        text_pages = count if full else min(count, HEAD_PAGES)
        layout_pages = min(count, layout.MAX_PAGES) if measure_layout else 0
        texts: list[str] = []
        used: float | None = 0.0 if measure_layout else None
        for i in range(max(text_pages, layout_pages)):
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    if i < text_pages:
                        texts.append(page_text(textpage))
                    if used is not None and i < layout_pages:
                        try:
                            used += layout.page_used_pt(page, textpage, first=i == 0)
                        except Exception:  # an estimate must never break reading the text
                            used = None
                finally:
                    textpage.close()
            finally:
                page.close()
    head_pages = texts[:HEAD_PAGES]
    has_text = any(_visible_chars(t) >= MIN_PAGE_CHARS for t in head_pages)
    fraction = None
    if used is not None:
        fraction = layout.used_fraction(used, count)
    return PdfText(
        head="\n".join(head_pages).strip(),
        full="\f".join(texts) if full else None,
        page_count=count,
        page_sizes_pt=[(round(w, 1), round(h, 1)) for w, h in sizes],
        has_text_layer=has_text,
        used_a4_fraction=fraction,
    )


def read_text_pdfplumber(data: bytes, full: bool = False) -> tuple[str, str | None]:
    """(head, full text or None) read by pdfplumber, for a PDF whose PDFium text looks scrambled.

    pdfminer computes glyph positions from the font programs itself, so a file whose
    positions PDFium reports oddly reads differently here.  50-100x slower than PDFium.
    """
    # Imported here: only the rare second reading needs it, and its imports (pdfminer) take
    # ~35 ms (python -X importtime) that every intake-bot command and every prefetch fork
    # server would pay at start, since they import this module.
    import pdfplumber  # noqa: PLC0415

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages if full else pdf.pages[:HEAD_PAGES]
        texts = [unicodedata.normalize("NFC", page.extract_text() or "") for page in pages]
    head = "\n".join(texts[:HEAD_PAGES]).strip()
    return head, "\f".join(texts) if full else None


def render_page_png(data: bytes, index: int = 0, dpi: float | None = 300) -> bytes:
    """One page as a greyscale PNG (for OCR and for measuring scans).  ``dpi`` None: at the
    resolution of the page's largest image (a scan's own), bounded for an A4 page
    (:func:`bot.documents.pdf_layout.scan_render_dpi`)."""
    with open_pdf(data) as doc:
        page = doc[index]
        try:
            if dpi is None:
                dpi = layout.scan_render_dpi(page)
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            try:
                image = bitmap.to_pil()
                buf = io.BytesIO()
                image.save(buf, format="PNG")
            finally:
                bitmap.close()
        finally:
            page.close()
    return buf.getvalue()
