"""Database engine, sessions and schema migration.

``open_database(url)`` returns a :class:`Database` holding the engine and a session
factory; ``Database.migrate()`` brings the schema to the newest Alembic revision.
SQLite gets WAL, foreign keys and a busy timeout so the service and a CLI command can
share the file; PostgreSQL is used as given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.errors import BotError

MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseError(BotError):
    """The database could not be opened or migrated."""


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # FULL so that a committed transaction survives power loss, as the exactly-once
    # promise (files fsynced, then commit, then IMAP move) requires.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _create_private(path: Path) -> None:
    """Create a missing SQLite file as 0640 (its -wal and -shm files take the same mode),
    whatever the umask: the records name people and must not be world-readable."""
    if path.exists():
        return
    try:
        path.parent.mkdir(mode=0o750, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640))
        os.chmod(path, 0o640)  # the umask may have taken more away; never added
    except FileExistsError:
        pass  # another process created it meanwhile
    except OSError as e:
        raise DatabaseError(f"cannot create the database file {path}: {e.strerror}") from e


class Database:
    def __init__(self, url: str | URL) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            _create_private(Path(parsed.database))
        try:
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=not self.is_sqlite)
        except (SQLAlchemyError, ImportError) as e:
            raise DatabaseError(
                f"cannot open database {parsed.render_as_string(hide_password=True)}: {e}"
            ) from e
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with self.sessions() as s, s.begin():
            yield s

    def migrate(self) -> None:
        # Imported here: only `init` and `run` migrate, and Alembic takes 0.2 s to import.
        from alembic import command  # noqa: PLC0415
        from alembic.config import Config  # noqa: PLC0415

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["engine"] = self.engine
        try:
            command.upgrade(cfg, "head")
        except SQLAlchemyError as e:
            raise DatabaseError(f"migration failed: {e}") from e

    def is_initialised(self) -> bool:
        return inspect(self.engine).has_table("alembic_version")

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | URL) -> Database:
    return Database(url)
