"""The review queue on the dashboard: each mail waiting for staff, decided file by file.

For every file: what the bot read (deliverable, nominee, its reasons in Vietnamese,
:mod:`bot.reporting.evidence`), a preview link, and one form — the unit (preselected: the
registered sender's, else the one its documents name), the deliverable (preselected: the
bot's reading), and the nominee, with the nominees the file may be for offered first
(``submissions.candidates``), then the unit's others, then a new one.  A file can also be
refused on its own.  A whole mail can still be recorded or refused at once.  A unit's
request for more time is decided here too: a later date, or the deadline kept, the unit
told either way (:mod:`bot.staff.requests`).  When a mail leaves the queue tied to a unit,
its sender gets the acknowledgment (:func:`bot.staff.review.acknowledge_reviewed`).
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.app import App
from bot.reporting.evidence import explain
from bot.staff.errors import StaffError
from bot.staff.files import unit_nominations
from bot.staff.requests import decide_time_request
from bot.staff.review import (
    acknowledge_reviewed,
    assign_message,
    get_message,
    reject_file,
    reject_message,
    review_queue,
)
from bot.store.models import Nomination, OutboxMail, Submission, Unit
from bot.vocabulary import FILE_STATUS_VI, ReviewReason, attachment_problem_vi, review_reason_vi
from bot.web.common import (
    actor,
    bot_app,
    checked_form,
    form_date,
    form_int,
    in_thread,
    now,
    render,
    require_user,
    run_action,
)


def _file(a, subs: list[Submission], names: dict[int, str], campaign, units: dict[str, str]) -> dict:
    current = next((x for x in reversed(subs) if x.superseded_by_id is None), None)
    facts = a.facts or {}
    guess = (current.deliverable if current else None) or facts.get("deliverable")
    candidates = [(i, names[i]) for i in (current.candidates or []) if i in names] if current else []
    reasons = explain(
        list(current.evidence or []) if current else list(facts.get("evidence") or []), campaign, units
    )
    return {
        "id": a.id,
        "filename": a.filename,
        "size": a.size,
        "problem": attachment_problem_vi(a.problem, a.filename, a.locked_members, a.locked_in)
        if a.problem
        else "",
        "stored": bool(a.stored_path),
        "guess": guess,
        "nominee_guess": (facts.get("nominee") or {}).get("name"),
        "nominee_id": current.nomination_id if current else None,
        "candidates": candidates,
        "status": FILE_STATUS_VI.get(current.status, current.status) if current else "Chưa xác định",
        "decided": current is not None and current.status != "needs_review",
        "reasons": reasons.sentences,
        "technical": reasons.technical,
    }


def review_data(bot: App) -> dict:
    campaign = bot.campaign
    with bot.db.session() as s:
        units = {code: name for code, name in s.execute(select(Unit.code, Unit.name).order_by(Unit.code))}
        queue = review_queue(s)
        ids = [m.id for m in queue]
        subs: dict[int, list[Submission]] = {}
        for x in s.scalars(select(Submission).where(Submission.message_id.in_(ids)).order_by(Submission.id)):
            subs.setdefault(x.attachment_id, []).append(x)
        wanted = {i for rows in subs.values() for x in rows for i in (x.candidates or [])}
        names = dict(s.execute(select(Nomination.id, Nomination.name).where(Nomination.id.in_(wanted))).all())
        held = {
            mid: at
            for mid, at in s.execute(
                select(OutboxMail.in_reply_to_message_id, OutboxMail.created_at).where(
                    OutboxMail.kind == "holding", OutboxMail.in_reply_to_message_id.in_(ids)
                )
            )
        }
        nominees_of: dict[str, list[tuple[int, str, str]]] = {}
        items = []
        for m in queue:
            unit_code = m.unit.code if m.unit else (m.suggested_unit.code if m.suggested_unit else "")
            if unit_code and unit_code not in nominees_of:
                unit_id = m.unit_id if m.unit else m.suggested_unit_id
                nominees_of[unit_code] = [
                    (n.id, n.name, n.kind) for n in unit_nominations(s, campaign, unit_id)
                ]
            head = (m.review_reason or "").split(":")[0].strip()
            reasons = explain(list(m.match_evidence or []), campaign, units)
            items.append(
                {
                    "id": m.id,
                    "received_at": m.received_at,
                    "sender": m.sender,
                    "sender_name": m.sender_name,
                    "subject": m.subject,
                    "reason": head,
                    "reason_vi": review_reason_vi(m.review_reason),
                    "unit": unit_code,
                    "unit_name": units.get(unit_code, ""),
                    "registered": m.unit is not None,
                    "reasons": reasons.sentences,
                    "technical": reasons.technical,
                    "body": (m.body_excerpt or "")[:600],
                    "problems": [p.get("message", "") for p in m.problems or []],
                    "holding_at": held.get(m.id),
                    "time_request": head == ReviewReason.TIME_REQUEST,
                    "quarantined": m.state == "quarantined",
                    "files": [_file(a, subs.get(a.id, []), names, campaign, units) for a in m.attachments],
                }
            )
            # The nominees a file may be for first, then the unit's others.
            for f in items[-1]["files"]:
                offered = {i for i, _ in f["candidates"]}
                f["others"] = [n for n in nominees_of.get(unit_code, []) if n[0] not in offered]
    return {"items": items, "units": sorted(units.items()), "deliverables": campaign.deliverables}


async def review_page(request: Request) -> Response:
    require_user(request)
    return render(request, "review.html", await in_thread(review_data, bot_app(request)))


def _nominee_choice(form) -> tuple[int | None, str | None, str | None]:
    """(nomination id, new name, kind) from a file's form."""
    choice = str(form.get("nominee") or "")
    if choice == "new":
        name = " ".join(str(form.get("new_name") or "").split())
        if not name:
            raise StaffError("no name for the new nominee", "Cần ghi tên tập thể, cá nhân mới.")
        return None, name, str(form.get("kind") or "") or None
    return form_int(choice), None, None


