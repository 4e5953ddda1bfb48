"""Start and stop a private Dovecot on 127.0.0.1 with passwd-file users and maildirs.

Dovecot refuses to run mail processes as root, so when started as root the mail
processes run as the ``dovecot`` system user and the scratch directory is handed to it.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bot.errors import BotError


class DevServerError(BotError):
    """A loopback test/demo server could not be started."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise DevServerError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


def _descendants(pid: int) -> list[int]:
    """Pids of every process below ``pid`` (from /proc; empty where there is no /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").exists() else ():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: the ppid follows the last ")".
        ppid = int(stat.rpartition(")")[2].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or (os.path.exists("/usr/sbin/dovecot") and "/usr/sbin/dovecot") or None


_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = {ssl}
{ssl_files}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 0
mail_location = {mail_format}:{root}/mail/%u
mail_fsync = always
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
protocol imap {{
  mail_max_userip_connections = 200
  imap_capability = {capability}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service imap {{
  process_limit = 256
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""

# Dovecot's default capability list; used to switch MOVE off for the COPY/EXPUNGE path.
DEFAULT_CAPS = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
    "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES "
    "WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW "
    "STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE"
)


class DovecotServer:
    """A Dovecot instance in ``root``.  ``users`` maps login to password."""

    def __init__(
        self,
        root: Path,
        users: dict[str, str],
        port: int | None = None,
        without: tuple[str, ...] = (),
        cert: tuple[Path, Path] | None = None,
        extra_conf: str = "",
        mail_format: str = "maildir",
    ) -> None:
        # The mail processes run as an unprivileged user that must reach every file, and
        # pytest's tmp dirs are private (0700): keep the server's files in their own
        # world-traversable directory, removed on stop.  ``root`` only names the prefix.
        self.root = Path(tempfile.mkdtemp(prefix=f"intake-dovecot-{Path(root).name}-"))
        self.root.chmod(0o755)
        self.users = users
        self.port = port or free_port()
        self.without = without
        self.cert = cert
        self.extra_conf = extra_conf  # appended to dovecot.conf (benches: server tuning)
        self.mail_format = mail_format  # maildir (tests reach into it) or sdbox / mdbox
        # Implicit-TLS port, only when a certificate is given.
        self.tls_port = free_port() if cert else 0
        self.proc: subprocess.Popen | None = None

    @property
    def conf(self) -> Path:
        return self.root / "dovecot.conf"

    def _write_config(self) -> None:
        binary = dovecot_binary()
        if not binary:
            raise DevServerError("dovecot is not installed (apt-get install dovecot-imapd)")
        for sub in ("run", "state", "mail", "home"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            user, group = "dovecot", "dovecot"
            pw = pwd.getpwnam("dovecot")
            for dirpath, _dirs, _files in os.walk(self.root):
                os.chown(dirpath, pw.pw_uid, pw.pw_gid)
            os.chmod(self.root, 0o755)
        else:
            pw = pwd.getpwuid(os.geteuid())
            user = pw.pw_name
            group = grp.getgrgid(pw.pw_gid).gr_name
        caps = " ".join(c for c in DEFAULT_CAPS.split() if c not in self.without)
        ssl_files = ""
        if self.cert:
            ssl_files = f"ssl_cert = <{self.cert[0]}\nssl_key = <{self.cert[1]}"
        self.conf.write_text(
            _CONF.format(
                root=self.root,
                user=user,
                group=group,
                port=self.port,
                capability=caps,
                ssl="yes" if self.cert else "no",
                ssl_files=ssl_files,
                tls_port=self.tls_port,
                mail_format=self.mail_format,
            )
            + self.extra_conf
            + "\n"
        )
        (self.root / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in self.users.items()))

    def start(self) -> DovecotServer:
        self._write_config()
        self.proc = subprocess.Popen(
            [dovecot_binary(), "-F", "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(self.port)
        except DevServerError:
            self.stop()
            log = (
                (self.root / "dovecot.log").read_text(errors="replace")
                if (self.root / "dovecot.log").exists()
                else ""
            )
            raise DevServerError(f"dovecot did not start; log:\n{log[-2000:]}") from None
        return self

    def stop(self, keep_files: bool = False) -> None:
        """Stop the server, including every client session (a real outage, not a drain)."""
        proc, self.proc = self.proc, None
        if proc is not None:
            # The master's children (imap, imap-login, auth, ...) can outlive it and keep
            # serving logged-in clients; kill them too so "stopped" means unreachable.
            children = _descendants(proc.pid)
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stderr:
                proc.stderr.close()
            for pid in children:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
        if not keep_files:
            shutil.rmtree(self.root, ignore_errors=True)

    def restart(self) -> None:
        self.stop(keep_files=True)
        self.start()

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
