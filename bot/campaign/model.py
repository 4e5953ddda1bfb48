"""The plan as data: deliverables, deadlines, reminders, unit kinds and quotas, rules.

A campaign file (``config/campaigns/*.toml``) is validated into a frozen :class:`Campaign`.
Cross-references are checked here once (a deliverable's deadline id, the deliverable a
rule applies to, the kinds a quota names), so code never meets an unknown id later.
Another year's plan is a new file, not new code.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError, field_validator, model_validator

from bot.errors import ConfigError
from bot.validation import Frozen, TimeZoneName, raise_validation, read_toml

NomineeKind = Literal["tap_the", "ca_nhan"]
NOMINEE_KINDS: tuple[NomineeKind, ...] = ("tap_the", "ca_nhan")
# What the code needs to know a deliverable *is*, whatever the plan calls it: the unit's
# proposal names its nominees; an individual's achievement report gives their position.
DeliverableRole = Literal["proposal", "achievement_report"]
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Deadline(Frozen):
    id: str
    date: dt.date
    label: str
    # "Trước ngày 28/02" counts the whole of that day unless the plan says otherwise.
    time: dt.time = dt.time(23, 59, 59)


class KindVariant(Frozen):
    """What a per-nominee deliverable is for one kind of nominee.

    The rating decision is "Quyết định xếp loại chất lượng đảng viên" for an individual and
    "… tổ chức đảng" (the organisation recognised "hoàn thành xuất sắc nhiệm vụ") for a
    collective: each kind has its own name, the words that tell its documents apart, and
    whether that kind must send it.
    """

    name: str
    short_name: str = ""
    keywords: list[str] = []
    filename_keywords: list[str] = []
    required: bool = True

    @model_validator(mode="before")
    @classmethod
    def _short_defaults_to_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("short_name") and data.get("name"):
            data = {**data, "short_name": data["name"]}
        return data


class Deliverable(Frozen):
    id: str
    # The one name a deliverable has in every sentence people read (mails, digest,
    # dashboard, exports); ``short_name`` only heads narrow table columns (default: the name).
    name: str
    short_name: str = ""
    # What the plan requires of it, said after its name where units are told what to send
    # ("theo Mẫu 07, Nghị định số 91/2017/NĐ-CP"); never part of the name.
    note: str = ""
    scope: Literal["unit", "nominee"]
    deadline: str
    # For per-nominee deliverables: which nominee kinds it exists for.
    nominee_kinds: list[NomineeKind] = list(NOMINEE_KINDS)
    # Per kind of nominee: its own name, keywords and whether it is required (default: the
    # deliverable's name, keywords, required).
    per_kind: dict[str, KindVariant] = {}
    # Phrases of the document title / subject, with and without diacritics.
    keywords: list[str] = Field(min_length=1)
    # Abbreviations seen in filenames ("BCTT", "TT").
    filename_keywords: list[str] = []
    # Phrases that, found in the title zone, argue against this type (disambiguation).
    negative_keywords: list[str] = []
    # The part this deliverable plays, when the code relies on it (at most one each).
    role: DeliverableRole | None = None
    # An unsigned file of this deliverable is a problem (``signature_missing``).
    require_signature: bool = False

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("ids are lower-case letters, digits and underscores")
        return v

    @model_validator(mode="before")
    @classmethod
    def _short_defaults_to_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("short_name") and data.get("name"):
            data = {**data, "short_name": data["name"]}
        return data

    @model_validator(mode="after")
    def _kinds_known(self) -> Deliverable:
        extra = set(self.per_kind) - set(self.nominee_kinds)
        if extra:
            raise ValueError(f"per_kind names kinds this deliverable is not for: {sorted(extra)}")
        if self.per_kind and self.scope != "nominee":
            raise ValueError("per_kind only applies to per-nominee deliverables")
        return self

    def name_for(self, kind: str | None, short: bool = False) -> str:
        """The deliverable's name for a kind of nominee (its own name when it has none)."""
        variant = self.per_kind.get(kind) if kind else None
        if variant is None:
            return self.short_name if short else self.name
        return variant.short_name if short else variant.name

    def required_for(self, kind: str) -> bool:
        """Whether a nominee of ``kind`` must send this deliverable."""
        if kind not in self.nominee_kinds:
            return False
        variant = self.per_kind.get(kind)
        return variant.required if variant is not None else True

    @property
    def required_kinds(self) -> frozenset[str]:
        return frozenset(k for k in self.nominee_kinds if self.required_for(k))


class Quota(Frozen):
    tap_the: int = Field(ge=0)
    ca_nhan: int = Field(ge=0)
    total: int = Field(ge=0)


class UnitKind(Frozen):
    name: str
    quota: Quota


