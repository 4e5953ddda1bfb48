"""What a plan says, as data: each value with the sentence of the plan it was read from.

Made by :func:`bot.campaign.draft.draft_campaign`, written out by
:mod:`bot.campaign.draft_toml`, shown side by side with its sentences by the dashboard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sourced:
    """A value and the sentence of the plan it was read from."""

    value: str
    source: str


@dataclass(frozen=True)
class DraftDeadline:
    id: str
    date: dt.date
    label: str
    source: str


@dataclass(frozen=True)
class DraftDeliverable:
    id: str
    name: str
    short_name: str
    scope: str  # unit | nominee
    deadline: str | None
    nominee_kinds: tuple[str, ...]
    role: str | None
    keywords: tuple[str, ...]
    filename_keywords: tuple[str, ...]
    negative_keywords: tuple[str, ...]
    source: str
    per_kind: tuple[DraftKindVariant, ...] = ()


@dataclass(frozen=True)
class DraftKindVariant:
    """What a per-nominee deliverable is for one kind of nominee (``[deliverables.per_kind.X]``)."""

    kind: str
    name: str
    short_name: str
    keywords: tuple[str, ...]
    filename_keywords: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class DraftUnitKind:
    id: str
    name: str
    tap_the: int
    ca_nhan: int
    total: int
    source: str


@dataclass(frozen=True)
class DraftSection:
    id: str
    title: str
    patterns: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class DraftMilestone:
    date: dt.date
    label: str
    source: str


@dataclass(frozen=True)
class Draft:
    """What a plan says, each value with its sentence; ``todos`` is what it does not say."""

    title: Sourced | None = None
    reference: Sourced | None = None
    issued: Sourced | None = None
    issuer: Sourced | None = None
    intake_address: Sourced | None = None
    deadlines: tuple[DraftDeadline, ...] = ()
    deliverables: tuple[DraftDeliverable, ...] = ()
    unit_kinds: tuple[DraftUnitKind, ...] = ()
    summary: Sourced | None = None  # max_a4_fraction, e.g. "0.5"
    summary_deliverable: str | None = None
    outline_deliverable: str | None = None
    outline: tuple[DraftSection, ...] = ()
    outline_other: tuple[DraftSection, ...] = ()  # sub-items that only say what to write
    milestones: tuple[DraftMilestone, ...] = ()
    todos: tuple[str, ...] = field(default=())
