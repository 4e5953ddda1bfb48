"""Does extracted text read as Vietnamese, or was it scrambled on the way out of the file?

A PDF whose glyphs come out of order (fallback fonts, odd producers) or whose text layer
maps glyphs to the wrong letters yields text such as ``Đ NG B KH I ... Ả Ộ Ố Ơ`` or
``th c hi n K t lu n s 01``: words broken into fragments that are not Vietnamese
syllables, and lone accented vowels.  Two cheap signals catch it, over the words made
only of letters:

* the share of words that are not a valid Vietnamese syllable (onset, vowel nucleus of
  at most three vowels, coda, checked on the letters without tone marks); abbreviations
  in capitals (UBND, HĐND, KL, TW) are left out, since Party documents are full of them;
* the share of one-letter words (Vietnamese has a handful: "ở", "ý", "à").

:func:`looks_scrambled` says yes when either share is far above what real text shows
(measured on the test corpus: at most 4% and 3%; scrambled pages: 25-45% and 15-30%).
Text too short to judge is never called scrambled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MIN_WORDS = 30
MAX_INVALID_SHARE = 0.12
MAX_ONE_LETTER_SHARE = 0.08

_WORD = re.compile(r"[^\W\d_]+")
# Onsets, a nucleus of vowels and a coda; "gi" and "qu" count as onsets.  Permissive on
# purpose (it accepts some impossible rhymes): it must only reject fragments.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# Tone marks only; the vowel-quality marks (â ă ê ô ơ ư) and đ stay.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass(frozen=True)
class TextQuality:
    words: int
    invalid_share: float
    one_letter_share: float

    @property
    def scrambled(self) -> bool:
        return self.words >= MIN_WORDS and (
            self.invalid_share > MAX_INVALID_SHARE or self.one_letter_share > MAX_ONE_LETTER_SHARE
        )

    @property
    def badness(self) -> float:
        """A single figure to compare two readings of the same text (lower is better)."""
        return self.invalid_share + self.one_letter_share


def _without_tones(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))


def quality(text: str) -> TextQuality:
    """The two shares over the letter-only words of ``text`` (see the module docstring)."""
    words = _WORD.findall(text)
    checked = invalid = one_letter = 0
    for word in words:
        if len(word) == 1:
            one_letter += 1
        if len(word) > 1 and word.isupper():
            continue  # an abbreviation, or a heading in capitals: not judged
        checked += 1
        if not _SYLLABLE.fullmatch(_without_tones(word.lower())):
            invalid += 1
    return TextQuality(
        words=len(words),
        invalid_share=invalid / checked if checked else 0.0,
        one_letter_share=one_letter / len(words) if words else 0.0,
    )


def looks_scrambled(text: str) -> bool:
    return quality(text).scrambled
