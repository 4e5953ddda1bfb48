"""The daily digest to the staff: one mail instead of reading the mailbox.

:func:`build_digest` gathers, at ``now``: received / missing counts per deliverable,
what arrived since the previous digest, units still owing something (with their
secretaries' contacts), late submissions, problems, the review queue, quarantined mail,
delivery failures, intake health, and the next deadlines and staff milestones.  It is
rendered from ``mail_templates/digest.*`` with the tracking matrix attached as
``.xlsx`` (:mod:`bot.outgoing.matrix_xlsx`).

:func:`queue_digest` queues it once per local day (key ``digest:{campaign}:{date}``),
not before the configured hour; run again the same day it does nothing, and after
downtime it sends today's digest once, never the missed days'.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.outgoing.context import base_context, by_due, missing_items
from bot.outgoing.matrix_xlsx import XLSX_TYPE, build_matrix
from bot.outgoing.outbox import MailAttachment, enqueue, sender_of
from bot.outgoing.render import renderer
from bot.store import repo
from bot.store.models import Message, OutboxMail, Submission, Unit

log = logging.getLogger(__name__)

REVIEW_REASONS_VI = {
    "unknown_unit": "Chưa xác định được đơn vị gửi",
    "unverified_sender": "Địa chỉ gửi chưa được đăng ký cho đơn vị",
    "uncertain_type": "Chưa chắc chắn loại hồ sơ hoặc người được đề nghị",
    "quarantined": "Thư bị cách ly",
}
KIND_VI = {
    "ack": "Thư xác nhận",
    "reminder": "Thư nhắc",
    "overdue": "Thông báo quá hạn",
    "digest": "Bản tổng hợp",
    "notice": "Thông báo",
}


@dataclass
class Digest:
    key: str
    recipients: list[str]
    subject: str
    text: str
    html: str
    xlsx: bytes
    xlsx_name: str
    context: dict = field(repr=False, default_factory=dict)


@dataclass
class DigestResult:
    status: str  # queued | already_queued | not_yet | no_recipients | dry_run
    key: str
    digest: Digest | None = None
    row_id: int | None = None


def digest_key(campaign_id: str, day: dt.date) -> str:
    return f"digest:{campaign_id}:{day.isoformat()}"


def _review_reason(m: Message) -> str:
    reason = m.review_reason or ""
    head, _, rest = reason.partition(":")
    text = REVIEW_REASONS_VI.get(head.strip(), reason)
    return f"{text}: {rest.strip()}" if rest.strip() and head.strip() in REVIEW_REASONS_VI else text


def _health(app, now: dt.datetime) -> dict:
    from bot.services.health import check_health

    h = check_health(app, now)
    return {"ok": h.ok, "last_success_at": h.last_success_at, "last_error": h.last_error}


def build_digest(app, session: Session, now: dt.datetime) -> Digest:
    """The digest due at ``now`` (not queued)."""
    from bot.reporting.snapshot import load_snapshot

    campaign = app.campaign
    tz = campaign.tz
    today = now.astimezone(tz).date()
    snap = load_snapshot(session, campaign)
    previous = session.scalars(
        select(func.max(OutboxMail.created_at)).where(
            OutboxMail.kind == "digest", OutboxMail.campaign == campaign.id, OutboxMail.created_at < now
        )
    ).first()
    since = previous or now - dt.timedelta(days=1)

    per_deliverable = []
    for i, d in enumerate(campaign.deliverables):
        statuses = [st.deliverables[i].status for st in snap.units]
        per_deliverable.append(
            {
                "name": d.short_name,
                "due": campaign.deadline_of(d.id).date,
                "received": statuses.count("received"),
                "review": statuses.count("needs_review"),
                "missing": statuses.count("missing"),
            }
        )

    new_subs = session.scalars(
        select(Submission)
        .where(
            Submission.campaign == campaign.id, Submission.created_at > since, Submission.created_at <= now
        )
        .options(
            selectinload(Submission.attachment),
            selectinload(Submission.unit),
            selectinload(Submission.nomination),
        )
        .order_by(Submission.received_at, Submission.id)
    )
    arrived = [_sub_line(campaign, s) for s in new_subs]
    late = [
        _sub_line(campaign, s)
        for s in repo.current_submissions(session, campaign.id)
        if s.late and s.status == "received"
    ]

    missing_units, problems = [], []
    for st in snap.units:
        items = missing_items(campaign, st)
        if items:
            u = st.unit
            missing_units.append(
                {
                    "code": u.code,
                    "name": u.name,
                    "secretary": u.secretary,
                    "emails": list(u.emails),
                    "missing": items,
                    "by_due": by_due(items),
                }
            )
        msgs = list(
            dict.fromkeys(
                [p.message for d in st.deliverables for p in d.problems] + [p.message for p in st.problems]
            )
        )
        if msgs:
            problems.append({"unit": st.unit.name, "messages": msgs})

    review = [
        {
            "received_at": m.received_at,
            "sender": m.sender or "",
            "subject": m.subject or "",
            "reason": _review_reason(m),
            "suggested_unit": m.suggested_unit.name if m.suggested_unit else "",
            "files": len(m.attachments),
        }
        for m in snap.review
        if m.state != "quarantined"
    ]
    quarantined = [
        {
            "received_at": m.received_at,
            "sender": m.sender or "",
            "subject": m.subject or "",
            "reason": quarantine_reason_vi(m.reason or ""),
        }
        for m in session.scalars(
            select(Message).where(Message.state == "quarantined").order_by(Message.received_at)
        )
    ]
    bounced = bounced_addresses(session)
    unit_names = {uid: name for uid, name in session.execute(select(Unit.id, Unit.name))}
    failed = [
        {
            "kind": KIND_VI.get(o.kind, o.kind),
            "recipients": ", ".join(o.recipients or []),
            "subject": o.subject,
            "error": o.last_error or "",
            "created_at": o.created_at,
            "unit": unit_names.get(o.unit_id, ""),
        }
        for o in session.scalars(
            select(OutboxMail).where(OutboxMail.state == "failed").order_by(OutboxMail.id)
        )
    ]
    outbox = repo.outbox_counts(session)

    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        today=today,
        since=since,
        totals={"units": len(snap.units), "complete": sum(1 for st in snap.units if st.complete)},
        per_deliverable=per_deliverable,
        arrived=arrived,
        missing_units=missing_units,
        late=late,
        problems=problems,
        review=review,
        quarantined=quarantined,
        bounced=bounced,
        failed=failed,
        held=outbox.get("held", 0),
        retrying=outbox.get("pending", 0),
        counts=snap.counts,
        health=_health(app, now),
        upcoming=upcoming(campaign, today),
    )
    subject, text, html = renderer(campaign.timezone).render("digest", ctx)
    return Digest(
        key=digest_key(campaign.id, today),
        recipients=list(app.settings.staff.digest_recipients),
        subject=subject,
        text=text,
        html=html,
        xlsx=build_matrix(campaign, snap.units, now),
        xlsx_name=f"tong-hop-{campaign.id}-{today:%Y%m%d}.xlsx",
        context=ctx,
    )


# Quarantine reasons are recorded as English codes (for logs and tools); staff read these.
_QUARANTINE_VI = {
    "too_large": "thư vượt quá dung lượng cho phép",
    "internal_error": "lỗi hệ thống khi xử lý thư (đã ghi nhật ký để kiểm tra)",
    "unparseable": "thư sai định dạng, không đọc được",
}


def quarantine_reason_vi(reason: str) -> str:
    code = reason.split(":", 1)[0].strip()
    return _QUARANTINE_VI.get(code, reason or "không rõ lý do")


def bounced_addresses(session: Session) -> list[dict]:
    """Addresses that bounced (delivery-status reports), with the unit they belong to."""
    from bot.store.models import UnitAddress

    owners = {
        a.email: a.unit.name
        for a in session.scalars(select(UnitAddress).options(selectinload(UnitAddress.unit)))
    }
    seen: dict[str, dict] = {}
    rows = session.scalars(select(Message).where(Message.category == "bounce").order_by(Message.received_at))
    for m in rows:
        _, _, addrs = (m.reason or "").partition(":")
        for addr in filter(None, (a.strip().lower() for a in addrs.split(","))):
            seen[addr] = {"address": addr, "unit": owners.get(addr, ""), "last_at": m.received_at}
    return list(seen.values())


def upcoming(campaign, today: dt.date) -> list[dict]:
    """Deadlines and staff milestones from ``today`` on, in date order."""
    items = [{"date": d.date, "label": d.label, "deadline": True} for d in campaign.deadlines]
    items += [{"date": m.date, "label": m.label, "deadline": False} for m in campaign.milestones]
    items.sort(key=lambda i: i["date"])
    return [dict(i, days_left=(i["date"] - today).days) for i in items if i["date"] >= today]


def _sub_line(campaign, s: Submission) -> dict:
    nom = s.nomination
    return {
        "unit": s.unit.name if s.unit else "",
        "deliverable": campaign.deliverable(s.deliverable).short_name if s.deliverable else "Chưa xác định",
        "nominee": {"name": nom.name, "kind": nom.kind} if nom else None,
        "filename": s.attachment.filename,
        "received_at": s.received_at,
        "late": s.late,
        "review": s.status != "received",
    }


def queue_digest(app, now: dt.datetime, dry_run: bool = False, force: bool = False) -> DigestResult:
    """Queue today's digest if its hour has come and it is not queued yet.

    ``force`` ignores the hour (a manual ``digest`` before the scheduled time).
    """
    campaign = app.campaign
    local = now.astimezone(campaign.tz)
    key = digest_key(campaign.id, local.date())
    if not app.settings.staff.digest_recipients:
        return DigestResult("no_recipients", key)
    if not force and not dry_run and local.time() < app.settings.schedule.digest_time:
        return DigestResult("not_yet", key)
    with app.db.session() as s:
        if not dry_run and s.scalars(select(OutboxMail.id).where(OutboxMail.idempotency_key == key)).first():
            return DigestResult("already_queued", key)
        d = build_digest(app, s, now)
        if dry_run:
            return DigestResult("dry_run", key, d)
        row = enqueue(
            s,
            key=key,
            kind="digest",
            recipients=d.recipients,
            subject=d.subject,
            text=d.text,
            html=d.html,
            sender=sender_of(app.settings),
            now=now,
            campaign=campaign.id,
            attachments=[MailAttachment(d.xlsx_name, d.xlsx, XLSX_TYPE)],
        )
        if row is None:
            return DigestResult("already_queued", key, d)
        row_id = row.id
    log.info("digest %s queued", key)
    return DigestResult("queued", key, d, row_id)
