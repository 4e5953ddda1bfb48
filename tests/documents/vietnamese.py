"""Hypothesis strategies for Vietnamese text: valid syllables with every tone and vowel.

Syllables are built from onsets, rhymes and the five tone marks, so generated lines use
every letter a Vietnamese document can contain (ẵ, ỹ, ợ, Ư, Đ …) in both cases, which
is what exercises fonts without Vietnamese coverage.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")  # fmt: skip
RHYMES = ("a", "ai", "an", "anh", "ao", "ăn", "ăng", "âm", "ân", "ây", "e", "em", "en", "eo", "ê", "ênh",
          "êu", "i", "ia", "iêm", "iên", "iêu", "inh", "o", "oa", "oai", "oan", "oang", "oc", "ôi", "ông",
          "ơ", "ơi", "ơn", "u", "ui", "uân", "uê", "uôi", "uông", "uy", "uyên", "ư", "ưa", "ưng", "ươi",
          "ương", "ưu", "y", "yên")  # fmt: skip
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # none, huyền, sắc, ngã, hỏi, nặng
_VOWELS = "aăâeêioôơuưy"


def _with_tone(rhyme: str, tone: str) -> str:
    """Put the tone mark on the rhyme's main vowel (the one with a quality mark, else the first)."""
    if not tone:
        return rhyme
    vowels = [i for i, ch in enumerate(rhyme) if ch in _VOWELS]
    marked = [i for i in vowels if ch_has_mark(rhyme[i])]
    i = marked[-1] if marked else (vowels[1] if len(vowels) > 1 and rhyme[0] in "oui" else vowels[0])
    return unicodedata.normalize("NFC", rhyme[: i + 1] + tone + rhyme[i + 1 :])


def ch_has_mark(ch: str) -> bool:
    return ch in "ăâêôơư"


@st.composite
def syllables(draw, onset: bool = False) -> str:
    """A syllable; with ``onset`` always one with a consonant first (never one letter)."""
    onsets = ONSETS[1:] if onset else ONSETS
    word = draw(st.sampled_from(onsets)) + _with_tone(
        draw(st.sampled_from(RHYMES)), draw(st.sampled_from(TONES))
    )
    case = draw(st.sampled_from(("lower", "lower", "title", "upper")))
    return {"lower": word, "title": word[:1].upper() + word[1:], "upper": word.upper()}[case]


def lines(max_words: int = 8, max_chars: int | None = None, onset: bool = False, min_words: int = 1):
    """A line of min_words..max_words syllables separated by single spaces (at most ``max_chars``)."""
    line = st.lists(syllables(onset=onset), min_size=min_words, max_size=max_words).map(" ".join)
    return line.filter(lambda s: len(s) <= max_chars) if max_chars else line
