"""Acknowledgments: the answer a unit gets to every submission mail.

:func:`queue_ack` runs inside the transaction that records a message (``bot.cli`` hands
it to the intake pass as its ``on_recorded`` action), so the acknowledgment exists
exactly when the message does.  It answers in the same thread (``In-Reply-To``, ``References``,
``Re:`` subject) and says, in Vietnamese: what was received per deliverable and per
nominee with the file names, what is waiting for staff, every problem found, and what
the unit still owes and by when.  A mail with no attachment or only Drive links gets a
polite note that nothing was recorded (said once: the "no attachment" problem is not
listed again below it).  A reply without files that asks to send later
(``time_request``) is answered that the request went to the staff, who decide.

Nothing is queued for auto-replies, bounces, the bot's own mail, spam (as intake flagged
it, :mod:`bot.intake.loops`), or a sender not
tied to a unit (``message.unit_id is None``: those wait in the staff review queue; one
whose documents name a unit gets a short holding reply, :mod:`bot.outgoing.holding`).
Acknowledgments beyond ``smtp.max_acks_per_sender_per_hour`` to one sender are held
(state ``held``) and staff get a single notice that day.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from bot.app import App
from bot.campaign.model import Campaign
from bot.campaign.planning import missing_items
from bot.campaign.problems import is_unusable
from bot.campaign.tracking import UnitState
from bot.campaign.units import normalize_email
from bot.outgoing.context import base_context, unit_context
from bot.outgoing.holding import queue_holding_reply
from bot.outgoing.notices import queue_flood_notice
from bot.outgoing.outbox import enqueue, reply_headers, reply_subject, sender_of
from bot.outgoing.render import mail_renderer
from bot.outgoing.signed import signature_lines
from bot.reporting.snapshot import load_unit_state
from bot.store.models import AttachmentRow, Message, OutboxMail, Submission, Unit
from bot.vocabulary import (
    ATTACHMENT_PROBLEM_CODES,
    FILES_NOT_ATTACHED_VI,
    NO_ATTACHMENT_VI,
    attachment_problem_vi,
    wrong_document_vi,
)

log = logging.getLogger(__name__)

ACK_CATEGORIES = ("submission", "no_attachment", "drive_links", "time_request")
NOTHING_RECORDED = ("no_attachment", "drive_links", "time_request")
# Said by the template's own paragraph for a mail with nothing recorded: never twice.
_SAID_ABOVE = {NO_ATTACHMENT_VI, FILES_NOT_ATTACHED_VI}


@dataclass(frozen=True)
class Written:
    """A message's submissions and attachment rows, as the caller just wrote them."""

    submissions: Sequence[Submission]
    attachments: Sequence[AttachmentRow]


def _received_groups(campaign: Campaign, subs: Sequence[Submission]) -> list[dict[str, Any]]:
    """This message's files, grouped per deliverable and nominee, in the plan's order."""
    order = [d.id for d in campaign.deliverables]
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    # A file staff decided on after intake has a newer row of the same mail: only that one.
    mine = {s.id for s in subs}
    for s in subs:
        if s.status == "rejected" or s.deliverable not in order or s.superseded_by_id in mine:
            continue
        nom = s.nomination
        k = (order.index(s.deliverable), nom.id if nom else 0)
        g = groups.setdefault(
            k,
            {
                "type": s.deliverable,
                "deliverable": campaign.label(s.deliverable, short=False, kind=nom.kind if nom else None),
                "nominee": {"name": nom.name, "kind": nom.kind} if nom else None,
                "files": [],
                "review": False,
                "unreadable": False,
                "late": False,
            },
        )
        g["files"].append(s.attachment.filename)
        # A file that cannot be read waits for no one: the unit sends it again (tracking
        # counts it owed), so the acknowledgment never calls it "being checked".
        unreadable = is_unusable(p.get("code") for p in s.problems or ())
        g["unreadable"] = g["unreadable"] or unreadable
        g["review"] = g["review"] or (s.status != "received" and not unreadable)
        g["late"] = g["late"] or s.late
    return [groups[k] for k in sorted(groups)]


def _problems(
    campaign: Campaign,
    row: Message,
    problems: Sequence[str] | None,
    subs: Sequence[Submission],
    atts: Sequence[AttachmentRow],
    state: UnitState,
) -> list[str]:
    texts: list[str] = []
    if problems is not None:
        texts += problems
    else:  # read back from the rows (preview, seeded tests): the stored sentences
        texts += [p["message"] for p in row.problems or []]
        texts += [
            attachment_problem_vi(a.problem, a.filename, a.locked_members, a.locked_in)
            for a in atts
            if a.problem in ATTACHMENT_PROBLEM_CODES
        ]
        texts += [
            wrong_document_vi(a.filename, w["title"], campaign.deliverable(w["named_as"]).name)
            for a in atts
            if (w := a.wrong_document) is not None
        ]
    texts += [p["message"] for s in subs for p in s.problems or []]
    texts += [p.message for p in state.problems]
    return list(dict.fromkeys(t for t in texts if t and t not in _SAID_ABOVE))


