"""Acknowledgments, end to end through the real aiosmtpd sink."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.outgoing.outbox import reply_subject
from bot.outgoing.sender import flush_outbox
from bot.store.models import OutboxMail
from tests.outgoing.conftest import at
from tests.seeding import F, record_mail

pytestmark = pytest.mark.smtp


def _outbox(app) -> list[OutboxMail]:
    with app.db.session() as s:
        return list(s.scalars(select(OutboxMail).order_by(OutboxMail.id)))


def test_ack_content_and_threading(app, smtp_sink):
    nominee = ("ca_nhan", "Trần Đức Lượng")
    record_mail(
        app,
        "SYT",
        [
            F("Tờ trình khen thưởng 2024.pdf", "to_trinh"),
            F("BCTT Tran Duc Luong.docx", "bao_cao_thanh_tich", nominee),
            F(
                "Tóm tắt thành tích.docx",
                "tom_tat_thanh_tich",
                nominee,
                problems=[
                    {
                        "code": "summary_too_long",
                        "message": "Bản tóm tắt thành tích “Tóm tắt thành tích.docx” dài khoảng 0,8 trang A4; theo Kế hoạch tối đa 1/2 trang.",
                    }
                ],
            ),
            F("scan0001.pdf"),  # not recognised: waits for staff
            F("virus.exe", problem="refused_type"),
        ],
        at(26, 9, 15),
        subject="TL: Re: V/v gửi hồ sơ khen thưởng HT&LT Bác 2024",
        sender="vanphong.syt.1980@gmail.com",
        message_id="<CAF1234@mail.gmail.com>",
        references=["<older@thainguyen.gov.vn>"],
    )
    report = flush_outbox(app, at(26, 9, 20))
    assert report.sent == 1
    [mail] = smtp_sink.messages
    m = mail.message
    # To the clerk who wrote, copied to the unit's registered addresses.
    assert mail.rcpt_tos == [
        "vanphong.syt.1980@gmail.com",
        "dangbo.syt@thainguyen.gov.vn",
        "vanphong.syt@thainguyen.gov.vn",
    ]
    assert m["To"] == "vanphong.syt.1980@gmail.com"
    assert "dangbo.syt@thainguyen.gov.vn" in m["Cc"]
    assert m["Subject"] == "Re: V/v gửi hồ sơ khen thưởng HT&LT Bác 2024"
    assert m["In-Reply-To"] == "<CAF1234@mail.gmail.com>"
    assert m["References"] == "<older@thainguyen.gov.vn> <CAF1234@mail.gmail.com>"
    assert m["X-Intake-Kind"] == "ack"
    assert m["X-Intake-Unit"] == "SYT"
    assert m["X-Intake-Received"] == "to_trinh,bao_cao_thanh_tich,tom_tat_thanh_tich"
    assert m["Auto-Submitted"] == "auto-generated"
    assert "Ban Tuyên giáo" in str(m["From"]) and "banbientapduk@thainguyen.gov.vn" in str(m["From"])
    assert m["Date"] is not None
    assert m.get_content_type() == "multipart/alternative"
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    assert "Kính gửi: Đảng bộ Sở Y tế (đồng chí Nguyễn Thị Hằng)" in text
    assert "09:15 ngày 26/02/2024" in text
    assert "Tờ trình đề nghị khen thưởng: Tờ trình khen thưởng 2024.pdf" in text
    assert "cá nhân Trần Đức Lượng: BCTT Tran Duc Luong.docx" in text
    assert "scan0001.pdf" in text  # listed as not yet identified
    assert "“virus.exe” thuộc loại không được chấp nhận" in text
    assert "0,8 trang A4" in text
    # What is still owed: the remaining per-nominee documents and the KL01 report, with dates.
    owed = text.split("Hồ sơ đơn vị còn phải gửi theo ")[1]
    assert "Bản sao quyết định khen thưởng: còn thiếu của cá nhân Trần Đức Lượng" in owed
    assert "Quyết định xếp loại chất lượng đảng viên năm 2023: còn thiếu của cá nhân Trần Đức Lượng" in owed
    assert "chậm nhất trong ngày 28/02/2024" in owed
    assert "Báo cáo tình hình thực hiện Kết luận số 01-KL/TW — chậm nhất trong ngày 15/03/2024" in owed
    assert "Tờ trình đề nghị khen thưởng —" not in owed  # counted by this very mail
    assert "Trân trọng./." in text
    assert "Trần Đức Lượng" in html and "<table" in html
    # The Message-ID is the one stored before sending.
    [row] = _outbox(app)
    assert row.state == "sent" and m["Message-ID"] == row.message_id_header


def test_ack_from_registered_address_goes_only_to_it(app, smtp_sink):
    record_mail(app, "STP", [F("To trinh.pdf", "to_trinh")], at(26, 10), sender="chibo.stp@thainguyen.gov.vn")
    flush_outbox(app, at(26, 10, 5))
    [mail] = smtp_sink.messages
    assert mail.rcpt_tos == ["chibo.stp@thainguyen.gov.vn"]
    assert mail.message["Cc"] is None


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("no_attachment", "Thư không có tệp đính kèm nên hệ thống chưa ghi nhận hồ sơ nào"),
        ("drive_links", "Thư gửi đường liên kết tải tệp (Google Drive hoặc tương tự) thay cho tệp đính kèm"),
    ],
)
def test_ack_for_mail_with_nothing_recorded(app, smtp_sink, category, expected):
    record_mail(app, "STC", [], at(26, 11), subject="Hồ sơ sẽ gửi sau", category=category)
    flush_outbox(app, at(26, 11, 5))
    [mail] = smtp_sink.messages
    text = mail.message.get_body(("plain",)).get_content()
    assert expected in text
    assert mail.message["X-Intake-Received"] is None
    assert "Tờ trình đề nghị khen thưởng — chậm nhất trong ngày 28/02/2024" in text


@pytest.mark.parametrize(
    ("unit", "category", "state"),
    [
        (None, "submission", "processed"),  # sender not tied to a unit: waits for review
        ("SYT", "auto_reply", "ignored"),
        ("SYT", "bounce", "ignored"),
        ("SYT", "own_mail", "ignored"),
        ("SYT", "submission", "quarantined"),
    ],
)
def test_no_ack(app, smtp_sink, unit, category, state):
    record_mail(app, unit, [F("To trinh.pdf", "to_trinh")], at(26, 9), category=category, state=state)
    assert _outbox(app) == []


def test_no_ack_to_own_address(app):
    record_mail(
        app, "SYT", [F("To trinh.pdf", "to_trinh")], at(26, 9), sender="banbientapduk@thainguyen.gov.vn"
    )
    assert _outbox(app) == []


def test_ack_is_keyed_on_the_recorded_message_not_its_message_id(app):
    """Two different mails reusing one Message-ID are each answered (issue 13)."""
    first = record_mail(app, "SYT", [F("a.pdf", "to_trinh")], at(26, 9), message_id="<same@x>")
    second = record_mail(app, "STC", [F("b.pdf", "to_trinh")], at(26, 9, 1), message_id="<same@x>")
    rows = _outbox(app)
    assert [r.idempotency_key for r in rows] == [f"ack:message:{first}", f"ack:message:{second}"]
    assert [r.in_reply_to_message_id for r in rows] == [first, second]


def test_reply_subject_does_not_stack_prefixes():
    assert reply_subject("Re: RE: TL: Fwd: Báo cáo KL01") == "Re: Báo cáo KL01"
    assert reply_subject("Trả lời: Hồ sơ") == "Re: Hồ sơ"
    assert reply_subject("") == "Re: Xác nhận đã nhận thư"


def test_flood_holds_acks_and_tells_staff_once(app, smtp_sink):
    app.settings = app.settings.model_copy(
        update={"smtp": app.settings.smtp.model_copy(update={"max_acks_per_sender_per_hour": 2})}
    )
    for i in range(5):
        record_mail(app, "SYT", [F(f"f{i}.pdf", "to_trinh")], at(26, 9, i), sender="loop@gmail.com")
    rows = _outbox(app)
    acks = [r for r in rows if r.kind == "ack"]
    assert [r.state for r in acks] == ["pending", "pending", "held", "held", "held"]
    notices = [r for r in rows if r.kind == "notice"]
    assert [r.idempotency_key for r in notices] == ["notice:flood:loop@gmail.com:2024-02-26"]
    assert notices[0].recipients == ["tonghop.btg@thainguyen.gov.vn"]
    flush_outbox(app, at(26, 10))
    kinds = sorted(m.message["X-Intake-Kind"] for m in smtp_sink.messages)
    assert kinds == ["ack", "ack", "notice"]
    notice = next(m for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "notice")
    assert "loop@gmail.com" in notice.message.get_body(("plain",)).get_content()
