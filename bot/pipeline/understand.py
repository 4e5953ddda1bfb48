"""Understanding one mail: every decision about it, made here and nowhere else.

Which unit sent it, which deliverable each file is and for which nominee, what is wrong,
whether staff must look at it, and — for a known unit — which files count, as what, for
whom and whether late.  The result is plain frozen data; :mod:`bot.pipeline.record`
writes it in one transaction without deciding anything.

* :func:`understand_files` is the per-file half: document text (OCR, layout, the outline
  of a long report), the deliverable type, the plan's document rules and the nominee
  named.  It needs neither the database nor the unit list, so :mod:`bot.pipeline.prefetch`
  runs it in a worker process.
* :func:`understand` does the rest.  What it needs from the database is handed in as data:
  the units, the bot's own Message-IDs the mail refers to, and, through ``unit_records``,
  the matched unit's nominations and deadline extensions.
* :func:`set_aside` / :func:`duplicate_of` say why a mail is quarantined, ignored or a copy.

Pure apart from document inspection (which may call antiword or Tesseract on the bytes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.campaign.model import Campaign, Deliverable
from bot.campaign.problems import Problem
from bot.campaign.rules import check_outline, check_summary, unreadable_problem, unverified_sender_problem
from bot.campaign.tracking import ExtensionMap, due_date
from bot.campaign.units import UnitInfo
from bot.documents.facts import DocumentFacts
from bot.documents.inspect import inspect_document
from bot.mail import Attachment, InboundMessage
from bot.matching.nominees import NomineeGuess, extract_nominee, extract_proposal_nominees, group_nominees
from bot.matching.types import classify
from bot.matching.units import match_unit
from bot.text import nominee_key
from bot.vocabulary import (
    FILES_NOT_ATTACHED_VI,
    NO_ATTACHMENT_VI,
    ProblemCode,
    ReviewReason,
    SenderDoubt,
    attachment_problem_vi,
    automatic_with_files_vi,
    parts_not_read_vi,
    unauthenticated_sender_vi,
)

RECEIVED = "received"
NEEDS_REVIEW = "needs_review"


class Category(StrEnum):
    """What a mail is as a whole (``messages.category``)."""

    SUBMISSION = "submission"
    NO_ATTACHMENT = "no_attachment"
    DRIVE_LINKS = "drive_links"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    OWN_MAIL = "own_mail"


@dataclass(frozen=True)
class FileAnalysis:
    """One file: what it is, for whom, and what is wrong with it."""

    attachment: Attachment
    facts: DocumentFacts | None
    deliverable: str | None = None
    score: float = 0.0
    needs_review: bool = False  # the type (or the text) is uncertain
    evidence: tuple[str, ...] = ()
    nominee_kind: str | None = None
    nominee_name: str | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def kept(self) -> bool:
        """Whether the file goes to the file store (refused and empty files do not)."""
        return self.attachment.size > 0 and not self.attachment.problem

    @property
    def problem(self) -> str | None:
        return self.attachment.problem or (self.facts.problem if self.facts else None)

    @property
    def problem_detail(self) -> str | None:
        return self.attachment.problem_detail or (self.facts.problem_detail if self.facts else None)


@dataclass(frozen=True)
class Nominee:
    """A nominee of the unit; ``id`` None: new, found or created by its folded name."""

    kind: str
    name: str
    key: str  # nominee_key(name), as stored in ``nominations.name_key``
    id: int | None = None


@dataclass(frozen=True)
class UnitRecords:
    """What the database knows of the matched unit: its nominations (by id) and extensions."""

    nominations: tuple[Nominee, ...] = ()
    extensions: ExtensionMap = field(default_factory=dict)


@dataclass(frozen=True)
class Counted:
    """A file recorded as a submission of the unit."""

    file: int  # index in Understanding.files
    deliverable: str
    status: str  # received | needs_review
    late: bool
    nominee: int | None  # index in Understanding.nominees
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Understanding:
    """Everything decided about one mail that is recorded as such."""

    category: Category
    files: tuple[FileAnalysis, ...] = ()
    unit: UnitInfo | None = None  # the unit the mail names (verified or not)
    unit_rule: str | None = None
    unverified: bool = False  # the unit was named, but not by a registered address
    suggested_unit: UnitInfo | None = None
    unit_evidence: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    review_reason: str | None = None  # a ReviewReason, with ": detail" for some
    nominees: tuple[Nominee, ...] = ()  # the unit's nominees after this mail
    counted: tuple[Counted, ...] = ()
    spam: bool = False

    @property
    def needs_review(self) -> bool:
        return self.review_reason is not None

    @property
    def unit_id(self) -> int | None:
        """The unit the mail counts for: only a verified one."""
        return self.unit.id if self.unit is not None and not self.unverified else None

    @property
    def submitted_by(self) -> UnitInfo | None:
        """The unit whose files this mail records (held for staff when unverified)."""
        return self.unit if self.category == Category.SUBMISSION else None

    @property
    def problem_sentences(self) -> list[str]:
        """What is wrong, for the acknowledgment: the mail's problems, then each file's."""
        return [p.message for p in self.problems] + [p.message for f in self.files for p in f.problems]

    def describe(self) -> str:
        code = self.unit.code if self.unit else "-"
        return f"unit={code} ({self.unit_rule or 'none'}), files={len(self.files)}"


@dataclass(frozen=True)
class SetAside:
    """A mail not understood further, and why: ``quarantined``, ``ignored`` or ``duplicate``."""

    state: str
    reason: str

    @property
    def category(self) -> str:
        return self.reason.split(":", 1)[0] if self.state == "ignored" else Category.SUBMISSION

    @property
    def review_reason(self) -> str | None:
        """Quarantined mail waits for staff; ignored mail and copies do not."""
        return f"{ReviewReason.QUARANTINED}: {self.reason}" if self.state == "quarantined" else None


def quarantined(reason: str) -> SetAside:
    return SetAside("quarantined", reason)


def duplicate_of(message_id: int) -> SetAside:
    return SetAside("duplicate", f"duplicate_of:{message_id}")


def automatic_with_files(msg: InboundMessage) -> bool:
    """An auto-reply (``Auto-Submitted``…) carrying files: not ignored, held for staff."""
    return msg.auto_reply and not msg.bounce and not msg.own_mail and bool(msg.attachments)


def set_aside(msg: InboundMessage) -> SetAside | None:
    """The bot's own mail, bounces and auto-replies are never counted or answered.

    An auto-reply that carries files is the exception: a program sent documents (a
    forwarding rule, a scanner), so staff look at it (:func:`understand` holds it).
    """
    for flag, category in (
        (msg.own_mail, Category.OWN_MAIL),
        (msg.bounce, Category.BOUNCE),
        (msg.auto_reply and not automatic_with_files(msg), Category.AUTO_REPLY),
    ):
        if flag:
            reason = str(category)
            if msg.bounced_recipients:
                reason += ":" + ",".join(msg.bounced_recipients)
            return SetAside("ignored", reason)
    return None


# -- the per-file half ------------------------------------------------------------------
def understand_files(msg: InboundMessage, campaign: Campaign) -> list[FileAnalysis] | None:
    """Inspection, type, plan rules and nominee of each file; ``None`` for a mail set aside.

    This is the heavy part and needs neither the database nor the unit list, so intake
    may run it in a worker process.
    """
    if set_aside(msg) is not None:
        return None
    return [_understand_file(att, msg.subject, campaign) for att in msg.attachments]


def _understand_file(att: Attachment, subject: str, campaign: Campaign) -> FileAnalysis:
    if att.problem:
        sentence = attachment_problem_vi(att.problem, att.filename)
        return FileAnalysis(att, None, problems=(Problem(att.problem, sentence, att.filename),))
    facts = inspect_document(att.content(), att.filename, att.sniffed_type)
    problems: list[Problem] = []
    if facts.problem:
        problems.append(unreadable_problem(att.filename, facts.problem_detail or ""))
    t = classify(att.filename, subject, facts.head_text, campaign)
    needs_review, evidence = t.needs_review, list(t.evidence)
    if facts.needs_review and not facts.head_text:
        needs_review = True
        evidence.append(f"text of {att.filename} could not be read ({facts.method})")
    kind = name = None
    if t.deliverable:
        spec = campaign.deliverable(t.deliverable)
        problems += _plan_rules(spec, att, campaign)
        if spec.scope == "nominee":
            g = extract_nominee(
                spec.id, facts.head_text, att.filename, subject, allowed_kinds=spec.nominee_kinds
            )
            kind, name = g.kind, g.name
    return FileAnalysis(
        att, facts, t.deliverable, t.score, needs_review, tuple(evidence), kind, name, tuple(problems)
    )


def _plan_rules(spec: Deliverable, att: Attachment, campaign: Campaign) -> list[Problem]:
    """The plan's document rules; these need the full text or the layout, so re-inspect."""
    rules, found = campaign.rules, []
    if rules.outline and spec.id == rules.outline.deliverable:
        full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
        if full.full_text or full.head_text:
            found += check_outline(full.full_text or full.head_text, att.filename, campaign)
    if rules.summary and spec.id == rules.summary.deliverable:
        laid = inspect_document(att.content(), att.filename, att.sniffed_type, measure_layout=True)
        if laid.used_a4_fraction is not None:
            found += check_summary(laid.used_a4_fraction, att.filename, campaign)
    return found


