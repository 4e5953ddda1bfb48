"""The dashboard as deployed: the real ``intake-bot web`` process behind a reverse proxy.

Behind the proxy every request comes from the proxy's address.  With ``[web]
client_address_header`` in the settings, and the request coming from one of ``[web]
trusted_proxies``, the server takes each staff PC's address from the proxy's
``X-Forwarded-For``, so the login limit blocks the PC that guesses, not the whole office;
otherwise the header is not believed (anyone could send it).  The settings are the only
way to trust a proxy: the systemd unit and the nginx example say so, and the variable an
earlier version read instead stops the server at start.
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

from bot.web.auth import hash_password
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_systemd_unit_serves_on_loopback_with_https_cookies_and_the_proxy_in_the_settings():
    unit = (REPO / "deploy/intake-bot-web.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/intake-bot/.venv/bin/intake-bot web --host 127.0.0.1 --port 8080" in unit
    assert "Environment=INTAKE_WEB_HTTPS=1" in unit
    assert "INTAKE_WEB_TRUSTED_PROXY" not in unit  # it would stop the server (below)
    assert "EnvironmentFile=/etc/intake-bot/secrets.env" in unit and "User=intake-bot" in unit
    nginx = (REPO / "deploy/nginx-intake-bot.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx and "listen 443 ssl" in nginx
    assert 'client_address_header = "X-Forwarded-For"' in nginx


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "INTAKE_WEB_TRUSTED_PROXY"}
    env.update(
        INTAKE_TEST_IMAP_PASSWORD=PASSWORD,
        INTAKE_WEB_PASSWORD_HASH=hash_password("mật khẩu đúng", 20_000),
        INTAKE_WEB_SECRET="test-secret",
        # uvicorn's own proxy handling would believe anyone with this; it must stay off.
        FORWARDED_ALLOW_IPS="*",
    )
    env.update(extra)
    return env


def _serve(app, web: str, log: Path):
    """``intake-bot web`` as a process, with ``web`` as the settings' [web] section."""
    port = _port()
    config = Path(app.settings.source)
    if web:
        config.write_text(config.read_text(encoding="utf-8") + f"\n[web]\n{web}\n", encoding="utf-8")
    args = [sys.executable, "-m", "bot", "--config", str(config), "web", "--port", str(port)]
    with log.open("w") as err:
        proc = subprocess.Popen(args, env=_env(), stdout=subprocess.DEVNULL, stderr=err)
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


BEHIND_PROXY = 'client_address_header = "X-Forwarded-For"'


@pytest.mark.parametrize(
    ("web", "believed"),
    [
        (BEHIND_PROXY, True),  # trusted_proxies defaults to this machine, where the proxy is
        (BEHIND_PROXY + '\ntrusted_proxies = ["10.9.9.9"]', False),  # a request not from the proxy
        ("", False),  # no proxy configured: FORWARDED_ALLOW_IPS="*" changes nothing
    ],
    ids=["behind-trusted-proxy", "peer-not-a-trusted-proxy", "no-proxy-configured"],
)
def test_the_login_limit_counts_each_staff_pc_behind_the_proxy(app_factory, browser, web, believed, tmp_path):
    pw, _ = browser
    app = app_factory(units=False)
    log = tmp_path / "web.log"
    proc, base = _serve(app, web, log)
    try:
        assert _guess(pw, base, "10.0.0.5", 6) == [401] * 5 + [429]
        other = _guess(pw, base, "10.0.0.6", 1)
        # Believed: another PC is not blocked.  Not believed: the header means nothing, and
        # every request is the same client.
        assert other == ([401] if believed else [429])
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    said = "client addresses from X-Forwarded-For, believed from"
    assert (said in log.read_text(encoding="utf-8")) == bool(web)


def test_the_retired_proxy_option_and_variable_stop_the_server(app_factory, tmp_path):
    """The proxy is trusted through the settings only; what earlier versions read instead
    is refused loudly, not ignored (ignoring it would lock the office out behind the proxy)."""
    app = app_factory(units=False)
    cmd = [sys.executable, "-m", "bot", "--config", app.settings.source, "web", "--port", str(_port())]
    r = subprocess.run(
        cmd, env=_env(INTAKE_WEB_TRUSTED_PROXY="127.0.0.1"), capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 1, r.stderr
    assert (
        "INTAKE_WEB_TRUSTED_PROXY is no longer read" in r.stderr and "[web] client_address_header" in r.stderr
    )
    r = subprocess.run(
        [*cmd, "--trusted-proxy", "127.0.0.1"], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2 and "No such option" in r.stderr and "--trusted-proxy" in r.stderr
