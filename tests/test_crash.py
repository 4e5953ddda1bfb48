"""Kill -9 the running service many times during a batch; nothing is lost or doubled.

The service runs as a real subprocess (``python -m bot run``) against the real Dovecot
and a SQLite file; it is killed with SIGKILL at random moments and restarted until the
inbox is empty.  Afterwards every message is recorded exactly once, every file is
stored once, and the processed folder holds every mail.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.store.models import AttachmentRow, Message, Submission
from tests.conftest import PASSWORD
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.dovecot, pytest.mark.slow]

N_MESSAGES = 240


def _start(cfg: Path) -> subprocess.Popen:
    env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--config", str(cfg), "--now", "2024-02-27T10:00:00+07:00", "run",
         "--no-scheduler"],
        cwd=cfg.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_kill_9_at_random_points_loses_and_doubles_nothing(dovecot, mail_app):
    app, user = mail_app
    rng = random.Random(1234)
    docs = {}
    c = dovecot.client(user)
    for i in range(N_MESSAGES):
        data = make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", f"Văn bản số {i}"])
        docs[i] = data
        c.append("INBOX", build_mail("dangbo.syt@thainguyen.gov.vn", f"Tờ trình {i}", attachments=[(f"To trinh {i}.docx", data)]))
    c.logout()

    cfg = Path(app.settings.source)
    kills = 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        proc = _start(cfg)
        time.sleep(rng.uniform(0.3, 2.0))
        if proc.poll() is not None:
            pytest.fail(f"service exited by itself with {proc.returncode}")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        if not dovecot.folder_uids(user, "INBOX"):
            break
    # One last clean run to finish whatever the last kill interrupted.
    proc = _start(cfg)
    end = time.monotonic() + 60
    while dovecot.folder_uids(user, "INBOX") and time.monotonic() < end:
        time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0, "SIGTERM must stop the service cleanly"
    assert kills >= 5

    assert dovecot.folder_uids(user, "INBOX") == []
    assert len(dovecot.folder_uids(user, "Processed")) == N_MESSAGES
    with app.db.session() as s:
        rows = s.execute(select(Message.message_id_header, Message.state)).all()
        ids = [r[0] for r in rows]
        assert len(ids) == len(set(ids)) == N_MESSAGES, "each message recorded exactly once"
        assert {r[1] for r in rows} == {"processed"}
        assert s.scalar(select(func.count()).select_from(AttachmentRow)) == N_MESSAGES
        assert s.scalar(select(func.count(func.distinct(AttachmentRow.sha256)))) == N_MESSAGES
        assert s.scalar(select(func.count()).select_from(Submission)) == N_MESSAGES
        paths = [p for (p,) in s.execute(select(AttachmentRow.stored_path))]
    app.files.sweep_temp(older_than_seconds=0)  # partial writes of killed runs are never referenced
    stored = {p.relative_to(app.files.root).as_posix() for p in (app.files.root / "files").rglob("*") if p.is_file()}
    assert stored == set(paths), "no orphan and no missing files"
