"""Moving a file: staff put a received file where it belongs, in one step.

A file counted as the wrong deliverable, for the wrong nominee or even for the wrong
unit is *moved*: a new submission of the same file (same mail, same arrival time, so
lateness is judged as before, against the new unit's deadline) takes its place, and the
old one becomes history under it.  What the file had replaced in its old place counts
again (:func:`bot.staff.review.restore_superseded`); in its new place the rule of which
file counts applies as at intake (:func:`bot.store.repo.supersede_slots`), so a file
moved next to a newer one becomes history at once, and staff are told.  Tracking reads
the current rows, so the unit's status, reminders, the digest and the exports follow.
Every move is audited with where the file was and where it went.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.tracking import due_date
from bot.staff.errors import StaffError
from bot.staff.review import (
    nomination_of_unit,
    restore_superseded,
    settle,
    unit_by_code,
    unit_extensions,
)
from bot.staff.verdicts import get_submission
from bot.store import nominations, repo
from bot.store.models import Nomination, Submission, Unit


@dataclass
class Moved:
    old: Submission
    new: Submission
    shadowed: bool  # a newer file already counts in the new place: the moved one is history


def _place(campaign: Campaign, s: Submission) -> dict:
    return {
        "unit": s.unit.code if s.unit else None,
        "deliverable": s.deliverable,
        "nominee": s.nomination.name if s.nomination else None,
    }


def _nominee_for(
    session: Session,
    campaign: Campaign,
    unit: Unit,
    deliverable: str,
    current: Nomination | None,
    nomination_id: int | None,
    name: str | None,
    kind: str | None,
    now: dt.datetime,
) -> Nomination | None:
    spec = campaign.deliverable(deliverable)
    if spec.scope != "nominee":
        return None
    if nomination_id is not None:
        chosen = nomination_of_unit(session, unit, nomination_id)
    elif name:
        if kind not in spec.nominee_kinds:
            raise StaffError(
                f"say the kind of the new nominee {name!r}",
                f"Cần chọn “{name}” là tập thể hay cá nhân.",
            )
        chosen = nominations.find_or_create_nomination(session, campaign.id, unit.id, kind, name, now)
        if chosen.withdrawn_at is not None:
            raise StaffError(
                f"{name!r} was withdrawn", f"“{chosen.name}” đã bị rút; cần khôi phục trước khi chọn."
            )
    elif current is not None and current.unit_id == unit.id and current.withdrawn_at is None:
        chosen = current
    else:
        raise StaffError(
            "say which nominee the file is for",
            f"{spec.name} là hồ sơ của từng tập thể, cá nhân: cần chọn của ai.",
        )
    if chosen.kind not in spec.nominee_kinds:
        raise StaffError(
            f"{deliverable} is not for a {chosen.kind}",
            f"{spec.name} không áp dụng cho {'tập thể' if chosen.kind == 'tap_the' else 'cá nhân'}.",
        )
    return chosen


def move_file(
    session: Session,
    campaign: Campaign,
    submission_id: int,
    now: dt.datetime,
    actor: str,
    *,
    unit_code: str | None = None,
    deliverable: str | None = None,
    nomination_id: int | None = None,
    nominee_name: str | None = None,
    nominee_kind: str | None = None,
    keep_status: bool = False,
) -> Moved:
    """Put a current file under another unit, deliverable or nominee (any of the three).

    Staff placing a file accept it (``received``); ``keep_status`` keeps a file waiting for
    review waiting (a merge of two nominees decides nothing about the file itself)."""
    old = get_submission(session, submission_id)
    if old.superseded_by_id is not None:
        raise StaffError(
            f"submission {old.id} is history (replaced by {old.superseded_by_id})",
            "Tệp này đã được thay bằng bản mới hơn; chỉ chuyển được bản đang dùng.",
        )
    if old.status == "rejected":
        raise StaffError(f"submission {old.id} was refused", "Tệp này đã bị từ chối.")
    unit = unit_by_code(session, unit_code) if unit_code else old.unit
    if unit is None:
        raise StaffError("say which unit the file is for", "Cần chọn đơn vị.")
    target = deliverable or old.deliverable
    if target is None:
        raise StaffError("say which deliverable the file is", "Cần chọn loại hồ sơ.")
    try:
        campaign.deliverable(target)
    except KeyError:
        raise StaffError(f"unknown deliverable {target!r}", f"Không có loại hồ sơ “{target}”.") from None
    nomination = _nominee_for(
        session, campaign, unit, target, old.nomination, nomination_id, nominee_name, nominee_kind, now
    )
    if (unit.id, target, nomination.id if nomination else None) == (
        old.unit_id,
        old.deliverable,
        old.nomination_id,
    ):
        raise StaffError("nothing to change", "Tệp đã ở đúng chỗ này; không có gì thay đổi.")
    before = _place(campaign, old)
    ext = unit_extensions(session, campaign, unit)
    new = Submission(
        campaign=campaign.id,
        unit_id=unit.id,
        deliverable=target,
        nomination_id=nomination.id if nomination else None,
        attachment_id=old.attachment_id,
        message_id=old.message_id,
        received_at=old.received_at,
        status=old.status if keep_status else "received",
        late=old.received_at > due_date(campaign, target, ext),
        score=1.0,
        evidence=[f"moved by {actor}"],
        problems=list(old.problems or []),
        verdict=old.verdict if keep_status else "accepted",
        created_at=now,
    )
    session.add(new)
    session.flush()
    old.superseded_by_id = new.id
    restore_superseded(session, old)
    repo.supersede_slots(session, campaign.id, unit.id, old.message, [new])
    session.flush()
    if old.message.unit_id is None or old.message.needs_review:
        old.message.unit_id = old.message.unit_id or unit.id
        settle(session, old.message)
    session.refresh(new)
    after = {"unit": unit.code, "deliverable": target, "nominee": nomination.name if nomination else None}
    repo.audit(
        session,
        now,
        actor,
        "file_move",
        "submission",
        new.id,
        filename=old.attachment.filename,
        previous=before,
        now_at=after,
        replaced=old.id,
        shadowed=new.superseded_by_id is not None,
    )
    return Moved(old, new, new.superseded_by_id is not None)


def unit_nominations(session: Session, campaign: Campaign, unit_id: int) -> list[Nomination]:
    """The unit's nominees still proposed, in the order they were proposed (form choices)."""
    return list(
        session.scalars(
            select(Nomination)
            .where(
                Nomination.campaign == campaign.id,
                Nomination.unit_id == unit_id,
                Nomination.withdrawn_at.is_(None),
            )
            .order_by(Nomination.id)
        )
    )
