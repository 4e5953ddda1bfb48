"""The outgoing CLI commands on bot.cli.main."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.store.models import OutboxMail
from tests.outgoing.conftest import at
from tests.seeding import F, record_mail

pytestmark = pytest.mark.smtp


def _run(cli, app, *args, now=at(26, 9)):
    r = CliRunner().invoke(cli, ["--config", app.settings.source, "--now", now.isoformat(), *args])
    assert r.exit_code == 0, r.output + str(r.exception)
    return r.output


@pytest.mark.parametrize("kind", ["ack", "reminder", "overdue", "digest", "notice"])
def test_preview_every_kind(app, cli, kind):
    out = _run(cli, app, "preview", kind, "--unit", "SYT")
    assert out.startswith("Subject: ") and "Kính gửi" in out
    with app.db.session() as s:
        assert s.scalars(select(OutboxMail)).all() == []  # a preview queues nothing


def test_preview_uses_the_database(app, cli):
    record_mail(
        app,
        "SYT",
        [F("To trinh SYT.pdf", "to_trinh")],
        at(26, 8),
        subject="Gửi tờ trình",
        ack=False,
    )
    out = _run(cli, app, "preview", "ack", "--unit", "SYT")
    assert "data: message #" in out and "To trinh SYT.pdf" in out and "Subject: Re: Gửi tờ trình" in out
    out = _run(cli, app, "preview", "reminder", "--unit", "SYT")
    assert (
        "data: database" in out and "Tờ trình đề nghị khen thưởng" not in out.split("Ban chưa nhận được:")[1]
    )
    out = _run(cli, app, "preview", "reminder", "--unit", "SYT", "--html")
    assert "<!DOCTYPE html>" in out


def test_preview_unknown_unit_is_a_clear_error(app, cli):
    r = CliRunner().invoke(cli, ["--config", app.settings.source, "preview", "ack", "--unit", "NOPE"])
    assert r.exit_code == 1 and "no unit with code NOPE" in r.output


def test_outbox_list_flush_release(app, cli, smtp_sink):
    app.settings = app.settings.model_copy(
        update={"smtp": app.settings.smtp.model_copy(update={"max_acks_per_sender_per_hour": 1})}
    )
    record_mail(app, "SYT", [F("a.pdf", "to_trinh")], at(26, 8), sender="x@gmail.com")
    record_mail(app, "SYT", [F("b.pdf", "to_trinh")], at(26, 8, 5), sender="x@gmail.com")
    rows = json.loads(_run(cli, app, "outbox", "list", "--json"))
    assert sorted((r["kind"], r["state"]) for r in rows) == [
        ("ack", "held"),
        ("ack", "pending"),
        ("notice", "pending"),
    ]
    held = json.loads(_run(cli, app, "outbox", "list", "--state", "held", "--json"))
    assert len(held) == 1
    assert "held" in _run(cli, app, "outbox", "list")  # the table (narrow terminal wraps subjects)
    assert "2 sent" in _run(cli, app, "outbox", "flush")
    assert "1 held mail(s) released" in _run(cli, app, "outbox", "release", str(held[0]["id"]))
    assert "1 sent" in _run(cli, app, "outbox", "flush", now=at(26, 9, 1))
    assert len(smtp_sink.messages) == 3
