"""The passwords a mail gives for its locked archives (pure; property tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.intake.passwords import MAX_PASSWORDS, passwords_in


@pytest.mark.parametrize(
    ("text", "password"),
    [
        ("Mật khẩu giải nén: Kbnn@2024", "Kbnn@2024"),
        ("Công đoàn gửi hồ sơ (file nén, mật khẩu: cdvc@2024).", "cdvc@2024"),
        ("mật khẩu là 123456.", "123456"),
        ('Mat khau file nen la "cdvc2024"', "cdvc2024"),
        ("(pass: ab12)", "ab12"),
        ("MK: 2024", "2024"),
        ("Password=Xy_9!", "Xy_9!"),
        ("mật khẩu để mở file là: q7", "q7"),
        ("Mã giải nén: 7788", "7788"),
    ],
)
def test_a_password_written_as_units_write_it_is_found(text, password):
    assert password in passwords_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kính gửi Ban Tuyên giáo Đảng ủy Khối.",
        "mật khẩu sẽ gửi sau",
        "Đề nghị không đặt mật khẩu: ",
        "Thư gửi kèm hồ sơ khen thưởng của Đảng bộ Sở Y tế.",
    ],
)
def test_no_password_is_made_up(text):
    assert passwords_in(text) == ()


PASSWORD = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters="@#_-!$%"),
    min_size=1,
    max_size=20,
).filter(
    lambda p: (
        any(c.isalnum() for c in p)
        and p.lower() not in {"là", "la", "sẽ", "se", "gửi", "gui", "sau", "của", "cua", "đã", "da"}
    )
)
LABEL = st.sampled_from(
    ["Mật khẩu: ", "mật khẩu giải nén là ", "Mat khau: ", "MK: ", "pass: ", "Password = "]
)
PROSE = st.sampled_from(["", "Kính gửi Ban Tuyên giáo,\n", "Đơn vị gửi hồ sơ (file nén, "])
END = st.sampled_from(["", ".", ")", "). Trân trọng.", "\nTrân trọng."])


@given(PROSE, LABEL, PASSWORD, END)
def test_any_password_after_a_label_is_found_whatever_follows(prose, label, password, end):
    found = passwords_in(f"{prose}{label}{password}{end}")
    assert password in found and len(found) <= MAX_PASSWORDS


@given(st.text(max_size=300))
def test_any_text_gives_at_most_a_few_short_candidates(text):
    found = passwords_in(text)
    assert len(found) <= MAX_PASSWORDS and all(0 < len(p) <= 64 for p in found)