class Reminders(Frozen):
    offsets_days: list[int] = [7, 3, 1]
    time: dt.time = dt.time(8, 0)
    overdue_after_days: int = Field(1, ge=1)


class OutlineSection(Frozen):
    id: str
    title: str
    # Regular expressions tried against diacritic-free, lower-case lines of the report.
    patterns: list[str] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"pattern {p!r} does not compile: {e}") from e
        return v


class OutlineRule(Frozen):
    deliverable: str
    sections: list[OutlineSection] = Field(min_length=1)


class SummaryRule(Frozen):
    deliverable: str
    max_a4_fraction: float = Field(0.5, gt=0, le=5)


class Rules(Frozen):
    outline: OutlineRule | None = None
    summary: SummaryRule | None = None


class Milestone(Frozen):
    date: dt.date
    label: str


class Signer(Frozen):
    """Who signs a document the staff hand on (Hướng dẫn 36-HD/VPTW, "thể thức đề ký")."""

    # "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"; empty when the holder signs in their own right.
    authority: str = ""
    title: str = Field(min_length=1)  # "PHÓ BÍ THƯ"
    name: str = Field(min_length=1)  # "Mai Thị Nhài"


class NomineeList(Frozen):
    """The letterhead, numbering and signature of the nominee list the staff hand on."""

    superior: str = Field(min_length=1)  # "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    issuer: str = Field(min_length=1)  # "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    place: str = Field(min_length=1)  # "Thái Nguyên"
    # "DS/ĐUK": the type and issuer after the number; the number itself is given when the
    # document is registered, so it may stay empty (a blank is left for it).
    symbol: str = Field(min_length=1)
    number: str = ""
    title: str = "DANH SÁCH"
    # The line under the title; empty: "tập thể, cá nhân đề nghị khen thưởng" and the plan's
    # own subject.
    subtitle: str = ""
    signer: Signer
    recipients: list[str] = Field(min_length=1)

    @field_validator("symbol")
    @classmethod
    def _symbol_shape(cls, v: str) -> str:
        if not re.fullmatch(r"[A-ZĐ]+/[A-ZĐa-zđ0-9]+", v):
            raise ValueError('a document symbol reads like "DS/ĐUK" (type, slash, issuer)')
        return v


# Papers units attach beside a dossier that are none of its documents, named by a title
# line of their own: the minutes of the meeting that chose the nominees ("BIÊN BẢN họp xét
# đề nghị khen thưởng", whose title carries a proposal's words), an invitation.
OTHER_PAPERS = ("biên bản", "giấy mời")


