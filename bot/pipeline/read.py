"""Reading one file of a mail: what it is, for whom it says it is, what is wrong with it.

The per-file half of understanding (:func:`bot.pipeline.understand.understand_files` calls
:func:`read_file` for each attachment): document text (OCR, layout, the outline of a long
report), the deliverable type, the plan's document rules, the nominee the file names and
everyone its text names.  It needs neither the database nor the unit list, so
:mod:`bot.pipeline.prefetch` runs it in a worker process.  Pure apart from document
inspection (which may call antiword, LibreOffice or Tesseract on the bytes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.campaign.model import Campaign, Deliverable
from bot.campaign.problems import Problem
from bot.campaign.rules import check_outline, check_summary, unreadable_problem
from bot.campaign.signature_rules import altered, check_signatures
from bot.documents.facts import DocumentFacts, starts_summary
from bot.documents.inspect import inspect_document
from bot.documents.signatures import SignaturePolicy, verify_signatures
from bot.mail import Attachment
from bot.matching.nominees import (
    count_in_filename,
    extract_nominee,
    kind_in_filename,
    mentioned_names,
    proposal_counts,
)
from bot.matching.types import TypeMatch, classify
from bot.matching.zones import document_title
from bot.text import fold, fold_lines
from bot.vocabulary import ProblemCode, attachment_problem_vi, wrong_document_vi


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
    nominee_source: str | None = None  # where the name was read: text | filename | subject
    kind_hint: str | None = None  # the kind of nominee its words or file name speak of
    mentions: tuple[tuple[str, str], ...] = ()  # (kind, name) of everyone its text names
    counts: tuple[tuple[str, int], ...] = ()  # a proposal's "01 tập thể và 01 cá nhân"
    nominee_alt_name: str | None = None  # the file name's name, when the text names another
    other_paper: str | None = None  # not a document of the plan ("biên bản"): kept, not counted
    # The text whose names are weighed, as folded lines (lower case, no marks, punctuation
    # as spaces): a nominee's name found in it counts even where OCR broke the table's cells.
    names_text: str = ""
    # Its text holds several documents (summaries each under its title, decisions each
    # with its "Điều 1"): one file for several nominees.
    several_in_text: bool = False
    # Its text is a decision ("Điều 1. Tặng …"): its rows list people.
    decision: bool = False
    # Named as one of the plan's documents, titled as another paper: {"title", "named_as"};
    # kept, not counted, and the unit is told.
    wrong_document: dict[str, str] | None = None

    @property
    def kept(self) -> bool:
        """Whether the file goes to the file store (refused and empty files do not)."""
        return self.attachment.size > 0 and not self.attachment.problem

    @property
    def sent_as_document(self) -> bool:
        """Whether it counts as a document the unit sent: a kept file, or a file a locked
        archive lists (unread, unusable: the unit owes it, and staff see it was sent)."""
        return self.kept or self.attachment.locked_in is not None

    @property
    def problem(self) -> str | None:
        return self.attachment.problem or (self.facts.problem if self.facts else None)

    @property
    def problem_detail(self) -> str | None:
        return self.attachment.problem_detail or (self.facts.problem_detail if self.facts else None)

    @property
    def signature_altered(self) -> bool:
        """A signed document changed after signing: staff look at it (``signature_invalid``)."""
        return self.facts is not None and altered(self.facts.signatures)


def read_file(
    att: Attachment, subject: str, campaign: Campaign, policy: SignaturePolicy | None = None
) -> FileAnalysis:
    if att.problem:
        sentence = attachment_problem_vi(att.problem, att.filename, att.locked_members, att.locked_in)
        refused = (Problem(att.problem, sentence, att.filename),)
        if att.locked_in is not None:
            return _locked_member(att, subject, campaign, refused)
        return FileAnalysis(att, None, problems=refused)
    content = att.content()
    facts = inspect_document(content, att.filename, att.sniffed_type)
    if facts.kind == "pdf":
        facts = replace(facts, signatures=verify_signatures(content, policy))
    del content
    problems: list[Problem] = []
    if facts.problem:
        problems.append(unreadable_problem(att.filename, facts.problem_detail or ""))
    t = classify(att.filename, subject, facts.head_text, campaign)
    needs_review, evidence = t.needs_review, list(t.evidence)
    if facts.needs_review and not facts.head_text:
        needs_review = True
        evidence.append(f"text of {att.filename} could not be read ({facts.method})")
    kind = name = source = alt_name = None
    names_text = ""
    several = decision = False
    mentions: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    deliverable, wrong = t.deliverable, _wrong_document(t, facts, att, subject, campaign)
    if wrong is not None:
        named = campaign.deliverable(wrong["named_as"]).name
        problems.append(
            Problem(
                ProblemCode.WRONG_DOCUMENT,
                wrong_document_vi(att.filename, wrong["title"], named),
                att.filename,
            )
        )
        evidence.append(f"its own title '{wrong['title']}' is no {wrong['named_as']}: not counted")
        deliverable = None
    spec = campaign.deliverable(deliverable) if deliverable else None
    problems += check_signatures(facts.signatures, att.filename, spec)
    if spec is not None:
        problems += _plan_rules(spec, att, facts.head_text, campaign)
        if spec.scope == "nominee":
            g = extract_nominee(
                spec.id, facts.head_text, att.filename, subject, allowed_kinds=spec.nominee_kinds
            )
            kind, name, source, alt_name = g.kind, g.name, g.source, g.alt_name
            names_text = _text_for_names(facts, att)
            decision = _first_articles(names_text) >= 1
            if decision:
                # Who signs a decision is not whom it decides for (a nominee may well be
                # the committee member who signs the collective's award).
                names_text = _without_signatures(names_text)
            mentions = mentioned_names(names_text)
            several = _several_documents(names_text)
        elif spec.role == "proposal":
            counts = proposal_counts(facts.full_text or facts.head_text)
    return FileAnalysis(
        att,
        facts,
        deliverable,
        t.score,
        needs_review,
        tuple(evidence),
        kind,
        name,
        tuple(problems),
        source,
        _kind_hint(t, att),
        tuple(mentions),
        tuple(sorted(counts.items())),
        alt_name,
        t.other_paper,
        "\n".join(" ".join(line.split()) for line in fold_lines(names_text)),
        several_in_text=several,
        decision=decision,
        wrong_document=wrong,
    )


def _locked_member(
    att: Attachment, subject: str, campaign: Campaign, problems: tuple[Problem, ...]
) -> FileAnalysis:
    """A file a locked archive lists, typed by its name alone ("BCTT To Minh Duc.docx"):
    unusable, so the unit owes that document (for that nominee) until a readable copy
    comes; a name that says nothing leaves it untyped, listed only."""
    t = classify(att.filename, subject, "", campaign)
    if t.deliverable is None or t.needs_review:
        return FileAnalysis(att, None, problems=problems, evidence=tuple(t.evidence))
    spec = campaign.deliverable(t.deliverable)
    kind = name = source = alt_name = None
    if spec.scope == "nominee":
        g = extract_nominee(spec.id, "", att.filename, subject, allowed_kinds=spec.nominee_kinds)
        kind, name, source, alt_name = g.kind, g.name, g.source, g.alt_name
    return FileAnalysis(
        att,
        None,
        t.deliverable,
        t.score,
        False,
        (*t.evidence, f"listed by {att.locked_in}, which a password keeps closed: not read"),
        kind,
        name,
        problems,
        source,
        _kind_hint(t, att),
        nominee_alt_name=alt_name,
    )


# Enough words to have a title and a body: a few lines are a cover, not a document.
_MIN_WORDS_FOR_TITLE = 30


def _wrong_document(
    t: TypeMatch, facts: DocumentFacts, att: Attachment, subject: str, campaign: Campaign
) -> dict[str, str] | None:
    """A file its name calls one of the plan's documents while its own text says nothing
    of it and its title names another paper ("BCTT Cù Thị Phượng.docx" holding "BÁO CÁO
    Công tác dân vận năm 2023"): the title and the deliverable its name claimed.

    Only text read as typed (no OCR, whose misreadings could hide the words), and never a
    per-nominee document whose text names its nominee (a report titled otherwise).
    """
    if t.deliverable is None or t.needs_review or t.from_content or t.other_paper:
        return None
    if facts.problem or facts.needs_review or "ocr" in (facts.method or ""):
        return None
    if len(facts.head_text.split()) < _MIN_WORDS_FOR_TITLE:
        return None
    title = document_title(facts.head_text)
    if title is None:
        return None
    spec = campaign.deliverable(t.deliverable)
    if spec.scope == "nominee":
        g = extract_nominee(spec.id, facts.head_text, att.filename, subject, allowed_kinds=spec.nominee_kinds)
        if g.source == "text":
            return None
    return {"title": title, "named_as": t.deliverable}


def _kind_hint(t: TypeMatch, att: Attachment) -> str | None:
    """The kind of nominee the file speaks of: its words, else its name, else its folders."""
    return t.kind_hint or kind_in_filename(att.filename) or _kind_in_folder(att)


def _kind_in_folder(att: Attachment) -> str | None:
    """The kind the file's archive folders speak of, the nearest first ("2. Tap the/")."""
    if att.folder is None:
        return None
    for part in reversed((att.original_filename or "").replace("\\", "/").split("/")[:-1]):
        kind = kind_in_filename(part)
        if kind is not None:
            return kind
    return None


# Formats whose whole text costs little more than their head (no OCR).
_CHEAP_FULL_TEXT = ("docx", "odt", "rtf", "doc", "text")


def _text_for_names(facts: DocumentFacts, att: Attachment) -> str:
    """The text whose names the dossier step weighs: the whole document when reading it
    costs little (a summary of several comrades names the second on page 2), else the head
    (a scan's other pages would each need OCR)."""
    if facts.kind in _CHEAP_FULL_TEXT or facts.method in ("pdf-text", "pdf-text-pdfplumber"):
        full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
        return full.full_text or facts.head_text
    # A scan's further pages cost OCR each: read when there are any (several decisions
    # scanned into one file, a decision continued overleaf) or the first page sends the
    # reader to them (its people on its attached list, "có danh sách kèm theo").  Read at
    # the scan's own resolution, such a list gives its rows (bot.documents.pdf).
    several_pages = (facts.page_count or 1) > 1
    if facts.method == "pdf-ocr" and (several_pages or _ANNEXED.search(fold(facts.head_text))):
        full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
        return full.full_text or facts.head_text
    return facts.head_text


def _several_documents(text: str) -> bool:
    """The text holds several documents for several nominees: summaries each under its
    title, decisions scanned into one file (each has one "Điều 1."), or one document in
    numbered parts, one per nominee ("1. Tập thể: …" / "2. Cá nhân: …")."""
    return _summary_titles(text) >= 2 or _first_articles(text) >= 2 or _nominee_parts(text) >= 2


def _nominee_parts(text: str) -> int:
    """How many numbered parts of the text open with a nominee's label ("2. Cá nhân: …")."""
    return sum(1 for line in fold_lines(text) if _NOMINEE_PART.match(line))


# A signature block: from "Nơi nhận:" (or the signer's "T/M …") for this many lines, unless
# an attached list ("DANH SÁCH …", "PHỤ LỤC") starts before.
_SIGNATURE_LINES = 10
_SIGNATURE_START = re.compile(r"^\s*(?:n[ơo]i\s+nh[ậa]n|t\s*/\s*m\b)", re.IGNORECASE)
_ANNEX_START = re.compile(r"^\s*(?:danh\s+s[áa]ch|ph[ụu]\s+l[ụu]c)\b", re.IGNORECASE)


def _without_signatures(text: str) -> str:
    """The text without its signature blocks (see :data:`_SIGNATURE_LINES`)."""
    kept: list[str] = []
    left = 0
    for line in text.splitlines():
        if _SIGNATURE_START.match(line):
            left = _SIGNATURE_LINES
        elif _ANNEX_START.match(line):
            left = 0
        if left:
            left -= 1
            continue
        kept.append(line)
    return "\n".join(kept)


def _first_articles(text: str) -> int:
    """How many decisions the text holds, by their first article ("Điều 1. Tặng …")."""
    return sum(1 for line in fold_lines(text) if _FIRST_ARTICLE.match(line))


def _summary_titles(text: str) -> int:
    """How many summary titles ("TÓM TẮT THÀNH TÍCH") the text has, each opening one."""
    return sum(1 for line in fold_lines(text) if starts_summary(line))


# A decision's first article, by what it decides ("Điều 1. Tặng Giấy khen cho …"); not a
# later article's reference to it wrapped onto a line of its own ("… tại / Điều 1 chịu
# trách nhiệm thi hành").
_FIRST_ARTICLE = re.compile(r"dieu 1 (?:tang|cong nhan|xep loai|khen thuong|danh gia|trao|phe duyet)\b")
# Folded: "1. Tập thể: Chi bộ …", "II. Cá nhân: đồng chí …" (the colon folds away).
_NOMINEE_PART = re.compile(r"(?:\d{1,2}|[ivx]{1,3}|[a-d]) (?:tap the|ca nhan) \S")
_ANNEXED = re.compile(r"\bdanh sach kem theo\b|\bkem theo danh sach\b")


def _plan_rules(spec: Deliverable, att: Attachment, head_text: str, campaign: Campaign) -> list[Problem]:
    """The plan's document rules; these need the full text or the layout, so re-inspect."""
    rules, found = campaign.rules, []
    if rules.outline and spec.id == rules.outline.deliverable and not _appendix(att, head_text):
        full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
        if full.full_text or full.head_text:
            found += check_outline(full.full_text or full.head_text, att.filename, campaign)
    if rules.summary and spec.id == rules.summary.deliverable:
        laid = inspect_document(att.content(), att.filename, att.sniffed_type, measure_layout=True)
        if laid.used_a4_fraction is not None:
            # One file of n nominees' summaries ("Tom tat 03 ca nhan.docx", a row each):
            # the plan's half page is each summary's.
            share = laid.used_a4_fraction / count_in_filename(att.filename)
            if check_summary(share, att.filename, campaign):
                # Too long for one summary: does the file hold several, each with its title?
                share = laid.used_a4_fraction / _summaries_held(att)
            found += check_summary(share, att.filename, campaign)
    return found


def _appendix(att: Attachment, head_text: str) -> bool:
    """An appendix to the report ("PHỤ LỤC / Số liệu … (Kèm theo Báo cáo …)"): its figures
    belong to the report's sections, it has none of its own to check."""
    title = document_title(head_text)
    return fold(title or "").startswith("phu luc") or "phu luc" in fold(att.filename)


def _summaries_held(att: Attachment) -> int:
    """How many nominees' summaries one file holds: as its name says ("Tom tat 03 ca
    nhan.docx"), or as many as the summary titles in its text ("TÓM TẮT THÀNH TÍCH / TẬP
    THỂ …", then "TÓM TẮT THÀNH TÍCH / ĐỒNG CHÍ …"; every page of a scan is read)."""
    full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
    return max(count_in_filename(att.filename), _summary_titles(full.full_text or full.head_text), 1)


# -- the whole mail ---------------------------------------------------------------------
