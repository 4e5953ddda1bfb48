"""Deadline extensions granted to one unit.

An :class:`~bot.store.models.Extension` row moves one unit's deadline: for one
deliverable (``deliverable`` set) or for every deliverable of a deadline (``None``).
:func:`bot.campaign.tracking.due_date` reads them, so status, the digest and the
exports follow at once; reminder keys include the due date, so a new date re-arms the
reminders by itself.  What is stored on rows — the ``late`` flag of submissions
already received — is recomputed here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.tracking import due_date
from bot.staff.errors import StaffError
from bot.staff.review import unit_by_code, unit_extensions
from bot.store import repo
from bot.store.models import Extension, Submission, Unit


def set_extension(
    session: Session,
    campaign: Campaign,
    unit: Unit,
    until: dt.date,
    now: dt.datetime,
    actor: str,
    *,
    deliverable: str | None = None,
    deadline_id: str | None = None,
) -> Extension:
    """Grant (or change) one extension and recompute the unit's late flags.

    Give ``deliverable`` for one deliverable, or ``deadline_id`` for all of a deadline's.
    An extension never moves a deadline earlier than the plan's date.
    """
    if deliverable is not None:
        try:
            deadline_id = campaign.deliverable(deliverable).deadline
        except KeyError:
            raise StaffError(
                f"unknown deliverable {deliverable!r}", f"Không có loại hồ sơ “{deliverable}”."
            ) from None
    if deadline_id is None:
        raise StaffError("say which deliverable or deadline to extend")
    try:
        planned = campaign.deadline(deadline_id)
    except KeyError:
        raise StaffError(f"unknown deadline {deadline_id!r}", f"Không có hạn “{deadline_id}”.") from None
    if until < planned.date:
        raise StaffError(
            f"{until} is before the plan's deadline {planned.date} for {deadline_id}",
            f"Ngày {until:%d/%m/%Y} sớm hơn hạn theo kế hoạch ({planned.date:%d/%m/%Y}).",
        )
    row = session.scalars(
        select(Extension).where(
            Extension.campaign == campaign.id,
            Extension.unit_id == unit.id,
            Extension.deadline_id == deadline_id,
            Extension.deliverable.is_(None) if deliverable is None else Extension.deliverable == deliverable,
        )
    ).first()
    before = row.until.isoformat() if row else None
    if row is None:
        row = Extension(
            campaign=campaign.id,
            unit_id=unit.id,
            deliverable=deliverable,
            deadline_id=deadline_id,
            until=until,
            created_at=now,
            created_by=actor,
        )
        session.add(row)
    else:
        row.until, row.created_at, row.created_by = until, now, actor
    session.flush()
    changed = recompute_late(session, campaign, unit)
    repo.audit(
        session,
        now,
        actor,
        "deadline_extend",
        "unit",
        unit.code,
        deliverable=deliverable,
        deadline=deadline_id,
        until=until.isoformat(),
        previous=before,
        late_flags_changed=changed,
    )
    return row


def recompute_late(session: Session, campaign: Campaign, unit: Unit) -> int:
    """Re-judge ``late`` on all the unit's submissions against its current deadlines."""
    ext = unit_extensions(session, campaign, unit)
    changed = 0
    subs = session.scalars(
        select(Submission).where(
            Submission.campaign == campaign.id,
            Submission.unit_id == unit.id,
            Submission.deliverable.is_not(None),
        )
    )
    for s in subs:
        late = s.received_at > due_date(campaign, s.deliverable, ext)
        if late != s.late:
            s.late = late
            changed += 1
    return changed


def extend_deadline(
    session: Session,
    campaign: Campaign,
    unit_code: str,
    until: dt.date,
    now: dt.datetime,
    actor: str,
    *,
    deliverable: str | None = None,
    deadline_id: str | None = None,
) -> list[Extension]:
    """The ``deadline extend`` command.

    With ``deliverable``: that deliverable only.  With ``deadline_id``: all of that
    deadline's deliverables.  With neither: every deadline of the plan that falls
    before ``until`` (an extension never shortens a later deadline).
    """
    unit = unit_by_code(session, unit_code)
    if deliverable is not None or deadline_id is not None:
        return [
            set_extension(
                session, campaign, unit, until, now, actor, deliverable=deliverable, deadline_id=deadline_id
            )
        ]
    targets = [d.id for d in campaign.deadlines if d.date <= until]
    if not targets:
        raise StaffError(
            f"{until} is before every deadline of the plan",
            f"Ngày {until:%d/%m/%Y} sớm hơn mọi hạn trong kế hoạch.",
        )
    return [set_extension(session, campaign, unit, until, now, actor, deadline_id=d) for d in targets]
