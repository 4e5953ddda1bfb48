"""The CLI end to end against the real Dovecot: init, units import, poll --once,
status --json and health, run as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PASSWORD, REPO, write_config
from tests.mailgen import build_mail, make_docx

pytestmark = pytest.mark.dovecot


def cli(cfg, *args, now="2024-02-27T10:00:00+07:00"):
    env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
    first = [a for a in args if a in ("-v", "-q")]
    args = tuple(a for a in args if a not in ("-v", "-q"))
    return subprocess.run(
        [sys.executable, "-m", "bot", *first, "--config", str(cfg), "--now", now, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cfg.parent,
    )


def test_cli_slice_and_health(dovecot, tmp_path):
    user = dovecot.new_user()
    cfg = write_config(tmp_path, dovecot.port, user, 1)
    assert cli(cfg, "init").returncode == 0
    r = cli(cfg, "units", "import", str(REPO / "config/units.example.csv"))
    assert r.returncode == 0 and "15 units imported" in r.stdout

    # Before any poll the bot is not healthy: nothing has been fetched yet.
    assert cli(cfg, "health").returncode == 1

    kl01 = make_docx(["CHI BỘ SỞ NGOẠI VỤ", "BÁO CÁO", "tình hình thực hiện Kết luận số 01-KL/TW"])
    dovecot.append(
        user, build_mail("chibo.sngv@thainguyen.gov.vn", "Báo cáo KL01", attachments=[("BC KL01.docx", kl01)])
    )
    r = cli(cfg, "-v", "poll", "--once")
    assert r.returncode == 0, r.stderr
    assert "1 fetched, 1 recorded" in r.stdout
    assert "uid=1 processed" in r.stderr  # with -v, one log line per message with its outcome

    r = cli(cfg, "status", "--json")
    doc = json.loads(r.stdout)
    snv = next(u for u in doc["units"] if u["code"] == "SNV")
    kl = next(d for d in snv["deliverables"] if d["type"] == "bao_cao_kl01")
    assert kl["status"] == "received" and kl["files"][0]["filename"] == "BC KL01.docx"

    assert cli(cfg, "health", now="2024-02-27T10:02:00+07:00").returncode == 0
    late = cli(cfg, "health", now="2024-02-27T10:04:00+07:00")  # 3 × 1-minute interval passed
    assert late.returncode == 1 and "last successful poll" in late.stdout

    r = cli(cfg, "status")
    assert r.returncode == 0 and "SNV" in r.stdout


def test_normal_output_is_one_summary_per_command_and_q_is_silent(dovecot, tmp_path):
    """No Alembic INFO lines, no log lines for work done as expected; each summary once;
    -q prints nothing for cron."""
    user = dovecot.new_user()
    cfg = write_config(tmp_path, dovecot.port, user, 1)
    r = cli(cfg, "init")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert r.stdout.count("database ready") == 1 and "alembic" not in r.stdout.lower()
    cli(cfg, "units", "import", str(REPO / "config/units.example.csv"))
    doc = make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "đề nghị khen thưởng"])
    for i in range(3):
        dovecot.append(
            user, build_mail("dangbo.syt@thainguyen.gov.vn", f"Tờ trình {i}", attachments=[("TT.docx", doc)])
        )
    r = cli(cfg, "poll", "--once")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert r.stdout.splitlines() == [
        "poll: 3 fetched, 3 recorded, 0 for review, 0 ignored, 0 duplicates, 0 quarantined"
    ]
    r = cli(cfg, "remind", now="2024-02-27T09:00:00+07:00")
    assert r.stderr == "" and r.stdout.count("reminder(s) queued") == 1
    r = cli(cfg, "-q", "remind", now="2024-03-14T09:00:00+07:00")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    r = cli(cfg, "-q", "poll", "--once")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    r = cli(cfg, "-q", "outbox", "flush")  # the SMTP port is closed: failures are errors, not output
    assert r.stdout == ""


def test_a_long_pass_shows_a_progress_line_on_a_terminal(dovecot, tmp_path):
    import pty

    user = dovecot.new_user()
    cfg = write_config(tmp_path, dovecot.port, user, 1)
    cli(cfg, "init")
    cli(cfg, "units", "import", str(REPO / "config/units.example.csv"))
    doc = make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "đề nghị khen thưởng"])
    for i in range(12):
        dovecot.append(
            user,
            build_mail("dangbo.syt@thainguyen.gov.vn", f"Tờ trình {i}", attachments=[(f"TT {i}.docx", doc)]),
        )
    master, slave = pty.openpty()
    env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(cfg), "--now", "2024-02-27T10:00:00+07:00", "poll", "--once"],
        stdout=subprocess.PIPE, stderr=slave, text=True, env=env, cwd=cfg.parent, timeout=120,
    )  # fmt: skip
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    shown = seen.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "Thư 1/12: TT 0.docx" in shown and "Thư 12/12: TT 11.docx" in shown
    assert proc.stdout.count("12 fetched") == 1
    # Not on a pipe: cron and the journal see the summary only.
    r = cli(cfg, "poll", "--once")
    assert "Thư " not in r.stderr