def ack_context(
    app: App,
    session: Session,
    row: Message,
    unit: Unit,
    now: dt.datetime,
    written: Written | None = None,
    problems: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Everything the ack templates read, from the rows flushed for ``row``.

    ``written`` are ``row``'s submissions and attachments when the caller has just
    written them, and ``problems`` the sentences found while understanding the mail;
    otherwise both are read back from the rows.
    """
    campaign = app.campaign
    if written is not None:
        subs, atts = list(written.submissions), list(written.attachments)
    else:
        subs = list(
            session.scalars(
                select(Submission)
                .where(Submission.message_id == row.id)
                .options(joinedload(Submission.attachment), joinedload(Submission.nomination))
                .order_by(Submission.id)
            )
        )
        atts = list(
            session.scalars(
                select(AttachmentRow).where(AttachmentRow.message_id == row.id).order_by(AttachmentRow.id)
            )
        )
    counted = {s.attachment_id for s in subs}
    state = load_unit_state(session, campaign, unit)
    category = row.category
    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        unit=unit_context(state),
        original_subject=(row.subject or "").strip() or "(không có tiêu đề)",
        reply_subject=reply_subject(row.subject),
        received_at=row.received_at,
        sender=row.sender or "",
        nothing_recorded=category in NOTHING_RECORDED,
        drive_links=category == "drive_links",
        time_request=category == "time_request",
        received=_received_groups(campaign, subs),
        unassigned=[
            a.filename
            for a in atts
            if a.id not in counted and not a.problem and not a.other_paper and not a.wrong_document
        ],
        # Papers that are none of the plan's documents (the meeting's minutes): kept, not counted.
        other_papers=[a.filename for a in atts if a.id not in counted and not a.problem and a.other_paper],
        # Files came, but none could be opened (the problems below say which and why).
        none_readable=bool(atts) and all(a.problem for a in atts if a.id not in counted) and not subs,
        problems=_problems(campaign, row, problems, subs, atts, state),
        signatures=signature_lines(atts, campaign.tz),
        owed=missing_items(campaign, state),
        deadlines=[{"label": d.label, "date": d.date} for d in campaign.deadlines],
    )
    ctx["received_types"] = ",".join(dict.fromkeys(g["type"] for g in ctx["received"]))
    return ctx


def _recent_acks_to(session: Session, sender: str, now: dt.datetime) -> int:
    since = now - dt.timedelta(hours=1)
    return session.scalar(
        select(func.count())
        .select_from(OutboxMail)
        .where(OutboxMail.kind == "ack", OutboxMail.rate_key == sender, OutboxMail.created_at > since)
    )


def queue_ack(
    app: App,
    session: Session,
    row: Message,
    now: dt.datetime,
    *,
    written: Written | None = None,
    problems: Sequence[str] | None = None,
    spam: bool = False,
) -> OutboxMail | None:
    """Queue the acknowledgment of ``row`` in the caller's transaction.

    ``written`` and ``problems`` (see :func:`ack_context`) save reading back what the
    caller has at hand; ``spam`` is intake's verdict on the mail.  Returns the outbox
    row, or ``None`` when nothing is to be sent (not a submission, no unit, spam,
    already acknowledged).
    """
    sender = normalize_email(row.sender or "")
    if row.unit_id is None and not spam:
        queue_holding_reply(app, session, row, now)
        return None
    if (
        row.state != "processed"
        or row.category not in ACK_CATEGORIES
        or row.unit_id is None
        or not sender
        or sender in app.own_addresses
        or spam
    ):
        return None
    session.flush()
    unit = (
        session.scalars(select(Unit).where(Unit.id == row.unit_id).options(joinedload(Unit.addresses)))
        .unique()
        .one()
    )
    ctx = ack_context(app, session, row, unit, now, written, problems)
    subject, text, html = mail_renderer(app).render("ack", ctx)

    unit_addresses = [a.email for a in unit.addresses]
    cc = [] if sender in {normalize_email(a) for a in unit_addresses} else unit_addresses
    headers = {"X-Intake-Unit": unit.code, "X-Intake-Received": ctx["received_types"]}
    headers.update(reply_headers(row.message_id_header, row.references))
    # Keyed on the recorded message, never on its Message-ID: the sender writes that header,
    # and a second, different mail reusing it (by accident or to silence a unit) is still
    # a new mail that deserves its own answer.  A copy of the same mail coming back is
    # recognised before this (a duplicate is never recorded as processed).
    key = f"ack:message:{row.id}"

    limit = app.settings.smtp.max_acks_per_sender_per_hour
    flooded = _recent_acks_to(session, sender, now) >= limit
    out = enqueue(
        session,
        key=key,
        kind="ack",
        recipients=[row.sender or sender],
        cc=cc,
        subject=subject,
        text=text,
        html=html,
        sender=sender_of(app.settings),
        now=now,
        unit_id=unit.id,
        campaign=app.campaign.id,
        headers=headers,
        in_reply_to_message_id=row.id,
        state="held" if flooded else "pending",
    )
    if out is None:
        log.warning("ack %s not queued: the outbox already holds that key", key)
    elif flooded:
        log.warning("ack %s held: more than %d acknowledgments to %s within an hour", key, limit, sender)
        queue_flood_notice(app, session, sender, unit, now)
    return out
