"""fold(): case, diacritics, tone placement, NFD, punctuation and unit abbreviations."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.text import contains_phrase, fold, fold_lines, strip_marks


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ĐẢNG ỦY SỞ Y TẾ", "dang uy so y te"),
        ("Đảng uỷ Sở Y tế", "dang uy so y te"),  # old tone placement
        ("hoá học / hóa học", "hoa hoc hoa hoc"),
        ("ĐU Sở Y tế", "dang uy so y te"),
        ("DU Sở Y tế", "dang uy so y te"),
        ("CB Sở Ngoại vụ", "chi bo so ngoai vu"),
        ("ĐB Sở Tài chính", "dang bo so tai chinh"),
        ("Sở GD&ĐT", "so giao duc va dao tao"),
        ("Sở GDĐT", "so giao duc va dao tao"),
        ("Sở GD & ĐT", "so giao duc va dao tao"),
        ("Sở NN&PTNT", "so nong nghiep va phat trien nong thon"),
        ("Sở KH&CN", "so khoa hoc va cong nghe"),
        ("Sở KHCN", "so khoa hoc va cong nghe"),
        ("VP UBND tỉnh", "van phong uy ban nhan dan tinh"),
        ("Hội CCB Khối", "hoi cuu chien binh khoi"),
        ("Đoàn TNCS Hồ Chí Minh", "doan thanh nien cong san ho chi minh"),
        ("Kết luận số 01-KL/TW", "ket luan so 01 kl trung uong"),
        ("HT&LT Bác", "hoc tap va lam theo bac"),
        ("  Báo_cáo   KL01.docx ", "bao cao kl 01 docx"),
        ("BaoCaoThanhTich.docx", "bao cao thanh tich docx"),
        ("", ""),
    ],
)
def test_fold_examples(text, folded):
    assert fold(text) == folded


def test_dự_is_not_an_abbreviation():
    # "DỰ" folds to "du", which must not become "đảng ủy".
    assert fold("SỞ Y TẾ DỰ PHÒNG") == "so y te du phong"
    assert fold("Trung tâm dự phòng") == "trung tam du phong"


def test_nfd_filename_from_macos_folds_like_nfc():
    name = "Báo cáo thành tích Nguyễn Văn Ân.docx"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name)


def test_contains_phrase_respects_token_boundaries():
    assert contains_phrase("so y te du phong", "so y te")
    assert not contains_phrase("so y tem", "so y te")
    assert not contains_phrase("anything", "")


vietnamese = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ&/.-_ \t\n0123456789"))
    | st.characters(min_codepoint=0x300, max_codepoint=0x323)
    | st.characters(min_codepoint=0x1EA0, max_codepoint=0x1EF9),
)


@given(st.one_of(st.text(), vietnamese))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.one_of(st.text(), vietnamese))
def test_fold_ignores_normal_form(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(st.text())
def test_fold_never_raises_and_has_no_marks(text):
    out = fold(text)
    assert out == out.strip()
    assert not any(unicodedata.combining(c) for c in out)


def _strip_marks_reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_PIECES = st.one_of(
    st.sampled_from(list("ĐđÂâĂăÊêÔôƠơƯưÁáÀàẢảÃãẠạỦủỤụỶỷ İΣσ&-_/.,:;()0123456789")),
    st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", " \n ", "\n\n"]),
    st.sampled_from(["GD&ĐT", "ĐU ", "DUK", "CB ", "KL01", "Mau07", "BaoCao", "UBNĐ", "qd"]),
    st.characters(blacklist_categories=("Cs",)),
)
_VI_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@given(_VI_TEXT)
def test_strip_marks_matches_the_per_character_definition(text):
    assert strip_marks(text) == _strip_marks_reference(text)


@given(_VI_TEXT)
def test_fold_lines_is_fold_of_each_line(text):
    # fold_lines folds the whole text in one pass for speed; it must equal the
    # line-by-line definition exactly.
    expected = [f for f in (fold(line) for line in text.splitlines()) if f]
    assert fold_lines(text) == expected


def test_fold_lines_examples():
    text = "CỘNG HOÀ XÃ HỘI\r\n\r\n  I. CÔNG TÁC LÃNH ĐẠO  \n---\nIII.2. Hạn chế\u2028Sở GD&ĐT"
    assert fold_lines(text) == [
        "cong hoa xa hoi",
        "i cong tac lanh dao",
        "iii 2 han che",
        "so giao duc va dao tao",
    ]


@given(_VI_TEXT)
def test_fold_is_two_full_passes(text):
    # fold() skips its second pass on ASCII output; that must never change the result.
    from bot.text import _fold_once

    assert fold(text) == (_fold_once(_fold_once(text)) if text else "")
