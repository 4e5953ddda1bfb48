"""The dashboard application factory: routes, sessions, login, CSRF, templates.

``create_web_app(app, clock)`` returns a Starlette application over an already built
:class:`~bot.app.App`.  Pages are rendered on the server from ``bot/web/templates``;
there is no JavaScript build and no API.  Every page except the login form and the
stylesheet needs a logged-in staff session; every POST must carry the session's CSRF
token (403 otherwise); failed logins are limited per client (429).

Credentials: the password hash comes from ``INTAKE_WEB_PASSWORD_HASH`` (environment or
the secrets file), the user name from ``INTAKE_WEB_USER`` (default ``canbo``), the
cookie-signing key from ``INTAKE_WEB_SECRET`` or a random key per process (sessions
then end when the process restarts).  The clock is an argument, so tests fix it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.app import App
from bot.campaign.model import Campaign
from bot.vocabulary import FILE_STATUS_VI, STATUS_VI, nominee_kind_vi
from bot.web import actions, corrections, downloads, pages, plan, preview, review
from bot.web.auth import LoginLimiter, new_csrf_token, verify_password
from bot.web.common import (
    LoginRequired,
    checked_form,
    current_user,
    in_thread,
    now,
    render,
    safe_next,
    state,
)

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
SESSION_HOURS = 8


@dataclass
class WebConfig:
    user: str
    password_hash: str | None
    secret_key: str


def web_config(app: App, user: str | None = None, password_hash: str | None = None) -> WebConfig:
    """Credentials from arguments, else the environment / secrets file."""
    secret = app.settings.secret
    return WebConfig(
        user=user or secret("INTAKE_WEB_USER") or "canbo",
        password_hash=password_hash or secret("INTAKE_WEB_PASSWORD_HASH"),
        secret_key=secret("INTAKE_WEB_SECRET") or secrets.token_urlsafe(32),
    )


def _templates(campaign: Campaign) -> Jinja2Templates:
    tz = campaign.tz
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )

    # The audit page shows details as JSON; Vietnamese stays readable.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}

    def local(v: Any) -> Any:
        return v.astimezone(tz) if isinstance(v, dt.datetime) and v.tzinfo else v

    env.filters.update(
        vn_datetime=lambda v: "" if v is None else local(v).strftime("%H:%M %d/%m/%Y"),
        vn_date=lambda v: "" if v is None else local(v).strftime("%d/%m/%Y"),
        iso_date=lambda v: "" if v is None else local(v).strftime("%Y-%m-%d"),
        status_vi=lambda s: STATUS_VI.get(s, s),
        file_status_vi=lambda s: FILE_STATUS_VI.get(s, s),
        nominee_kind_vi=lambda k: nominee_kind_vi(k, capital=True),
        deliverable_vi=lambda d: "" if d is None else campaign.label(d),
    )
    return Jinja2Templates(env=env)


# -- login / logout ----------------------------------------------------------------------
async def login_page(request: Request) -> Response:
    if current_user(request):
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"next": safe_next(request.query_params.get("next"))})


async def login_submit(request: Request) -> Response:
    st = state(request)
    form = await checked_form(request)
    client = request.client.host if request.client else "?"
    moment = now(request).timestamp()
    nxt = safe_next(form.get("next"))
    if st.limiter.blocked(client, moment):
        log.warning("login blocked for %s: too many failures", client)
        return render(
            request,
            "login.html",
            {"error": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.", "next": nxt},
            status_code=429,
        )
    user = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    ok = user == st.config.user and await in_thread(verify_password, password, st.config.password_hash)
    if not ok:
        st.limiter.failed(client, moment)
        log.info("failed login for %r from %s", user, client)
        return render(
            request,
            "login.html",
            {"error": "Tên đăng nhập hoặc mật khẩu không đúng.", "next": nxt, "username": user},
            status_code=401,
        )
    st.limiter.succeeded(client)
    # A fresh session (and CSRF token) on login, so a planted cookie is worth nothing.
    request.session.clear()
    request.session["user"] = user
    request.session["csrf"] = new_csrf_token()
    log.info("staff %s logged in from %s", user, client)
    return RedirectResponse(nxt, status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# -- errors ------------------------------------------------------------------------------
async def _login_required(request: Request, exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    titles = {403: "Không được phép", 404: "Không tìm thấy", 405: "Không hỗ trợ"}
    return render(
        request,
        "error.html",
        {"title": titles.get(exc.status_code, "Lỗi"), "detail": exc.detail, "code": exc.status_code},
        status_code=exc.status_code,
    )


# -- factory -----------------------------------------------------------------------------
def create_web_app(
    bot_app: App,
    clock: Callable[[], dt.datetime] | None = None,
    *,
    user: str | None = None,
    password_hash: str | None = None,
    secret_key: str | None = None,
    limiter: LoginLimiter | None = None,
) -> Starlette:
    """The dashboard over ``bot_app``; ``clock`` defaults to the real clock in the bot's zone."""
    tz = bot_app.settings.tz
    config = web_config(bot_app, user, password_hash)
    if secret_key:
        config.secret_key = secret_key
    if not config.password_hash:
        log.warning("INTAKE_WEB_PASSWORD_HASH is not set: nobody can log in")
    routes = [
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        *pages.routes,
        *actions.routes,
        *review.routes,
        *corrections.routes,
        *preview.routes,
        *downloads.routes,
        *plan.routes,
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    web = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=config.secret_key,
                session_cookie="intake_staff",
                max_age=SESSION_HOURS * 3600,
                same_site="strict",
                https_only=os.environ.get("INTAKE_WEB_HTTPS") == "1",
            )
        ],
        exception_handlers={LoginRequired: _login_required, HTTPException: _http_error},
    )
    web.state.bot = bot_app
    web.state.clock = clock or (lambda: dt.datetime.now(tz))
    web.state.config = config
    web.state.limiter = limiter or LoginLimiter()
    web.state.templates = _templates(bot_app.campaign)
    return web
