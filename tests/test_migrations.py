"""Alembic migrations: the head schema equals the models, and 0002 backfills existing rows.

Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL (``INTAKE_TEST_DATABASE_URL``).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from bot.store.db import MIGRATIONS, Database
from bot.store.models import Base
from tests.conftest import _fresh_database_url


@pytest.fixture
def database(tmp_path):
    db = Database(_fresh_database_url(tmp_path))  # an empty database of its own
    yield db
    db.dispose()


def _alembic(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = db.engine
    return cfg


def test_head_schema_matches_the_models(database):
    database.migrate()
    with database.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []


def test_0002_backfills_the_rate_key_of_existing_outbox_rows(database):
    command.upgrade(_alembic(database), "0001")
    now = dt.datetime(2024, 2, 26, 9, 0)
    with database.engine.begin() as c:
        c.execute(
            sa.text(
                "INSERT INTO outbox (idempotency_key, kind, message_id_header, recipients, subject, state,"
                " attempts, created_at) VALUES ('ack:<a@x>', 'ack', '<m1@bot>', :r, 's', 'sent', 1, :now)"
            ),
            {"r": json.dumps(["VanPhong+hs@SoYTe.Example"]), "now": now},
        )
    command.upgrade(_alembic(database), "head")
    with database.engine.connect() as c:
        assert c.execute(sa.text("SELECT rate_key FROM outbox")).scalar_one() == "vanphong@soyte.example"
    command.downgrade(_alembic(database), "0001")
    with database.engine.connect() as c:
        assert "rate_key" not in {col["name"] for col in sa.inspect(c).get_columns("outbox")}
