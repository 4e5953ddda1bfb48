"""Fetching a large mail from a real Dovecot holds its body once, not three times."""

from __future__ import annotations

import base64
import os
import tracemalloc

import pytest

from bot.config import MailboxSettings
from bot.intake.mailbox import Mailbox
from tests.conftest import PASSWORD

pytestmark = pytest.mark.dovecot


def test_fetch_does_not_copy_the_body(dovecot) -> None:
    user = dovecot.new_user()
    raw = (
        b"From: a@b.vn\r\nSubject: big\r\nContent-Type: application/pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(os.urandom(6 << 20)).replace(b"\n", b"\r\n")
    )
    dovecot.append(user, raw)
    settings = MailboxSettings(
        host="127.0.0.1", port=dovecot.port, tls="none", allow_plaintext=True, user=user
    )
    with Mailbox(settings, PASSWORD) as mb:
        mb.select()
        headers = mb.headers(mb.uids_after(0))
        tracemalloc.start()
        try:
            mails = list(mb.fetch(headers))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert [m.raw for m in mails] == [raw]
    # imaplib's debug messages used to repr() the literal twice (3x the size in all).
    assert peak < 1.3 * len(raw), peak
