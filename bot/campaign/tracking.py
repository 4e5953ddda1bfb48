"""Who owes what: the per-unit state of every deliverable and nomination (pure).

``unit_state(campaign, unit, submissions, nominations, extensions)`` is the single place
that decides whether a deliverable is received, missing or waiting for review, and what
each nomination still lacks.  Status, reminders, the digest and the exports all read
its result, so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.campaign.model import Campaign
from bot.campaign.problems import Problem

COUNTED = "received"
REVIEW = "needs_review"


@dataclass(frozen=True)
class UnitView:
    code: str
    name: str
    kind: str
    emails: tuple[str, ...] = ()
    secretary: str = ""


@dataclass(frozen=True)
class NominationView:
    id: int
    kind: str  # tap_the | ca_nhan
    name: str


@dataclass(frozen=True)
class SubmissionView:
    id: int
    deliverable: str
    nomination_id: int | None
    status: str  # received | needs_review | redo | rejected
    received_at: dt.datetime
    filename: str
    sha256: str
    problems: tuple[Problem, ...] = ()


@dataclass
class DeliverableState:
    type: str
    deadline_id: str
    due: dt.datetime
    status: str = "missing"  # missing | received | needs_review
    late: bool = False
    received_at: dt.datetime | None = None
    files: list[SubmissionView] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # For per-nominee deliverables: the nominees that still lack it.
    missing_nominees: list[str] = field(default_factory=list)


@dataclass
class NominationState:
    nomination: NominationView
    documents: list[str]
    missing: list[str]


@dataclass
class UnitState:
    unit: UnitView
    deliverables: list[DeliverableState]
    nominations: list[NominationState]
    problems: list[Problem]

    def deliverable(self, type_: str) -> DeliverableState:
        return next(d for d in self.deliverables if d.type == type_)

    def missing(self, deadline_id: str | None = None) -> list[DeliverableState]:
        """Deliverables not (fully) received, optionally only those due at one deadline."""
        return [
            d
            for d in self.deliverables
            if d.status != COUNTED and (deadline_id is None or d.deadline_id == deadline_id)
        ]

    @property
    def complete(self) -> bool:
        return not self.missing()


ExtensionMap = dict[tuple[str | None, str], dt.date]  # (deliverable or None, deadline_id) -> new date


def due_date(campaign: Campaign, deliverable_id: str, extensions: ExtensionMap) -> dt.datetime:
    """The deadline instant for one deliverable of one unit, extensions applied."""
    deadline_id = campaign.deliverable(deliverable_id).deadline
    until = extensions.get((deliverable_id, deadline_id)) or extensions.get((None, deadline_id))
    return campaign.deadline_instant(deadline_id, until)


def _summarise(state: DeliverableState, subs: list[SubmissionView]) -> None:
    counted = [s for s in subs if s.status == COUNTED]
    review = [s for s in subs if s.status == REVIEW]
    state.files = counted + review
    for s in state.files:
        state.problems.extend(p for p in s.problems if p not in state.problems)
    if counted:
        state.received_at = max(s.received_at for s in counted)
        state.late = any(s.received_at > state.due for s in counted)


def unit_state(
    campaign: Campaign,
    unit: UnitView,
    submissions: list[SubmissionView],
    nominations: list[NominationView],
    extensions: ExtensionMap | None = None,
) -> UnitState:
    """Compute the unit's state.  ``submissions`` are the current (not superseded) ones."""
    from bot.campaign.rules import check_quota, nomination_missing

    extensions = extensions or {}
    by_type: dict[str, list[SubmissionView]] = {}
    for s in submissions:
        by_type.setdefault(s.deliverable, []).append(s)

    deliverables = []
    for d in campaign.deliverables:
        state = DeliverableState(d.id, d.deadline, due_date(campaign, d.id, extensions))
        subs = by_type.get(d.id, [])
        _summarise(state, subs)
        if d.scope == "unit":
            if any(s.status == COUNTED for s in subs):
                state.status = COUNTED
            elif any(s.status == REVIEW for s in subs):
                state.status = REVIEW
        else:
            needing = [n for n in nominations if n.kind in d.nominee_kinds]
            have = {s.nomination_id for s in subs if s.status == COUNTED}
            pending = {s.nomination_id for s in subs if s.status == REVIEW}
            state.missing_nominees = [n.name for n in needing if n.id not in have]
            if needing and not state.missing_nominees:
                state.status = COUNTED
            elif pending or (subs and not needing):
                # Files that arrived but could not yet be tied to a nominee wait for staff.
                state.status = REVIEW
        deliverables.append(state)

    nomination_states = []
    for n in nominations:
        docs = sorted(
            {s.deliverable for s in submissions if s.nomination_id == n.id and s.status == COUNTED},
            key=[d.id for d in campaign.deliverables].index,
        )
        nomination_states.append(NominationState(n, docs, nomination_missing(n.kind, set(docs), campaign)))

    problems = list(check_quota(unit.kind, [(n.kind, n.name) for n in nominations], campaign))
    return UnitState(unit, deliverables, nomination_states, problems)
