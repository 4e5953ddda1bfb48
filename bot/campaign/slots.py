"""Which file counts: within one slot of a unit, the newest mail's files (pure).

A *slot* is one deliverable of one unit, for one nominee where the deliverable is per
nominee.  The rule, applied whenever files are added to a slot (at intake, or when staff
assign a mail from the review queue; :func:`bot.store.repo.supersede_slots` loads the slot
and writes the result):

* all files of one mail for one slot count together (three award decisions);
* only ``received`` files replace others: a file waiting for review never hides a good one;
* the newer mail wins, judged by when the server received it, so a mail recorded late
  (after a copy came back, or from the review queue) never replaces a newer one: its
  files become history under the newest file already counting.

A replaced file is history, but it still tells *when* the unit first delivered: a
correction sent after the deadline of a document that first came in time does not make
the document late (:func:`first_arrivals`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RECEIVED = "received"

Slot = tuple[str | None, int | None]  # (deliverable, nomination id)


@dataclass(frozen=True)
class SlotFile:
    """A submission as the rule sees it."""

    id: int
    deliverable: str | None
    nomination_id: int | None
    received_at: dt.datetime
    status: str

    @property
    def slot(self) -> Slot:
        return (self.deliverable, self.nomination_id)


def new_files_by_slot(files: Iterable[SlotFile]) -> dict[Slot, list[SlotFile]]:
    """A mail's new files that can replace others (``received`` ones), per slot, in order."""
    slots: dict[Slot, list[SlotFile]] = {}
    for f in files:
        if f.status == RECEIVED:
            slots.setdefault(f.slot, []).append(f)
    return slots


def superseded(
    mine: Sequence[SlotFile], others: Sequence[SlotFile], received_at: dt.datetime
) -> dict[int, int]:
    """``{id of a file that stops counting: id of the file that replaces it}`` for one slot.

    ``mine`` are the mail's received files in the slot (not empty), ``others`` the slot's
    other current files, ``received_at`` when the server received the mail.
    """
    newer = [s for s in others if s.received_at > received_at and s.status == RECEIVED]
    if newer:
        newest = max(newer, key=lambda s: (s.received_at, s.id))
        return {s.id: newest.id for s in mine}
    return {s.id: mine[-1].id for s in others if s.received_at <= received_at}


@dataclass(frozen=True)
class ReplacedFile:
    """A superseded submission, as the first-arrival rule sees it."""

    id: int
    replaced_by: int
    deliverable: str | None
    received_at: dt.datetime
    usable: bool  # counted or awaiting review, and readable (not rejected, not redo)


def first_arrivals(
    history: Iterable[ReplacedFile], current: Iterable[tuple[int, str | None]]
) -> dict[int, dt.datetime]:
    """``{current file id: earliest arrival of a usable copy it replaced, directly or not}``.

    ``current`` gives each current file's id and deliverable.  Only copies of the same
    deliverable count (a file staff moved from another deliverable did not deliver this
    one).  Current files that replaced no usable copy are absent.
    """
    before: dict[int, list[ReplacedFile]] = {}
    for f in history:
        before.setdefault(f.replaced_by, []).append(f)
    firsts: dict[int, dt.datetime] = {}
    for file_id, deliverable in current:
        stack, seen, times = [file_id], {file_id}, []
        while stack:  # iterative: a long chain of corrections never hits the recursion limit
            for p in before.get(stack.pop(), ()):
                if p.deliverable == deliverable and p.id not in seen:
                    seen.add(p.id)
                    stack.append(p.id)
                    if p.usable:
                        times.append(p.received_at)
        if times:
            firsts[file_id] = min(times)
    return firsts
