"""Staff corrections to a unit's nominees: rename, merge two into one, withdraw, restore.

A nominee is a ``nominations`` row; its files point at it.  Renaming changes the name
(and the key that groups every spelling of it) in place, so every file follows.  Merging
moves the current files of one nominee to the other (:func:`bot.staff.files.move_file`,
so the rule of which file counts applies) and withdraws the first, which stays as
history.  Withdrawing takes a nominee off the list (its files become history; tracking,
reminders and exports stop asking for it); restoring undoes that.  Every change is
audited with the names before and after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import NOMINEE_KINDS, Campaign
from bot.staff.errors import StaffError
from bot.staff.files import move_file
from bot.store import repo
from bot.store.models import Nomination, Submission, Unit
from bot.text import nominee_key
from bot.vocabulary import nominee_kind_vi


@dataclass
class Merged:
    source: Nomination
    target: Nomination
    files: int


def get_nomination(session: Session, nomination_id: int) -> Nomination:
    n = session.get(Nomination, nomination_id)
    if n is None:
        raise StaffError(f"no nomination {nomination_id}", f"Không có tập thể, cá nhân số {nomination_id}.")
    return n


def _unit_code(session: Session, n: Nomination) -> str:
    return session.scalar(select(Unit.code).where(Unit.id == n.unit_id)) or ""


def rename_nominee(
    session: Session, nomination_id: int, name: str, now: dt.datetime, actor: str, kind: str | None = None
) -> Nomination:
    """Correct a nominee's name (and kind); another nominee of the unit under the same
    name is a case for merging, said so."""
    n = get_nomination(session, nomination_id)
    name = " ".join((name or "").split())
    if not name:
        raise StaffError("a name is required", "Cần ghi tên tập thể, cá nhân.")
    kind = kind or n.kind
    if kind not in NOMINEE_KINDS:
        raise StaffError(f"unknown kind {kind!r}", "Cần chọn tập thể hoặc cá nhân.")
    key = nominee_key(name)
    if (name, kind) == (n.name, n.kind):
        raise StaffError("nothing to change", "Tên không thay đổi.")
    clash = session.scalars(
        select(Nomination).where(
            Nomination.campaign == n.campaign,
            Nomination.unit_id == n.unit_id,
            Nomination.kind == kind,
            Nomination.name_key == key,
            Nomination.id != n.id,
        )
    ).first()
    if clash is not None:
        how = "khôi phục" if clash.withdrawn_at is not None else "gộp hai tên làm một"
        raise StaffError(
            f"{name!r} is nomination {clash.id} of the same unit",
            f"Đơn vị đã có {nominee_kind_vi(kind)} “{clash.name}”: cần {how} thay vì đổi tên.",
        )
    before = {"name": n.name, "kind": n.kind}
    n.name, n.name_key, n.kind = name, key, kind
    repo.audit(
        session,
        now,
        actor,
        "nominee_rename",
        "nomination",
        n.id,
        unit=_unit_code(session, n),
        previous=before,
        name=name,
        kind=kind,
    )
    return n


def merge_nominees(
    session: Session, campaign: Campaign, source_id: int, target_id: int, now: dt.datetime, actor: str
) -> Merged:
    """One nominee under two names: ``source``'s files go to ``target``, ``source`` is
    withdrawn (kept as history)."""
    source, target = get_nomination(session, source_id), get_nomination(session, target_id)
    if source.id == target.id:
        raise StaffError("a nominee cannot merge with itself", "Cần chọn hai tên khác nhau.")
    if source.unit_id != target.unit_id:
        raise StaffError("nominees of two units", "Chỉ gộp được hai tên của cùng một đơn vị.")
    if target.withdrawn_at is not None:
        raise StaffError("target withdrawn", f"“{target.name}” đã bị rút; cần khôi phục trước.")
    current = list(
        session.scalars(
            select(Submission)
            .where(
                Submission.nomination_id == source.id,
                Submission.superseded_by_id.is_(None),
                Submission.status.in_(("received", "needs_review")),
            )
            .order_by(Submission.received_at, Submission.id)
        )
    )
    for s in current:
        move_file(session, campaign, s.id, now, actor, nomination_id=target.id, keep_status=True)
    # Files waiting for review that may be the source's may be the target's.
    for s in session.scalars(
        select(Submission).where(
            Submission.unit_id == source.unit_id,
            Submission.superseded_by_id.is_(None),
            Submission.candidates.is_not(None),
        )
    ):
        if source.id in (s.candidates or []):
            s.candidates = list(dict.fromkeys(target.id if i == source.id else i for i in s.candidates))
    source.withdrawn_at = now
    repo.audit(
        session,
        now,
        actor,
        "nominee_merge",
        "nomination",
        target.id,
        unit=_unit_code(session, target),
        source=source.name,
        target=target.name,
        files=len(current),
    )
    return Merged(source, target, len(current))


def withdraw_nominee(
    session: Session, nomination_id: int, reason: str, now: dt.datetime, actor: str
) -> Nomination:
    """Take a nominee off the unit's list: its files become history, nothing more is asked of it."""
    n = get_nomination(session, nomination_id)
    if n.withdrawn_at is not None:
        raise StaffError("already withdrawn", f"“{n.name}” đã được rút trước đó.")
    if not (reason or "").strip():
        raise StaffError("a reason is required", "Cần ghi lý do rút tên.")
    n.withdrawn_at = now
    repo.audit(
        session,
        now,
        actor,
        "nominee_withdraw",
        "nomination",
        n.id,
        unit=_unit_code(session, n),
        name=n.name,
        reason=reason.strip(),
    )
    return n


def restore_nominee(session: Session, nomination_id: int, now: dt.datetime, actor: str) -> Nomination:
    """Undo a withdrawal: the nominee and the files it had count again."""
    n = get_nomination(session, nomination_id)
    if n.withdrawn_at is None:
        raise StaffError("not withdrawn", f"“{n.name}” đang có trong danh sách.")
    n.withdrawn_at = None
    repo.audit(
        session, now, actor, "nominee_restore", "nomination", n.id, unit=_unit_code(session, n), name=n.name
    )
    return n
