"""The "needs redoing" notice a unit gets when staff send one of its files back.

Rendered from ``mail_templates/notice_redo.txt`` / ``.html`` by the outgoing renderer
(same filters, strict undefined, NFC), and queued with
:func:`bot.outgoing.outbox.enqueue` as kind ``notice`` under ``redo:{submission_id}``,
threaded under the unit's original mail like its acknowledgment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.campaign.units import normalize_email
from bot.config import Settings
from bot.outgoing.context import base_context
from bot.outgoing.outbox import enqueue, reply_headers, reply_subject, sender_of
from bot.outgoing.render import renderer
from bot.store.models import OutboxMail, Submission

TEMPLATE = "notice_redo"


def redo_context(
    settings: Settings, campaign: Campaign, s: Submission, comment: str, until: dt.date, now: dt.datetime
) -> dict[str, Any]:
    m = s.message
    ctx = base_context(settings, campaign, now)
    ctx.update(
        unit={"code": s.unit.code, "name": s.unit.name, "secretary": s.unit.secretary},
        filename=s.attachment.filename,
        deliverable=campaign.label(s.deliverable, kind=s.nomination.kind if s.nomination else None),
        nominee={"name": s.nomination.name, "kind": s.nomination.kind} if s.nomination else None,
        comment=comment,
        until=until,
        received_at=s.received_at,
        original_subject=(m.subject or "").strip() or "(không có tiêu đề)",
        reply_subject=reply_subject(m.subject),
    )
    return ctx


@dataclass(frozen=True)
class RedoMail:
    """The notice exactly as the unit will get it (shown to staff before it is queued)."""

    to: list[str]
    cc: list[str]
    subject: str
    text: str
    html: str
    headers: dict[str, str]


def redo_mail(
    campaign: Campaign, settings: Settings, s: Submission, comment: str, until: dt.date, now: dt.datetime
) -> RedoMail:
    """Render the notice for ``s`` (nothing is written)."""
    m = s.message
    subject, text, html = renderer(campaign.timezone, settings.templates_directory).render(
        TEMPLATE, redo_context(settings, campaign, s, comment, until, now)
    )
    unit_addresses = [a.email for a in s.unit.addresses]
    sender = normalize_email(m.sender or "")
    # The person who sent the file gets the answer; the unit's registered addresses are
    # copied so the secretary sees it even when a clerk's personal mailbox sent the file.
    if sender and m.unit_id == s.unit_id:
        to, cc = [m.sender or sender], [a for a in unit_addresses if normalize_email(a) != sender]
    else:
        to, cc = unit_addresses, []
    headers = {"X-Intake-Unit": s.unit.code, "X-Intake-Redo": s.deliverable or ""}
    headers.update(reply_headers(m.message_id_header, m.references))
    return RedoMail(to, cc, subject, text, html, headers)


def queue_redo_notice(
    session: Session,
    campaign: Campaign,
    settings: Settings,
    s: Submission,
    comment: str,
    until: dt.date,
    now: dt.datetime,
) -> OutboxMail | None:
    """Queue the notice in the caller's transaction; ``None`` if already queued."""
    mail = redo_mail(campaign, settings, s, comment, until, now)
    if not mail.to:
        return None
    return enqueue(
        session,
        key=f"redo:{s.id}",
        kind="notice",
        recipients=mail.to,
        cc=mail.cc,
        subject=mail.subject,
        text=mail.text,
        html=mail.html,
        sender=sender_of(settings),
        now=now,
        unit_id=s.unit_id,
        campaign=campaign.id,
        headers=mail.headers,
        in_reply_to_message_id=s.message.id,
    )
