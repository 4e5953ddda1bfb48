"""Notices to staff (kind ``notice``): one-off messages the bot owes the office.

Today: the mail-flood notice, sent once per sender and local day when acknowledgments
to that sender are being held back.  The ``notice`` templates switch on ``reason`` so
further notices (e.g. a redo request, issue 6) add a branch, not a new mechanism.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy.orm import Session

from bot.app import App
from bot.outgoing.context import base_context
from bot.outgoing.outbox import enqueue, sender_of
from bot.outgoing.render import mail_renderer
from bot.store.models import OutboxMail, Unit

log = logging.getLogger(__name__)


def flood_context(app: App, sender: str, unit_name: str, now: dt.datetime) -> dict[str, Any]:
    ctx = base_context(app.settings, app.campaign, now)
    ctx.update(
        reason="flood",
        sender=sender,
        unit_name=unit_name,
        limit=app.settings.smtp.max_acks_per_sender_per_hour,
    )
    return ctx


def queue_flood_notice(
    app: App, session: Session, sender: str, unit: Unit | None, now: dt.datetime
) -> OutboxMail | None:
    """Tell staff, once per sender and local day, that acknowledgments are being held."""
    recipients = app.settings.staff.digest_recipients
    if not recipients:
        log.warning("acknowledgments to %s held, but no staff.digest_recipients to tell", sender)
        return None
    day = now.astimezone(app.campaign.tz).date().isoformat()
    subject, text, html = mail_renderer(app).render(
        "notice", flood_context(app, sender, unit.name if unit else "", now)
    )
    return enqueue(
        session,
        key=f"notice:flood:{sender}:{day}",
        kind="notice",
        recipients=recipients,
        subject=subject,
        text=text,
        html=html,
        sender=sender_of(app.settings),
        now=now,
        unit_id=unit.id if unit else None,
        campaign=app.campaign.id,
    )
