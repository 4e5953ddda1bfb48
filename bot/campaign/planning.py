"""What a unit still owes and which reminders are due: pure planning over the tracking state.

:func:`missing_items` lists what one unit still has to send (per nominee where it
applies).  :func:`plan_reminders` is pure: given the units' tracking states, the moment
``now`` and the keys already in the outbox, it says which mails are due.  The rules:

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

:func:`bot.outgoing.reminders.remind` loads the state, plans, renders and enqueues.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Container
from dataclasses import dataclass, field

from bot.campaign.model import Campaign
from bot.campaign.tracking import COUNTED, REVIEW, UnitState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NomineeRef:
    name: str
    kind: str  # tap_the | ca_nhan


@dataclass(frozen=True)
class MissingItem:
    """One deliverable a unit still owes (for per-nominee ones: which nominees lack it)."""

    type: str
    name: str
    deadline_id: str
    due: dt.datetime
    scope: str
    nominees: tuple[NomineeRef, ...] = field(default_factory=tuple)
    short_name: str = ""


def missing_items(campaign: Campaign, state: UnitState, deadline_id: str | None = None) -> list[MissingItem]:
    """What the unit still has to send, optionally only for one deadline.

    A file that arrived and waits for staff review is not "missing" (tracking calls it
    pending): reminding a unit for something it has sent would be wrong, and staff will
    ask if the file is bad.  A per-nominee deliverable named differently per kind gives
    one item per kind, under that kind's own name.
    """
    refs = {n.nomination.name: NomineeRef(n.nomination.name, n.nomination.kind) for n in state.nominations}
    specs = {d.id: d for d in campaign.deliverables}
    out = []
    for d in state.deliverables:
        if d.status == COUNTED or (deadline_id is not None and d.deadline_id != deadline_id):
            continue
        spec = specs[d.type]
        if spec.scope == "unit":
            if d.status == REVIEW:
                continue
            out.append(MissingItem(d.type, spec.name, d.deadline_id, d.due, "unit", (), spec.short_name))
            continue
        lacking = [refs.get(n) or NomineeRef(n, "") for n in d.missing_nominees]
        if not lacking and d.status != REVIEW and not d.pending_nominees and not state.nominations:
            # No nominee known yet: the deliverable itself is owed.
            out.append(MissingItem(d.type, spec.name, d.deadline_id, d.due, "nominee", (), spec.short_name))
            continue
        if not lacking:
            continue
        if not spec.per_kind:
            out.append(
                MissingItem(
                    d.type, spec.name, d.deadline_id, d.due, "nominee", tuple(lacking), spec.short_name
                )
            )
            continue
        for kind in dict.fromkeys(r.kind for r in lacking):
            group = tuple(r for r in lacking if r.kind == kind)
            name, short = spec.name_for(kind), spec.name_for(kind, short=True)
            out.append(MissingItem(d.type, name, d.deadline_id, d.due, "nominee", group, short))
    return out


def pending_items(campaign: Campaign, state: UnitState, deadline_id: str | None = None) -> list[MissingItem]:
    """What the unit sent that waits for staff review (named as :func:`missing_items` names
    what it owes), so a reminder can say "received, being checked" rather than nothing,
    and never "missing"."""
    refs = {n.nomination.name: NomineeRef(n.nomination.name, n.nomination.kind) for n in state.nominations}
    specs = {d.id: d for d in campaign.deliverables}
    out = []
    for d in state.deliverables:
        if d.status != REVIEW or (deadline_id is not None and d.deadline_id != deadline_id):
            continue
        spec = specs[d.type]
        pending = tuple(refs.get(n) or NomineeRef(n, "") for n in d.pending_nominees)
        kinds = {r.kind for r in pending}
        name = spec.name_for(next(iter(kinds))) if spec.per_kind and len(kinds) == 1 else spec.name
        out.append(MissingItem(d.type, name, d.deadline_id, d.due, spec.scope, pending, spec.short_name))
    return out


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
        what = ", ".join(dict.fromkeys(m.type for m in self.missing))
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
