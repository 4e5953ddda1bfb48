"""The dashboard's forms (POST) on a unit's files: accept, send back for redoing, extend.

Each handler checks the CSRF token, calls the same :mod:`bot.staff` service the command
line calls (one transaction, audited with the logged-in user's name), flashes the
outcome in Vietnamese and redirects back (POST/redirect/GET).  "Yêu cầu gửi lại" first
shows the exact mail the unit will get (recipients, subject, text) and queues it only
when staff confirm.  The review queue's forms are in :mod:`bot.web.review`, the
corrections of files and nominees in :mod:`bot.web.corrections`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.staff.errors import StaffError
from bot.staff.extensions import extend_deadline
from bot.staff.verdicts import accept_file, preview_redo, redo_file
from bot.web.common import (
    actor,
    bot_app,
    checked_form,
    flash,
    form_date,
    in_thread,
    now,
    render,
    require_user,
    run_action,
    safe_next,
)


async def file_accept(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    sid = request.path_params["id"]
    moment = now(request)
    return await run_action(
        request,
        safe_next(form.get("back")),
        lambda s: accept_file(s, sid, moment, actor(user)),
        lambda sub: f"Đã chấp nhận tệp “{sub.attachment.filename}”.",
    )


async def file_redo(request: Request) -> Response:
    """Without ``confirm``: the mail the unit would get, to check; with it: queue it."""
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    sid = request.path_params["id"]
    comment = str(form.get("comment") or "")
    back = safe_next(form.get("back"))
    if form.get("confirm") != "1":

        def look():
            with bot.db.session() as s:
                sub, until, mail = preview_redo(
                    s, bot.campaign, bot.settings, sid, comment, moment, form_date(form.get("until"))
                )
                return {"filename": sub.attachment.filename, "unit": sub.unit.name}, until, mail

        try:
            info, until, mail = await in_thread(look)
        except StaffError as e:
            flash(request, e.vi, "error")
            return RedirectResponse(back, status_code=303)
        return render(
            request,
            "redo_confirm.html",
            {"sid": sid, "f": info, "until": until, "comment": comment.strip(), "mail": mail, "back": back},
        )

    def work(s):
        return redo_file(
            s, bot.campaign, bot.settings, sid, comment, moment, actor(user), form_date(form.get("until"))
        )

    def ok(r):
        return (
            f"Đã yêu cầu gửi lại tệp “{r.submission.attachment.filename}” chậm nhất trong ngày "
            f"{r.until:%d/%m/%Y}; thư thông báo đã được đưa vào hàng gửi."
        )

    return await run_action(request, back, work, ok)


async def unit_extend(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    code = request.path_params["code"]
    target = str(form.get("target") or "")

    def work(s):
        until = form_date(form.get("until"))
        if until is None:
            raise StaffError("no date", "Cần chọn ngày gia hạn.")
        kind, _, ident = target.partition(":")
        return extend_deadline(
            s,
            bot.campaign,
            code,
            until,
            moment,
            actor(user),
            deliverable=ident if kind == "type" else None,
            deadline_id=ident if kind == "deadline" else None,
        )

    return await run_action(
        request,
        f"/units/{code}",
        work,
        lambda rows: f"Đã gia hạn cho đơn vị {code} đến hết ngày {rows[0].until:%d/%m/%Y}.",
    )


routes = [
    Route("/files/{id:rowid}/accept", file_accept, methods=["POST"]),
    Route("/files/{id:rowid}/redo", file_redo, methods=["POST"]),
    Route("/units/{code}/extend", unit_extend, methods=["POST"]),
]
