"""Which deliverable a file is: scored from its title lines, its filename and the mail subject.

The document's own title is the strongest evidence ("TỜ TRÌNH", "BÁO CÁO THÀNH TÍCH",
"QUYẾT ĐỊNH Về việc tặng Giấy khen"), so lines near the top of the title zone weigh most and
the rest of the text barely counts — the plan's own wording, quoted in many reports,
mentions nearly every keyword somewhere.  A negative keyword on the title line (or above
it) cancels a hit: "TÓM TẮT BÁO CÁO THÀNH TÍCH" is not a Báo cáo thành tích.  Filenames
help when informative and are simply silent when generic (``scan0001.pdf``); the subject
is weak because one mail usually carries several files.

Every keyword comes from the campaign file.  A keyword that also occurs inside another
deliverable's keyword ("khen thưởng" inside "đề nghị khen thưởng") is generic and counts half.
A deliverable named differently for each kind of nominee (the rating decision: of a party
member, of a party organisation) adds each kind's keywords; the kind whose words decided
is returned as ``kind_hint`` for the nominee resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.campaign.model import OTHER_PAPERS, Campaign, Deliverable
from bot.matching.zones import (
    document_title,
    document_zones,
    is_header_line,
    is_issuer_line,
    strip_subject_prefixes,
)
from bot.text import contains_phrase, fold

TITLE_WEIGHT = 3.0  # first line of the title zone; later lines decay
TITLE_DECAY = 0.88
TITLE_FLOOR = 0.8
BODY_WEIGHT = 0.3
FILENAME_WEIGHT = 1.5
SUBJECT_WEIGHT = 0.6
# bot.campaign.model.OTHER_PAPERS by their folded title line.
_OTHER_PAPERS = {fold(p): p for p in OTHER_PAPERS}
MIN_SCORE = 1.2  # less than one clear signal: ask staff
# A letter's number ("Số: 07-CV/CB") or its subject line ("V/v …") near the top.
_LETTER = re.compile(r"^\s*(?:S[ốo][:.\s]*\d+\s*[-–]\s*CV\s*/|V\s*/\s*v\b)", re.MULTILINE)
CLOSE_RATIO = 0.75  # runner-up this close to the winner: ask staff
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


@dataclass(frozen=True)
class TypeMatch:
    deliverable: str | None
    score: float  # 0..1, how sure the winner is
    needs_review: bool
    evidence: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # raw totals per deliverable
    kind_hint: str | None = None  # the kind of nominee whose own words named the type
    # The title says it is another paper ("BIÊN BẢN": the minutes of the meeting that chose
    # the nominees): none of the plan's documents, and nothing for staff to decide.
    other_paper: str | None = None
    # The document's own words (title or text) speak for the winner; False when only its
    # file name or the subject do.
    from_content: bool = False


@dataclass(frozen=True)
class _Keywords:
    positive: list[tuple[str, float]]  # (folded phrase, specificity)
    filename: list[str]
    negative: list[str]
    kinds: dict[str, str]  # folded phrase -> the nominee kind it belongs to (per_kind words)


def _all_keywords(d: Deliverable) -> tuple[list[str], list[str], dict[str, str]]:
    """(keywords, filename keywords, {folded phrase: kind}) including each kind's own."""
    keywords, filenames, kinds = list(d.keywords), list(d.filename_keywords), {}
    for kind, variant in d.per_kind.items():
        keywords += variant.keywords
        filenames += variant.filename_keywords
        for k in (*variant.keywords, *variant.filename_keywords):
            kinds[fold(k)] = kind
    return keywords, filenames, kinds


