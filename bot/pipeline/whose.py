"""Whose files are they: the unit's nominees after a mail, and whom each per-nominee file is for.

The dossier step of understanding (:func:`bot.pipeline.understand.understand` calls
:func:`resolve_nominees`): the nominees the mail's proposal lists, the resolution of all
its per-nominee files together against what the unit has on file
(:func:`bot.matching.dossier.resolve`), and a whole-dossier resend's withdrawals.  Pure:
what the database knows of the unit is handed in as :class:`UnitRecords`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.campaign.model import Campaign
from bot.campaign.tracking import ExtensionMap
from bot.campaign.units import UnitInfo
from bot.mail import InboundMessage
from bot.matching import dossier
from bot.matching.dossier import Assignment
from bot.matching.nominees import extract_proposal_nominees, several_in_filename
from bot.pipeline.read import FileAnalysis
from bot.text import fold, nominee_key


@dataclass(frozen=True)
class Nominee:
    """A nominee of the unit; ``id`` None: new, found or created by its folded name."""

    kind: str
    name: str
    key: str  # nominee_key(name), as stored in ``nominations.name_key``
    id: int | None = None
    renamed: bool = False  # on file under another spelling; the proposal's spelling wins


@dataclass(frozen=True)
class UnitRecords:
    """What the database knows of the matched unit: its nominations (by id), extensions, and
    whether it has sent its proposal (the roster is then the proposal's)."""

    nominations: tuple[Nominee, ...] = ()
    extensions: ExtensionMap = field(default_factory=dict)
    proposal_on_file: bool = False


def proposed_nominees(files: Sequence[FileAnalysis], campaign: Campaign) -> list[tuple[str, str]]:
    """(kind, name) of the nominees the unit's proposal (the ``proposal`` role) lists."""
    proposal = campaign.with_role("proposal")
    found: list[tuple[str, str]] = []
    for f in files:
        # Only a file surely the proposal: the minutes of the meeting that chose the
        # nominees name its chair and secretary too, and never propose them.
        if (
            proposal is not None
            and f.deliverable == proposal.id
            and f.facts is not None
            and not f.needs_review
        ):
            text = f.facts.full_text or f.facts.head_text
            found += [(g.kind, g.name) for g in extract_proposal_nominees(text) if g.kind and g.name]
    return found


def resolve_nominees(
    files: Sequence[FileAnalysis],
    countable: Sequence[int],
    campaign: Campaign,
    unit: UnitInfo,
    records: UnitRecords,
    proposed: Sequence[tuple[str, str]],
    msg: InboundMessage,
) -> tuple[list[Nominee], dict[int, Assignment]]:
    """The unit's nominees after this mail, and whom each per-nominee file is for
    (:func:`bot.matching.dossier.resolve`, over all the mail's files together)."""
    per_nominee = [
        i for i in countable if campaign.deliverable(files[i].deliverable or "").scope == "nominee"
    ]
    readings = [
        dossier.FileReading(
            deliverable=files[i].deliverable or "",
            kinds=frozenset(campaign.deliverable(files[i].deliverable or "").nominee_kinds),
            guess_kind=files[i].nominee_kind,
            guess_name=files[i].nominee_name,
            guess_source=files[i].nominee_source,
            kind_hint=files[i].kind_hint,
            mentions=files[i].mentions,
            text=files[i].names_text,
            alt_name=files[i].nominee_alt_name,
            several=several_in_filename(files[i].attachment.filename) or files[i].several_in_text,
            folder=files[i].attachment.folder,
            decision=files[i].decision,
            may_add=files[i].attachment.locked_in is None,
        )
        for i in per_nominee
    ]
    counts: dict[str, int] = {}
    for f in files:
        for kind, number in f.counts:
            counts[kind] = max(counts.get(kind, 0), number)
    quota = campaign.unit_kinds[unit.kind].quota if unit.kind in campaign.unit_kinds else None
    limits = {"tap_the": quota.tap_the, "ca_nhan": quota.ca_nhan, "total": quota.total} if quota else {}
    on_file = [dossier.Nominee(n.kind, n.name) for n in records.nominations]
    own_names = [unit.name, *unit.aliases]
    if unit.name.startswith("Đảng bộ "):
        own_names.append("Đảng ủy " + unit.name.removeprefix("Đảng bộ "))
    resolution = dossier.resolve(
        readings,
        on_file,
        proposed,
        counts,
        records.proposal_on_file,
        f"{msg.subject}\n{msg.body_text}",
        limits,
        own_names,
        replaces_dossier=replaces_dossier(msg),
    )
    nominees = list(records.nominations)
    for i in resolution.renamed:
        old, new = nominees[i], resolution.roster[i]
        nominees[i] = Nominee(old.kind, new.name, nominee_key(new.name), old.id, renamed=True)
    for n in resolution.roster[len(on_file) :]:
        nominees.append(Nominee(n.kind, n.name.strip(), nominee_key(n.name)))
    return nominees, dict(zip(per_nominee, resolution.assignments, strict=True))


# "Gửi lại toàn bộ hồ sơ (thay thế hồ sơ gửi ngày 22/02)": the new proposal is the dossier.
_WHOLE_DOSSIER = (
    "gui lai toan bo",
    "thay the ho so",
    "thay the toan bo",
    "thay the cho ho so",
    "gui lai ho so thay",
)


def replaces_dossier(msg: InboundMessage) -> bool:
    """Whether the mail says it replaces the unit's whole dossier (subject or body)."""
    text = f" {fold(msg.subject)} {fold(msg.body_text[:2000])} "
    return any(f" {phrase} " in text or f" {phrase}" in text for phrase in _WHOLE_DOSSIER)


def withdrawn_nominations(
    nominees: Sequence[Nominee], proposed: Sequence[tuple[str, str]], used: set[int]
) -> tuple[int, ...]:
    """Nominations on file that a whole-dossier resend no longer proposes nor sends files
    for (``used``: the indexes in ``nominees`` the mail's files were credited to)."""
    listed = {(kind, nominee_key(name)) for kind, name in proposed}
    return tuple(
        n.id
        for i, n in enumerate(nominees)
        if n.id is not None and (n.kind, n.key) not in listed and i not in used
    )
