"""Single-active intake per mailbox: the instance holding the lock polls, the others wait.

Exactly-once intake does not *need* this lock — the unique ``(mailbox, uidvalidity,
uid)`` key and the idempotency keys of the outbox already make a second poller harmless —
but two instances racing over the same UIDs would fetch and parse every mail twice and
fill the log with "recorded by another instance".  So one instance is the active
poller and the others stand by; the outbox is shared safely by row claims.

* **PostgreSQL**: a session advisory lock, ``pg_try_advisory_lock(hashtext(mailbox))``,
  taken on a dedicated connection held for as long as the instance polls.  When the
  process dies (even ``kill -9``) its connection closes and the server releases the lock,
  so a standby takes over within its retry interval.  If the connection is lost while the
  process lives, :meth:`IntakeLock.still_held` says so and the poller steps down.
* **SQLite** (one machine by nature): ``fcntl.flock`` on a lock file beside the database;
  the kernel releases it when the process dies.
* An in-memory SQLite database is private to its process: the lock always succeeds.

Use :meth:`IntakeLock.try_acquire` / :meth:`release`, or the context manager
:func:`intake_lock` for one pass.  Raises nothing on contention: ``try_acquire`` returns
False.  A database error while taking the lock is raised as ``SQLAlchemyError``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.store.db import Database

log = logging.getLogger(__name__)


class IntakeLock:
    """The right to poll one mailbox.  Not thread-safe; one per run loop."""

    def __init__(self, db: Database, mailbox: str) -> None:
        self.db = db
        self.mailbox = mailbox
        self._conn: Connection | None = None
        self._fd: int | None = None
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    @property
    def lock_file(self) -> Path | None:
        """Where the SQLite lock lives (None for PostgreSQL and in-memory SQLite)."""
        if not self.db.is_sqlite:
            return None
        database = make_url(self.db.url).database
        if not database or database == ":memory:":
            return None
        # One file per mailbox, so two mailboxes sharing one database do not block each other.
        tag = hashlib.sha256(self.mailbox.encode()).hexdigest()[:12]
        return Path(f"{database}.intake-{tag}.lock")

    def try_acquire(self) -> bool:
        """Take the lock if free; True when this instance is (now) the active poller."""
        if self._held:
            return True
        if self.db.is_sqlite:
            self._held = self._try_flock()
        else:
            self._held = self._try_advisory()
        return self._held

    def _try_flock(self) -> bool:
        path = self.lock_file
        if path is None:
            return True
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        # The pid helps an operator see who polls; it is never read back.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def _try_advisory(self) -> bool:
        # A connection of its own, outside the pool's recycling, in autocommit: the lock
        # belongs to the session, not to a transaction, and must outlive every commit.
        conn = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = conn.execute(
                text("SELECT pg_try_advisory_lock(hashtext(:m))"), {"m": self.mailbox}
            ).scalar_one()
        except BaseException:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def still_held(self) -> bool:
        """False when the lock was lost (the database connection died); then release()."""
        if not self._held:
            return False
        if self._conn is None:
            return True  # flock (or in-memory): held until released or the process ends
        try:
            self._conn.execute(text("SELECT 1")).scalar_one()
        except SQLAlchemyError as e:
            log.warning("lost the database session holding the intake lock: %s", e)
            self.release()
            return False
        return True

    def release(self) -> None:
        """Give the lock up (idempotent)."""
        self._held = False
        conn, self._conn = self._conn, None
        if conn is not None:
            # Unlock explicitly so the connection goes back to the pool clean; if the
            # session is already dead, discard it (the server released the lock with it).
            try:
                conn.execute(text("SELECT pg_advisory_unlock(hashtext(:m))"), {"m": self.mailbox})
                conn.close()
            except SQLAlchemyError:
                with contextlib.suppress(SQLAlchemyError):
                    conn.invalidate()
                    conn.close()
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


@contextlib.contextmanager
def intake_lock(db: Database, mailbox: str) -> Iterator[bool]:
    """Try the lock for one pass; yields whether it was taken, releases it afterwards."""
    lock = IntakeLock(db, mailbox)
    try:
        yield lock.try_acquire()
    finally:
        lock.release()
