"""The unit's nominations as rows: found by their folded name, renamed, withdrawn,
confirmed or dropped when they waited for staff to confirm their sender (all audited).

One place for these writes, so intake (:mod:`bot.pipeline.record`) and the staff's
verdicts (:mod:`bot.staff`) keep a nominee as one row however its name was spelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.models import Nomination
from bot.store.repo import audit
from bot.text import nominee_key


def rename_nomination(session: Session, nomination_id: int, name: str, key: str, now: datetime) -> None:
    """Give a nomination the spelling of the unit's proposal (audited)."""
    n = session.get(Nomination, nomination_id)
    if n is None or n.name == name:
        return
    audit(session, now, "bot", "nomination_renamed", "nomination", n.id, old=n.name, new=name)
    n.name, n.name_key = name, key


def withdraw_nominations(session: Session, ids: Sequence[int], now: datetime, message_id: int) -> None:
    """A whole-dossier resend dropped these nominees: their files become history (audited)."""
    for n in session.scalars(select(Nomination).where(Nomination.id.in_(ids))):
        n.withdrawn_at = now
        audit(
            session,
            now,
            "bot",
            "nomination_withdrawn",
            "nomination",
            n.id,
            name=n.name,
            by_message=message_id,
        )


def confirm_nominations(session: Session, ids: Sequence[int], now: datetime, actor: str) -> None:
    """The nominations among ``ids`` that waited for their sender's confirmation no longer do."""
    if not ids:
        return
    for n in session.scalars(
        select(Nomination).where(Nomination.id.in_(ids), Nomination.pending_message_id.is_not(None))
    ):
        audit(session, now, actor, "nomination_confirmed", "nomination", n.id, message=n.pending_message_id)
        n.pending_message_id = None


def drop_pending_nominations(
    session: Session, message_id: int, now: datetime, actor: str, keep_unit: int | None = None
) -> None:
    """Withdraw the nominations known only from ``message_id`` (staff refused the mail, or
    recorded it for another unit than ``keep_unit``, whose ones are confirmed instead)."""
    rows = session.scalars(select(Nomination).where(Nomination.pending_message_id == message_id))
    for n in rows:
        if n.unit_id == keep_unit:
            audit(session, now, actor, "nomination_confirmed", "nomination", n.id, message=message_id)
        else:
            n.withdrawn_at = now
            audit(session, now, actor, "nomination_withdrawn", "nomination", n.id, message=message_id)
        n.pending_message_id = None


def find_or_create_nomination(
    session: Session,
    campaign_id: str,
    unit_id: int,
    kind: str,
    name: str,
    now: datetime,
    pending_message_id: int | None = None,
) -> Nomination:
    """The unit's nomination with this kind and name, matched by the folded name key.

    ``pending_message_id``: a new one is known only from that mail, whose sender staff
    have not confirmed (:attr:`Nomination.pending_message_id`).
    """
    key = nominee_key(name)
    found = session.scalars(
        select(Nomination).where(
            Nomination.campaign == campaign_id,
            Nomination.unit_id == unit_id,
            Nomination.kind == kind,
            Nomination.name_key == key,
        )
    ).first()
    if found is not None:
        return found
    n = Nomination(
        campaign=campaign_id,
        unit_id=unit_id,
        kind=kind,
        name=name.strip(),
        name_key=key,
        created_at=now,
        pending_message_id=pending_message_id,
    )
    session.add(n)
    session.flush()
    return n
