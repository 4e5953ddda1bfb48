"""Shared set-up for the benches: loopback Dovecot and SMTP sink, a config, the bot as a subprocess.

Every bench builds a throw-away world under a temp directory: a private Dovecot with one
account, an aiosmtpd sink, a SQLite database (or ``--database-url``), the example
units, and runs the bot exactly as an operator would (``python -m bot ...``), so the
figures include process start, imports and migrations where the operator pays them.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.* (mail and document generators) are not installed

from bot.devservers.dovecot import DovecotServer  # noqa: E402
from bot.devservers.smtp_sink import SmtpSink  # noqa: E402
from tests.conftest import write_config  # noqa: E402

USER = "bench@test.example"
PASSWORD = "bench-password-not-secret"
TZ = dt.timezone(dt.timedelta(hours=7))
NOW = "2024-02-27T10:00:00+07:00"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} CPU, {mem:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"


class World:
    """Dovecot + sink + config + migrated database with the example units."""

    def __init__(
        self,
        root: Path,
        database_url: str | None = None,
        extra: str = "",
        storage_extra: str = "",
        dovecot_conf: str = "",
        mail_format: str = "maildir",
        units: Path = REPO / "config/units.example.csv",
    ) -> None:
        self.root = root
        self.dovecot = DovecotServer(
            root / "dovecot", {USER: PASSWORD}, extra_conf=dovecot_conf, mail_format=mail_format
        ).start()
        self.sink = SmtpSink(None).start()
        self.cfg = write_config(root, self.dovecot.port, USER, self.sink.port, database_url, storage_extra)
        if extra:
            self.cfg.write_text(self.cfg.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
        self.env = dict(os.environ, INTAKE_TEST_IMAP_PASSWORD=PASSWORD)
        os.environ["INTAKE_TEST_IMAP_PASSWORD"] = PASSWORD
        self.bot("init")
        self.bot("units", "import", str(units))

    @property
    def maildir(self) -> Path:
        return self.dovecot.root / "mail" / USER

    def app(self):
        from bot.app import build_app

        return build_app(str(self.cfg))

    def imap(self):
        from imapclient import IMAPClient

        c = IMAPClient("127.0.0.1", port=self.dovecot.port, ssl=False, timeout=60)
        c.login(USER, PASSWORD)
        return c

    def bot(self, *args: str, now: str = NOW, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "bot", "--config", str(self.cfg), "--now", now, *args]
        done = subprocess.run(cmd, cwd=self.root, env=self.env, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        return done

    def timed_bot(self, *args: str, now: str = NOW) -> tuple[float, int]:
        """Wall seconds and peak RSS (KiB) of one bot command.

        The RSS is that command's own (``wait4`` of its process: the largest of it and the
        workers it waited for), not the largest child this bench ever ran — building
        the corpus runs LibreOffice, which is bigger than the bot.
        """
        cmd = [sys.executable, "-m", "bot", "--config", str(self.cfg), "--now", now, *args]
        t = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=self.root, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - t
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(args)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-3000:]}"
            )
        return elapsed, usage.ru_maxrss

    def close(self) -> None:
        self.sink.stop()
        self.dovecot.stop()


@contextmanager
def world(
    database_url: str | None = None,
    extra: str = "",
    storage_extra: str = "",
    dovecot_conf: str = "",
    mail_format: str = "maildir",
    units: Path = REPO / "config/units.example.csv",
):
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        w = World(Path(tmp), database_url, extra, storage_extra, dovecot_conf, mail_format, units)
        try:
            yield w
        finally:
            w.close()


def append_all(w: World, mails: list[bytes], when: dt.datetime | None = None) -> None:
    c = w.imap()
    try:
        for raw in mails:
            c.append("INBOX", raw, msg_time=when or dt.datetime(2024, 2, 26, 9, 0, tzinfo=TZ))
    finally:
        c.logout()


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"
