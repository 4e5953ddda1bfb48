"""PDF text does not depend on the fonts a PDF was made with (font sets of tests/fontsets.py).

The same documents are rendered by LibreOffice under three font sets: Liberation 1.07
with DejaVu fallback (a fresh Debian 12), DejaVu only, and Liberation 2 (full
Vietnamese).  The bot must read the same words from each, and the words of the source
document.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.campaign.model import load_campaign
from bot.campaign.rules import check_outline
from bot.documents.inspect import inspect_document
from bot.text import fold
from tests.corpus.checks import pick
from tests.corpus.docxgen import Para, header, render_docx
from tests.corpus.make_corpus import CorpusDoc, _Cache, corpus_for, find, soffice_convert
from tests.documents.vietnamese import lines
from tests.fontsets import FONT_SETS

pytestmark = pytest.mark.tools

REPO = Path(__file__).resolve().parents[2]
PDF = "application/pdf"
# A PDF's words against its source document's, per document (bag of words).
MIN_WORD_OVERLAP = 0.98


def _words(text: str) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def _overlap(ours: collections.Counter[str], reference: collections.Counter[str]) -> float:
    return sum((ours & reference).values()) / max(sum(ours.values()), sum(reference.values()), 1)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _text_pdfs(corpus: list[CorpusDoc]) -> list[tuple[CorpusDoc, CorpusDoc]]:
    """(PDF, its source .docx) for every text PDF in Unicode (legacy fonts are tested apart)."""
    pairs = []
    for d in corpus:
        if d.format != "pdf":
            continue
        [source] = find(corpus, unit_code=d.unit_code, deliverable=d.deliverable,
                        nominee_name=d.nominee_name, format="docx")  # fmt: skip
        pairs.append((d, source))
    if not pairs:
        pytest.skip("LibreOffice is not installed: no corpus PDFs")
    return pairs


def _bot_text(path: Path) -> str:
    facts = inspect_document(path.read_bytes(), path.name, PDF, need_full_text=True)
    assert facts.method == "pdf-text" and not facts.needs_review, (path, facts.method)
    return facts.full_text or ""


@pytest.mark.parametrize("fontset", FONT_SETS)
def test_each_font_set_is_what_it_claims(fontset: str) -> None:
    """The case each set stands for really happens in its PDFs (pdffonts lists the fonts)."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    d = pick(corpus_for(fontset), format="pdf", deliverable="bao_cao_kl01", unit_code="SYT")
    listing = subprocess.run(["pdffonts", str(d.path)], capture_output=True, text=True, check=True).stdout
    families = {re.sub(r"^[A-Z]{6}\+", "", row.split()[0]).split("-")[0] for row in listing.splitlines()[2:]}
    expected = {
        "liberation1-dejavu": {"LiberationSerif", "DejaVuSans"},  # Liberation 1.07 lacks ẢỘỐƠ…
        "dejavu": {"DejaVuSerif"},
        "liberation2": {"LiberationSerif"},  # no fallback at all
    }[fontset]
    assert families == expected, listing


def test_every_pdf_reads_as_its_source_under_every_font_set(fontset_corpus) -> None:
    """Bag of words of what the bot stores vs the .docx it was made from: >= 98% each."""
    worst = 1.0
    for pdf, source in _text_pdfs(fontset_corpus):
        overlap = _overlap(_words(_bot_text(pdf.path)), _words(_docx_text(source.path)))
        assert overlap >= MIN_WORD_OVERLAP, (pdf.path, overlap)
        worst = min(worst, overlap)
    assert worst > 0.99  # in fact exact but for a word or two


def test_pdftotext_agrees_where_fonts_are_complete() -> None:
    """With a font that covers Vietnamese, poppler reads what the bot reads (>= 98%).

    (Under the fallback sets poppler's own reading splits words next to fallback glyphs,
    "đ ức", so the source document is the reference there: test above.)
    """
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for pdf, _ in _text_pdfs(corpus_for("liberation2")):
        poppler = subprocess.run(["pdftotext", str(pdf.path), "-"], capture_output=True, text=True).stdout
        assert _overlap(_words(_bot_text(pdf.path)), _words(poppler)) >= MIN_WORD_OVERLAP, pdf.path


def test_folded_text_is_the_same_under_every_font_set() -> None:
    corpora = {
        name: {d.path.relative_to(d.path.parents[1]): d for d in corpus_for(name)} for name in FONT_SETS
    }
    first, *others = FONT_SETS
    compared = 0
    for rel, d in corpora[first].items():
        if d.format != "pdf":  # OCR of scans differs with the glyphs; legacy fonts tested apart
            continue
        reference = fold(_bot_text(d.path)).split()
        for name in others:
            assert fold(_bot_text(corpora[name][rel].path)).split() == reference, (name, rel)
        compared += 1
    assert compared >= 20


def test_complete_kl01_reports_have_every_section_under_every_font_set(fontset_corpus) -> None:
    campaign = load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")
    reports = [d for d in fontset_corpus if d.deliverable == "bao_cao_kl01" and d.format == "pdf"]
    assert reports
    for d in reports:
        problems = check_outline(_bot_text(d.path), d.path.name, campaign)
        assert bool(problems) == bool(d.missing_sections), (d.path, [p.message for p in problems])


# --- property: random Vietnamese through LibreOffice and each font set ------------------
@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(lines(min_words=2, max_words=9, onset=True), min_size=6, max_size=14),
    st.lists(st.sampled_from(["plain", "bold", "italic", "center"]), min_size=14, max_size=14),
)
def test_random_vietnamese_lines_read_back_under_every_font_set(text: list[str], styles: list[str]) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    blocks = [header(["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ TƯ PHÁP"], ["ĐẢNG CỘNG SẢN VIỆT NAM"])]
    blocks += [
        Para(line, bold=style == "bold", italic=style == "italic", center=style == "center")
        for line, style in zip(text, styles, strict=False)
    ]
    source = render_docx(blocks)
    expected = fold(
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH CHI BỘ SỞ TƯ PHÁP ĐẢNG CỘNG SẢN VIỆT NAM\n" + "\n".join(text)
    )
    with tempfile.TemporaryDirectory(prefix="fontset-prop-") as tmp:
        cache = _Cache(Path(tmp))
        for fontset in FONT_SETS:
            [pdf] = soffice_convert({"doc": source}, "pdf", cache, fontset).values()
            facts = inspect_document(pdf, "doc.pdf", PDF, need_full_text=True)
            assert fold(facts.full_text or "").split() == expected.split(), fontset
