"""Intake against a real Dovecot: the vertical slice, new-UID-only fetching, UIDVALIDITY
changes, MOVE and the COPY/EXPUNGE fallback, quarantine, and IDLE in the running service."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import func, select

from bot.cli import acknowledge
from bot.devservers.dovecot import DovecotServer
from bot.intake.mailbox import Mailbox
from bot.pipeline.poll import poll_once
from bot.reporting.snapshot import load_snapshot
from bot.reporting.status import status_json
from bot.store.models import MailboxState, Message, Submission
from tests.conftest import PASSWORD, TZ
from tests.mailgen import build_mail, make_docx

pytestmark = pytest.mark.dovecot
NOW = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)


def to_trinh(unit_line: str = "ĐẢNG ỦY SỞ Y TẾ") -> bytes:
    return make_docx(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
            unit_line,
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "TỜ TRÌNH",
            "Về việc đề nghị khen thưởng tập thể, cá nhân tiêu biểu năm 2024",
        ]
    )


def syt_mail(n: int = 0, **kw) -> bytes:
    return build_mail(
        "Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>",
        f"V/v gửi tờ trình đề nghị khen thưởng ({n})",
        attachments=[("To trinh.docx", to_trinh())],
        **kw,
    )


def status(app) -> dict:
    with app.db.session() as s:
        return status_json(app.campaign, load_snapshot(s, app.campaign), NOW)


def test_vertical_slice_poll_records_and_status_shows_it(dovecot, mail_app):
    app, user = mail_app
    arrived = dt.datetime(2024, 2, 26, 16, 45, tzinfo=TZ)
    doc_bytes = to_trinh()
    raw = build_mail(
        "Đảng ủy Sở Y tế <DangBo.SYT+hoso@thainguyen.gov.vn>",
        "V/v gửi tờ trình đề nghị khen thưởng",
        attachments=[("To trinh.docx", doc_bytes)],
    )
    dovecot.append(user, raw, when=arrived)
    report = poll_once(app, NOW, acknowledge(app))
    assert (report.fetched, report.recorded, report.quarantined) == (1, 1, 0)

    doc = status(app)
    syt = next(u for u in doc["units"] if u["code"] == "SYT")
    tt = next(d for d in syt["deliverables"] if d["type"] == "to_trinh")
    assert tt["status"] == "received"
    assert tt["late"] is False
    assert tt["received_at"] == "2024-02-26T16:45:00+07:00"
    assert [f["filename"] for f in tt["files"]] == ["To trinh.docx"]
    assert len(tt["files"][0]["sha256"]) == 64
    assert {d["type"] for d in syt["deliverables"]} == {d.id for d in app.campaign.deliverables}
    assert doc["counts"] == {"messages_seen": 1, "messages_processed": 1, "messages_quarantined": 0}
    # The server copy moved only after recording; the stored file is the attachment.
    assert dovecot.folder_uids(user, "INBOX") == []
    assert len(dovecot.folder_uids(user, "Processed")) == 1
    with app.db.session() as s:
        sub = s.scalars(select(Submission)).one()
        assert app.files.read(sub.attachment.stored_path) == doc_bytes
        assert sub.message.match_rule == "registered_address"
        assert sub.message.received_at == arrived


def test_only_new_uids_are_fetched(dovecot, mail_app):
    app, user = mail_app
    for i in range(3):
        dovecot.append(user, syt_mail(i))
    assert poll_once(app, NOW, acknowledge(app)).fetched == 3
    assert poll_once(app, NOW, acknowledge(app)).fetched == 0
    for i in range(3, 5):
        dovecot.append(user, syt_mail(i))
    r = poll_once(app, NOW, acknowledge(app))
    assert (r.fetched, r.recorded) == (2, 2)
    with app.db.session() as s:
        st = s.scalars(select(MailboxState)).one()
        assert st.last_uid == 5
        assert s.scalar(select(func.count()).select_from(Message)) == 5


def test_a_message_left_in_inbox_after_recording_is_only_moved(dovecot, mail_app):
    """Crash between commit and MOVE: the next pass sees the UID recorded and moves it."""
    app, user = mail_app
    dovecot.append(user, syt_mail())
    poll_once(app, NOW, acknowledge(app))
    c = dovecot.client(user)
    c.select_folder("Processed")
    c.copy(c.search(["ALL"]), "INBOX")  # the same mail is back under a new UID
    c.logout()
    r = poll_once(app, NOW, acknowledge(app))
    assert (r.fetched, r.duplicates, r.recorded) == (1, 1, 0)
    with app.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Submission)) == 1


def test_uidvalidity_change_rescans_without_double_counting(dovecot, mail_app):
    app, user = mail_app
    for i in range(2):
        dovecot.append(user, syt_mail(i))
    poll_once(app, NOW, acknowledge(app))
    with app.db.session() as s:
        old = s.scalars(select(MailboxState)).one().uidvalidity
    # Put the mails back and make Dovecot renumber INBOX (new UIDVALIDITY, UIDs from 1).
    c = dovecot.client(user)
    c.select_folder("Processed")
    c.copy(c.search(["ALL"]), "INBOX")
    c.logout()
    maildir = dovecot.server.root / "mail" / user
    time.sleep(1.1)  # Dovecot derives a new UIDVALIDITY from the clock (seconds)
    for f in [maildir / "dovecot-uidlist", *maildir.glob("dovecot.index*")]:
        f.unlink()
    r = poll_once(app, NOW, acknowledge(app))
    with app.db.session() as s:
        st = s.scalars(select(MailboxState)).one()
        assert st.uidvalidity != old
        assert s.scalar(select(func.count()).select_from(Submission)) == 2
    assert (r.fetched, r.duplicates, r.recorded) == (2, 2, 0)
    assert dovecot.folder_uids(user, "INBOX") == []


def test_copy_expunge_fallback_without_move(tmp_path, app_factory):
    with DovecotServer(tmp_path / "nomove", {"bot@test.example": PASSWORD}, without=("MOVE",)) as srv:
        app = app_factory(srv.port, "bot@test.example")
        from imapclient import IMAPClient

        c = IMAPClient("127.0.0.1", port=srv.port, ssl=False)
        c.login("bot@test.example", PASSWORD)
        assert b"MOVE" not in c.capabilities()
        c.append("INBOX", syt_mail())
        r = poll_once(app, NOW, acknowledge(app))
        assert r.recorded == 1
        c.select_folder("INBOX")
        assert c.search(["ALL"]) == []  # expunged, not just flagged
        c.select_folder("Processed")
        assert len(c.search(["ALL"])) == 1
        c.logout()


def test_oversized_and_broken_mail_is_quarantined_with_reason(dovecot, app_factory, smtp_sink):
    user = dovecot.new_user()
    app = app_factory(dovecot.port, user, smtp_sink.port, storage_extra="max_message_mb = 0.05")
    big = build_mail(
        "dangbo.syt@thainguyen.gov.vn", "Hồ sơ lớn", attachments=[("big.pdf", b"%PDF-1.4\n" + b"x" * 80_000)]
    )
    dovecot.append(user, big)
    dovecot.append(user, syt_mail())
    r = poll_once(app, NOW, acknowledge(app))
    assert (r.quarantined, r.recorded) == (1, 1)
    assert len(dovecot.folder_uids(user, "Quarantine")) == 1
    doc = status(app)
    assert doc["counts"]["messages_quarantined"] == 1
    assert any(item["reason"].startswith("quarantined: too_large") for item in doc["review_queue"])


def test_idle_delivers_new_mail_to_running_service(dovecot, mail_app):
    from bot.pipeline.run import run_intake

    app, user = mail_app
    assert app.settings.mailbox.use_idle
    stop = threading.Event()
    t = threading.Thread(target=run_intake, args=(app, lambda: NOW, stop, acknowledge(app)), daemon=True)
    t.start()
    try:
        time.sleep(1.5)  # connected and idling; the poll interval is 60 s, so only IDLE can wake it
        started = time.monotonic()
        dovecot.append(user, syt_mail())
        while time.monotonic() - started < 20:
            with app.db.session() as s:
                if s.scalar(select(func.count()).select_from(Message)):
                    break
            time.sleep(0.1)
        latency = time.monotonic() - started
        assert latency < 10, f"IDLE did not deliver the mail within 10 s ({latency:.1f}s)"
    finally:
        stop.set()
        t.join(timeout=15)
    assert not t.is_alive()


def test_mailbox_adapter_refuses_plaintext_unless_allowed():
    from bot.config import MailboxSettings
    from bot.errors import MailboxError

    mb = Mailbox(MailboxSettings(host="127.0.0.1", port=1, tls="none", user="x"), "pw")
    with pytest.raises(MailboxError, match="allow_plaintext"):
        mb.open()


def test_interrupted_move_leaves_one_copy(dovecot, mail_app):
    """Recorded, then the server died mid-MOVE (copied, not expunged): the next pass
    drops the inbox copy instead of moving a second one into Processed."""
    from bot.intake.mailbox import FetchedMail
    from bot.pipeline.poll import process_mail

    app, user = mail_app
    dovecot.append(user, syt_mail())
    c = dovecot.client(user)
    c.create_folder("Processed")
    c.select_folder("INBOX")
    uidvalidity = c.folder_status("INBOX", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    (uid,) = c.search(["ALL"])
    raw = c.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    name = Mailbox(app.settings.mailbox, None).name
    process_mail(app, name, uidvalidity, FetchedMail(uid, raw, NOW, len(raw)), NOW, acknowledge(app))
    c.copy([uid], "Processed")  # the first half of a MOVE
    c.logout()

    r = poll_once(app, NOW, acknowledge(app))
    assert (r.fetched, r.recorded) == (1, 1)  # counted as the recorded outcome, not a new one
    assert dovecot.folder_uids(user, "INBOX") == []
    assert len(dovecot.folder_uids(user, "Processed")) == 1
    with app.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 1
