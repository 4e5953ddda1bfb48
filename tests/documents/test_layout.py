"""The "summary at most half an A4 page" measurement, on DOCX (estimate) and PDF."""

from __future__ import annotations

import pytest

from bot.documents.inspect import inspect_document
from bot.documents.layout import docx_used_a4_fraction, pdf_used_a4_fraction
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
