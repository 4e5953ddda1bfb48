"""The whole loop on real servers: a unit's mail in Dovecot → poll → ack queued in the same
transaction → flush → the threaded answer arrives at the aiosmtpd sink, once."""

from __future__ import annotations

import pytest

from bot.cli import acknowledge
from bot.outgoing.sender import flush_outbox
from bot.pipeline.poll import poll_once
from tests.mailgen import build_mail, make_docx
from tests.outgoing.conftest import at

pytestmark = [pytest.mark.dovecot, pytest.mark.smtp]


def test_poll_then_flush_answers_in_thread(dovecot, mail_app, smtp_sink):
    app, user = mail_app
    doc = make_docx(
        ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "Về việc đề nghị khen thưởng"]
    )
    raw = build_mail(
        "Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>",
        "Fwd: V/v gửi tờ trình đề nghị khen thưởng",
        attachments=[("To trinh.docx", doc)],
        message_id="<e2e-1@thainguyen.gov.vn>",
    )
    dovecot.append(user, raw, at(26, 9))
    poll_once(app, at(26, 9, 5), acknowledge(app))
    poll_once(app, at(26, 9, 6), acknowledge(app))  # nothing new: no second acknowledgment
    flush_outbox(app, at(26, 9, 7))
    flush_outbox(app, at(26, 9, 8))
    [mail] = smtp_sink.messages
    m = mail.message
    assert mail.rcpt_tos == ["dangbo.syt@thainguyen.gov.vn"]
    assert m["In-Reply-To"] == "<e2e-1@thainguyen.gov.vn>"
    assert m["Subject"] == "Re: V/v gửi tờ trình đề nghị khen thưởng"
    assert m["X-Intake-Kind"] == "ack" and m["X-Intake-Unit"] == "SYT"
    text = m.get_body(("plain",)).get_content()
    assert "To trinh.docx" in text and "Kính gửi: Đảng bộ Sở Y tế" in text
