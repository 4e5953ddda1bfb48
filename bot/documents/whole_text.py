"""The whole text of one document, every page of a scan included: for reading a plan.

Intake reads only what classification needs (the head, the first page of a scan);
drafting a campaign needs every sentence of the plan, so a PDF without a text layer
(or an image) is read by OCR page by page here.  Pure over the bytes, like the rest of
:mod:`bot.documents`; Tesseract and LibreOffice are called as for intake.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.documents import ocr
from bot.documents.inspect import inspect_document
from bot.documents.pdf import open_pdf, render_page_png
from bot.documents.tools import ToolFailed

MAX_OCR_PAGES = 40


@dataclass(frozen=True)
class WholeText:
    text: str
    method: str  # as DocumentFacts.method; "pdf-ocr" means every page was read by OCR
    problem: str | None = None  # why nothing (or not everything) could be read


def whole_text(data: bytes, filename: str) -> WholeText:
    """Every page's text of a .docx, .pdf, .doc, .txt or image (OCR for scans)."""
    facts = inspect_document(data, filename, "", need_full_text=True)
    if facts.problem:
        return WholeText("", facts.method, facts.problem_detail or facts.problem)
    if facts.kind == "pdf" and facts.method == "pdf-ocr" or (facts.kind == "pdf" and facts.method == "none"):
        return _ocr_pages(data)
    text = facts.full_text or facts.head_text
    if not text.strip():
        return WholeText("", facts.method, "no text could be read (is OCR installed?)")
    return WholeText(text, facts.method)


def _ocr_pages(data: bytes) -> WholeText:
    if not ocr.ocr_available():
        return WholeText("", "none", "the PDF is a scan and Tesseract (vie) is not installed")
    with open_pdf(data) as doc:
        pages = min(len(doc), MAX_OCR_PAGES)
    texts = []
    try:
        for i in range(pages):
            texts.append(ocr.ocr_png(render_page_png(data, i, dpi=None)))
    except ToolFailed as e:
        return WholeText("\n".join(texts), "pdf-ocr", f"OCR failed: {e}")
    return WholeText("\n".join(texts), "pdf-ocr")
