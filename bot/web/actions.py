"""The dashboard's forms (POST): review decisions, file verdicts, extensions.

Each handler checks the CSRF token, calls the same :mod:`bot.staff` service the command
line calls (one transaction, audited with the logged-in user's name), flashes the
outcome in Vietnamese and redirects back (POST/redirect/GET).
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.staff.errors import StaffError
from bot.staff.extensions import extend_deadline
from bot.staff.review import assign_message, reject_message
from bot.staff.verdicts import accept_file, redo_file
from bot.web.common import bot_app, checked_form, flash, in_thread, now, require_user, safe_next


def _actor(user: str) -> str:
    return f"web:{user}"


def _date(value) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise StaffError(f"bad date {value!r}", f"Ngày “{value}” không hợp lệ (dd/mm/yyyy).")


async def _run(request: Request, back: str, work, ok_text) -> Response:
    """Run ``work(session)`` in a transaction off the event loop; flash and redirect."""
    bot = bot_app(request)

    def job():
        with bot.db.session() as s:
            return work(s)

    try:
        result = await in_thread(job)
    except StaffError as e:
        flash(request, e.vi, "error")
    else:
        flash(request, ok_text(result) if callable(ok_text) else ok_text)
    return RedirectResponse(back, status_code=303)


async def review_assign(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)

    bot, moment = bot_app(request), now(request)
    message_id = request.path_params["id"]
    unit_code = str(form.get("unit") or "").strip()

    def work(s):
        if not unit_code:
            raise StaffError("no unit chosen", "Cần chọn đơn vị.")
        return assign_message(
            s,
            bot.campaign,
            message_id,
            unit_code,
            moment,
            _actor(user),
            deliverable=form.get("type") or None,
            nominee=(form.get("nominee") or "").strip() or None,
            nominee_kind=form.get("kind") or None,
            add_address=form.get("add_address") == "1",
        )

    def ok(r):
        text = f"Đã ghi nhận {len(r.submissions)} tệp của thư số {message_id} cho đơn vị {r.unit_code}."
        if r.address_added:
            text += " Đã đăng ký địa chỉ gửi cho đơn vị."
        return text

    return await _run(request, "/review", work, ok)


async def review_reject(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)

    message_id = request.path_params["id"]
    reason = str(form.get("reason") or "")
    moment = now(request)
    return await _run(
        request,
        "/review",
        lambda s: reject_message(s, message_id, reason, moment, _actor(user)),
        f"Đã loại thư số {message_id} khỏi hàng chờ.",
    )


async def file_accept(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)

    sid = request.path_params["id"]
    moment = now(request)
    return await _run(
        request,
        safe_next(form.get("back")),
        lambda s: accept_file(s, sid, moment, _actor(user)),
        lambda sub: f"Đã chấp nhận tệp “{sub.attachment.filename}”.",
    )


async def file_redo(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)

    bot, moment = bot_app(request), now(request)
    sid = request.path_params["id"]
    comment = str(form.get("comment") or "")
    until_raw = form.get("until")

    def work(s):
        return redo_file(s, bot.campaign, bot.settings, sid, comment, moment, _actor(user), _date(until_raw))

    def ok(r):
        return (
            f"Đã yêu cầu gửi lại tệp “{r.submission.attachment.filename}” trước ngày {r.until:%d/%m/%Y}; "
            "thư thông báo đã được đưa vào hàng gửi."
        )

    return await _run(request, safe_next(form.get("back")), work, ok)


async def unit_extend(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)

    bot, moment = bot_app(request), now(request)
    code = request.path_params["code"]
    target = str(form.get("target") or "")
    until_raw = form.get("until")

    def work(s):
        until = _date(until_raw)
        if until is None:
            raise StaffError("no date", "Cần chọn ngày gia hạn.")
        kind, _, ident = target.partition(":")
        return extend_deadline(
            s,
            bot.campaign,
            code,
            until,
            moment,
            _actor(user),
            deliverable=ident if kind == "type" else None,
            deadline_id=ident if kind == "deadline" else None,
        )

    return await _run(
        request,
        f"/units/{code}",
        work,
        lambda rows: f"Đã gia hạn cho đơn vị {code} đến ngày {rows[0].until:%d/%m/%Y}.",
    )


routes = [
    Route("/review/{id:int}/assign", review_assign, methods=["POST"]),
    Route("/review/{id:int}/reject", review_reject, methods=["POST"]),
    Route("/files/{id:int}/accept", file_accept, methods=["POST"]),
    Route("/files/{id:int}/redo", file_redo, methods=["POST"]),
    Route("/units/{code}/extend", unit_extend, methods=["POST"]),
]
