"""TCVN3/VNI detection and conversion: known strings and properties (hypothesis)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.documents import legacy
from bot.documents.legacy import (
    SAMPLE_CHARS,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    encode_tcvn3,
    encode_vni,
    evidence_words,
    fix_legacy,
    font_encoding,
    plausible_syllable,
)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("§¶ng ñy", "Đảng ủy"),
        ("B¸o c¸o thµnh tÝch", "Báo cáo thành tích"),
        ("Tãm t¾t thµnh tÝch", "Tóm tắt thành tích"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("Ng­êi ®­îc ®Ò nghÞ khen th­ëng", "Người được đề nghị khen thưởng"),
        ("Quy Õt ®Þnh xÕp lo¹i", "Quy ết định xếp loại"),
    ],
)
def test_tcvn3_known_strings(legacy: str, unicode: str) -> None:
    assert decode_tcvn3(legacy) == unicode


def test_tcvn3_capitals_font_and_all_caps_words() -> None:
    assert decode_tcvn3("®¶ng céng s¶n viÖt nam", upper=True) == "ĐẢNG CỘNG SẢN VIỆT NAM"


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Ñaûng uûy", "Đảng ủy"),
        ("Baùo caùo thaønh tích", "Báo cáo thành tích"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("Ngöôøi ñöôïc ñeà nghò khen thöôûng", "Người được đề nghị khen thưởng"),
        ("Tóm taét", "Tĩm tắt"),  # "ó" is ĩ in VNI: decoding is only applied after detection
    ],
)
def test_vni_known_strings(legacy: str, unicode: str) -> None:
    assert decode_vni(legacy) == unicode


def test_detection_of_short_and_long_texts() -> None:
    assert detect_legacy("§¶ng ñy Së Y tÕ") == "tcvn3"
    assert detect_legacy("Ñaûng uûy Sôû Y teá") == "vni"
    assert detect_legacy("Đảng ủy Sở Y tế") is None
    assert detect_legacy("Müller, Señor Núñez and Zoë") is None
    assert detect_legacy("Giá: 100.000đ · mã © 2024 ® « trích dẫn »") is None
    assert detect_legacy("") is None
    assert detect_legacy("öa öa") is None  # "ưa" in VNI, "ửa" in TCVN3: undecidable


def test_fix_legacy_converts_and_reports() -> None:
    text, enc = fix_legacy("B¸o c¸o thµnh tÝch cña §¶ng ñy")
    assert (text, enc) == ("Báo cáo thành tích của Đảng ủy", "tcvn3")
    text, enc = fix_legacy("Bao cao thanh tich")
    assert (text, enc) == ("Bao cao thanh tich", None)


def test_font_names() -> None:
    assert font_encoding(".VnTime") == "tcvn3"
    assert font_encoding(".VnTimeH") == "tcvn3"
    assert font_encoding("VNI-Times") == "vni"
    assert font_encoding("Times New Roman") is None


# --- properties --------------------------------------------------------------------------
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "ưa", "ưi", "ươ", "ưu", "uy", "yê", "iêu", "oai", "oay", "uôi", "ươi", "ươu", "uyê", "yêu"]  # fmt: skip
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
           "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]  # fmt: skip
_CODAS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]


@st.composite
def syllables(draw) -> str:
    """onset + vowel nucleus (tone on its first vowel) + coda: what Vietnamese writes."""
    onset = draw(st.sampled_from(_ONSETS))
    nucleus = draw(st.sampled_from(_NUCLEI))
    tone = draw(st.sampled_from(_TONES))
    coda = draw(st.sampled_from(_CODAS)) if nucleus[-1] not in "iouy" else ""
    word = unicodedata.normalize("NFC", onset + nucleus[0] + tone + nucleus[1:] + coda)
    return word.capitalize() if draw(st.booleans()) else word


_PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", ": ", " - ", "\n", " (", ") ", " “", "” "])
_NUMBER = st.integers(0, 2024).map(str)


@st.composite
def vietnamese_texts(draw) -> str:
    parts = draw(st.lists(st.one_of(syllables(), syllables(), syllables(), _NUMBER), min_size=1, max_size=40))
    seps = draw(st.lists(_PUNCT, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True)).strip()


@settings(max_examples=300, deadline=None)
@given(vietnamese_texts())
def test_unicode_vietnamese_is_never_converted(text: str) -> None:
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (unicodedata.normalize("NFC", text), None)


_LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
_ALPHABET = _LETTERS + _LETTERS.upper() + "fjwz0123456789 \n.,;:!?-–()/%\"“”'‘’…"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_of_the_vietnamese_alphabet_is_left_alone(text: str) -> None:
    """Random strings (not only real syllables) of a realistic alphabet stay as they are."""
    assert fix_legacy(text) == (unicodedata.normalize("NFC", text), None)


def _enough_evidence(encoded: str, encoding: str) -> bool:
    """The documented threshold (2 words with strong marks, 10 % of all words), and
    some word only ``encoding`` explains (else the text is ambiguous, e.g. "öa öa")."""
    n = len(evidence_words(encoded, encoding))
    if n < 2 or n < 0.1 * len(encoded.split()):
        return False
    other = decode_tcvn3 if encoding == "vni" else decode_vni
    mine = decode_vni if encoding == "vni" else decode_tcvn3
    words = [w for w in encoded.split() if not w.isascii()]
    return any(plausible_syllable(mine(w)) and not plausible_syllable(other(w)) for w in words)


@settings(max_examples=300, deadline=None)
@given(vietnamese_texts())
def test_vni_round_trip(text: str) -> None:
    encoded = encode_vni(text)
    assume(_enough_evidence(encoded, "vni"))
    assert detect_legacy(encoded) == "vni"
    assert fix_legacy(encoded) == (text, "vni")


@settings(max_examples=300, deadline=None)
@given(vietnamese_texts())
def test_tcvn3_round_trip(text: str) -> None:
    """TCVN3 has no capitals with tone marks, so case may change; letters do not."""
    encoded = encode_tcvn3(text)
    assume(_enough_evidence(encoded, "tcvn3"))
    assert detect_legacy(encoded) == "tcvn3"
    decoded, enc = fix_legacy(encoded)
    assert enc == "tcvn3"
    assert decoded.lower() == text.lower()


# --- long texts and the fast paths -------------------------------------------------------
_SENTENCE = "Báo cáo thành tích của Đảng ủy Sở Y tế trong năm 2024. Người được đề nghị khen thưởng.\n"


@pytest.mark.parametrize(("encode", "name"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni")])
def test_long_legacy_text_is_converted_past_the_sample(encode, name: str) -> None:
    text = _SENTENCE * (3 * SAMPLE_CHARS // len(_SENTENCE))
    assert fix_legacy(encode(text)) == (text, name)


def test_long_text_is_decided_on_its_start() -> None:
    """A Unicode report with a legacy appendix stays as it is (converting would break it)."""
    start = _SENTENCE * (SAMPLE_CHARS // len(_SENTENCE) + 1)
    text = start + encode_tcvn3(_SENTENCE) * 50
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)


def _decode_tcvn3_letterwise(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(legacy.TCVN3_TO_UNICODE.get(c, c) for c in text))


def _decode_vni_letterwise(text: str) -> str:
    """The VNI definition, one code point at a time: a base letter takes the mark after it."""
    out, i = [], 0
    while i < len(text):
        marks = legacy._VNI_MARKS.get(text[i])
        if marks is not None and i + 1 < len(text) and text[i + 1] in marks:
            base = legacy._VNI_SINGLE.get(text[i], text[i])
            out.append(unicodedata.normalize("NFC", base + marks[text[i + 1]]))
            i += 2
        else:
            out.append(legacy._VNI_SINGLE.get(text[i], text[i]))
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


_LATIN = "".join(chr(c) for c in range(0x20, 0x100)) + "aeouyAEOUYôöÔÖ" * 4


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_LATIN, max_size=80))
def test_table_decoders_match_the_letterwise_definition(text: str) -> None:
    assert decode_tcvn3(text) == _decode_tcvn3_letterwise(text)
    assert decode_vni(text) == _decode_vni_letterwise(text)
