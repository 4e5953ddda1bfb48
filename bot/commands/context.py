"""What every command shares: the app built on first use, the clock, one-line errors.

``bot.cli.main`` puts a :class:`Ctx` in the click context; commands take it with
:data:`pass_ctx` and wrap their body in :func:`handle_errors`.  Errors from the bot's own
hierarchy print one clear line and exit non-zero (2 for configuration), and so does a
database that is down or refuses the bot; anything else is a bug and shows a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import click
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from bot.app import App, build_app, first_line
from bot.errors import BotError, ConfigError

console = Console()

P = ParamSpec("P")
R = TypeVar("R")


def parse_now(value: str | None, tz: ZoneInfo) -> dt.datetime:
    """``--now`` value, or the real clock.  A naive value is read in the bot's time zone."""
    if not value:
        return dt.datetime.now(tz)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not an ISO-8601 date-time", param_hint="--now") from e
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


class Ctx:
    """Lazily built app, so ``--help`` and ``check-config`` work without a database."""

    def __init__(self, config: str, now: str | None, quiet: bool = False) -> None:
        self.config = config
        self._now = now
        self.quiet = quiet
        self._app: App | None = None

    def say(self, text: str) -> None:
        """A command's summary line on stdout, once; nothing under ``-q`` (cron)."""
        if not self.quiet:
            click.echo(text)

    @property
    def app(self) -> App:
        if self._app is None:
            self._app = build_app(self.config)
        return self._app

    @property
    def now(self) -> dt.datetime:
        return parse_now(self._now, self.app.settings.tz)

    def close(self) -> None:
        # Only a built app has connections; --help and check-config never open any.
        if self._app is not None and "db" in self._app.__dict__:
            self._app.db.dispose()


pass_ctx = click.make_pass_decorator(Ctx)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Print the bot's own errors as one line and exit 1 (2 for configuration)."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ConfigError as e:
            click.echo(f"configuration error: {e}", err=True)
            sys.exit(2)
        except SQLAlchemyError as e:
            # The database is down or refused us: say so in one line, no traceback.
            click.echo(f"error: database unavailable: {first_line(e)}", err=True)
            sys.exit(1)
        except BotError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)

    return wrapper