# -- the whole mail ---------------------------------------------------------------------
def understand(
    msg: InboundMessage,
    campaign: Campaign,
    units: Sequence[UnitInfo],
    bot_message_ids: Mapping[str, str],
    received_at: dt.datetime,
    unit_records: Callable[[int], UnitRecords],
    files: Sequence[FileAnalysis] | None = None,
) -> Understanding | SetAside:
    """Decide everything about ``msg``, received by the server at ``received_at``.

    ``units`` carry their database ids; ``unit_records(unit_id)`` is asked (once, and only
    when files may count) for the matched unit's nominations and extensions.  ``files``
    is :func:`understand_files`' result when it already ran (in a worker).
    """
    aside = set_aside(msg)
    if aside is not None:
        return aside
    if files is None:
        files = understand_files(msg, campaign) or []
    doc_texts = [f.facts.head_text for f in files if f.facts and f.facts.head_text]
    um = match_unit(msg, doc_texts, list(units), bot_message_ids)
    by_code = {u.code: u for u in units}
    unit = by_code.get(um.unit_code) if um.unit_code else None

    category, problems = Category.SUBMISSION, []
    if not msg.attachments:
        if msg.drive_links:
            category = Category.DRIVE_LINKS
            problems.append(Problem(ProblemCode.FILES_NOT_ATTACHED, FILES_NOT_ATTACHED_VI))
        else:
            category = Category.NO_ATTACHMENT
            problems.append(Problem(ProblemCode.NO_ATTACHMENT, NO_ATTACHMENT_VI))
    if msg.unread_part_count:
        sentence = parts_not_read_vi(msg.unread_part_count, msg.unread_parts)
        problems.append(Problem(ProblemCode.PARTS_NOT_READ, sentence))
    hold = _held_for_staff(msg, um.rule)
    if hold is not None:
        reason, problem = hold
        return Understanding(
            category=category,
            files=tuple(files),
            unit_rule=um.rule,
            unverified=True,
            suggested_unit=unit or by_code.get(um.suggestion or ""),
            unit_evidence=(*um.evidence, f"held for staff: {reason}"),
            problems=(*problems, problem),
            review_reason=reason,
            spam=msg.spam,
        )
    review_reason: str | None = None
    if um.unverified and um.unit_code:
        unit_name = unit.name if unit else um.unit_code
        problems.append(unverified_sender_problem(msg.from_address or "", unit_name))
        review_reason = ReviewReason.UNVERIFIED_SENDER
    elif um.unit_code is None:
        review_reason = ReviewReason.UNKNOWN_UNIT
    elif msg.unread_part_count:
        review_reason = ReviewReason.PARTS_NOT_READ
    elif any(f.needs_review for f in files if not f.attachment.problem):
        review_reason = ReviewReason.UNCERTAIN_TYPE

    nominees: list[Nominee] = []
    counted: list[Counted] = []
    if category == Category.SUBMISSION and unit is not None and unit.id is not None:
        held = um.unverified  # an unverified sender's files wait for staff: recorded, not counted
        countable = [i for i, f in enumerate(files) if f.kept and f.deliverable]
        proposed = [] if held else _proposed(files, campaign)
        records = unit_records(unit.id) if countable or proposed else UnitRecords()
        nominees = list(records.nominations)
        for kind, name in proposed:
            _find_or_add(nominees, kind, name)
        counted = [_count(i, files[i], campaign, nominees, records, received_at, held) for i in countable]
        if review_reason is None and any(c.status == NEEDS_REVIEW for c in counted):
            review_reason = ReviewReason.UNCERTAIN_TYPE

    return Understanding(
        category=category,
        files=tuple(files),
        unit=unit,
        unit_rule=um.rule,
        unverified=um.unverified,
        suggested_unit=unit if (unit and um.unverified) else by_code.get(um.suggestion or ""),
        unit_evidence=tuple(um.evidence),
        problems=tuple(problems),
        review_reason=review_reason,
        nominees=tuple(nominees),
        counted=tuple(counted),
        spam=msg.spam,
    )


