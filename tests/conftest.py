"""Shared fixtures: a real Dovecot on 127.0.0.1, a real aiosmtpd sink, and a wired App.

The Dovecot server is started once per session; each test gets its own mail account
(the passwd file is re-read by Dovecot when it changes), so tests never see each
other's mail.  ``INTAKE_TEST_DATABASE_URL`` switches the suite to PostgreSQL.  Fonts
are pinned here for the whole session (``tests/fontsets.py``); ``make test`` runs the
suite once with ``TZ=UTC LANG=C`` and once with ``TZ=Asia/Ho_Chi_Minh LANG=C.UTF-8``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import pytest
from imapclient import IMAPClient

from bot.devservers.dovecot import DovecotServer, dovecot_binary
from bot.devservers.smtp_sink import SmtpSink
from tests.fontsets import fontconfig_file

# Every program the tests start (LibreOffice above all) sees the fresh-machine font set
# of tests/fontsets.py, never the fonts this machine happens to have; tests that need
# another set pass it explicitly.
os.environ["FONTCONFIG_FILE"] = str(fontconfig_file())

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TZ = dt.timezone(dt.timedelta(hours=7))
PASSWORD = "test-password-not-secret"
_counter = itertools.count(1)
ACCOUNTS = 400


class DovecotFixture:
    def __init__(self, server: DovecotServer) -> None:
        self.server = server
        self.port = server.port

    def new_user(self) -> str:
        # Accounts are created up front: Dovecot notices passwd-file changes by mtime,
        # which has one-second granularity, so adding users on the fly races.
        user = f"bot{next(_counter)}@test.example"
        assert user in self.server.users, "raise ACCOUNTS in tests/conftest.py"
        return user

    def client(self, user: str) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        c.login(user, PASSWORD)
        return c

    def append(self, user: str, raw: bytes, when: dt.datetime | None = None, folder: str = "INBOX") -> None:
        c = self.client(user)
        try:
            c.append(folder, raw, msg_time=when or dt.datetime(2024, 2, 26, 9, 0, tzinfo=TZ))
        finally:
            c.logout()

    def folder_uids(self, user: str, folder: str) -> list[int]:
        c = self.client(user)
        try:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            return c.search(["NOT", "DELETED"])
        finally:
            c.logout()


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory) -> DovecotFixture:
    if not dovecot_binary():
        pytest.skip("dovecot is not installed (make test installs dovecot-imapd)")
    root = tmp_path_factory.mktemp("dovecot")
    users = {f"bot{i}@test.example": PASSWORD for i in range(1, ACCOUNTS + 1)}
    server = DovecotServer(root, users).start()
    yield DovecotFixture(server)
    server.stop()


@pytest.fixture
def smtp_sink(tmp_path) -> SmtpSink:
    sink = SmtpSink(tmp_path / "sent").start()
    yield sink
    sink.stop()


def write_config(
    tmp: Path,
    imap_port: int,
    user: str,
    smtp_port: int,
    db_url: str | None = None,
    storage_extra: str = "",
    mailbox_extra: str = "",
) -> Path:
    db_url = db_url or f"sqlite:///{tmp / 'intake.sqlite3'}"
    cfg = tmp / "bot.toml"
    cfg.write_text(
        f"""
timezone = "Asia/Ho_Chi_Minh"
campaign_file = "{REPO / "config/campaigns/120-KH-DUK-2024.toml"}"

[mailbox]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
allow_plaintext = true
user = "{user}"
password_env = "INTAKE_TEST_IMAP_PASSWORD"
batch_size = 20
poll_interval_minutes = 1
{mailbox_extra}

[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
allow_plaintext = true
from_address = "banbientapduk@thainguyen.gov.vn"

[database]
url = "{db_url}"

[storage]
directory = "{tmp / "files"}"
{storage_extra}

[staff]
digest_recipients = ["tonghop.btg@thainguyen.gov.vn"]
""",
        encoding="utf-8",
    )
    return cfg


def _fresh_database_url(tmp: Path) -> str:
    base = os.environ.get("INTAKE_TEST_DATABASE_URL")
    if not base:
        return f"sqlite:///{tmp / 'intake.sqlite3'}"
    # One PostgreSQL database per test, so tests stay independent.
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def app_factory(tmp_path, monkeypatch):
    """Build a migrated App with the example units, against the given servers."""
    from bot.app import build_app
    from bot.campaign.units import read_units
    from bot.store import repo

    monkeypatch.setenv("INTAKE_TEST_IMAP_PASSWORD", PASSWORD)
    monkeypatch.chdir(tmp_path)
    made = []

    def make(
        imap_port: int = 1,
        user: str = "nobody@test.example",
        smtp_port: int = 1,
        units: bool = True,
        storage_extra: str = "",
        mailbox_extra: str = "",
    ):
        cfg = write_config(
            tmp_path, imap_port, user, smtp_port, _fresh_database_url(tmp_path), storage_extra, mailbox_extra
        )
        app = build_app(str(cfg))
        app.db.migrate()
        if units:
            infos = read_units(REPO / "config/units.example.csv", set(app.campaign.unit_kinds))
            with app.db.session() as s:
                repo.import_units(s, infos, dt.datetime(2024, 2, 20, tzinfo=TZ))
        made.append(app)
        return app

    yield make
    for app in made:
        app.db.dispose()


@pytest.fixture
def mail_app(dovecot, smtp_sink, app_factory):
    """An App wired to a fresh Dovecot account and the SMTP sink; returns (app, user)."""
    user = dovecot.new_user()
    return app_factory(dovecot.port, user, smtp_sink.port), user


def shared_or_skip() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is absent (a clone outside the workplace); CI always has it")
    return SHARED


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed")
    return path
