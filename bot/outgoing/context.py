"""Plain data the templates read, built from the tracking state (pure).

Templates never see ORM rows: they get dicts and small dataclasses built here, so
the same template renders from the database, from sample data (``preview`` and the
template tests) or from a dry run, and a lazy-load can never happen while rendering.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.campaign.model import Campaign
from bot.campaign.planning import MissingItem
from bot.campaign.tracking import UnitState
from bot.config import Settings


def by_due(items: list[MissingItem]) -> list[dict]:
    """Missing items grouped by due date (the digest's compact per-unit lines)."""
    groups: dict[dt.datetime, list[MissingItem]] = {}
    for i in items:
        groups.setdefault(i.due, []).append(i)
    return [{"due": due, "entries": groups[due]} for due in sorted(groups)]


def missing_types(items: list[MissingItem]) -> str:
    """The ``X-Intake-Missing`` header value: deliverable ids, comma-separated."""
    return ",".join(dict.fromkeys(i.type for i in items))


def base_context(settings: Settings, campaign: Campaign, now: dt.datetime) -> dict[str, Any]:
    """What every template may use: the office (with its contact person, when configured),
    the campaign (``citation``: the plan as it cites itself), the moment of writing."""
    staff = settings.staff
    return {
        "office": {
            "name": staff.office_name,
            "short_name": settings.smtp.from_name,
            "phone": staff.office_phone,
            "email": settings.smtp.from_address,
            "contact_name": staff.contact_name,
            "contact_phone": staff.contact_phone,
            "dashboard_url": staff.dashboard_url.rstrip("/"),
        },
        "campaign": {
            "id": campaign.id,
            "reference": campaign.reference,
            "title": campaign.title,
            "issuer": campaign.issuer,
            "citation": campaign.citation,
        },
        "now": now,
    }


def requirement_notes(campaign: Campaign, items: list[MissingItem]) -> list[dict[str, str]]:
    """What the plan requires of each deliverable named in ``items`` (its ``note``), once each,
    in the plan's order: said once below the list rather than inside every line."""
    named = {i.type for i in items}
    return [{"name": d.name, "note": d.note} for d in campaign.deliverables if d.id in named and d.note]


def unit_context(state: UnitState) -> dict:
    u = state.unit
    return {"code": u.code, "name": u.name, "secretary": u.secretary, "emails": list(u.emails)}
