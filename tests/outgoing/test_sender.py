"""The outbox sender against the real aiosmtpd sink: outages, 4xx/5xx answers, crashes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from bot.devservers.dovecot import free_port
from bot.devservers.smtp_sink import SmtpSink
from bot.errors import SendError
from bot.outgoing.outbox import enqueue, sender_of
from bot.outgoing.sender import SmtpSender, backoff, flush_outbox
from bot.store.models import OutboxMail
from tests.outgoing.conftest import at

pytestmark = pytest.mark.smtp


def _queue(app, n: int, now: dt.datetime) -> list[str]:
    ids = []
    with app.db.session() as s:
        for i in range(n):
            row = enqueue(
                s,
                key=f"notice:test:{i}",
                kind="notice",
                recipients=[f"unit{i}@thainguyen.gov.vn"],
                subject=f"Thông báo số {i}",
                text="Kính gửi: đơn vị.\n\nTrân trọng./.",
                html="<p>Kính gửi: đơn vị.</p>",
                sender=sender_of(app.settings),
                now=now,
            )
            ids.append(row.message_id_header)
    return ids


def _rows(app) -> list[OutboxMail]:
    with app.db.session() as s:
        return list(s.scalars(select(OutboxMail).order_by(OutboxMail.id)))


def test_enqueue_is_idempotent_and_stores_the_whole_mail(app):
    with app.db.session() as s:
        first = enqueue(
            s,
            key="notice:x",
            kind="notice",
            recipients=["a@x.vn", "A@x.vn"],
            cc=["a@x.vn", "b@x.vn"],
            subject="Thử",
            text="Nội dung",
            html=None,
            sender=sender_of(app.settings),
            now=at(26),
        )
        again = enqueue(
            s,
            key="notice:x",
            kind="notice",
            recipients=["c@x.vn"],
            subject="Khác",
            text="Khác",
            html=None,
            sender=sender_of(app.settings),
            now=at(26),
        )
        assert again is None
        assert first.recipients == ["a@x.vn", "b@x.vn"]
        assert first.message_id_header.endswith("@thainguyen.gov.vn>")
        assert first.message_id_header.encode() in first.raw
        assert b"\r\nAuto-Submitted: auto-generated\r\n" in first.raw
        assert b"\r\nX-Intake-Kind: notice\r\n" in first.raw
    assert len(_rows(app)) == 1


def test_sends_the_stored_bytes_with_the_stored_message_id(app, smtp_sink):
    [mid] = _queue(app, 1, at(26))
    report = flush_outbox(app, at(26, 8, 1))
    assert (report.sent, report.failed, report.retried) == (1, 0, 0)
    [mail] = smtp_sink.messages
    [row] = _rows(app)
    assert mail.message["Message-ID"] == mid
    assert mail.mail_from == "banbientapduk@thainguyen.gov.vn"
    assert mail.rcpt_tos == ["unit0@thainguyen.gov.vn"]
    assert row.state == "sent" and row.sent_at == at(26, 8, 1) and row.attempts == 1
    assert flush_outbox(app, at(26, 9)).claimed == 0


def test_smtp_down_then_up_sends_everything_exactly_once(app_factory):
    port = free_port()
    app = app_factory(smtp_port=port)  # nothing listens there yet: the server is down
    mids = _queue(app, 4, at(26))
    report = flush_outbox(app, at(26, 8, 1))
    assert (report.sent, report.retried) == (0, 4)
    rows = _rows(app)
    assert {r.state for r in rows} == {"pending"}
    assert all(r.attempts == 1 and r.next_attempt_at == at(26, 8, 1) + backoff(1) for r in rows)
    assert "cannot connect" in rows[0].last_error
    # Not due yet: nothing is even tried.
    assert flush_outbox(app, at(26, 8, 2)).claimed == 0
    # Still down at the next attempt: the delay doubles.
    flush_outbox(app, at(26, 8, 5))
    assert {r.attempts for r in _rows(app)} == {2}
    assert _rows(app)[0].next_attempt_at == at(26, 8, 5) + backoff(2)

    with SmtpSink(port=port) as sink:  # the server comes back
        assert flush_outbox(app, at(26, 9)).sent == 4
        assert flush_outbox(app, at(26, 10)).claimed == 0
        assert sorted(m.message["Message-ID"] for m in sink.messages) == sorted(mids)
    assert {r.state for r in _rows(app)} == {"sent"}


def test_permanent_failure_is_recorded_and_not_retried(app, smtp_sink):
    _queue(app, 2, at(26))
    smtp_sink.fail_with = "550 5.1.1 Mailbox unavailable"
    report = flush_outbox(app, at(26, 8, 1))
    assert (report.sent, report.failed) == (0, 2)
    rows = _rows(app)
    assert {r.state for r in rows} == {"failed"}
    assert "550" in rows[0].last_error and "Mailbox unavailable" in rows[0].last_error
    smtp_sink.fail_with = None
    assert flush_outbox(app, at(27)).claimed == 0
    assert smtp_sink.messages == []


def test_temporary_failure_backs_off_and_is_sent_later(app, smtp_sink):
    [mid] = _queue(app, 1, at(26))
    smtp_sink.fail_with = "451 4.3.0 Try again later"
    report = flush_outbox(app, at(26, 8, 1))
    assert report.retried == 1
    [row] = _rows(app)
    assert row.state == "pending" and "451" in row.last_error
    smtp_sink.fail_with = None
    flush_outbox(app, at(26, 9))
    [mail] = smtp_sink.messages
    assert mail.message["Message-ID"] == mid
    assert _rows(app)[0].state == "sent"


def test_row_abandoned_in_sending_is_reclaimed_with_the_same_message_id(app, smtp_sink):
    [mid] = _queue(app, 1, at(26))
    with app.db.session() as s:  # a process claimed it and died before recording anything
        s.execute(update(OutboxMail).values(state="sending", next_attempt_at=at(26, 8, 15)))
    assert flush_outbox(app, at(26, 8, 10)).claimed == 0  # its lease is still running
    report = flush_outbox(app, at(26, 8, 16))
    assert (report.reclaimed, report.sent) == (1, 1)
    assert smtp_sink.messages[0].message["Message-ID"] == mid


def test_held_rows_are_not_sent(app, smtp_sink):
    with app.db.session() as s:
        enqueue(
            s,
            key="ack:<x@y>",
            kind="ack",
            recipients=["a@b.vn"],
            subject="Re: x",
            text="x",
            html=None,
            sender=sender_of(app.settings),
            now=at(26),
            state="held",
        )
    assert flush_outbox(app, at(27)).claimed == 0


def test_plaintext_needs_explicit_permission(app):
    smtp = app.settings.smtp.model_copy(update={"allow_plaintext": False})
    with pytest.raises(SendError, match="allow_plaintext"):
        SmtpSender(smtp, None)._connect()


async def test_missing_password_is_a_clear_error(app):
    smtp = app.settings.smtp.model_copy(update={"user": "bot@x.vn"})
    with pytest.raises(SendError, match="INTAKE_SMTP_PASSWORD"):
        async with SmtpSender(smtp, None):
            pass


def test_tls_modes_verify_certificates_by_default(app):
    s = app.settings.smtp
    implicit = SmtpSender(s.model_copy(update={"tls": "implicit"}), None)._connect()
    assert implicit.use_tls and implicit.validate_certs
    starttls = SmtpSender(s.model_copy(update={"tls": "starttls"}), None)._connect()
    assert not starttls.use_tls and starttls._start_tls_on_connect and starttls.validate_certs


def test_concurrent_duplicate_key_rolls_back_only_the_savepoint(app, monkeypatch):
    """Two writers passed the existence check at once: the loser's caller keeps its own work."""
    from bot.outgoing import outbox
    from bot.store.models import AuditLog

    def queue(s):
        return enqueue(
            s,
            key="digest:race",
            kind="digest",
            recipients=["staff@x.vn"],
            subject="Tổng hợp",
            text="x",
            html=None,
            sender=sender_of(app.settings),
            now=at(26),
        )

    with app.db.session() as s:
        assert queue(s) is not None
    monkeypatch.setattr(outbox, "exists", lambda session, key: False)  # lost the race
    with app.db.session() as s:
        s.add(AuditLog(at=at(26), actor="test", action="caller_work", entity="x", entity_id=None, detail={}))
        s.flush()
        assert queue(s) is None
    with app.db.session() as s:
        assert len(s.scalars(select(OutboxMail)).all()) == 1
        assert s.scalars(select(AuditLog).where(AuditLog.action == "caller_work")).one()
