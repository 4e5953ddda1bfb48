"""The review queue: messages the matcher was unsure about, and the staff's decisions.

A message waits for review when its unit is unknown, its sender is not registered
(``unverified_sender``), or a file's type or nominee is uncertain.  Staff decide per
file — record it for a unit, deliverable and nominee (:func:`assign_message` with one
``attachment_ids``; a nominee chosen among those it may be for, by ``nomination_id``), or
refuse it (:func:`reject_file`) — or for the whole mail at once.  The mail leaves the
queue when every usable file has a decision (:func:`settle`).  Deciding never edits the
earlier rows: it adds new submissions and marks the earlier ones of the same slot
superseded, so the unit page keeps the whole history.  Every decision is written to the
audit log; once a mail leaves the queue its sender gets the acknowledgment intake could
not give (:func:`acknowledge_reviewed`).

All functions work in the caller's transaction; ``now`` and ``actor`` are arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.app import App
from bot.campaign.model import Campaign
from bot.campaign.tracking import due_date
from bot.campaign.units import is_email_address
from bot.outgoing.acks import queue_ack
from bot.staff.errors import StaffError
from bot.store import nominations, repo
from bot.store.models import AttachmentRow, Message, Nomination, OutboxMail, Submission, Unit
from bot.text import nominee_key
from bot.vocabulary import ProblemCode, ReviewReason

# Files refused at intake were never stored; there is nothing to count.
_UNUSABLE = {
    ProblemCode.REFUSED_TYPE,
    ProblemCode.TOO_LARGE,
    ProblemCode.ARCHIVE_LIMIT,
    ProblemCode.UNSUPPORTED_ARCHIVE,
}


@dataclass
class MessageDetail:
    """A message with its files and the submissions made from each file."""

    message: Message
    files: list[AttachmentRow]
    submissions: dict[int, list[Submission]] = field(default_factory=dict)  # attachment id -> rows
    nominee_names: dict[int, str] = field(default_factory=dict)  # candidates' nomination id -> name


@dataclass
class AssignResult:
    unit_code: str
    submissions: list[Submission]
    address_added: bool = False
    # Set when the sender was unverified and the address was not added: staff may want to.
    address_hint: str | None = None


def review_queue(session: Session) -> list[Message]:
    """Messages waiting for a staff decision, oldest first."""
    return repo.review_messages(session)


def get_message(session: Session, message_id: int) -> Message:
    m = session.scalars(
        select(Message)
        .where(Message.id == message_id)
        .options(
            selectinload(Message.attachments),
            selectinload(Message.suggested_unit),
            selectinload(Message.unit),
        )
    ).first()
    if m is None:
        raise StaffError(f"no message with id {message_id}", f"Không có thư số {message_id}.")
    return m


def message_detail(session: Session, message_id: int) -> MessageDetail:
    m = get_message(session, message_id)
    subs = session.scalars(
        select(Submission)
        .where(Submission.message_id == m.id)
        .options(selectinload(Submission.nomination), selectinload(Submission.unit))
        .order_by(Submission.id)
    )
    detail = MessageDetail(m, list(m.attachments))
    for s in subs:
        detail.submissions.setdefault(s.attachment_id, []).append(s)
    wanted = {i for rows in detail.submissions.values() for s in rows for i in (s.candidates or ())}
    if wanted:
        rows = session.execute(select(Nomination.id, Nomination.name).where(Nomination.id.in_(wanted)))
        detail.nominee_names = {i: name for i, name in rows}
    return detail


def unit_by_code(session: Session, code: str) -> Unit:
    unit = session.scalars(select(Unit).where(Unit.code == code)).first()
    if unit is None:
        raise StaffError(f"no unit with code {code}", f"Không có đơn vị mã {code}.")
    return unit


def unit_extensions(session: Session, campaign: Campaign, unit: Unit) -> dict:
    return repo.unit_extensions(session, campaign.id, unit.id)


def find_or_create_nomination(
    session: Session, campaign: Campaign, unit: Unit, kind: str, name: str, now: dt.datetime
) -> Nomination:
    """The unit's nomination with this kind and name (matched as intake matches it)."""
    if kind not in ("tap_the", "ca_nhan"):
        raise StaffError(f"nominee kind must be tap_the or ca_nhan, not {kind!r}")
    return nominations.find_or_create_nomination(session, campaign.id, unit.id, kind, name, now)


