"""Two ``run`` instances on one PostgreSQL and one mailbox: one polls, the other stands by.

Both run with the scheduler (outbox, reminders, digest).  One takes the intake advisory
lock and processes the inbox; the other logs that it stands by.  The active one is
killed with SIGKILL half-way; PostgreSQL drops its session and with it the lock, and the
standby takes over.  Nothing is processed twice (no "recorded by another instance"),
every mail is acknowledged once, and the digest goes out once although both scheduled it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.store.models import Message, OutboxMail
from tests.faults.conftest import ServiceProcess, acks_per_message, sink_by_kind, tune_config, wait_until
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.postgres, pytest.mark.dovecot, pytest.mark.smtp, pytest.mark.slow]

if not os.environ.get("INTAKE_TEST_DATABASE_URL", "").startswith("postgresql"):
    pytest.skip(
        "needs INTAKE_TEST_DATABASE_URL=postgresql+psycopg://… (scripts/test-postgres.sh)",
        allow_module_level=True,
    )

N_MESSAGES = 120
SENDERS = ["dangbo.syt@thainguyen.gov.vn", "dangbo.stc@thainguyen.gov.vn", "dangbo.kbnn@thainguyen.gov.vn"]


def _count(app) -> int:
    with app.db.session() as s:
        return s.scalar(select(func.count()).select_from(Message)) or 0


def test_standby_takes_over_and_nothing_is_done_twice(dovecot, mail_app, smtp_sink, logs):
    app, user = mail_app
    cfg = Path(app.settings.source)
    tune_config(cfg, "smtp", "max_acks_per_sender_per_hour = 10000")
    cfg.write_text(cfg.read_text() + "\n[schedule]\noutbox_interval_minutes = 0.05\n")
    ids = []
    c = dovecot.client(user)
    try:
        for i in range(N_MESSAGES):
            mid = f"<two-{i}@units.test.example>"
            doc = make_docx(["TỜ TRÌNH", f"Văn bản số {i}"])
            c.append(
                "INBOX",
                build_mail(
                    SENDERS[i % 3], f"Tờ trình {i}", attachments=[(f"To trinh {i}.docx", doc)], message_id=mid
                ),
            )
            ids.append(mid)
    finally:
        c.logout()

    one = ServiceProcess(cfg, logs / "one.log").start()
    two = ServiceProcess(cfg, logs / "two.log").start()
    try:
        assert wait_until(lambda: "standing by" in one.log_text() + two.log_text(), timeout=30), (
            one.log_text()[-2000:] + two.log_text()[-2000:]
        )
        active, standby = (two, one) if "standing by" in one.log_text() else (one, two)
        assert "standing by" not in active.log_text()
        assert wait_until(lambda: _count(app) >= N_MESSAGES // 3, timeout=120), active.log_text()[-2000:]
        active.kill()
        assert _count(app) < N_MESSAGES, "the kill must land in the middle of the inbox"
        assert wait_until(lambda: "taking over intake" in standby.log_text(), timeout=20), standby.log_text()[
            -2000:
        ]

        def finished() -> bool:
            with app.db.session() as s:
                acks = s.scalars(select(OutboxMail.state).where(OutboxMail.kind == "ack")).all()
            return _count(app) == N_MESSAGES and len(acks) == N_MESSAGES and set(acks) == {"sent"}

        # Rows the killed instance had claimed wait for their lease (15 min) to end, so
        # the check is on everything but those; the sink check below covers the rest.
        assert wait_until(lambda: _count(app) == N_MESSAGES, timeout=180), standby.log_text()[-3000:]
        wait_until(finished, timeout=30)
        assert standby.alive()
    finally:
        for proc in (one, two):
            if proc.alive():
                assert proc.stop() == 0

    logs_text = one.log_text() + two.log_text()
    assert "recorded by another instance" not in logs_text, "the standby never raced the active poller"
    with app.db.session() as s:
        recorded = s.scalars(select(Message.message_id_header)).all()
        leased = s.scalar(
            select(func.count())
            .select_from(OutboxMail)
            .where(OutboxMail.kind == "ack", OutboxMail.state == "sending")
        )
    assert sorted(recorded) == sorted(ids)
    assert dovecot.folder_uids(user, "INBOX") == []
    answered = acks_per_message(smtp_sink)
    assert all(len(v) == 1 for v in answered.values()), "never two different acknowledgments"
    assert len(answered) + leased == N_MESSAGES, "every ack sent, or leased by the killed instance"
    kinds = sink_by_kind(smtp_sink)
    assert len(kinds["ack"]) - len(answered) <= 1, "at most the one mail in flight at the kill repeats"
    assert len({str(m["Message-ID"]) for m in kinds["digest"]}) <= 1, "one digest although both scheduled it"
