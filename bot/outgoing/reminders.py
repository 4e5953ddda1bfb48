"""Reminders before each deadline and the overdue notice after it: queueing them.

What is due is planned in :mod:`bot.campaign.planning` (:func:`plan_reminders`, pure).
:func:`remind` loads the state, plans, renders and enqueues; the outbox keys make it
safe to run any number of times, from the scheduler or from cron with ``--now``.

Each mail joins the unit's conversation instead of starting a new one: it answers the
unit's latest acknowledgment (``In-Reply-To``/``References``, :func:`repo.unit_threads`),
or, for a unit that never wrote, the latest reminder it got.  Weekends and Vietnamese
public holidays are skipped as the settings say (both on by default).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import select

from bot.app import App
from bot.campaign.planning import PlannedMail, pending_items, plan_reminders
from bot.outgoing.context import base_context, missing_types, requirement_notes, unit_context
from bot.outgoing.outbox import enqueue, reply_headers, sender_of
from bot.outgoing.render import mail_renderer
from bot.reporting.snapshot import gc_paused, load_unit_states
from bot.store import repo
from bot.store.models import OutboxMail

log = logging.getLogger(__name__)


def reminder_context(app: App, plan: PlannedMail, now: dt.datetime) -> dict[str, Any]:
    campaign = app.campaign
    tz = campaign.tz
    deadline = campaign.deadline(plan.deadline_id)
    days = (plan.due.astimezone(tz).date() - now.astimezone(tz).date()).days
    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        kind=plan.kind,
        unit=unit_context(plan.state),
        deadline={"id": deadline.id, "label": deadline.label},
        due=plan.due,
        # A deadline that has passed is never said to be ahead ("đã quá hạn ngày …").
        passed=now > plan.due,
        days_left=max(days, 0),
        days_late=max(-days, 0),
        missing=list(plan.missing),
        pending=pending_items(campaign, plan.state, plan.deadline_id),
        notes=requirement_notes(campaign, list(plan.missing)),
        extended=plan.due.astimezone(tz).date() != deadline.date,
    )
    return ctx


def vn_holidays(years: set[int]):
    """Vietnamese public holidays for ``years`` (the ``holidays`` package)."""
    # Imported here: only plans that skip public holidays need it (0.04 s to import).
    import holidays as hol  # noqa: PLC0415

    return hol.country_holidays("VN", years=sorted(years))


def remind(app: App, now: dt.datetime, dry_run: bool = False) -> list[PlannedMail]:
    """Plan and queue the reminders due at ``now``; returns what was (or would be) queued."""
    campaign = app.campaign
    sched = app.settings.schedule
    holidays = None
    if sched.skip_public_holidays:
        holidays = vn_holidays({d.date.year for d in campaign.deadlines} | {now.year, now.year + 1})
    with app.db.session() as s, gc_paused():
        states = load_unit_states(s, campaign)
        sent = set(
            s.scalars(
                select(OutboxMail.idempotency_key).where(
                    OutboxMail.campaign == campaign.id, OutboxMail.kind.in_(("reminder", "overdue"))
                )
            )
        )
        plans = plan_reminders(campaign, states, now, sent, sched.skip_weekends, holidays)
        if dry_run:
            return plans
        queued = []
        r = mail_renderer(app)
        threads = repo.unit_threads(s, campaign.id) if plans else {}
        for p in plans:
            subject, text, html = r.render(p.kind, reminder_context(app, p, now))
            headers = {"X-Intake-Unit": p.unit_code, "X-Intake-Missing": missing_types(list(p.missing))}
            thread = threads.get(p.state.unit.id or -1)
            if thread:
                headers.update(reply_headers(thread[-1], thread[:-1]))
            row = enqueue(
                s,
                key=p.key,
                kind=p.kind,
                recipients=p.recipients,
                subject=subject,
                text=text,
                html=html,
                sender=sender_of(app.settings),
                now=now,
                unit_id=p.state.unit.id,
                campaign=campaign.id,
                headers=headers,
            )
            if row is not None:
                queued.append(p)
    log.debug("remind: %d planned, %d queued", len(plans), len(queued))
    return queued
