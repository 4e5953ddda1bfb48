"""The one error hierarchy of the bot.

Every error the bot raises on purpose derives from :class:`BotError`.  Third-party
errors are wrapped at the edge (IMAP, SMTP, database, document libraries) with
``raise ... from e`` so callers handle one family and the cause stays visible.
Messages are built in ``__init__`` so the same failure always reads the same.
"""

from __future__ import annotations


class BotError(Exception):
    """Root of every error the bot raises deliberately."""


class ConfigError(BotError):
    """Configuration or campaign file is invalid.

    ``file`` and ``key`` name where the problem is; ``reason`` says what was expected.
    """

    def __init__(self, file: str, key: str, reason: str, more: list[tuple[str, str]] | None = None) -> None:
        self.file = file
        self.key = key
        self.reason = reason
        # Further problems found in the same pass, so one run shows them all.
        self.more = more or []
        lines = [f"{file}: {key}: {reason}"] + [f"{file}: {k}: {r}" for k, r in self.more]
        super().__init__("\n".join(lines))


class UnitImportError(BotError):
    """A units CSV/XLSX row is invalid; nothing of the file was imported."""

    def __init__(self, file: str, line: int, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(f"{file}: line {line}: {reason}")


class MailboxError(BotError):
    """The IMAP server could not be reached or refused an operation."""


class SendError(BotError):
    """An outgoing mail could not be delivered.

    ``permanent`` is true for a 5xx answer, which retrying will not fix.
    """

    def __init__(self, message: str, permanent: bool = False) -> None:
        self.permanent = permanent
        super().__init__(message)


class StorageError(BotError):
    """A file could not be stored (disk full, permissions)."""


class MessageRejected(BotError):
    """A message cannot be processed and must go to quarantine with ``reason``."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)
