"""The staff digest: content, the .xlsx matrix, once per day, delivery failures shown."""

from __future__ import annotations

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
    assert m["Subject"] == "[Tổng hợp ngày 01/03/2024] Tình hình tiếp nhận hồ sơ theo Kế hoạch số 120-KH/ĐUK"
    assert m["Auto-Submitted"] == "auto-generated"
    assert m.get_content_type() == "multipart/mixed"
    text = m.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = m.get_body(("html",)).get_content()
    assert "0/15 đơn vị đã gửi đủ hồ sơ" in text  # STP still owes the KL01 report
    assert "- Tờ trình (hạn 28/02/2024): 2 / 0 / 13" in text
    # Arrived since the previous digest (none before: the last 24 hours).
    assert "Đảng bộ Sở Y tế: Báo cáo thành tích — cá nhân Trần Đức Lượng — BCTT Tran Duc Luong.docx" in text
    assert "Chi bộ Sở Tư pháp" not in text.split("2. Hồ sơ mới nhận")[1].split("3.")[0]
    # Units still owing, with contacts.
    assert "Chi bộ Ban Dân tộc tỉnh — đồng chí Hà Thị Phương (chibo.bdt@thainguyen.gov.vn)" in text
    late = text.split("4. Hồ sơ nộp muộn:")[1].split("5.")[0]
    assert "Đảng bộ Sở Y tế: Tờ trình — nhận lúc 09:00 ngày 29/02/2024" in late
    assert "nguyenvana1975@gmail.com — «Gửi hồ sơ khen thưởng»: Chưa xác định được đơn vị gửi" in text
    assert "spam@example.com — «Hóa đơn điện tử»: refused_type" in text
    failures = text.split("8. Thư gửi đi không thành công (1):")[1]
    assert "Thư nhắc gửi chibo.bdt@thainguyen.gov.vn" in failures and "550" in failures
    assert "CẢNH BÁO: hệ thống đang không nhận được thư mới" in text  # no poll ever succeeded here
    assert "15/03/2024: hạn gửi Báo cáo kết quả thực hiện Kết luận số 01-KL/TW (còn 14 ngày)" in text
    assert "10/03/2024: Đề xuất tham gia chương trình giao lưu khu vực (còn 9 ngày)" in text
    assert "29/02/2024" not in text.split("10. Thời hạn")[1]  # past milestones are gone
    assert "<h3>8. Thư gửi đi không thành công (1)</h3>" in html

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
    assert rows["STP"][col].value == "Đã nhận 26/02/2024"
    assert rows["STP"][col].fill.fgColor.rgb.endswith("C6EFCE")
    assert rows["SYT"][col].value == "Đã nhận 29/02/2024 (nộp muộn)"
    assert rows["SNV"][col].value == "Còn thiếu"
    assert rows["SNV"][col].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["SYT"][header.index("Cá nhân đề nghị")].value == "Trần Đức Lượng"
    noms = wb["Hồ sơ đề nghị"]
    assert [c.value for c in noms[2]][:4] == ["SYT", "Đảng bộ Sở Y tế", "cá nhân", "Trần Đức Lượng"] or [
        c.value for c in noms[2]
    ][:4] == ["STP", "Chi bộ Sở Tư pháp", "cá nhân", "Bùi Văn Hùng"]


def test_next_digest_lists_only_what_arrived_since(app, smtp_sink):
    queue_digest(app, at(27, 7, 30))
    record_mail(app, "SNV", [F("To trinh SNV.pdf", "to_trinh")], at(27, 15), ack=False)
    result = queue_digest(app, at(28, 7, 30))
    arrived = result.digest.context["arrived"]
    assert [a["filename"] for a in arrived] == ["To trinh SNV.pdf"]
    with app.db.session() as s:
        keys = list(s.scalars(select(OutboxMail.idempotency_key).where(OutboxMail.kind == "digest")))
    assert keys == ["digest:120-KH-DUK-2024:2024-02-27", "digest:120-KH-DUK-2024:2024-02-28"]


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
    import datetime as dt

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
    assert "chibo.bdt@thainguyen.gov.vn (Chi bộ Ban Dân tộc tỉnh)" in d.text


def test_digest_of_a_large_campaign_counts_instead_of_listing(app, monkeypatch):
    """Past the limits a section gives counts; the attached matrix still has every unit."""
    from bot.outgoing import digest

    monkeypatch.setattr(digest, "MAX_LISTED_UNITS", 3)
    monkeypatch.setattr(digest, "MAX_LISTED_FILES", 1)
    record_mail(app, "STP", full_dossier(), at(28, 9), ack=False)
    record_mail(app, "SYT", [F("To trinh SYT.pdf", "to_trinh")], at(28, 10), ack=False)
    result = queue_digest(app, at(28, 18), dry_run=True)
    text, ctx = result.digest.text, result.digest.context
    section = text.split("3. Đơn vị còn thiếu hồ sơ:")[1].split("4.")[0]
    assert "Còn 15 đơn vị chưa gửi đủ hồ sơ, gồm:" in section
    assert "- Chi bộ cơ sở:" in section and "bảng theo dõi gửi kèm" in section
    assert "Chi bộ Ban Dân tộc tỉnh" not in section  # no unit is named
    assert ctx["missing_units"] == [] and ctx["missing_summary"]["units"] == 15
    arrived = text.split("2. Hồ sơ mới nhận")[1].split("3.")[0]
    assert "Đã nhận 6 tệp hồ sơ của 2 đơn vị:" in arrived
    assert "- Tờ trình: 2 tệp" in arrived and "- Báo cáo thành tích: 1 tệp" in arrived
    assert "BCTT" not in arrived and ctx["arrived"] == []
    html = result.digest.html
    assert "Còn <strong>15</strong> đơn vị chưa gửi đủ hồ sơ" in html and "mailto:chibo" not in html
    wb = load_workbook(io.BytesIO(result.digest.xlsx))
    assert wb["Tình hình nộp hồ sơ"].max_row == 16
