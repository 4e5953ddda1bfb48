"""Replies that are not submissions: a unit asking for time, a stranger's files, threading.

Mails go through the real intake path (``process_mail``: parse → understand → record →
acknowledge), as in ``tests/test_pipeline.py``, without the IMAP server.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.intake.mailbox import FetchedMail
from bot.matching.replies import asks_for_time
from bot.outgoing.reminders import remind
from bot.outgoing.sender import flush_outbox
from bot.pipeline.poll import process_mail
from bot.store.models import Message, OutboxMail
from tests.mailgen import build_mail, make_docx
from tests.outgoing.conftest import at

_uid = itertools.count(1)
STC_REPORT = make_docx(["ĐẢNG ỦY SỞ TÀI CHÍNH", "TỜ TRÌNH", "Về việc đề nghị khen thưởng năm 2024"])


def feed(app, sender, subject, body="Kính gửi Ban Tuyên giáo.", files=(), when=None, **kw):
    when = when or at(26, 9)
    raw = build_mail(sender, subject, body, attachments=list(files), date=when, **kw)
    mail = FetchedMail(next(_uid), raw, when, len(raw))
    return process_mail(app, "t/INBOX", 1, mail, when + dt.timedelta(minutes=1), acknowledge(app))


def _outbox(app, kind=None) -> list[OutboxMail]:
    with app.db.session() as s:
        q = select(OutboxMail).order_by(OutboxMail.id)
        if kind:
            q = q.where(OutboxMail.kind == kind)
        return list(s.scalars(q))


def _text(mail) -> str:
    return mail.message.get_body(("plain",)).get_content().replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("subject", "body", "asks"),
    [
        ("Hồ sơ khen thưởng", "Đơn vị sẽ gửi hồ sơ sau ạ.", True),
        ("Xin gia hạn nộp hồ sơ", "", True),
        ("Re: Nhắc hạn", "Xin phép Ban cho đơn vị gửi hồ sơ chậm 3 ngày", True),
        ("Re: Nhắc hạn", "Chi bộ đang hoàn thiện báo cáo, sẽ gửi trong tuần.", True),
        ("Gửi hồ sơ", "Đơn vị gửi kèm hồ sơ đề nghị khen thưởng.", False),
        ("Re: Nhắc hạn", "> Đề nghị đơn vị gửi bổ sung sau\n", False),  # the bot's words, quoted
        ("Hồ sơ", "Đơn vị không xin gia hạn, sẽ nộp đúng hạn.", False),
    ],
)
def test_asks_for_time(subject, body, asks):
    assert asks_for_time(subject, body) is asks


@pytest.mark.smtp
def test_a_unit_asking_for_time_is_answered_and_waits_for_a_decision(app, smtp_sink):
    out = feed(app, "dangbo.stc@thainguyen.gov.vn", "Hồ sơ khen thưởng", "Đơn vị sẽ gửi hồ sơ sau ạ.")
    assert out.review
    with app.db.session() as s:
        m = s.scalars(select(Message)).one()
        assert (m.category, m.review_reason, m.needs_review) == ("time_request", "time_request", True)
        assert m.unit_id is not None
    flush_outbox(app, at(26, 10))
    [mail] = smtp_sink.messages
    text = _text(mail)
    assert "ghi nhận đề nghị của đơn vị về việc gửi hồ sơ sau" in text
    assert "cán bộ phụ trách để xem xét" in text
    assert "Thư không có tệp đính kèm" not in text
    assert "Tờ trình đề nghị khen thưởng — chậm nhất trong ngày 28/02/2024" in text


@pytest.mark.smtp
def test_no_attachment_is_said_once(app, smtp_sink):
    feed(app, "dangbo.stc@thainguyen.gov.vn", "Hồ sơ khen thưởng", "Kính gửi Ban Tuyên giáo.")
    flush_outbox(app, at(26, 10))
    text = _text(smtp_sink.messages[0])
    assert text.count("không có tệp đính kèm") == 1
    with app.db.session() as s:
        assert s.scalars(select(Message.needs_review)).one() is False


@pytest.mark.smtp
def test_a_stranger_naming_a_unit_gets_one_holding_reply_and_staff_see_it(app, smtp_sink):
    files = [("To trinh.docx", STC_REPORT)]
    body = "Kính gửi Ban.\nĐảng bộ Sở Tài chính gửi hồ sơ.\n--\nNguyễn Thu\nVăn phòng Sở Tài chính"
    out = feed(app, "Nguyễn Thu <nguyenthu.stc@gmail.com>", "Gửi hồ sơ khen thưởng", body, files)
    assert out.review
    [row] = _outbox(app)
    assert row.kind == "holding" and row.recipients == ["nguyenthu.stc@gmail.com"]
    # Again the same day: no second reply; the staff review queue has both mails.
    feed(app, "nguyenthu.stc@gmail.com", "Gửi bổ sung", body, files, when=at(26, 11))
    assert len(_outbox(app, "holding")) == 1
    flush_outbox(app, at(26, 12))
    [mail] = smtp_sink.messages
    assert mail.message["In-Reply-To"] is not None
    assert mail.message["Subject"] == "Re: Gửi hồ sơ khen thưởng"
    text = _text(mail)
    assert "Kính gửi: đồng chí Nguyễn Thu." in text
    assert "kèm 1 tệp: To trinh.docx" in text
    assert "có thể là của Đảng bộ Sở Tài chính" in text
    assert "không cần gửi lại" in text
    from bot.reporting import activity

    with app.db.session() as s:
        ids = list(s.scalars(select(Message.id).order_by(Message.id)))
        assert activity.holding_replies(s, ids) == {ids[0]}


def test_no_holding_reply_to_spam_auto_replies_or_without_files(app):
    body = "Đảng bộ Sở Tài chính gửi hồ sơ."
    files = [("To trinh.docx", STC_REPORT)]
    feed(app, "a@gmail.com", "Gửi hồ sơ", body, files, headers={"X-Spam-Flag": "YES"})
    feed(
        app,
        "b@gmail.com",
        "Trả lời tự động: Gửi hồ sơ",
        body,
        files,
        headers={"Auto-Submitted": "auto-replied"},
    )
    feed(app, "c@gmail.com", "Hồ sơ Đảng bộ Sở Tài chính", body)  # no file
    feed(app, "d@gmail.com", "Xin chào", "Không nêu đơn vị nào.", files=[("a.docx", make_docx(["Văn bản"]))])
    assert _outbox(app) == []


def test_holding_replies_are_rate_limited_for_all_senders(app):
    app.settings = app.settings.model_copy(
        update={"smtp": app.settings.smtp.model_copy(update={"max_holding_replies_per_hour": 2})}
    )
    body = "Đảng bộ Sở Tài chính gửi hồ sơ."
    for i in range(4):
        feed(
            app, f"clerk{i}@gmail.com", "Gửi hồ sơ", body, [("To trinh.docx", STC_REPORT)], when=at(26, 9, i)
        )
    assert [r.recipients for r in _outbox(app, "holding")] == [["clerk0@gmail.com"], ["clerk1@gmail.com"]]


@pytest.mark.smtp
def test_reminders_thread_under_the_units_latest_acknowledgment(app, smtp_sink):
    files = [("To trinh.docx", make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "đề nghị khen thưởng"]))]
    feed(app, "dangbo.syt@thainguyen.gov.vn", "Gửi tờ trình", files=files, message_id="<first@syt>")
    feed(
        app,
        "dangbo.syt@thainguyen.gov.vn",
        "Gửi lại tờ trình",
        files=files,
        message_id="<second@syt>",
        when=at(26, 15),
    )
    acks = _outbox(app, "ack")
    remind(app, at(27, 8))
    flush_outbox(app, at(27, 9))
    syt = next(
        m
        for m in smtp_sink.messages
        if m.message["X-Intake-Kind"] == "reminder" and m.message["X-Intake-Unit"] == "SYT"
    )
    assert syt.message["In-Reply-To"] == acks[-1].message_id_header
    assert syt.message["References"].split() == ["<second@syt>", acks[-1].message_id_header]
    # A unit that never wrote: its overdue notice follows its reminder.
    bdt = [m for m in smtp_sink.messages if m.message["X-Intake-Unit"] == "BDT"]
    assert bdt and bdt[0].message["In-Reply-To"] is None
    remind(app, at(29, 8))
    flush_outbox(app, at(29, 9))
    overdue = next(
        m
        for m in smtp_sink.messages
        if m.message["X-Intake-Kind"] == "overdue" and m.message["X-Intake-Unit"] == "BDT"
    )
    assert overdue.message["In-Reply-To"] == bdt[0].message["Message-ID"]


def test_nothing_overdue_goes_out_on_a_weekend(app):
    """The KL01 deadline is Friday 15/03/2024: its overdue notice waits for Monday 18/03."""
    assert app.settings.schedule.skip_weekends and app.settings.schedule.skip_public_holidays
    assert [
        p
        for p in remind(app, at(16, 9, month=3), dry_run=True)
        if p.kind == "overdue" and p.deadline_id == "bao_cao_kl01"
    ] == []
    assert [
        p
        for p in remind(app, at(17, 20, month=3), dry_run=True)
        if p.kind == "overdue" and p.deadline_id == "bao_cao_kl01"
    ] == []
    monday = [p for p in remind(app, at(18, 8, month=3), dry_run=True) if p.kind == "overdue"]
    assert {p.deadline_id for p in monday} >= {"bao_cao_kl01"}
    assert all(p.moment.weekday() < 5 for p in monday)
