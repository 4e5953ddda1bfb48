"""The daily digest to the staff: one mail instead of reading the mailbox.

:func:`build_digest` gathers, at ``now``: received / missing counts per deliverable,
what arrived since the previous digest, units still owing something (with their
secretaries' contacts), late submissions, problems, the review queue, quarantined mail,
delivery failures, intake health, and the next deadlines and staff milestones.  It is
rendered from ``mail_templates/digest.*`` with the tracking matrix attached as
``.xlsx`` (:mod:`bot.exports.matrix`, overview layout).

A real campaign has about 40 units and the digest names each of them.  Past
:data:`MAX_LISTED_UNITS` units (or :data:`MAX_LISTED_FILES` files) a section is given
as counts (``*_summary`` in the context, the list left empty) and the attached matrix,
which always has every unit, carries the detail.  Every query is one statement whatever
the number of units, reading plain rows (:mod:`bot.reporting.snapshot`,
:mod:`bot.reporting.activity`).

:func:`queue_digest` queues it once per local day (key ``digest:{campaign}:{date}``),
not before the configured hour; run again the same day it does nothing, and after
downtime it sends today's digest once, never the missed days'.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.model import Campaign
from bot.campaign.planning import missing_items
from bot.campaign.tracking import UnitState
from bot.exports.matrix import OVERVIEW, XLSX_TYPE, matrix_bytes
from bot.outgoing.context import base_context, by_due
from bot.outgoing.outbox import MailAttachment, enqueue, sender_of
from bot.outgoing.render import mail_renderer
from bot.reporting import activity
from bot.reporting.snapshot import gc_paused, load_snapshot
from bot.store import repo
from bot.store.models import OutboxMail
from bot.vocabulary import problem_heading_vi, review_reason_vi

log = logging.getLogger(__name__)

# The intake verdict as the digest shows it: {"ok", "last_success_at", "last_error"}.
IntakeHealth = Mapping[str, Any]
# Listed one by one up to these numbers; counted past them (see the module docstring).
MAX_LISTED_UNITS = 100
MAX_LISTED_FILES = 300


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


def build_digest(app: App, session: Session, now: dt.datetime, health: IntakeHealth) -> Digest:
    """The digest due at ``now`` (not queued), showing the intake verdict ``health``."""
    with gc_paused():
        return _build_digest(app, session, now, health)


def _build_digest(app: App, session: Session, now: dt.datetime, health: IntakeHealth) -> Digest:
    campaign = app.campaign
    today = now.astimezone(campaign.tz).date()
    snap = load_snapshot(session, campaign)
    previous = session.scalars(
        select(func.max(OutboxMail.created_at)).where(
            OutboxMail.kind == "digest", OutboxMail.campaign == campaign.id, OutboxMail.created_at < now
        )
    ).first()
    since = previous or now - dt.timedelta(days=1)

    arrived = activity.arrivals(session, campaign, since, now)
    late = late_lines(campaign, snap.units)
    owing = [(st, items) for st in snap.units if (items := missing_items(campaign, st))]
    problems = unit_problems(snap.units)
    review = [
        {
            "received_at": m.received_at,
            "sender": m.sender or "",
            "subject": m.subject or "",
            "reason": review_reason_vi(m.review_reason),
            "suggested_unit": m.suggested_unit_name or "",
            "files": m.files,
        }
        for m in snap.review
        if m.state != "quarantined"
    ]
    outbox = repo.outbox_counts(session)

    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        today=today,
        since=since,
        totals={"units": len(snap.units), "complete": sum(1 for st in snap.units if st.complete)},
        per_deliverable=per_deliverable(campaign, snap.units),
        review=review,
        quarantined=activity.quarantined(session),
        bounced=activity.bounced_addresses(session),
        failed=activity.failed_mail(session),
        held=outbox.get("held", 0),
        retrying=outbox.get("pending", 0),
        counts=snap.counts,
        health=dict(health),
        upcoming=upcoming(campaign, today),
    )
    ctx.update(_listed_or_counted("arrived", arrived, MAX_LISTED_FILES, file_summary))
    ctx.update(_listed_or_counted("late", late, MAX_LISTED_FILES, file_summary))
    ctx.update(_listed_or_counted("problems", problems, MAX_LISTED_UNITS, problem_summary))
    if len(owing) > MAX_LISTED_UNITS:
        ctx.update(missing_units=[], missing_summary=unit_summary(campaign, [st for st, _ in owing]))
    else:
        ctx.update(missing_units=[_owing_unit(st, items) for st, items in owing], missing_summary=None)
    subject, text, html = mail_renderer(app).render("digest", ctx)
    return Digest(
        key=digest_key(campaign.id, today),
        recipients=list(app.settings.staff.digest_recipients),
        subject=subject,
        text=text,
        html=html,
        xlsx=matrix_bytes(campaign, snap.units, now, OVERVIEW),
        xlsx_name=f"tong-hop-{campaign.id}-{today:%Y%m%d}.xlsx",
        context=ctx,
    )


def _listed_or_counted(name: str, lines: list[dict], limit: int, summarise) -> dict:
    """``{name: lines, name_summary: None}``, or the counts and no list past ``limit``."""
    if len(lines) > limit:
        return {name: [], f"{name}_summary": summarise(lines)}
    return {name: lines, f"{name}_summary": None}


def per_deliverable(campaign: Campaign, states: list[UnitState]) -> list[dict]:
    """Units received / waiting for review / missing, per deliverable."""
    out = []
    for i, d in enumerate(campaign.deliverables):
        statuses = [st.deliverables[i].status for st in states]
        out.append(
            {
                "name": d.short_name,
                "due": campaign.deadline_of(d.id).date,
                "received": statuses.count("received"),
                "review": statuses.count("needs_review"),
                "missing": statuses.count("missing"),
            }
        )
    return out


def _owing_unit(st: UnitState, items) -> dict:
    u = st.unit
    return {
        "code": u.code,
        "name": u.name,
        "kind": u.kind,
        "secretary": u.secretary,
        "emails": list(u.emails),
        "missing": items,
        "by_due": by_due(items),
    }


def late_lines(campaign: Campaign, states: list[UnitState]) -> list[dict]:
    """Counted files that arrived after the unit's deadline, as tracking sees them."""
    found = []
    for st in states:
        nominees = {n.nomination.id: n.nomination for n in st.nominations}
        for d in st.deliverables:
            if not d.late:
                continue
            for f in d.late_files():
                nom = nominees.get(f.nomination_id)
                line = {
                    "unit": st.unit.name,
                    "deliverable": activity.deliverable_vi(campaign, d.type),
                    "nominee": {"name": nom.name, "kind": nom.kind} if nom else None,
                    "filename": f.filename,
                    "received_at": f.received_at,
                    "late": True,
                    "review": False,
                }
                found.append(((f.received_at, f.id), line))
    found.sort(key=lambda pair: pair[0])
    return [line for _, line in found]


