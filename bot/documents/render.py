"""What a file looks like, for a preview on the dashboard (pure over bytes).

A PDF's first pages become PNG images drawn by PDFium; a photo or scan is re-encoded as
a PNG (never sent back as the bytes a stranger mailed: a polyglot file cannot pass);
a Word document (.docx or .doc) or anything else readable gives a text excerpt, read as
intake reads it (:func:`bot.documents.inspect.inspect_document`).  The web layer runs
these in a separate process, so a file that crashes PDFium cannot take the dashboard down.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from bot.documents.inspect import inspect_document

MAX_PAGES = 3
PAGE_WIDTH_PX = 900
MAX_IMAGE_PX = 1400
EXCERPT_CHARS = 6000


@dataclass(frozen=True)
class Preview:
    """What the preview page shows: ``kind`` pdf | image | text | none."""

    kind: str
    pages: int = 0  # a PDF's page count (only the first MAX_PAGES are drawn)
    text: str = ""  # the excerpt (text kind), or why nothing can be shown


def describe(data: bytes, filename: str, sniffed_type: str) -> Preview:
    """Which preview a file gets, and its text excerpt when it is text."""
    if data.startswith(b"%PDF"):
        import pypdfium2 as pdfium  # noqa: PLC0415 - heavy, only for a preview

        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return Preview("none", text="Tệp PDF bị hỏng hoặc có mật khẩu.")
        try:
            return Preview("pdf", pages=len(doc))
        finally:
            doc.close()
    if sniffed_type.startswith("image/"):
        return Preview("image", pages=1)
    facts = inspect_document(data, filename, sniffed_type, need_full_text=True)
    text = (facts.full_text or facts.head_text or "").strip()
    if not text:
        return Preview("none", text="Không đọc được nội dung tệp để xem trước; có thể tải tệp về để xem.")
    cut = text[:EXCERPT_CHARS]
    return Preview("text", text=cut + ("\n…" if len(text) > len(cut) else ""))


def pdf_page_png(data: bytes, index: int, width_px: int = PAGE_WIDTH_PX) -> bytes:
    """Page ``index`` (0-based, among the first MAX_PAGES) drawn as a PNG ``width_px`` wide."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - heavy, only for a preview

    if not 0 <= index < MAX_PAGES:
        raise ValueError(f"only the first {MAX_PAGES} pages are previewed")
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        scale = max(0.2, min(3.0, width_px / max(page.get_width(), 1)))
        bitmap = page.render(scale=scale)
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG", optimize=False)
        bitmap.close()
        page.close()
        return buf.getvalue()
    finally:
        doc.close()


def image_png(data: bytes, max_px: int = MAX_IMAGE_PX) -> bytes:
    """A photo or scan re-encoded as a PNG no larger than ``max_px`` on its longer side."""
    from PIL import Image, ImageOps  # noqa: PLC0415 - only for a preview

    with Image.open(io.BytesIO(data)) as opened:
        img = ImageOps.exif_transpose(opened)
        img.thumbnail((max_px, max_px))
        buf = io.BytesIO()
        img.convert("RGB").save(buf, format="PNG")
        return buf.getvalue()
