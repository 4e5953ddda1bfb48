"""Sender trust through the real intake (Dovecot, the pass, the acknowledgment hook): forged
From headers and unproven registered addresses wait for staff, are never counted and
never answered (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.pipeline.poll import poll_once
from bot.reporting.snapshot import load_snapshot
from bot.reporting.status import status_json
from bot.store.models import Message, OutboxMail, Submission
from bot.vocabulary import review_reason_vi
from tests.conftest import TZ
from tests.intake.test_sender import ISSUE_FORMS
from tests.mailgen import build_mail
from tests.test_intake_dovecot import to_trinh

pytestmark = pytest.mark.dovecot
NOW = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)
GENUINE_DAY = dt.datetime(2024, 2, 26, 8, 0, tzinfo=TZ)
LATER = dt.datetime(2024, 2, 26, 15, 0, tzinfo=TZ)
PLACEHOLDER = "placeholder@from.invalid"
OWN_RECEIVED = (
    "Received: from mail.thainguyen.gov.vn (mail.thainguyen.gov.vn [10.1.1.1])\r\n"
    "\tby mx.thainguyen.gov.vn (Postfix) with ESMTPS id 4Tk; Mon, 26 Feb 2024 15:00:00 +0700\r\n"
)


def mail_from(from_header: str, n: int, top: str = "") -> bytes:
    """A Tờ trình mail whose From header is exactly ``from_header`` (no library reformats it)."""
    raw = build_mail(
        PLACEHOLDER,
        f"V/v gửi tờ trình đề nghị khen thưởng ({n})",
        attachments=[(f"To trinh {n}.docx", to_trinh())],
    )
    assert raw.count(f"From: {PLACEHOLDER}".encode()) == 1
    return top.encode() + raw.replace(f"From: {PLACEHOLDER}".encode(), f"From: {from_header}".encode())


def syt(doc: dict) -> dict:
    unit = next(u for u in doc["units"] if u["code"] == "SYT")
    return next(d for d in unit["deliverables"] if d["type"] == "to_trinh")


def status(app) -> dict:
    with app.db.session() as s:
        return status_json(app.campaign, load_snapshot(s, app.campaign), NOW)


def test_the_four_forged_from_forms_wait_for_staff_uncounted_and_unanswered(dovecot, mail_app):
    app, user = mail_app
    dovecot.append(user, mail_from("Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>", 0), when=GENUINE_DAY)
    forms = sorted(ISSUE_FORMS)
    for n, form in enumerate(forms, start=1):
        dovecot.append(user, mail_from(ISSUE_FORMS[form][0], n), when=LATER)

    report = poll_once(app, NOW, acknowledge(app))
    assert (report.fetched, report.recorded, report.review) == (5, 5, 4)

    with app.db.session() as s:
        rows = s.scalars(select(Message).order_by(Message.uid)).all()
        genuine, forged = rows[0], rows[1:]
        assert genuine.match_rule == "registered_address" and not genuine.needs_review
        for row, form in zip(forged, forms, strict=True):
            assert row.needs_review and row.unit_id is None, form
            assert row.review_reason == f"unauthenticated_sender: {ISSUE_FORMS[form][1]}", form
            assert row.suggested_unit_id == genuine.unit_id, form  # staff see which unit it claims
            assert row.sender != "dangbo.syt@thainguyen.gov.vn", form
            assert review_reason_vi(row.review_reason).startswith("Chưa xác minh được người gửi: ")
            assert s.scalars(select(Submission).where(Submission.message_id == row.id)).all() == [], form
        # One acknowledgment: the genuine mail's.  Nothing went to the unit for the forgeries.
        acks = s.scalars(select(OutboxMail)).all()
        assert [a.in_reply_to_message_id for a in acks] == [genuine.id]

    doc = status(app)
    assert [f["filename"] for f in syt(doc)["files"]] == ["To trinh 0.docx"]
    assert syt(doc)["status"] == "received"
    queued = [r for r in doc["review_queue"] if r["reason"].startswith("unauthenticated_sender")]
    assert len(queued) == 4
    assert {r["suggested_unit"] for r in queued} == {"SYT"}


def test_with_a_trusted_authserv_id_a_registered_address_needs_the_servers_proof(
    dovecot, smtp_sink, app_factory
):
    user = dovecot.new_user()
    app = app_factory(
        dovecot.port, user, smtp_sink.port, mailbox_extra='trusted_authserv_id = "mx.thainguyen.gov.vn"'
    )
    sender = "Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>"
    proven = "Authentication-Results: mx.thainguyen.gov.vn;\r\n\tdmarc=pass (p=reject) header.from=thainguyen.gov.vn\r\n"
    forged_below = (
        "Authentication-Results: mx.thainguyen.gov.vn; dmarc=pass header.from=thainguyen.gov.vn\r\n"
    )
    dovecot.append(user, mail_from(sender, 1, top=proven + OWN_RECEIVED), when=GENUINE_DAY)
    dovecot.append(user, mail_from(sender, 2, top=OWN_RECEIVED), when=LATER)  # no results at all
    # The sender's own "pass", written before the mail reached the office (below a Received
    # line of the sender's relay).
    relay = "Received: from laptop (unknown [10.0.0.9]) by mail.evil.example (Postfix)\r\n"
    dovecot.append(user, mail_from(sender, 3, top=OWN_RECEIVED + relay + forged_below), when=LATER)
    dovecot.append(
        user,
        mail_from(
            sender,
            4,
            top="Authentication-Results: mx.thainguyen.gov.vn; dmarc=fail header.from=thainguyen.gov.vn\r\n"
            + OWN_RECEIVED,
        ),
        when=LATER,
    )
    report = poll_once(app, NOW, acknowledge(app))
    assert (report.recorded, report.review) == (4, 3)
    with app.db.session() as s:
        rows = s.scalars(select(Message).order_by(Message.uid)).all()
        assert [r.review_reason for r in rows] == [
            None,
            "unauthenticated_sender: not_authenticated",
            "unauthenticated_sender: not_authenticated",
            "unauthenticated_sender: authentication_failed",
        ]
        assert [a.in_reply_to_message_id for a in s.scalars(select(OutboxMail))] == [rows[0].id]
    assert [f["filename"] for f in syt(status(app))["files"]] == ["To trinh 1.docx"]
