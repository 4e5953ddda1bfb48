"""An aiosmtpd SMTP server on 127.0.0.1 that records every mail it accepts.

``SmtpSink`` keeps envelopes in memory (``messages``) and, when given a directory,
also writes each mail as an ``.eml`` file there so a person can read what the bot sent.
``fail_with`` makes it answer every DATA with a chosen SMTP code (for retry tests).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

from bot.devservers.dovecot import free_port


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        if self.sink.fail_with:
            return self.sink.fail_with
        mail = ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        with self.sink.lock:
            self.sink.messages.append(mail)
            n = len(self.sink.messages)
        if self.sink.directory:
            (self.sink.directory / f"{n:04d}.eml").write_bytes(mail.data)
        return "250 OK"


class SmtpSink:
    def __init__(self, directory: Path | None = None, port: int | None = None) -> None:
        self.port = port or free_port()
        self.directory = Path(directory) if directory else None
        if self.directory:
            self.directory.mkdir(parents=True, exist_ok=True)
        self.messages: list[ReceivedMail] = []
        self.lock = threading.Lock()
        self.fail_with: str | None = None
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def start(self) -> SmtpSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
