"""Small repository functions over the models: the queries the rest of the bot shares.

Loading functions use a fixed number of queries whatever the number of units, so
status, reminders, the digest and the exports scale: the tracking snapshot reads plain
row tuples; the ORM loaders use ``subqueryload`` (``selectinload`` issues one statement
per 500 parents).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, aliased, selectinload, subqueryload

from bot.campaign.slots import SlotFile, new_files_by_slot, superseded
from bot.campaign.units import UnitInfo, normalize_email
from bot.store.models import (
    AttachmentRow,
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


def address_owners(session: Session, emails: Iterable[str]) -> dict[str, str]:
    """``{address: code of the unit it is registered to}`` for those of ``emails`` already registered."""
    wanted = sorted({normalize_email(e) for e in emails})
    if not wanted:
        return {}
    rows = session.execute(
        select(UnitAddress.email, Unit.code)
        .join(Unit, UnitAddress.unit_id == Unit.id)
        .where(UnitAddress.email.in_(wanted))
    )
    return {email: code for email, code in rows}


def load_units(session: Session, active_only: bool = True) -> list[Unit]:
    # subqueryload: one statement per relationship whatever the number of units
    # (selectinload would issue one per 500 parents).
    q = select(Unit).options(subqueryload(Unit.addresses), subqueryload(Unit.aliases)).order_by(Unit.code)
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
            u.id,
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


# -- intake: what the pass asks before it decides ------------------------------------------
def recorded_uid(session: Session, mailbox: str, uidvalidity: int, uid: int) -> Row | None:
    """``(id, state, message_id_header)`` of the message recorded under this UID, if any."""
    return session.execute(
        select(Message.id, Message.state, Message.message_id_header).where(
            Message.mailbox == mailbox, Message.uidvalidity == uidvalidity, Message.uid == uid
        )
    ).first()


def duplicate_of(session: Session, message_id: str | None, fingerprint: str) -> int | None:
    """The message this one is a copy of: same content fingerprint (and Message-ID, if any)."""
    q = select(Message.id).where(Message.content_sha256 == fingerprint, Message.state != "duplicate")
    if message_id:
        q = q.where(Message.message_id_header == message_id)
    return session.scalars(q.limit(1)).first()


def bot_message_units(session: Session, in_reply_to: str | None, references: Iterable[str]) -> dict[str, str]:
    """The bot's own outgoing Message-IDs a mail refers to, mapped to their unit code.

    Only the mail's ``In-Reply-To``/``References`` are looked up (one indexed query),
    never the whole outbox: that grows with every acknowledgment ever sent.
    """
    refs = {r.strip().strip("<>").strip() for r in [in_reply_to or "", *references]}
    refs.discard("")
    if not refs:
        return {}
    forms = [f for r in refs for f in (r, f"<{r}>")]
    rows = session.execute(
        select(OutboxMail.message_id_header, Unit.code)
        .join(Unit, OutboxMail.unit_id == Unit.id)
        .where(OutboxMail.message_id_header.in_(forms))
    ).all()
    return {mid: code for mid, code in rows if code}


def unit_nomination_rows(session: Session, campaign: str, unit_id: int) -> list[Row]:
    """``(id, kind, name, name_key)`` of one unit's nominations (not withdrawn), in the order
    they were proposed."""
    cols = (Nomination.id, Nomination.kind, Nomination.name, Nomination.name_key)
    return _campaign_rows(session, Nomination, cols, campaign, unit_id, Nomination.withdrawn_at.is_(None))


def unit_has_current(session: Session, campaign: str, unit_id: int, deliverable: str) -> bool:
    """Whether the unit has a current file of ``deliverable`` (its proposal, say)."""
    q = select(Submission.id).where(
        Submission.campaign == campaign,
        Submission.unit_id == unit_id,
        Submission.deliverable == deliverable,
        Submission.superseded_by_id.is_(None),
        Submission.status.in_(("received", "needs_review")),
    )
    return session.execute(q.limit(1)).first() is not None


# -- what the status, reminders, digest and exports read ---------------------------------
# Plain row tuples (Core ``select`` of columns), never ORM objects: building entities with
# their identity map for 5,000 units and 15,000 nominations was most of ``status``'s time.
# Each function is one statement whatever the number of units; ``unit_id`` narrows it to
# one unit (the acknowledgment path), so both paths run the same queries.
def unit_rows(session: Session, unit_id: int | None = None, active_only: bool = True) -> list[Row]:
    """``(id, code, name, kind, secretary)`` in code order."""
    q = select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.secretary).order_by(Unit.code)
    if unit_id is not None:
        q = q.where(Unit.id == unit_id)
    elif active_only:
        q = q.where(Unit.active.is_(True))
    return list(session.execute(q))


def address_rows(session: Session, unit_id: int | None = None) -> list[Row]:
    """``(unit_id, email)`` in registration order."""
    q = select(UnitAddress.unit_id, UnitAddress.email).order_by(UnitAddress.id)
    if unit_id is not None:
        q = q.where(UnitAddress.unit_id == unit_id)
    return list(session.execute(q))


def current_submission_rows(session: Session, campaign: str, unit_id: int | None = None) -> list[Row]:
    """Submissions not superseded, tied to a unit and a deliverable, with their file, in arrival order.

    ``(id, unit_id, deliverable, nomination_id, status, received_at, problems, filename, sha256,
    candidates, signatures)``; ``signatures`` is the file's verified digital signatures (JSON list)
    or None.
    """
    q = (
        select(
            Submission.id,
            Submission.unit_id,
            Submission.deliverable,
            Submission.nomination_id,
            Submission.status,
            Submission.received_at,
            Submission.problems,
            AttachmentRow.filename,
            AttachmentRow.sha256,
            Submission.candidates,
            AttachmentRow.facts["signatures"],
        )
        .join(AttachmentRow, Submission.attachment_id == AttachmentRow.id)
        .outerjoin(Nomination, Submission.nomination_id == Nomination.id)
        .where(
            Submission.campaign == campaign,
            Submission.superseded_by_id.is_(None),
            Submission.unit_id.is_not(None),
            Submission.deliverable.is_not(None),
            Nomination.withdrawn_at.is_(None),  # a withdrawn nominee's files are history
        )
        .order_by(Submission.received_at, Submission.id)
    )
    if unit_id is not None:
        q = q.where(Submission.unit_id == unit_id)
    return list(session.execute(q))


def replaced_submission_rows(session: Session, campaign: str, unit_id: int | None = None) -> list[Row]:
    """``(id, superseded_by_id, deliverable, status, received_at, problems)`` of history files."""
    cols = (
        Submission.id,
        Submission.superseded_by_id,
        Submission.deliverable,
        Submission.status,
        Submission.received_at,
        Submission.problems,
    )
    return _campaign_rows(
        session, Submission, cols, campaign, unit_id, Submission.superseded_by_id.is_not(None)
    )


def nomination_rows(session: Session, campaign: str, unit_id: int | None = None) -> list[Row]:
    """``(id, unit_id, kind, name, pending_message_id)`` of the nominations not withdrawn,
    in the order proposed."""
    cols = (
        Nomination.id,
        Nomination.unit_id,
        Nomination.kind,
        Nomination.name,
        Nomination.pending_message_id,
    )
    return _campaign_rows(session, Nomination, cols, campaign, unit_id, Nomination.withdrawn_at.is_(None))


def extension_rows(session: Session, campaign: str, unit_id: int | None = None) -> list[Row]:
    """``(unit_id, deliverable, deadline_id, until)``, oldest first (a later grant wins)."""
    cols = (Extension.unit_id, Extension.deliverable, Extension.deadline_id, Extension.until)
    return _campaign_rows(session, Extension, cols, campaign, unit_id)


def _campaign_rows(
    session: Session, model, cols: tuple, campaign: str, unit_id: int | None, *where: Any
) -> list[Row]:
    """``cols`` of ``model``'s rows in ``campaign`` (one unit's only, if given), by id."""
    q = select(*cols).where(model.campaign == campaign, *where).order_by(model.id)
    if unit_id is not None:
        q = q.where(model.unit_id == unit_id)
    return list(session.execute(q))


def review_rows(session: Session) -> list[Row]:
    """Mail waiting for staff, oldest first, with the suggested unit and the number of files.

    ``(id, message_id_header, received_at, sender, subject, state, review_reason,
    suggested_code, suggested_name, files, unit_name)`` (``unit_name``: the unit the mail is
    already tied to, a registered sender's).
    """
    files = (
        select(func.count(AttachmentRow.id))
        .where(AttachmentRow.message_id == Message.id)
        .correlate(Message)
        .scalar_subquery()
    )
    own = aliased(Unit)
    q = (
        select(
            Message.id,
            Message.message_id_header,
            Message.received_at,
            Message.sender,
            Message.subject,
            Message.state,
            Message.review_reason,
            Unit.code,
            Unit.name,
            files,
            own.name,
        )
        .outerjoin(Unit, Message.suggested_unit_id == Unit.id)
        .outerjoin(own, Message.unit_id == own.id)
        .where(Message.needs_review.is_(True))
        .order_by(Message.received_at, Message.id)
    )
    return list(session.execute(q))


def unit_extensions(session: Session, campaign_id: str, unit_id: int) -> dict:
    """``{(deliverable or None, deadline_id): until}`` for one unit."""
    rows = session.scalars(
        select(Extension)
        .where(Extension.campaign == campaign_id, Extension.unit_id == unit_id)
        .order_by(Extension.id)
    )
    return {(e.deliverable, e.deadline_id): e.until for e in rows}


def supersede_slots(
    session: Session, campaign_id: str, unit_id: int, message: Message, created: list[Submission]
) -> None:
    """Apply the rule of which file counts (:mod:`bot.campaign.slots`) to ``message``'s new files.

    Loads each slot the new files fall in and marks what stops counting superseded.
    """
    created_by_id = {s.id: s for s in created}
    for (deliverable, nomination_id), mine in new_files_by_slot(map(_slot_file, created)).items():
        same_nominee = (
            Submission.nomination_id.is_(None)
            if nomination_id is None
            else Submission.nomination_id == nomination_id
        )
        others = {
            s.id: s
            for s in session.scalars(
                select(Submission).where(
                    Submission.campaign == campaign_id,
                    Submission.unit_id == unit_id,
                    Submission.deliverable == deliverable,
                    same_nominee,
                    Submission.superseded_by_id.is_(None),
                    Submission.message_id != message.id,
                )
            )
            if s.id not in created_by_id
        }
        decided = superseded(mine, [_slot_file(s) for s in others.values()], message.received_at)
        for sid, by in decided.items():
            (created_by_id.get(sid) or others[sid]).superseded_by_id = by


def _slot_file(s: Submission) -> SlotFile:
    return SlotFile(s.id, s.deliverable, s.nomination_id, s.received_at, s.status)


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


def unit_threads(session: Session, campaign: str, unit_id: int | None = None) -> dict[int, list[str]]:
    """Per unit, the thread a new mail to it joins: the Message-IDs of its latest
    acknowledgment's thread, oldest first, ending with the acknowledgment itself.

    A unit never acknowledged joins the thread of the latest reminder or notice it got.
    Two statements whatever the number of units.
    """
    latest = (
        select(OutboxMail.unit_id, OutboxMail.kind, func.max(OutboxMail.id).label("last"))
        .where(
            OutboxMail.unit_id.is_not(None),
            OutboxMail.kind.in_(("ack", "reminder", "overdue", "notice")),
            (OutboxMail.campaign == campaign) | OutboxMail.campaign.is_(None),
        )
        .group_by(OutboxMail.unit_id, OutboxMail.kind)
    )
    if unit_id is not None:
        latest = latest.where(OutboxMail.unit_id == unit_id)
    best: dict[int, tuple[bool, int]] = {}
    for uid, kind, last in session.execute(latest):
        rank = (kind == "ack", last)
        if uid not in best or rank > best[uid]:
            best[uid] = rank
    if not best:
        return {}
    rows = session.execute(
        select(
            OutboxMail.unit_id, OutboxMail.message_id_header, Message.message_id_header, Message.references
        )
        .outerjoin(Message, OutboxMail.in_reply_to_message_id == Message.id)
        .where(OutboxMail.id.in_([last for _, last in best.values()]))
    )
    threads: dict[int, list[str]] = {}
    for uid, own_id, parent_id, parent_refs in rows:
        chain = [*(parent_refs or []), parent_id] if parent_id else []
        threads[uid] = [r for r in dict.fromkeys([*chain, own_id]) if r]
    return threads


def outbox_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(OutboxMail.state, func.count()).group_by(OutboxMail.state)).all()
    return {state: n for state, n in rows}
