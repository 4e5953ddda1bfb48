"""Drafting a campaign from the plan document itself: the plan's text in, a :class:`Draft` out.

A plan of this family (Kế hoạch … biểu dương, khen thưởng …; Plan 120-KH/ĐUK is the
model) says in ordinary sentences what the campaign file holds as data.  This module
reads those sentences and keeps, for every value, the sentence it came from:

* deadlines: a sentence that sends something to the office "trước ngày 28/02/2024"
  (``gửi … trước ngày``, ``chậm nhất ngày``); what is sent is the deadline's label;
* deliverables: the items of the dossier section ("Hồ sơ đề nghị khen thưởng"), one per
  document named in them (Tờ trình, Báo cáo thành tích theo Mẫu 07, bản tóm tắt …), per
  unit when the item names the units as its author, per nominee otherwise, and the
  report a deadline sentence sends by itself ("Báo cáo tình hình thực hiện Kết luận …");
* quotas: "Mỗi đảng bộ cơ sở lựa chọn, đề xuất 01 tập thể và 01 cá nhân";
* the summary rule: "bản tóm tắt thành tích không quá 1/2 trang A4";
* the report outline: the numbered headings of the attached "ĐỀ CƯƠNG BÁO CÁO"; the
  numbered items under a heading are sections of their own only when all of them are
  short titles with nothing written under them (III. 1. Ưu điểm … 3. Bài học …), not
  when they describe what to write (II. 1. Việc tổ chức nghiên cứu …);
* staff milestones: every other dated task ("Thời gian thực hiện trước ngày 01/6/2024").

Nothing here reads a file or the clock: :mod:`bot.commands.campaign` reads the document
(OCR for scans) and :mod:`bot.campaign.draft_toml` writes the TOML.  What is not found is
listed in :attr:`Draft.todos` for the operator.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from bot.campaign.draft_kinds import (
    KNOWN_SPELLINGS,
    RATING_VARIANTS,
    capitalised,
    deliverable_words,
    short_name,
    slug,
    unit_kind_name,
)
from bot.campaign.draft_model import (
    Draft,
    DraftDeadline,
    DraftDeliverable,
    DraftKindVariant,
    DraftMilestone,
    DraftSection,
    DraftUnitKind,
    Sourced,
)
from bot.campaign.draft_text import clean_lines, heading, parse_date, sentence_case, sentences
from bot.campaign.model import OTHER_PAPERS
from bot.campaign.outline_patterns import ROMAN, roman_index, section_patterns
from bot.text import fold, strip_marks

# A date that is a time limit, not the date of a cited document ("ngày 18/5/2021 của Bộ Chính trị").
_DUE = re.compile(
    r"(?:trước|chậm nhất(?: là)?(?: trước)?|hạn (?:chót|nộp)(?: là)?|thời gian(?: thực hiện| hoàn thành)?:?)"
    r"\s+(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})",
    re.IGNORECASE,
)
_SENT = re.compile(r"\b(?:gửi|nộp)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_QUOTA = re.compile(
    r"\bmỗi (?P<kind>[^,.;]{3,60}?)\s+(?:lựa chọn,?\s*|xét chọn,?\s*)?(?:đề xuất|đề nghị|giới thiệu)\s+"
    r"(?:không quá\s+|tối đa\s+)?(?P<n1>\d+)\s+(?P<k1>tập thể|cá nhân)"
    r"(?:\s+(?P<op>và|hoặc)\s+(?:không quá\s+|tối đa\s+)?(?P<n2>\d+)\s+(?P<k2>tập thể|cá nhân))?",
    re.IGNORECASE,
)
_HALF_PAGE = re.compile(
    r"tóm tắt[^.;]{0,60}?không quá\s+(\d+)\s*/\s*(\d+)\s+trang\s+(?:giấy\s+)?A4", re.IGNORECASE
)
_PAGE_FRACTION = re.compile(
    r"tóm tắt[^.;]{0,60}?không quá\s+(\d+(?:[.,]\d+)?)\s+trang\s+(?:giấy\s+)?A4", re.IGNORECASE
)
_DOC_NUMBER = re.compile(
    r"\b(Kết luận|Chỉ thị|Nghị quyết|Quy định|Kế hoạch|Hướng dẫn)\s+số\s+(\d+)\s*-\s*([A-ZĐ]+)/([A-ZĐ]+)"
)
_REFERENCE = re.compile(r"Kế hoạch số\s+(\d+\s*-\s*KH/[A-ZĐ]+)(?:,?\s*ngày\s+(\d{1,2}/\d{1,2}/\d{4}))?")


# -- the parts of the plan ----------------------------------------------------------------
def _outline_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if fold(line).startswith("de cuong"):
            return i
    return len(lines)


def _dossier_items(lines: list[str]) -> tuple[str | None, list[str]]:
    """The heading "Hồ sơ …" and the items under it, up to the next numbered heading."""
    for i, line in enumerate(lines):
        h = heading(line)
        if h and fold(h[1]).startswith("ho so"):
            items: list[str] = []
            for nxt in lines[i + 1 :]:
                if heading(nxt) and not nxt.startswith("-"):
                    break
                items.append(nxt.lstrip("-–• ").strip())
            return h[1].rstrip("."), items
    return None, []


@dataclass
class _Deliverables:
    found: list[DraftDeliverable] = field(default_factory=list)

    def add(self, d: DraftDeliverable) -> None:
        if all(x.id != d.id for x in self.found):
            self.found.append(d)


def _dossier(lines: list[str], dossier_deadline: str | None) -> list[DraftDeliverable]:
    heading, items = _dossier_items(lines)
    # "Hồ sơ đề nghị khen thưởng": the proposal is the "Tờ trình đề nghị khen thưởng".
    purpose = re.sub(r"^\s*hồ sơ\s*", "", heading or "", flags=re.IGNORECASE)
    out = _Deliverables()
    for item in items:
        for sentence in sentences(item):
            for name, scope, kinds in deliverable_words(sentence):
                d = _deliverable(name, scope, kinds, dossier_deadline, item, sentence)
                if d.role == "proposal" and purpose and fold(purpose) not in fold(d.name):
                    d = replace(d, name=f"{d.name} {purpose}")
                out.add(d)
    return out.found


def _deliverable(
    name: str, scope: str, kinds: tuple[str, ...], deadline: str | None, item: str, sentence: str
) -> DraftDeliverable:
    ident = slug(name)
    form = re.search(r"Mẫu\s+(?:số\s+)?(\d+)", item)
    decree = re.search(r"Nghị định\s+(?:số\s+)?(\d+/\d{4}/NĐ-CP)", item)
    role = None
    if scope == "unit" and ident == "to_trinh":
        role = "proposal"
    elif scope == "nominee" and ident == "bao_cao_thanh_tich":
        role = "achievement_report"
    full = name
    if form and role == "achievement_report":
        full = f"{name} (Mẫu {form.group(1)}" + (f", Nghị định {decree.group(1)})" if decree else ")")
    keywords, filename_keywords = _keywords(name, ident, form.group(1) if form and role else None)
    return DraftDeliverable(
        id=ident,
        name=full,
        short_name=short_name(name),
        scope=scope,
        deadline=deadline,
        nominee_kinds=kinds,
        role=role,
        keywords=keywords,
        filename_keywords=filename_keywords,
        negative_keywords=(),
        source=sentence,
    )


def _keywords(name: str, ident: str, form: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keywords with and without diacritics; file-name spellings (initials, joined words)."""
    base = _without_ban(name)
    plain = fold(base)
    words = [base.lower(), strip_marks(base).lower()]
    number = _DOC_NUMBER.search(name)
    filenames = [plain, plain.replace(" ", ""), plain.replace(" ", "_")]
    if number:
        kind, num, code, org = number.groups()
        cited = f"{kind} số {num}-{code}/{org}".lower()
        words += [cited, strip_marks(cited), f"{kind.lower()} {num}", f"{fold(kind)} {num}"]
        words += [f"{fold(code)}{num}", f"{fold(code)} {num}", strip_marks(f"{num}-{code}/{org}").lower()]
        head = " ".join(fold(name[: number.start()]).split()[:2])
        filenames = [
            f"{fold(code)}{num}",
            f"{fold(code)} {num}",
            f"{fold(kind)} {num}",
            f"{head} {fold(code)}",
        ]
    if form:
        words += [f"mẫu {form}", f"mau {form}", f"mẫu số {form}", f"mau so {form}"]
    initials = "".join(w[0] for w in plain.split() if w)
    if not number and len(initials) >= 3:
        filenames.append(initials)
    extra_words, extra_files = KNOWN_SPELLINGS.get(ident, ((), ()))
    words += extra_words
    filenames += extra_files
    return tuple(dict.fromkeys(w for w in words if w)), tuple(dict.fromkeys(f for f in filenames if f))


