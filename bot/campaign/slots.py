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
