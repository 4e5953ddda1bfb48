"""The "summary at most half an A4 page" measurement, on DOCX (estimate) and PDF (PDFium, vs pdfplumber)."""

from __future__ import annotations

import io

import pytest

from bot.documents.inspect import inspect_document
from bot.documents.layout import docx_used_a4_fraction, pdf_used_a4_fraction, pdfplumber_used_a4_fraction
from tests.corpus.bigdocs import big_pdf
from tests.corpus.checks import pick

LIMIT = 0.5  # rules.summary.max_a4_fraction of the 120-KH/ĐUK campaign


def _summaries(corpus, fmt: str):
    docs = [d for d in corpus if d.deliverable == "tom_tat_thanh_tich" and d.format == fmt]
    if not docs:
        pytest.skip(f"no {fmt} summaries in the corpus (tool missing)")
    return docs


def test_docx_summaries_pass_or_fail_the_half_page_rule(corpus) -> None:
    docs = _summaries(corpus, "docx")
    assert {d.summary_too_long for d in docs} == {True, False}
    for d in docs:
        facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type, measure_layout=True)
        assert facts.used_a4_fraction is not None
        assert (facts.used_a4_fraction > LIMIT) == d.summary_too_long, (d.path, facts.used_a4_fraction)


@pytest.mark.tools
def test_pdf_summaries_pass_or_fail_the_half_page_rule(corpus) -> None:
    for d in _summaries(corpus, "pdf"):
        facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type, measure_layout=True)
        assert (facts.used_a4_fraction > LIMIT) == d.summary_too_long, (d.path, facts.used_a4_fraction)


@pytest.mark.tools
def test_docx_estimate_agrees_with_libreoffice_rendering(corpus) -> None:
    """The .docx estimate vs the PDF measurement of LibreOffice's conversion of the same file."""
    pdfs = {(d.unit_code, d.nominee_name): d for d in _summaries(corpus, "pdf")}
    compared = 0
    for d in _summaries(corpus, "docx"):
        pdf = pdfs.get((d.unit_code, d.nominee_name))
        if pdf is None:
            continue
        estimate = docx_used_a4_fraction(d.path.read_bytes())
        measured = pdf_used_a4_fraction(pdf.path.read_bytes())
        tolerance = 0.1 if measured < 1 else 0.15
        assert abs(estimate - measured) <= tolerance, (d.path, estimate, measured)
        compared += 1
    assert compared >= 10


@pytest.mark.tools
def test_legacy_encoded_summary_measures_like_the_unicode_one(corpus) -> None:
    vni = pick(corpus, format="docx-vni", deliverable="tom_tat_thanh_tich")
    plain = pick(corpus, format="docx", deliverable="tom_tat_thanh_tich", unit_code=vni.unit_code,
                 nominee_name=vni.nominee_name)  # fmt: skip
    # VNI spends two code points on many letters, so its estimate is a bit longer.
    a, b = docx_used_a4_fraction(vni.path.read_bytes()), docx_used_a4_fraction(plain.path.read_bytes())
    assert (a > LIMIT) == (b > LIMIT)


def test_layout_only_when_asked(corpus) -> None:
    d = _summaries(corpus, "docx")[0]
    assert inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type).used_a4_fraction is None


def test_multi_page_pdf_measures_over_one() -> None:
    # 45 lines of 14 pt leading on each page: about 0.74 of A4 each.
    fraction = pdf_used_a4_fraction(big_pdf(pages=2))
    assert 1.3 < fraction < 1.6


def test_long_pdf_counts_pages_past_the_measured_ones_as_full() -> None:
    # 5 measured pages of about 0.75 each, then 3 pages counted as 1.
    assert 6.5 < pdf_used_a4_fraction(big_pdf(pages=8)) < 7


@pytest.mark.tools
def test_scanned_page_is_measured_from_its_pixels(corpus) -> None:
    scan = pick(corpus, format="scan-pdf", unit_code="SYT", deliverable="to_trinh")
    text = pick(corpus, format="pdf", unit_code="SYT", deliverable="to_trinh")
    a, b = pdf_used_a4_fraction(scan.path.read_bytes()), pdf_used_a4_fraction(text.path.read_bytes())
    assert abs(a - b) < 0.05


# --- PDFium measure vs the pdfplumber reference ----------------------------------------
AGREEMENT = 0.01  # of an A4 page, about 8 pt: glyph boxes vs font-size boxes


def _pdf(content: str, rotate: int = 0) -> bytes:
    """A one-page A4 PDF with ``content``: Helvetica is /F1, /X1 a form drawing a 100 pt rule."""
    form = "0 0 m 100 0 l S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Rotate {rotate} "
        f"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content.encode()),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 900] /Length %d >>\nstream\n%s\nendstream"
        % (len(form), form.encode()),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


_TWO_LINES = "BT /F1 11 Tf 14 TL 72 790 Td (Hello world) ' (Second line) ' ET"


@pytest.mark.parametrize(
    ("content", "rotate", "extent_pt"),
    [
        pytest.param(_TWO_LINES, 0, 25, id="text"),
        # A line of blanks far below leaves no ink.
        pytest.param(_TWO_LINES + " BT /F1 20 Tf 72 300 Td (     ) Tj ET", 0, 25, id="blank-line"),
        # Underscores are thin boxes, but ink.
        pytest.param(_TWO_LINES + " BT /F1 11 Tf 72 600 Td (______) Tj ET", 0, 187, id="underscores"),
        # A rule, and a form XObject drawn 100 pt up: its line is at y = 100.
        pytest.param(
            _TWO_LINES + " q 2 w 72 400 m 300 400 l S Q q 1 0 0 1 0 100 cm /X1 Do Q",
            0,
            685,
            id="rule-and-form",
        ),
        # A page-sized background box and frame are not content.
        pytest.param(
            "q 1 1 0 rg 0 0 595 842 re f Q q 20 20 555 800 re S Q " + _TWO_LINES, 0, 25, id="background"
        ),
        # On a page shown rotated, the displayed height is along PDF x.
        pytest.param(_TWO_LINES, 90, 57, id="rotated"),
    ],
)
def test_pdf_measure_on_crafted_pages(content: str, rotate: int, extent_pt: float) -> None:
    data = _pdf(content, rotate)
    reference = pdfplumber_used_a4_fraction(data)
    assert abs(reference - extent_pt / 842) < 0.01, reference  # what the case means
    assert abs(pdf_used_a4_fraction(data) - reference) <= AGREEMENT


def test_pdf_measure_agrees_with_pdfplumber_on_generated_pdfs() -> None:
    for pages in (1, 2, 8):
        data = big_pdf(pages=pages)
        assert abs(pdf_used_a4_fraction(data) - pdfplumber_used_a4_fraction(data)) <= AGREEMENT


@pytest.mark.tools
def test_pdf_measure_agrees_with_pdfplumber_on_the_corpus(corpus) -> None:
    docs = [d for d in corpus if d.format in ("pdf", "pdf-tcvn3", "pdf-vni", "scan-pdf")]
    assert len(docs) > 20
    for d in docs:
        data = d.path.read_bytes()
        fast, reference = pdf_used_a4_fraction(data), pdfplumber_used_a4_fraction(data)
        assert abs(fast - reference) <= AGREEMENT, (d.path, fast, reference)


def test_inspection_measures_in_its_single_pass() -> None:
    data = big_pdf(pages=8)
    facts = inspect_document(data, "a.pdf", "application/pdf", measure_layout=True, need_full_text=True)
    assert facts.used_a4_fraction == pdf_used_a4_fraction(data)
    assert "trang 8, dong 45" in facts.full_text
