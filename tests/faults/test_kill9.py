"""Kill -9 the running service (scheduler on, so acknowledgments go out) 50 times during intake.

300 mails from the example units wait in a real Dovecot inbox; ``intake-bot run`` runs as
a subprocess and is killed with SIGKILL at random points — after a random number of newly
recorded messages plus a random jitter, so kills land inside fetching, storing,
recording, moving and sending — then restarted.  A last clean run, an hour later on
the bot's clock (so outbox leases of killed senders have expired), finishes the work.

Afterwards: every mail recorded exactly once and moved once; every stored file is
referenced and every referenced file exists; each mail got exactly one acknowledgment
(one Message-ID at the SMTP sink per ``In-Reply-To``).  SMTP itself cannot be
exactly-once: a kill between the server's ``250`` and the commit of ``sent`` makes the
next run send the *same* bytes again (same Message-ID, which receivers collapse); such
repeats are counted and bounded by the number of kills.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.campaign.units import read_units
from bot.store.models import AttachmentRow, Message, OutboxMail, Submission
from tests.conftest import REPO
from tests.faults.conftest import ServiceProcess, acks_per_message, sink_by_kind, tune_config, wait_until
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.dovecot, pytest.mark.smtp, pytest.mark.slow]

N_MESSAGES = 300
KILLS = 50
LATER = "2024-02-27T11:00:00+07:00"


def _count(app) -> int:
    with app.db.session() as s:
        return s.scalar(select(func.count()).select_from(Message)) or 0


def _load_inbox(dovecot, user: str, app) -> list[str]:
    units = read_units(REPO / "config/units.example.csv", set(app.campaign.unit_kinds))
    senders = [u.emails[0] for u in units]
    ids = []
    c = dovecot.client(user)
    try:
        for i in range(N_MESSAGES):
            mid = f"<kill9-{i}@units.test.example>"
            doc = make_docx(["TỜ TRÌNH", f"Đề nghị khen thưởng, văn bản số {i}"])
            raw = build_mail(
                senders[i % len(senders)],
                f"Tờ trình số {i}",
                attachments=[(f"To trinh {i}.docx", doc)],
                message_id=mid,
            )
            c.append("INBOX", raw)
            ids.append(mid)
    finally:
        c.logout()
    return ids


def test_kill_9_at_50_points_records_and_acknowledges_each_mail_once(dovecot, mail_app, smtp_sink, logs):
    app, user = mail_app
    cfg = Path(app.settings.source)
    # Acks must not be held back by the flood limit here (20 mails per unit), and the
    # outbox should run often so kills also land inside SMTP sessions.
    tune_config(cfg, "smtp", "max_acks_per_sender_per_hour = 10000")
    cfg.write_text(cfg.read_text() + "\n[schedule]\noutbox_interval_minutes = 0.05\n")
    ids = _load_inbox(dovecot, user, app)

    rng = random.Random(7)
    svc = ServiceProcess(cfg, logs / "run.log")
    kills = kills_during_intake = 0
    deadline = time.monotonic() + 200
    while kills < KILLS and time.monotonic() < deadline:
        before = _count(app)
        svc.start()
        target = before + rng.randint(1, 6)
        wait_until(
            lambda t=target: _count(app) >= t or not svc.alive(), timeout=rng.uniform(2.0, 6.0), step=0.02
        )
        time.sleep(rng.uniform(0, 0.15))
        assert svc.alive(), f"service exited by itself:\n{svc.log_text()[-3000:]}"
        kills_during_intake += _count(app) < N_MESSAGES
        svc.kill()
        kills += 1
    assert kills == KILLS, f"only {kills} kills in the time budget"

    svc.start(now=LATER)
    try:

        def finished() -> bool:
            with app.db.session() as s:
                open_acks = s.scalar(
                    select(func.count())
                    .select_from(OutboxMail)
                    .where(OutboxMail.kind == "ack", OutboxMail.state != "sent")
                )
                acks = s.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.kind == "ack"))
            return acks == N_MESSAGES and open_acks == 0 and not dovecot.folder_uids(user, "INBOX")

        assert wait_until(finished, timeout=120, step=0.5), svc.log_text()[-3000:]
    finally:
        assert svc.stop() == 0, "SIGTERM must stop the service cleanly"
    assert kills_during_intake >= 25, f"only {kills_during_intake} kills landed while mail was waiting"

    assert dovecot.folder_uids(user, "INBOX") == []
    assert len(dovecot.folder_uids(user, "Processed")) == N_MESSAGES
    with app.db.session() as s:
        rows = s.execute(select(Message.message_id_header, Message.state, Message.raw_path)).all()
        assert sorted(r[0] for r in rows) == sorted(ids), "each message recorded exactly once"
        assert {r[1] for r in rows} == {"processed"}
        assert s.scalar(select(func.count()).select_from(AttachmentRow)) == N_MESSAGES
        assert s.scalar(select(func.count()).select_from(Submission)) == N_MESSAGES
        files = {p for (p,) in s.execute(select(AttachmentRow.stored_path))}
        raws = {r[2] for r in rows}
    app.files.sweep_temp(older_than_seconds=0)  # partial writes of killed runs are never referenced
    root = app.files.root
    for kind, referenced in (("files", files), ("raw", raws)):
        stored = {p.relative_to(root).as_posix() for p in (root / kind).rglob("*") if p.is_file()}
        assert stored == referenced, f"no orphan and no missing {kind}"

    answered = acks_per_message(smtp_sink)
    assert set(answered) == set(ids), "every mail acknowledged"
    assert all(len(v) == 1 for v in answered.values()), "one acknowledgment per mail, never two different"
    deliveries = len(sink_by_kind(smtp_sink)["ack"])
    repeats = deliveries - N_MESSAGES
    # Only a kill between the server's 250 and the commit can repeat a mail, one per kill.
    assert 0 <= repeats <= kills, f"{repeats} identical re-deliveries after {kills} kills"
