"""The plan's checks on what units sent, as pure functions returning :class:`Problem` lists.

Each problem carries a stable code (:class:`bot.vocabulary.ProblemCode`) and a Vietnamese message that
names the file, written for the unit's clerk and the Ban Tuyên giáo staff alike.  What is
checked comes from the campaign file (outline sections, summary length, quotas, which
documents each kind of nominee needs); nothing about this year's plan is written here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from bot.campaign.model import Campaign, Quota
from bot.campaign.problems import Problem
from bot.text import fold, fold_lines, nominee_key
from bot.vocabulary import ProblemCode, nominee_kind_vi


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_EDGE_SENSITIVE = ("(?!", "(?<!", "\\A", "\\Z")


@lru_cache(maxsize=256)
def _compiled_multiline(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def _any_line_matches(pattern: str, lines: list[str], joined: str) -> bool:
    """Whether ``pattern`` matches one of ``lines`` (each searched on its own).

    One MULTILINE search over the joined lines replaces thousands of per-line searches
    on a long report.  A pattern that finds nothing there finds nothing in any line; a
    hit is confirmed on its own line, and only a hit that cannot be confirmed (one that
    crossed a line break, e.g. through ``\\s``) falls back to the per-line search.
    Negative lookarounds and ``\\A``/``\\Z`` see a line's edge differently in the joined
    text, so such patterns are searched line by line from the start.
    """
    single = _compiled(pattern)
    if any(token in pattern for token in _EDGE_SENSITIVE):
        return any(single.search(line) for line in lines)
    m = _compiled_multiline(pattern).search(joined)
    if m is None:
        return False
    start = joined.rfind("\n", 0, m.start()) + 1
    end = joined.find("\n", m.start())
    if single.search(joined[start : end if end >= 0 else len(joined)]):
        return True
    return any(single.search(line) for line in lines)


def _decimal_vi(value: float, digits: int = 1) -> str:
    """0.8 → "0,8" (Vietnamese decimal comma)."""
    return f"{value:.{digits}f}".replace(".", ",")


def _fraction_vi(value: float) -> str:
    return "1/2" if value == 0.5 else _decimal_vi(value, 2 if round(value, 1) != value else 1)


# Words of a section title that say nothing on their own (folded).
_HEADING_STOP = frozenset({"va", "cua", "cac", "so", "trong", "ve", "viec"})
_HEADING_NUMBER = re.compile(r"^(?:[ivxl]+|\d+|[a-d])$")
HEADING_SHARE = 0.75  # of a title's words a short line must carry to count as its heading
HEADING_SLACK = 8  # words a heading line may have beyond its title's


def _heading_words(title: str) -> frozenset[str]:
    words = [w for w in fold(title).split() if not _HEADING_NUMBER.match(w)]
    return frozenset(w for w in words if w not in _HEADING_STOP)


def _heading_present(words: frozenset[str], lines: list[str]) -> bool:
    """A short line carrying most of the title's words: the heading, however it is numbered
    or misread.  OCR (Tesseract ``vie``) turns "III." into "IIl.", "lII", "1II." and drops or
    swaps marks ("đẳng" for "đảng", "chỉ" for "chi", which folding already forgives);
    the patterns of the campaign file then miss a heading a reader sees at once."""
    need = max(2, math.ceil(HEADING_SHARE * len(words)))
    limit = len(words) + HEADING_SLACK
    for i, line in enumerate(lines):
        tokens = line.split()
        if len(tokens) <= limit and len(words & set(tokens)) >= need:
            return True
        # A long heading wrapped by the page ("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN
        # KHAI THỰC HIỆN" / "KẾT LUẬN SỐ 01-KL/TW"): the line with the next, as one.
        if i + 1 < len(lines):
            both = tokens + lines[i + 1].split()
            if len(both) <= limit and len(words & set(both)) >= need:
                return True
    return False


def check_outline(full_text: str, filename: str, campaign: Campaign) -> list[Problem]:
    """``outline_section_missing`` when the KL01 report lacks sections of the plan's outline.

    A section is there when one of its patterns (campaign file) matches a line, or when a
    short line carries most of the words of its title (:func:`_heading_present`).
    """
    rule = campaign.rules.outline
    if rule is None:
        return []
    lines = fold_lines(_labels_apart(full_text))
    joined = "\n".join(lines)
    missing = [
        s.title
        for s in rule.sections
        if not any(_any_line_matches(p, lines, joined) for p in s.patterns)
        and not _heading_present(_heading_words(s.title), lines)
    ]
    if not missing:
        return []
    what = "mục" if len(missing) == 1 else "các mục"
    return [
        Problem(
            ProblemCode.OUTLINE_SECTION_MISSING,
            f"Báo cáo “{filename}” còn thiếu {what}: {'; '.join(missing)}. "
            f"Đề nghị bổ sung theo đề cương kèm theo Kế hoạch số {campaign.reference} và gửi lại.",
            filename,
        )
    ]


# "Ưu điểm: Cấp ủy quan tâm …": a short label opening a line, then its content.
_INLINE_LABEL = re.compile(r"^(\s*[^\W\d_][^:\n]{0,100}?):[ \t]+(?=\S)", re.MULTILINE)
# A label may be a whole heading ("Về công tác lãnh đạo, chỉ đạo triển khai Kết luận
# 01-KL/TW: …", "Nhiệm vụ, giải pháp thời gian tới; kiến nghị: …"); longer is prose.
_LABEL_WORDS = 14


def _labels_apart(text: str) -> str:
    """Put a label that opens a line ("Ưu điểm: …", "Hạn chế, khó khăn: …") on a line of its
    own, as a heading, so a report that writes its sections as inline labels has them found
    (folding drops the colon that tells a label from prose)."""
    return _INLINE_LABEL.sub(
        lambda m: m.group(1) + "\n" if len(m.group(1).split()) <= _LABEL_WORDS else m.group(0), text
    )


def check_summary(used_a4_fraction: float, filename: str, campaign: Campaign) -> list[Problem]:
    """``summary_too_long`` when the summary fills more of an A4 page than the plan allows."""
    rule = campaign.rules.summary
    if rule is None or used_a4_fraction <= rule.max_a4_fraction:
        return []
    # Two decimals only when one would round down to the limit itself ("0,5" for 0.52).
    digits = 2 if round(used_a4_fraction, 1) <= rule.max_a4_fraction else 1
    return [
        Problem(
            ProblemCode.SUMMARY_TOO_LONG,
            f"Bản tóm tắt thành tích “{filename}” dài khoảng {_decimal_vi(used_a4_fraction, digits)} trang A4, "
            f"vượt quá mức không quá {_fraction_vi(rule.max_a4_fraction)} trang A4 theo Kế hoạch số "
            f"{campaign.reference}. Đề nghị rút gọn và gửi lại.",
            filename,
        )
    ]


def _count_vi(n: int, kind: str) -> str:
    return f"{n:02d} {nominee_kind_vi(kind)}"


def quota_text(quota: Quota) -> str:
    """What a quota allows, in the plan's words: "01 tập thể và 01 cá nhân", "01 tập thể hoặc 01 cá nhân"."""
    parts = [_count_vi(getattr(quota, k), k) for k in ("tap_the", "ca_nhan") if getattr(quota, k)]
    if quota.total >= quota.tap_the + quota.ca_nhan:
        return " và ".join(parts) or "không đề nghị"
    if len(parts) == 2 and quota.total == 1:
        return " hoặc ".join(parts)
    return f"tổng cộng không quá {quota.total:02d} (trong đó {' và '.join(parts)})"


