"""What one unit still owes, loaded for one unit only (the acknowledgment path).

The acknowledgment is queued inside the transaction that records a message, for one
unit; loading the whole campaign's snapshot there would make every recorded mail pay
for every unit.  This module runs the same queries as
:func:`bot.reporting.snapshot.load_snapshot`, filtered to one unit, and hands them to
the same :func:`bot.campaign.tracking.unit_state`, so the answer cannot differ.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.campaign.model import Campaign
from bot.campaign.tracking import NominationView, UnitState, unit_state
from bot.reporting.snapshot import submission_view, unit_view
from bot.store.models import Extension, Nomination, Submission, Unit


def load_unit_state(session: Session, campaign: Campaign, unit: Unit) -> UnitState:
    """The unit's tracking state, counting everything flushed in ``session`` so far."""
    subs = session.scalars(
        select(Submission)
        .where(
            Submission.campaign == campaign.id,
            Submission.unit_id == unit.id,
            Submission.superseded_by_id.is_(None),
            Submission.deliverable.is_not(None),
        )
        .options(selectinload(Submission.attachment))
        .order_by(Submission.received_at, Submission.id)
    )
    noms = session.scalars(
        select(Nomination)
        .where(Nomination.campaign == campaign.id, Nomination.unit_id == unit.id)
        .order_by(Nomination.id)
    )
    ext = session.scalars(
        select(Extension).where(Extension.campaign == campaign.id, Extension.unit_id == unit.id)
    )
    return unit_state(
        campaign,
        unit_view(unit),
        [submission_view(s) for s in subs],
        [NominationView(n.id, n.kind, n.name) for n in noms],
        {(e.deliverable, e.deadline_id): e.until for e in ext},
    )
