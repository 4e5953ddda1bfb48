"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) to Unicode, and back.

Before Unicode, Vietnamese offices typed with font-specific 8-bit encodings.  The bytes
land in a .docx/.doc/.pdf as ordinary Latin-1 code points, so "Đảng ủy" typed in
TCVN3 (fonts ``.VnTime``, ``.VnArial``...) reads "§¶ng ñy" and in VNI (fonts
``VNI-Times``...) reads "Ñaûng uûy".

* TCVN3 is one code point per letter.  It has no upper-case letters with tone marks:
  headings use a companion font whose name ends in ``H`` (``.VnTimeH``) that draws the
  lower-case codes as capitals, so :func:`decode_tcvn3` can be told to upper-case.
* VNI writes a base letter followed by one combining code point (tone, circumflex,
  breve), except a few letters with their own code (đ, ơ, ư, ĩ, ỉ, ị, ỵ, ì, í).

Detection (:func:`detect_legacy`) is statistical and conservative, because converting
real Unicode text would destroy it.  It counts *words* (runs of letters) that contain
an ASCII letter plus a code point that never occurs in Unicode Vietnamese but is part
of the legacy encoding ("strong" marks such as ``¸ µ ¶ § ­`` for TCVN3, ``ø û ï å ä``
for VNI).  Unicode Vietnamese text never contains a strong mark inside a word, so it
is left alone whatever its content.  A candidate encoding must then decode most of
those words into plausible Vietnamese syllables (only Vietnamese letters, at most one
tone mark), and the better of TCVN3/VNI wins.

