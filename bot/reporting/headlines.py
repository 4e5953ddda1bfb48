"""The headline figures staff read first, pure over the tracking state.

Per deadline of the plan: how many units have sent everything due at it (``complete``),
some of it (``partial``: something counted or waiting for review), or nothing at all
(``nothing``), and whether the deadline has passed.  The digest opens with these lines
and the dashboard shows them above the matrix, from this one function, so the two never
disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.campaign.model import Campaign
from bot.campaign.tracking import COUNTED, UnitState

COMPLETE, PARTIAL, NOTHING = "complete", "partial", "nothing"


@dataclass(frozen=True)
class DeadlineHeadline:
    deadline_id: str
    label: str
    date: dt.date
    passed: bool  # the plan's deadline is behind ``now`` (a unit's extension aside)
    days_left: int  # 0 on the day itself; negative once passed
    complete: int
    partial: int
    nothing: int

    @property
    def units(self) -> int:
        return self.complete + self.partial + self.nothing


def unit_progress(state: UnitState, deadline_id: str) -> str:
    """``complete``, ``partial`` or ``nothing`` for one unit and one deadline."""
    cells = [d for d in state.deliverables if d.deadline_id == deadline_id]
    if all(d.status == COUNTED for d in cells):
        return COMPLETE
    if any(d.files for d in cells):
        return PARTIAL
    return NOTHING


def deadline_headlines(
    campaign: Campaign, states: list[UnitState], now: dt.datetime
) -> list[DeadlineHeadline]:
    """One headline per deadline that has deliverables, in the plan's order."""
    today = now.astimezone(campaign.tz).date()
    out = []
    for deadline in campaign.deadlines:
        if not any(d.deadline == deadline.id for d in campaign.deliverables):
            continue
        counts = {COMPLETE: 0, PARTIAL: 0, NOTHING: 0}
        for st in states:
            counts[unit_progress(st, deadline.id)] += 1
        out.append(
            DeadlineHeadline(
                deadline.id,
                deadline.label,
                deadline.date,
                now > campaign.deadline_instant(deadline.id),
                (deadline.date - today).days,
                counts[COMPLETE],
                counts[PARTIAL],
                counts[NOTHING],
            )
        )
    return out