def check_quota(unit_kind: str, nominations: Iterable[tuple[str, str]], campaign: Campaign) -> list[Problem]:
    """``quota_exceeded`` when a unit proposes more nominees than its kind may."""

    kind = campaign.unit_kinds.get(unit_kind)
    if kind is None:
        return []
    nominations = list(nominations)
    q = kind.quota
    # Folding names is the costly part; duplicates can only lower the counts, so a unit
    # within its quota on raw counts (nearly all of them) needs no folding at all.
    raw = [k for k, _ in nominations]
    if raw.count("tap_the") <= q.tap_the and raw.count("ca_nhan") <= q.ca_nhan and len(raw) <= q.total:
        return []
    distinct: dict[tuple[str, str], str] = {}
    for k, name in nominations:
        distinct.setdefault((k, nominee_key(name)), name)
    by_kind = {k: [n for (kk, _), n in distinct.items() if kk == k] for k in ("tap_the", "ca_nhan")}
    if (
        len(by_kind["tap_the"]) <= q.tap_the
        and len(by_kind["ca_nhan"]) <= q.ca_nhan
        and len(distinct) <= q.total
    ):
        return []
    proposed = " và ".join(
        f"{_count_vi(len(names), k)} ({', '.join(names)})" for k, names in by_kind.items() if names
    )
    return [
        Problem(
            ProblemCode.QUOTA_EXCEEDED,
            f"Theo Kế hoạch số {campaign.reference}, mỗi {kind.name.lower()} đề nghị {quota_text(q)}; "
            f"đơn vị đã đề nghị {proposed}. Đề nghị đơn vị lựa chọn lại cho đúng số lượng.",
        )
    ]


def nomination_missing(kind: str, documents_present: set[str], campaign: Campaign) -> list[str]:
    """Deliverable ids a nominee of ``kind`` still lacks, in the campaign's order."""
    return [d.id for d in campaign.nominee_deliverables(kind) if d.id not in documents_present]  # type: ignore[arg-type]


def unreadable_problem(filename: str, detail: str) -> Problem:
    """``unreadable_file``; ``detail`` is the English log reason, only used to pick the wording."""
    low = (detail or "").lower()
    if "password" in low or "encrypt" in low:
        why = "được đặt mật khẩu"
    elif "legacy" in low or "font" in low or "encoding" in low:
        why = "dùng bảng mã phông chữ cũ không chuyển đổi được"
    elif "scan" in low or "ocr" in low or "image" in low:
        why = "là bản quét không nhận dạng được chữ"
    else:
        why = "bị hỏng hoặc có định dạng không đọc được"
    return Problem(
        ProblemCode.UNREADABLE_FILE,
        f"Tệp “{filename}” {why}. Đề nghị đơn vị gửi lại bản điện tử (.docx hoặc .pdf) đọc được.",
        filename,
    )


def unverified_sender_problem(address: str, unit_name: str) -> Problem:
    """``unverified_sender``: the mail names a unit but came from an address not registered to it."""
    sender = f"địa chỉ {address}" if address else "địa chỉ không xác định"
    return Problem(
        ProblemCode.UNVERIFIED_SENDER,
        f"Thư gửi từ {sender}, chưa được đăng ký là địa chỉ thư điện tử của {unit_name}; "
        "hồ sơ sẽ được cán bộ Ban Tuyên giáo xác minh trước khi ghi nhận.",
    )
