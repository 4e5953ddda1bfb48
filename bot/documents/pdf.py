"""Text, page count and page sizes of a PDF, via PDFium (pypdfium2).

PDFium extracts a page in about a millisecond, so classification reads only the first
:data:`HEAD_PAGES` pages; the rest is touched only when the full text is asked for.
Page sizes come from the page tree without loading page content.

pdfplumber (pdfminer) is much slower and is used only in :mod:`bot.documents.layout`,
where geometry is needed.

A PDF protected by a user (open) password raises :class:`EncryptedPdf`; one that only
has an owner password (printing/copying restrictions) opens and reads normally.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium

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


def _page_text(doc: pdfium.PdfDocument, index: int) -> str:
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    # PDFium returns CRLF line ends and, for some producers, decomposed diacritics.
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _visible_chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def read_pdf(data: bytes, full: bool = False) -> PdfText:
    """Head text (first pages), optional full text, page count and sizes."""
    with open_pdf(data) as doc:
        count = len(doc)
        sizes = [tuple(round(v, 1) for v in doc.get_page_size(i)) for i in range(count)]
        head_pages = [_page_text(doc, i) for i in range(min(count, HEAD_PAGES))]
        full_text = None
        if full:
            rest = [_page_text(doc, i) for i in range(len(head_pages), count)]
            full_text = "\f".join(head_pages + rest)
    has_text = any(_visible_chars(t) >= MIN_PAGE_CHARS for t in head_pages)
    return PdfText(
        head="\n".join(head_pages).strip(),
        full=full_text,
        page_count=count,
        page_sizes_pt=[(w, h) for w, h in sizes],
        has_text_layer=has_text,
    )


def render_page_png(data: bytes, index: int = 0, dpi: int = 300) -> bytes:
    """One page as a greyscale PNG (for OCR and for measuring scans)."""
    import io

    with open_pdf(data) as doc:
        page = doc[index]
        try:
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
