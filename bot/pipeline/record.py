"""Writing what :mod:`bot.pipeline.understand` decided about one mail, in the caller's transaction.

Files are already stored (content-addressed, fsynced) when these functions run.  This
module only creates rows — the message, its attachments, new nominations, submissions,
the supersession of older files (:func:`bot.store.repo.supersede_slots`) and audit
entries — and decides nothing: every value written comes from the :class:`Understanding`
(or :class:`SetAside`) it is given, which it does not change.  Nothing here talks to IMAP.

What happens next in the same transaction (the acknowledgment) is handed in by the
caller as an :data:`OnRecorded` callable; ``bot.cli`` wires it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.mail import InboundMessage
from bot.pipeline.read import FileAnalysis
from bot.pipeline.understand import SetAside, Understanding
from bot.store import nominations, repo
from bot.store.models import (
    LOCKED_IN_KEY,
    LOCKED_MEMBERS_KEY,
    OTHER_PAPER_KEY,
    WRONG_DOCUMENT_KEY,
    AttachmentRow,
    Message,
    Submission,
)
from bot.vocabulary import SPAM_REASON

BODY_EXCERPT = 4000
TEXT_EXCERPT = 2000


@dataclass(frozen=True)
class Arrival:
    """One mail as the server delivered it, before anything was decided about it."""

    mailbox: str
    uidvalidity: int
    uid: int
    received_at: dt.datetime  # the server's INTERNALDATE
    size: int
    fingerprint: str
    raw_path: str | None  # the stored original, when it was stored


@dataclass(frozen=True)
class Recorded:
    """The rows written for one mail (after-record actions read them, not the database)."""

    message: Message
    attachments: list[AttachmentRow]
    submissions: list[Submission]
    understanding: Understanding


# Work that must commit with the mail it follows (the acknowledgment in the outbox).
OnRecorded = Callable[[Session, Recorded, dt.datetime], None]


def _message_row(arrival: Arrival, msg: InboundMessage | None, now: dt.datetime) -> Message:
    m = Message(
        mailbox=arrival.mailbox,
        uidvalidity=arrival.uidvalidity,
        uid=arrival.uid,
        content_sha256=arrival.fingerprint,
        raw_path=arrival.raw_path,
        size=arrival.size,
        received_at=arrival.received_at,
        created_at=now,
        state="processed",
    )
    if msg is not None:
        m.message_id_header = msg.message_id
        m.date_header = msg.date_header
        m.sender = msg.from_address
        m.sender_name = msg.from_name
        m.subject = msg.subject
        m.in_reply_to = msg.in_reply_to
        m.references = list(msg.references)
        m.body_excerpt = msg.body_text[:BODY_EXCERPT]
        m.drive_links = list(msg.drive_links)
    return m


def record_set_aside(
    session: Session, arrival: Arrival, msg: InboundMessage | None, aside: SetAside, now: dt.datetime
) -> int:
    """Write a quarantined, ignored or duplicate mail; returns the message row's id."""
    row = _message_row(arrival, msg, now)
    row.state, row.reason, row.category = aside.state, aside.reason, aside.category
    if aside.review_reason is not None:
        row.needs_review, row.review_reason = True, aside.review_reason
    session.add(row)
    session.flush()
    repo.audit(session, now, "bot", f"message_{aside.state}", "message", row.id, reason=aside.reason)
    return row.id