def sender_doubt(msg: InboundMessage, rule: str) -> SenderDoubt | None:
    """Why the sender of ``msg`` is not proven, or None (README "Security model").

    Headers that do not name one sender cleanly, or the office's server saying the From
    domain is forged (``dmarc=fail``), doubt every mail; a registered address
    (``rule``) also needs the server's proof when it is asked for
    (``mailbox.trusted_authserv_id``): ``authentication`` is None when it is not.
    """
    if msg.sender_doubt is not None:
        return SenderDoubt(msg.sender_doubt)
    if msg.authentication == "fail":
        return SenderDoubt.AUTHENTICATION_FAILED
    if msg.authentication == "none" and rule == "registered_address":
        return SenderDoubt.NOT_AUTHENTICATED
    return None


def _held_for_staff(msg: InboundMessage, rule: str) -> tuple[str, Problem] | None:
    """A mail no unit may be credited with before staff look: its review reason and problem.

    Nothing of it counts and it is not answered: the unit it names is only suggested.
    """
    doubt = sender_doubt(msg, rule)
    if doubt is not None:
        sentence = unauthenticated_sender_vi(doubt, msg.from_address or msg.from_name or "")
        return f"{ReviewReason.UNAUTHENTICATED_SENDER}: {doubt}", Problem(
            ProblemCode.UNVERIFIED_SENDER, sentence
        )
    if automatic_with_files(msg):
        return ReviewReason.AUTOMATIC_WITH_FILES, Problem(
            ProblemCode.AUTOMATIC_MAIL, automatic_with_files_vi()
        )
    return None


