"""Finding a known nominee's whole name in a document's text as OCR leaves it (pure).

A decision scanned by the unit lists its people in a table, and Tesseract reads a row
the way a scanner leaves it: a letter lost at a cell's edge ("ường Thị Hoa" for "Lường
Thị Hoa"), two words glued ("Chibộ"), a long name wrapped inside its cell so that its last word comes on the next
line, after the other columns ("Chi bộ Phòng Quản lý ngân | Chi bộ trực thuộc … /
sách").  A staff member reads both as the name.  :func:`find_name` does the same for
one name the unit is known to propose, over the document's folded lines
(:func:`bot.text.fold_lines`, words single-spaced), and says how it found it.  Only
names of three words or more are looked for: shorter ones are too common to be told
apart from the text around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WHOLE = "the whole name"
ONE_LETTER_OFF = "the whole name, one letter misread"
WRAPPED = "the whole name, its last words on the next line (a wrapped table cell)"

MIN_WORDS = 3
# Words OCR glues where the cell's border ate the space ("Chibộ Phòng …").
_GLUED = re.compile(r"\b(chi|dang|dong)(bo|chi)\b")
# A word this short may be another word with one letter changed ("thi"/"thu"): only
# longer words may be misread.
_MIN_MISREAD_LETTERS = 4


def find_name(name_words: Sequence[str], lines: Sequence[str]) -> str | None:
    """How the name (folded words) occurs in ``lines`` (folded, single-spaced), or None."""
    words = list(name_words)
    if len(words) < MIN_WORDS:
        return None
    lines = [_GLUED.sub(r"\1 \2", line) for line in lines]
    joined = f" {' '.join(lines)} "
    if f" {' '.join(words)} " in joined:
        return WHOLE
    tokens = joined.split()
    n = len(words)
    for start in range(len(tokens) - n + 1):
        if _one_letter_off(words, tokens[start : start + n]):
            return ONE_LETTER_OFF
    if _wrapped(words, lines):
        return WRAPPED
    return None


def _one_letter_off(words: Sequence[str], window: Sequence[str]) -> bool:
    """The window is the name with exactly one long word misread by one letter."""
    misread = 0
    for want, got in zip(words, window, strict=True):
        if want == got:
            continue
        if len(want) < _MIN_MISREAD_LETTERS or not _one_edit(want, got):
            return False
        misread += 1
        if misread > 1:
            return False
    return misread == 1


def _one_edit(a: str, b: str) -> bool:
    """``b`` is ``a`` with one letter lost, added or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _wrapped(words: Sequence[str], lines: Sequence[str]) -> bool:
    """The name's first words (at least three) on one line, and its remaining words
    opening the next line: a table cell too narrow for it."""
    for k in range(len(lines) - 1):
        line = f" {lines[k]} "
        following = lines[k + 1].split()
        for cut in range(MIN_WORDS, len(words)):
            head, tail = words[:cut], words[cut:]
            if f" {' '.join(head)} " in line and following[: len(tail)] == tail and _has_letters(tail):
                return True
    return False


def _has_letters(words: Sequence[str]) -> bool:
    """Not only a number: "1" opening the next line is more likely the next row's."""
    return any(not w.isdigit() for w in words)
