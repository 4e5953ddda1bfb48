"""Plain data produced by document inspection (see ``bot.documents.inspect``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.documents.signatures import SignatureFacts

A4_HEIGHT_PT = 842.0  # the height of an A4 page; used_a4_fraction is measured against it


@dataclass(frozen=True)
class DocumentFacts:
    """What the bot learned from one file.

    ``head_text`` is the text of the first page(s) (enough to classify: title lines, the
    two-column Party header), NFC, legacy TCVN3/VNI already converted to Unicode.
    ``full_text`` is only filled when asked for (``need_full_text=True``).
    ``method`` records how text was obtained: ``docx``, ``pdf-text`` (PDFium, laid out
    from character positions), ``pdf-text-pdfplumber`` (second reading of a PDF whose
    first one looked scrambled), ``pdf-ocr``, ``image-ocr``, ``doc-antiword``,
    ``doc-catdoc``, ``doc-libreoffice``, ``text``, ``none``.
    ``encrypted`` is set when a password blocks reading (the file is then unreadable).
    ``used_a4_fraction`` is the share of an A4 page the content fills (summary rule),
    ``None`` when it could not be measured.
    ``problem`` is ``unreadable_file`` (corrupt, encrypted, unsupported) with a reason.
    ``needs_review`` is true when the text could not be read reliably (e.g. no OCR).
    ``signatures`` are the PDF's digital signatures, verified
    (:func:`bot.documents.signatures.verify_signatures`; empty when unsigned).
    """

    kind: str  # docx | odt | rtf | pdf | doc | image | text | other
    head_text: str = ""
    full_text: str | None = None
    page_count: int | None = None
    page_sizes_pt: list[tuple[float, float]] = field(default_factory=list)
    used_a4_fraction: float | None = None
    method: str = "none"
    legacy_encoding: str | None = None  # "tcvn3" | "vni" when converted
    encrypted: bool = False
    problem: str | None = None
    problem_detail: str | None = None
    needs_review: bool = False
    signatures: tuple[SignatureFacts, ...] = ()


# The summary's own title: the rule measures from it down ("bản tóm tắt thành tích không quá
# 1/2 trang A4"); the letterhead above it (the two-column Party header, the number and
# date) is the form every document has, not the summary.  Folded, as bot.text.fold gives.
SUMMARY_TITLES = ("tom tat thanh tich", "ban tom tat thanh tich", "bang tom tat thanh tich", "tom tat")
TITLE_LOOKAHEAD = 15  # blocks or lines before the title that may be the letterhead


def starts_summary(folded_line: str) -> bool:
    """Whether a folded line is the summary's title ("TÓM TẮT THÀNH TÍCH", "Bản tóm tắt").

    Also when its letters are a title's in another order: PDFium's text of one line in
    stream order puts a fallback font's letters last ("TÓM T T THÀNH TÍCH Ắ")."""
    line = folded_line.strip()
    if len(line.split()) > 8:
        return False
    if line.startswith(SUMMARY_TITLES):
        return True
    letters = sorted(c for c in line if c.isalpha())
    return any(letters == sorted(c for c in title if c.isalpha()) for title in SUMMARY_TITLES[:3])
