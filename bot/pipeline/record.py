"""Writing one analysed message into the database, in the caller's transaction.

Files are already stored (content-addressed, fsynced) when these functions run; this
module only creates rows: the message, its attachments, nominations, submissions (with
supersession of earlier versions) and audit entries.  Nothing here talks to IMAP.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.tracking import due_date
from bot.mail import InboundMessage
from bot.pipeline.understand import SUBMISSION, MessageAnalysis
from bot.store import repo
from bot.store.models import AttachmentRow, Message, Nomination, Submission, Unit

BODY_EXCERPT = 4000
TEXT_EXCERPT = 2000


def _unit_by_code(session: Session, code: str | None) -> Unit | None:
    if not code:
        return None
    return session.scalars(select(Unit).where(Unit.code == code)).first()


def message_row(
    mailbox: str,
    uidvalidity: int,
    uid: int,
    received_at: dt.datetime,
    fingerprint: str,
    now: dt.datetime,
    msg: InboundMessage | None,
    raw_path: str | None,
    size: int,
) -> Message:
    m = Message(
        mailbox=mailbox,
        uidvalidity=uidvalidity,
        uid=uid,
        content_sha256=fingerprint,
        raw_path=raw_path,
        size=size,
        received_at=received_at,
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


def _resolve_nominee(
    session: Session, campaign: Campaign, unit: Unit, kind: str | None, name: str | None, now: dt.datetime
) -> Nomination | None:
    """The nomination a per-nominee file belongs to, or None when staff must decide."""
    from bot.matching.nominees import NomineeGuess, group_nominees

    existing = list(
        session.scalars(
            select(Nomination)
            .where(Nomination.campaign == campaign.id, Nomination.unit_id == unit.id)
            .order_by(Nomination.id)
        )
    )
    index = group_nominees(NomineeGuess(kind, name), [(n.kind, n.name) for n in existing])
    if index is not None:
        return existing[index]
    if kind and name:  # a named nominee not seen before
        return repo.find_or_create_nomination(session, campaign.id, unit.id, kind, name, now)
    return None


class Recorded(NamedTuple):
    """The rows written for one message (the acknowledgment reads them, not the database)."""

    attachments: list[AttachmentRow]
    submissions: list[Submission]


def record_analysis(
    session: Session,
    campaign: Campaign,
    message: Message,
    msg: InboundMessage,
    analysis: MessageAnalysis,
    stored: list[tuple[str | None, str | None]],
    now: dt.datetime,
) -> Recorded:
    """Add attachments, nominations and submissions for ``message``; return the new rows."""
    unit = _unit_by_code(session, analysis.unit_code)
    message.category = analysis.category
    message.unit_id = unit.id if unit and not analysis.unverified else None
    message.suggested_unit_id = (
        unit.id
        if unit and analysis.unverified
        else getattr(_unit_by_code(session, analysis.suggested_unit), "id", None)
    )
    message.match_rule = analysis.unit_rule
    message.match_evidence = analysis.unit_evidence
    message.needs_review = analysis.needs_review
    message.review_reason = analysis.review_reason
    message.problems = [asdict(p) for p in analysis.problems]
    session.add(message)
    session.flush()

    rows: list[AttachmentRow] = []
    for fa, (sha, path) in zip(analysis.files, stored, strict=True):
        att, facts = fa.attachment, fa.facts
        row = AttachmentRow(
            message_id=message.id,
            sha256=sha or "",
            original_filename=att.original_filename,
            filename=att.filename,
            stored_path=path,
            size=att.size,
            declared_type=att.declared_type,
            sniffed_type=att.sniffed_type,
            origin=att.origin,
            text_excerpt=(facts.head_text[:TEXT_EXCERPT] if facts else ""),
            page_count=facts.page_count if facts else None,
            facts=_facts_summary(fa),
            problem=att.problem or (facts.problem if facts else None),
            problem_detail=att.problem_detail or (facts.problem_detail if facts else None),
        )
        session.add(row)
        rows.append(row)
    session.flush()

    if analysis.category != SUBMISSION or unit is None:
        return Recorded(rows, [])
    # An unverified sender's files wait for staff: recorded, but not counted yet.
    held = analysis.unverified
    for kind, name in analysis.proposal_nominees:
        if not held:
            repo.find_or_create_nomination(session, campaign.id, unit.id, kind, name, now)
    ext = repo.unit_extensions(session, campaign.id, unit.id)
    created: list[Submission] = []
    for fa, row in zip(analysis.files, rows, strict=True):
        if row.stored_path is None or fa.deliverable is None:
            continue
        deliverable = campaign.deliverable(fa.deliverable)
        nomination = None
        status = "needs_review" if (fa.needs_review or held) else "received"
        if deliverable.scope == "nominee" and not held:
            nomination = _resolve_nominee(session, campaign, unit, fa.nominee_kind, fa.nominee_name, now)
            if nomination is None:
                status = "needs_review"
                fa.evidence.append("nominee could not be determined")
        if row.problem == "unreadable_file":
            status = "needs_review"
        sub = Submission(
            campaign=campaign.id,
            unit_id=unit.id,
            deliverable=fa.deliverable,
            nomination_id=nomination.id if nomination else None,
            attachment_id=row.id,
            message_id=message.id,
            received_at=message.received_at,
            status=status,
            late=message.received_at > due_date(campaign, fa.deliverable, ext),
            score=fa.score,
            evidence=fa.evidence,
            problems=[asdict(p) for p in fa.problems],
            created_at=now,
        )
        session.add(sub)
        created.append(sub)
    session.flush()
    if not message.needs_review and any(s.status == "needs_review" for s in created):
        message.needs_review = True
        message.review_reason = "uncertain_type"
    repo.supersede_slots(session, campaign.id, unit.id, message, created)
    repo.audit(
        session, now, "bot", "message_recorded", "message", message.id, unit=unit.code, files=len(rows)
    )
    return Recorded(rows, created)


def _facts_summary(fa) -> dict:
    f = fa.facts
    out: dict = {"deliverable": fa.deliverable, "score": round(fa.score, 3), "evidence": fa.evidence[:10]}
    if fa.nominee_name:
        out["nominee"] = {"kind": fa.nominee_kind, "name": fa.nominee_name}
    if f is not None:
        out.update(
            kind=f.kind,
            method=f.method,
            page_count=f.page_count,
            legacy_encoding=f.legacy_encoding,
            encrypted=f.encrypted,
        )
    return out
