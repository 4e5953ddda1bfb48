"""See a file without downloading it: a preview page and its page images.

``/attachments/{id}/preview`` shows the first pages of a PDF as images drawn by PDFium,
a photo re-encoded as a PNG, or a Word document's text excerpt, beside the mail it came
with.  Files come from strangers' mail, so nothing of theirs reaches the browser as it
is: the page is our HTML (escaped text), the images our PNGs, every answer carries a
strict Content-Security-Policy, ``nosniff``, ``no-store`` and same-origin resource
policy, and only logged-in staff get it (403 otherwise, as downloads).

Drawing runs in one separate worker process (:class:`Renderer`): a file that crashes
PDFium or hangs it costs that preview, never the dashboard.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import logging
import multiprocessing
import threading

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.app import App
from bot.documents import render as R
from bot.store.models import AttachmentRow, Message, Submission, Unit
from bot.vocabulary import FILE_STATUS_VI
from bot.web.common import bot_app, current_user, in_thread, render

log = logging.getLogger(__name__)

TIMEOUT_S = 30
# Our own markup and images only; nothing may frame the page or be fetched elsewhere.
CSP = "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'"
SAFE = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
}


class Renderer:
    """One worker process that draws previews; restarted when a file kills or hangs it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: cf.ProcessPoolExecutor | None = None
        atexit.register(self.close)

    def _get(self) -> cf.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                ctx = multiprocessing.get_context("spawn")
                self._pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
            return self._pool

    def _reset(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            # A hung worker would keep the old pool alive: end its process.
            for p in list(getattr(pool, "_processes", {}).values()):
                p.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def run(self, fn, *args):
        """``fn(*args)`` in the worker; None when the file crashed or hung it."""
        try:
            return self._get().submit(fn, *args).result(timeout=TIMEOUT_S)
        except (cf.process.BrokenProcessPool, cf.TimeoutError) as e:
            log.warning("preview worker lost (%s): restarting it", type(e).__name__)
            self._reset()
            return None
        except Exception as e:  # noqa: BLE001 - a file we cannot draw: say so, keep serving
            log.info("no preview: %s: %s", type(e).__name__, e)
            return None

    def close(self) -> None:
        self._reset()


RENDERER = Renderer()


def _staff_only(request: Request) -> None:
    if not current_user(request):
        raise HTTPException(403, "Cần đăng nhập bằng tài khoản cán bộ để xem tệp.")


def _file(bot: App, attachment_id: int) -> tuple[dict, bytes] | None:
    with bot.db.session() as s:
        a = s.get(AttachmentRow, attachment_id)
        if a is None or not a.stored_path:
            return None
        m = s.get(Message, a.message_id)
        current = s.execute(
            select(Submission.id, Submission.deliverable, Submission.status, Unit.name, Unit.code)
            .outerjoin(Unit, Submission.unit_id == Unit.id)
            .where(Submission.attachment_id == a.id, Submission.superseded_by_id.is_(None))
            .order_by(Submission.id.desc())
        ).first()
        info = {
            "id": a.id,
            "filename": a.filename,
            "size": a.size,
            "type": a.sniffed_type,
            "pages": a.page_count,
            "message_id": a.message_id,
            "subject": m.subject if m else "",
            "sender": m.sender if m else "",
            "received_at": m.received_at if m else None,
            "submission": current[0] if current else None,
            "deliverable": current[1] if current else None,
            "status": FILE_STATUS_VI.get(current[2], current[2]) if current else "",
            "unit": current[3] if current else "",
            "unit_code": current[4] if current and current[4] else "",
        }
        return info, bot.files.read(a.stored_path)


async def preview_page(request: Request) -> Response:
    _staff_only(request)
    bot = bot_app(request)
    found = await in_thread(_file, bot, request.path_params["id"])
    if found is None:
        raise HTTPException(404, "Không tìm thấy tệp.")
    info, data = found
    shown = await in_thread(RENDERER.run, R.describe, data, info["filename"], info["type"])
    if shown is None:
        shown = R.Preview("none", text="Không xem trước được tệp này; có thể tải tệp về để xem.")
    response = render(
        request,
        "preview.html",
        {"f": info, "p": shown, "page_numbers": list(range(1, min(shown.pages, R.MAX_PAGES) + 1))},
    )
    response.headers.update(SAFE)
    return response


async def page_image(request: Request) -> Response:
    _staff_only(request)
    bot = bot_app(request)
    found = await in_thread(_file, bot, request.path_params["id"])
    if found is None:
        raise HTTPException(404, "Không tìm thấy tệp.")
    info, data = found
    n = request.path_params["n"]
    if data.startswith(b"%PDF"):
        png = await in_thread(RENDERER.run, R.pdf_page_png, data, n - 1)
    elif info["type"].startswith("image/") and n == 1:
        png = await in_thread(RENDERER.run, R.image_png, data)
    else:
        png = None
    if png is None:
        raise HTTPException(404, "Không có trang này để xem trước.")
    headers = {**SAFE, "Content-Disposition": f'inline; filename="trang-{n}.png"'}
    return Response(png, media_type="image/png", headers=headers)


routes = [
    Route("/attachments/{id:rowid}/preview", preview_page, methods=["GET"]),
    Route("/attachments/{id:rowid}/pages/{n:int}.png", page_image, methods=["GET"]),
]
