"""What one unit still owes, loaded for one unit only (the acknowledgment path).

The acknowledgment is queued inside the transaction that records a message, for one
unit; loading the whole campaign's snapshot there would make every recorded mail pay
for every unit.  This runs the snapshot's own queries narrowed to the unit
(:func:`bot.reporting.snapshot.load_unit_states`) and the same
:class:`bot.campaign.tracking.Tracker`, so the answer cannot differ.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.tracking import UnitState
from bot.reporting.snapshot import load_unit_states
from bot.store.models import Unit


def load_unit_state(session: Session, campaign: Campaign, unit: Unit) -> UnitState:
    """The unit's tracking state, counting everything flushed in ``session`` so far."""
    # The unit and its addresses are read from ``unit`` when they are loaded already.
    loaded = "addresses" in unit.__dict__
    [state] = load_unit_states(session, campaign, unit.id, unit if loaded else None)
    return state
