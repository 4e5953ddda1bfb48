"""A unit's request for more time (a reply without files asking to send later): staff decide.

Intake answered the unit that its request went to the staff (``time_request``, waiting in
the review queue).  Staff either grant a later date — every deadline of the plan falling
before it is extended for that unit (:func:`bot.staff.extensions.extend_deadline`), so
reminders, late flags, the digest and the exports follow — or keep the deadline.  Either
way the unit is told, in the thread of its own mail (key ``time:{message_id}``), unless
staff choose not to; the mail leaves the queue and the decision is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.planning import missing_items
from bot.campaign.units import normalize_email
from bot.outgoing.context import base_context
from bot.outgoing.outbox import enqueue, reply_headers, reply_subject, sender_of
from bot.outgoing.render import mail_renderer
from bot.reporting.snapshot import load_unit_state
from bot.staff.errors import StaffError
from bot.staff.extensions import extend_deadline
from bot.staff.review import get_message
from bot.store import repo
from bot.store.models import Message, OutboxMail
from bot.vocabulary import ReviewReason

TEMPLATE = "notice_time"


@dataclass
class TimeDecision:
    message: Message
    until: dt.date | None  # None: the deadline is kept
    extended: list[str]  # deadline labels moved
    notice: OutboxMail | None


def _context(
    app: App, session: Session, m: Message, until: dt.date | None, labels: list[str], now
) -> dict[str, Any]:
    assert m.unit is not None
    ctx = base_context(app.settings, app.campaign, now)
    state = load_unit_state(session, app.campaign, m.unit)
    ctx.update(
        unit={"code": m.unit.code, "name": m.unit.name, "secretary": m.unit.secretary},
        granted=until is not None,
        until=until,
        extended=labels,
        owed=missing_items(app.campaign, state),
        received_at=m.received_at,
        original_subject=(m.subject or "").strip() or "(không có tiêu đề)",
        reply_subject=reply_subject(m.subject),
    )
    return ctx


def decide_time_request(
    app: App,
    session: Session,
    message_id: int,
    now: dt.datetime,
    actor: str,
    *,
    until: dt.date | None,
    notify: bool = True,
) -> TimeDecision:
    """Grant the unit more time until ``until`` (None: keep its deadlines); tell it."""
    m = get_message(session, message_id)
    if m.review_reason != ReviewReason.TIME_REQUEST or m.unit is None:
        raise StaffError(
            f"message {m.id} is not a request for more time",
            f"Thư số {m.id} không phải thư xin gửi hồ sơ sau.",
        )
    if not m.needs_review:
        raise StaffError(f"message {m.id} was decided already", f"Thư số {m.id} đã được quyết định.")
    labels: list[str] = []
    if until is not None:
        rows = extend_deadline(session, app.campaign, m.unit.code, until, now, actor)
        labels = [app.campaign.deadline(r.deadline_id).label for r in rows]
    m.needs_review = False
    notice = None
    if notify:
        session.flush()
        subject, text, html = mail_renderer(app).render(
            TEMPLATE, _context(app, session, m, until, labels, now)
        )
        unit_addresses = [a.email for a in m.unit.addresses]
        sender = normalize_email(m.sender or "")
        to = [m.sender] if m.sender else unit_addresses
        cc = [a for a in unit_addresses if normalize_email(a) != sender]
        headers = {"X-Intake-Unit": m.unit.code}
        headers.update(reply_headers(m.message_id_header, m.references))
        notice = enqueue(
            session,
            key=f"time:{m.id}",
            kind="notice",
            recipients=[a for a in to if a],
            cc=cc,
            subject=subject,
            text=text,
            html=html,
            sender=sender_of(app.settings),
            now=now,
            unit_id=m.unit.id,
            campaign=app.campaign.id,
            headers=headers,
            in_reply_to_message_id=m.id,
        )
    repo.audit(
        session,
        now,
        actor,
        "time_request_grant" if until is not None else "time_request_keep",
        "message",
        m.id,
        unit=m.unit.code,
        until=until.isoformat() if until else None,
        deadlines=labels,
        notified=notice is not None,
    )
    return TimeDecision(m, until, labels, notice)
