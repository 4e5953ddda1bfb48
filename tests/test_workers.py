"""Document workers (bot.pipeline.prefetch) against real Dovecot: same records as reading in
the poller, and a worker killed mid-pass loses nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import signal
import struct
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.pipeline.poll import poll_once
from bot.store.models import AttachmentRow, Message, Submission
from tests.conftest import REPO, TZ
from tests.corpus.make_corpus import corpus_for
from tests.mailgen import build_mail

NOW = dt.datetime(2024, 2, 26, 10, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def corpus_mails() -> list[bytes]:
    docs = [d for d in corpus_for() if d.format in ("docx", "pdf", "doc")]
    docs.sort(key=lambda d: d.path.name)
    mails = []
    for i, d in enumerate(docs[:24]):
        mails.append(
            build_mail(
                f"unit{i}@units.example",
                f"Hồ sơ gửi Ban Tuyên giáo số {i}",
                attachments=[(d.path.name, d.path.read_bytes())],
                message_id=f"<w-{i}@units.example>",
            )
        )
    return mails


def _append(dovecot, user: str, mails: list[bytes]) -> None:
    c = dovecot.client(user)
    for raw in mails:
        c.append("INBOX", raw)
    c.logout()


def _records(app) -> list[tuple]:
    with app.db.session() as s:
        rows = s.execute(
            select(Message.message_id_header, Message.state, AttachmentRow.filename, Submission.deliverable)
            .join(AttachmentRow, AttachmentRow.message_id == Message.id, isouter=True)
            .join(Submission, Submission.attachment_id == AttachmentRow.id, isouter=True)
        ).all()
    return sorted(tuple(r) for r in rows)


def test_workers_record_exactly_what_the_poller_alone_records(
    dovecot, smtp_sink, app_factory, corpus_mails, tmp_path
):
    results = []
    for workers in (0, 2):
        # A database and file store of its own for each run (PostgreSQL: a new database).
        for old in [*tmp_path.glob("intake.sqlite3*"), tmp_path / "files"]:
            shutil.rmtree(old) if old.is_dir() else old.unlink(missing_ok=True)
        user = dovecot.new_user()
        _append(dovecot, user, corpus_mails)
        app = app_factory(dovecot.port, user, smtp_sink.port, mailbox_extra=f"analysis_workers = {workers}")
        report = poll_once(app, NOW, acknowledge(app))
        assert report.recorded == len(corpus_mails)
        results.append(_records(app))
        app.db.dispose()
    assert results[0] == results[1]
    assert any(r[3] for r in results[1])  # deliverables were recognised, not only stored


def _grandchildren(pid: int) -> list[int]:
    """The pool's workers: children of our fork server (Dovecot's processes are ours too)."""
    out = []
    for child in _children(pid):
        if _is_forkserver(child):
            out += [w for w in _children(child) if _is_forkserver(w)]
    return out


def _is_forkserver(pid: int) -> bool:
    try:
        return b"multiprocessing.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # the task ended meanwhile
            kids += [int(x) for x in (task / "children").read_text().split()]
    return kids


def test_a_worker_killed_mid_pass_loses_no_mail(dovecot, smtp_sink, app_factory, corpus_mails, caplog):
    user = dovecot.new_user()
    _append(dovecot, user, corpus_mails)
    app = app_factory(dovecot.port, user, smtp_sink.port, mailbox_extra="analysis_workers = 2")
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            workers = _grandchildren(os.getpid())
            if workers:
                time.sleep(0.05)  # let the pass get going
                os.kill(workers[0], signal.SIGKILL)
                killed.append(workers[0])
            time.sleep(0.02)

    t = threading.Thread(target=killer)
    t.start()
    with caplog.at_level(logging.WARNING, logger="bot.pipeline.prefetch"):
        report = poll_once(app, NOW, acknowledge(app))
    t.join()
    assert killed, "no worker process was seen"
    assert "a document worker died" in caplog.text
    assert report.recorded == len(corpus_mails) and report.quarantined == 0
    with app.db.session() as s:
        states = s.scalars(select(Message.state)).all()
    assert sorted(states) == ["processed"] * len(corpus_mails)
    c = dovecot.client(user)
    c.select_folder("INBOX")
    assert c.search(["ALL"]) == []
    c.logout()
    # No worker outlives the pass.
    assert _grandchildren(os.getpid()) == []


def test_a_mail_whose_reading_kills_the_worker_twice_is_quarantined(
    dovecot, smtp_sink, app_factory, corpus_mails, caplog
):
    # Every worker is killed as soon as it appears, for a while: the mails in flight are
    # read again alone, that worker dies too, and the mail is quarantined; nothing is lost.
    user = dovecot.new_user()
    _append(dovecot, user, corpus_mails[:10])
    app = app_factory(dovecot.port, user, smtp_sink.port, mailbox_extra="analysis_workers = 2")
    killed: list[int] = []
    stop = threading.Event()

    def killer() -> None:
        end = time.monotonic() + 8
        while time.monotonic() < end and not stop.is_set():
            for pid in _grandchildren(os.getpid()):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
            time.sleep(0.005)

    t = threading.Thread(target=killer)
    t.start()
    try:
        with caplog.at_level(logging.WARNING, logger="bot.pipeline.prefetch"):
            report = poll_once(app, NOW, acknowledge(app))
    finally:
        stop.set()
        t.join()
    assert len(killed) >= 2
    assert report.recorded + report.quarantined == 10
    with app.db.session() as s:
        rows = s.execute(select(Message.state, Message.reason)).all()
    assert len(rows) == 10
    crashed = [r for r in rows if r.state == "quarantined"]
    assert crashed and all(r.reason.startswith("document_crash") for r in crashed)
    c = dovecot.client(user)
    c.select_folder("INBOX")
    assert c.search(["ALL"]) == []
    c.select_folder("Quarantine")
    assert len(c.search(["ALL"])) == len(crashed)
    c.logout()


def _jam(pool) -> None:
    """What a worker SIGKILLed half-way through writing its result leaves behind (CPython
    3.11): the result queue's write lock held for good and half a message in the pipe.
    The executor's manager thread reads the header, then waits for the rest for ever: it
    never learns of a dead worker again, its futures never complete."""
    results = pool._result_queue
    assert results._wlock.acquire(timeout=10)
    os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"half a result")


def _small_mails(n: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(uid=i, raw=build_mail("a@b.example", f"m{i}")) for i in range(n)]


def _campaign():
    from bot.campaign.model import load_campaign

    return load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")


def _drain(gen, out: list, limit: float) -> bool:
    """Consume ``gen`` into ``out`` in a thread; whether it finished within ``limit`` s
    (a hang fails the test instead of hanging it)."""
    t = threading.Thread(target=lambda: out.extend(gen), daemon=True)
    t.start()
    t.join(limit)
    return not t.is_alive()


def test_a_worker_dead_while_the_executor_is_stuck_is_noticed_by_the_poller(caplog):
    from bot.intake.limits import ParseLimits
    from bot.pipeline.prefetch import Prefetcher

    mails = _small_mails(12)
    ahead = Prefetcher(2, ParseLimits(), frozenset(), _campaign(), mail_deadline=600)
    gen = ahead.run(iter(mails))
    out = [next(gen)]
    pool = ahead._pool
    _jam(pool)
    time.sleep(0.3)  # the manager thread is now blocked on the half message
    victim = next(iter(pool._processes.values()))
    os.kill(victim.pid, signal.SIGKILL)
    manager = pool._executor_manager_thread
    with caplog.at_level(logging.WARNING, logger="bot.pipeline.prefetch"):
        assert _drain(gen, out, 60), "the prefetcher waited on a stuck pool"
    assert [m.uid for m, _ in out] == [m.uid for m in mails]
    assert all(p is not None and p.msg is not None for _, p in out)
    assert "a document worker died" in caplog.text
    # The stuck manager thread was released (the interpreter's exit joins it).
    manager.join(10)
    assert not manager.is_alive()
    assert _grandchildren(os.getpid()) == []


def test_a_mail_that_never_comes_back_is_read_again_then_quarantined(monkeypatch, caplog):
    from bot.intake.limits import ParseLimits
    from bot.pipeline.prefetch import Prefetcher

    # The first two pools (the pass's, then the one reading mail 0 alone) are stuck with
    # every worker alive: only the deadline can tell.  The third one works.
    new_pool = Prefetcher._new_pool
    pools: list = []

    def jammed(self, workers):
        pool = new_pool(self, workers)
        if len(pools) < 2:
            _jam(pool)
        pools.append(pool)
        return pool

    monkeypatch.setattr(Prefetcher, "_new_pool", jammed)
    mails = _small_mails(3)
    ahead = Prefetcher(2, ParseLimits(), frozenset(), _campaign(), mail_deadline=1.5)
    out: list = []
    before = set(threading.enumerate())
    with caplog.at_level(logging.WARNING, logger="bot.pipeline.prefetch"):
        assert _drain(ahead.run(iter(mails)), out, 60)
    assert len(pools) == 3
    assert [m.uid for m, _ in out] == [0, 1, 2]
    first = out[0][1]
    assert first is not None and first.crashed.startswith("document_crash: a file in this mail hangs")
    assert all(p is not None and p.msg is not None for _, p in out[1:])
    assert "uid 0: no result within 1.5 s" in caplog.text
    # Every pool's manager thread ended, the two stuck ones included.
    assert [t for t in set(threading.enumerate()) - before if "ExecutorManager" in type(t).__name__] == []
    assert _grandchildren(os.getpid()) == []


def test_the_digest_names_a_document_crash_in_vietnamese():
    from bot.vocabulary import quarantine_reason_vi

    text = quarantine_reason_vi("document_crash: a file in this mail crashed the document reader")
    assert text.startswith("tệp đính kèm làm hỏng bộ đọc văn bản")


_CHILD = """
import sys, time
from types import SimpleNamespace
from bot.campaign.model import load_campaign
from bot.intake.limits import ParseLimits
from bot.pipeline.prefetch import Prefetcher
from tests.mailgen import build_mail

campaign = load_campaign(sys.argv[1])
mails = [SimpleNamespace(uid=i, raw=build_mail("a@b.example", f"m{i}")) for i in range(6)]
ahead = Prefetcher(2, ParseLimits(), frozenset(), campaign)
gen = ahead.run(iter(mails))
next(gen)  # the pool, its fork server and the resource tracker are running now
print("ready", flush=True)
time.sleep(120)
"""


def test_no_worker_outlives_a_poller_killed_with_sigkill(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "poller.py"
    script.write_text(_CHILD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(REPO / "config/campaigns/120-KH-DUK-2024.toml")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout.readline().strip() == b"ready"
    marker = str(tmp_path).encode()

    def leftovers() -> list[int]:
        out = []
        for d in Path("/proc").iterdir():
            if d.name.isdigit() and int(d.name) != proc.pid:
                with contextlib.suppress(OSError):
                    if marker in (d / "cmdline").read_bytes():
                        out.append(int(d.name))
        return out

    assert leftovers(), "the fork server should be running"
    proc.kill()
    proc.wait()
    proc.stdout.close()
    deadline = time.monotonic() + 15
    while leftovers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert leftovers() == []