def _keywords(campaign: Campaign) -> dict[str, _Keywords]:
    every = {d.id: _all_keywords(d) for d in campaign.deliverables}
    folded = {did: {fold(k) for k in kws} - {""} for did, (kws, _, _) in every.items()}

    def spec(d: Deliverable, kw: str) -> float:
        # Short phrases inside another type's phrase ("khen thuong" in "de nghi khen thuong")
        # are generic; a long one ("bao cao thanh tich" in "tom tat bao cao thanh tich") is
        # a title in its own right, told apart by negative keywords.
        inside_other = any(
            kw != other and contains_phrase(other, kw)
            for oid, others in folded.items()
            if oid != d.id
            for other in others
        )
        return 0.5 if inside_other and len(kw.split()) <= 2 else 1.0

    return {
        d.id: _Keywords(
            [(k, spec(d, k)) for k in sorted(folded[d.id])],
            sorted({fold(k) for k in every[d.id][1]} - {""}),
            sorted({fold(k) for k in d.negative_keywords} - {""}),
            every[d.id][2],
        )
        for d in campaign.deliverables
    }


def _line_weight(i: int) -> float:
    return max(TITLE_FLOOR, TITLE_WEIGHT * TITLE_DECAY**i)


def _content(kw: _Keywords, title: list[str], body: list[str]) -> tuple[float, str | None, str | None]:
    """Best title hit (lines joined pairwise so two-line titles count), cut by negatives above it.

    Returns (value, note, the phrase that hit); a kind's own phrase wins a tie with a common one.
    """
    windows = [f"{line} {title[i + 1]}" if i + 1 < len(title) else line for i, line in enumerate(title)]
    best, best_i, note, hit = 0.0, -1, None, None
    for i, window in enumerate(windows):
        if is_issuer_line(title[i]):
            continue  # the issuer's name, and the line its name wraps onto, name no document
        for text in (title[i], window):  # the line itself first, for a readable note
            for phrase, spec in kw.positive:
                value = _line_weight(i) * spec
                better = value > best or (value == best and phrase in kw.kinds and hit not in kw.kinds)
                if better and contains_phrase(text, phrase):
                    best, best_i, hit = value, i, phrase
                    note = f"title line {i + 1} '{title[i][:60]}' has '{phrase}'"
    if best_i >= 0:
        # Only lines up to the hit can deny it: a later "tóm tắt" is just prose.
        for i in range(best_i + 1):
            if is_header_line(title[i]):
                continue  # the issuer's name may hold any word ("Đảng ủy Sở Kế hoạch và Đầu tư")
            for neg in kw.negative:
                if contains_phrase(title[i], neg):
                    return max(0.0, best - _line_weight(i)), f"{note}, but '{neg}' on line {i + 1}", hit
        if hit not in kw.kinds:
            # A kind's own words further down the title zone still say which kind it is.
            hit = next((p for p in kw.kinds for line in title if contains_phrase(line, p)), hit)
        return best, note, hit
    for line in body:
        for phrase, spec in kw.positive:
            if spec == 1.0 and contains_phrase(line, phrase):
                return BODY_WEIGHT, f"text has '{phrase}'", phrase
    return 0.0, None, None


def _filename(kw: _Keywords, name: str) -> tuple[float, str | None, str | None]:
    # "To trinh va BCTT.docx" holds two documents: judge each part on its own, so neither
    # part's words act as the other's negative keyword.
    best: tuple[float, str | None, str | None] = (0.0, None, None)
    for part in name.split(" va "):
        best = max(best, _filename_part(kw, part), key=lambda r: r[0])
    return best


def _filename_part(kw: _Keywords, name: str) -> tuple[float, str | None, str | None]:
    if not name:
        return 0.0, None, None
    if any(contains_phrase(name, neg) for neg in kw.negative):
        return 0.0, None, None
    tokens = name.split()
    # A kind's own words first: they say both what the file is and for which kind.
    for k in sorted(kw.filename, key=lambda k: k not in kw.kinds):
        # Single-token abbreviations may run into the name: "BCTTNguyenVanA".
        if contains_phrase(name, k) or (
            " " not in k and len(k) >= 4 and any(t.startswith(k) for t in tokens)
        ):
            return FILENAME_WEIGHT, f"filename has '{k}'", k
    for phrase, spec in sorted(kw.positive, key=lambda p: p[0] not in kw.kinds):
        if contains_phrase(name, phrase):
            return FILENAME_WEIGHT * spec, f"filename has '{phrase}'", phrase
    return 0.0, None, None


