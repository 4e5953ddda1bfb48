"""The command line under adverse conditions (issue 13), as real subprocesses: ``init``
checks everything before changing anything, a database outage is one clear line and a
non-zero exit, and what the bot writes for people is never world-readable."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys

from tests.conftest import PASSWORD, REPO, write_config


def cli(cfg, *args, umask=0o022):
    env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(cfg), "--now", "2024-02-27T10:00:00+07:00", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cfg.parent,
        preexec_fn=lambda: os.umask(umask),
    )


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_init_with_an_unusable_storage_directory_changes_nothing(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the storage's parent should be")
    cfg = write_config(tmp_path, 1, "x@test.example", 1, storage_extra="")
    text = cfg.read_text(encoding="utf-8").replace(
        f'directory = "{tmp_path / "files"}"', f'directory = "{blocker / "files"}"'
    )
    cfg.write_text(text, encoding="utf-8")
    r = cli(cfg, "init")
    assert r.returncode == 1
    assert r.stderr.strip().startswith("error: init changed nothing: storage directory")
    assert "is not a directory" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "intake.sqlite3").exists()  # the database was neither created nor migrated


def test_init_with_an_unusable_database_location_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cfg = write_config(tmp_path, 1, "x@test.example", 1, db_url=f"sqlite:///{blocker / 'intake.sqlite3'}")
    r = cli(cfg, "init")
    assert r.returncode == 1 and "database file" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "files").exists()  # nor was the storage directory made


def test_a_database_outage_is_one_line_and_a_non_zero_exit(tmp_path):
    url = f"postgresql+psycopg://intake@127.0.0.1:{_closed_port()}/intake"
    cfg = write_config(tmp_path, 1, "x@test.example", 1, db_url=url)
    for args in (("status", "--json"), ("poll", "--once"), ("units", "list"), ("remind", "--dry-run")):
        r = cli(cfg, *args)
        assert r.returncode == 1, (args, r.stderr)
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert lines[-1].startswith("error: database unavailable: "), (args, r.stderr)
        assert "Traceback" not in r.stderr, (args, r.stderr[-2000:])
    r = cli(cfg, "init")
    assert r.returncode == 1 and "init changed nothing: database" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "files").exists()


def test_the_database_and_exports_are_not_world_readable(tmp_path):
    cfg = write_config(tmp_path, 1, "x@test.example", 1)
    assert cli(cfg, "init").returncode == 0
    assert cli(cfg, "units", "import", str(REPO / "config/units.example.csv")).returncode == 0
    assert _mode(tmp_path / "intake.sqlite3") == 0o640
    for ext in ("-wal", "-shm"):
        side = tmp_path / f"intake.sqlite3{ext}"
        if side.exists():
            assert _mode(side) & 0o007 == 0, ext
    assert _mode(tmp_path / "files") & 0o007 == 0
    exports = {"matrix": "--xlsx", "nominees": "--docx", "files": "--zip"}
    for kind, option in exports.items():
        out = tmp_path / "out" / f"{kind}.bin"
        r = cli(cfg, "export", kind, option, str(out))
        assert r.returncode == 0, r.stderr
        assert _mode(out) == 0o640, kind
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")] == []  # no temp left
