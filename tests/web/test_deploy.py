"""The dashboard as deployed: the real ``intake-bot web`` process behind a reverse proxy.

Behind the proxy every request comes from the proxy's address.  With ``--trusted-proxy``
the server takes each staff PC's address from the proxy's ``X-Forwarded-For``, so the
login limit blocks the PC that guesses, not the whole office; without it, the header is
not believed (anyone could send it).  The systemd unit runs exactly that.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.commands.web import uvicorn_options
from bot.web.auth import hash_password
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_proxy_headers_are_believed_only_from_the_trusted_address():
    assert uvicorn_options("127.0.0.1", 8080)["proxy_headers"] is False
    opts = uvicorn_options("127.0.0.1", 8080, "127.0.0.1")
    assert opts["proxy_headers"] is True and opts["forwarded_allow_ips"] == "127.0.0.1"


def test_the_systemd_unit_serves_on_loopback_with_https_cookies_and_the_proxy_trusted():
    unit = (REPO / "deploy/intake-bot-web.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/intake-bot/.venv/bin/intake-bot web --host 127.0.0.1 --port 8080" in unit
    assert "Environment=INTAKE_WEB_HTTPS=1" in unit
    assert "Environment=INTAKE_WEB_TRUSTED_PROXY=127.0.0.1" in unit
    assert "EnvironmentFile=/etc/intake-bot/secrets.env" in unit and "User=intake-bot" in unit
    nginx = (REPO / "deploy/nginx-intake-bot.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx and "listen 443 ssl" in nginx


def _serve(app, trusted: str, log: Path):
    port = _port()
    env = dict(
        os.environ,
        INTAKE_TEST_IMAP_PASSWORD=PASSWORD,
        INTAKE_WEB_PASSWORD_HASH=hash_password("mật khẩu đúng", 20_000),
        INTAKE_WEB_SECRET="test-secret",
    )
    args = [sys.executable, "-m", "bot", "--config", app.settings.source, "web", "--port", str(port)]
    if trusted:
        args += ["--trusted-proxy", trusted]
    with log.open("w") as err:
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                proc.wait()
                raise RuntimeError("the dashboard did not start: " + log.read_text()) from None
            time.sleep(0.2)
    return proc, f"http://127.0.0.1:{port}"


def _guess(pw, base: str, client: str, times: int) -> list[int]:
    ctx = pw.request.new_context(base_url=base, extra_http_headers={"X-Forwarded-For": client})
    try:
        csrf = re.search(r'name="csrf" value="([^"]+)"', ctx.get("/login").text())[1]
        return [
            ctx.post(
                "/login", form={"csrf": csrf, "username": "canbo", "password": "sai", "next": "/"}
            ).status
            for _ in range(times)
        ]
    finally:
        ctx.dispose()


@pytest.mark.parametrize("trusted", ["127.0.0.1", ""], ids=["behind-trusted-proxy", "no-proxy-trusted"])
def test_the_login_limit_counts_each_staff_pc_behind_the_proxy(app_factory, browser, trusted, tmp_path):
    pw, _ = browser
    app = app_factory(units=False)
    proc, base = _serve(app, trusted, tmp_path / "web.log")
    try:
        assert _guess(pw, base, "10.0.0.5", 6) == [401] * 5 + [429]
        other = _guess(pw, base, "10.0.0.6", 1)
        # Trusted: another PC is not blocked.  Not trusted: the header means nothing, and
        # every request is the same client.
        assert other == ([401] if trusted else [429])
    finally:
        proc.terminate()
        proc.wait(timeout=20)
