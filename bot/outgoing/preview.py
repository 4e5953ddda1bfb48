"""``intake-bot preview KIND --unit CODE``: render one template without queueing anything.

Data comes from the database when there is some (the unit's latest acknowledged mail,
what it still owes, today's digest); otherwise from :mod:`bot.outgoing.samples`, so staff
can check their wording before the first mail arrives.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.app import App
from bot.campaign.planning import PlannedMail, missing_items, reminder_key
from bot.errors import BotError
from bot.outgoing.acks import ACK_CATEGORIES, ack_context
from bot.outgoing.digest import IntakeHealth, build_digest
from bot.outgoing.reminders import reminder_context
from bot.outgoing.render import mail_renderer
from bot.outgoing.samples import sample_context
from bot.reporting.snapshot import load_unit_state
from bot.store.models import Message, Unit


def _unit(session: Session, code: str | None) -> Unit | None:
    if code is None:
        return None
    unit = session.scalars(
        select(Unit).where(Unit.code == code).options(selectinload(Unit.addresses))
    ).first()
    if unit is None:
        raise BotError(f"no unit with code {code}")
    return unit


def _reminder_from_db(
    app: App, session: Session, unit: Unit, kind: str, now: dt.datetime
) -> dict[str, Any] | None:
    campaign = app.campaign
    state = load_unit_state(session, campaign, unit)
    items = missing_items(campaign, state)
    if not items:
        return None
    # A reminder previews the next deadline still ahead; an overdue notice the earliest one.
    ahead = [i for i in items if i.due >= now]
    first = (
        min(ahead or items, key=lambda i: i.due) if kind == "reminder" else min(items, key=lambda i: i.due)
    )
    group = tuple(i for i in items if (i.deadline_id, i.due) == (first.deadline_id, first.due))
    offset = 1 if kind == "reminder" else -1
    plan = PlannedMail(
        key=reminder_key(
            campaign.id, unit.code, first.deadline_id, first.due.astimezone(campaign.tz).date(), offset
        ),
        kind=kind,
        unit_code=unit.code,
        deadline_id=first.deadline_id,
        offset=offset,
        due=first.due,
        moment=now,
        recipients=tuple(a.email for a in unit.addresses),
        missing=group,
        state=state,
    )
    return reminder_context(app, plan, now)


def preview(
    app: App, kind: str, unit_code: str | None, now: dt.datetime, health: IntakeHealth
) -> tuple[str, str, str, str]:
    """``(subject, text, html, source)`` where ``source`` says where the data came from.

    ``health`` is the intake verdict the digest shows (:mod:`bot.pipeline.health`).
    """
    r = mail_renderer(app)
    with app.db.session() as s:
        unit = _unit(s, unit_code)
        ctx: dict[str, Any] | None = None
        source = "sample"
        if kind == "digest":
            d = build_digest(app, s, now, health)
            return d.subject, d.text, d.html, "database"
        if kind == "ack" and unit is not None:
            row = s.scalars(
                select(Message)
                .where(
                    Message.unit_id == unit.id,
                    Message.state == "processed",
                    Message.category.in_(ACK_CATEGORIES),
                )
                .order_by(Message.received_at.desc(), Message.id.desc())
            ).first()
            if row is not None:
                ctx, source = ack_context(app, s, row, unit, now), f"message #{row.id}"
        elif kind in ("reminder", "overdue") and unit is not None:
            ctx = _reminder_from_db(app, s, unit, kind, now)
            source = "database" if ctx is not None else "sample (the unit owes nothing)"
        if ctx is None:
            ctx = sample_context(kind, app.settings, app.campaign, now)
        subject, text, html = r.render(kind, ctx)
    return subject, text, html, source
