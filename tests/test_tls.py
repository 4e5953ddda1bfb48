"""TLS to the mail server is verified: a certificate from an unknown CA is refused,
the same server is accepted once its CA is configured (STARTTLS and implicit TLS)."""

from __future__ import annotations

import subprocess

import pytest

from bot.config import MailboxSettings
from bot.devservers.dovecot import DovecotServer
from bot.errors import MailboxError
from bot.intake.mailbox import Mailbox
from tests.conftest import PASSWORD, need_tool

pytestmark = pytest.mark.dovecot


@pytest.fixture(scope="module")
def tls_dovecot(tmp_path_factory):
    openssl = need_tool("openssl")
    d = tmp_path_factory.mktemp("tls")
    ca_key, ca_crt, key, csr, crt = (d / n for n in ("ca.key", "ca.crt", "srv.key", "srv.csr", "srv.crt"))
    run = lambda *a: subprocess.run([openssl, *a], check=True, capture_output=True)  # noqa: E731
    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        ca_key,
        "-out",
        ca_crt,
        "-days",
        "2",
        "-subj",
        "/CN=Intake Test CA",
    )
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1")
    ext = d / "ext.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run(
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        ca_crt,
        "-CAkey",
        ca_key,
        "-CAcreateserial",
        "-out",
        crt,
        "-days",
        "2",
        "-extfile",
        ext,
    )
    for p in (key, crt):
        p.chmod(0o644)
    srv = DovecotServer(d / "srv", {"bot@test.example": PASSWORD}, cert=(crt, key)).start()
    yield srv, ca_crt
    srv.stop()


def _settings(port: int, tls: str, ca: str | None) -> MailboxSettings:
    return MailboxSettings(
        host="127.0.0.1", port=port, tls=tls, user="bot@test.example", ca_file=ca, timeout_seconds=10
    )


@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_unknown_ca_is_refused(tls_dovecot, mode):
    srv, _ca = tls_dovecot
    port = srv.port if mode == "starttls" else srv.tls_port
    with pytest.raises(MailboxError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        Mailbox(_settings(port, mode, None), PASSWORD).open()


@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_configured_ca_is_accepted(tls_dovecot, mode):
    srv, ca = tls_dovecot
    port = srv.port if mode == "starttls" else srv.tls_port
    with Mailbox(_settings(port, mode, str(ca)), PASSWORD) as mb:
        assert mb.select() > 0
