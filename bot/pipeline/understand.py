"""Understanding one mail: every decision about it, made here and nowhere else.

Which unit sent it, which deliverable each file is and for which nominee, what is wrong,
whether staff must look at it, and — for a known unit — which files count, as what, for
whom and whether late.  The result is plain frozen data; :mod:`bot.pipeline.record`
writes it in one transaction without deciding anything.

* :func:`understand_files` is the per-file half (:mod:`bot.pipeline.read`): document text
  (OCR, layout, the outline of a long report), the deliverable type, the plan's document
  rules and the nominee named.  It needs neither the database nor the unit list, so
  :mod:`bot.pipeline.prefetch` runs it in a worker process.
* :func:`understand` does the rest, with :mod:`bot.pipeline.whose` for the unit's
  nominees and whom each per-nominee file is for.  What it needs from the database is handed in as data:
  the units, the bot's own Message-IDs the mail refers to, and, through ``unit_records``,
  the matched unit's nominations and deadline extensions.
* :func:`set_aside` / :func:`duplicate_of` say why a mail is quarantined, ignored or a copy.

Pure apart from document inspection (which may call antiword or Tesseract on the bytes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.campaign.model import Campaign
from bot.campaign.problems import Problem
from bot.campaign.rules import unverified_sender_problem
from bot.campaign.tracking import due_date
from bot.campaign.units import UnitInfo
from bot.documents.signatures import SignaturePolicy
from bot.mail import InboundMessage
from bot.matching.dossier import Assignment
from bot.matching.replies import asks_for_time
from bot.matching.units import match_unit
from bot.pipeline.read import FileAnalysis, read_file
from bot.pipeline.whose import (
    Nominee,
    UnitRecords,
    proposed_nominees,
    replaces_dossier,
    resolve_nominees,
    withdrawn_nominations,
)
from bot.vocabulary import (
    FILES_NOT_ATTACHED_VI,
    NO_ATTACHMENT_VI,
    ProblemCode,
    ReviewReason,
    SenderDoubt,
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
    TIME_REQUEST = "time_request"  # no file; the unit asks to send later (staff decide)
    DRIVE_LINKS = "drive_links"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    OWN_MAIL = "own_mail"


@dataclass(frozen=True)
class Counted:
    """A file recorded as a submission of the unit."""

    file: int  # index in Understanding.files
    deliverable: str
    status: str  # received | needs_review
    late: bool
    nominee: int | None  # index in Understanding.nominees
    evidence: tuple[str, ...]
    candidates: tuple[int, ...] = ()  # when the nominee is uncertain: who it may be, best first


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
    withdrawn: tuple[int, ...] = ()  # nominations a whole-dossier resend drops (ids)
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
def understand_files(
    msg: InboundMessage, campaign: Campaign, signatures: SignaturePolicy | None = None
) -> list[FileAnalysis] | None:
    """Inspection, type, plan rules and nominee of each file; ``None`` for a mail set aside.

    This is the heavy part and needs neither the database nor the unit list, so intake
    may run it in a worker process.  ``signatures`` says which roots the office trusts
    for the PDFs' digital signatures (none: signatures are read, not trusted).
    """
    if set_aside(msg) is not None:
        return None
    return [read_file(att, msg.subject, campaign, signatures) for att in msg.attachments]


def understand(
    msg: InboundMessage,
    campaign: Campaign,
    units: Sequence[UnitInfo],
    bot_message_ids: Mapping[str, str],
    received_at: dt.datetime,
    unit_records: Callable[[int], UnitRecords],
    files: Sequence[FileAnalysis] | None = None,
    signatures: SignaturePolicy | None = None,
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
        files = understand_files(msg, campaign, signatures) or []
    doc_texts = [f.facts.head_text for f in files if f.facts and f.facts.head_text]
    um = match_unit(msg, doc_texts, list(units), bot_message_ids)
    by_code = {u.code: u for u in units}
    unit = by_code.get(um.unit_code) if um.unit_code else None

    category, problems = Category.SUBMISSION, []
    if not msg.attachments:
        if msg.drive_links:
            category = Category.DRIVE_LINKS
            problems.append(Problem(ProblemCode.FILES_NOT_ATTACHED, FILES_NOT_ATTACHED_VI))
        elif asks_for_time(msg.subject, msg.body_text):
            # Not a submission that forgot its files: a request for staff to decide.
            category = Category.TIME_REQUEST
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
    elif category == Category.TIME_REQUEST:
        review_reason = ReviewReason.TIME_REQUEST
    elif any(f.needs_review for f in files if not f.attachment.problem):
        review_reason = ReviewReason.UNCERTAIN_TYPE
    elif any(f.signature_altered for f in files):
        review_reason = ReviewReason.SIGNATURE_INVALID

    nominees: list[Nominee] = []
    counted: list[Counted] = []
    withdrawn: tuple[int, ...] = ()
    if category == Category.SUBMISSION and unit is not None and unit.id is not None:
        # An unverified sender's files wait for staff: recorded, not counted.  They are read
        # as the unit's all the same (its nominees, whom each file is for), so that the unit
        # is not asked again for what it sent and one confirmation records it all.
        held = um.unverified
        countable = [i for i, f in enumerate(files) if f.sent_as_document and f.deliverable]
        proposed = proposed_nominees(files, campaign)
        records = unit_records(unit.id) if countable or proposed else UnitRecords()
        nominees, assignments = resolve_nominees(files, countable, campaign, unit, records, proposed, msg)
        counted = [
            _count(i, files[i], campaign, assignments.get(i), records, received_at, held) for i in countable
        ]
        # One file for several nominees (a summary of two comrades): a submission for each.
        counted += [
            replace(c, nominee=j)
            for c in list(counted)
            if (a := assignments.get(c.file)) is not None and c.nominee is not None
            for j in a.also
        ]
        if proposed and replaces_dossier(msg) and not held:
            withdrawn = withdrawn_nominations(
                nominees, proposed, {c.nominee for c in counted if c.nominee is not None}
            )
        # A file that cannot be read is the unit's to send again (the acknowledgment says
        # so and the good copy replaces it): it waits, but asks nothing of staff.
        waiting = [
            c
            for c in counted
            if c.status == NEEDS_REVIEW and not _only_unreadable(files[c.file], c, campaign)
        ]
        if review_reason is None and waiting:
            # Every waiting file is a readable one of a sure type, only whom it is for is not.
            only_whom = all(
                c.nominee is None and not files[c.file].needs_review and not files[c.file].problem
                for c in waiting
            )
            review_reason = ReviewReason.UNCERTAIN_NOMINEE if only_whom else ReviewReason.UNCERTAIN_TYPE

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
        withdrawn=withdrawn,
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


def _only_unreadable(f: FileAnalysis, c: Counted, campaign: Campaign) -> bool:
    """The file waits only because it cannot be read: its type is known (from its name)
    and, for a per-nominee document, so is whom it is for.  A file a locked archive lists
    waits for no one whoever it is for: nobody can read it, staff neither."""
    if f.problem != ProblemCode.UNREADABLE_FILE or f.signature_altered or f.deliverable is None:
        return False
    if f.attachment.locked_in is not None:
        return True
    per_nominee = campaign.deliverable(f.deliverable).scope == "nominee"
    return not per_nominee or c.nominee is not None


def _count(
    index: int,
    f: FileAnalysis,
    campaign: Campaign,
    assignment: Assignment | None,
    records: UnitRecords,
    received_at: dt.datetime,
    held: bool,
) -> Counted:
    """How one stored, typed file of the unit is recorded."""
    assert f.deliverable is not None
    status = NEEDS_REVIEW if (f.needs_review or held) else RECEIVED
    evidence = list(f.evidence)
    nominee: int | None = None
    candidates: tuple[int, ...] = ()
    if campaign.deliverable(f.deliverable).scope == "nominee":
        if assignment is not None:
            nominee = assignment.nominee
            candidates = assignment.candidates
            evidence += assignment.evidence
        if nominee is None:
            status = NEEDS_REVIEW
    if f.problem == ProblemCode.UNREADABLE_FILE or f.signature_altered:
        status = NEEDS_REVIEW
    late = received_at > due_date(campaign, f.deliverable, records.extensions)
    return Counted(index, f.deliverable, status, late, nominee, tuple(evidence), candidates)
