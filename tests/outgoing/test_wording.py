"""How the mails are worded, as a unit secretary reads them (issue 14, "Mails").

A deadline that has passed is never shown as ahead; the plan is cited as it cites itself;
one name per deliverable; Vietnamese quotation marks; never two parentheses in a row;
the standard "-- " signature separator with the office phone and a named contact.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.campaign.model import load_campaign
from bot.errors import ConfigError
from bot.outgoing.preview import preview
from bot.outgoing.render import KINDS, renderer
from bot.outgoing.samples import sample_context
from bot.outgoing.sender import flush_outbox
from tests.conftest import REPO
from tests.outgoing.conftest import at
from tests.seeding import F, record_mail

CAMPAIGN_FILE = REPO / "config/campaigns/120-KH-DUK-2024.toml"
CITATION = "Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"
HEALTH = {"ok": True, "last_success_at": None, "last_error": None}
DOUBLED = re.compile(r"\)\s*\(")


def _text(mail) -> str:
    return mail.message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def _with_contact(app):
    staff = app.settings.staff.model_copy(
        update={
            "office_phone": "0208.3855.123",
            "contact_name": "Nguyễn Văn Linh, chuyên viên Ban Tuyên giáo",
            "contact_phone": "0912.345.678",
        }
    )
    app.settings = app.settings.model_copy(update={"staff": staff})
    return app


@pytest.mark.smtp
def test_ack_after_the_deadline_says_it_has_passed(app, smtp_sink):
    record_mail(app, "SYT", [F("To trinh.pdf", "to_trinh")], at(2, 9, month=3))
    flush_outbox(app, at(2, 10, month=3))
    [mail] = smtp_sink.messages
    text = _text(mail)
    owed = text.split("Hồ sơ đơn vị còn phải gửi theo ")[1]
    assert (
        "Báo cáo thành tích: của từng tập thể, cá nhân được đơn vị đề nghị — đã quá hạn ngày 28/02/2024"
        in owed
    )
    assert "chậm nhất trong ngày 28/02/2024" not in text
    # The KL01 report is still ahead on 02/03.
    assert "Báo cáo tình hình thực hiện Kết luận số 01-KL/TW — chậm nhất trong ngày 15/03/2024" in owed


def test_reminder_preview_after_the_deadline_is_not_today(app):
    record_mail(app, "SYT", [F("To trinh.pdf", "to_trinh")], at(20, 9), ack=False)
    subject, text, html, source = preview(app, "reminder", "SYT", at(21, 9, month=3), HEALTH)
    assert source == "database"
    assert "hôm nay" not in text and "hôm nay" not in subject
    assert "đã quá hạn ngày" in text and "chậm nhất" not in text
    # Before the deadline it is said as a deadline still ahead.
    _, text, _, _ = preview(app, "reminder", "SYT", at(27, 9), HEALTH)
    assert "Thời hạn: chậm nhất trong ngày 28/02/2024, tức là hôm nay" not in text
    assert "Thời hạn: chậm nhất trong ngày 28/02/2024, còn 1 ngày" in text


@pytest.mark.smtp
def test_signature_separator_phone_and_named_contact(app, smtp_sink):
    _with_contact(app)
    record_mail(app, "SYT", [F("To trinh.pdf", "to_trinh")], at(26, 9))
    flush_outbox(app, at(26, 10))
    [mail] = smtp_sink.messages
    text = _text(mail)
    assert "\n-- \n" in text, "the signature separator is dash, dash, space on its own line"
    signature = text.split("\n-- \n", 1)[1]
    assert "Điện thoại: 0208.3855.123" in signature
    assert (
        "Người liên hệ: đồng chí Nguyễn Văn Linh, chuyên viên Ban Tuyên giáo, điện thoại 0912.345.678"
        in signature
    )
    html = mail.message.get_body(("html",)).get_content()
    assert "Người liên hệ: đồng chí Nguyễn Văn Linh" in html


def test_no_contact_line_unless_configured(app):
    ctx = sample_context("ack", app.settings, app.campaign, at(25, 8))
    _, text, _ = renderer("Asia/Ho_Chi_Minh").render("ack", ctx)
    assert "Người liên hệ" not in text
    assert "\n-- \n" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_mail_cites_quotes_and_brackets_as_the_office_writes(app, kind):
    _with_contact(app)
    # After the first deadline too, where every "còn N ngày" turns into "đã quá hạn".
    for now in (at(25, 8), at(2, 9, month=3)):
        ctx = sample_context(kind, app.settings, app.campaign, now)
        subject, text, html = renderer("Asia/Ho_Chi_Minh").render(kind, ctx)
        for part in (subject, text):
            assert "«" not in part and "»" not in part, part
            assert not DOUBLED.search(part), DOUBLED.search(part)
            assert "trước hết ngày" not in part
            assert "Báo cáo kết quả thực hiện Kết luận" not in part  # one name per deliverable
        if kind in ("ack", "reminder", "overdue"):
            assert CITATION in text
            assert "Kế hoạch số 120-KH/ĐUK của" not in text
        if kind == "reminder" and now > ctx["due"]:
            assert "chậm nhất" not in text and "hôm nay" not in text


@pytest.mark.smtp
def test_reminders_name_each_deliverable_once_with_the_plans_requirements(app, smtp_sink):
    from bot.outgoing.reminders import remind

    record_mail(app, "SYT", [F("To trinh.pdf", "to_trinh")], at(20, 9), ack=False)
    remind(app, at(21, 8))
    flush_outbox(app, at(21, 9))
    syt = next(m for m in smtp_sink.messages if m.message["X-Intake-Unit"] == "SYT")
    text = _text(syt)
    assert text.count("Báo cáo thành tích") == 2  # once owed, once in the plan's requirements
    requirements = text.split("Yêu cầu đối với hồ sơ theo Kế hoạch:")[1]
    assert "- Báo cáo thành tích: theo Mẫu 07, Nghị định số 91/2017/NĐ-CP" in requirements
    assert "- Bản tóm tắt thành tích: không quá 1/2 trang A4." in requirements


def test_a_deadline_of_one_deliverable_is_named_as_that_deliverable(tmp_path):
    text = CAMPAIGN_FILE.read_text(encoding="utf-8").replace(
        'label = "Báo cáo tình hình thực hiện Kết luận số 01-KL/TW"',
        'label = "Báo cáo kết quả thực hiện Kết luận số 01-KL/TW"',
    )
    p = tmp_path / "c.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_campaign(p)
    assert "deadlines.1.label" in str(e.value)
    campaign = load_campaign(CAMPAIGN_FILE)
    assert campaign.citation == CITATION
    assert campaign.deadline("bao_cao_kl01").label == campaign.deliverable("bao_cao_kl01").name


def test_dates_in_the_plan_and_in_mails_are_the_same_day(app):
    ctx = sample_context("reminder", app.settings, app.campaign, at(25, 8))
    assert ctx["due"].astimezone(app.campaign.tz).date() == dt.date(2024, 2, 28)
