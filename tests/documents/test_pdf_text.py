"""Reading order of PDF text (bot.documents.pdf_text) on pages drawn run by run (pdfcraft).

Properties: whatever letters a producer draws apart and after their line (the fallback
font case), with fake bold, a synthetic italic, a second column or a rotated stamp, the
page reads as its lines, top to bottom, words separated by one space.  And the
scrambled-text check (bot.documents.textcheck) tells the two readings apart.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.documents.inspect import inspect_document
from bot.documents.pdf_text import _positional_text, _stream_lines, page_text
from bot.documents.textcheck import looks_scrambled, quality
from tests.documents.pdfcraft import Layout, craft_pdf
from tests.documents.vietnamese import lines

PDF = "application/pdf"


def _read(data: bytes) -> tuple[str, str]:
    """(our text, PDFium's stream-order text) of the first page."""
    doc = pdfium.PdfDocument(data)
    try:
        textpage = doc[0].get_textpage()
        return page_text(textpage), textpage.get_text_range().replace("\r\n", "\n")
    finally:
        doc.close()


@st.composite
def layouts(draw, two_columns: bool = False) -> Layout:
    width = 20 if two_columns else 60
    left = draw(st.lists(lines(max_chars=width), min_size=1, max_size=12))
    right = draw(st.lists(lines(max_chars=width), min_size=1, max_size=len(left))) if two_columns else []
    letters = [(n, i) for n, text in enumerate(left) for i, ch in enumerate(text) if ch != " "]
    fallback = draw(st.sets(st.sampled_from(letters), max_size=len(letters))) if letters else set()
    return Layout(
        lines=left,
        right_lines=right,
        fallback=frozenset(fallback),
        fake_bold=draw(st.booleans()),
        italic=draw(st.booleans()),
        browser=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_lines_read_in_order_whatever_is_drawn_apart(layout: Layout) -> None:
    ours, _ = _read(craft_pdf(layout))
    assert ours.split("\n") == layout.lines


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(two_columns=True))
def test_two_columns_on_shared_baselines_read_column_by_column(layout: Layout) -> None:
    ours, _ = _read(craft_pdf(layout))
    assert ours.split("\n") == layout.lines + layout.right_lines


def test_a_browsers_pdf_keeps_its_word_spaces() -> None:
    """Chrome sizes fonts in CSS pixels under a 0.75 matrix and draws no spaces: the gaps
    must be measured at the size as drawn (an italic heading's advances most of all)."""
    text = ["3.1. Ưu điểm và nguyên nhân", "3.2. Hạn chế, khó khăn, vướng mắc và nguyên nhân"]
    for italic in (False, True):
        ours, _ = _read(craft_pdf(Layout(lines=text, italic=italic, browser=True)))
        assert ours.split("\n") == text, italic


def test_rotated_stamp_stays_out_of_the_lines() -> None:
    layout = Layout(lines=["Báo cáo thành tích", "Nguyễn Văn Mạnh"], stamp="BẢN SAO")
    ours, _ = _read(craft_pdf(layout))
    assert ours.split("\n") == ["Báo cáo thành tích", "Nguyễn Văn Mạnh", "BẢN SAO"]


def test_the_fresh_machine_case_in_miniature() -> None:
    """Every letter Liberation Serif 1.07 lacks drawn after its line, as LibreOffice does."""
    text = ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "thực hiện Kết luận số 01-KL/TW"]
    missing = set("ẢỘỐƠỈựệếậốư")
    fallback = frozenset((n, i) for n, line in enumerate(text) for i, ch in enumerate(line) if ch in missing)
    ours, stream = _read(craft_pdf(Layout(lines=text, fallback=fallback)))
    assert ours.split("\n") == text
    assert stream.split("\r\n")[0] != text[0] or "Ả" not in stream.split("\n")[0][:3]  # the stream is not


@settings(max_examples=100, deadline=None)
@given(st.lists(lines(min_words=4, onset=True), min_size=8, max_size=20))
def test_real_text_never_looks_scrambled(text: list[str]) -> None:
    # Real text has few one-letter words ("ở", "ý"); random syllables would have many.
    assert not looks_scrambled("\n".join(text))


def _stream_order(text: list[str], fallback: set[tuple[int, int]]) -> str:
    """What a stream-order reader makes of it: each line's runs, then its fallback letters."""
    out = []
    for n, line in enumerate(text):
        apart = [i for i, ch in enumerate(line) if (n, i) in fallback]
        runs = "".join(" " if i in apart else ch for i, ch in enumerate(line))
        out.append(" ".join(runs.split() + [line[i] for i in apart]))
    return "\n".join(out)


@settings(max_examples=100, deadline=None)
@given(st.lists(lines(min_words=4, max_words=10, onset=True), min_size=10, max_size=14), st.randoms())
def test_stream_order_with_fallback_letters_looks_scrambled(text: list[str], rnd) -> None:
    """A fifth of the letters drawn after their line, read in stream order: caught."""
    letters = [(n, i) for n, line in enumerate(text) for i, ch in enumerate(line) if ch != " "]
    fallback = set(rnd.sample(letters, len(letters) // 5))
    scrambled = _stream_order(text, fallback)
    assert looks_scrambled(scrambled), quality(scrambled)


def test_scrambled_reading_is_recorded_and_sent_to_review() -> None:
    """A text layer that still reads as fragments after every reading goes to a person."""
    garbage = ["th c hi n K t lu n s 01 Đ NG B KH I C QUAN ề ị ặ ấ ọ ậ ư ưở ạ ứ"] * 6
    facts = inspect_document(craft_pdf(Layout(lines=garbage)), "x.pdf", PDF)
    assert facts.needs_review and "scrambled" in (facts.problem_detail or "")
    assert facts.method in ("pdf-text", "pdf-text-pdfplumber", "pdf-ocr")


@pytest.mark.parametrize("method", ["pdf-text"])
def test_clean_pdf_keeps_the_fast_reading(method: str) -> None:
    text = ["Kính gửi Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"] * 8
    facts = inspect_document(craft_pdf(Layout(lines=text)), "x.pdf", PDF)
    assert (facts.method, facts.needs_review) == (method, False)
    assert facts.head_text.split("\n") == text


def _both_readings(data: bytes) -> list[tuple[str | None, str]]:
    doc = pdfium.PdfDocument(data)
    try:
        pages = [doc[i].get_textpage() for i in range(len(doc))]
        return [(_stream_lines(tp), _positional_text(tp)) for tp in pages]
    finally:
        doc.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), layouts(two_columns=True))
def test_the_quick_reading_of_an_orderly_stream_equals_the_layout(one: Layout, two: Layout) -> None:
    """Where the stream reads in order PDFium's own text is used; it must say what the layout says."""
    for layout in (one, two):
        for quick, laid_out in _both_readings(craft_pdf(layout)):
            if quick is not None:
                assert quick == laid_out


def test_the_quick_reading_agrees_on_every_corpus_pdf(fontset_corpus) -> None:
    quick_pages = 0
    for d in fontset_corpus:
        if d.format not in ("pdf", "pdf-vni", "pdf-tcvn3"):
            continue
        for quick, laid_out in _both_readings(d.path.read_bytes()):
            if quick is not None:
                assert quick == laid_out, d.path
                quick_pages += 1
    assert quick_pages or fontset_corpus[0].fontset == "liberation1-dejavu"