Detection runs on every text the bot reads, so it is kept cheap: it looks only at the
first :data:`SAMPLE_CHARS` characters (a document is typed in one encoding; its first
pages decide), and a text with no strong mark at all is dismissed by a single regex
search.  Conversion uses ``str.translate`` (TCVN3) and one regex pass (VNI).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# --- TCVN3 (TCVN 5712:1993, "ABC") -----------------------------------------------------
# One legacy code point -> one Unicode letter.
_TCVN3_PAIRS = (
    # capitals that exist in the encoding
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ "
    # bare modified vowels and đ
    "¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    # a, ă, â with tones (huyền, hỏi, ngã, sắc, nặng)
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    # e, ê
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ "
    # i
    "×ì Øỉ Üĩ Ýí Þị "
    # o, ô, ơ
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    # u, ư
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự "
    # y
    "úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_TO_UNICODE: dict[str, str] = {p[0]: p[1] for p in _TCVN3_PAIRS.split(" ")}
_UNICODE_TO_TCVN3: dict[str, str] = {u: t for t, u in TCVN3_TO_UNICODE.items()}
_TCVN3_TRANSLATE = str.maketrans(TCVN3_TO_UNICODE)

# --- VNI (VNI-Windows) -----------------------------------------------------------------
# Letters with a code point of their own.
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
# Combining marks that follow a base letter: mark -> (modifier, tone).
# Lower-case and upper-case fonts use different code points for the same mark.
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_TONES_UP = {"Ø": "\u0300", "Ù": "\u0301", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
_VNI_CIRC = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_CIRC_UP = {"Â": "", "À": "\u0300", "Á": "\u0301", "Å": "\u0309", "Ã": "\u0303", "Ä": "\u0323"}
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_BREVE_UP = {"Ê": "", "È": "\u0300", "É": "\u0301", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323"}
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VIET_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323\u0302\u0306\u031b")


def _vni_marks_for(base: str) -> dict[str, str]:
    """Mark code point -> combining sequence that may follow ``base`` in VNI."""
    low = base.lower()
    marks: dict[str, str] = {}
    for tones in (_VNI_TONES, _VNI_TONES_UP):
        marks.update(tones)
    if low in "aeo":
        for circ in (_VNI_CIRC, _VNI_CIRC_UP):
            marks.update({k: _CIRCUMFLEX + v for k, v in circ.items()})
    if low == "a":
        for breve in (_VNI_BREVE, _VNI_BREVE_UP):
            marks.update({k: _BREVE + v for k, v in breve.items()})
    return marks


_VNI_BASES = "aeiouyAEIOUYôöÔÖ"
_VNI_MARKS = {b: _vni_marks_for(b) for b in _VNI_BASES if b.lower() not in "i"}


# Every 2-code-point VNI letter (base + mark) and every single-code-point one, to Unicode.
_VNI_TABLE: dict[str, str] = {
    base + mark: unicodedata.normalize("NFC", _VNI_SINGLE.get(base, base) + seq)
    for base, marks in _VNI_MARKS.items()
    for mark, seq in marks.items()
} | _VNI_SINGLE
# Pairs first, so that "ô" + mark is one letter and a lone "ô" is "ơ".
_VNI_RE = re.compile(
    "|".join(f"{re.escape(base)}[{re.escape(''.join(marks))}]" for base, marks in _VNI_MARKS.items())
    + f"|[{re.escape(''.join(_VNI_SINGLE))}]"
)


def decode_vni(text: str) -> str:
    """VNI text (as Latin-1 code points) -> Unicode NFC."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_TABLE[m[0]], text))


def encode_vni(text: str) -> str:
    """Unicode Vietnamese -> VNI code points (for building test documents)."""
    single_rev = {u: v for v, u in _VNI_SINGLE.items()}
    tone_lo = {m: k for k, m in _VNI_TONES.items()}
    tone_up = {m: k for k, m in _VNI_TONES_UP.items()}
    circ_lo = {m: k for k, m in _VNI_CIRC.items()}
    circ_up = {m: k for k, m in _VNI_CIRC_UP.items()}
    breve_lo = {m: k for k, m in _VNI_BREVE.items()}
    breve_up = {m: k for k, m in _VNI_BREVE_UP.items()}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in single_rev:
            out.append(single_rev[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if not marks or base not in "aeiouyAEIOUY" or not set(marks) <= _VIET_MARKS:
            out.append(ch)
            continue
        upper = base.isupper()
        tone = next((m for m in marks if m in "\u0300\u0301\u0309\u0303\u0323"), "")
        if _CIRCUMFLEX in marks:
            out.append(base + (circ_up if upper else circ_lo)[tone])
        elif _BREVE in marks:
            out.append(base + (breve_up if upper else breve_lo)[tone])
        elif "\u031b" in marks:  # horn: ơ/ư have their own code, then the tone mark
            horn = single_rev[unicodedata.normalize("NFC", base + "\u031b")]
            out.append(horn + (tone_up if upper else tone_lo).get(tone, ""))
        else:
            out.append(base + (tone_up if upper else tone_lo)[tone])
    return "".join(out)


def decode_tcvn3(text: str, upper: bool = False) -> str:
    """TCVN3 text (as Latin-1 code points) -> Unicode NFC.

    ``upper`` is for runs set in a capitals font (``.VnTimeH``), which draws the
    lower-case codes as capitals.
    """
    out = text.translate(_TCVN3_TRANSLATE)
    if upper:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


def encode_tcvn3(text: str) -> str:
    """Unicode Vietnamese -> TCVN3 code points (for building test documents).

    Capitals with a tone mark do not exist in TCVN3; like the ``.VnTimeH`` fonts they
    are written with the lower-case code, so case is lost for those letters.
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        code = _UNICODE_TO_TCVN3.get(ch)
        if code is None and ch.isupper():
            code = _UNICODE_TO_TCVN3.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


# --- detection -------------------------------------------------------------------------
_VIET_LETTERS = set(
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz"
)
_VIET_LETTERS |= {c.upper() for c in _VIET_LETTERS}
# Code points of the encodings that never appear in Unicode Vietnamese.
_TCVN3_STRONG = frozenset(TCVN3_TO_UNICODE) - _VIET_LETTERS
_VNI_STRONG = frozenset("øûïåäëüñöæîØÛÏÅÄËÜÑÖÆÎ")
# Letters of Unicode Vietnamese outside Latin-1: if a text has many, it is Unicode.
_UNICODE_ONLY = frozenset(c for c in _VIET_LETTERS if ord(c) > 0xFF)
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u1ef9]+")
# Any strong mark at all: without one no word can be evidence, whatever the text says.
_ANY_STRONG = re.compile(f"[{re.escape(''.join(sorted(_TCVN3_STRONG | _VNI_STRONG)))}]")
# Detection reads at most this many characters from the start of a text: enough words
# to decide, and a 50-page report costs no more than its first pages.
SAMPLE_CHARS = 8000
_TONES = frozenset("\u0300\u0301\u0309\u0303\u0323")


_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEUS = (
    "iêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|yêu|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|"
    "[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(f"^{_ONSET}(?:{_NUCLEUS})(?:ch|ng|nh|[cmnpt])?$")


def plausible_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, vowel nucleus, coda and at most one tone mark.

    Legacy text decoded with the wrong table gives letters in impossible places
    ("aứ", "ẹaỷng"); this cheap grammar tells the two tables apart.
    """
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in nfd if c in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


STRONG_MARKS = {"tcvn3": _TCVN3_STRONG, "vni": _VNI_STRONG}


def evidence_words(text: str, encoding: str) -> list[str]:
    """Words of ``text`` that suggest ``encoding``: a strong mark plus an ASCII letter.

    The ASCII letter keeps lone symbols ("©", "«") out; a word that is a single toned
    vowel ("ở") is therefore no evidence, which costs little on real sentences.
    """
    strong = STRONG_MARKS[encoding]
    return [w for w in _WORD.findall(text) if not strong.isdisjoint(w) and _has_ascii(w)]


@functools.lru_cache(maxsize=8192)
def _decodes_plausibly(word: str, encoding: str) -> bool:
    """``word`` read as ``encoding`` is a plausible syllable (cached: words repeat a lot)."""
    return plausible_syllable(decode_legacy(word, encoding))


def _score(words: list[str], encoding: str) -> tuple[int, int]:
    """(words with a strong mark, of those how many decode to plausible syllables)."""
    strong = STRONG_MARKS[encoding]
    marked = [w for w in words if not strong.isdisjoint(w) and _has_ascii(w)]
    good = sum(1 for w in marked if _decodes_plausibly(w, encoding))
    return len(marked), good


def _has_ascii(word: str) -> bool:
    return any(c.isascii() for c in word)


def _sample(text: str) -> str:
    """The first :data:`SAMPLE_CHARS` characters of ``text``, cut after a whole word."""
    if len(text) <= SAMPLE_CHARS:
        return text
    head = text[:SAMPLE_CHARS]
    cut = max(head.rfind(" "), head.rfind("\n"))
    return head[:cut] if cut > 0 else head


def _broad_score(words: list[str], encoding: str) -> int:
    """Words with any non-ASCII letter that ``encoding`` turns into plausible syllables."""
    return sum(1 for w in words if not w.isascii() and _decodes_plausibly(w, encoding))


def detect_legacy(text: str, min_words: int = 2, min_share: float = 0.1) -> str | None:
    """``"tcvn3"``, ``"vni"`` or ``None`` (Unicode or undecidable: leave it alone).

    ``min_words`` words with strong marks are needed, and they must be at least
    ``min_share`` of all words; at least 80 % of them must decode to plausible
    syllables.  When both encodings qualify, the one that explains more words with
    non-ASCII letters wins; a tie (e.g. "öa" is "ưa" in VNI and "ửa" in TCVN3) is
    undecidable and gives None.

    Only the first :data:`SAMPLE_CHARS` characters are read, and a text without any
    strong mark (pure ASCII, ordinary Unicode Vietnamese) is dismissed by one regex
    search, so the cost is bounded whatever the length of the text.
    """
    text = _sample(text)
    if text.isascii() or (min_words > 0 and not _ANY_STRONG.search(text)):
        return None
    words = _WORD.findall(text)
    if not words:
        return None
    unicode_words = sum(1 for w in words if not _UNICODE_ONLY.isdisjoint(w))
    if unicode_words > 0.05 * len(words):
        return None
    scores: dict[str, int] = {}
    for name in ("tcvn3", "vni"):
        marked, good = _score(words, name)
        if marked < min_words or marked < min_share * len(words) or good < 0.8 * marked:
            continue
        scores[name] = _broad_score(words, name)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def decode_legacy(text: str, encoding: str) -> str:
    """Convert ``text`` from ``encoding`` (``tcvn3``/``vni``) to Unicode NFC."""
    if encoding == "tcvn3":
        return decode_tcvn3(text)
    if encoding == "vni":
        return decode_vni(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def to_unicode(text: str, encoding: str | None) -> str:
    """``text`` converted from ``encoding``, or only NFC-normalised when it is None."""
    if encoding is None:
        return unicodedata.normalize("NFC", text)
    return decode_legacy(text, encoding)


def fix_legacy(text: str) -> tuple[str, str | None]:
    """(Unicode NFC text, detected encoding or None); unchanged apart from NFC when None.

    The encoding is decided on the start of the text (see :func:`detect_legacy`) and,
    when legacy, the whole text is converted.
    """
    if text.isascii():
        return text, None
    encoding = detect_legacy(text)
    return to_unicode(text, encoding), encoding


def font_encoding(font_name: str | None) -> str | None:
    """Legacy encoding implied by a font name (``.VnTime`` -> tcvn3, ``VNI-Times`` -> vni)."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn") or name.startswith("vn3"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None


def is_capitals_font(font_name: str | None) -> bool:
    """TCVN3 capitals fonts end in "H" (``.VnTimeH``, ``.VnArialH``)."""
    if not font_name:
        return False
    return font_encoding(font_name) == "tcvn3" and font_name.strip().endswith("H")
