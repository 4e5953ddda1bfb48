"""A campaign file drafted from a plan document, for the command line and the dashboard.

Reading is at this edge: the plan's bytes go through the bot's own readers
(:func:`bot.documents.whole_text.whole_text`: .docx, .pdf, .doc, .txt, scans by OCR),
the text through the pure :func:`bot.campaign.draft.draft_campaign`, and the draft is
written by :func:`bot.campaign.draft_toml.render_draft`.  Nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.campaign.draft import Draft, draft_campaign
from bot.campaign.draft_toml import render_draft
from bot.documents.whole_text import whole_text
from bot.errors import BotError

MAX_PLAN_BYTES = 20 * 1024 * 1024


class PlanUnreadable(BotError):
    """The plan could not be read (too large, corrupt, a scan without OCR)."""

    def __init__(self, name: str, reason: str) -> None:
        self.name, self.reason = name, reason
        super().__init__(f"cannot read the plan {name}: {reason}")


@dataclass(frozen=True)
class PlanDraft:
    draft: Draft
    toml: str
    method: str  # how the plan's text was read


def draft_from_bytes(data: bytes, filename: str) -> PlanDraft:
    """The draft of a plan's bytes; raises :class:`PlanUnreadable`."""
    if len(data) > MAX_PLAN_BYTES:
        raise PlanUnreadable(filename, f"larger than {MAX_PLAN_BYTES // (1024 * 1024)} MB")
    read = whole_text(data, filename)
    if not read.text.strip():
        raise PlanUnreadable(filename, read.problem or "no text")
    draft = draft_campaign(read.text, wrapped=read.method.startswith("pdf") or read.method.endswith("ocr"))
    return PlanDraft(draft, render_draft(draft, f"{filename} (read as {read.method})"), read.method)
