"""Downloads: received files and the three exports, for logged-in staff only.

An anonymous request gets 403, not a redirect: a file link pasted into a chat must
never serve the file, and the answer should say so plainly.  File names travel in
``Content-Disposition`` with an ASCII fallback and the RFC 5987 UTF-8 form, so
Vietnamese names survive every browser.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.app import App
from bot.exports import build
from bot.store.models import AttachmentRow, Submission
from bot.web.common import bot_app, current_user, in_thread, now


def content_disposition(filename: str) -> str:
    nfc = unicodedata.normalize("NFC", filename)
    ascii_name = unicodedata.normalize("NFKD", nfc.replace("đ", "d").replace("Đ", "D"))
    ascii_name = (
        "".join(c for c in ascii_name if c.isascii() and c not in '"\\' and c.isprintable()) or "file"
    )
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(nfc, safe='')}"


def _staff_only(request: Request) -> None:
    if not current_user(request):
        raise HTTPException(403, "Cần đăng nhập bằng tài khoản cán bộ để tải tệp.")


def _attachment_bytes(bot: App, attachment_id: int) -> tuple[str, str, bytes] | None:
    with bot.db.session() as s:
        a = s.scalars(select(AttachmentRow).where(AttachmentRow.id == attachment_id)).first()
        if a is None or not a.stored_path:
            return None
        return a.filename, a.sniffed_type or "application/octet-stream", bot.files.read(a.stored_path)


def _submission_attachment(bot: App, submission_id: int) -> int | None:
    with bot.db.session() as s:
        return s.scalars(select(Submission.attachment_id).where(Submission.id == submission_id)).first()


def _file_response(found) -> Response:
    if found is None:
        raise HTTPException(404, "Không tìm thấy tệp.")
    name, ctype, data = found
    headers = {"Content-Disposition": content_disposition(name), "X-Content-Type-Options": "nosniff"}
    # Files come from strangers' mail: never let the browser render them inline.
    return Response(data, media_type=ctype if "/" in ctype else "application/octet-stream", headers=headers)


async def submission_file(request: Request) -> Response:
    _staff_only(request)
    bot = bot_app(request)
    attachment_id = await in_thread(_submission_attachment, bot, request.path_params["id"])
    if attachment_id is None:
        raise HTTPException(404, "Không tìm thấy tệp.")
    return _file_response(await in_thread(_attachment_bytes, bot, attachment_id))


async def attachment_file(request: Request) -> Response:
    _staff_only(request)
    return _file_response(await in_thread(_attachment_bytes, bot_app(request), request.path_params["id"]))


async def export(request: Request) -> Response:
    _staff_only(request)
    kind = request.path_params["kind"]
    makers = {
        "matrix": (build.matrix_export, build.XLSX),
        "nominees": (build.nominees_export, build.DOCX),
        "files": (build.files_export, build.ZIP),
    }
    if kind not in makers:
        raise HTTPException(404, "Không có loại dữ liệu này.")
    make, ctype = makers[kind]
    bot, moment = bot_app(request), now(request)

    def job() -> bytes:
        with bot.db.session() as s:
            return make(s, bot, moment)

    data = await in_thread(job)
    name = build.export_filename(kind, bot.campaign, moment)
    return Response(data, media_type=ctype, headers={"Content-Disposition": content_disposition(name)})


routes = [
    Route("/files/{id:rowid}", submission_file, methods=["GET"]),
    Route("/attachments/{id:rowid}", attachment_file, methods=["GET"]),
    Route("/exports/{kind}", export, methods=["GET"]),
]
