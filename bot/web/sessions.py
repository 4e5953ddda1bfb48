"""Dashboard sessions kept on the server: the cookie only carries a random token.

The signed session cookie (Starlette's ``SessionMiddleware``) used to *be* the session:
whoever held a copy was logged in for 8 hours, logout or not.  Now login creates a
:class:`~bot.store.models.StaffSession` row holding the sha256 of a random token, the
cookie carries the token, and :class:`SessionCheck` looks the row up on every request
(once, off the event loop): an ended or expired row, or none, is an anonymous request.
Logout ends the row, so a copied cookie dies with it.  Time comes from the app's clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable

from sqlalchemy import delete, select, update
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.store.db import Database
from bot.store.models import StaffSession

TOKEN_KEY = "sid"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(db: Database, user: str, client: str, now: dt.datetime, hours: float) -> str:
    """A new session for ``user``; returns the token to put in the cookie."""
    token = secrets.token_urlsafe(32)
    with db.session() as s:
        # Sessions over for a month are of no further use (the audit log keeps the logins).
        s.execute(delete(StaffSession).where(StaffSession.expires_at < now - dt.timedelta(days=30)))
        s.add(
            StaffSession(
                token_sha256=_digest(token),
                user_name=user,
                client=client[:100],
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )
    return token


def user_of(db: Database, token: str | None, now: dt.datetime) -> str | None:
    """The user of a live session, or None (no token, unknown, ended or expired)."""
    if not token or not isinstance(token, str):
        return None
    with db.session() as s:
        row = s.scalars(select(StaffSession).where(StaffSession.token_sha256 == _digest(token))).first()
        if row is None or row.ended_at is not None or row.expires_at <= now:
            return None
        return row.user_name


def end(db: Database, token: str | None, now: dt.datetime) -> None:
    """End the session (logout); unknown tokens are ignored."""
    if not token or not isinstance(token, str):
        return
    with db.session() as s:
        s.execute(
            update(StaffSession)
            .where(StaffSession.token_sha256 == _digest(token), StaffSession.ended_at.is_(None))
            .values(ended_at=now)
        )


class SessionCheck:
    """ASGI middleware (inside ``SessionMiddleware``): puts the live user in ``scope["state"]``.

    ``lookup(token)`` runs in the thread pool, once per request; handlers read the result
    with :func:`bot.web.common.current_user`.
    """

    def __init__(self, app: ASGIApp, lookup: Callable[[Request, str | None], str | None]) -> None:
        self.app = app
        self.lookup = lookup

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            token = request.session.get(TOKEN_KEY)
            user = await run_in_threadpool(self.lookup, request, token) if token else None
            scope.setdefault("state", {})["staff_user"] = user
        await self.app(scope, receive, send)
