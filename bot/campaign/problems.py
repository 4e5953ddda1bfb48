"""Problems found in what units sent: a stable code plus a Vietnamese message naming the file.

Codes are part of the ``status --json`` contract; add new ones, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass

# Stable codes used across the project (status JSON, acknowledgments, digest).
OUTLINE_SECTION_MISSING = "outline_section_missing"
SUMMARY_TOO_LONG = "summary_too_long"
QUOTA_EXCEEDED = "quota_exceeded"
UNVERIFIED_SENDER = "unverified_sender"
UNREADABLE_FILE = "unreadable_file"
REFUSED_TYPE = "refused_type"
TOO_LARGE = "too_large"
ARCHIVE_LIMIT = "archive_limit"
UNSUPPORTED_ARCHIVE = "unsupported_archive"
FILES_NOT_ATTACHED = "files_not_attached"
NO_ATTACHMENT = "no_attachment"
NEEDS_REVIEW = "needs_review"
LATE = "late"


@dataclass(frozen=True)
class Problem:
    code: str
    message: str  # Vietnamese, for units and staff
    filename: str | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}
