"""Reminders at the same moment from two processes: each unit gets one mail, not two.

Two OS processes (each its own App, engine and connections) start ``remind`` and
``flush_outbox`` at the same instant on one database.  The outbox's unique idempotency
key lets only one ``enqueue`` per reminder win, and the row claim lets only one process
send it.  Runs on SQLite and on PostgreSQL (whichever the suite uses).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from bot.store.models import OutboxMail
from tests.conftest import REPO
from tests.faults.conftest import sink_by_kind

pytestmark = [pytest.mark.smtp]

NOW = "2024-02-27T08:00:00+07:00"  # one day before the first deadline: the 1-day reminder is due


def test_two_processes_reminding_at_once_send_one_mail_per_unit(smtp_sink, app_factory):
    app = app_factory(smtp_port=smtp_sink.port)
    start = time.time() + 4  # both processes are up and connected by then
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.faults.remind_worker", app.settings.source, NOW, str(start)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-3000:]

    with app.db.session() as s:
        keys = s.scalars(select(OutboxMail.idempotency_key).where(OutboxMail.kind == "reminder")).all()
    assert len(keys) == 15 and len(set(keys)) == 15
    mails = sink_by_kind(smtp_sink)["reminder"]
    units = [str(m["X-Intake-Unit"]) for m in mails]
    assert sorted(units) == sorted(set(units)) and len(units) == 15, "one reminder per unit, sent once"
    queued = sum(int(out.split()[0].split("=")[1]) for out, _ in outputs)
    assert queued == 15, f"the two processes queued {queued} reminders between them"
