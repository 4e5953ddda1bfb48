"""Fixtures for the staff tools: a migrated app with the seeded campaign, and a CLI runner
running the real ``bot.cli.main``."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.seeding import seed

NOW = dt.datetime(2024, 2, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def seeded_app(app_factory):
    app = app_factory()
    return app, seed(app)


@pytest.fixture
def cli(seeded_app):
    """``cli("review", "list")`` runs the real command line against the seeded app."""
    app, _ = seeded_app
    runner = CliRunner()

    def run(*args: str, now: dt.datetime = NOW, ok: bool = True):
        result = runner.invoke(
            main, ["--config", app.settings.source, "--now", now.isoformat(), *args], catch_exceptions=False
        )
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run
