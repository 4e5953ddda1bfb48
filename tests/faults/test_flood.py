"""A sender flooding the mailbox: acknowledgments to it are capped, staff are told once.

200 mails from one unit address arrive within minutes (a mail loop or a misconfigured
client).  Every mail is still recorded — nothing is dropped — but only
``smtp.max_acks_per_sender_per_hour`` acknowledgments go to that sender, the rest are
``held`` for staff to release, and one flood notice goes to the staff, even when the
flood goes on in a second pass the same day.  Another sender is not affected.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from bot.cli import acknowledge
from bot.outgoing.sender import flush_outbox
from bot.pipeline.poll import poll_once
from bot.store.models import Message, OutboxMail
from tests.faults.conftest import sink_by_kind
from tests.mailgen import build_mail

pytestmark = [pytest.mark.dovecot, pytest.mark.smtp, pytest.mark.slow]

TZ = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)
FLOODER = "dangbo.stc@thainguyen.gov.vn"
CALM = "dangbo.kbnn@thainguyen.gov.vn"
LIMIT = 20  # the default smtp.max_acks_per_sender_per_hour


def _append_many(dovecot, user: str, sender: str, start: int, n: int) -> None:
    c = dovecot.client(user)
    try:
        for i in range(start, start + n):
            c.append(
                "INBOX", build_mail(sender, f"Gửi lại lần {i}", message_id=f"<flood-{i}@units.test.example>")
            )
    finally:
        c.logout()


def test_flood_is_rate_limited_and_staff_are_told_once(dovecot, mail_app, smtp_sink):
    app, user = mail_app
    assert app.settings.smtp.max_acks_per_sender_per_hour == LIMIT
    _append_many(dovecot, user, FLOODER, 0, 150)
    dovecot.append(user, build_mail(CALM, "Hồ sơ", message_id="<calm-1@units.test.example>"))
    assert poll_once(app, T0, acknowledge(app)).recorded == 151
    _append_many(dovecot, user, FLOODER, 150, 50)
    assert poll_once(app, T0 + dt.timedelta(minutes=3), acknowledge(app)).recorded == 50
    flush_outbox(app, T0 + dt.timedelta(minutes=4), limit=500)

    with app.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 201, "every mail is recorded"
        held = s.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.state == "held"))
    assert held == 200 - LIMIT

    sent = sink_by_kind(smtp_sink)
    to_flooder = [m for m in sent["ack"] if FLOODER in str(m["To"])]
    assert len(to_flooder) == LIMIT
    assert [str(m["In-Reply-To"]) for m in sent["ack"] if CALM in str(m["To"])] == [
        "<calm-1@units.test.example>"
    ]
    notices = sent["notice"]
    assert len(notices) == 1, "staff told once, not once per held mail or per pass"
    assert "tonghop.btg@thainguyen.gov.vn" in str(notices[0]["To"])
    assert FLOODER in notices[0].get_body(("plain",)).get_content()
