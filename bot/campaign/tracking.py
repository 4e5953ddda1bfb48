"""Who owes what: the per-unit state of every deliverable and nomination (pure).

``unit_state(campaign, unit, submissions, nominations, extensions)`` is the single place
that decides whether a deliverable is received, missing, late or waiting for review, and
what each nomination still lacks.  What a person means by these words, precisely:

* a file that arrived and waits for staff review is *present, pending*: its deliverable
  is ``needs_review`` (not ``missing``), ``received_at`` is when its files arrived and
  ``late`` is judged from that moment, as for a counted file (review never hides
  lateness; a counted file, when there is one, is what counts);
* a deliverable is late only when no usable copy of it arrived by the deadline: a
  correction sent after the deadline of a document that first came in time replaces
  the file (``received_at`` is the current copy's) but does not make it late;
* for a per-nominee deliverable, a nominee is *pending* when a file waiting for review is
  assigned to it or may be it (the file's candidates), *missing* only when nothing of it
  arrived at all; reminders and acknowledgments say so, never both for one file;
* only the nominees a deliverable applies to and requires (per kind: a collective sends
  its organisation's rating decision, an individual their own) are ever asked for it.  Status, reminders, acknowledgments, the digest, the
exports and the dashboard all read its result, so they can never disagree.
:class:`Tracker` is the same computation for many units of one campaign, with what
depends only on the plan worked out once (the snapshot of 5,000 units uses it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from bot.campaign.model import Campaign
from bot.campaign.problems import Problem, is_unusable
from bot.campaign.rules import check_quota, nomination_missing
from bot.campaign.units import UnitInfo
from bot.vocabulary import ProblemCode

COUNTED = "received"
REVIEW = "needs_review"


@dataclass(frozen=True)
class NominationView:
    id: int
    kind: str  # tap_the | ca_nhan
    name: str
    # Known only from a mail whose sender staff have not confirmed: its documents are
    # tracked (the unit is not asked for what it sent), it counts in no quota.
    awaiting_sender: bool = False


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
    candidates: tuple[int, ...] = ()  # a pending file's possible nominations
    # The file's digital signatures as stored (bot.documents.signatures.SignatureFacts.as_dict).
    signatures: tuple[dict[str, Any], ...] = ()
    # The earliest arrival of a usable copy this file replaced (bot.campaign.slots.first_arrivals).
    first_arrival: dt.datetime | None = None

    @property
    def delivered_at(self) -> dt.datetime:
        """When the unit first delivered this document: lateness is judged on it."""
        if self.first_arrival is not None and self.first_arrival < self.received_at:
            return self.first_arrival
        return self.received_at

    @property
    def waiting(self) -> bool:
        """Arrived and waits for staff.  A file that cannot be read does not wait: it is
        unusable, and the unit owes the document until a good copy comes."""
        return self.status == REVIEW and not self.unusable

    @property
    def unusable(self) -> bool:
        return is_unusable(p.code for p in self.problems)

    @property
    def maybe_for(self) -> tuple[int, ...]:
        """The nominations this file is, or may be, for."""
        return (self.nomination_id,) if self.nomination_id is not None else self.candidates


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
    # For per-nominee deliverables: the nominees that lack it (nothing arrived at all), and
    # those whose file waits for review.
    missing_nominees: list[str] = field(default_factory=list)
    pending_nominees: list[str] = field(default_factory=list)

    def late_files(self) -> list[SubmissionView]:
        """The files that make this deliverable late: among the files lateness is judged
        on (the counted ones, or the pending ones when none counts), those of each slot
        (the unit's, or one nominee's) none of whose copies came by the deadline
        (extensions applied).  A soft copy sent after the deadline of a document whose
        photo came in time does not make it late."""
        slots: dict[int | None, list[SubmissionView]] = {}
        for f in _basis(self.files):
            slots.setdefault(f.nomination_id, []).append(f)
        return [f for files in slots.values() if min(f.delivered_at for f in files) > self.due for f in files]


@dataclass
class NominationState:
    nomination: NominationView
    documents: list[str]  # counted
    missing: list[str]  # required, nothing arrived
    pending: list[str] = field(default_factory=list)  # arrived, waiting for staff


@dataclass
class UnitState:
    unit: UnitInfo
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


def _basis(files: list[SubmissionView]) -> list[SubmissionView]:
    """The files arrival and lateness are judged on: the counted ones, else the pending."""
    counted = [s for s in files if s.status == COUNTED]
    return counted or [s for s in files if s.waiting]


def _summarise(state: DeliverableState, subs: list[SubmissionView]) -> None:
    counted = [s for s in subs if s.status == COUNTED]
    review = [s for s in subs if s.status == REVIEW]  # unusable ones shown too, not counted
    state.files = counted + review
    for s in state.files:
        state.problems.extend(p for p in s.problems if p not in state.problems)
    basis = _basis(state.files)
    if basis:
        state.received_at = max(s.received_at for s in basis)
        state.late = bool(state.late_files())


class Tracker:
    """:func:`unit_state` for many units of one campaign.

    What depends only on the plan (deadline instants without extensions, the documents
    each kind of nominee needs, the deliverables' order) is worked out once here instead
    of once per unit: the snapshot computes thousands of states in a row.
    """

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        # (id, deadline id, scope, nominee kinds): plain tuples read thousands of times.
        self.specs = [(d.id, d.deadline, d.scope, d.required_kinds) for d in campaign.deliverables]
        self.order = {d.id: i for i, d in enumerate(campaign.deliverables)}
        self.default_due = {d.id: due_date(campaign, d.id, {}) for d in campaign.deliverables}
        self.nominee_needs = {k: nomination_missing(k, set(), campaign) for k in ("tap_the", "ca_nhan")}

    def _due(self, deliverable_id: str, deadline_id: str, extensions: ExtensionMap) -> dt.datetime:
        if extensions and ((deliverable_id, deadline_id) in extensions or (None, deadline_id) in extensions):
            return due_date(self.campaign, deliverable_id, extensions)
        return self.default_due[deliverable_id]

    def state(
        self,
        unit: UnitInfo,
        submissions: list[SubmissionView],
        nominations: list[NominationView],
        extensions: ExtensionMap | None = None,
    ) -> UnitState:
        """The unit's state.  ``submissions`` are the current (not superseded) ones."""
        campaign = self.campaign
        extensions = extensions or {}
        by_type: dict[str, list[SubmissionView]] = {}
        docs: dict[int | None, set[str]] = {}
        pending_docs: dict[int, set[str]] = {}
        for s in submissions:
            by_type.setdefault(s.deliverable, []).append(s)
            if s.status == COUNTED:
                docs.setdefault(s.nomination_id, set()).add(s.deliverable)
            elif s.waiting:
                for i in s.maybe_for:
                    pending_docs.setdefault(i, set()).add(s.deliverable)

        deliverables = []
        for type_, deadline_id, scope, nominee_kinds in self.specs:
            state = DeliverableState(type_, deadline_id, self._due(type_, deadline_id, extensions))
            subs = by_type.get(type_, [])
            if subs:
                _summarise(state, subs)
            if scope == "unit":
                if any(s.status == COUNTED for s in subs):
                    state.status = COUNTED
                elif any(s.waiting for s in subs):
                    state.status = REVIEW
            else:
                needing = [n for n in nominations if n.kind in nominee_kinds]
                have = {s.nomination_id for s in subs if s.status == COUNTED}
                waiting = {i for s in subs if s.waiting for i in s.maybe_for}
                unplaced = any(s.waiting and not s.maybe_for for s in subs)
                state.pending_nominees = [n.name for n in needing if n.id not in have and n.id in waiting]
                state.missing_nominees = [n.name for n in needing if n.id not in have and n.id not in waiting]
                if needing and not state.missing_nominees and not state.pending_nominees:
                    state.status = COUNTED
                elif (
                    state.pending_nominees
                    or unplaced
                    or (any(s.status == COUNTED or s.waiting for s in subs) and not needing)
                ):
                    # Files that arrived but wait for staff (or for a nominee) are pending.
                    state.status = REVIEW
            deliverables.append(state)

        nomination_states = []
        for n in nominations:
            present = {t for t in docs.get(n.id, ()) if t in self.order}
            documents = sorted(present, key=self.order.__getitem__)
            awaited = {t for t in pending_docs.get(n.id, ()) if t in self.order and t not in present}
            needs = self.nominee_needs.get(n.kind)
            lacking = needs if needs is not None else nomination_missing(n.kind, set(), campaign)
            missing = [t for t in lacking if t not in present and t not in awaited]
            pending = sorted(awaited, key=self.order.__getitem__)
            nomination_states.append(NominationState(n, documents, missing, pending))

        confirmed = [(n.kind, n.name) for n in nominations if not n.awaiting_sender]
        problems = list(check_quota(unit.kind, confirmed, campaign))
        # A document whose only copy cannot be read is the unit's problem until a good copy
        # arrives (which then counts and replaces it).
        for d in deliverables:
            if d.status != COUNTED:
                for f in d.files:
                    problems.extend(
                        p for p in f.problems if p.code == ProblemCode.UNREADABLE_FILE and p not in problems
                    )
        return UnitState(unit, deliverables, nomination_states, problems)


def unit_state(
    campaign: Campaign,
    unit: UnitInfo,
    submissions: list[SubmissionView],
    nominations: list[NominationView],
    extensions: ExtensionMap | None = None,
) -> UnitState:
    """Compute one unit's state (see :class:`Tracker` for many units)."""
    return Tracker(campaign).state(unit, submissions, nominations, extensions)
