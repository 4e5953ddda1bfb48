"""The dashboard application factory: routes, sessions, login, CSRF, templates.

``create_web_app(app, clock)`` returns a Starlette application over an already built
:class:`~bot.app.App`.  Pages are rendered on the server from ``bot/web/templates``;
there is no JavaScript build and no API.  Every page except the login form and the
stylesheet needs a live staff session, kept on the server (:mod:`bot.web.sessions`:
logout ends it, whatever copy of the cookie exists); every POST must carry the
session's CSRF token (403 otherwise); failed logins are limited per client address
(behind a trusted proxy, the one it forwards: ``[web]`` settings) and per user name
(429), and a login costs the same time whether the name exists or not.  Every response
carries a Content-Security-Policy without scripts, ``X-Frame-Options: DENY``,
``Referrer-Policy: no-referrer`` and ``Cache-Control: no-store`` (:class:`SecurityHeaders`).

Credentials: the password hash comes from ``INTAKE_WEB_PASSWORD_HASH`` (environment or
the secrets file), the user name from ``INTAKE_WEB_USER`` (default ``canbo``), the
cookie-signing key from ``INTAKE_WEB_SECRET`` or a random key per process.  The clock
is an argument, so tests fix it.
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
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.app import App
from bot.campaign.model import Campaign
from bot.vocabulary import FILE_STATUS_VI, STATUS_VI, nominee_kind_vi
from bot.web import actions, corrections, downloads, pages, plan, preview, review, sessions
from bot.web.auth import LoginLimiter, check_login, client_address, new_csrf_token, stand_in_hash
from bot.web.common import (
    LoginRequired,
    bot_app,
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


def _client(request: Request) -> str:
    peer = request.client.host if request.client else "?"
    web = bot_app(request).settings.web
    headers = {k.lower(): v for k, v in request.headers.items()}
    return client_address(peer, headers, web.client_address_header, web.trusted_proxies)


async def login_submit(request: Request) -> Response:
    st = state(request)
    form = await checked_form(request)
    client = _client(request)
    moment = now(request).timestamp()
    nxt = safe_next(form.get("next"))
    user = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    name_key = user.casefold()[:100]
    if st.limiter.blocked(client, moment) or st.user_limiter.blocked(name_key, moment):
        log.warning("login blocked for %r from %s: too many failures", user, client)
        return render(
            request,
            "login.html",
            {"error": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.", "next": nxt},
            status_code=429,
        )
    config = st.config
    ok = await in_thread(check_login, user, password, config.user, config.password_hash, st.stand_in_hash)
    if not ok:
        st.limiter.failed(client, moment)
        st.user_limiter.failed(name_key, moment)
        log.info("failed login for %r from %s", user, client)
        return render(
            request,
            "login.html",
            {"error": "Tên đăng nhập hoặc mật khẩu không đúng.", "next": nxt, "username": user},
            status_code=401,
        )
    st.limiter.succeeded(client)
    st.user_limiter.succeeded(name_key)
    bot = bot_app(request)
    token = await in_thread(
        sessions.start, bot.db, user, client, now(request), bot.settings.web.session_hours
    )
    # A fresh session (and CSRF token) on login, so a planted cookie is worth nothing.
    request.session.clear()
    request.session[sessions.TOKEN_KEY] = token
    request.session["csrf"] = new_csrf_token()
    log.info("staff %s logged in from %s", user, client)
    return RedirectResponse(nxt, status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    # Ended on the server: a copy of the cookie taken before now is worth nothing.
    await in_thread(sessions.end, bot_app(request).db, request.session.get(sessions.TOKEN_KEY), now(request))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _live_user(request: Request, token: str | None) -> str | None:
    return sessions.user_of(bot_app(request).db, token, now(request))


# -- every response ----------------------------------------------------------------------
# No script at all, styles only from /static, no framing, no referrer leaving the site.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: :data:`SECURITY_HEADERS` on every response, and ``no-store`` on
    everything but the stylesheet, so a shared computer's cache keeps no page or file."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                # A route that already forbids storing (the preview's "private, no-store")
                # keeps its own, stricter value.
                if not static and "no-store" not in headers.get("cache-control", ""):
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, with_headers)


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
    user_limiter: LoginLimiter | None = None,
) -> Starlette:
    """The dashboard over ``bot_app``; ``clock`` defaults to the real clock in the bot's zone.

    ``limiter`` counts failed logins per client address, ``user_limiter`` per user name
    (defaults from ``[web]``).
    """
    tz = bot_app.settings.tz
    web_settings = bot_app.settings.web
    window = web_settings.login_window_minutes * 60
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
                max_age=int(web_settings.session_hours * 3600),
                same_site="strict",
                https_only=os.environ.get("INTAKE_WEB_HTTPS") == "1",
            ),
            Middleware(sessions.SessionCheck, lookup=_live_user),
            Middleware(SecurityHeaders),
        ],
        exception_handlers={LoginRequired: _login_required, HTTPException: _http_error},
    )
    web.state.bot = bot_app
    web.state.clock = clock or (lambda: dt.datetime.now(tz))
    web.state.config = config
    web.state.limiter = limiter or LoginLimiter(web_settings.login_failures_per_client, window)
    web.state.user_limiter = user_limiter or LoginLimiter(web_settings.login_failures_per_user, window)
    web.state.stand_in_hash = stand_in_hash(config.password_hash)
    web.state.templates = _templates(bot_app.campaign)
    return web
