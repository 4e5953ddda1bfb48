"""What the dashboard's page, form and download handlers share: the request's app, user,
clock, CSRF token and flash messages, template rendering, and running work off the loop.

The Starlette application (:mod:`bot.web.app`) keeps the bot's :class:`~bot.app.App`, the
clock, the login settings and the templates on ``request.app.state``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlparse

from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import FormData, State
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from bot.app import App
from bot.staff.errors import StaffError
from bot.web.auth import csrf_matches, new_csrf_token

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


# 1 to 2147483647 (2**31 - 1, the largest id of a 32-bit INTEGER column on PostgreSQL).
_ROW_ID = (
    "(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}"
    "|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])"
)


class RowId(Convertor[int]):
    """``{id:rowid}``: a database row id, 1 to 2**31 - 1 (what every supported database holds).

    Anything else matches no route (404) instead of overflowing the database driver
    (a 500 with ``{id:int}`` on a huge number).
    """

    regex = _ROW_ID

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("rowid", RowId())


def state(request: Request) -> State:
    return request.app.state  # type: ignore[no-any-return]


def bot_app(request: Request) -> App:
    """The bot's wired application the dashboard serves."""
    return state(request).bot  # type: ignore[no-any-return]


def now(request: Request) -> dt.datetime:
    clock: Callable[[], dt.datetime] = state(request).clock
    return clock()


def current_user(request: Request) -> str | None:
    """The staff user of a live server-side session (:mod:`bot.web.sessions`), or None."""
    return getattr(request.state, "staff_user", None)


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_csrf_token()
    return token


def flash(request: Request, text: str, level: str = "ok") -> None:
    request.session.setdefault("flash", []).append({"level": level, "text": text})


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    st = state(request)
    ctx = {
        "user": current_user(request),
        "csrf": csrf_token(request),
        "flashes": request.session.pop("flash", []),
        "campaign": bot_app(request).campaign,
        "now": now(request),
        "path": request.url.path,
    }
    ctx.update(context or {})
    return st.templates.TemplateResponse(request, name, ctx, status_code=status_code)


class LoginRequired(Exception):
    """Raised by :func:`require_user` for an anonymous page request."""


def require_user(request: Request) -> str:
    user = current_user(request)
    if not user:
        raise LoginRequired()
    return user


async def checked_form(request: Request) -> FormData:
    """The POSTed form, after the CSRF check (403 on a missing or wrong token)."""
    form = await request.form()
    if not csrf_matches(request.session.get("csrf"), form.get("csrf") or request.headers.get("x-csrf-token")):
        log.warning("CSRF check failed for %s %s", request.method, request.url.path)
        raise HTTPException(403, "Yêu cầu không hợp lệ (thiếu hoặc sai mã xác thực biểu mẫu).")
    return form


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


async def in_thread(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Database work and file reads run off the event loop."""
    return await run_in_threadpool(fn, *args, **kwargs)


def actor(user: str) -> str:
    """Who decided, as the audit log records a dashboard user."""
    return f"web:{user}"


def form_date(value: Any) -> dt.date | None:
    """A date typed in a form: ``2024-03-05`` (the date picker) or ``05/03/2024``."""
    value = str(value or "").strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise StaffError(f"bad date {value!r}", f"Ngày “{value}” không hợp lệ (dd/mm/yyyy).")


def form_int(value: Any) -> int | None:
    """An id chosen in a form ("" when none)."""
    value = str(value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise StaffError(f"bad number {value!r}", "Lựa chọn không hợp lệ.") from None


async def run_action(request: Request, back: str, work: Callable[[Any], Any], ok_text: Any) -> Response:
    """Run ``work(session)`` in one transaction off the event loop; flash the outcome in
    Vietnamese (a :class:`StaffError` as an error, nothing written) and redirect back."""
    bot = bot_app(request)

    def job() -> Any:
        with bot.db.session() as s:
            return work(s)

    try:
        result = await in_thread(job)
    except StaffError as e:
        flash(request, e.vi, "error")
    else:
        flash(request, ok_text(result) if callable(ok_text) else ok_text)
    return RedirectResponse(back, status_code=303)
