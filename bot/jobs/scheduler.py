"""APScheduler 3.x wiring, and nothing else: each job reads the clock and calls a service.

Kept behind this module so a later move to APScheduler 4 touches one place.  Jobs are
idempotent and DB-backed (the outbox's idempotency keys decide what was already sent),
so the same work can be driven from cron with the CLI, and a job that runs late after
downtime does the most recent relevant step once (``coalesce=True``) — the services
themselves skip steps that are no longer relevant.

The scheduler's own times (``next_run_time``) are always the *real* clock: ``clock``
may be a simulated one (``run --now``), and a ``next_run_time`` years in the past makes
APScheduler enumerate every missed interval up to today (millions for a 2-minute
interval), hanging its thread.  Use :func:`run_soon` to wake a job.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import App
from bot.outgoing.digest import DigestResult, IntakeHealth, queue_digest
from bot.outgoing.reminders import remind
from bot.outgoing.sender import FlushReport, flush_outbox

log = logging.getLogger(__name__)


def _summary(result: object) -> str:
    if hasattr(result, "summary"):
        return result.summary()
    if isinstance(result, list):
        return f"{len(result)} mail(s) planned"
    return str(getattr(result, "status", result))


def _guarded(
    name: str, fn: Callable[[], object], then: Callable[[], None] = lambda: None
) -> Callable[[], None]:
    """One failing job run is logged and never stops the scheduler or the other jobs."""

    def run() -> None:
        try:
            log.info("job %s: %s", name, _summary(fn()))
            then()
        except Exception:  # noqa: BLE001 - logged with traceback; the next run retries
            log.exception("job %s failed", name)

    return run


FLUSH_BATCH = 50
FLUSH_ROUNDS = 40  # at most 2,000 mails per job run; the next run takes the rest


def flush_all(app: App, clock: Callable[[], dt.datetime], wake: threading.Event | None = None) -> FlushReport:
    """Flush batch after batch while full batches go out, so a backlog (a reminder round,
    a burst of acknowledgments) leaves now rather than 50 mails per outbox interval.

    ``wake`` is set by :func:`run_soon` when mail is queued while this run is already
    sending (APScheduler then skips the extra run): one more round picks that mail up.
    """
    if wake is not None:
        wake.clear()
    report = flush_outbox(app, clock(), limit=FLUSH_BATCH)
    for _ in range(FLUSH_ROUNDS - 1):
        woken = wake is not None and wake.is_set()
        if woken:
            wake.clear()
        elif report.claimed < FLUSH_BATCH or report.sent < report.claimed:
            break  # the outbox is drained, or SMTP trouble: the backoff decides the next try
        report = flush_outbox(app, clock(), limit=FLUSH_BATCH)
    return report


def _digest(app: App, now: dt.datetime, health: Callable[[dt.datetime], IntakeHealth]) -> DigestResult:
    return queue_digest(app, now, health(now))


def run_soon(sched: BackgroundScheduler, job_id: str) -> None:
    """Run ``job_id`` now (real time), e.g. the outbox right after intake queued acks."""
    wake = getattr(sched, "wakes", {}).get(job_id)
    if wake is not None:
        wake.set()
    sched.modify_job(job_id, next_run_time=dt.datetime.now(sched.timezone))


def build_scheduler(
    app: App, clock: Callable[[], dt.datetime], health: Callable[[dt.datetime], IntakeHealth]
) -> BackgroundScheduler:
    """The outbox, reminder and digest jobs; ``health(now)`` is the intake verdict the digest shows."""
    tz = app.settings.tz
    start = dt.datetime.now(tz)  # real time: see the module docstring
    sched = BackgroundScheduler(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600},
    )
    # Wake-ups that arrive while the outbox job runs (see flush_all).
    sched.wakes = {"outbox": threading.Event()}
    reminder_time = app.campaign.reminders.time
    digest_time = app.settings.schedule.digest_time
    sched.add_job(
        _guarded("outbox", lambda: flush_all(app, clock, sched.wakes["outbox"])),
        IntervalTrigger(minutes=app.settings.schedule.outbox_interval_minutes, timezone=tz),
        id="outbox",
        next_run_time=start,
    )

    def then_send(result):
        # Mail just queued (a reminder round, today's digest) leaves now, not at the
        # next outbox tick: at start-up all jobs run together and the outbox would
        # otherwise find nothing yet and sleep a whole interval.
        if result and getattr(result, "status", "queued") == "queued":
            run_soon(sched, "outbox")
        return result

    sched.add_job(
        _guarded("remind", lambda: then_send(remind(app, clock()))),
        CronTrigger(hour=reminder_time.hour, minute=reminder_time.minute, timezone=tz),
        id="remind",
        # Catch up once at start: the planner sends only what is due and not yet sent.
        next_run_time=start,
    )
    sched.add_job(
        _guarded("digest", lambda: then_send(_digest(app, clock(), health))),
        CronTrigger(hour=digest_time.hour, minute=digest_time.minute, timezone=tz),
        id="digest",
        next_run_time=start,
    )
    return sched
