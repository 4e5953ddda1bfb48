"""Mail activity for the staff digest, read as plain rows: one statement per list.

What arrived in a period, quarantined mail, addresses that bounced, outgoing mail that
failed.  Each function returns dicts with Vietnamese labels where staff read them; none
builds an ORM object, so the digest's cost does not grow with the number of units
beyond reading their rows once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.store.models import AttachmentRow, Message, Nomination, OutboxMail, Submission, Unit, UnitAddress
from bot.vocabulary import OUTBOX_KINDS_VI, UNKNOWN_DELIVERABLE_VI, quarantine_reason_vi


def deliverable_vi(campaign: Campaign, deliverable: str | None) -> str:
    return campaign.label(deliverable) if deliverable else UNKNOWN_DELIVERABLE_VI


def arrivals(session: Session, campaign: Campaign, since: dt.datetime, now: dt.datetime) -> list[dict]:
    """Files recorded in ``(since, now]``, in arrival order, whatever their status."""
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
        )
        .join(AttachmentRow, Submission.attachment_id == AttachmentRow.id)
        .outerjoin(Unit, Submission.unit_id == Unit.id)
        .outerjoin(Nomination, Submission.nomination_id == Nomination.id)
        .where(
            Submission.campaign == campaign.id, Submission.created_at > since, Submission.created_at <= now
        )
        .order_by(Submission.received_at, Submission.id)
    )
    return [
        {
            "unit": unit or "",
            "deliverable": deliverable_vi(campaign, deliverable),
            "nominee": {"name": nominee, "kind": kind} if nominee else None,
            "filename": filename,
            "received_at": received_at,
            "late": late,
            "review": status != "received",
        }
        for unit, deliverable, nominee, kind, filename, received_at, late, status in rows
    ]


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


def bounced_addresses(session: Session) -> list[dict]:
    """Addresses that bounced (delivery-status reports), with the unit they belong to."""
    seen: dict[str, dict] = {}
    rows = session.execute(
        select(Message.reason, Message.received_at)
        .where(Message.category == "bounce")
        .order_by(Message.received_at)
    )
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


def failed_mail(session: Session) -> list[dict]:
    """Outgoing mail the server refused for good, oldest first, with its unit."""
    rows = session.execute(
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