def nomination_of_unit(session: Session, unit: Unit, nomination_id: int) -> Nomination:
    """A nomination of ``unit`` still proposed, by id (a staff choice in a form)."""
    n = session.get(Nomination, nomination_id)
    if n is None or n.unit_id != unit.id:
        raise StaffError(
            f"nomination {nomination_id} is not one of {unit.code}'s",
            f"Tập thể, cá nhân đã chọn không thuộc {unit.name}.",
        )
    if n.withdrawn_at is not None:
        raise StaffError(
            f"nomination {nomination_id} was withdrawn", f"“{n.name}” đã bị rút khỏi danh sách đề nghị."
        )
    return n


def _pick_nomination(
    session: Session,
    campaign: Campaign,
    unit: Unit,
    row: AttachmentRow,
    name: str | None,
    kind: str | None,
    now: dt.datetime,
    nomination_id: int | None = None,
) -> Nomination:
    """The nominee a per-nominee file belongs to: the one staff chose (``nomination_id``) or
    named, else the matcher's guess, else the unit's only nomination."""
    if nomination_id is not None:
        return nomination_of_unit(session, unit, nomination_id)
    guess = (row.facts or {}).get("nominee") or {}
    # The matcher's kind only describes the matcher's name, not one staff typed.
    guessed_kind = guess.get("kind") if not name or name == guess.get("name") else None
    name = name or guess.get("name")
    existing = list(
        session.scalars(
            select(Nomination)
            .where(
                Nomination.campaign == campaign.id,
                Nomination.unit_id == unit.id,
                Nomination.withdrawn_at.is_(None),
            )
            .order_by(Nomination.id)
        )
    )
    if name:
        key = nominee_key(name)
        same = [n for n in existing if n.name_key == key and (kind is None or n.kind == kind)]
        if same:
            return same[0]
        kind = kind or guessed_kind
        if not kind:
            raise StaffError(
                f"{name!r} is a new nominee of {unit.code}; say --kind tap_the or ca_nhan",
                f"“{name}” là người được đề nghị mới của đơn vị; cần chọn tập thể hay cá nhân.",
            )
        return find_or_create_nomination(session, campaign, unit, kind, name, now)
    candidates = [n for n in existing if kind is None or n.kind == kind]
    if len(candidates) == 1:
        return candidates[0]
    raise StaffError(
        f"file {row.filename!r} belongs to a nominee; say which with --nominee",
        f"Tệp “{row.filename}” thuộc hồ sơ của một tập thể/cá nhân; cần ghi rõ tên.",
    )


def _deliverable_for(
    campaign: Campaign, row: AttachmentRow, earlier: list[Submission], chosen: str | None
) -> str:
    if chosen:
        try:
            campaign.deliverable(chosen)
        except KeyError:
            known = ", ".join(d.id for d in campaign.deliverables)
            raise StaffError(
                f"unknown deliverable {chosen!r}; known: {known}", f"Không có loại hồ sơ “{chosen}”."
            ) from None
        return chosen
    for s in reversed(earlier):
        if s.deliverable:
            return s.deliverable
    guess = (row.facts or {}).get("deliverable")
    if guess:
        return guess
    raise StaffError(
        f"the type of file {row.filename!r} is unknown; say it with --type",
        f"Chưa xác định được loại hồ sơ của tệp “{row.filename}”; cần chọn loại.",
    )


