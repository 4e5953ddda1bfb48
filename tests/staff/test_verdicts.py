"""Per-file verdicts: accepting, and sending a file back with a threaded notice."""

from __future__ import annotations

import datetime as dt
import email
import json
from email import policy

from sqlalchemy import select

from bot.store.models import AuditLog, OutboxMail, Submission
from tests.staff.conftest import NOW


def _deliverable(cli, code, type_):
    status = json.loads(cli("status", "--json").output)
    unit = next(u for u in status["units"] if u["code"] == code)
    return unit, next(d for d in unit["deliverables"] if d["type"] == type_)


def test_redo_makes_the_deliverable_missing_and_queues_a_threaded_notice(cli, seeded_app):
    app, seeded = seeded_app
    sid = seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    assert _deliverable(cli, "SYT", "to_trinh")[1]["status"] == "received"

    out = cli(
        "files",
        "redo",
        str(sid),
        "--comment",
        "Tờ trình chưa có chữ ký và dấu của đơn vị",
        "--until",
        "01/03/2024",
        "--by",
        "hoa.btg",
    ).output
    assert "marked for redoing until 01/03/2024" in out and "notice" in out

    assert _deliverable(cli, "SYT", "to_trinh")[1]["status"] == "missing"
    with app.db.session() as s:
        sub = s.get(Submission, sid)
        assert (sub.status, sub.verdict) == ("redo", "redo")
        original = sub.message.message_id_header
        notice = s.scalars(select(OutboxMail).where(OutboxMail.idempotency_key == f"redo:{sid}")).one()
        assert notice.kind == "notice" and notice.in_reply_to_message_id == sub.message_id
        assert notice.recipients[0] == "dangbo.syt@thainguyen.gov.vn"
        (entry,) = s.scalars(select(AuditLog).where(AuditLog.action == "file_redo")).all()
        assert entry.actor == "hoa.btg" and entry.detail["until"] == "2024-03-01"
        # The unit was given until 01/03, later than its deadline: a file sent by then is on time.
        assert entry.detail["notice"] == notice.id

    mail = email.message_from_bytes(notice.raw, policy=policy.default)
    assert mail["In-Reply-To"] == original and original in mail["References"]
    assert mail["Subject"].startswith("Re: V/v gửi hồ sơ đề nghị khen thưởng")
    assert "Đề nghị gửi lại" in mail["Subject"]
    text = mail.get_body(("plain",)).get_content()
    assert "“Tờ trình đề nghị khen thưởng.docx”" in text
    assert "Tờ trình chưa có chữ ký và dấu của đơn vị" in text
    assert "chậm nhất trong ngày 01/03/2024" in text
    assert "Kính gửi: Đảng bộ Sở Y tế" in text
    html = mail.get_body(("html",)).get_content()
    assert "Tờ trình chưa có chữ ký và dấu của đơn vị" in html

    _, to_trinh = _deliverable(cli, "SYT", "to_trinh")
    assert to_trinh["deadline"].startswith("2024-03-01T23:59:59")

    # Deciding again does not send a second mail.
    cli("files", "redo", str(sid), "--comment", "Nhắc lại", "--until", "2024-03-01")
    with app.db.session() as s:
        assert (
            len(s.scalars(select(OutboxMail).where(OutboxMail.idempotency_key == f"redo:{sid}")).all()) == 1
        )


def test_redo_without_date_uses_the_deadline_or_a_few_days(cli, seeded_app):
    _, seeded = seeded_app
    sid = seeded.submissions["snv:To trinh.docx"]
    out = cli("files", "redo", str(sid), "--comment", "Thiếu danh sách kèm theo").output
    assert "until 28/02/2024" in out  # NOW is 28/02, the deadline day
    later = NOW + dt.timedelta(days=5)
    sid2 = seeded.submissions["snv:BCTT Ngo Thi Ha.docx"]
    out = cli("files", "redo", str(sid2), "--comment", "Thiếu xác nhận", now=later).output
    assert "until 07/03/2024" in out


def test_redo_needs_a_comment_and_a_future_date(cli, seeded_app):
    _, seeded = seeded_app
    sid = seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    r = cli("files", "redo", str(sid), "--comment", "  ", ok=False)
    assert r.exit_code == 1 and "comment" in r.output
    r = cli("files", "redo", str(sid), "--comment", "x", "--until", "2024-02-01", ok=False)
    assert r.exit_code == 1 and "in the past" in r.output


def test_accept_counts_a_file_waiting_for_review(cli, seeded_app):
    app, seeded = seeded_app
    sid = seeded.submissions["stc:To trinh STC.docx"]
    assert _deliverable(cli, "STC", "to_trinh")[1]["status"] == "needs_review"
    cli("files", "accept", str(sid), "--by", "lan")
    assert _deliverable(cli, "STC", "to_trinh")[1]["status"] == "received"
    with app.db.session() as s:
        (entry,) = s.scalars(select(AuditLog).where(AuditLog.action == "file_accept")).all()
        assert entry.actor == "lan" and entry.detail["previous_status"] == "needs_review"
