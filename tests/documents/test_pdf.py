"""PDF inspection: text PDFs from LibreOffice, legacy encodings, encryption, big files."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from bot.documents.inspect import inspect_document
from tests.corpus.bigdocs import big_pdf
from tests.corpus.checks import norm, pick

pytestmark = pytest.mark.tools  # the corpus PDFs are made by LibreOffice

PDF = "application/pdf"


def test_every_corpus_pdf_gives_text_pages_and_sizes(fontset_corpus) -> None:
    docs = [d for d in fontset_corpus if d.format == "pdf"]
    if not docs:
        pytest.skip("LibreOffice is not installed: no corpus PDFs")
    for d in docs:
        facts = inspect_document(d.path.read_bytes(), d.path.name, PDF)
        assert (facts.kind, facts.method, facts.problem) == ("pdf", "pdf-text", None), d.path
        assert facts.page_count and facts.page_count == len(facts.page_sizes_pt)
        w, h = facts.page_sizes_pt[0]
        assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1  # A4
        head = norm(facts.head_text)
        for phrase in d.key_phrases:
            assert norm(phrase) in head, (d.path, phrase)
        assert facts.full_text is None


def test_full_text_on_request(fontset_corpus) -> None:
    d = pick(fontset_corpus, format="pdf", deliverable="bao_cao_kl01", unit_code="SYT")
    facts = inspect_document(d.path.read_bytes(), d.path.name, PDF, need_full_text=True)
    assert "IV. NHIỆM VỤ, GIẢI PHÁP" in facts.full_text


def test_tcvn3_pdf_is_detected_without_font_information(corpus) -> None:
    d = pick(corpus, format="pdf-tcvn3")
    facts = inspect_document(d.path.read_bytes(), d.path.name, PDF)
    assert facts.legacy_encoding == "tcvn3"
    # LibreOffice drops U+00AD (TCVN3 "ư") as a soft hyphen, and the PDF keeps no font
    # case hint, so only check words without "ư".
    assert "báo cáo thành tích" in norm(facts.head_text)
    assert "Trần Quốc Khánh" in facts.head_text


def test_vni_pdf_is_detected(corpus) -> None:
    d = pick(corpus, format="pdf-vni")
    facts = inspect_document(d.path.read_bytes(), d.path.name, PDF)
    assert facts.legacy_encoding == "vni"
    assert "TÓM TẮT THÀNH TÍCH" in facts.head_text


def test_encrypted_pdf(corpus) -> None:
    d = pick(corpus, format="pdf-encrypted")
    facts = inspect_document(d.path.read_bytes(), d.path.name, PDF)
    assert (facts.problem, facts.encrypted) == ("unreadable_file", True)
    assert "password" in facts.problem_detail


def test_corrupt_pdf(corpus) -> None:
    d = pick(corpus, format="corrupt-pdf")
    facts = inspect_document(d.path.read_bytes(), d.path.name, PDF)
    assert (facts.problem, facts.encrypted) == ("unreadable_file", False)


@pytest.fixture(scope="module")
def big() -> bytes:
    return big_pdf(pages=300)


def test_big_pdf_reads_only_the_head(big: bytes) -> None:
    facts = inspect_document(big, "scan.pdf", PDF)
    assert facts.page_count == 300 and len(facts.page_sizes_pt) == 300
    assert facts.full_text is None
    assert "trang 1, dong 1" in facts.head_text
    assert "trang 3," not in facts.head_text


def test_big_pdf_full_text_when_asked(big: bytes) -> None:
    facts = inspect_document(big, "scan.pdf", PDF, need_full_text=True)
    assert "trang 300, dong 45" in facts.full_text


def test_full_text_is_each_page_read_once(big: bytes) -> None:
    """The full text is what a bare PDFium loop over the pages gives, nothing more."""
    pdf = pdfium.PdfDocument(big)
    try:
        pages = [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]
    finally:
        pdf.close()
    facts = inspect_document(big, "scan.pdf", PDF, need_full_text=True)
    assert facts.full_text == "\f".join(pages)
    assert facts.full_text.startswith(facts.head_text)