# The criteria for a collective: its party organisation must be rated "hoàn thành xuất sắc
# nhiệm vụ" — so a collective, too, sends a rating decision (its organisation's).
_ORG_RATED = re.compile(
    r"tổ chức đảng[^.;]{0,40}?(?:được )?(?:công nhận|xếp loại)[^.;]{0,60}?hoàn thành (?:xuất sắc|tốt)",
    re.IGNORECASE,
)


def _rating_per_kind(d: DraftDeliverable, plan: list[str]) -> DraftDeliverable:
    """The members' rating decision becomes one per kind when collectives must be rated too."""
    if not d.id.startswith("quyet_dinh_xep_loai") or d.nominee_kinds != ("ca_nhan",):
        return d
    rule = next((s for line in plan for s in sentences(line) if _ORG_RATED.search(s)), None)
    if rule is None:
        return d
    year = re.search(r"năm (\d{4})", d.source)
    suffix = f" năm {year.group(1)}" if year else ""
    variants = tuple(
        DraftKindVariant(kind, name + suffix, short, words, files, d.source if kind == "ca_nhan" else rule)
        for kind, (name, short, words, files) in sorted(RATING_VARIANTS.items())
    )
    return replace(
        d,
        name="Quyết định xếp loại chất lượng" + suffix,
        short_name="Quyết định xếp loại",
        nominee_kinds=("tap_the", "ca_nhan"),
        keywords=("xếp loại chất lượng", "xep loai chat luong", "đánh giá, xếp loại", "danh gia xep loai"),
        filename_keywords=("qdxl", "xep loai", "xeploai", "qd xep loai"),
        source=f"{d.source} … {rule}",
        per_kind=variants,
    )


