"""Fixtures for outgoing mail: an App wired to the real aiosmtpd sink, and CLI registration."""

from __future__ import annotations

import datetime as dt

import pytest

TZ = dt.timezone(dt.timedelta(hours=7))


def at(day: int, hour: int = 8, minute: int = 0, month: int = 2) -> dt.datetime:
    """A moment of 2024 in Vietnam time (the campaign's zone)."""
    return dt.datetime(2024, month, day, hour, minute, tzinfo=TZ)


@pytest.fixture
def app(smtp_sink, app_factory):
    """A migrated App with the example units, sending to the SMTP sink."""
    return app_factory(smtp_port=smtp_sink.port)


@pytest.fixture
def cli(monkeypatch):
    """bot.cli.main, whose commands build their App through :func:`bot.app.build_app`.

    Each invocation builds its own App; they are kept and disposed at the end so no
    database connection is left for the garbage collector (PostgreSQL runs warn).
    """
    import bot.commands.context
    from bot.cli import main

    built = []

    def build(config):
        app = real_build(config)
        built.append(app)
        return app

    real_build = bot.commands.context.build_app
    monkeypatch.setattr(bot.commands.context, "build_app", build)
    yield main
    for app in built:
        app.db.dispose()