class Campaign(Frozen):
    """A validated plan.  Times are interpreted in ``timezone``."""

    id: str
    title: str
    reference: str
    # The plan cites itself as "Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ
    # Đảng ủy Khối các cơ quan tỉnh": its kind, number, date and issuing body.
    document_type: str = "Kế hoạch"
    issued: dt.date | None = None
    issuer: str
    # The mailbox the plan tells units to send to (informative: the bot watches mailbox.user).
    intake_address: str | None = None
    timezone: TimeZoneName = "Asia/Ho_Chi_Minh"
    # Lateness is judged by the server's receipt time (INTERNALDATE), never the sender's Date.
    lateness_basis: Literal["server_received", "date_header"] = "server_received"
    # A document is late when its first usable copy came after the deadline ("first_copy":
    # a correction sent afterwards does not make it late), or when the copy that counts now
    # did ("current_copy").
    late_when: Literal["first_copy", "current_copy"] = "first_copy"
    deadlines: list[Deadline] = Field(min_length=1)
    deliverables: list[Deliverable] = Field(min_length=1)
    unit_kinds: dict[str, UnitKind] = Field(min_length=1)
    reminders: Reminders = Reminders()
    rules: Rules = Rules()
    milestones: list[Milestone] = []
    nominee_list: NomineeList | None = None

    @model_validator(mode="after")
    def _cross_refs(self) -> Campaign:
        deadline_ids = [d.id for d in self.deadlines]
        if len(set(deadline_ids)) != len(deadline_ids):
            raise ValueError("deadlines: ids must be unique")
        ids = [d.id for d in self.deliverables]
        if len(set(ids)) != len(ids):
            raise ValueError("deliverables: ids must be unique")
        roles: dict[str, str] = {}
        for i, d in enumerate(self.deliverables):
            if d.role is not None and roles.setdefault(d.role, d.id) != d.id:
                raise _KeyProblem(f"deliverables.{i}.role", f"role {d.role!r} is already {roles[d.role]!r}'s")
        for i, d in enumerate(self.deliverables):
            if d.deadline not in deadline_ids:
                raise _KeyProblem(
                    f"deliverables.{i}.deadline", f"unknown deadline id {d.deadline!r}; known: {deadline_ids}"
                )
        for i, deadline in enumerate(self.deadlines):
            # One name per deliverable: a deadline that is one deliverable's is called by it.
            only = [d for d in self.deliverables if d.deadline == deadline.id]
            if len(only) == 1 and deadline.label != only[0].name:
                raise _KeyProblem(
                    f"deadlines.{i}.label",
                    f"the deadline of one deliverable is named as it is: {only[0].name!r}, not {deadline.label!r}",
                )
        for name in ("outline", "summary"):
            rule = getattr(self.rules, name)
            if rule is not None and rule.deliverable not in ids:
                raise _KeyProblem(
                    f"rules.{name}.deliverable", f"unknown deliverable id {rule.deliverable!r}; known: {ids}"
                )
        return self

    # -- lookups -----------------------------------------------------------------------
    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def citation(self) -> str:
        """The plan as it cites itself: "Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của …"."""
        issued = f", ngày {self.issued:%d/%m/%Y}" if self.issued else ""
        return f"{self.document_type} số {self.reference}{issued} của {self.issuer}"

    def deliverable(self, deliverable_id: str) -> Deliverable:
        for d in self.deliverables:
            if d.id == deliverable_id:
                return d
        raise KeyError(deliverable_id)

    def with_role(self, role: DeliverableRole) -> Deliverable | None:
        """The deliverable playing ``role`` in this plan, if any."""
        return next((d for d in self.deliverables if d.role == role), None)

    def label(self, deliverable_id: str, short: bool = False, kind: str | None = None) -> str:
        """The plan's name for a deliverable id (for one kind of nominee when given; ``short``
        only for a table's column heading); unknown ids (free text) pass through."""
        try:
            d = self.deliverable(deliverable_id)
        except KeyError:
            return deliverable_id
        return d.name_for(kind, short)

    def unit_kind_name(self, kind: str) -> str:
        """The plan's name for a kind of unit ("Chi bộ cơ sở"); unknown kinds pass through."""
        uk = self.unit_kinds.get(kind)
        return uk.name if uk else kind

    def deadline(self, deadline_id: str) -> Deadline:
        for d in self.deadlines:
            if d.id == deadline_id:
                return d
        raise KeyError(deadline_id)

    def deadline_of(self, deliverable_id: str) -> Deadline:
        return self.deadline(self.deliverable(deliverable_id).deadline)

    def deadline_instant(self, deadline_id: str, extended_to: dt.date | None = None) -> datetime:
        """The last moment (aware) that still counts as on time."""
        d = self.deadline(deadline_id)
        return datetime.combine(extended_to or d.date, d.time, tzinfo=self.tz)

    def is_late(self, deliverable_id: str, received_at: datetime, extended_to: dt.date | None = None) -> bool:
        return received_at > self.deadline_instant(self.deliverable(deliverable_id).deadline, extended_to)

    def unit_deliverables(self) -> list[Deliverable]:
        return [d for d in self.deliverables if d.scope == "unit"]

    def nominee_deliverables(self, kind: NomineeKind | None = None) -> list[Deliverable]:
        """Per-nominee deliverables; with ``kind``, those a nominee of that kind must send."""
        return [
            d for d in self.deliverables if d.scope == "nominee" and (kind is None or d.required_for(kind))
        ]

    def reminder_moments(
        self, deadline_id: str, extended_to: dt.date | None = None
    ) -> list[tuple[int, datetime]]:
        """(offset_days, aware datetime) for each reminder before a deadline; offset -N is overdue."""
        d = self.deadline(deadline_id)
        day = extended_to or d.date
        out = [
            (off, datetime.combine(day - timedelta(days=off), self.reminders.time, tzinfo=self.tz))
            for off in sorted(self.reminders.offsets_days, reverse=True)
        ]
        od = self.reminders.overdue_after_days
        out.append((-od, datetime.combine(day + timedelta(days=od), self.reminders.time, tzinfo=self.tz)))
        return out


class _KeyProblem(ValueError):
    """A cross-reference error that knows its dotted key (pydantic only knows the model)."""

    def __init__(self, key: str, reason: str) -> None:
        self.key = key
        self.reason = reason
        super().__init__(f"{key}: {reason}")


def load_campaign(path: str | Path) -> Campaign:
    """Load and validate a campaign file; ConfigError names the file and key on failure."""
    path = Path(path)
    data = read_toml(path)
    try:
        return Campaign.model_validate(data)
    except ValidationError as e:
        for item in e.errors():
            cause = (item.get("ctx") or {}).get("error")
            if isinstance(cause, _KeyProblem):
                raise ConfigError(str(path), cause.key, cause.reason) from None
        # unit kinds without a quota come out of pydantic as "unit_kinds.X.quota: missing".
        raise_validation(str(path), e)
