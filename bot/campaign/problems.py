"""A problem found in what a unit sent: a stable code and a Vietnamese sentence naming the file.

Codes are :class:`bot.vocabulary.ProblemCode` (part of the ``status --json`` contract: add
new ones, never rename); the sentences are written for the unit's clerk and the Ban Tuyên
giáo staff alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    code: str
    message: str  # Vietnamese, for units and staff
    filename: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}
