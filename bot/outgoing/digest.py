"""The daily digest to the staff: one screen instead of reading the mailbox.

:func:`build_digest` gathers, at ``now``, in the order a reader needs them:

1. the headline figures: per deadline, units complete / partial / nothing
   (:mod:`bot.reporting.headlines`, the dashboard's numbers too); files received since
   the previous digest, how many late, how many wait for review;
2. what needs a decision today, each once: the review queue (a unit asking for more time,
   a stranger's files, an unknown sender, an uncertain file, quarantined mail), addresses
   that bounced and mail that failed since the last digest, acknowledgments held back;
3. only what changed since the previous digest: one line per unit that sent something
   (what, for whom, late or waiting, the dossier now complete), deadlines that passed;
   junk (spam, auto-replies, copies) counted in one line, never listed;
4. the next deadlines and staff milestones.

The full matrix (every unit, every deliverable, contacts) is the attached ``.xlsx``
(:mod:`bot.exports.matrix`, overview layout).  Past :data:`MAX_DECISIONS` decisions or
:data:`MAX_CHANGES` changed units the rest is counted, so a campaign of thousands of units
still reads on one screen.  Every query is one statement whatever the number of units
(:mod:`bot.reporting.snapshot`, :mod:`bot.reporting.activity`).

:func:`queue_digest` queues it once per local day (key ``digest:{campaign}:{date}``),
not before the configured hour; run again the same day it does nothing, and after
downtime it sends today's digest once, never the missed days'.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.model import Campaign
from bot.campaign.tracking import UnitState
from bot.exports.matrix import OVERVIEW, XLSX_TYPE, matrix_bytes
from bot.outgoing.context import base_context
from bot.outgoing.outbox import MailAttachment, enqueue, sender_of
from bot.outgoing.render import mail_renderer
from bot.reporting import activity
from bot.reporting.headlines import COMPLETE, deadline_headlines, unit_progress
from bot.reporting.snapshot import ReviewItem, gc_paused, load_snapshot
from bot.store import repo
from bot.store.models import OutboxMail
from bot.vocabulary import ReviewReason, problem_heading_vi, quarantine_reason_vi

log = logging.getLogger(__name__)

# The intake verdict as the digest shows it: {"ok", "last_success_at", "last_error"}.
IntakeHealth = Mapping[str, Any]
# Listed one by one up to these numbers; the rest is counted (see the module docstring).
MAX_DECISIONS = 15
MAX_CHANGES = 20
UPCOMING = 3


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
    holding = activity.holding_replies(session, [m.id for m in snap.review])
    decisions = decision_items(snap.review, holding)
    # Bounces and failures are reported once: those since the previous digest (all of them
    # in the first one).
    decisions += [{**b, "kind": "bounced"} for b in activity.bounced_addresses(session, previous)]
    decisions += [
        {**f, "kind": "failed", "mail_kind": f["kind"]} for f in activity.failed_mail(session, previous)
    ]
    held = repo.outbox_counts(session).get("held", 0)
    if held:
        decisions.append({"kind": "held", "count": held})
    changes = unit_changes(campaign, snap.units, arrived)

    ctx = base_context(app.settings, campaign, now)
    ctx.update(
        today=today,
        since=since,
        first=previous is None,
        headlines=[asdict(h) for h in deadline_headlines(campaign, snap.units, now)],
        totals={"units": len(snap.units), "complete": sum(1 for st in snap.units if st.complete)},
        arrived={
            "files": len(arrived),
            "units": len({a["unit_code"] for a in arrived if a["unit_code"]}),
            "late": sum(1 for a in arrived if a["late"]),
            "review": sum(1 for a in arrived if a["review"]),
        },
        review_count=len(snap.review),
        decisions=decisions[:MAX_DECISIONS],
        decisions_more=max(0, len(decisions) - MAX_DECISIONS),
        decision_count=len(decisions),
        changes=changes[:MAX_CHANGES],
        changes_more=max(0, len(changes) - MAX_CHANGES),
        passed=passed_deadlines(campaign, snap.units, since, now),
        junk=activity.junk(session, since, now),
        counts=snap.counts,
        health=dict(health),
        upcoming=upcoming(campaign, today)[:UPCOMING],
    )
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


def decision_items(review: list[ReviewItem], holding: set[int]) -> list[dict]:
    """One item per mail waiting for staff, the kind saying what is to be decided."""
    kinds = {
        ReviewReason.TIME_REQUEST: "time_request",
        ReviewReason.UNVERIFIED_SENDER: "unverified",
        ReviewReason.UNKNOWN_UNIT: "unknown_unit",
        ReviewReason.UNCERTAIN_TYPE: "uncertain",
        ReviewReason.UNCERTAIN_NOMINEE: "uncertain",
        ReviewReason.SIGNATURE_INVALID: "signature_invalid",
    }
    out = []
    for m in review:
        head, _, rest = (m.review_reason or "").partition(":")
        kind = "quarantined" if m.state == "quarantined" else kinds.get(head.strip(), "other")  # type: ignore[call-overload]
        out.append(
            {
                "kind": kind,
                "id": m.id,
                "received_at": m.received_at,
                "sender": m.sender or "",
                "subject": (m.subject or "").strip() or "(không có tiêu đề)",
                "unit": m.unit_name or "",
                "suggested_unit": m.suggested_unit_name or "",
                "files": m.files,
                "holding_sent": m.id in holding,
                "reason": quarantine_reason_vi(rest.strip()) if kind == "quarantined" else "",
            }
        )
    return out


def unit_changes(campaign: Campaign, states: list[UnitState], arrived: list[dict]) -> list[dict]:
    """Per unit that sent files in the period, in arrival order: what (per deliverable and
    nominee, with the number of files), late or waiting, problems found, and the deadlines
    whose dossier is now complete."""
    by_code = {st.unit.code: st for st in states}
    units: dict[str, dict] = {}
    for a in arrived:
        if not a["unit_code"]:
            continue  # not yet tied to a unit: a decision, listed there
        u = units.setdefault(
            a["unit_code"], {"unit": a["unit"], "items": {}, "problems": [], "deadlines": set()}
        )
        nominee = a["nominee"]
        key = (a["deliverable"], nominee["name"] if nominee else "")
        item = u["items"].setdefault(
            key,
            {"deliverable": a["deliverable"], "nominee": nominee, "files": 0, "late": False, "review": False},
        )
        item["files"] += 1
        item["late"] = item["late"] or a["late"]
        item["review"] = item["review"] or a["review"]
        u["problems"] += [problem_heading_vi(c) for c in a["problems"] if c]
        if a["type"]:
            with contextlib.suppress(KeyError):
                u["deadlines"].add(campaign.deliverable(a["type"]).deadline)
    out = []
    for code, u in units.items():
        st = by_code.get(code)
        completed = [
            d.label
            for d in campaign.deadlines
            if st is not None and d.id in u["deadlines"] and unit_progress(st, d.id) == COMPLETE
        ]
        out.append(
            {
                "unit": u["unit"],
                "sent": list(u["items"].values()),
                "problems": list(dict.fromkeys(u["problems"])),
                "completed": completed,
            }
        )
    return out


def passed_deadlines(
    campaign: Campaign, states: list[UnitState], since: dt.datetime, now: dt.datetime
) -> list[dict]:
    """Deadlines that passed since the previous digest, with the units that still owe."""
    out = []
    for d in campaign.deadlines:
        if since < campaign.deadline_instant(d.id) <= now:
            owing = sum(1 for st in states if unit_progress(st, d.id) != COMPLETE)
            out.append({"label": d.label, "date": d.date, "owing": owing})
    return out


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
