"""The dashboard's pages (GET): matrix, unit, outbox, exports, audit log.

The matrix opens with the headline figures per deadline (units complete / partial /
nothing, :mod:`bot.reporting.headlines`, the digest's numbers).  The unit page carries
the forms that fix its record in one step (a file's place, a nominee's name); the audit
log is read as Vietnamese sentences (:mod:`bot.reporting.auditlog`).  The review queue is
:mod:`bot.web.review`.

Each page loads what it shows inside one session and turns it into plain data before
the session closes, so a template can never trigger a database query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.app import App
from bot.campaign.model import Campaign
from bot.campaign.tracking import DeliverableState, UnitState
from bot.outgoing.signed import signature_line
from bot.reporting.auditlog import actor_vi, audit_sentence
from bot.reporting.headlines import deadline_headlines
from bot.reporting.snapshot import load_snapshot, load_unit_state
from bot.store.models import AuditLog, Extension, Nomination, OutboxMail, Submission, Unit
from bot.vocabulary import OUTBOX_KINDS_VI, OUTBOX_STATES_VI
from bot.web.common import bot_app, in_thread, now, render, require_user

STATUSES = ("received", "missing", "needs_review")


@dataclass
class MatrixFilters:
    kind: str = ""
    status: str = ""
    deadline: str = ""
    late: bool = False
    problems: bool = False

    @classmethod
    def from_query(cls, q: Mapping[str, str], campaign: Campaign) -> MatrixFilters:
        f = cls(
            kind=q.get("kind", ""),
            status=q.get("status", ""),
            deadline=q.get("deadline", ""),
            late=q.get("late") == "1",
            problems=q.get("problems") == "1",
        )
        # Unknown values are ignored rather than producing an empty page.
        if f.kind not in campaign.unit_kinds:
            f.kind = ""
        if f.status not in STATUSES:
            f.status = ""
        if f.deadline not in {d.id for d in campaign.deadlines}:
            f.deadline = ""
        return f


def _problems(st: UnitState, cells: list[DeliverableState]) -> list[str]:
    return list(
        dict.fromkeys([p.message for c in cells for p in c.problems] + [p.message for p in st.problems])
    )


def matrix_data(bot: App, f: MatrixFilters, moment) -> dict:
    campaign = bot.campaign
    with bot.db.session() as s:
        snap = load_snapshot(s, campaign)
        review_count = len(snap.review)
    headlines = deadline_headlines(campaign, snap.units, moment)
    deliverables = [d for d in campaign.deliverables if not f.deadline or d.deadline == f.deadline]
    rows, totals = [], dict.fromkeys(STATUSES, 0)
    for st in snap.units:
        cells = [st.deliverable(d.id) for d in deliverables]
        for c in cells:
            totals[c.status] += 1
        problems = _problems(st, cells)
        if (
            (f.kind and st.unit.kind != f.kind)
            or (f.status and not any(c.status == f.status for c in cells))
            or (f.late and not any(c.late for c in cells))
            or (f.problems and not problems)
        ):
            continue
        rows.append({"unit": st.unit, "cells": cells, "nominations": st.nominations, "problems": problems})
    return {
        "deliverables": deliverables,
        "rows": rows,
        "totals": totals,
        "review_count": review_count,
        "unit_kinds": campaign.unit_kinds,
        "deadlines": campaign.deadlines,
        "units_total": len(snap.units),
        "headlines": headlines,
    }


async def matrix_page(request: Request) -> Response:
    require_user(request)
    bot = bot_app(request)
    f = MatrixFilters.from_query(request.query_params, bot.campaign)
    data = await in_thread(matrix_data, bot, f, now(request))
    return render(request, "matrix.html", {"f": f, **data})


def _file_dict(s, tz: ZoneInfo) -> dict:
    return {
        "id": s.id,
        "attachment_id": s.attachment_id,
        "filename": s.attachment.filename,
        "size": s.attachment.size,
        "deliverable": s.deliverable,
        "nominee": s.nomination.name if s.nomination else None,
        "nominee_kind": s.nomination.kind if s.nomination else None,
        "status": s.status,
        "verdict": s.verdict,
        "comment": s.verdict_comment,
        "received_at": s.received_at,
        "late": s.late,
        "superseded_by": s.superseded_by_id,
        "nominee_id": s.nomination_id,
        "message_id": s.message_id,
        "subject": s.message.subject,
        "sender": s.message.sender,
        "problems": [p.get("message", "") for p in s.problems or []],
        "signature": _signature_text(s.attachment, tz),
    }


def _signature_text(attachment, tz: ZoneInfo) -> str | None:
    """ "Đã ký số: <signer>, <time>, hợp lệ" (or what is wrong) for a signed file."""
    signatures = (attachment.facts or {}).get("signatures")
    if not signatures:
        return None
    return signature_line(attachment.filename, signatures, tz).split(": ", 1)[1]


def unit_data(bot: App, code: str) -> dict | None:
    campaign = bot.campaign
    with bot.db.session() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code).options(selectinload(Unit.addresses))).first()
        if unit is None:
            return None
        st = load_unit_state(s, campaign, unit)
        subs = s.scalars(
            select(Submission)
            .where(Submission.campaign == campaign.id, Submission.unit_id == unit.id)
            .options(
                selectinload(Submission.attachment),
                selectinload(Submission.nomination),
                selectinload(Submission.message),
            )
            .order_by(Submission.received_at.desc(), Submission.id.desc())
        )
        files = [_file_dict(x, bot.campaign.tz) for x in subs]
        extensions = [
            {
                "deliverable": e.deliverable,
                "deadline": campaign.deadline(e.deadline_id).label,
                "until": e.until,
                "by": actor_vi(e.created_by),
            }
            for e in s.scalars(
                select(Extension)
                .where(Extension.campaign == campaign.id, Extension.unit_id == unit.id)
                .order_by(Extension.id)
            )
        ]
        nominees = [
            {"id": n.id, "name": n.name, "kind": n.kind, "withdrawn": n.withdrawn_at is not None}
            for n in s.scalars(
                select(Nomination)
                .where(Nomination.campaign == campaign.id, Nomination.unit_id == unit.id)
                .order_by(Nomination.id)
            )
        ]
        units = [(u.code, u.name) for u in s.scalars(select(Unit).order_by(Unit.code))]
        info = {
            "code": unit.code,
            "name": unit.name,
            "kind": campaign.unit_kinds[unit.kind].name if unit.kind in campaign.unit_kinds else unit.kind,
            "secretary": unit.secretary,
            "emails": [a.email for a in unit.addresses],
        }
    current = [f for f in files if f["superseded_by"] is None]
    history = [f for f in files if f["superseded_by"] is not None]
    problems = _problems(st, st.deliverables)
    return {
        "unit": info,
        "state": st,
        "current": current,
        "history": history,
        "extensions": extensions,
        "problems": problems,
        "deliverables": campaign.deliverables,
        "deadlines": campaign.deadlines,
        "nominees": [n for n in nominees if not n["withdrawn"]],
        "withdrawn": [n for n in nominees if n["withdrawn"]],
        "units": units,
    }


async def unit_page(request: Request) -> Response:
    require_user(request)
    data = await in_thread(unit_data, bot_app(request), request.path_params["code"])
    if data is None:
        raise HTTPException(404, "Không có đơn vị này.")
    return render(request, "unit.html", data)


def outbox_data(bot: App, limit: int = 200) -> dict:
    with bot.db.session() as s:
        codes = dict(s.execute(select(Unit.id, Unit.code)).all())
        rows = [
            {
                "id": o.id,
                "created_at": o.created_at,
                "kind": OUTBOX_KINDS_VI.get(o.kind, o.kind),
                "key": o.idempotency_key,
                "unit": codes.get(o.unit_id, ""),
                "recipients": ", ".join(o.recipients or []),
                "subject": o.subject,
                "state": OUTBOX_STATES_VI.get(o.state, o.state),
                "sent_at": o.sent_at,
            }
            for o in s.scalars(select(OutboxMail).order_by(OutboxMail.id.desc()).limit(limit))
        ]
    return {"rows": rows}


async def outbox_page(request: Request) -> Response:
    require_user(request)
    return render(request, "outbox.html", await in_thread(outbox_data, bot_app(request)))


def audit_data(bot: App, limit: int = 200) -> dict:
    """The latest entries, newest first, each said as a sentence."""
    with bot.db.session() as s:
        units = dict(s.execute(select(Unit.code, Unit.name)).all())
        rows = [
            {
                "at": a.at,
                "actor": actor_vi(a.actor),
                "action": a.action,
                "text": audit_sentence(a.action, a.entity_id, a.detail or {}, bot.campaign, units),
            }
            for a in s.scalars(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit))
        ]
    return {"rows": rows}


async def audit_page(request: Request) -> Response:
    require_user(request)
    return render(request, "audit.html", await in_thread(audit_data, bot_app(request)))


async def exports_page(request: Request) -> Response:
    require_user(request)
    return render(request, "exports.html")


routes = [
    Route("/", matrix_page, methods=["GET"]),
    Route("/units/{code}", unit_page, methods=["GET"]),
    Route("/outbox", outbox_page, methods=["GET"]),
    Route("/audit", audit_page, methods=["GET"]),
    Route("/exports", exports_page, methods=["GET"]),
]
