"""Small repository functions over the models: the queries the services share.

Loading functions use a fixed number of queries whatever the number of units
(eager loading with ``selectinload``), so status, reminders and the digest scale.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.campaign.units import UnitInfo, normalize_email
from bot.store.models import (
    AuditLog,
    Extension,
    MailboxState,
    Message,
    Nomination,
    OutboxMail,
    Submission,
    Unit,
    UnitAddress,
    UnitAlias,
)


def audit(
    session: Session, now: datetime, actor: str, action: str, entity: str, entity_id: Any, **detail: Any
) -> None:
    session.add(
        AuditLog(
            at=now,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            detail=detail,
        )
    )


# -- units ------------------------------------------------------------------------------
def import_units(
    session: Session, units: Iterable[UnitInfo], now: datetime, actor: str = "cli"
) -> tuple[int, int]:
    """Insert or update units by code (addresses and aliases replaced); returns (added, updated)."""
    existing = {u.code: u for u in session.scalars(select(Unit).options(selectinload(Unit.addresses)))}
    added = updated = 0
    for info in units:
        unit = existing.get(info.code)
        if unit is None:
            unit = Unit(code=info.code, name=info.name, kind=info.kind, secretary=info.secretary)
            session.add(unit)
            added += 1
        else:
            unit.name, unit.kind, unit.secretary = info.name, info.kind, info.secretary
            unit.addresses.clear()
            unit.aliases.clear()
            updated += 1
    # Flush the removals first so an address moving between units does not collide.
    session.flush()
    for info in units:
        unit = existing.get(info.code) or session.scalars(select(Unit).where(Unit.code == info.code)).one()
        unit.addresses.extend(UnitAddress(email=e) for e in info.emails)
        unit.aliases.extend(UnitAlias(alias=a) for a in info.aliases)
    audit(session, now, actor, "units_import", "unit", None, added=added, updated=updated)
    return added, updated


def load_units(session: Session, active_only: bool = True) -> list[Unit]:
    q = select(Unit).options(selectinload(Unit.addresses), selectinload(Unit.aliases)).order_by(Unit.code)
    if active_only:
        q = q.where(Unit.active.is_(True))
    return list(session.scalars(q))


def unit_infos(units: Iterable[Unit]) -> list[UnitInfo]:
    return [
        UnitInfo(
            u.code,
            u.name,
            u.kind,
            tuple(a.email for a in u.addresses),
            u.secretary,
            tuple(a.alias for a in u.aliases),
        )
        for u in units
    ]


def add_unit_address(session: Session, unit: Unit, email: str, now: datetime, actor: str) -> bool:
    email = normalize_email(email)
    owner = session.scalars(select(UnitAddress).where(UnitAddress.email == email)).first()
    if owner is not None:
        return False
    unit.addresses.append(UnitAddress(email=email))
    audit(session, now, actor, "unit_add_address", "unit", unit.code, email=email)
    return True


# -- mailbox state ----------------------------------------------------------------------
def mailbox_state(session: Session, mailbox: str) -> MailboxState | None:
    return session.scalars(select(MailboxState).where(MailboxState.mailbox == mailbox)).first()


# -- what the status, reminders and digest read ------------------------------------------
def current_submissions(session: Session, campaign: str) -> list[Submission]:
    """Submissions not superseded, with their file and message, in arrival order."""
    q = (
        select(Submission)
        .where(Submission.campaign == campaign, Submission.superseded_by_id.is_(None))
        .options(selectinload(Submission.attachment), selectinload(Submission.message))
        .order_by(Submission.received_at, Submission.id)
    )
    return list(session.scalars(q))


def nominations(session: Session, campaign: str) -> list[Nomination]:
    return list(
        session.scalars(select(Nomination).where(Nomination.campaign == campaign).order_by(Nomination.id))
    )


def extensions(session: Session, campaign: str) -> list[Extension]:
    return list(
        session.scalars(select(Extension).where(Extension.campaign == campaign).order_by(Extension.id))
    )


def review_messages(session: Session) -> list[Message]:
    q = (
        select(Message)
        .where(Message.needs_review.is_(True))
        .options(selectinload(Message.suggested_unit), selectinload(Message.attachments))
        .order_by(Message.received_at, Message.id)
    )
    return list(session.scalars(q))


def message_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Message.state, func.count()).group_by(Message.state)).all()
    by_state = {state: n for state, n in rows}
    return {
        "messages_seen": sum(by_state.values()),
        "messages_processed": sum(n for s, n in by_state.items() if s != "quarantined"),
        "messages_quarantined": by_state.get("quarantined", 0),
    }


def outbox_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(OutboxMail.state, func.count()).group_by(OutboxMail.state)).all()
    return {state: n for state, n in rows}
