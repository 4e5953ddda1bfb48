"""The intake lock: one active poller per mailbox, on SQLite (flock) and PostgreSQL (advisory lock)."""

from __future__ import annotations

import datetime as dt

from bot.cli import acknowledge
from bot.pipeline.leader import IntakeLock, intake_lock
from bot.pipeline.poll import poll_once

NOW = dt.datetime(2024, 2, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_second_holder_is_refused_until_the_first_releases(app_factory):
    app = app_factory(units=False)
    first, second = IntakeLock(app.db, "a@host/INBOX"), IntakeLock(app.db, "a@host/INBOX")
    other = IntakeLock(app.db, "b@host/INBOX")
    try:
        assert first.try_acquire() and first.still_held()
        assert not second.try_acquire()
        assert other.try_acquire(), "another mailbox has its own lock"
        first.release()
        assert not first.still_held()
        assert second.try_acquire()
    finally:
        for lock in (first, second, other):
            lock.release()


def test_poll_once_stands_aside_while_a_service_polls(app_factory):
    app = app_factory(units=False)
    from bot.intake.mailbox import Mailbox

    name = Mailbox(app.settings.mailbox, None).name
    with intake_lock(app.db, name) as active:
        assert active
        report = poll_once(app, NOW, acknowledge(app))  # never connects: the port is 1
    assert report.stopped_by == "another instance is polling this mailbox"
    assert report.fetched == 0
