"""A private PostgreSQL cluster on 127.0.0.1 for the test suite (``make test``).

``python -m bot.devservers.postgres start DIR`` initialises a throw-away cluster in DIR
(as the ``postgres`` system user when run as root, since PostgreSQL refuses to run as
root), starts it on a free loopback port with trust authentication, and prints the
SQLAlchemy URL; ``stop DIR`` stops it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from bot.devservers.dovecot import DevServerError, free_port, wait_for_port


def _bin(name: str) -> str:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        raise DevServerError(f"{name} not found (apt-get install postgresql)")
    return found


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def start(directory: Path) -> str:
    directory = directory.resolve()
    data = directory / "data"
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(directory, pw.pw_uid, pw.pw_gid)
    if not data.exists():
        subprocess.run(
            _as_owner(
                [
                    _bin("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                ]
            ),
            check=True,
            capture_output=True,
        )
    port = free_port()
    opts = f"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off -c max_connections=300"
    subprocess.run(
        _as_owner([_bin("pg_ctl"), "-D", str(data), "-l", str(directory / "log"), "-o", opts, "-w", "start"]),
        check=True,
        capture_output=True,
    )
    wait_for_port(port)
    (directory / "port").write_text(str(port))
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"


def stop(directory: Path) -> None:
    data = directory.resolve() / "data"
    if data.exists():
        subprocess.run(
            _as_owner([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]), capture_output=True
        )


if __name__ == "__main__":
    action, where = sys.argv[1], Path(sys.argv[2])
    if action == "start":
        print(start(where))
    else:
        stop(where)
