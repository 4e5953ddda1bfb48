"""Fixing a unit's record from its page, each mistake in one step (forms, POST).

A file moved to another deliverable, nominee or unit (:mod:`bot.staff.files`); a nominee
renamed, merged into another, withdrawn or restored (:mod:`bot.staff.nominees`).  Each
form runs one audited transaction and comes back to the page with the outcome; status,
reminders, the digest and the exports read the same rows, so they follow at once.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.staff.errors import StaffError
from bot.staff.files import move_file
from bot.staff.nominees import merge_nominees, rename_nominee, restore_nominee, withdraw_nominee
from bot.web.common import (
    actor,
    bot_app,
    checked_form,
    form_int,
    now,
    require_user,
    run_action,
    safe_next,
)


async def file_move(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    sid = request.path_params["id"]
    choice = str(form.get("nominee") or "")

    def work(s):
        name = " ".join(str(form.get("new_name") or "").split()) if choice == "new" else None
        if choice == "new" and not name:
            raise StaffError("no name for the new nominee", "Cần ghi tên tập thể, cá nhân mới.")
        r = move_file(
            s,
            bot.campaign,
            sid,
            moment,
            actor(user),
            unit_code=str(form.get("unit") or "") or None,
            deliverable=str(form.get("type") or "") or None,
            nomination_id=None if choice == "new" else form_int(choice),
            nominee_name=name,
            nominee_kind=str(form.get("kind") or "") or None,
        )
        # Said while the rows are at hand (the session closes with the transaction).
        whom = f" — {r.new.nomination.name}" if r.new.nomination else ""
        text = (
            f"Đã chuyển tệp “{r.old.attachment.filename}” sang {bot.campaign.label(r.new.deliverable)}"
            f"{whom} của {r.new.unit.name}."
        )
        if r.shadowed:
            text += " Ở đó đã có bản mới hơn nên tệp này được lưu vào lịch sử."
        return text

    return await run_action(request, safe_next(form.get("back")), work, lambda text: text)


async def nominee_rename(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    nid, moment = request.path_params["id"], now(request)
    name, kind = str(form.get("name") or ""), str(form.get("kind") or "") or None
    return await run_action(
        request,
        safe_next(form.get("back")),
        lambda s: rename_nominee(s, nid, name, moment, actor(user), kind),
        lambda n: f"Đã đổi tên thành “{n.name}”.",
    )


async def nominee_merge(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    bot, moment = bot_app(request), now(request)
    nid = request.path_params["id"]

    def work(s):
        target = form_int(form.get("into"))
        if target is None:
            raise StaffError("no target", "Cần chọn tên giữ lại.")
        return merge_nominees(s, bot.campaign, nid, target, moment, actor(user))

    return await run_action(
        request,
        safe_next(form.get("back")),
        work,
        lambda r: f"Đã gộp “{r.source.name}” vào “{r.target.name}” ({r.files} tệp chuyển theo).",
    )


async def nominee_withdraw(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    nid, moment = request.path_params["id"], now(request)
    reason = str(form.get("reason") or "")
    return await run_action(
        request,
        safe_next(form.get("back")),
        lambda s: withdraw_nominee(s, nid, reason, moment, actor(user)),
        lambda n: f"Đã rút “{n.name}” khỏi danh sách đề nghị; có thể khôi phục khi cần.",
    )


async def nominee_restore(request: Request) -> Response:
    user = require_user(request)
    form = await checked_form(request)
    nid, moment = request.path_params["id"], now(request)
    return await run_action(
        request,
        safe_next(form.get("back")),
        lambda s: restore_nominee(s, nid, moment, actor(user)),
        lambda n: f"Đã khôi phục “{n.name}” vào danh sách đề nghị.",
    )


routes = [
    Route("/files/{id:rowid}/move", file_move, methods=["POST"]),
    Route("/nominees/{id:rowid}/rename", nominee_rename, methods=["POST"]),
    Route("/nominees/{id:rowid}/merge", nominee_merge, methods=["POST"]),
    Route("/nominees/{id:rowid}/withdraw", nominee_withdraw, methods=["POST"]),
    Route("/nominees/{id:rowid}/restore", nominee_restore, methods=["POST"]),
]
