"""Patterns that find an outline heading in a report, written from the heading's own words.

The outline rule (:func:`bot.campaign.rules.check_outline`) runs each section's patterns
over folded lines (lower case, no diacritics, punctuation as spaces).  A heading is found
either by its number and first words ("III. Đánh giá chung", "Phần thứ ba: đánh giá …",
"3. Đánh giá …") or by a short line carrying its first words alone.  Used by the
campaign drafter; the same shapes as the hand-written patterns of the 2024 campaign.
"""

from __future__ import annotations

from bot.text import fold

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_ROMAN = tuple(r.lower() for r in ROMAN)
_ORDINAL = ("nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi")
_LETTERS = "abcdefghik"
_FILLER = {"ve", "nhung", "cac", "viec"}


def _words(title: str, n: int) -> list[str]:
    words = [w for w in fold(title).split() if w not in _FILLER]
    return words[:n]


def roman_index(numeral: str) -> int:
    """1-based position of a Roman numeral I–X; 0 when it is not one."""
    low = numeral.lower()
    return _ROMAN.index(low) + 1 if low in _ROMAN else 0


def section_patterns(parent: str | None, number: str, title: str) -> tuple[str, ...]:
    """Patterns for heading ``number`` (Roman, or a digit under Roman ``parent``) titled ``title``."""
    first2 = r"\s+".join(_words(title, 2))
    if parent is None:
        # A top heading's first words recur in numbered items elsewhere ("1. Công tác
        # tuyên truyền"), so one more word is asked for.
        first3 = r"\s+".join(_words(title, 3))
        first4 = r"\s+".join(_words(title, 4))
        i = roman_index(number)
        # Units number the parts I-IV, 1-4 or A-D ("A. LÃNH ĐẠO, CHỈ ĐẠO").
        marks = f"{number.lower()}|{i}|{_LETTERS[i - 1]}"
        numbered = rf"^(?:phan\s+thu\s+{_ORDINAL[i - 1]}|(?:phan\s+)?(?:{marks}))\s+{first3}"
        return numbered, rf"^{first4}.{{0,80}}$"
    p = roman_index(parent)
    n = int(number)
    letter = _LETTERS[n - 1] if 0 < n <= len(_LETTERS) else str(n)
    numbered = rf"^(?:(?:{parent.lower()}|{p})\s+)?(?:{n}|{letter})\s+(?:ve\s+)?(?:nhung\s+)?{first2}"
    return numbered, rf"^(?:nhung\s+)?{first2}.{{0,60}}$"