def _without_ban(name: str) -> str:
    """ "Bản tóm tắt thành tích" → "tóm tắt thành tích": the document, not the copy."""
    return name[4:] if name.lower().startswith("bản ") else name


def _with_negatives(found: list[DraftDeliverable]) -> list[DraftDeliverable]:
    """Each deliverable argues against the others' head words (Tờ trình vs Báo cáo …)."""
    out = []
    for d in found:
        own = fold(d.short_name)
        others = []
        for o in found:
            written = " ".join(_without_ban(o.short_name).lower().split()[:2])
            head = fold(written)
            if o.id != d.id and head not in own:
                others += [written, strip_marks(written)]
        others += [w for p in OTHER_PAPERS if fold(p) not in own for w in (p, strip_marks(p))]
        out.append(replace(d, negative_keywords=tuple(dict.fromkeys(others))))
    return out


# -- deadlines and milestones ---------------------------------------------------------------
_DOC_START = re.compile(r"^(?:hồ sơ|tờ trình|báo cáo|bản|quyết định|biên bản|danh sách)\b", re.IGNORECASE)
_SENT_WHAT = re.compile(
    r"\b(?:gửi|nộp)\s+(?:về\s+)?(?P<what>.+?)\s+(?:về|đến|tới|qua|cho|trước|chậm nhất|hạn)\b", re.IGNORECASE
)


def _sent_subject(sentence: str) -> str | None:
    """What a deadline sentence sends: "Hồ sơ đề nghị khen thưởng gửi về …" → "Hồ sơ đề nghị khen thưởng"."""
    sent = _SENT.search(sentence)
    if sent is None:
        return None
    before = re.sub(r"^(?:[-–•]\s*|\d+(?:\.\d+)*\.?\s+)", "", sentence[: sent.start()]).strip(" ,:")
    if _DOC_START.match(before):
        return capitalised(before)
    m = _SENT_WHAT.search(sentence)
    if m and _DOC_START.match(m.group("what")):
        return capitalised(m.group("what").strip(" ,"))
    return None


def _paragraph_dates(lines: list[str]) -> list[tuple[dt.date, str, str]]:
    """(date, the sentence naming the task, the sentence giving the date) of every time limit."""
    out = []
    for line in lines:
        said = sentences(line)
        for i, s in enumerate(said):
            for m in _DUE.finditer(s):
                date = parse_date(m.group(1))
                if date is None:
                    continue
                task = s
                if fold(s[: m.start()]).strip() in ("", "thoi gian", "thoi gian thuc hien") and i > 0:
                    task = said[i - 1]
                out.append((date, task, s if task is s else f"{task} {s}"))
    return out


def _label(task: str, words: int = 14) -> str:
    task = re.sub(r"^(?:[-–•]\s*|Giao\s+)", "", task).strip()
    cut = task.split()
    text = " ".join(cut[:words])
    return capitalised(text.rstrip(".,;:") + ("…" if len(cut) > words else ""))


