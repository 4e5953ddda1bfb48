"""Every template, every kind, realistic data: rendered text is clean Vietnamese."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata

import pytest

from bot.outgoing.render import KINDS, TEMPLATES, Renderer, TemplateRenderError, renderer
from bot.outgoing.samples import sample_context
from tests.outgoing.conftest import at

# What UTF-8 Vietnamese looks like when decoded as cp1252/latin-1, plus the replacement char.
MOJIBAKE = ("Ã", "Æ", "Ä‘", "Ä", "á”", "áº", "Ð", "\ufffd")
EXPECTED = {
    "ack": ["Kính gửi", "xác nhận đã nhận được", "Hồ sơ đã nhận", "còn phải gửi", "Trân trọng./."],
    "reminder": [
        "Kính gửi",
        "trân trọng đề nghị",
        "chậm nhất trong ngày 28/02/2024",
        "Trần Đức Lượng",
        "Trân trọng./.",
    ],
    "overdue": ["Kính gửi", "trân trọng thông báo", "là hết ngày 28/02/2024", "khẩn trương", "Trân trọng./."],
    "digest": [
        "Kính gửi",
        "đơn vị đã gửi đủ",
        "xin gửi hồ sơ sau",
        "không gửi được, lỗi 550",
        "Đảng ủy Khối",
    ],
    "notice": ["Kính gửi", "tạm giữ", "Ban Tuyên giáo"],
    "holding": [
        "Kính gửi",
        "chưa được đăng ký",
        "Đảng bộ Sở Tài chính",
        "không cần gửi lại",
        "Trân trọng./.",
    ],
}


def _check_clean(s: str) -> None:
    for bad in MOJIBAKE:
        assert bad not in s, f"mojibake {bad!r} in: {s[max(0, s.find(bad) - 40) : s.find(bad) + 40]!r}"
    assert unicodedata.is_normalized("NFC", s)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_clean_vietnamese(app, kind):
    ctx = sample_context(kind, app.settings, app.campaign, at(25, 8))
    subject, text, html = renderer("Asia/Ho_Chi_Minh").render(kind, ctx)
    for part in (subject, text, html):
        _check_clean(part)
    assert subject and "\n" not in subject
    visible = html_lib.unescape(re.sub(r"<[^>]+>", "", html))
    for word in EXPECTED[kind]:
        assert word in text, word
        assert word in visible, word
    assert html.lstrip().startswith("<!DOCTYPE html>") and 'lang="vi"' in html
    assert "{{" not in text and "{%" not in text


def test_template_files_are_nfc_utf8():
    for path in sorted(TEMPLATES.glob("*.*")):
        raw = path.read_bytes().decode("utf-8")
        assert unicodedata.is_normalized("NFC", raw), path.name
        _check_clean(raw)
    for kind in KINDS:
        assert (TEMPLATES / f"{kind}.txt").exists() and (TEMPLATES / f"{kind}.html").exists()


def test_nfd_input_comes_out_nfc(app):
    ctx = sample_context("ack", app.settings, app.campaign, at(25, 8))
    nfd = unicodedata.normalize("NFD", "Tờ trình Sở Y tế.docx")
    ctx["received"][0]["files"] = [nfd]
    subject, text, html = renderer("Asia/Ho_Chi_Minh").render("ack", ctx)
    assert "Tờ trình Sở Y tế.docx" in text and unicodedata.is_normalized("NFC", text)


def test_html_is_escaped_text_is_not(app):
    ctx = sample_context("ack", app.settings, app.campaign, at(25, 8))
    ctx["received"][0]["files"] = ["<script>alert(1)</script> & Co.pdf"]
    _, text, html = renderer("Asia/Ho_Chi_Minh").render("ack", ctx)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<script>alert(1)</script> & Co.pdf" in text


def test_undefined_variable_is_an_error(app):
    ctx = sample_context("reminder", app.settings, app.campaign, at(25, 8))
    del ctx["due"]
    with pytest.raises(TemplateRenderError, match="reminder.txt"):
        renderer("Asia/Ho_Chi_Minh").render("reminder", ctx)


def test_staff_can_override_wording_without_code(tmp_path, app):
    for f in TEMPLATES.glob("*.*"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notice.txt").write_text(
        '{% extends "_base.txt" %}{% block subject %}Thông báo thử{% endblock %}'
        "{% block body %}Nội dung đã sửa.{% endblock %}",
        encoding="utf-8",
    )
    r = Renderer(app.campaign.tz, tmp_path)
    subject, text, _ = r.render("notice", sample_context("notice", app.settings, app.campaign, at(25, 8)))
    assert subject == "Thông báo thử" and text.startswith("Nội dung đã sửa.")


def test_dates_are_local_dd_mm_yyyy(app):
    import datetime as dt

    r = renderer("Asia/Ho_Chi_Minh")
    utc = dt.datetime(2024, 2, 28, 17, 30, tzinfo=dt.UTC)  # 00:30 on 29/02 in Hà Nội
    assert r._date(utc) == "29/02/2024"
    assert r._datetime(utc) == "00:30 ngày 29/02/2024"
