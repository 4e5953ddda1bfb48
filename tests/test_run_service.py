"""``intake-bot run`` as a real process: IDLE intake, the outbox, reminders and the digest
scheduled by APScheduler; a restart after downtime catches up once, never twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.dovecot, pytest.mark.smtp]


def start(cfg: Path, now: str) -> subprocess.Popen:
    env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--config", str(cfg), "--now", now, "run"],
        cwd=cfg.parent,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err[-3000:]
    return err


def wait_for(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def kinds(sink) -> Counter:
    with sink.lock:
        return Counter(str(m.message["X-Intake-Kind"]) for m in sink.messages)


def test_run_acknowledges_reminds_digests_and_catches_up_once(dovecot, mail_app, smtp_sink):
    app, user = mail_app
    cfg = Path(app.settings.source)
    # 27/02 10:00: the 1-day reminder (08:00) and the digest (07:30) are due; the
    # service was "down" at 08:00, so it must catch up once at start.
    proc = start(cfg, "2024-02-27T10:00:00+07:00")
    try:
        if not wait_for(lambda: kinds(smtp_sink)["digest"] == 1 and kinds(smtp_sink)["reminder"] == 15, 60):
            pytest.fail(f"sent {kinds(smtp_sink)}; service log:\n{stop(proc)[-4000:]}")
        doc = make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "Về việc đề nghị khen thưởng"])
        dovecot.append(
            user, build_mail("dangbo.syt@thainguyen.gov.vn", "Tờ trình", attachments=[("To trinh.docx", doc)])
        )
        assert wait_for(lambda: kinds(smtp_sink)["ack"] == 1, 30), "the acknowledgment did not arrive"
    finally:
        log = stop(proc)
    assert "signal" in log and "intake stopped" in log

    # Restart later the same day: nothing is sent again.
    proc = start(cfg, "2024-02-27T11:00:00+07:00")
    try:
        time.sleep(6)
    finally:
        stop(proc)
    assert kinds(smtp_sink) == Counter({"reminder": 15, "digest": 1, "ack": 1})
    ack = next(m.message for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "ack")
    assert ack["X-Intake-Unit"] == "SYT" and ack["X-Intake-Received"] == "to_trinh"
    assert ack["Auto-Submitted"] == "auto-generated"
