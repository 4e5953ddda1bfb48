"""A problem found in what a unit sent: a stable code and a Vietnamese sentence naming the file.

Codes are :class:`bot.vocabulary.ProblemCode` (part of the ``status --json`` contract: add
new ones, never rename); the sentences are written for the unit's clerk and the Ban Tuyên
giáo staff alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.vocabulary import ProblemCode


@dataclass(frozen=True)
class Problem:
    code: str
    message: str  # Vietnamese, for units and staff
    filename: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def is_unusable(codes: Iterable[str | None]) -> bool:
    """Whether a file with these problem codes is unusable: it cannot be read, so it counts
    for nothing and waits for no one (the unit owes the document until a good copy comes).
    The one definition the tracking, the acknowledgment and the digest share."""
    return ProblemCode.UNREADABLE_FILE in set(codes)