def assign_message(
    session: Session,
    campaign: Campaign,
    message_id: int,
    unit_code: str,
    now: dt.datetime,
    actor: str,
    *,
    deliverable: str | None = None,
    nominee: str | None = None,
    nominee_kind: str | None = None,
    add_address: bool = False,
    attachment_ids: list[int] | None = None,
    nomination_id: int | None = None,
) -> AssignResult:
    """Record the message's files (or only ``attachment_ids``) for ``unit_code``.

    Each file becomes a new ``received`` submission for its deliverable (``deliverable``
    if given, else the earlier decision or the matcher's guess) and, for per-nominee
    deliverables, its nominee (created when new).  Earlier submissions of the same
    files, and older files of the same slot, are marked superseded.  The message leaves
    the review queue.  Raises :class:`StaffError` when a file's type or nominee cannot
    be determined; nothing is changed then (the caller's transaction rolls back).
    """
    detail = message_detail(session, message_id)
    m = detail.message
    unit = unit_by_code(session, unit_code)
    rows = [
        r
        for r in detail.files
        if r.stored_path and r.problem not in _UNUSABLE and (attachment_ids is None or r.id in attachment_ids)
    ]
    if attachment_ids is not None and {r.id for r in rows} != set(attachment_ids):
        raise StaffError(
            f"files {sorted(set(attachment_ids) - {r.id for r in rows})} are not usable files of message {m.id}"
        )
    if not rows:
        raise StaffError(f"message {m.id} has no stored file to record", "Thư không có tệp nào để ghi nhận.")
    ext = unit_extensions(session, campaign, unit)
    created: list[Submission] = []
    for row in rows:
        earlier = [s for s in detail.submissions.get(row.id, []) if s.superseded_by_id is None]
        d = _deliverable_for(campaign, row, earlier, deliverable)
        nomination = None
        if campaign.deliverable(d).scope == "nominee":
            chosen = nomination_id
            if chosen is None and nominee is None and earlier and earlier[-1].unit_id == unit.id:
                # Whom intake read it for (a mail of an unconfirmed sender is read in full).
                chosen = earlier[-1].nomination_id
            nomination = _pick_nomination(session, campaign, unit, row, nominee, nominee_kind, now, chosen)
        sub = Submission(
            campaign=campaign.id,
            unit_id=unit.id,
            deliverable=d,
            nomination_id=nomination.id if nomination else None,
            attachment_id=row.id,
            message_id=m.id,
            received_at=m.received_at,
            status="received",
            late=m.received_at > due_date(campaign, d, ext),
            score=1.0,
            evidence=[f"assigned by {actor}"],
            problems=list(earlier[-1].problems) if earlier else [],
            verdict="accepted",
            created_at=now,
        )
        session.add(sub)
        session.flush()
        for old in earlier:
            old.superseded_by_id = sub.id
        created.append(sub)
    repo.supersede_slots(session, campaign.id, unit.id, m, created)
    # The nominees this mail alone named are the unit's now (another unit's: dropped).
    nominations.drop_pending_nominations(session, m.id, now, actor, keep_unit=unit.id)
    nominations.confirm_nominations(
        session, sorted({s.nomination_id for s in created if s.nomination_id}), now, actor
    )

    previous_reason = m.review_reason
    m.unit_id = unit.id
    session.flush()
    # Files staff left out of a partial assignment keep the message in the queue.
    settle(session, m)
    result = AssignResult(unit.code, created)
    # Only an unregistered but well-formed sender is offered; an unauthenticated one never is.
    if previous_reason == ReviewReason.UNVERIFIED_SENDER and m.sender and is_email_address(m.sender):
        if add_address:
            result.address_added = repo.add_unit_address(session, unit, m.sender, now, actor)
        else:
            result.address_hint = m.sender
    repo.audit(
        session,
        now,
        actor,
        "review_assign",
        "message",
        m.id,
        unit=unit.code,
        previous_reason=previous_reason,
        submissions=[s.id for s in created],
        files=[r.filename for r in rows],
        deliverables=sorted({s.deliverable for s in created}),
        nominee=nominee or (created[0].nomination.name if created and created[0].nomination else None),
        address_added=result.address_added,
    )
    return result


def usable_files(m: Message) -> list[AttachmentRow]:
    """The mail's files that were kept and can be counted (not refused at intake)."""
    return [a for a in m.attachments if a.stored_path and a.problem not in _UNUSABLE]


def settle(session: Session, m: Message) -> bool:
    """Whether ``m`` still waits for staff: some usable file has no decision yet (no
    current submission, or one still ``needs_review``).  Sets ``m.needs_review``.  A mail
    waiting for another reason with no file (a request for more time, a quarantined mail)
    is not settled here."""
    if m.state == "quarantined" or (m.review_reason == ReviewReason.TIME_REQUEST and m.needs_review):
        return m.needs_review
    current = {
        s.attachment_id: s.status
        for s in session.scalars(
            select(Submission).where(Submission.message_id == m.id, Submission.superseded_by_id.is_(None))
        )
    }
    m.needs_review = any(current.get(a.id, "needs_review") == "needs_review" for a in usable_files(m))
    return m.needs_review


