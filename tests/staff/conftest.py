"""Fixtures for the staff tools: a migrated app with the seeded campaign, and a CLI runner
with the staff, export and web command groups registered on ``bot.cli.main``."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from tests.seeding import seed

NOW = dt.datetime(2024, 2, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture
def seeded_app(app_factory):
    app = app_factory()
    return app, seed(app)


def register_commands():
    from bot.cli import main
    from bot.commands.exports import export_group
    from bot.commands.staff import deadline_group, files_group, review_group
    from bot.commands.web import web_group

    for group in (review_group, files_group, deadline_group, export_group, web_group):
        main.add_command(group)
    return main


@pytest.fixture
def cli(seeded_app):
    """``cli("review", "list")`` runs the real command line against the seeded app."""
    app, _ = seeded_app
    main = register_commands()
    runner = CliRunner()

    def run(*args: str, now: dt.datetime = NOW, ok: bool = True):
        result = runner.invoke(
            main, ["--config", app.settings.source, "--now", now.isoformat(), *args], catch_exceptions=False
        )
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run
