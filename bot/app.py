"""The wired application: settings, campaign, database and file store, built once.

Only the command line (``bot.cli``, ``bot.commands``) builds an :class:`App`.  The pipeline,
the jobs, the dashboard and outgoing mail receive it; the layers below it (the store, the
plan, the matchers, intake) receive only the pieces they need, as arguments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.campaign.model import Campaign, load_campaign
from bot.config import Settings, load_settings, pem_certificates_der
from bot.documents.signatures import SignaturePolicy
from bot.intake.limits import ParseLimits
from bot.intake.storage import FileStore
from bot.store.db import Database, open_database

MB = 1024 * 1024


@dataclass
class App:
    settings: Settings
    campaign: Campaign

    @cached_property
    def db(self) -> Database:
        db = self.settings.database
        password = self.settings.secret(db.password_env)
        url = make_url(db.url)
        return open_database(url.set(password=password) if password and url.username else url)

    @cached_property
    def files(self) -> FileStore:
        return FileStore(self.settings.storage.directory)

    @cached_property
    def parse_limits(self) -> ParseLimits:
        s = self.settings.storage
        return ParseLimits(
            max_attachment_bytes=int(s.max_attachment_mb * MB),
            max_message_bytes=int(s.max_message_mb * MB),
            max_archive_depth=s.max_archive_depth,
            max_archive_files=s.max_archive_files,
            max_archive_total_bytes=int(s.max_archive_total_mb * MB),
            max_compression_ratio=s.max_compression_ratio,
        )

    @cached_property
    def signature_policy(self) -> SignaturePolicy:
        """The roots the office trusts for digital signatures (validated when settings load)."""
        d = self.settings.documents
        return SignaturePolicy(
            roots_der=tuple(der for path in d.trusted_signature_roots for der in pem_certificates_der(path)),
            check_revocation=d.check_revocation,
            revocation_timeout_seconds=d.revocation_timeout_seconds,
        )

    @property
    def own_addresses(self) -> frozenset[str]:
        return frozenset({self.settings.smtp.from_address.lower(), self.settings.mailbox.user.lower()})


def _unwritable_location(path: Path, what: str) -> str | None:
    """Why ``path`` (a directory, or a file to create) cannot be written; None when it can.

    Nothing is created: the nearest existing ancestor is what is checked.
    """
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return f"{what} {path}: no existing parent directory"
        probe = probe.parent
    if probe != path and not probe.is_dir():
        return f"{what} {path}: {probe} is not a directory"
    if probe == path and what == "storage directory" and not path.is_dir():
        return f"{what} {path}: exists and is not a directory"
    folder = probe if probe.is_dir() else probe.parent
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        return f"{what} {path}: {folder} is on a read-only file system"
    if not os.access(folder, os.W_OK | os.X_OK) or (probe.is_file() and not os.access(probe, os.W_OK)):
        return f"{what} {path}: no permission to write in {folder}"
    return None


def setup_problems(app: App) -> list[str]:
    """What would stop ``init``, found before it changes anything: the storage directory
    and the database location (SQLite) or connection (PostgreSQL)."""
    problems = [
        p for p in [_unwritable_location(Path(app.settings.storage.directory), "storage directory")] if p
    ]
    url = make_url(app.settings.database.url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            problem = _unwritable_location(Path(url.database), "database file")
            if problem:
                problems.append(problem)
    else:
        try:
            with app.db.engine.connect():
                pass
        except SQLAlchemyError as e:
            problems.append(f"database {url.render_as_string(hide_password=True)}: {first_line(e)}")
    return problems


def first_line(error: BaseException) -> str:
    """A database error in one line: the driver's own message, without SQLAlchemy's trailer."""
    cause = getattr(error, "orig", None) or error
    text = str(cause).strip().splitlines()
    return text[0] if text else type(error).__name__


def build_app(config_path: str) -> App:
    """Load and validate everything; raises ConfigError naming the file and key."""
    settings = load_settings(config_path)
    campaign = load_campaign(settings.campaign_file)
    return App(settings, campaign)
