"""What a hostile tester found at intake (issue 13), through the real Dovecot, the pass and
the acknowledgment hook, acknowledgments delivered to the real aiosmtpd sink."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.intake.mime import MAX_PARTS
from bot.outgoing.sender import flush_outbox
from bot.pipeline.poll import poll_once
from bot.store.models import AttachmentRow, Message, OutboxMail, Submission
from tests.conftest import TZ
from tests.intake.test_spool import compressible, zip_of
from tests.mailgen import build_mail
from tests.test_intake_dovecot import to_trinh

pytestmark = pytest.mark.dovecot
NOW = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)


def _body(mail) -> str:
    return mail.message.get_body(("plain",)).get_content()


def test_a_reused_message_id_is_still_acknowledged(dovecot, mail_app, smtp_sink):
    app, user = mail_app
    same = "<reused@thainguyen.gov.vn>"
    dovecot.append(
        user,
        build_mail(
            "dangbo.syt@thainguyen.gov.vn",
            "Tờ trình Sở Y tế",
            attachments=[("To trinh.docx", to_trinh())],
            message_id=same,
        ),
    )
    dovecot.append(
        user,
        build_mail(
            "dangbo.stc@thainguyen.gov.vn",
            "Tờ trình Sở Tài chính",
            attachments=[("To trinh STC.docx", to_trinh("ĐẢNG ỦY SỞ TÀI CHÍNH"))],
            message_id=same,
        ),
    )
    report = poll_once(app, NOW, acknowledge(app))
    assert (report.recorded, report.duplicates) == (2, 0)
    flush_outbox(app, NOW)
    acks = [m for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "ack"]
    assert sorted(m.message["X-Intake-Unit"] for m in acks) == ["STC", "SYT"]
    assert all(m.message["In-Reply-To"] == same for m in acks)


def test_a_mail_over_the_part_limit_is_recorded_with_what_was_not_read_and_waits(
    dovecot, mail_app, smtp_sink
):
    app, user = mail_app
    files = [("To trinh.docx", to_trinh())] + [
        (f"phu-luc-{i:04d}.txt", f"Phụ lục {i}\n".encode()) for i in range(1500)
    ]
    dovecot.append(user, build_mail("dangbo.syt@thainguyen.gov.vn", "Hồ sơ rất nhiều tệp", attachments=files))
    assert poll_once(app, NOW, acknowledge(app)).recorded == 1
    unread = len(files) + 2 - MAX_PARTS  # files + body + root multipart; the first MAX_PARTS are read
    with app.db.session() as s:
        m = s.scalars(select(Message)).one()
        assert m.needs_review and m.review_reason == "parts_not_read"
        problem = next(p for p in m.problems if p["code"] == "parts_not_read")
        assert f"chưa đọc {unread} phần" in problem["message"]
        assert "«phu-luc-1499.txt»" not in problem["message"]  # the first names only
        assert "«phu-luc-0997.txt»" in problem["message"]  # the first part not read
        names = set(s.scalars(select(AttachmentRow.filename).where(AttachmentRow.message_id == m.id)))
        assert "phu-luc-0996.txt" in names and "phu-luc-0997.txt" not in names
    flush_outbox(app, NOW)
    (ack,) = [m for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "ack"]
    assert f"chưa đọc {unread} phần" in " ".join(_body(ack).split())


def test_an_auto_reply_carrying_documents_waits_for_staff(dovecot, mail_app, smtp_sink):
    app, user = mail_app
    dovecot.append(
        user,
        build_mail(
            "dangbo.syt@thainguyen.gov.vn",
            "Tờ trình (gửi tự động)",
            attachments=[("To trinh.docx", to_trinh())],
            headers={"Auto-Submitted": "auto-generated"},
        ),
    )
    dovecot.append(
        user,
        build_mail(
            "dangbo.syt@thainguyen.gov.vn",
            "Trả lời tự động: vắng mặt",
            headers={"Auto-Submitted": "auto-replied"},
        ),
    )
    report = poll_once(app, NOW, acknowledge(app))
    assert (report.recorded, report.ignored, report.review) == (1, 1, 1)
    with app.db.session() as s:
        held, ignored = s.scalars(select(Message).order_by(Message.uid)).all()
        assert held.review_reason == "automatic_with_files" and held.unit_id is None
        assert s.scalars(select(Submission)).all() == []
        assert held.suggested_unit_id is not None
        assert ignored.state == "ignored" and ignored.category == "auto_reply"
        assert s.scalars(select(OutboxMail)).all() == []


@pytest.mark.parametrize("mails", [1, 8], ids=["read in the poller", "read by document workers"])
def test_archive_members_are_spooled_then_moved_into_the_store(dovecot, mail_app, mails):
    """Archive-heavy mail (issue 13): members go through the pass's spool directory on
    disk, the kept ones end in the store with the right bytes, and nothing is left."""
    app, user = mail_app
    contents = {}
    for n in range(mails):
        members = {f"Bao cao {n}-{i}.pdf": compressible(1024 * 1024, n * 10 + i) for i in range(3)}
        contents.update(members)
        raw = build_mail(
            "dangbo.syt@thainguyen.gov.vn",
            f"Hồ sơ nén {n}",
            attachments=[(f"Ho so {n}.zip", zip_of(members))],
        )
        dovecot.append(user, raw)
    assert poll_once(app, NOW, acknowledge(app)).recorded == mails
    with app.db.session() as s:
        rows = s.scalars(select(AttachmentRow)).all()
        assert sorted(r.filename for r in rows) == sorted(contents)
        for r in rows:
            assert app.files.read(r.stored_path) == contents[r.filename]
    spool_root = app.files.spool_root
    assert [p for p in spool_root.rglob("*")] == []
