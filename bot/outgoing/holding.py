"""The holding reply: a short answer to a stranger whose documents name a unit.

A clerk writing from a personal address the Ban does not know gets no acknowledgment (the
mail is not yet tied to a unit: it waits in the staff review queue), and used to hear
nothing at all.  When the mail carries files and its documents name a unit, the sender now
gets a few lines: the mail and its files arrived; the Ban will confirm which unit they are
for; no need to send them again.  Once staff assign the mail, the unit's ordinary
acknowledgment follows (:func:`bot.staff.review.acknowledge_reviewed`).

Never to spam, bounces, auto-replies or the bot's own mail (those never get here), never
to a mail without stored files or naming no unit, at most once per sender and local day
(key ``holding:{sender}:{date}``), and no more than ``smtp.max_holding_replies_per_hour``
in an hour for all senders together, so a wave of strangers cannot make the bot write to
the world.  Staff see in the review queue that it went.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.units import normalize_email
from bot.outgoing.context import base_context
from bot.outgoing.outbox import enqueue, reply_headers, reply_subject, sender_of
from bot.outgoing.render import mail_renderer
from bot.store.models import AttachmentRow, Message, OutboxMail, Unit
from bot.vocabulary import ReviewReason

log = logging.getLogger(__name__)

KIND = "holding"


def holding_key(sender: str, now: dt.datetime, tz: Any) -> str:
    return f"holding:{sender}:{now.astimezone(tz).date().isoformat()}"


def _sent_last_hour(session: Session, now: dt.datetime) -> int:
    return session.scalar(
        select(func.count())
        .select_from(OutboxMail)
        .where(OutboxMail.kind == KIND, OutboxMail.created_at > now - dt.timedelta(hours=1))
    )


def holding_context(app: App, row: Message, unit_name: str, files: list[str], now: dt.datetime) -> dict:
    ctx = base_context(app.settings, app.campaign, now)
    ctx.update(
        sender_name=(row.sender_name or "").strip(),
        original_subject=(row.subject or "").strip() or "(không có tiêu đề)",
        reply_subject=reply_subject(row.subject),
        received_at=row.received_at,
        unit_name=unit_name,
        files=files,
    )
    return ctx


def queue_holding_reply(app: App, session: Session, row: Message, now: dt.datetime) -> OutboxMail | None:
    """Queue the holding reply to ``row``'s sender in the caller's transaction, if one is due.

    ``row`` is a recorded mail not tied to a unit; the caller has ruled out spam.
    """
    sender = normalize_email(row.sender or "")
    if (
        row.state != "processed"
        or row.category != "submission"
        or row.review_reason != ReviewReason.UNVERIFIED_SENDER
        or row.suggested_unit_id is None
        or not sender
        or sender in app.own_addresses
    ):
        return None
    session.flush()
    files = list(
        session.scalars(
            select(AttachmentRow.filename)
            .where(AttachmentRow.message_id == row.id, AttachmentRow.stored_path.is_not(None))
            .order_by(AttachmentRow.id)
        )
    )
    if not files:
        return None
    key = holding_key(sender, now, app.campaign.tz)
    if session.scalars(select(OutboxMail.id).where(OutboxMail.idempotency_key == key)).first():
        return None
    limit = app.settings.smtp.max_holding_replies_per_hour
    if _sent_last_hour(session, now) >= limit:
        log.warning("no holding reply to %s: %d already sent within an hour", sender, limit)
        return None
    unit_name = session.scalar(select(Unit.name).where(Unit.id == row.suggested_unit_id)) or ""
    subject, text, html = mail_renderer(app).render(KIND, holding_context(app, row, unit_name, files, now))
    headers = {"X-Intake-Holding": str(row.id)}
    headers.update(reply_headers(row.message_id_header, row.references))
    return enqueue(
        session,
        key=key,
        kind=KIND,
        recipients=[row.sender or sender],
        subject=subject,
        text=text,
        html=html,
        sender=sender_of(app.settings),
        now=now,
        campaign=app.campaign.id,
        headers=headers,
        in_reply_to_message_id=row.id,
    )
