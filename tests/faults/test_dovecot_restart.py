"""Dovecot stopped in the middle of a pass and started again 30 s later, on the same port.

The service (a real subprocess) loses the connection mid-batch, logs the error and
retries with exponential backoff; once the server is back it reconnects by itself and
finishes the inbox.  The mail that was in hand when the server went away is recorded
once and moved once.  The test runs its own Dovecot so the shared one is never stopped.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy import func, select

from bot.devservers.dovecot import DovecotServer, dovecot_binary, wait_for_port
from bot.store.models import Message
from tests.conftest import PASSWORD
from tests.faults.conftest import ServiceProcess, wait_until
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.dovecot, pytest.mark.slow]

USER = "restart@test.example"
N_MESSAGES = 150
DOWN_SECONDS = 30


def _uids(server: DovecotServer, folder: str) -> list[int]:
    c = IMAPClient("127.0.0.1", port=server.port, ssl=False, timeout=30)
    try:
        c.login(USER, PASSWORD)
        if not c.folder_exists(folder):
            return []
        c.select_folder(folder, readonly=True)
        return c.search(["NOT", "DELETED"])
    finally:
        c.logout()


@pytest.fixture
def own_dovecot(tmp_path):
    if not dovecot_binary():
        pytest.skip("dovecot is not installed")
    server = DovecotServer(tmp_path / "dovecot", {USER: PASSWORD}).start()
    yield server
    server.stop()


def _count(app) -> int:
    with app.db.session() as s:
        return s.scalar(select(func.count()).select_from(Message)) or 0


def test_service_reconnects_with_backoff_after_dovecot_restart(own_dovecot, app_factory, logs):
    server = own_dovecot
    app = app_factory(server.port, USER)
    c = IMAPClient("127.0.0.1", port=server.port, ssl=False, timeout=30)
    c.login(USER, PASSWORD)
    for i in range(N_MESSAGES):
        doc = make_docx(["TỜ TRÌNH", f"Văn bản số {i}"])
        raw = build_mail(
            "dangbo.syt@thainguyen.gov.vn",
            f"Tờ trình {i}",
            attachments=[(f"To trinh {i}.docx", doc)],
            message_id=f"<restart-{i}@units.test.example>",
        )
        c.append("INBOX", raw)
    c.logout()

    svc = ServiceProcess(Path(app.settings.source), logs / "run.log", scheduler=False).start()
    try:
        assert wait_until(lambda: _count(app) >= 20, timeout=120), svc.log_text()[-2000:]
        port = server.port
        server.stop(keep_files=True)
        stopped_at = _count(app)
        assert stopped_at < N_MESSAGES, "the server must go away in the middle of the inbox"
        time.sleep(DOWN_SECONDS)
        assert svc.alive(), svc.log_text()[-2000:]
        server.start()
        assert server.port == port
        wait_for_port(port)
        assert wait_until(lambda: _count(app) == N_MESSAGES and not _uids(server, "INBOX"), timeout=120), (
            svc.log_text()[-3000:]
        )
    finally:
        assert svc.stop() == 0

    log = svc.log_text()
    retries = log.count("reconnecting in")
    assert retries >= 3, f"expected several backoff retries in {DOWN_SECONDS}s, got {retries}"
    assert log.count("connected to 127.0.0.1") >= 2
    with app.db.session() as s:
        ids = s.scalars(select(Message.message_id_header)).all()
    assert len(ids) == len(set(ids)) == N_MESSAGES
    assert len(_uids(server, "Processed")) == N_MESSAGES
