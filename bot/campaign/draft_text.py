"""The plan's text as paragraphs and sentences: what the drafter reads.

Readers give lines: a .docx one per paragraph, a PDF one per printed line (a paragraph
wrapped over several), a .txt converted from Markdown with ``**`` emphasis.
:func:`clean_lines` makes paragraphs of all three, :func:`sentences` cuts them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
HEADING = re.compile(r"^(?P<num>(?:[IVX]+|\d+(?:\.\d+)*))\s*[.)/-]\s*(?P<title>.+)$")


def clean_lines(text: str, wrapped: bool = False) -> list[str]:
    """Paragraphs, NFC, without Markdown emphasis; ``wrapped`` (a PDF, a scan): lines of one
    paragraph are joined again.  A line starting in lower case always continues the one above."""
    lines = []
    for raw in unicodedata.normalize("NFC", text).splitlines():
        line = re.sub(r"\*+", "", raw).replace("\u00a0", " ")
        line = re.sub(r"\s+", " ", line).strip()
        # Two numbered items a PDF reader put on one line ("… nguyên nhân.3. Bài học …").
        lines += [part for part in re.split(r"(?<=[a-zà-ỹđ][.])(?=\d+\.\s)", line) if part]
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line, wrapped):
            glue = "" if out[-1].endswith("-") and not out[-1].endswith(" -") else " "
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
    return out


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _continues(prev: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` is the rest of ``prev``'s paragraph (a line the PDF wrapped)."""
    if prev.endswith((".", ":", ";", "!", "?")) or line.startswith(("-", "–", "•", "+")):
        return False
    if HEADING.match(line) and not line[:1].islower():
        return False
    if _is_caps(line):  # a heading's second line, after a long heading line
        return wrapped and _is_caps(prev) and len(prev) >= 50
    if _is_caps(prev):  # "KẾ HOẠCH" above its subject line
        return False
    if line[:1].islower():
        return not (HEADING.match(prev) and len(prev) < 60)
    return wrapped and len(prev) >= 60


def sentences(line: str) -> list[str]:
    """A paragraph cut into sentences ("… năm 2017. Đối với …")."""
    parts = re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ(“\"])", line)
    return [p.strip(" -") for p in parts if p.strip(" -")]


def parse_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def sentence_case(title: str) -> str:
    """ "KẾT LUẬN SỐ 01-KL/TW" headings as written in the campaign file: "Kết luận số 01-KL/TW"."""
    if title.upper() != title:
        return title
    lowered = title.lower()
    lowered = re.sub(r"\d+-[a-zđ]+/[a-zđ]+", lambda m: m.group(0).upper(), lowered)
    lowered = re.sub(
        r"\b(kết luận|chỉ thị|nghị quyết|quy định|kế hoạch)(?= số)",
        lambda m: m.group(0).capitalize(),
        lowered,
    )
    lowered = re.sub(r"\bhồ chí minh\b", "Hồ Chí Minh", lowered)
    return lowered[:1].upper() + lowered[1:]


def heading(line: str) -> tuple[str, str] | None:
    m = HEADING.match(line)
    if not m:
        return None
    return m.group("num"), m.group("title").strip()
