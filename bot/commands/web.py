"""``web`` command: serve the staff dashboard (``intake-bot web``), and ``web hash-password``.

Registered in ``bot/cli.py`` with ``main.add_command(web_group)``.  The server listens on
127.0.0.1 by default: put it behind a TLS reverse proxy before exposing it further
(and set ``INTAKE_WEB_HTTPS=1`` so the session cookie is marked Secure).  Behind the proxy
every request comes from the proxy's address; ``--trusted-proxy ADDRESS`` (or
``INTAKE_WEB_TRUSTED_PROXY``) makes the server take the client's address from the
``X-Forwarded-For`` header that proxy sets (and the scheme from ``X-Forwarded-Proto``),
from that address only, so the login limit counts each staff PC, not the proxy.
"""

from __future__ import annotations

import os

import click

from bot.commands.context import Ctx, handle_errors


@click.group("web", invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=int)
@click.option(
    "--trusted-proxy",
    default=lambda: os.environ.get("INTAKE_WEB_TRUSTED_PROXY", ""),
    show_default="$INTAKE_WEB_TRUSTED_PROXY",
    help="Address of the reverse proxy whose X-Forwarded-For / -Proto headers are believed.",
)
@click.pass_context
def web_group(ctx: click.Context, host: str, port: int, trusted_proxy: str) -> None:
    """Serve the staff dashboard."""
    if ctx.invoked_subcommand is None:
        _serve(ctx.obj, host, port, trusted_proxy)


def uvicorn_options(host: str, port: int, trusted_proxy: str = "") -> dict:
    """How uvicorn serves the dashboard: proxy headers only from the one trusted address."""
    return {
        "host": host,
        "port": port,
        "log_level": "info",
        "proxy_headers": bool(trusted_proxy),
        "forwarded_allow_ips": trusted_proxy or None,
    }


@handle_errors
def _serve(c: Ctx, host: str, port: int, trusted_proxy: str = "") -> None:
    import datetime as dt

    import uvicorn

    from bot.errors import BotError
    from bot.web.app import create_web_app, web_config

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
    uvicorn.run(create_web_app(app, clock), **uvicorn_options(host, port, trusted_proxy))


@web_group.command("hash-password")
@click.option(
    "--password", prompt=True, hide_input=True, confirmation_prompt=True, help="Asked when omitted."
)
@click.option("--iterations", default=600_000, show_default=True, type=click.IntRange(10_000, 10_000_000))
def hash_password_cmd(password: str, iterations: int) -> None:
    """Print a PBKDF2-SHA256 hash for INTAKE_WEB_PASSWORD_HASH."""
    from bot.web.auth import hash_password

    click.echo(hash_password(password, iterations))
