"""SMTP down for a while, and a permanent 5xx: the outbox keeps, retries, records and reports.

Acknowledgments are queued by a real intake pass (Dovecot); the SMTP server is an aiosmtpd
sink stopped and restarted on the same port.  While it is down every flush fails to
connect, the rows stay ``pending`` with a growing backoff; when it returns one flush
sends each mail exactly once and later flushes send nothing.  A ``550`` marks the row
``failed`` with the server's answer, and the staff digest lists it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.devservers.dovecot import free_port
from bot.devservers.smtp_sink import SmtpSink
from bot.outgoing.digest import build_digest
from bot.outgoing.outbox import enqueue, sender_of
from bot.outgoing.sender import flush_outbox
from bot.pipeline.health import check_health
from bot.pipeline.poll import poll_once
from bot.store.models import OutboxMail
from tests.mailgen import build_mail

pytestmark = [pytest.mark.dovecot, pytest.mark.smtp]

TZ = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)
SENDERS = ["dangbo.syt@thainguyen.gov.vn", "dangbo.stc@thainguyen.gov.vn", "dangbo.kbnn@thainguyen.gov.vn"]


def _queue_acks(dovecot, user: str, app, n: int) -> None:
    for i in range(n):
        dovecot.append(
            user, build_mail(SENDERS[i % 3], f"Hồ sơ {i}", message_id=f"<out-{i}@units.test.example>")
        )
    assert poll_once(app, T0, acknowledge(app)).recorded == n


def _states(app) -> list[tuple[str, int]]:
    with app.db.session() as s:
        return [(r.state, r.attempts) for r in s.scalars(select(OutboxMail).where(OutboxMail.kind == "ack"))]


def test_outbox_keeps_everything_while_smtp_is_down_and_sends_once_when_back(dovecot, app_factory, tmp_path):
    port = free_port()
    user = dovecot.new_user()
    app = app_factory(dovecot.port, user, port)
    _queue_acks(dovecot, user, app, 9)

    # Nothing listens on the port: every flush fails to connect and backs off.
    for minutes in (0, 3, 10, 30):
        flush_outbox(app, T0 + dt.timedelta(minutes=minutes))
    states = _states(app)
    assert {s for s, _ in states} == {"pending"} and len(states) == 9
    assert {a for _, a in states} == {4}, "four failed attempts each, none lost"
    with app.db.session() as s:
        assert all("cannot connect" in r.last_error for r in s.scalars(select(OutboxMail)))

    sink = SmtpSink(tmp_path / "sent", port=port).start()
    try:
        # Still inside the backoff after the 4th failure (16 min): nothing is tried yet.
        assert flush_outbox(app, T0 + dt.timedelta(minutes=40)).claimed == 0
        report = flush_outbox(app, T0 + dt.timedelta(hours=2))
        assert report.sent == 9
        for hours in (3, 4):
            assert flush_outbox(app, T0 + dt.timedelta(hours=hours)).claimed == 0
        acks = [m for m in sink.messages if m.message["X-Intake-Kind"] == "ack"]
        replies = sorted(str(m.message["In-Reply-To"]) for m in acks)
        assert replies == sorted(f"<out-{i}@units.test.example>" for i in range(9)), "each exactly once"
    finally:
        sink.stop()
    assert {s for s, _ in _states(app)} == {"sent"}


def test_permanent_5xx_is_recorded_and_shown_in_the_digest(dovecot, app_factory, tmp_path):
    sink = SmtpSink(tmp_path / "sent").start()
    try:
        user = dovecot.new_user()
        app = app_factory(dovecot.port, user, sink.port)
        _queue_acks(dovecot, user, app, 2)
        sink.fail_with = "550 5.1.1 Mailbox unavailable"
        report = flush_outbox(app, T0)
        assert report.failed == 2 and sink.messages == []
        sink.fail_with = None
        assert flush_outbox(app, T0 + dt.timedelta(hours=3)).claimed == 0, "a 5xx is never retried"
    finally:
        sink.stop()
    assert {s for s, _ in _states(app)} == {"failed"}
    with app.db.session() as s:
        later = T0 + dt.timedelta(days=1)
        digest = build_digest(app, s, later, check_health(app, later).as_dict())
    failed = [d for d in digest.context["decisions"] if d["kind"] == "failed"]
    assert len(failed) == 2 and all("550" in f["error"] for f in failed)
    assert "Mailbox unavailable" in digest.text
    # Reported once: the next digest does not list the same failures again.
    with app.db.session() as s:
        enqueue(
            s,
            key=f"digest:{app.campaign.id}:{later.date()}",
            kind="digest",
            recipients=["tonghop.btg@thainguyen.gov.vn"],
            subject="Tổng hợp",
            text="Tổng hợp",
            html=None,
            sender=sender_of(app.settings),
            now=later,
            campaign=app.campaign.id,
        )
        after = build_digest(app, s, later + dt.timedelta(days=1), check_health(app, later).as_dict())
    assert not [d for d in after.context["decisions"] if d["kind"] == "failed"]
