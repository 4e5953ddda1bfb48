"""Nominee names: one key per nominee however it is written, and which nominee a name means.

A unit's nominee is written many ways across one dossier: "Chi bộ Phòng Kiểm tra thuế số
1" in the Tờ trình, "CB P. Kiem tra thue so 1" or "Chi bo Phong Kiem tra thue so" (the
digit lost) in a file name, "đ/c NGUYỄN VĂN AN" or "Nguyen Van An" for a person.
:func:`bot.text.nominee_key` folds case, diacritics, spacing and honorifics and expands
the usual abbreviations (CB → chi bộ, P. → phòng, ĐB → đảng bộ): equal keys are one
nominee.
:func:`candidates` goes further for a name that is not equal to any nominee's: the same
name without its trailing number ("… số 1" / "… số"), a name whose words are all in
one nominee's name (a file name that dropped words), a near spelling (one letter off: a
lost diacritic, an OCR slip).  Each way has a score; the caller decides with the scores
of the other evidence (:mod:`bot.matching.dossier`).

:func:`plausible` keeps fragments from becoming nominees: a count ("01 tập thể và 01 cá
nhân"), a bare "tập thể"/"cá nhân", a phrase starting with "và", a "name" with digits.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text import fold, nominee_key

TAP_THE = "tap_the"
CA_NHAN = "ca_nhan"

_NUMBER = re.compile(r"^(?:\d+|[ivx]+)$")
# What is never a nominee: counts and the words of the form itself (folded, whole name).
_NOT_NAMES = re.compile(
    r"^(?:va\b|\d+\s+(?:tap the|ca nhan)\b)|\b\d+\s+(?:tap the|ca nhan)\b"
    r"|^(?:cac\s+)?(?:tap the|ca nhan)(?:\s+va\s+(?:tap the|ca nhan))?$"
    # A rating decision's words for whatever party organisation it rates.
    r"|^(?:cac\s+)?(?:to chuc\s+(?:co so\s+)?dang|chi bo|dang bo)(?:\s+(?:va|nam)\b.*)?$"
)

# Words that say what kind of body a collective is, or its number, never which one.
_GENERIC_COLLECTIVE_WORDS = frozenset(
    [
        "chi",
        "bo",
        "dang",
        "uy",
        "tap",
        "the",
        "phong",
        "to",
        "khoa",
        "ban",
        "trung",
        "tam",
        "van",
        "phong",
        "doan",
        "hoi",
        "so",
        "cuc",
        "co",
        "quan",
        "don",
        "vi",
        "chuc",  # "tổ chức đảng": the rating decision's words for any party organisation
    ]
)

EXACT = 1.0
WITHOUT_NUMBER = 0.85
WORDS_CONTAINED = 0.8
NEAR_SPELLING = 0.75
GIVEN_NAME = 0.7  # "đồng chí Khải": a person by the given name alone
_VOWELS = frozenset("aeiouy")


def _tokens(name: str) -> list[str]:
    return nominee_key(name).split()


def _stem(tokens: list[str]) -> list[str]:
    """The name without a trailing number ("… số 1", "… 2", "… số")."""
    out = list(tokens)
    while out and (_NUMBER.match(out[-1]) or out[-1] == "so"):
        out.pop()
    return out


def plausible(kind: str | None, name: str | None) -> bool:
    """Whether ``name`` can be a nominee of ``kind`` (never a count or a form's words)."""
    tokens = _tokens(name or "")
    key = " ".join(tokens)
    if not tokens or _NOT_NAMES.search(fold(name or "")) or _NOT_NAMES.search(key):
        return False
    if kind == CA_NHAN:
        return 2 <= len(tokens) <= 6 and all(t.isalpha() for t in tokens)
    # A collective is named beyond the kind of body it is: "Chi bộ" alone names nothing,
    # "Chi bộ số 2" or "Chi bộ Văn phòng Sở" do.
    rest = [t for t in tokens if t not in _GENERIC_COLLECTIVE_WORDS]
    return len(tokens) >= 2 and (bool(rest) or len(tokens) >= 3)


@dataclass(frozen=True)
class Match:
    index: int  # in the roster given
    score: float
    how: str  # English, for the evidence


def candidates(name: str, kind: str | None, roster: Sequence[tuple[str, str]]) -> list[Match]:
    """Roster entries ((kind, name) each) ``name`` may mean, best first (see the module doc).

    A kind that is known must agree; an empty result means the name is nobody in the roster.
    """
    tokens = _tokens(name)
    if not tokens:
        return []
    key, stem = " ".join(tokens), _stem(tokens)
    found: dict[int, Match] = {}

    def add(i: int, score: float, how: str) -> None:
        if i not in found or found[i].score < score:
            found[i] = Match(i, score, how)

    for i, (k, other) in enumerate(roster):
        if kind is not None and k != kind:
            continue
        theirs = _tokens(other)
        if " ".join(theirs) == key:
            add(i, EXACT, "same name")
            continue
        # An abbreviation on either side ("Phòng QLTM" in a file name, "Chi bo Tram
        # KTTTX" on file from an earlier file name) is read as the other's words.
        ours, theirs_full = _expand_initials(tokens, theirs), _expand_initials(theirs, tokens)
        abbreviated = ours != tokens or theirs_full != theirs
        theirs = theirs_full
        if abbreviated and ours == theirs:
            add(i, WITHOUT_NUMBER, "same name, abbreviated")
            continue
        stem, their_stem = _stem(ours), _stem(theirs)
        if stem and stem == their_stem and k == TAP_THE:
            add(i, WITHOUT_NUMBER, "same name but for its number")
        elif len(ours) >= 2 and _contained(ours, theirs, specific=abbreviated):
            add(i, WORDS_CONTAINED, "every word of the name is in it")
        elif _extends(ours, theirs, k):
            add(i, WORDS_CONTAINED, "the name on file, with more words after it")
        elif k == TAP_THE and _party_cell_of(ours, theirs):
            add(i, WORDS_CONTAINED, "the party cell of it")
        elif _near(ours, theirs, k):
            add(i, NEAR_SPELLING, "spelt nearly the same")
        elif k == CA_NHAN and len(ours) == 1 and len(theirs) >= 2 and ours[0] == theirs[-1]:
            add(i, GIVEN_NAME, "the given name")
    return sorted(found.values(), key=lambda m: (-m.score, m.index))


def _is_initials(token: str) -> bool:
    """A token that cannot be a Vietnamese syllable (no vowel): an abbreviation ("QLTM")."""
    return len(token) >= 2 and token.isalpha() and not (set(token) & _VOWELS)


def _expand_initials(tokens: list[str], theirs: list[str]) -> list[str]:
    """``tokens`` with each abbreviation that is the initials of consecutive words of
    ``theirs`` replaced by those words: "Chi bo Tram KTTTX" against "Chi bộ Trạm Kiểm tra
    tải trọng xe số 1" gives that name's words (but for its number)."""
    out: list[str] = []
    for t in tokens:
        run = _initials_run(t, theirs) if _is_initials(t) else None
        out.extend(run or [t])
    return out


def _initials_run(abbr: str, theirs: list[str]) -> list[str] | None:
    n = len(abbr)
    for start in range(len(theirs) - n + 1):
        run = theirs[start : start + n]
        if "".join(w[0] for w in run) == abbr:
            return run
    return None


def _extends(ours: list[str], theirs: list[str], kind: str) -> bool:
    """The name on file is the start of ``ours``: cut short where it was first read (a
    Tờ trình's line break after "Dương Văn"), or followed by other words in a decision's
    table row ("Chi bộ Phòng X Hoàn thành xuất sắc nhiệm vụ")."""
    if len(theirs) < 2 or len(ours) <= len(theirs) or ours[: len(theirs)] != theirs:
        return False
    # A person's name on file must itself look cut short (at most two words) for a
    # longer name to be theirs: "Nguyễn Văn An" is never "Nguyễn Văn An Bình".
    return kind == TAP_THE or len(theirs) == 2


_CELL_PREFIXES = (["chi", "bo"], ["dang", "bo"], ["to", "chuc", "dang"])


def _party_cell_of(tokens: list[str], theirs: list[str]) -> bool:
    """ "Chi bộ Phòng X" for the collective "Phòng X": its party cell, the same nominee."""
    return any(tokens[: len(p)] == p and tokens[len(p) :] == theirs for p in _CELL_PREFIXES)


def _near(tokens: list[str], theirs: list[str], kind: str) -> bool:
    """One letter or so off (a lost diacritic, an OCR slip); a person's given name must agree
    ("An" and "Anh" are two people)."""
    if kind == CA_NHAN and (len(tokens) != len(theirs) or tokens[-1] != theirs[-1]):
        return False
    return difflib.SequenceMatcher(None, " ".join(tokens), " ".join(theirs)).ratio() >= 0.9


def _contained(short: list[str], long: list[str], specific: bool = False) -> bool:
    """``short``'s words appear in ``long`` in order; a person keeps their given name (last).

    ``specific``: ``short`` had an abbreviation that spelt out a run of ``long``'s words
    ("Phòng XDCQ"), which is as telling as most of the words."""
    if len(short) >= len(long):
        return False
    it = iter(long)
    if not all(any(w == x for x in it) for w in short):
        return False
    # "Nguyễn An" may be "Nguyễn Văn An", never "Nguyễn Văn Bình": the given name must agree,
    # and a collective needs most of its words ("Phòng Kiểm tra" is not every "Phòng …").
    return short[-1] == long[-1] or specific or len(short) >= 0.6 * len(long)
