"""Disk full: the storage directory is a 2 MB tmpfs, and a 3 MB mail arrives.

Writing its raw copy fails with ENOSPC; the pass stops with a clear error in the log, the
mail (and the one after it) stays in the inbox, ``mailbox_state.last_error`` holds the
reason, ``health`` turns red and the staff digest carries the warning with the error.
When space is added (remount bigger) the next pass takes both, and health is green again.
Needs root to mount a tmpfs; skipped otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess

import pytest

from bot.cli import acknowledge
from bot.outgoing.digest import build_digest
from bot.pipeline.health import check_health
from bot.pipeline.poll import poll_once
from bot.store import repo
from tests.mailgen import build_mail, make_docx

pytestmark = [pytest.mark.dovecot]

TZ = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)


@pytest.fixture
def small_storage(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root")
    where = tmp_path / "files"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_full_storage_leaves_mail_on_the_server_and_says_so(dovecot, app_factory, small_storage, caplog):
    user = dovecot.new_user()
    app = app_factory(dovecot.port, user)
    assert app.files.root == small_storage.resolve()
    sender = "dangbo.syt@thainguyen.gov.vn"
    dovecot.append(
        user, build_mail(sender, "Tờ trình", attachments=[("To trinh.docx", make_docx(["TỜ TRÌNH"]))])
    )
    assert poll_once(app, T0, acknowledge(app)).recorded == 1

    big = os.urandom(3 * 1024 * 1024)
    dovecot.append(user, build_mail(sender, "Báo cáo thành tích", attachments=[("Bao cao.pdf", big)]))
    dovecot.append(
        user, build_mail(sender, "Bản tóm tắt", attachments=[("Tom tat.docx", make_docx(["TÓM TẮT"]))])
    )
    with caplog.at_level(logging.ERROR, logger="bot.pipeline.poll"):
        report = poll_once(app, T0 + dt.timedelta(minutes=5), acknowledge(app))
    assert report.recorded == 0 and report.stopped_by.startswith("storage: storage is full")
    assert any("left on the server: storage is full" in r.getMessage() for r in caplog.records)
    assert len(dovecot.folder_uids(user, "INBOX")) == 2, "both mails wait on the server"
    with app.db.session() as s:
        assert "No space left on device" in repo.mailbox_state(s, _name(app)).last_error

    later = T0 + dt.timedelta(minutes=6)  # well inside three poll intervals: age alone would say ok
    health = check_health(app, later)
    assert not health.ok and "storage is full" in health.message
    with app.db.session() as s:
        digest = build_digest(app, s, later, check_health(app, later).as_dict())
    assert "storage is full" in digest.text and "CẢNH BÁO" in digest.text

    subprocess.run(["mount", "-o", "remount,size=64m", str(small_storage)], check=True)
    report = poll_once(app, T0 + dt.timedelta(minutes=10), acknowledge(app))
    assert report.recorded == 2 and report.stopped_by is None
    assert dovecot.folder_uids(user, "INBOX") == []
    assert check_health(app, T0 + dt.timedelta(minutes=11)).ok


def _name(app) -> str:
    from bot.intake.mailbox import Mailbox

    return Mailbox(app.settings.mailbox, None).name