async def assign_file(request: Request) -> Response:
    """Record one file of a mail for a unit, deliverable and nominee."""
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    mid, aid = request.path_params["id"], request.path_params["aid"]
    unit_code = str(form.get("unit") or "").strip()

    def work(s):
        if not unit_code:
            raise StaffError("no unit chosen", "Cần chọn đơn vị.")
        nomination_id, name, kind = _nominee_choice(form)
        r = assign_message(
            s,
            bot.campaign,
            mid,
            unit_code,
            moment,
            actor(user),
            deliverable=form.get("type") or None,
            nominee=name,
            nominee_kind=kind,
            nomination_id=nomination_id,
            add_address=form.get("add_address") == "1",
            attachment_ids=[aid],
        )
        acknowledge_reviewed(bot, s, get_message(s, mid), moment)
        sub = r.submissions[0]
        whom = f" — {sub.nomination.name}" if sub.nomination else ""
        text = (
            f"Đã ghi nhận tệp “{sub.attachment.filename}”: {bot.campaign.label(sub.deliverable)}{whom}, "
            f"đơn vị {r.unit_code}."
        )
        return text + (" Đã đăng ký địa chỉ gửi cho đơn vị." if r.address_added else "")

    return await run_action(request, f"/review#m{mid}", work, lambda text: text)


async def reject_one_file(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    mid, aid = request.path_params["id"], request.path_params["aid"]
    reason = str(form.get("reason") or "")

    def work(s):
        m = reject_file(s, bot.campaign, mid, aid, reason, moment, actor(user))
        acknowledge_reviewed(bot, s, m, moment)
        return m

    return await run_action(request, f"/review#m{mid}", work, "Đã ghi nhận: không nhận tệp này.")


async def assign_mail(request: Request) -> Response:
    """Record every file of a mail at once (the bot's readings, one unit)."""
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    mid = request.path_params["id"]
    unit_code = str(form.get("unit") or "").strip()

    def work(s):
        if not unit_code:
            raise StaffError("no unit chosen", "Cần chọn đơn vị.")
        r = assign_message(
            s,
            bot.campaign,
            mid,
            unit_code,
            moment,
            actor(user),
            add_address=form.get("add_address") == "1",
        )
        acknowledge_reviewed(bot, s, get_message(s, mid), moment)
        return r

    def ok(r):
        text = f"Đã ghi nhận {len(r.submissions)} tệp của thư số {mid} cho đơn vị {r.unit_code}."
        return text + (" Đã đăng ký địa chỉ gửi cho đơn vị." if r.address_added else "")

    return await run_action(request, "/review", work, ok)


async def reject_mail(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    mid, moment = request.path_params["id"], now(request)
    reason = str(form.get("reason") or "")
    return await run_action(
        request,
        "/review",
        lambda s: reject_message(s, mid, reason, moment, actor(user)),
        f"Đã loại thư số {mid} khỏi hàng chờ.",
    )


async def time_decision(request: Request) -> Response:
    """A unit asked for more time: grant until a date, or keep the deadline."""
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    mid = request.path_params["id"]
    grant = form.get("decision") == "grant"

    def work(s):
        until = form_date(form.get("until")) if grant else None
        if grant and until is None:
            raise StaffError("no date", "Cần chọn ngày gia hạn.")
        r = decide_time_request(
            bot, s, mid, moment, actor(user), until=until, notify=form.get("notify") == "1"
        )
        told = " Đã gửi thư báo cho đơn vị." if r.notice is not None else ""
        if r.until is None:
            return f"Đã giữ nguyên thời hạn của {r.message.unit.name}.{told}"
        return f"Đã gia hạn cho {r.message.unit.name} đến hết ngày {r.until:%d/%m/%Y}.{told}"

    return await run_action(request, "/review", work, lambda text: text)


routes = [
    Route("/review", review_page, methods=["GET"]),
    Route("/review/{id:rowid}/assign", assign_mail, methods=["POST"]),
    Route("/review/{id:rowid}/reject", reject_mail, methods=["POST"]),
    Route("/review/{id:rowid}/files/{aid:rowid}/assign", assign_file, methods=["POST"]),
    Route("/review/{id:rowid}/files/{aid:rowid}/reject", reject_one_file, methods=["POST"]),
    Route("/review/{id:rowid}/time", time_decision, methods=["POST"]),
]
