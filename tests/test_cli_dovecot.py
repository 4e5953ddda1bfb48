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
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(cfg), "--now", now, *args],
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
    r = cli(cfg, "poll", "--once")
    assert r.returncode == 0, r.stderr
    assert "1 fetched, 1 recorded" in r.stdout
    assert "uid=1 processed" in r.stderr  # one log line per message with its outcome

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
