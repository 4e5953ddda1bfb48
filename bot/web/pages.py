"""The dashboard's pages (GET): matrix, unit, review queue, outbox, exports, audit log.

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
from bot.reporting.snapshot import load_snapshot, load_unit_state
from bot.staff.review import review_queue
from bot.store.models import AuditLog, Extension, OutboxMail, Submission, Unit
from bot.vocabulary import review_reason_vi
from bot.web.common import bot_app, in_thread, render, require_user

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


def matrix_data(bot: App, f: MatrixFilters) -> dict:
    campaign = bot.campaign
    with bot.db.session() as s:
        snap = load_snapshot(s, campaign)
        review_count = len(snap.review)
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
    }


async def matrix_page(request: Request) -> Response:
    require_user(request)
    bot = bot_app(request)
    f = MatrixFilters.from_query(request.query_params, bot.campaign)
    data = await in_thread(matrix_data, bot, f)
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
            {"deliverable": e.deliverable, "deadline": e.deadline_id, "until": e.until, "by": e.created_by}
            for e in s.scalars(
                select(Extension)
                .where(Extension.campaign == campaign.id, Extension.unit_id == unit.id)
                .order_by(Extension.id)
            )
        ]
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
    }


async def unit_page(request: Request) -> Response:
    require_user(request)
    data = await in_thread(unit_data, bot_app(request), request.path_params["code"])
    if data is None:
        raise HTTPException(404, "Không có đơn vị này.")
    return render(request, "unit.html", data)


def review_data(bot: App) -> dict:
    with bot.db.session() as s:
        items = []
        for m in review_queue(s):
            subs: dict[int, list] = {}
            for x in s.scalars(
                select(Submission)
                .where(Submission.message_id == m.id, Submission.superseded_by_id.is_(None))
                .options(selectinload(Submission.nomination))
            ):
                subs.setdefault(x.attachment_id, []).append(x)
            items.append(
                {
                    "id": m.id,
                    "received_at": m.received_at,
                    "sender": m.sender,
                    "sender_name": m.sender_name,
                    "subject": m.subject,
                    "reason": m.review_reason,
                    "reason_vi": review_reason_vi(m.review_reason),
                    "suggested": m.suggested_unit.code if m.suggested_unit else "",
                    "suggested_name": m.suggested_unit.name if m.suggested_unit else "",
                    "evidence": list(m.match_evidence or []),
                    "body": (m.body_excerpt or "")[:600],
                    "problems": [p.get("message", "") for p in m.problems or []],
                    "files": [
                        {
                            "id": a.id,
                            "filename": a.filename,
                            "size": a.size,
                            "problem": a.problem,
                            "stored": bool(a.stored_path),
                            "guess": (a.facts or {}).get("deliverable"),
                            "nominee": ((a.facts or {}).get("nominee") or {}).get("name"),
                            "status": [(x.id, x.deliverable, x.status) for x in subs.get(a.id, [])],
                        }
                        for a in m.attachments
                    ],
                }
            )
        units = [(u.code, u.name) for u in s.scalars(select(Unit).order_by(Unit.code))]
    return {"items": items, "units": units, "deliverables": bot.campaign.deliverables}


async def review_page(request: Request) -> Response:
    require_user(request)
    data = await in_thread(review_data, bot_app(request))
    return render(request, "review.html", data)


def outbox_data(bot: App, limit: int = 200) -> dict:
    with bot.db.session() as s:
        codes = dict(s.execute(select(Unit.id, Unit.code)).all())
        rows = [
            {
                "id": o.id,
                "created_at": o.created_at,
                "kind": o.kind,
                "key": o.idempotency_key,
                "unit": codes.get(o.unit_id, ""),
                "recipients": ", ".join(o.recipients or []),
                "subject": o.subject,
                "state": o.state,
                "sent_at": o.sent_at,
            }
            for o in s.scalars(select(OutboxMail).order_by(OutboxMail.id.desc()).limit(limit))
        ]
    return {"rows": rows}


async def outbox_page(request: Request) -> Response:
    require_user(request)
    return render(request, "outbox.html", await in_thread(outbox_data, bot_app(request)))


def audit_data(bot: App, limit: int = 200) -> dict:
    with bot.db.session() as s:
        rows = [
            {
                "at": a.at,
                "actor": a.actor,
                "action": a.action,
                "entity": f"{a.entity} {a.entity_id or ''}",
                "detail": a.detail,
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
    Route("/review", review_page, methods=["GET"]),
    Route("/outbox", outbox_page, methods=["GET"]),
    Route("/audit", audit_page, methods=["GET"]),
    Route("/exports", exports_page, methods=["GET"]),
]