def unit_problems(states: list[UnitState]) -> list[dict]:
    """Per unit with problems: the distinct messages (and their codes, for counting)."""
    out = []
    for st in states:
        found = [p for d in st.deliverables for p in d.problems] + list(st.problems)
        if found:
            out.append(
                {
                    "unit": st.unit.name,
                    "messages": list(dict.fromkeys(p.message for p in found)),
                    "codes": list(dict.fromkeys(p.code for p in found)),
                }
            )
    return out


def file_summary(lines: list[dict]) -> dict:
    """Counts instead of a list: files, units, and files per deliverable."""
    per: dict[str, int] = {}
    for a in lines:
        per[a["deliverable"]] = per.get(a["deliverable"], 0) + 1
    return {
        "files": len(lines),
        "units": len({a["unit"] for a in lines}),
        "review": sum(1 for a in lines if a["review"]),
        "late": sum(1 for a in lines if a["late"]),
        "by_deliverable": [{"name": k, "files": v} for k, v in per.items()],
    }


def unit_summary(campaign: Campaign, states: list[UnitState]) -> dict:
    """Units still owing something, counted by kind of unit."""
    per: dict[str, int] = {}
    for st in states:
        per[st.unit.kind] = per.get(st.unit.kind, 0) + 1
    return {
        "units": len(states),
        "groups": [{"name": campaign.unit_kind_name(k), "units": v} for k, v in per.items()],
    }


def problem_summary(problems: list[dict]) -> dict:
    """Units with problems, counted by kind of problem (most frequent first)."""
    per: dict[str, int] = {}
    for p in problems:
        for label in dict.fromkeys(problem_heading_vi(c) for c in p["codes"]):
            per[label] = per.get(label, 0) + 1
    return {
        "units": len(problems),
        "groups": [{"name": k, "units": v} for k, v in sorted(per.items(), key=lambda kv: -kv[1])],
    }


def upcoming(campaign, today: dt.date) -> list[dict]:
    """Deadlines and staff milestones from ``today`` on, in date order."""
    items = [{"date": d.date, "label": d.label, "deadline": True} for d in campaign.deadlines]
    items += [{"date": m.date, "label": m.label, "deadline": False} for m in campaign.milestones]
    items.sort(key=lambda i: i["date"])
    return [dict(i, days_left=(i["date"] - today).days) for i in items if i["date"] >= today]


def queue_digest(
    app: App, now: dt.datetime, health: IntakeHealth, dry_run: bool = False, force: bool = False
) -> DigestResult:
    """Queue today's digest if its hour has come and it is not queued yet.

    ``health`` is the intake verdict to show (``bot.pipeline.health``, handed in by the
    caller); ``force`` ignores the hour (a manual ``digest`` before the scheduled time).
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
        d = build_digest(app, s, now, health)
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