def _subject(kw: _Keywords, subject: str) -> tuple[float, str | None]:
    hits = [(spec, phrase) for phrase, spec in kw.positive if contains_phrase(subject, phrase)]
    hits += [(1.0, k) for k in kw.filename if contains_phrase(subject, k)]
    if not hits:
        return 0.0, None
    spec, phrase = max(hits)
    return SUBJECT_WEIGHT * spec, f"subject has '{phrase}'"


def classify(filename: str, subject: str, head_text: str, campaign: Campaign) -> TypeMatch:
    """Score every deliverable for one file; see the module docstring for the weighting."""
    title, body = document_zones(head_text or "")
    for i, line in enumerate(title[:6]):
        paper = _OTHER_PAPERS.get(fold(line))
        if paper is not None:
            why = f"title line {i + 1} '{line.strip()[:60]}': a {paper}, none of the plan's documents"
            return TypeMatch(None, 1.0, False, [why], {}, other_paper=paper)
    name = fold(_EXTENSION.sub("", filename or ""))
    subj = fold(strip_subject_prefixes(subject or ""))
    scores: dict[str, float] = {}
    notes: dict[str, list[str]] = {}
    kinds: dict[str, str | None] = {}
    spoken: dict[str, bool] = {}
    for did, kw in _keywords(campaign).items():
        total = 0.0
        content, from_name = _content(kw, title, body), _filename(kw, name)
        # A title hit a negative keyword cancelled still speaks for it (a header read out of
        # order puts "Kế hoạch số 120-KH/ĐUK" above the title).
        spoken[did] = content[2] is not None
        for value, note in (content[:2], from_name[:2], _subject(kw, subj)):
            total += value
            if note:
                notes.setdefault(did, []).append(f"{note} (+{value:.2f})")
        scores[did] = round(total, 3)
        kinds[did] = kw.kinds.get(content[2] or "") or kw.kinds.get(from_name[2] or "")

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (top, s1), s2 = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    if s1 <= 0:
        return TypeMatch(
            None, 0.0, True, ["no title, filename or subject keyword of any deliverable"], scores
        )
    evidence = [f"{n} → {top}" for n in notes.get(top, [])]
    needs_review = s1 < MIN_SCORE or s2 >= CLOSE_RATIO * s1
    if _LETTER.search(head_text or "") and document_title(head_text) is None:
        # "Số 07-CV/CB … V/v không đề nghị khen thưởng", no "TỜ TRÌNH" or "BÁO CÁO" heading:
        # a letter about the plan, none of its documents; what it stands for (no proposal,
        # a delay) staff say.  No type is guessed: it waits for them, owed to no slot.
        why = "a letter (công văn, 'V/v …'), none of the plan's documents: staff decide"
        return TypeMatch(None, 0.0, True, [*evidence, why], scores)
    if s1 < MIN_SCORE:
        evidence.append(f"score {s1:.2f} is below {MIN_SCORE}")
    if s2 >= CLOSE_RATIO * s1:
        runner = ranked[1][0]
        evidence += [f"{n} → {runner}" for n in notes.get(runner, [])]
        evidence.append(f"{top} ({s1:.2f}) and {runner} ({s2:.2f}) are too close")
    confidence = min(1.0, s1 / TITLE_WEIGHT) * (s1 - s2) / s1
    if kinds[top]:
        evidence.append(f"the words are those of a {kinds[top]} {top}")
    return TypeMatch(
        top, round(confidence, 3), needs_review, evidence, scores, kinds[top], from_content=spoken[top]
    )