def _proposed(files: Sequence[FileAnalysis], campaign: Campaign) -> list[tuple[str, str]]:
    """(kind, name) of the nominees the unit's proposal (the ``proposal`` role) lists."""
    proposal = campaign.with_role("proposal")
    found: list[tuple[str, str]] = []
    for f in files:
        if proposal is not None and f.deliverable == proposal.id and f.facts is not None:
            text = f.facts.full_text or f.facts.head_text
            found += [(g.kind, g.name) for g in extract_proposal_nominees(text) if g.kind and g.name]
    return found


def _count(
    index: int,
    f: FileAnalysis,
    campaign: Campaign,
    nominees: list[Nominee],
    records: UnitRecords,
    received_at: dt.datetime,
    held: bool,
) -> Counted:
    """How one stored, typed file of the unit is recorded."""
    assert f.deliverable is not None
    status = NEEDS_REVIEW if (f.needs_review or held) else RECEIVED
    evidence = list(f.evidence)
    nominee = None
    if campaign.deliverable(f.deliverable).scope == "nominee" and not held:
        nominee = _nominee_for(nominees, f.nominee_kind, f.nominee_name)
        if nominee is None:
            status = NEEDS_REVIEW
            evidence.append("nominee could not be determined")
    if f.problem == ProblemCode.UNREADABLE_FILE:
        status = NEEDS_REVIEW
    late = received_at > due_date(campaign, f.deliverable, records.extensions)
    return Counted(index, f.deliverable, status, late, nominee, tuple(evidence))


def _nominee_for(nominees: list[Nominee], kind: str | None, name: str | None) -> int | None:
    """The nominee a per-nominee file belongs to (index in ``nominees``), or None: staff decide.

    A named guess joins the nominee with the same folded name, an unnamed one the unit's
    only nominee of its kind (:func:`bot.matching.nominees.group_nominees`); a name not
    seen before is a new nominee.
    """
    index = group_nominees(NomineeGuess(kind, name), [(n.kind, n.name) for n in nominees])
    if index is not None:
        return index
    if kind and name:
        return _find_or_add(nominees, kind, name)
    return None


def _find_or_add(nominees: list[Nominee], kind: str, name: str) -> int:
    """The nominee of this kind and folded name, added (as new) when there is none."""
    key = nominee_key(name)
    for i, n in enumerate(nominees):
        if n.kind == kind and n.key == key:
            return i
    nominees.append(Nominee(kind, name.strip(), key))
    return len(nominees) - 1
