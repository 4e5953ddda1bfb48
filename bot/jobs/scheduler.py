"""APScheduler 3.x wiring, and nothing else: each job reads the clock and calls a service.

Kept behind this module so a later move to APScheduler 4 touches one place.  Jobs are
idempotent and DB-backed (the outbox's idempotency keys decide what was already sent),
so the same work can be driven from cron with the CLI, and a job that runs late after
downtime does the most recent relevant step once (``coalesce=True``) — the services
themselves skip steps that are no longer relevant.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import App

log = logging.getLogger(__name__)


def _guarded(name: str, fn: Callable[[], object]) -> Callable[[], None]:
    """One failing job run is logged and never stops the scheduler or the other jobs."""

    def run() -> None:
        try:
            result = fn()
            log.info("job %s: %s", name, getattr(result, "summary", lambda: result)())
        except Exception:  # noqa: BLE001 - logged with traceback; the next run retries
            log.exception("job %s failed", name)

    return run


def build_scheduler(app: App, clock: Callable[[], dt.datetime]) -> BackgroundScheduler:
    from bot.outgoing.digest import queue_digest
    from bot.outgoing.reminders import remind
    from bot.outgoing.sender import flush_outbox

    tz = app.settings.tz
    sched = BackgroundScheduler(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600},
    )
    reminder_time = app.campaign.reminders.time
    digest_time = app.settings.schedule.digest_time
    sched.add_job(
        _guarded("outbox", lambda: flush_outbox(app, clock())),
        IntervalTrigger(minutes=app.settings.schedule.outbox_interval_minutes, timezone=tz),
        id="outbox",
        next_run_time=clock(),
    )
    sched.add_job(
        _guarded("remind", lambda: remind(app, clock())),
        CronTrigger(hour=reminder_time.hour, minute=reminder_time.minute, timezone=tz),
        id="remind",
        # Catch up once at start: the planner sends only what is due and not yet sent.
        next_run_time=clock(),
    )
    sched.add_job(
        _guarded("digest", lambda: queue_digest(app, clock())),
        CronTrigger(hour=digest_time.hour, minute=digest_time.minute, timezone=tz),
        id="digest",
        next_run_time=clock(),
    )
    return sched