def record_mail(
    session: Session,
    campaign: Campaign,
    arrival: Arrival,
    msg: InboundMessage,
    u: Understanding,
    stored: Sequence[tuple[str, str] | None],
    now: dt.datetime,
) -> Recorded:
    """Write the mail, its files, nominations and submissions as ``u`` says.

    ``stored`` is ``(sha256, path)`` per file of ``u.files`` (None: not kept).
    """
    message = _message_row(arrival, msg, now)
    message.category = u.category
    message.unit_id = u.unit_id
    message.suggested_unit_id = u.suggested_unit.id if u.suggested_unit else None
    message.match_rule = u.unit_rule
    message.match_evidence = list(u.unit_evidence)
    message.needs_review = u.needs_review
    message.review_reason = u.review_reason
    message.problems = [asdict(p) for p in u.problems]
    if u.spam:
        message.reason = SPAM_REASON
    session.add(message)
    session.flush()

    rows = [_attachment_row(message.id, f, where) for f, where in zip(u.files, stored, strict=True)]
    session.add_all(rows)
    session.flush()

    unit = u.submitted_by
    if unit is None or unit.id is None:
        return Recorded(message, rows, [], u)
    # Nominees a mail of an unconfirmed sender names wait with it; the unit's own mail
    # crediting a file to one confirms it.  Neither renames nor withdraws on its own.
    pending = message.id if u.unverified else None
    nomination_ids = [
        n.id
        if n.id is not None
        else nominations.find_or_create_nomination(
            session, campaign.id, unit.id, n.kind, n.name, now, pending
        ).id
        for n in u.nominees
    ]
    if not u.unverified:
        credited = {nomination_ids[c.nominee] for c in u.counted if c.nominee is not None}
        nominations.confirm_nominations(session, sorted(credited), now, "bot")
    for n in u.nominees:
        if n.renamed and n.id is not None and not u.unverified:
            nominations.rename_nomination(session, n.id, n.name, n.key, now)
    if u.withdrawn:
        nominations.withdraw_nominations(session, u.withdrawn, now, message.id)
    created = [
        Submission(
            campaign=campaign.id,
            unit_id=unit.id,
            deliverable=c.deliverable,
            nomination_id=None if c.nominee is None else nomination_ids[c.nominee],
            attachment_id=rows[c.file].id,
            message_id=message.id,
            received_at=arrival.received_at,
            status=c.status,
            late=c.late,
            score=u.files[c.file].score,
            evidence=list(c.evidence),
            problems=[asdict(p) for p in u.files[c.file].problems],
            candidates=[nomination_ids[i] for i in c.candidates] or None,
            created_at=now,
        )
        for c in u.counted
    ]
    session.add_all(created)
    session.flush()
    repo.supersede_slots(session, campaign.id, unit.id, message, created)
    repo.audit(
        session, now, "bot", "message_recorded", "message", message.id, unit=unit.code, files=len(rows)
    )
    return Recorded(message, rows, created, u)


def _attachment_row(message_id: int, f: FileAnalysis, where: tuple[str, str] | None) -> AttachmentRow:
    att, facts = f.attachment, f.facts
    sha, path = where if where is not None else ("", None)
    return AttachmentRow(
        message_id=message_id,
        sha256=sha,
        original_filename=att.original_filename,
        filename=att.filename,
        stored_path=path,
        size=att.size,
        declared_type=att.declared_type,
        sniffed_type=att.sniffed_type,
        origin=att.origin,
        text_excerpt=(facts.head_text[:TEXT_EXCERPT] if facts else ""),
        page_count=facts.page_count if facts else None,
        facts=_facts_summary(f),
        problem=f.problem,
        problem_detail=f.problem_detail,
    )


def _facts_summary(f: FileAnalysis) -> dict[str, Any]:
    facts = f.facts
    out: dict[str, Any] = {
        "deliverable": f.deliverable,
        "score": round(f.score, 3),
        "evidence": list(f.evidence[:10]),
    }
    if f.nominee_name:
        out["nominee"] = {"kind": f.nominee_kind, "name": f.nominee_name}
    if f.other_paper:
        out[OTHER_PAPER_KEY] = f.other_paper
    if f.wrong_document:
        out[WRONG_DOCUMENT_KEY] = dict(f.wrong_document)
    locked = f.attachment.locked_members
    if locked is not None:  # an archive a password kept closed: what it lists
        out["encrypted"], out[LOCKED_MEMBERS_KEY] = True, list(locked)
    if f.attachment.locked_in is not None:  # ... or one of the files it lists, unread
        out[LOCKED_IN_KEY] = f.attachment.locked_in
    if facts is not None:
        out.update(
            kind=facts.kind,
            method=facts.method,
            page_count=facts.page_count,
            legacy_encoding=facts.legacy_encoding,
            encrypted=facts.encrypted,
        )
        if facts.signatures:
            out["signatures"] = [sig.as_dict() for sig in facts.signatures]
    return out