# -- quotas, summary, outline ---------------------------------------------------------------
def _quotas(lines: list[str]) -> list[DraftUnitKind]:
    kinds: dict[str, DraftUnitKind] = {}
    for line in lines:
        for s in sentences(line):
            for m in _QUOTA.finditer(s):
                ident, name = unit_kind_name(m.group("kind"))
                counts = {"tap_the": 0, "ca_nhan": 0}
                n1 = int(m.group("n1"))
                counts[fold(m.group("k1")).replace(" ", "_")] = n1
                total = n1
                if m.group("n2"):
                    n2 = int(m.group("n2"))
                    counts[fold(m.group("k2")).replace(" ", "_")] = n2
                    total = n1 + n2 if m.group("op").lower() == "và" else max(n1, n2)
                kinds.setdefault(
                    ident, DraftUnitKind(ident, name, counts["tap_the"], counts["ca_nhan"], total, s)
                )
    return list(kinds.values())


def _summary(lines: list[str]) -> Sourced | None:
    for line in lines:
        for s in sentences(line):
            m = _HALF_PAGE.search(s)
            if m and int(m.group(2)):
                return Sourced(repr(int(m.group(1)) / int(m.group(2))), s)
            m = _PAGE_FRACTION.search(s)
            if m:
                return Sourced(repr(float(m.group(1).replace(",", "."))), s)
    return None


def _outline(lines: list[str]) -> tuple[str, list[DraftSection], list[DraftSection]]:
    """(the outline's title, its required sections, the sub-items that only say what to write)."""
    start = _outline_start(lines)
    body = lines[start + 1 :]
    title_lines: list[str] = []
    for line in body:
        if heading(line) or fold(line).startswith(("thuc hien", "can cu")):
            break
        title_lines.append(line)
    parsed = [(heading(line), line) for line in body]
    required: list[DraftSection] = []
    other: list[DraftSection] = []
    i = top = 0
    while i < len(parsed):
        head, line = parsed[i]
        if head is None or not roman_index(head[0]):
            i += 1
            continue
        # The parts of an outline are numbered I, II, III … in order: a numeral OCR misread
        # ("II." for "III.") is restored from its place (the quote shows what was read).
        top += 1
        numeral, text = ROMAN[top - 1] if top <= len(ROMAN) else head[0], head[1]
        title = f"{numeral}. {sentence_case(text.rstrip('.'))}"
        required.append(DraftSection(numeral, title, section_patterns(None, numeral, text), line))
        children: list[tuple[str, str, str, bool]] = []
        j = i + 1
        while j < len(parsed) and not (parsed[j][0] and roman_index(parsed[j][0][0])):  # type: ignore[index]
            sub = parsed[j][0]
            if sub and sub[0].isdigit():
                has_body = j + 1 < len(parsed) and parsed[j + 1][0] is None
                children.append((sub[0], sub[1].rstrip("."), parsed[j][1], has_body))
            j += 1
        headings_only = bool(children) and all(not b and len(t.split()) <= 12 for _, t, _, b in children)
        for number, text, src, _ in children:
            section = DraftSection(
                f"{numeral}.{number}",
                f"{numeral}.{number}. {sentence_case(text)}",
                section_patterns(numeral, number, text),
                src,
            )
            (required if headings_only else other).append(section)
        i = j
    return " ".join(title_lines), required, other


# -- the whole plan ---------------------------------------------------------------------------
def _title(lines: list[str]) -> Sourced | None:
    for i, line in enumerate(lines):
        if fold(line) == "ke hoach":
            rest: list[str] = []
            for nxt in lines[i + 1 : i + 8]:
                if heading(nxt) or fold(nxt).startswith(("thuc hien", "can cu", "de ")) and rest:
                    break
                rest.append(nxt)
            text = " ".join(rest).strip()
            return Sourced(f"Kế hoạch {text}", " ".join([line, *rest])) if text else None
    return None


def _issuer(text: str) -> Sourced | None:
    m = re.search(r"(Đảng ủy Khối[^,.;()]*?(?:tỉnh|thành phố|Trung ương))", text)
    if not m:
        return None
    province = re.search(r"Tỉnh ủy ((?:[A-ZĐ][\wÀ-ỹ]+\s?){1,3})", text)
    value = m.group(1) + (" " + province.group(1).strip() if province else "")
    source = m.group(0) + (f" … Tỉnh ủy {province.group(1).strip()}" if province else "")
    return Sourced(value, source)