def reject_file(
    session: Session,
    campaign: Campaign,
    message_id: int,
    attachment_id: int,
    reason: str,
    now: dt.datetime,
    actor: str,
) -> Message:
    """Refuse one file of a mail waiting for review; it never counts.  The mail leaves the
    queue when its other files are decided too."""
    if not reason.strip():
        raise StaffError("a reason is required", "Cần ghi lý do không nhận tệp.")
    detail = message_detail(session, message_id)
    m = detail.message
    row = next((a for a in detail.files if a.id == attachment_id), None)
    if row is None:
        raise StaffError(f"file {attachment_id} is not in message {m.id}", f"Tệp không thuộc thư số {m.id}.")
    current = [s for s in detail.submissions.get(row.id, []) if s.superseded_by_id is None]
    for s in current:
        s.status, s.verdict, s.verdict_comment = "rejected", "rejected", reason
        restore_superseded(session, s)
    if not current:
        # A file never tied to a unit: its refusal is still a row, so the decision shows.
        session.add(
            Submission(
                campaign=campaign.id,
                unit_id=m.unit_id,
                deliverable=None,
                attachment_id=row.id,
                message_id=m.id,
                received_at=m.received_at,
                status="rejected",
                verdict="rejected",
                verdict_comment=reason,
                created_at=now,
            )
        )
    session.flush()
    settle(session, m)
    repo.audit(session, now, actor, "file_reject", "message", m.id, filename=row.filename, reason=reason)
    return m


def restore_superseded(session: Session, gone: Submission) -> list[Submission]:
    """``gone`` stops counting (moved, refused): the files it replaced count again, unless
    a file still current in their slot is at least as new."""
    back = list(session.scalars(select(Submission).where(Submission.superseded_by_id == gone.id)))
    for old in back:
        same_nominee = (
            Submission.nomination_id.is_(None)
            if old.nomination_id is None
            else Submission.nomination_id == old.nomination_id
        )
        newer = session.scalars(
            select(Submission)
            .where(
                Submission.campaign == old.campaign,
                Submission.unit_id == old.unit_id,
                Submission.deliverable == old.deliverable,
                same_nominee,
                Submission.superseded_by_id.is_(None),
                Submission.status == "received",
                Submission.received_at >= old.received_at,
                Submission.id != gone.id,
                Submission.id.not_in([b.id for b in back]),
            )
            .order_by(Submission.received_at.desc(), Submission.id.desc())
        ).first()
        old.superseded_by_id = newer.id if newer is not None else None
    return back


def reject_message(session: Session, message_id: int, reason: str, now: dt.datetime, actor: str) -> int:
    """Take the message out of the queue without counting its files; returns files rejected."""
    if not reason.strip():
        raise StaffError("a reason is required", "Cần ghi lý do.")
    detail = message_detail(session, message_id)
    m = detail.message
    n = 0
    for subs in detail.submissions.values():
        for s in subs:
            if s.superseded_by_id is None and s.status != "rejected":
                s.status, s.verdict, s.verdict_comment = "rejected", "rejected", reason
                n += 1
    previous_reason = m.review_reason
    m.needs_review = False
    nominations.drop_pending_nominations(session, m.id, now, actor)
    repo.audit(
        session,
        now,
        actor,
        "review_reject",
        "message",
        m.id,
        reason=reason,
        previous_reason=previous_reason,
        files_rejected=n,
    )
    return n


def acknowledge_reviewed(app: App, session: Session, m: Message, now: dt.datetime) -> OutboxMail | None:
    """Once a mail held for staff leaves the queue tied to a unit, its sender gets the
    acknowledgment intake could not give (the holding reply promised it).  Exactly once:
    the acknowledgment's key is the mail's Message-ID."""
    if m.needs_review or m.unit_id is None:
        return None
    return queue_ack(app, session, m, now)
