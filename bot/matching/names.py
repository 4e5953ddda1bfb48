"""Finding unit names in free text: the phrase index behind :func:`bot.matching.units.match_unit`.

Each unit contributes its official name, its aliases and their "core" (the name without a
leading "Đảng bộ"/"Đảng ủy"/"Chi bộ"), all folded.  A phrase is found only on whole-token
boundaries, and when two units' phrases overlap the longer one wins, so "Sở Y tế dự phòng"
would never count for "Sở Y tế".  Phrases that name the superior body or are too short to
identify anyone are never indexed: "Đảng bộ Khối các cơ quan tỉnh" heads every document.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.campaign.units import UnitInfo
from bot.text import fold

# Organisational prefixes that say what kind of body, not which one.
_PREFIXES = (
    "ban chap hanh dang bo",
    "ban thuong vu dang uy",
    "ban chap hanh",
    "ban thuong vu",
    "dang bo",
    "dang uy",
    "chi bo",
)
# Names of the Bloc itself and of national bodies: present in every header, never a unit.
GENERIC_PHRASES = frozenset(
    fold(p)
    for p in (
        "Đảng bộ Khối các cơ quan tỉnh",
        "Đảng ủy Khối các cơ quan tỉnh",
        "Khối các cơ quan tỉnh",
        "Đảng bộ Khối",
        "Đảng ủy Khối",
        "Ban Tuyên giáo",
        "Ban Tuyên giáo Đảng ủy Khối",
        "Văn phòng Đảng ủy Khối",
        "Tỉnh ủy Thái Nguyên",
        "Đảng Cộng sản Việt Nam",
        "Ban Thường vụ",
        "cơ quan tỉnh",
        "Thái Nguyên",
    )
)
MIN_TOKENS = 2


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]
    unit_code: str
    display: str  # as written in the units file, for evidence

    @property
    def specificity(self) -> float:
        """Longer phrases identify a unit more surely: 2 tokens 0.7, 5 and more 1.0."""
        return min(1.0, 0.5 + 0.1 * len(self.tokens))


@dataclass(frozen=True)
class Hit:
    phrase: Phrase
    start: int
    end: int  # token span [start, end)


def _core(folded: str) -> str:
    for prefix in _PREFIXES:
        if folded.startswith(prefix + " "):
            return folded[len(prefix) + 1 :]
    return folded


def _shown(written: str, folded: str) -> str:
    """The words of ``written`` that fold to ``folded`` ("Đảng bộ Sở Y tế" → "Sở Y tế" for a core)."""
    words = written.split()
    for skip in range(len(words)):
        if fold(" ".join(words[skip:])) == folded:
            return " ".join(words[skip:])
    return written


def build_index(units: list[UnitInfo]) -> list[Phrase]:
    """All usable phrases; a phrase two units share cannot tell them apart and is dropped.

    The index depends only on the units' names and aliases; intake asks for it once per
    mail with the same units, so the last one built is kept.
    """
    key = tuple((u.code, u.name, u.aliases) for u in units)
    cached = _LAST_INDEX.get(key)
    if cached is None:
        cached = _build_index(units)
        _LAST_INDEX.clear()
        _LAST_INDEX[key] = cached
    return cached


class PhraseIndex(list[Phrase]):
    """The phrases, plus the same phrases grouped by their first token (read-only)."""

    def __init__(self, phrases: list[Phrase]) -> None:
        super().__init__(phrases)
        self.by_first: dict[str, list[tuple[int, Phrase]]] = {}
        for i, p in enumerate(phrases):
            self.by_first.setdefault(p.tokens[0], []).append((i, p))


_LAST_INDEX: dict[tuple[tuple[str, str, tuple[str, ...]], ...], PhraseIndex] = {}


def _build_index(units: list[UnitInfo]) -> PhraseIndex:
    owners: dict[str, set[str]] = {}
    display: dict[tuple[str, str], str] = {}
    for u in units:
        for written in (u.name, *u.aliases):
            folded = fold(written)
            for candidate in {folded, _core(folded)}:
                if len(candidate.split()) < MIN_TOKENS or candidate in GENERIC_PHRASES:
                    continue
                owners.setdefault(candidate, set()).add(u.code)
                display.setdefault((candidate, u.code), _shown(written, candidate))
    return PhraseIndex(
        [
            Phrase(tuple(text.split()), next(iter(codes)), display[(text, next(iter(codes)))])
            for text, codes in owners.items()
            if len(codes) == 1
        ]
    )


def find_phrases(folded_text: str, index: list[Phrase]) -> list[Hit]:
    """Occurrences of indexed phrases; one inside a longer phrase of another unit is dropped."""
    tokens = folded_text.split()
    if not tokens or not index:
        return []
    positions: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        positions.setdefault(tok, []).append(i)
    hits: list[Hit] = []
    by_first = getattr(index, "by_first", None)
    # Only the phrases that start with a token of this text (usually none of them).
    candidates = (
        [p for _, p in sorted(ip for tok in positions for ip in by_first.get(tok, ()))]
        if by_first is not None
        else index
    )
    for phrase in candidates:
        n = len(phrase.tokens)
        for i in positions.get(phrase.tokens[0], ()):
            if tuple(tokens[i : i + n]) == phrase.tokens:
                hits.append(Hit(phrase, i, i + n))
    return [
        h
        for h in hits
        if not any(
            o.phrase.unit_code != h.phrase.unit_code
            and o.start <= h.start
            and h.end <= o.end
            and (o.end - o.start) > (h.end - h.start)
            for o in hits
        )
    ]
