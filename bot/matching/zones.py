"""Cutting mail bodies and documents into the zones the matchers weigh differently.

A body is the sender's own lines, the signature (its last lines) and any forwarded mail;
quoted replies (``>`` lines, everything after "... wrote:") are dropped because they
mostly quote the bot itself.  A document is its two-column Party header, its title zone
(the first lines after the header: "TỜ TRÌNH", "BÁO CÁO THÀNH TÍCH", "QUYẾT ĐỊNH Về việc
…") and the rest.
"""

from __future__ import annotations

import re

from bot.text import fold

SIGNATURE_LINES = 6
HEADER_SCAN_LINES = 12  # the Party header never runs longer than this
TITLE_ZONE_LINES = 15

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|tl|tr|aw|wg|sv|vs|trả lời|chuyển tiếp|chuyen tiep|tra loi)\s*(?:\[\d+\])?\s*[:：]|\[[^\]]*\])\s*",
    re.IGNORECASE,
)
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{3,}\s*(?:forwarded message|original message|thư chuyển tiếp|thư gốc)\s*-{3,}|begin forwarded message:)",
    re.IGNORECASE,
)
_REPLY_MARK = re.compile(r"(?:wrote|đã viết|viết)\s*:\s*$", re.IGNORECASE)
# Folded lines naming the document's issuer (a committee, a cell, a mass organisation).
_ISSUER_WORDS = (
    r"dang bo|dang uy|chi bo|ban chap hanh|ban thuong vu|ban tuyen giao|tinh uy|hoi |cong doan|"
    r"doan |uy ban nhan dan"
)
# Folded lines of the two-column header: issuing body, motto, number, place and date.
_HEADER = re.compile(
    rf"^(?:{_ISSUER_WORDS}|dang cong san viet nam|cong hoa xa hoi chu nghia|doc lap tu do|so |"
    r"thai nguyen ngay|ngay \d|kinh gui)"
)


# A Party document's symbol as OCR reads it: its slash taken for a letter or a digit
# ("01-KL/TW" → "01-KLITW", "01-KL1TW"; "120-KH/ĐUK" → "120-KHlĐUK").  The halves are the
# document's type and its issuer; with the slash back, the symbol reads as written.
_OCR_SYMBOL = re.compile(r"\b(KL|CT|NQ|QĐ|KH|BC|HD|TB|TTr|CV)[Il1|](TW|ĐUK|ĐU|TU|CB)\b")


def repair_ocr_symbol(line: str) -> str:
    """``"Kết luận số 01-KLITW"`` → ``"Kết luận số 01-KL/TW"`` (an unfolded line)."""
    return _OCR_SYMBOL.sub(r"\1/\2", line)


def strip_subject_prefixes(subject: str) -> str:
    """``"Fwd: TL: [Ext] Báo cáo"`` → ``"Báo cáo"``."""
    previous = None
    while previous != subject:
        previous, subject = subject, _SUBJECT_PREFIX.sub("", subject, count=1)
    return subject.strip()


def body_parts(body: str) -> tuple[list[str], list[str], list[str]]:
    """(own lines, signature lines, forwarded lines) of a plain-text body; non-empty lines only."""
    own: list[str] = []
    forwarded: list[str] = []
    target = own
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if _FORWARD_MARK.match(stripped):
            target = forwarded
            continue
        if _REPLY_MARK.search(stripped) and target is own:
            break
        if stripped and stripped not in ("--", "-- "):
            target.append(stripped)
    cut = max(0, len(own) - SIGNATURE_LINES)
    return own[:cut], own[cut:], forwarded


def header_lines(text: str, limit: int = 8) -> tuple[list[str], list[str]]:
    """(first ``limit`` non-empty lines, the remaining non-empty lines) of a document."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[:limit], lines[limit:]


# The words a document's title starts with (folded): what kind of paper it says it is.
_HEADINGS = (
    "bao cao", "to trinh", "quyet dinh", "tom tat", "ke hoach", "thong bao", "cong van",
    "nghi quyet", "chuong trinh", "bien ban", "giay moi", "huong dan", "phu luc",
)  # fmt: skip
TITLE_CHARS = 120


def document_title(text: str) -> str | None:
    """The document's own title as written ("BÁO CÁO Kết quả công tác tuyên giáo năm 2023"):
    its heading line after the Party header and the line under it, or None."""
    lines = [ln.strip() for ln in (text or "").splitlines() if len(fold(ln)) > 1]
    for i, line in enumerate(lines[: HEADER_SCAN_LINES + 4]):
        folded = fold(line)
        if _HEADER.match(folded) and i < HEADER_SCAN_LINES:
            continue
        if any(folded == h or folded.startswith(f"{h} ") for h in _HEADINGS):
            under = lines[i + 1] if i + 1 < len(lines) and folded in _HEADINGS else ""
            return " ".join(f"{line} {under}".split())[:TITLE_CHARS]
    return None


# The issuer's own name in the letterhead ("CHI BỘ BAN THI ĐUA - KHEN THƯỞNG TỈNH"): it may
# hold any word, a deliverable's among them, and never says what the document is.
_ISSUER = re.compile(rf"^(?:{_ISSUER_WORDS})")


def is_issuer_line(folded: str) -> bool:
    """A folded line naming the document's issuer (a committee, a cell, a mass organisation)."""
    return bool(_ISSUER.match(folded))


def is_header_line(folded: str) -> bool:
    """A folded line of the Party header (issuer, motto, number, place and date)."""
    return bool(_HEADER.match(folded))


_CITES = ("can cu ", "xet de nghi ")
# What follows a decision's grounds: its own words.
_AFTER_GROUNDS = ("quyet dinh", "dieu ", "nay ", "theo de nghi")


def document_zones(text: str) -> tuple[list[str], list[str]]:
    """(title zone, body) as folded lines, with the Party header skipped.

    The title zone is the first :data:`TITLE_ZONE_LINES` folded lines that are not header
    lines; header lines are only looked for near the top, where they live.  A decision's
    grounds ("- Căn cứ Quy định số 124-QĐ/TW … về kiểm điểm và đánh giá, xếp loại …", with
    the lines they wrap onto) cite other documents' titles, not its own: they go to the
    body.
    """
    title: list[str] = []
    body: list[str] = []
    citing = False
    kept = 0
    for raw in (text or "").splitlines():
        line = fold(repair_ocr_symbol(raw))
        if len(line) <= 1:
            continue
        kept += 1
        if kept <= HEADER_SCAN_LINES and not title and _HEADER.match(line):
            continue
        if line.startswith(_CITES):
            citing = True
        elif citing and (raw.lstrip().startswith(("-", "+", "•")) or line.startswith(_AFTER_GROUNDS)):
            citing = False
        (body if citing or len(title) >= TITLE_ZONE_LINES else title).append(line)
    return title, body
