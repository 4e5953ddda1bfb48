"""The long-running intake loop behind ``intake-bot run``.

Connect, poll, then wait for new mail with IMAP IDLE (re-issued well before the 29
minute limit) or by sleeping the poll interval; on any network or server error,
reconnect with exponential backoff and jitter.  A stop request (SIGTERM/SIGINT sets
``stop``) is honoured between messages, so the message in hand is always finished.

Only one instance polls a mailbox at a time (:mod:`bot.pipeline.leader`): an instance
that cannot take the intake lock stands by and retries every ``STANDBY_RETRY_SECONDS``,
so when the active one dies another carries on.  Outbox, reminders and digest run in
every instance; their row claims and idempotency keys make that safe.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from bot.app import App
from bot.errors import MailboxError
from bot.intake.mailbox import Mailbox
from bot.pipeline.leader import IntakeLock
from bot.pipeline.poll import poll_connected
from bot.pipeline.record import OnRecorded

log = logging.getLogger(__name__)

IDLE_MAX_SECONDS = 25 * 60
# How often a standby instance tries to become the active poller; also bounds how long
# the mailbox goes unwatched after the active instance dies.
STANDBY_RETRY_SECONDS = 3.0


class Backoff:
    """Exponential backoff with full jitter, capped."""

    def __init__(self, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None) -> None:
        self.base, self.cap = base, cap
        self.failures = 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        self.failures += 1
        ceiling = min(self.cap, self.base * 2 ** (self.failures - 1))
        return self.rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0


def run_intake(
    app: App,
    clock: Callable[[], dt.datetime],
    stop: threading.Event,
    on_recorded: OnRecorded,
    on_poll: Callable[[], None] = lambda: None,
) -> None:
    """Run until ``stop`` is set.

    ``on_recorded`` runs in the transaction that records each mail (the acknowledgment);
    ``on_poll`` is called after each pass (to send what was queued without waiting).
    """
    cfg = app.settings.mailbox
    backoff = Backoff()
    if swept := app.files.sweep_temp():
        log.info("removed %d temp files of interrupted writes", swept)
    lock = IntakeLock(app.db, Mailbox(cfg, None).name)
    standing_by = False
    try:
        while not stop.is_set():
            try:
                if not lock.try_acquire():
                    if not standing_by:
                        log.info("another instance is polling %s; standing by", lock.mailbox)
                        standing_by = True
                    stop.wait(STANDBY_RETRY_SECONDS)
                    continue
                if standing_by:
                    log.info("taking over intake of %s", lock.mailbox)
                    standing_by = False
                _poll_while_leader(app, clock, stop, on_recorded, on_poll, lock, backoff)
            except (MailboxError, SQLAlchemyError) as e:
                delay = backoff.next_delay()
                log.warning("intake interrupted (%s); reconnecting in %.1fs", e, delay)
                stop.wait(delay)
    finally:
        lock.release()
    log.info("intake stopped")


def _poll_while_leader(
    app: App,
    clock: Callable[[], dt.datetime],
    stop: threading.Event,
    on_recorded: OnRecorded,
    on_poll: Callable[[], None],
    lock: IntakeLock,
    backoff: Backoff,
) -> None:
    """Connect and poll until stopped or the intake lock is lost.  Raises MailboxError."""
    cfg = app.settings.mailbox
    interval = cfg.poll_interval_minutes * 60
    with Mailbox(cfg, app.settings.secret(cfg.password_env)) as mb:
        log.info("connected to %s:%s (IDLE %s)", cfg.host, cfg.port, "on" if mb.has("IDLE") else "off")
        backoff.reset()
        while not stop.is_set():
            if not lock.still_held():
                log.warning("intake lock lost; standing by")
                return
            report = poll_connected(app, mb, clock(), on_recorded, should_stop=stop.is_set)
            if report.fetched or report.quarantined:
                log.info(report.summary())
            on_poll()
            if report.stopped_by and not stop.is_set():
                # Storage or database trouble: wait before trying the same mail again.
                stop.wait(min(interval, 60))
                continue
            if cfg.use_idle and mb.has("IDLE"):
                mb.idle_wait(min(interval, IDLE_MAX_SECONDS), stop.is_set)
            else:
                stop.wait(interval)
