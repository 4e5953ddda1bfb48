"""Helpers for the fault-injection tests: the service as a real subprocess, and the sink's view.

``ServiceProcess`` runs ``python -m bot run`` against a test config, with its log in a
file the test can read when an assertion fails.  ``tune_config`` adds settings the
shared ``write_config`` does not take (e.g. a higher acknowledgment limit).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from bot.devservers.smtp_sink import SmtpSink
from tests.conftest import PASSWORD

START = "2024-02-27T10:00:00+07:00"


def tune_config(cfg: Path, section: str, lines: str) -> None:
    """Insert ``lines`` right after the ``[section]`` header of a config written by write_config."""
    text = cfg.read_text(encoding="utf-8")
    header = f"[{section}]\n"
    assert header in text, f"no [{section}] in {cfg}"
    cfg.write_text(text.replace(header, header + lines.strip() + "\n", 1), encoding="utf-8")


class ServiceProcess:
    """``intake-bot run`` in a subprocess; ``kill()`` is SIGKILL, ``stop()`` is SIGTERM."""

    def __init__(self, cfg: Path, log: Path, now: str = START, scheduler: bool = True) -> None:
        self.cfg, self.log, self.now, self.scheduler = cfg, log, now, scheduler
        self.proc: subprocess.Popen | None = None

    def start(self, now: str | None = None) -> ServiceProcess:
        env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
        cmd = [sys.executable, "-m", "bot", "--config", str(self.cfg), "--now", now or self.now, "run"]
        if not self.scheduler:
            cmd.append("--no-scheduler")
        self._log_start = self.log.stat().st_size if self.log.exists() else 0
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=self.cfg.parent, env=env, stdout=subprocess.DEVNULL, stderr=log
            )
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self, timeout: float = 60) -> int:
        assert self.proc is not None
        # SIGTERM before the service installed its handler (still importing) would kill it
        # outright; an operator's stop comes later than that, so wait for the first sign
        # of the running service in its log.
        wait_until(lambda: not self.alive() or "bot.pipeline.run" in self._new_log(), timeout=30, step=0.05)
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def _new_log(self) -> str:
        with open(self.log, "rb") as fh:
            fh.seek(self._log_start)
            return fh.read().decode("utf-8", "replace")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


def wait_until(predicate, timeout: float, step: float = 0.25) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def sink_by_kind(sink: SmtpSink) -> dict[str, list]:
    """The sink's mails grouped by ``X-Intake-Kind``."""
    out: dict[str, list] = defaultdict(list)
    with sink.lock:
        mails = list(sink.messages)
    for m in mails:
        out[str(m.message.get("X-Intake-Kind", ""))].append(m.message)
    return out


def acks_per_message(sink: SmtpSink) -> dict[str, set[str]]:
    """For each answered Message-ID (``In-Reply-To``), the distinct ack Message-IDs received."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in sink_by_kind(sink)["ack"]:
        out[str(m["In-Reply-To"])].add(str(m["Message-ID"]))
    return out


@pytest.fixture
def logs(tmp_path) -> Path:
    d = tmp_path / "logs"
    d.mkdir()
    return d