def draft_campaign(text: str, *, wrapped: bool = False) -> Draft:
    """Read a plan's text (any of the bot's readers' output) into a :class:`Draft`.

    ``wrapped``: the text comes from a PDF or a scan, one line per printed line.
    """
    lines = clean_lines(text, wrapped)
    plan = lines[: _outline_start(lines)]
    todos: list[str] = []

    deadlines: list[DraftDeadline] = []
    dossier_deadline: str | None = None
    reports: list[DraftDeliverable] = []
    used: set[int] = set()
    dated = _paragraph_dates(plan)
    for k, (date, task, source) in enumerate(dated):
        subject = _sent_subject(task)
        if subject is None:
            continue
        used.add(k)
        ident = slug(subject)
        if any(d.id == ident for d in deadlines):
            continue
        deadlines.append(DraftDeadline(ident, date, subject, source))
        if fold(subject).startswith("ho so"):
            dossier_deadline = dossier_deadline or ident
        else:
            spelled = _deliverable(subject, "unit", (), ident, task, source)
            reports.append(replace(spelled, short_name=short_name(subject)))
    if not deadlines:
        todos.append("hạn nộp: không tìm thấy câu nào gửi hồ sơ/báo cáo “trước ngày …”")

    found = [_rating_per_kind(d, plan) for d in _dossier(plan, dossier_deadline)]
    if found and dossier_deadline is None:
        todos.append("hạn nộp hồ sơ: các tài liệu của hồ sơ chưa gắn với hạn nộp nào")
    deliverables = _with_negatives(found + [r for r in reports if all(r.id != d.id for d in found)])
    if not deliverables:
        todos.append("tài liệu phải nộp: không tìm thấy mục “Hồ sơ …” hay báo cáo có hạn nộp")

    milestones: dict[dt.date, DraftMilestone] = {}
    for k, (date, task, source) in enumerate(dated):
        if k in used:
            continue
        m = milestones.get(date)
        label = _label(task)
        if m is None:
            milestones[date] = DraftMilestone(date, label, source)
        elif label not in m.label:
            milestones[date] = DraftMilestone(date, f"{m.label}; {label}", f"{m.source} {source}")
    for line in plan:
        month = re.search(r"Thời gian[^:]*:\s*Trong tháng\s*(\d{1,2}/\d{4})", line)
        if month:
            todos.append(f"mốc chỉ có tháng, chưa có ngày: “{line}”")

    unit_kinds = _quotas(plan)
    if not unit_kinds:
        todos.append("số lượng đề nghị: không tìm thấy câu “Mỗi … đề xuất …”")
    summary = _summary(plan)
    summary_deliverable = next((d.id for d in deliverables if "tom_tat" in d.id), None)
    outline_title, sections, other = _outline(lines)
    outline_deliverable = _outline_target(outline_title, deliverables) if sections else None
    if sections and outline_deliverable is None:
        todos.append("đề cương: không rõ đề cương áp dụng cho báo cáo nào")
    if not sections:
        todos.append("đề cương báo cáo: không tìm thấy phần “ĐỀ CƯƠNG …” có các mục I, II, …")

    full = "\n".join(lines)
    ref = _REFERENCE.search(full)
    address = next((s for line in plan for s in sentences(line) if _EMAIL.search(s)), None)
    return Draft(
        title=_title(plan),
        reference=Sourced(re.sub(r"\s+", "", ref.group(1)), ref.group(0)) if ref else None,
        issued=Sourced(ref.group(2), ref.group(0)) if ref and ref.group(2) else None,
        issuer=_issuer(full),
        intake_address=Sourced(_EMAIL.findall(address)[0], address) if address else None,
        deadlines=tuple(deadlines),
        deliverables=tuple(deliverables),
        unit_kinds=tuple(unit_kinds),
        summary=summary if summary_deliverable else None,
        summary_deliverable=summary_deliverable if summary else None,
        outline_deliverable=outline_deliverable,
        outline=tuple(sections),
        outline_other=tuple(other),
        milestones=tuple(sorted(milestones.values(), key=lambda m: m.date)),
        todos=tuple(todos),
    )


def _outline_target(title: str, deliverables: list[DraftDeliverable]) -> str | None:
    """The report the outline is for: the one citing the same document, else the only report."""
    cited = _DOC_NUMBER.search(title)
    reports = [d for d in deliverables if d.scope == "unit" and fold(d.short_name).startswith("bao cao")]
    if cited:
        for d in reports:
            if cited.group(0) in d.name or slug(f"Báo cáo {cited.group(0)}").endswith(d.id[-4:]):
                return d.id
    return reports[0].id if len(reports) == 1 else None
