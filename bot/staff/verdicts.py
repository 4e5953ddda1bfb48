"""Per-file verdicts: staff accept a received file, or send it back for redoing.

A file marked *redo* (status ``redo``) stops counting: tracking treats the deliverable
as missing again until the unit sends a new file, which supersedes it at intake.  The
unit is told in the thread of its original mail — which file, why, and by when — by a
``notice`` queued under the key ``redo:{submission_id}`` (so deciding twice sends one
mail).  When the date given to the unit is later than its deadline, the unit gets an
extension for that deliverable, so a file sent by that date is not flagged late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.campaign.model import Campaign
from bot.campaign.tracking import due_date
from bot.config import Settings
from bot.staff.errors import StaffError
from bot.staff.extensions import set_extension
from bot.staff.notice import RedoMail, queue_redo_notice, redo_mail
from bot.staff.review import unit_extensions
from bot.store import repo
from bot.store.models import OutboxMail, Submission, Unit

# Days a unit gets to resend when its deadline has already passed and staff name no date.
DEFAULT_REDO_DAYS = 3


@dataclass
class RedoResult:
    submission: Submission
    until: dt.date
    notice: OutboxMail | None
    extended: bool


def get_submission(session: Session, submission_id: int) -> Submission:
    s = session.scalars(
        select(Submission)
        .where(Submission.id == submission_id)
        .options(
            selectinload(Submission.attachment),
            selectinload(Submission.message),
            selectinload(Submission.nomination),
            selectinload(Submission.unit).selectinload(Unit.addresses),
        )
    ).first()
    if s is None:
        raise StaffError(f"no submission with id {submission_id}", f"Không có tệp hồ sơ số {submission_id}.")
    return s


def accept_file(session: Session, submission_id: int, now: dt.datetime, actor: str) -> Submission:
    """Confirm the file counts (also turns a file waiting for review into a counted one)."""
    s = get_submission(session, submission_id)
    if s.unit_id is None or s.deliverable is None:
        raise StaffError(
            f"submission {s.id} has no unit or type; assign its message first",
            "Tệp chưa được gán đơn vị hoặc loại hồ sơ; cần xử lý trong hàng chờ xem xét.",
        )
    before = s.status
    s.status, s.verdict, s.verdict_comment = "received", "accepted", None
    repo.audit(
        session,
        now,
        actor,
        "file_accept",
        "submission",
        s.id,
        previous_status=before,
        unit=s.unit.code if s.unit else None,
        deliverable=s.deliverable,
        filename=s.attachment.filename,
    )
    return s


def _redo_target(
    session: Session,
    campaign: Campaign,
    submission_id: int,
    comment: str,
    now: dt.datetime,
    until: dt.date | None,
) -> tuple[Submission, str, dt.date, dt.date]:
    """The file to send back, the comment, the date to resend by and the unit's deadline,
    checked; nothing is written."""
    comment = comment.strip()
    if not comment:
        raise StaffError("a comment saying what to fix is required", "Cần ghi rõ nội dung cần sửa.")
    s = get_submission(session, submission_id)
    if s.unit is None or s.deliverable is None:
        raise StaffError(
            f"submission {s.id} has no unit or type; assign its message first",
            "Tệp chưa được gán đơn vị hoặc loại hồ sơ; cần xử lý trong hàng chờ xem xét.",
        )
    if s.superseded_by_id is not None:
        raise StaffError(
            f"submission {s.id} was replaced by a newer file ({s.superseded_by_id})",
            "Tệp này đã được thay bằng bản mới hơn.",
        )
    due = due_date(campaign, s.deliverable, unit_extensions(session, campaign, s.unit)).date()
    today = now.astimezone(campaign.tz).date()
    if until is None:
        until = due if due >= today else today + dt.timedelta(days=DEFAULT_REDO_DAYS)
    if until < today:
        raise StaffError(
            f"--until {until} is in the past", f"Hạn gửi lại {until:%d/%m/%Y} đã qua; cần chọn ngày sau."
        )
    return s, comment, until, due


def preview_redo(
    session: Session,
    campaign: Campaign,
    settings: Settings,
    submission_id: int,
    comment: str,
    now: dt.datetime,
    until: dt.date | None = None,
) -> tuple[Submission, dt.date, RedoMail]:
    """The notice the unit would get for this redo, for staff to confirm; nothing is written."""
    s, comment, until, _ = _redo_target(session, campaign, submission_id, comment, now, until)
    return s, until, redo_mail(campaign, settings, s, comment, until, now)


def redo_file(
    session: Session,
    campaign: Campaign,
    settings: Settings,
    submission_id: int,
    comment: str,
    now: dt.datetime,
    actor: str,
    until: dt.date | None = None,
) -> RedoResult:
    """Mark the file "needs redoing" and queue the threaded notice to the unit."""
    s, comment, until, due = _redo_target(session, campaign, submission_id, comment, now, until)
    extended = False
    if until > due:
        set_extension(session, campaign, s.unit, until, now, actor, deliverable=s.deliverable)
        extended = True
    before = s.status
    s.status, s.verdict, s.verdict_comment = "redo", "redo", comment
    session.flush()
    notice = queue_redo_notice(session, campaign, settings, s, comment, until, now)
    repo.audit(
        session,
        now,
        actor,
        "file_redo",
        "submission",
        s.id,
        previous_status=before,
        unit=s.unit.code,
        deliverable=s.deliverable,
        filename=s.attachment.filename,
        comment=comment,
        until=until.isoformat(),
        notice=notice.id if notice else None,
    )
    return RedoResult(s, until, notice, extended)
