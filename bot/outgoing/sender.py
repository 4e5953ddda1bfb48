"""Delivering the outbox over SMTP (aiosmtplib), exactly the stored bytes, at most once per claim.

:class:`SmtpSender` is the only code that talks SMTP; ``_connect()`` is its one
connection factory (implicit TLS or STARTTLS with certificate verification; plaintext
only when ``smtp.allow_plaintext`` says so, for loopback test servers).  Every
aiosmtplib/socket error is wrapped in :class:`~bot.errors.SendError`, whose
``permanent`` flag is set for a 5xx answer.

:func:`flush_outbox` works in three short transactions per row:

1. *claim*, one row at a time just before sending it: ``pending`` → ``sending`` for a
   row whose ``next_attempt_at`` has come.  On PostgreSQL the row is locked with
   ``FOR UPDATE SKIP LOCKED``; on SQLite it is claimed by ``UPDATE … WHERE state =
   'pending'`` and only a row count of 1 wins, so two processes can never both send a
   row.  The claim sets ``next_attempt_at`` to a lease end: a row still ``sending`` after
   it (the process died mid-send) goes back to ``pending`` on the next flush.
2. *send* the stored raw bytes unchanged: a retry after a crash between SMTP acceptance
   and step 3 repeats the same mail with the same Message-ID (which mail systems and
   people recognise as one), never a second, different mail.
3. *record*: ``sent``; or back to ``pending`` with exponential backoff for a transient
   failure (connection refused, 4xx); or ``failed`` with the server's answer for a
   permanent one (5xx), which the daily digest shows to staff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import ssl
from dataclasses import dataclass, field

import aiosmtplib
from sqlalchemy import ColumnElement, or_, select, update

from bot.app import App
from bot.config import SmtpSettings
from bot.errors import SendError
from bot.store.db import Database
from bot.store.models import OutboxMail
from bot.tls import client_context

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=15)  # a row "sending" longer than this was abandoned by a crash
BACKOFF_FIRST = dt.timedelta(minutes=2)
BACKOFF_MAX = dt.timedelta(hours=1)
_NETWORK_ERRORS = (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError, ssl.SSLError)


def backoff(attempts: int) -> dt.timedelta:
    """Delay before the next try after ``attempts`` failed ones: 2, 4, 8 … minutes, at most 1 h."""
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def _error(prefix: str, e: BaseException) -> SendError:
    code = getattr(e, "code", None)
    if isinstance(e, aiosmtplib.SMTPRecipientsRefused) and e.recipients:
        code = min(r.code for r in e.recipients)
        detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in e.recipients)
    else:
        detail = f"{code} {getattr(e, 'message', '')}".strip() if code else f"{type(e).__name__}: {e}"
    # Authentication failures are 5xx but a configuration problem, not this mail's: retry later.
    permanent = (
        isinstance(code, int) and 500 <= code < 600 and not isinstance(e, aiosmtplib.SMTPAuthenticationError)
    )
    return SendError(f"{prefix}: {detail}", permanent=permanent)


class SmtpSender:
    """One SMTP session for a batch of mails.  Use as an async context manager.

    ``send`` raises SendError; after a non-permanent error the connection is unusable
    and the caller should stop the batch.
    """

    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._smtp: aiosmtplib.SMTP | None = None

    def _connect(self) -> aiosmtplib.SMTP:
        """The one place an SMTP connection object is made (tests may subclass this)."""
        s = self.settings
        if s.tls == "none" and not s.allow_plaintext:
            raise SendError("smtp.tls is 'none' but smtp.allow_plaintext is not set")
        tls = s.tls != "none"
        return aiosmtplib.SMTP(
            hostname=s.host,
            port=s.port,
            use_tls=s.tls == "implicit",
            start_tls=s.tls == "starttls",
            validate_certs=tls and s.verify_certificate,
            tls_context=client_context(s.verify_certificate, s.ca_file) if tls else None,
            timeout=s.timeout_seconds,
        )

    async def __aenter__(self) -> SmtpSender:
        s = self.settings
        if s.user and self._password is None:
            raise SendError(f"no password for SMTP user {s.user}: set ${s.password_env}")
        smtp = self._connect()
        try:
            await smtp.connect()
            if s.user:
                await smtp.login(s.user, self._password or "")
        except _NETWORK_ERRORS as e:
            smtp.close()
            raise _error(f"cannot connect to {s.host}:{s.port}", e) from e
        self._smtp = smtp
        return self

    async def __aexit__(self, *exc: object) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            await smtp.quit()
        except _NETWORK_ERRORS:
            smtp.close()

    async def send(self, raw: bytes, recipients: list[str]) -> str | None:
        """Send ``raw`` as is; returns a note on recipients the server refused, if any."""
        if self._smtp is None:
            raise SendError("SMTP sender is not connected")
        try:
            refused, _ = await self._smtp.sendmail(self.settings.from_address, recipients, raw)
        except _NETWORK_ERRORS as e:
            raise _error("SMTP delivery failed", e) from e
        if refused:
            return "refused: " + "; ".join(f"{r}: {resp.code} {resp.message}" for r, resp in refused.items())
        return None


@dataclass
class FlushReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    reclaimed: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        s = f"outbox: {self.sent} sent, {self.retried} to retry, {self.failed} failed"
        if self.reclaimed:
            s += f", {self.reclaimed} reclaimed after a crash"
        return s


def _reclaim(db: Database, now: dt.datetime) -> int:
    with db.session() as s:
        res = s.execute(
            update(OutboxMail)
            .where(OutboxMail.state == "sending", OutboxMail.next_attempt_at <= now)
            .values(state="pending", next_attempt_at=now)
        )
        return res.rowcount or 0


def _candidates(db: Database, now: dt.datetime, limit: int) -> list[int]:
    """Ids of pending rows that are due, oldest first (not yet claimed)."""
    with db.session() as s:
        return list(
            s.scalars(
                select(OutboxMail.id)
                .where(OutboxMail.state == "pending", _due(now))
                .order_by(OutboxMail.id)
                .limit(limit)
            )
        )


def _due(now: dt.datetime) -> ColumnElement[bool]:
    return or_(OutboxMail.next_attempt_at.is_(None), OutboxMail.next_attempt_at <= now)


def _claim(db: Database, row_id: int, now: dt.datetime) -> bool:
    """pending → sending for one row, just before it is sent; False if another process won.

    Claiming one row at a time keeps each claim as short as one SMTP transaction, far
    below the lease, so a slow batch can never be reclaimed while it is still running.
    """
    with db.session() as s:
        if not db.is_sqlite:
            # PostgreSQL: a row being claimed by another process is skipped, not waited for.
            locked = s.scalars(
                select(OutboxMail.id)
                .where(OutboxMail.id == row_id, OutboxMail.state == "pending", _due(now))
                .with_for_update(skip_locked=True)
            ).first()
            if locked is None:
                return False
        # SQLite has no row locks: the conditional UPDATE is the lock.  A row another
        # process claimed first matches nothing here.
        res = s.execute(
            update(OutboxMail)
            .where(OutboxMail.id == row_id, OutboxMail.state == "pending", _due(now))
            .values(state="sending", next_attempt_at=now + LEASE)
        )
        return res.rowcount == 1


def _record(
    db: Database, row_id: int, now: dt.datetime, error: SendError | None, note: str | None = None
) -> str:
    with db.session() as s:
        row = s.get(OutboxMail, row_id)
        row.attempts += 1
        if error is None:
            row.state, row.sent_at, row.next_attempt_at, row.last_error = "sent", now, None, note
        elif error.permanent:
            # A failed row is never tried again; ``next_attempt_at`` keeps when it failed
            # (the digest reports each failure once, in the first digest after it).
            row.state, row.next_attempt_at, row.last_error = "failed", now, str(error)[:2000]
        else:
            row.state, row.next_attempt_at = "pending", now + backoff(row.attempts)
            row.last_error = str(error)[:2000]
        return row.state


async def flush_outbox_async(app: App, now: dt.datetime, limit: int = 50) -> FlushReport:
    """Send what is due at ``now`` (at most ``limit`` rows); see the module docstring."""
    db = app.db
    report = FlushReport(reclaimed=_reclaim(db, now))
    candidates = _candidates(db, now, limit)
    if not candidates:
        return report
    smtp = app.settings.smtp
    sender = SmtpSender(smtp, app.settings.secret(smtp.password_env) if smtp.user else None)
    try:
        async with sender:
            for row_id in candidates:
                if not _claim(db, row_id, now):
                    continue
                report.claimed += 1
                with db.session() as s:
                    row = s.get(OutboxMail, row_id)
                    raw, recipients = row.raw, list(row.recipients)
                try:
                    note = await sender.send(raw, recipients)
                except SendError as e:
                    _record(db, row_id, now, e)
                    report.errors.append(f"#{row_id}: {e}")
                    if e.permanent:
                        report.failed += 1
                        log.error("outbox #%s failed permanently: %s", row_id, e)
                        continue
                    report.retried += 1
                    log.warning("outbox #%s will be retried: %s", row_id, e)
                    break  # the connection is in doubt: the rest wait for the next flush
                _record(db, row_id, now, None, note)
                report.sent += 1
    except SendError as e:
        # Could not connect at all: nothing was sent, every due row backs off.
        report.errors.append(str(e))
        log.warning("SMTP unavailable: %s", e)
        for row_id in candidates:
            if _claim(db, row_id, now):
                report.claimed += 1
                _record(db, row_id, now, e)
                report.retried += 1
    log.info(report.summary())
    return report


def flush_outbox(app: App, now: dt.datetime, limit: int = 50) -> FlushReport:
    """Synchronous :func:`flush_outbox_async`, for the CLI and a thread-pool scheduler."""
    return asyncio.run(flush_outbox_async(app, now, limit))
