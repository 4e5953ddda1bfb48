"""The staff digest: content, the .xlsx matrix, once per day, delivery failures shown."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import select

from bot.outgoing import digest as D
from bot.outgoing.outbox import enqueue, sender_of
from bot.outgoing.sender import flush_outbox
from bot.pipeline.health import check_health
from bot.store.models import OutboxMail
from tests.outgoing.conftest import at
from tests.seeding import F, full_dossier, record_mail

pytestmark = pytest.mark.smtp


def queue_digest(app, now, **kw):
    """The digest as the scheduler queues it, with the intake health at ``now``."""
    return D.queue_digest(app, now, check_health(app, now).as_dict(), **kw)


def _fill(app, smtp_sink):
    record_mail(app, "STP", full_dossier(), at(26, 10), ack=False)
    record_mail(
        app,
        "SYT",
        [
            F("To trinh SYT.pdf", "to_trinh"),
            F("BCTT Tran Duc Luong.docx", "bao_cao_thanh_tich", ("ca_nhan", "Trần Đức Lượng")),
        ],
        at(29, 9),  # after the deadline: late
        ack=False,
    )
    record_mail(
        app,
        None,
        [F("Ho so.pdf")],
        at(29, 10),
        sender="nguyenvana1975@gmail.com",
        subject="Gửi hồ sơ khen thưởng",
        needs_review=True,
        review_reason="unknown_unit",
        ack=False,
    )
    record_mail(
        app,
        None,
        [],
        at(29, 11),
        sender="spam@example.com",
        subject="Hóa đơn điện tử",
        state="quarantined",
        reason="refused_type",
        needs_review=True,
        review_reason="quarantined: refused_type",
        ack=False,
    )
    # A reminder that the unit's server refused permanently.
    with app.db.session() as s:
        enqueue(
            s,
            key="reminder:test:BDT",
            kind="reminder",
            recipients=["chibo.bdt@thainguyen.gov.vn"],
            subject="Nhắc hạn gửi hồ sơ",
            text="x",
            html=None,
            sender=sender_of(app.settings),
            now=at(29, 8),
        )
    smtp_sink.fail_with = "550 5.1.1 <chibo.bdt@thainguyen.gov.vn>: Recipient address rejected"
    flush_outbox(app, at(29, 8, 1))
    smtp_sink.fail_with = None


def test_digest_content_and_xlsx(app, smtp_sink):
    _fill(app, smtp_sink)
    assert queue_digest(app, at(1, 7, 29, month=3)).status == "not_yet"
    result = queue_digest(app, at(1, 7, 30, month=3))
    assert result.status == "queued" and result.key == "digest:120-KH-DUK-2024:2024-03-01"
    assert queue_digest(app, at(1, 18, month=3)).status == "already_queued"
    flush_outbox(app, at(1, 7, 31, month=3))
    [mail] = [m for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "digest"]
    m = mail.message
    assert mail.rcpt_tos == ["tonghop.btg@thainguyen.gov.vn"]
    assert m["Subject"] == (
        "[Tổng hợp ngày 01/03/2024] Tình hình tiếp nhận hồ sơ theo Kế hoạch số 120-KH/ĐUK"
        " — 3 việc cần quyết định"
    )
    assert m["Auto-Submitted"] == "auto-generated"
    assert m.get_content_type() == "multipart/mixed"
    text = m.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = m.get_body(("html",)).get_content()
    body = text.split("\n-- \n")[0]
    # One screen: the headline figures first, then decisions, then changes.
    assert len(body.splitlines()) <= 40, body
    assert body.index("TÌNH HÌNH ĐẾN") < body.index("CẦN QUYẾT ĐỊNH") < body.index("THAY ĐỔI")
    assert "CẢNH BÁO: hệ thống đang không nhận được thư mới" in body  # no poll ever succeeded here
    head = body.split("CẦN QUYẾT ĐỊNH")[0]
    # STP complete, SYT partial (its Tờ trình and one report, late), 13 units nothing.
    assert (
        "Hồ sơ đề nghị khen thưởng (hạn 28/02/2024, đã quá hạn): 1 đơn vị đã gửi đủ,"
        " 1 đơn vị chưa đủ, 13 đơn vị chưa gửi." in head
    )
    assert "Báo cáo tình hình thực hiện Kết luận số 01-KL/TW (hạn 15/03/2024, còn 14 ngày)" in head
    # The first digest covers the last 24 hours: SYT's two late files, not STP's of 26/02.
    assert "nhận 2 tệp của 1 đơn vị, trong đó 2 tệp nộp muộn." in head
    assert "Chờ cán bộ xem xét: 2 thư." in head
    decisions = body.split("CẦN QUYẾT ĐỊNH HÔM NAY (3):")[1].split("THAY ĐỔI")[0]
    assert (
        "1. Thư từ nguyenvana1975@gmail.com “Gửi hồ sơ khen thưởng”, 1 tệp: chưa xác định được đơn vị gửi."
        in decisions
    )
    assert "2. Thư từ spam@example.com “Hóa đơn điện tử” bị cách ly: refused_type." in decisions
    assert (
        "3. Thư nhắc gửi chibo.bdt@thainguyen.gov.vn, “Nhắc hạn gửi hồ sơ”: không gửi được,"
        " lỗi SMTP delivery failed: 550" in decisions
    )
    changes = body.split("THAY ĐỔI TỪ LẦN TỔNG HỢP TRƯỚC:")[1].split("SẮP TỚI")[0]
    assert "Hết hạn gửi" not in changes  # the deadline passed before the period
    assert (
        "Đảng bộ Sở Y tế: Tờ trình đề nghị khen thưởng, nộp muộn;"
        " Báo cáo thành tích — cá nhân Trần Đức Lượng, nộp muộn." in changes
    )
    assert "Chi bộ Sở Tư pháp" not in changes  # arrived before the period
    upcoming = body.split("SẮP TỚI:")[1]
    assert "15/03/2024: hạn gửi Báo cáo tình hình thực hiện Kết luận số 01-KL/TW, còn 14 ngày" in upcoming
    assert "10/03/2024: Đề xuất tham gia chương trình giao lưu khu vực, còn 9 ngày" in upcoming
    assert "29/02/2024" not in upcoming  # past milestones are gone
    assert "Bảng theo dõi đầy đủ" in body
    assert "<ol>" in html and "không gửi được, lỗi SMTP delivery failed: 550" in html

    [att] = list(m.iter_attachments())
    assert att.get_filename() == "tong-hop-120-KH-DUK-2024-20240301.xlsx"
    wb = load_workbook(io.BytesIO(att.get_content()))
    ws = wb["Tình hình nộp hồ sơ"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"] and "Tờ trình" in header
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 15
    col = header.index("Tờ trình")
    assert rows["STP"][col].value == "Đã nhận"
    assert rows["STP"][col + 1].value.date() == dt.date(2024, 2, 26)
    assert rows["STP"][col].fill.fgColor.rgb.endswith("C6EFCE")
    assert rows["SYT"][col].value == "Đã nhận (nộp muộn)"
    assert rows["SNV"][col].value == "Còn thiếu"
    assert rows["SNV"][col].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["SYT"][header.index("Cá nhân đề nghị")].value == "Trần Đức Lượng"
    noms = wb["Hồ sơ đề nghị"]
    assert [c.value for c in noms[2]][:4] == ["SYT", "Đảng bộ Sở Y tế", "cá nhân", "Trần Đức Lượng"] or [
        c.value for c in noms[2]
    ][:4] == ["STP", "Chi bộ Sở Tư pháp", "cá nhân", "Bùi Văn Hùng"]


def test_next_digest_shows_only_what_changed_since(app, smtp_sink):
    _fill(app, smtp_sink)
    first = queue_digest(app, at(1, 7, 30, month=3)).digest.text
    assert "Đảng bộ Sở Y tế: Tờ trình" in first and ": 550" in first
    record_mail(app, "SNV", [F("To trinh SNV.pdf", "to_trinh")], at(1, 15, month=3), ack=False)
    result = queue_digest(app, at(2, 7, 30, month=3))
    text = result.digest.text
    changes = text.split("THAY ĐỔI TỪ LẦN TỔNG HỢP TRƯỚC:")[1].split("SẮP TỚI")[0]
    assert "Chi bộ Sở Ngoại vụ: Tờ trình đề nghị khen thưởng, nộp muộn." in changes
    assert "Đảng bộ Sở Y tế" not in changes  # told yesterday
    assert "Hết hạn gửi" not in changes
    assert ": 550" not in text  # a failure is reported once
    # Still waiting: still a decision to take today.
    assert "nguyenvana1975@gmail.com" in text.split("THAY ĐỔI")[0]
    assert "từ 07:30 ngày 01/03/2024" in text.lower()
    with app.db.session() as s:
        keys = list(s.scalars(select(OutboxMail.idempotency_key).where(OutboxMail.kind == "digest")))
    assert keys == ["digest:120-KH-DUK-2024:2024-03-01", "digest:120-KH-DUK-2024:2024-03-02"]


def test_a_deadline_passed_since_the_last_digest_is_said_once(app):
    record_mail(app, "STP", full_dossier(), at(26, 10), ack=False)
    queue_digest(app, at(28, 7, 30))
    text = queue_digest(app, at(29, 7, 30)).digest.text
    assert "Hết hạn gửi Hồ sơ đề nghị khen thưởng ngày 28/02/2024: 14 đơn vị chưa gửi đủ." in text
    assert "Hết hạn gửi" not in queue_digest(app, at(1, 7, 30, month=3)).digest.text


def test_junk_is_counted_in_one_line_and_a_time_request_is_a_decision(app, smtp_sink):
    for i in range(3):
        record_mail(
            app,
            "SYT",
            [],
            at(26, 9, i),
            category="auto_reply",
            state="ignored",
            reason="auto_reply",
            ack=False,
        )
    record_mail(app, None, [F("x.pdf")], at(26, 10), reason="spam", sender="x@spam.example", ack=False)
    record_mail(app, "SNV", [], at(26, 11), state="duplicate", reason="duplicate_of:1", ack=False)
    record_mail(
        app,
        "STC",
        [],
        at(26, 12),
        subject="Hồ sơ khen thưởng",
        category="time_request",
        review_reason="time_request",
        ack=False,
    )
    text = queue_digest(app, at(27, 7, 30), dry_run=True).digest.text
    assert text.count("Thư rác, thư trả lời tự động và thư gửi trùng: 5 thư, không cần xử lý.") == 1
    assert "x@spam.example" not in text and "auto" not in text
    decisions = text.split("CẦN QUYẾT ĐỊNH HÔM NAY (1):")[1].split("THAY ĐỔI")[0]
    assert "Đảng bộ Sở Tài chính xin gửi hồ sơ sau" in decisions
    assert "quyết định gia hạn hay giữ thời hạn" in decisions


def test_digest_cli_dry_run_and_force(app, cli, tmp_path):
    cfg = app.settings.source
    r = CliRunner().invoke(
        cli,
        [
            "--config",
            cfg,
            "--now",
            at(26, 6).isoformat(),
            "digest",
            "--dry-run",
            "--xlsx",
            str(tmp_path / "m.xlsx"),
        ],
    )
    assert r.exit_code == 0, r.output
    assert "Subject: [Tổng hợp ngày 26/02/2024]" in r.output
    assert load_workbook(tmp_path / "m.xlsx")["Tình hình nộp hồ sơ"].max_row == 16
    r = CliRunner().invoke(cli, ["--config", cfg, "--now", at(26, 6).isoformat(), "digest"])
    assert "not_yet" in r.output
    r = CliRunner().invoke(cli, ["--config", cfg, "--now", at(26, 6).isoformat(), "digest", "--force"])
    assert "queued" in r.output


def test_digest_lists_bounced_unit_addresses(app_factory):
    """A delivery-status bounce is never a submission, but staff see the failing address."""
    from bot.cli import acknowledge
    from bot.intake.mailbox import FetchedMail
    from bot.pipeline.poll import process_mail

    app = app_factory()
    tz = dt.timezone(dt.timedelta(hours=7))
    now = dt.datetime(2024, 2, 27, 8, 0, tzinfo=tz)
    report = (
        b"From: MAILER-DAEMON@thainguyen.gov.vn\r\nTo: banbientapduk@thainguyen.gov.vn\r\n"
        b"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <b1@x>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        b"--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        b"Final-Recipient: rfc822; chibo.bdt@thainguyen.gov.vn\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"--B--\r\n"
    )
    out = process_mail(app, "t/INBOX", 1, FetchedMail(1, report, now, len(report)), now, acknowledge(app))
    assert out.state == "ignored" and out.detail.startswith("bounce")
    with app.db.session() as s:
        d = D.build_digest(app, s, now, check_health(app, now).as_dict())
    assert "Thư gửi tới chibo.bdt@thainguyen.gov.vn của Chi bộ Ban Dân tộc tỉnh bị trả về" in d.text


def test_digest_of_a_large_campaign_stays_on_one_screen(app, monkeypatch):
    """Past the limits the rest is counted; the attached matrix still has every unit."""
    from bot.outgoing import digest

    monkeypatch.setattr(digest, "MAX_CHANGES", 1)
    monkeypatch.setattr(digest, "MAX_DECISIONS", 1)
    record_mail(app, "STP", full_dossier(), at(28, 9), ack=False)
    record_mail(app, "SYT", [F("To trinh SYT.pdf", "to_trinh")], at(28, 10), ack=False)
    for i in range(3):
        record_mail(
            app, None, [F(f"{i}.pdf")], at(28, 11, i), sender=f"a{i}@gmail.com", review_reason="unknown_unit"
        )
    result = queue_digest(app, at(28, 18), dry_run=True)
    text, ctx = result.digest.text, result.digest.context
    assert "CẦN QUYẾT ĐỊNH HÔM NAY (3):" in text
    assert "… và 2 việc khác, xem tại trang Hàng chờ xem xét." in text
    assert "Chi bộ Sở Tư pháp:" in text and "Đã gửi đủ Hồ sơ đề nghị khen thưởng." in text
    assert "… và 1 đơn vị khác, xem bảng theo dõi gửi kèm." in text
    assert "Đảng bộ Sở Y tế:" not in text
    assert len(ctx["changes"]) == 1 and ctx["changes_more"] == 1
    wb = load_workbook(io.BytesIO(result.digest.xlsx))
    assert wb["Tình hình nộp hồ sơ"].max_row == 16


def test_a_file_that_cannot_be_read_is_never_said_to_wait_for_staff(app):
    # Its only copy is unreadable: the unit is asked for it again, nothing waits for staff.
    unreadable = [{"code": "unreadable_file", "message": "Tệp “To trinh.docx” bị hỏng."}]
    record_mail(
        app,
        "STP",
        [F("To trinh.docx", "to_trinh", status="needs_review", problems=unreadable)],
        at(26, 10),
        ack=False,
    )
    text = queue_digest(app, at(27, 7, 30)).digest.text
    assert "Tờ trình đề nghị khen thưởng" in text and "Tệp không đọc được" in text
    assert "chờ xem xét" not in text.split("THAY ĐỔI TỪ LẦN TỔNG HỢP TRƯỚC:")[1]
    assert "tệp chờ cán bộ xem xét" not in text
