"""Load the campaign's tracking state from the database in a fixed number of queries.

The result (:class:`Snapshot`) is plain data that status, reminders, the digest, the
exports and the dashboard read; none of them query the database unit by unit.  Rows are
read as Core tuples (:mod:`bot.store.repo`) and turned straight into the tracking
dataclasses: no ORM object is built, which keeps 5,000 units well under a second.
:func:`load_unit_states` runs the same queries narrowed to one unit, and
:func:`load_unit_state` is that for one unit (the acknowledgment path: loading the whole
campaign's snapshot there would make every recorded mail pay for every unit).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.problems import Problem, is_unusable
from bot.campaign.slots import ReplacedFile, first_arrivals
from bot.campaign.tracking import NominationView, SubmissionView, Tracker, UnitState
from bot.campaign.units import UnitInfo
from bot.store import repo
from bot.store.models import Unit


@dataclass(frozen=True)
class ReviewItem:
    """A mail waiting for staff (the review queue)."""

    id: int
    message_id_header: str | None
    received_at: dt.datetime
    sender: str | None
    subject: str | None
    state: str
    review_reason: str | None
    suggested_unit_code: str | None
    suggested_unit_name: str | None
    files: int
    unit_name: str | None = None  # the unit it is already tied to (a registered sender's)


@dataclass
class Snapshot:
    units: list[UnitState]
    review: list[ReviewItem]
    counts: dict[str, int]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector around a bulk read (snapshot, status, digest).

    Tens of thousands of small dataclasses, lists and dicts made in a row trigger
    repeated full collections that walk the whole heap: a third of the time of
    ``status`` at 5,000 units.  These objects form no cycles (reference counting frees
    them); anything cyclic made meanwhile waits for the collector's next turn once it
    is back on.  Nested or concurrent uses are harmless: only the outermost caller that
    found the collector on turns it back on, and the worst a race can do is collect
    during the pause.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _problems(raw) -> tuple[Problem, ...]:
    return tuple(Problem(p["code"], p["message"], p.get("filename")) for p in raw or ())


def load_unit_states(
    session: Session, campaign: Campaign, unit_id: int | None = None, unit_row=None
) -> list[UnitState]:
    """Every active unit's state (code order), or only that of ``unit_id``.

    Counts everything flushed in ``session`` so far (the queries autoflush), so the
    acknowledgment queued while recording a mail sees that mail's files.  ``unit_row``
    is ``unit_id``'s ``Unit`` with its addresses already loaded, when the caller has it.
    """
    with gc_paused():
        return _unit_states(session, campaign, unit_id, unit_row)


def _unit_states(session: Session, campaign: Campaign, unit_id: int | None, unit_row=None) -> list[UnitState]:
    emails: dict[int, list[str]] = {}
    if unit_row is not None:
        emails[unit_row.id] = [a.email for a in unit_row.addresses]
        units = [(unit_row.id, unit_row.code, unit_row.name, unit_row.kind, unit_row.secretary)]
    else:
        for uid, email in repo.address_rows(session, unit_id):
            emails.setdefault(uid, []).append(email)
        units = repo.unit_rows(session, unit_id)
    subs: dict[int, list[SubmissionView]] = {}
    for (
        sid,
        uid,
        deliverable,
        nid,
        status,
        received_at,
        problems,
        filename,
        sha,
        candidates,
        signatures,
    ) in repo.current_submission_rows(session, campaign.id, unit_id):
        subs.setdefault(uid, []).append(
            SubmissionView(
                sid,
                deliverable,
                nid,
                status,
                received_at,
                filename,
                sha,
                _problems(problems),
                tuple(candidates or ()),
                signatures=tuple(signatures or ()),
            )
        )
    _date_first_copies(session, campaign, unit_id, subs)
    noms: dict[int, list[NominationView]] = {}
    for nid, uid, kind, name, pending in repo.nomination_rows(session, campaign.id, unit_id):
        noms.setdefault(uid, []).append(NominationView(nid, kind, name, awaiting_sender=pending is not None))
    ext: dict[int, dict] = {}
    for uid, deliverable, deadline_id, until in repo.extension_rows(session, campaign.id, unit_id):
        ext.setdefault(uid, {})[(deliverable, deadline_id)] = until
    tracker = Tracker(campaign)
    return [
        tracker.state(
            UnitInfo(code, name, kind, tuple(emails.get(uid, ())), secretary, id=uid),
            subs.get(uid, []),
            noms.get(uid, []),
            ext.get(uid, {}),
        )
        for uid, code, name, kind, secretary in units
    ]


def _date_first_copies(
    session: Session, campaign: Campaign, unit_id: int | None, subs: dict[int, list[SubmissionView]]
) -> None:
    """Give each current file the arrival of the first usable copy it replaced (lateness)."""
    if campaign.late_when != "first_copy":
        return
    history = [
        ReplacedFile(
            sid,
            by,
            deliverable,
            received_at,
            status in ("received", "needs_review") and not is_unusable(p["code"] for p in problems or ()),
        )
        for sid, by, deliverable, status, received_at, problems in repo.replaced_submission_rows(
            session, campaign.id, unit_id
        )
    ]
    if not history:
        return
    firsts = first_arrivals(history, ((s.id, s.deliverable) for views in subs.values() for s in views))
    for views in subs.values():
        views[:] = [replace(s, first_arrival=firsts[s.id]) if s.id in firsts else s for s in views]


def load_unit_state(session: Session, campaign: Campaign, unit: Unit) -> UnitState:
    """The unit's tracking state, counting everything flushed in ``session`` so far."""
    # The unit and its addresses are read from ``unit`` when they are loaded already.
    loaded = "addresses" in unit.__dict__
    [state] = load_unit_states(session, campaign, unit.id, unit if loaded else None)
    return state


def load_snapshot(session: Session, campaign: Campaign) -> Snapshot:
    review = [ReviewItem(*row) for row in repo.review_rows(session)]
    return Snapshot(load_unit_states(session, campaign), review, repo.message_counts(session))
