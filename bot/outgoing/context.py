"""Plain data the templates read, built from the tracking state (pure).

Templates never see ORM rows: they get dicts and small dataclasses built here, so
the same template renders from the database, from sample data (``preview`` and the
template tests) or from a dry run, and a lazy-load can never happen while rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.campaign.model import Campaign
from bot.campaign.tracking import COUNTED, REVIEW, UnitState


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

    A file that arrived and waits for staff review is not "missing": reminding a unit
    for something it has sent would be wrong, and staff will ask if the file is bad.
    """
    refs = {n.nomination.name: NomineeRef(n.nomination.name, n.nomination.kind) for n in state.nominations}
    ids = {n.nomination.id: n.nomination.name for n in state.nominations}
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
        pending = {ids.get(f.nomination_id) for f in d.files if f.status == REVIEW}
        lacking = [n for n in d.missing_nominees if n not in pending]
        if lacking or (d.status != REVIEW and not d.missing_nominees):
            nominees = tuple(refs.get(n) or NomineeRef(n, "") for n in lacking)
            out.append(
                MissingItem(d.type, spec.name, d.deadline_id, d.due, "nominee", nominees, spec.short_name)
            )
    return out


def by_due(items: list[MissingItem]) -> list[dict]:
    """Missing items grouped by due date (the digest's compact per-unit lines)."""
    groups: dict[dt.datetime, list[MissingItem]] = {}
    for i in items:
        groups.setdefault(i.due, []).append(i)
    return [{"due": due, "entries": groups[due]} for due in sorted(groups)]


def missing_types(items: list[MissingItem]) -> str:
    """The ``X-Intake-Missing`` header value: deliverable ids, comma-separated."""
    return ",".join(dict.fromkeys(i.type for i in items))


def base_context(settings, campaign: Campaign, now: dt.datetime) -> dict:
    """What every template may use: the office, the campaign, the moment of writing."""
    staff = settings.staff
    return {
        "office": {
            "name": staff.office_name,
            "short_name": settings.smtp.from_name,
            "phone": staff.office_phone,
            "email": settings.smtp.from_address,
        },
        "campaign": {
            "id": campaign.id,
            "reference": campaign.reference,
            "title": campaign.title,
            "issuer": campaign.issuer,
        },
        "now": now,
    }


def unit_context(state: UnitState) -> dict:
    u = state.unit
    return {"code": u.code, "name": u.name, "secretary": u.secretary, "emails": list(u.emails)}
