"""Mail activity for the staff digest, read as plain rows: one statement per list.

What arrived in a period, junk in a period (counted, never listed), quarantined mail,
addresses that bounced, outgoing mail that failed, holding replies sent.  Each function returns dicts with Vietnamese labels where staff read them; none
builds an ORM object, so the digest's cost does not grow with the number of units
beyond reading their rows once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.problems import is_unusable
from bot.store.models import AttachmentRow, Message, Nomination, OutboxMail, Submission, Unit, UnitAddress
from bot.vocabulary import OUTBOX_KINDS_VI, SPAM_REASON, UNKNOWN_DELIVERABLE_VI, quarantine_reason_vi


def deliverable_vi(campaign: Campaign, deliverable: str | None) -> str:
    return campaign.label(deliverable) if deliverable else UNKNOWN_DELIVERABLE_VI


def arrivals(session: Session, campaign: Campaign, since: dt.datetime, now: dt.datetime) -> list[dict]:
    """Files recorded in ``(since, now]``, in arrival order, whatever their status
    (a file staff decided on meanwhile appears once, as decided)."""
    rows = session.execute(
        select(
            Unit.name,
            Submission.deliverable,
            Nomination.name,
            Nomination.kind,
            AttachmentRow.filename,
            Submission.received_at,
            Submission.late,
            Submission.status,
            Unit.code,
            Submission.problems,
            Submission.attachment_id,
        )
        .join(AttachmentRow, Submission.attachment_id == AttachmentRow.id)
        .outerjoin(Unit, Submission.unit_id == Unit.id)
        .outerjoin(Nomination, Submission.nomination_id == Nomination.id)
        .where(
            Submission.campaign == campaign.id, Submission.created_at > since, Submission.created_at <= now
        )
        .order_by(Submission.received_at, Submission.id)
    )
    latest: dict[int, dict] = {}
    for unit, deliverable, nominee, kind, filename, received_at, late, status, code, problems, att in rows:
        if status == "rejected":
            latest.pop(att, None)
            continue
        latest[att] = {
            "unit": unit or "",
            "unit_code": code or "",
            "type": deliverable,
            "deliverable": campaign.label(deliverable, kind=kind) if deliverable else UNKNOWN_DELIVERABLE_VI,
            "nominee": {"name": nominee, "kind": kind} if nominee else None,
            "filename": filename,
            "received_at": received_at,
            "late": late,
            # A file that cannot be read waits for no one: the unit sends it again.
            "review": status != "received" and not is_unusable(p.get("code") for p in problems or []),
            "problems": [p.get("code", "") for p in problems or []],
        }
    return list(latest.values())


# What is counted in one line of the digest and never listed: mail nobody has to act on.
JUNK_CATEGORIES = ("auto_reply", "own_mail")


def junk(session: Session, since: dt.datetime, now: dt.datetime) -> dict[str, int]:
    """Mail recorded in ``(since, now]`` nobody acts on: spam (as the mail server flagged it),
    auto-replies and the bot's own mail, copies of mail already recorded."""
    rows = session.execute(
        select(Message.state, Message.category, Message.reason).where(
            Message.created_at > since,
            Message.created_at <= now,
            (Message.category.in_(JUNK_CATEGORIES))
            | (Message.state == "duplicate")
            | (Message.reason == SPAM_REASON),
        )
    )
    out = {"spam": 0, "auto_reply": 0, "duplicate": 0}
    for state, _category, reason in rows:
        if reason == SPAM_REASON:
            out["spam"] += 1
        elif state == "duplicate":
            out["duplicate"] += 1
        else:
            out["auto_reply"] += 1
    out["total"] = sum(out.values())
    return out


def holding_replies(session: Session, message_ids: list[int]) -> set[int]:
    """Which of these mails got a holding reply (:mod:`bot.outgoing.holding`)."""
    if not message_ids:
        return set()
    return set(
        session.scalars(
            select(OutboxMail.in_reply_to_message_id).where(
                OutboxMail.kind == "holding", OutboxMail.in_reply_to_message_id.in_(message_ids)
            )
        )
    )


def quarantined(session: Session) -> list[dict]:
    rows = session.execute(
        select(Message.received_at, Message.sender, Message.subject, Message.reason)
        .where(Message.state == "quarantined")
        .order_by(Message.received_at)
    )
    return [
        {
            "received_at": received_at,
            "sender": sender or "",
            "subject": subject or "",
            "reason": quarantine_reason_vi(reason or ""),
        }
        for received_at, sender, subject, reason in rows
    ]


def bounced_addresses(session: Session, since: dt.datetime | None = None) -> list[dict]:
    """Addresses that bounced (delivery-status reports; recorded after ``since`` if given),
    with the unit they belong to."""
    seen: dict[str, dict] = {}
    q = select(Message.reason, Message.received_at).where(Message.category == "bounce")
    if since is not None:
        q = q.where(Message.created_at > since)
    rows = session.execute(q.order_by(Message.received_at))
    for reason, received_at in rows:
        _, _, addrs = (reason or "").partition(":")
        for addr in filter(None, (a.strip().lower() for a in addrs.split(","))):
            seen[addr] = {"address": addr, "unit": "", "last_at": received_at}
    if seen:
        owners = session.execute(
            select(UnitAddress.email, Unit.name).join(Unit, UnitAddress.unit_id == Unit.id)
        )
        for email, name in owners:
            if email in seen:
                seen[email]["unit"] = name
    return list(seen.values())


def failed_mail(session: Session, since: dt.datetime | None = None) -> list[dict]:
    """Outgoing mail the server refused for good (last tried after ``since`` if given),
    oldest first, with its unit."""
    q = (
        select(
            OutboxMail.kind,
            OutboxMail.recipients,
            OutboxMail.subject,
            OutboxMail.last_error,
            OutboxMail.created_at,
            Unit.name,
        )
        .outerjoin(Unit, OutboxMail.unit_id == Unit.id)
        .where(OutboxMail.state == "failed")
        .order_by(OutboxMail.id)
    )
    if since is not None:
        q = q.where(OutboxMail.next_attempt_at > since)
    rows = session.execute(q)
    return [
        {
            "kind": OUTBOX_KINDS_VI.get(kind, kind),
            "recipients": ", ".join(recipients or []),
            "subject": subject,
            "error": error or "",
            "created_at": created_at,
            "unit": unit or "",
        }
        for kind, recipients, subject, error, created_at, unit in rows
    ]
