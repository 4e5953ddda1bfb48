"""Understanding one parsed message: which unit, which deliverable per file, which nominee,
and what is wrong — everything decided before the database is touched.

``analyze(...)`` is pure apart from document inspection (which may call antiword or
Tesseract on the bytes); its result is plain data that ``recording`` writes in one
transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.campaign import problems as P
from bot.campaign.model import Campaign
from bot.campaign.problems import Problem
from bot.campaign.units import UnitInfo
from bot.documents.facts import DocumentFacts
from bot.mail import Attachment, InboundMessage

# Categories of a message as a whole.
SUBMISSION = "submission"
NO_ATTACHMENT = "no_attachment"
DRIVE_LINKS = "drive_links"
AUTO_REPLY = "auto_reply"
BOUNCE = "bounce"
OWN_MAIL = "own_mail"


@dataclass
class FileAnalysis:
    attachment: Attachment
    facts: DocumentFacts | None
    deliverable: str | None = None
    score: float = 0.0
    needs_review: bool = False
    evidence: list[str] = field(default_factory=list)
    nominee_kind: str | None = None
    nominee_name: str | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class MessageAnalysis:
    category: str
    unit_code: str | None = None
    unit_rule: str | None = None
    unit_certain: bool = False
    unverified: bool = False
    suggested_unit: str | None = None
    unit_evidence: list[str] = field(default_factory=list)
    files: list[FileAnalysis] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    proposal_nominees: list[tuple[str, str]] = field(default_factory=list)  # (kind, name) from a Tờ trình
    review_reason: str | None = None

    @property
    def needs_review(self) -> bool:
        return self.review_reason is not None


def analyze_files(msg: InboundMessage, campaign: Campaign) -> list[FileAnalysis] | None:
    """The per-file half of :func:`analyze`: inspection, type, plan rules, nominee.

    This is the heavy part (document text, OCR, layout) and needs neither the database
    nor the unit list, so intake may run it in a worker process.  ``None`` for mail that
    is not looked at further (the bot's own, bounces, auto-replies).
    """
    from bot.campaign.rules import check_outline, check_summary, unreadable_problem
    from bot.documents.inspect import inspect_document
    from bot.matching.nominees import extract_nominee
    from bot.matching.types import classify

    if msg.own_mail or msg.bounce or msg.auto_reply:
        return None
    files: list[FileAnalysis] = []
    for att in msg.attachments:
        if att.problem:
            fa = FileAnalysis(att, None)
            fa.problems.append(Problem(att.problem, _attachment_problem_vi(att), att.filename))
            files.append(fa)
            continue
        facts = inspect_document(att.data, att.filename, att.sniffed_type)
        fa = FileAnalysis(att, facts)
        if facts.problem:
            fa.problems.append(unreadable_problem(att.filename, facts.problem_detail or ""))
        t = classify(att.filename, msg.subject, facts.head_text, campaign)
        fa.deliverable, fa.score, fa.needs_review, fa.evidence = (
            t.deliverable,
            t.score,
            t.needs_review,
            list(t.evidence),
        )
        if facts.needs_review and not facts.head_text:
            fa.needs_review = True
            fa.evidence.append(f"text of {att.filename} could not be read ({facts.method})")
        if fa.deliverable:
            _apply_rules(fa, att, facts, campaign, check_outline, check_summary)
            spec = campaign.deliverable(fa.deliverable)
            if spec.scope == "nominee":
                g = extract_nominee(
                    fa.deliverable,
                    facts.head_text,
                    att.filename,
                    msg.subject,
                    allowed_kinds=spec.nominee_kinds,
                )
                fa.nominee_kind, fa.nominee_name = g.kind, g.name
        files.append(fa)
    return files


def analyze(
    msg: InboundMessage,
    campaign: Campaign,
    units: list[UnitInfo],
    bot_message_ids: Mapping[str, str],
    files: list[FileAnalysis] | None = None,
) -> MessageAnalysis:
    """Classify the message, its unit, and each of its files.

    ``files`` is :func:`analyze_files`' result when it already ran (in a worker).
    """
    from bot.campaign.rules import unverified_sender_problem
    from bot.matching.nominees import extract_proposal_nominees
    from bot.matching.units import match_unit

    if msg.own_mail:
        return MessageAnalysis(OWN_MAIL)
    if msg.bounce:
        return MessageAnalysis(BOUNCE)
    if msg.auto_reply:
        return MessageAnalysis(AUTO_REPLY)
    if files is None:
        files = analyze_files(msg, campaign) or []

    doc_texts = [f.facts.head_text for f in files if f.facts and f.facts.head_text]
    um = match_unit(msg, doc_texts, units, bot_message_ids)
    a = MessageAnalysis(
        SUBMISSION,
        unit_code=um.unit_code,
        unit_rule=um.rule,
        unit_certain=um.certain,
        unverified=um.unverified,
        suggested_unit=um.suggestion,
        unit_evidence=list(um.evidence),
        files=files,
    )
    for f in files:
        if f.deliverable == "to_trinh" and f.facts is not None:
            text = f.facts.full_text or f.facts.head_text
            a.proposal_nominees.extend(
                (g.kind, g.name) for g in extract_proposal_nominees(text) if g.kind and g.name
            )

    if not msg.attachments:
        a.category = DRIVE_LINKS if msg.drive_links else NO_ATTACHMENT
        code = P.FILES_NOT_ATTACHED if msg.drive_links else P.NO_ATTACHMENT
        text = (
            "Thư gửi đường liên kết tải tệp thay vì đính kèm tệp; hệ thống chưa ghi nhận hồ sơ nào."
            if msg.drive_links
            else "Thư không có tệp đính kèm; hệ thống chưa ghi nhận hồ sơ nào."
        )
        a.problems.append(Problem(code, text))
    if um.unverified and um.unit_code:
        unit_name = next((u.name for u in units if u.code == um.unit_code), um.unit_code)
        a.problems.append(unverified_sender_problem(msg.from_address or "", unit_name))
        a.review_reason = P.UNVERIFIED_SENDER
    elif um.unit_code is None:
        a.review_reason = "unknown_unit"
    elif any(f.needs_review for f in files if not f.attachment.problem):
        a.review_reason = "uncertain_type"
    return a


def _apply_rules(
    fa: FileAnalysis, att: Attachment, facts: DocumentFacts, campaign: Campaign, check_outline, check_summary
) -> None:
    """The plan's document rules; these need the full text or the layout, so re-inspect."""
    from bot.documents.inspect import inspect_document

    rules = campaign.rules
    if rules.outline and fa.deliverable == rules.outline.deliverable:
        full = inspect_document(att.data, att.filename, att.sniffed_type, need_full_text=True)
        if full.full_text or full.head_text:
            fa.problems.extend(check_outline(full.full_text or full.head_text, att.filename, campaign))
    if rules.summary and fa.deliverable == rules.summary.deliverable:
        laid = inspect_document(att.data, att.filename, att.sniffed_type, measure_layout=True)
        if laid.used_a4_fraction is not None:
            fa.problems.extend(check_summary(laid.used_a4_fraction, att.filename, campaign))


_ATTACHMENT_PROBLEMS_VI = {
    P.REFUSED_TYPE: "Tệp «{name}» thuộc loại không được chấp nhận (tệp chạy được, tập lệnh hoặc văn bản có macro).",
    P.TOO_LARGE: "Tệp «{name}» vượt quá dung lượng cho phép.",
    P.ARCHIVE_LIMIT: "Tệp nén «{name}» vượt giới hạn giải nén (số tệp, dung lượng hoặc độ sâu).",
    P.UNSUPPORTED_ARCHIVE: "Tệp nén «{name}» có định dạng hệ thống chưa đọc được; đề nghị gửi trực tiếp các tệp.",
    P.UNREADABLE_FILE: "Tệp «{name}» bị hỏng hoặc đặt mật khẩu nên không đọc được.",
}


def _attachment_problem_vi(att: Attachment) -> str:
    template = _ATTACHMENT_PROBLEMS_VI.get(att.problem or "", "Tệp «{name}» không xử lý được.")
    return template.format(name=att.filename)
