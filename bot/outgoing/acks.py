"""Acknowledgments: the answer a unit gets to every submission mail.

:func:`queue_ack` is called by intake inside the transaction that records a message
(``bot.pipeline.poll._after_record``), so the acknowledgment exists exactly when the
message does.  It answers in the same thread (``In-Reply-To``, ``References``,
``Re:`` subject) and says, in Vietnamese: what was received per deliverable and per
nominee with the file names, what is waiting for staff, every problem found, and what
the unit still owes and by when.  A mail with no attachment or only Drive links gets a
polite note that nothing was recorded.

Nothing is queued for auto-replies, bounces, the bot's own mail, spam, or a sender not
tied to a unit (``message.unit_id is None``: those wait in the staff review queue).
Acknowledgments beyond ``smtp.max_acks_per_sender_per_hour`` to one sender are held
(state ``held``) and staff get a single notice that day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from bot.campaign.planning import missing_items
from bot.campaign.units import normalize_email
from bot.outgoing.context import base_context, unit_context
from bot.outgoing.outbox import enqueue, sender_of
from bot.reporting.snapshot import load_unit_state
from bot.store.models import AttachmentRow, Message, OutboxMail, Submission, Unit

log = logging.getLogger(__name__)

ACK_CATEGORIES = ("submission", "no_attachment", "drive_links")
_REPLY_PREFIX = re.compile(
    r"^\s*((re|aw|sv|tl|tr|fw|fwd|trả lời|tra loi|chuyển tiếp|chuyen tiep)\s*(\[\d+\])?\s*[:：]\s*)+",
    re.IGNORECASE,
)
# Attachment problems as units read them, for when the analysis is not at hand
# (the analysis carries the same sentences; these are the fallback).
_FILE_PROBLEMS_VI = {
    "refused_type": "Tệp «{name}» thuộc loại không được chấp nhận (tệp chạy được, tập lệnh hoặc văn bản có macro).",
    "too_large": "Tệp «{name}» vượt quá dung lượng cho phép.",
    "archive_limit": "Tệp nén «{name}» vượt giới hạn giải nén (số tệp, dung lượng hoặc độ sâu).",
    "unsupported_archive": "Tệp nén «{name}» có định dạng hệ thống chưa đọc được; đề nghị gửi trực tiếp các tệp.",
    "unreadable_file": "Tệp «{name}» bị hỏng hoặc đặt mật khẩu nên không đọc được.",
}
_MAX_REFERENCES = 10


def reply_subject(original: str | None) -> str:
    """``Re: <subject>`` without stacking ``Re:``/``TL:``/``Fwd:`` prefixes."""
    core = _REPLY_PREFIX.sub("", original or "").strip()
    return f"Re: {core}" if core else "Re: Xác nhận đã nhận thư"


def _is_spam(msg) -> bool:
    headers = {k.lower(): str(v) for k, v in (getattr(msg, "headers", None) or {}).items()}
    return headers.get("x-spam-flag", "").strip().lower() == "yes" or headers.get(
        "x-spam-status", ""
    ).lower().startswith("yes")


def _received_groups(campaign, subs: list[Submission]) -> list[dict]:
    """This message's files, grouped per deliverable and nominee, in the plan's order."""
    order = [d.id for d in campaign.deliverables]
    groups: dict[tuple, dict] = {}
    for s in subs:
        if s.status == "rejected" or s.deliverable not in order:
            continue
        nom = s.nomination
        k = (order.index(s.deliverable), nom.id if nom else 0)
        g = groups.setdefault(
            k,
            {
                "type": s.deliverable,
                "deliverable": campaign.deliverable(s.deliverable).name,
                "nominee": {"name": nom.name, "kind": nom.kind} if nom else None,
                "files": [],
                "review": False,
                "late": False,
            },
        )
        g["files"].append(s.attachment.filename)
        g["review"] = g["review"] or s.status != "received"
        g["late"] = g["late"] or s.late
    return [groups[k] for k in sorted(groups)]


def _problems(row: Message, analysis, subs: list[Submission], atts: list[AttachmentRow], state) -> list[str]:
    texts: list[str] = []
    if analysis is not None:
        texts += [p.message for p in analysis.problems]
        texts += [p.message for f in analysis.files for p in f.problems]
    else:
        texts += [p["message"] for p in row.problems or []]
        for a in atts:
            if a.problem in _FILE_PROBLEMS_VI:
                texts.append(_FILE_PROBLEMS_VI[a.problem].format(name=a.filename))
    texts += [p["message"] for s in subs for p in s.problems or []]
    texts += [p.message for p in state.problems]
    return list(dict.fromkeys(t for t in texts if t))


def ack_context(
    app, session: Session, row: Message, analysis, unit: Unit, now: dt.datetime, recorded=None
) -> dict:
    """Everything the ack templates read, from the rows flushed for ``row``.

    ``recorded`` (``bot.pipeline.record.Recorded``) are those rows when the caller
    has just written them; otherwise they are read back.
    """
    campaign = app.campaign
    if recorded is not None:
        subs, atts = list(recorded.submissions), list(recorded.attachments)
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
    category = analysis.category if analysis is not None else row.category
    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        unit=unit_context(state),
        original_subject=(row.subject or "").strip() or "(không có tiêu đề)",
        reply_subject=reply_subject(row.subject),
        received_at=row.received_at,
        sender=row.sender or "",
        nothing_recorded=category in ("no_attachment", "drive_links"),
        drive_links=category == "drive_links",
        received=_received_groups(campaign, subs),
        unassigned=[a.filename for a in atts if a.id not in counted and not a.problem],
        problems=_problems(row, analysis, subs, atts, state),
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
    app, session: Session, message_row: Message, msg, analysis, now: dt.datetime, recorded=None
) -> OutboxMail | None:
    """Queue the acknowledgment of ``message_row`` in the caller's transaction.

    ``msg`` (the parsed mail) and ``analysis`` may be ``None``; everything needed is in
    the rows flushed for the message.  Returns the outbox row, or ``None`` when nothing
    is to be sent (not a submission, no unit, spam, already acknowledged).
    """
    row = message_row
    category = analysis.category if analysis is not None else row.category
    sender = normalize_email(row.sender or (getattr(msg, "from_address", None) or ""))
    if (
        row.state != "processed"
        or category not in ACK_CATEGORIES
        or row.unit_id is None
        or not sender
        or sender in app.own_addresses
        or _is_spam(msg)
    ):
        return None
    session.flush()
    unit = (
        session.scalars(select(Unit).where(Unit.id == row.unit_id).options(joinedload(Unit.addresses)))
        .unique()
        .one()
    )
    ctx = ack_context(app, session, row, analysis, unit, now, recorded)
    subject, text, html = app.renderer.render("ack", ctx)

    unit_addresses = [a.email for a in unit.addresses]
    cc = [] if sender in {normalize_email(a) for a in unit_addresses} else unit_addresses
    headers = {"X-Intake-Unit": unit.code, "X-Intake-Received": ctx["received_types"]}
    if row.message_id_header:
        refs = [r for r in (row.references or []) if r != row.message_id_header]
        headers["In-Reply-To"] = row.message_id_header
        headers["References"] = " ".join([*refs[-(_MAX_REFERENCES - 1) :], row.message_id_header])
    key = f"ack:{row.message_id_header or f'row:{row.id}'}"

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
    if out is not None and flooded:
        log.warning("ack %s held: more than %d acknowledgments to %s within an hour", key, limit, sender)
        from bot.outgoing.notices import queue_flood_notice

        queue_flood_notice(app, session, sender, unit, now)
    return out
