"""Load the campaign's tracking state from the database in a fixed number of queries.

The result (:class:`Snapshot`) is plain data that status, reminders, the digest and
the exports read; none of them query the database unit by unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.problems import Problem
from bot.campaign.tracking import NominationView, SubmissionView, UnitState, UnitView, unit_state
from bot.store import repo
from bot.store.models import Message, Unit


@dataclass
class Snapshot:
    units: list[UnitState]
    review: list[Message]
    counts: dict[str, int]
    unit_rows: dict[str, Unit]


def unit_view(u: Unit) -> UnitView:
    return UnitView(u.code, u.name, u.kind, tuple(a.email for a in u.addresses), u.secretary)


def submission_view(s) -> SubmissionView:
    return SubmissionView(
        id=s.id,
        deliverable=s.deliverable,
        nomination_id=s.nomination_id,
        status=s.status,
        received_at=s.received_at,
        filename=s.attachment.filename,
        sha256=s.attachment.sha256,
        problems=tuple(Problem(p["code"], p["message"], p.get("filename")) for p in s.problems or []),
    )


def load_snapshot(session: Session, campaign: Campaign) -> Snapshot:
    units = repo.load_units(session)
    subs_by_unit: dict[int, list[SubmissionView]] = {}
    for s in repo.current_submissions(session, campaign.id):
        if s.unit_id is not None and s.deliverable is not None:
            subs_by_unit.setdefault(s.unit_id, []).append(submission_view(s))
    noms_by_unit: dict[int, list[NominationView]] = {}
    for n in repo.nominations(session, campaign.id):
        noms_by_unit.setdefault(n.unit_id, []).append(NominationView(n.id, n.kind, n.name))
    ext_by_unit: dict[int, dict] = {}
    for e in repo.extensions(session, campaign.id):
        ext_by_unit.setdefault(e.unit_id, {})[(e.deliverable, e.deadline_id)] = e.until
    states = [
        unit_state(
            campaign,
            unit_view(u),
            subs_by_unit.get(u.id, []),
            noms_by_unit.get(u.id, []),
            ext_by_unit.get(u.id, {}),
        )
        for u in units
    ]
    return Snapshot(
        states, repo.review_messages(session), repo.message_counts(session), {u.code: u for u in units}
    )
