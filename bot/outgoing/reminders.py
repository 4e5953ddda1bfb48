"""Reminders before each deadline and the overdue notice after it.

:func:`plan_reminders` is pure: given the units' tracking states, the moment ``now``
and the keys already in the outbox, it says which mails are due.  The rules:

* steps are the campaign's offsets (7, 3, 1 days before the deadline, at 08:00 local)
  plus the overdue notice ``overdue_after_days`` after it; a unit's extension moves its
  deadline and so its steps (the key carries the due date, so a new date gets new mails);
* only units still owing something due at that deadline get a mail, listing exactly
  what (per nominee where it applies); a complete unit gets nothing;
* catch-up: after downtime only the most recent step that has come due is sent, once,
  never one mail per missed slot; a reminder whose deadline has already passed is not
  sent (the overdue notice replaces it); a late overdue notice is still sent, once;
* optionally, a reminder falling on a weekend or a Vietnamese public holiday moves to
  the previous working day (an overdue notice to the next one).

:func:`remind` loads the state, plans, renders and enqueues; the outbox keys make it
safe to run any number of times, from the scheduler or from cron with ``--now``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Container
from dataclasses import dataclass

from sqlalchemy import select

from bot.campaign.model import Campaign
from bot.campaign.tracking import UnitState
from bot.outgoing.context import MissingItem, base_context, missing_items, missing_types, unit_context
from bot.outgoing.outbox import enqueue, sender_of
from bot.store.models import OutboxMail

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlannedMail:
    key: str
    kind: str  # reminder | overdue
    unit_code: str
    deadline_id: str
    offset: int  # days before the deadline; negative for the overdue notice
    due: dt.datetime  # the unit's deadline instant (extensions applied)
    moment: dt.datetime  # when this step was scheduled
    recipients: tuple[str, ...]
    missing: tuple[MissingItem, ...]
    state: UnitState

    def describe(self) -> str:
        what = ", ".join(m.type for m in self.missing)
        return f"{self.kind} {self.unit_code} {self.deadline_id} offset={self.offset} → {', '.join(self.recipients)}: {what}"


def _working_day(day: dt.date, skip_weekends: bool, holidays: Container[dt.date] | None) -> bool:
    if skip_weekends and day.weekday() >= 5:
        return False
    return not (holidays is not None and day in holidays)


def shift_moment(
    moment: dt.datetime, offset: int, skip_weekends: bool = False, holidays: Container[dt.date] | None = None
) -> dt.datetime:
    """Move a step off weekends/holidays: reminders earlier, overdue notices later."""
    step = dt.timedelta(days=-1 if offset > 0 else 1)
    for _ in range(30):  # a bound, in case someone marks a whole month as holidays
        if _working_day(moment.date(), skip_weekends, holidays):
            return moment
        moment += step
    return moment


def reminder_key(campaign_id: str, unit_code: str, deadline_id: str, due_day: dt.date, offset: int) -> str:
    where = f"{campaign_id}:{unit_code}:{deadline_id}@{due_day.isoformat()}"
    return f"reminder:{where}:{offset}" if offset > 0 else f"overdue:{where}"


def plan_reminders(
    campaign: Campaign,
    states: list[UnitState],
    now: dt.datetime,
    already_sent_keys: set[str],
    skip_weekends: bool = False,
    holidays: Container[dt.date] | None = None,
) -> list[PlannedMail]:
    """The reminders and overdue notices due at ``now`` that are not yet in the outbox."""
    tz = campaign.tz
    plans: list[PlannedMail] = []
    # Units without an extension share their deadline's steps: work each out once.
    steps_of: dict[tuple[str, dt.datetime], tuple[dt.date, list[tuple[int, dt.datetime]]]] = {}
    for st in states:
        if not st.unit.emails:
            log.warning("unit %s has no address: no reminder possible", st.unit.code)
            continue
        groups: dict[tuple[str, dt.datetime], list[MissingItem]] = {}
        for item in missing_items(campaign, st):
            groups.setdefault((item.deadline_id, item.due), []).append(item)
        for (deadline_id, due), items in groups.items():
            known = steps_of.get((deadline_id, due))
            if known is None:
                due_day = due.astimezone(tz).date()
                steps = [
                    (off, shift_moment(m, off, skip_weekends, holidays))
                    for off, m in campaign.reminder_moments(deadline_id, extended_to=due_day)
                ]
                known = steps_of[(deadline_id, due)] = (due_day, steps)
            due_day, steps = known
            passed = [(off, m) for off, m in steps if m <= now]
            if not passed:
                continue
            # The latest step come due; on a tie (two steps moved to the same working
            # day) the one nearer the deadline says more.
            offset, moment = max(passed, key=lambda s: (s[1], -s[0]))
            if offset > 0 and now > due:
                continue  # the deadline has passed: the overdue notice will speak instead
            key = reminder_key(campaign.id, st.unit.code, deadline_id, due_day, offset)
            if key in already_sent_keys:
                continue
            plans.append(
                PlannedMail(
                    key=key,
                    kind="reminder" if offset > 0 else "overdue",
                    unit_code=st.unit.code,
                    deadline_id=deadline_id,
                    offset=offset,
                    due=due,
                    moment=moment,
                    recipients=tuple(st.unit.emails),
                    missing=tuple(items),
                    state=st,
                )
            )
    return plans


def reminder_context(app, plan: PlannedMail, now: dt.datetime) -> dict:
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
        days_left=max(days, 0),
        days_late=max(-days, 0),
        missing=list(plan.missing),
        extended=plan.due.astimezone(tz).date() != deadline.date,
    )
    return ctx


def vn_holidays(years: set[int]):
    """Vietnamese public holidays for ``years`` (the ``holidays`` package)."""
    import holidays as hol

    return hol.country_holidays("VN", years=sorted(years))


def remind(app, now: dt.datetime, dry_run: bool = False) -> list[PlannedMail]:
    """Plan and queue the reminders due at ``now``; returns what was (or would be) queued."""
    from bot.reporting.snapshot import gc_paused, load_unit_states

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
        r = app.renderer
        for p in plans:
            subject, text, html = r.render(p.kind, reminder_context(app, p, now))
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
                headers={"X-Intake-Unit": p.unit_code, "X-Intake-Missing": missing_types(list(p.missing))},
            )
            if row is not None:
                queued.append(p)
    log.info("remind: %d planned, %d queued", len(plans), len(queued))
    return queued
