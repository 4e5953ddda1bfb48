"""The error staff commands raise when a decision cannot be applied as asked."""

from __future__ import annotations

from bot.errors import BotError


class StaffError(BotError):
    """A staff decision refers to something that does not exist or does not fit.

    The message is English for the log and the CLI; the web dashboard shows ``vi``.
    """

    def __init__(self, reason: str, vi: str | None = None) -> None:
        self.reason = reason
        self.vi = vi or reason
        super().__init__(reason)
