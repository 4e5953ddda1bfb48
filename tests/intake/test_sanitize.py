"""safe_filename: examples from real mail and Hypothesis properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intake.sanitize import MAX_NAME_CHARS, safe_filename


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\TEMP\\nsmailEG.png", "nsmailEG.png"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("..", "attachment"),
        ("", "attachment"),
        (".bashrc", "bashrc"),
        ('a<b>c:d"e|f?g*h.docx', "a_b_c_d_e_f_g_h.docx"),
        ("Outlook-Text\n\nDesc.png", "Outlook-Text Desc.png"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("To trình.docx", "To trình.docx"),
        ("Báo cáo. ", "Báo cáo"),
    ],
)
def test_examples(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Tờ trình Đảng ủy.docx")
    assert safe_filename(nfd) == unicodedata.normalize("NFC", "Tờ trình Đảng ủy.docx")


def test_long_name_keeps_extension() -> None:
    name = safe_filename("Báo cáo thành tích " * 20 + ".docx")
    assert len(name) <= MAX_NAME_CHARS and name.endswith(".docx")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_properties(raw: str) -> None:
    safe = safe_filename(raw)
    assert safe
    assert "/" not in safe and "\\" not in safe
    assert ".." not in safe
    assert not safe.startswith(".")
    assert len(safe) <= MAX_NAME_CHARS
    assert not any(ord(ch) < 32 for ch in safe)
    assert safe == unicodedata.normalize("NFC", safe)
    assert safe_filename(safe) == safe


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["..", ".", "/", "\\", "a", "CON", "é", " ", ":", "\x00", "x.pdf"]), max_size=30)
)
def test_properties_on_path_like_names(pieces: list[str]) -> None:
    safe = safe_filename("".join(pieces))
    assert safe and "/" not in safe and "\\" not in safe and ".." not in safe
    assert safe_filename(safe) == safe
