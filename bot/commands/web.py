"""``web`` command: serve the staff dashboard (``intake-bot web``), and ``web hash-password``.

Registered in ``bot/cli.py`` with ``main.add_command(web_group)``.  The server listens on
127.0.0.1 by default: put it behind a TLS reverse proxy before exposing it further
(and set ``INTAKE_WEB_HTTPS=1`` so the session cookie is marked Secure).  Behind the proxy
every request comes from the proxy's address; whom to believe about the client's address
is the settings' ``[web]`` section alone (``client_address_header``, ``trusted_proxies``),
read by the application (:func:`bot.web.auth.client_address`).  uvicorn's own
proxy-header handling stays off, so no second mechanism (nor its ``FORWARDED_ALLOW_IPS``
environment variable) rewrites the address first.
"""

from __future__ import annotations

import logging
import os

import click

from bot.commands.context import Ctx, handle_errors

# Read by earlier versions beside the settings; now refused, so a deployment that still sets
# it learns at start that the proxy is trusted only through [web] in the settings.
RETIRED_PROXY_VARIABLE = "INTAKE_WEB_TRUSTED_PROXY"

log = logging.getLogger(__name__)


@click.group("web", invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=int)
@click.pass_context
def web_group(ctx: click.Context, host: str, port: int) -> None:
    """Serve the staff dashboard (the reverse proxy it trusts: [web] in the settings)."""
    if ctx.invoked_subcommand is None:
        _serve(ctx.obj, host, port)


def uvicorn_options(host: str, port: int) -> dict:
    """How uvicorn serves the dashboard: proxy headers are the application's to judge."""
    return {"host": host, "port": port, "log_level": "info", "proxy_headers": False}


@handle_errors
def _serve(c: Ctx, host: str, port: int) -> None:
    import datetime as dt

    import uvicorn

    from bot.errors import BotError
    from bot.web.app import create_web_app, web_config

    if os.environ.get(RETIRED_PROXY_VARIABLE):
        raise BotError(
            f"{RETIRED_PROXY_VARIABLE} is no longer read; set [web] client_address_header "
            '(e.g. "X-Forwarded-For") and trusted_proxies in the settings instead'
        )
    app = c.app
    if not web_config(app).password_hash:
        raise BotError(
            "INTAKE_WEB_PASSWORD_HASH is not set (environment or secrets file); "
            "make one with: intake-bot web hash-password"
        )
    app.db.migrate()
    # --now fixes the start of a simulated clock that then runs in real time, as in `run`.
    offset = c.now - dt.datetime.now(app.settings.tz)

    def clock() -> dt.datetime:
        return dt.datetime.now(app.settings.tz) + offset

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not only on this machine", err=True)
    web = app.settings.web
    if web.client_address_header:
        proxies = ", ".join(str(n) for n in web.trusted_proxies) or "no address"
        log.info("client addresses from %s, believed from %s", web.client_address_header, proxies)
    uvicorn.run(create_web_app(app, clock), **uvicorn_options(host, port))


@web_group.command("hash-password")
@click.option(
    "--password", prompt=True, hide_input=True, confirmation_prompt=True, help="Asked when omitted."
)
@click.option("--iterations", default=600_000, show_default=True, type=click.IntRange(10_000, 10_000_000))
def hash_password_cmd(password: str, iterations: int) -> None:
    """Print a PBKDF2-SHA256 hash for INTAKE_WEB_PASSWORD_HASH."""
    from bot.web.auth import hash_password

    click.echo(hash_password(password, iterations))
