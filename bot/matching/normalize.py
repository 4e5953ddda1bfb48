"""Folding Vietnamese text for comparison: no case, no diacritics, no punctuation, no abbreviations.

``fold("ĐẢNG ỦY Sở GD&ĐT")`` is ``"dang uy so giao duc va dao tao"``.  Everything that
compares names, keywords or outline headings goes through :func:`fold` on *both* sides, so
a keyword written as ``"quyết định khen thưởng"`` in the campaign file matches a filename
``QD_khen_thuong.pdf`` and a heading ``QUYẾT ĐỊNH KHEN THƯỞNG`` alike.

Removing the marks also makes the two tone placements (``uỷ``/``ủy``, ``hoá``/``hóa``) and
NFD filenames from macOS fold the same.  :func:`fold` is idempotent and never raises.
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations that, once folded, collide with ordinary words ("du" is also "dự", "dù")
# are only recognised in their written upper-case form, before the marks are removed.
_CASED_ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![^\W_])(?:ĐUK|DUK)(?![^\W_])"), " dang uy khoi "),
    (re.compile(r"(?<![^\W_])(?:ĐU|DU)(?![^\W_])"), " dang uy "),
    (re.compile(r"(?<![^\W_])(?:ĐB|DB)(?![^\W_])"), " dang bo "),
]

# Unambiguous abbreviations, matched on whole tokens of the already folded text (so "GD&ĐT",
# "GD & ĐT", "GD-ĐT" and "gd&dt" are all the token sequence "gd dt").  Longest first.
_TOKEN_ABBREVIATIONS: dict[str, str] = {
    "gd dt": "giao duc va dao tao",
    "gddt": "giao duc va dao tao",
    "nn ptnt": "nong nghiep va phat trien nong thon",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "ptnt": "phat trien nong thon",
    "kh cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "ht lt": "hoc tap va lam theo",
    "htlt": "hoc tap va lam theo",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "kbnn": "kho bac nha nuoc",
    "tncs": "thanh nien cong san",
    "hcm": "ho chi minh",
    "ccb": "cuu chien binh",
    "dbk": "dang bo khoi",
    "btv": "ban thuong vu",
    "btg": "ban tuyen giao",
    "cb": "chi bo",
    "vp": "van phong",
    "tw": "trung uong",
    "cd": "cong doan",
    "qd": "quyet dinh",
}
_TOKEN_RE = re.compile(
    r"(?<!\S)(?:"
    + "|".join(re.escape(k) for k in sorted(_TOKEN_ABBREVIATIONS, key=len, reverse=True))
    + r")(?!\S)"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[\W_]+")
# "KL01", "Mau07" and "KL 01", "Mau 07" are written interchangeably.
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


def strip_marks(text: str) -> str:
    """Remove diacritics (keeping case and punctuation); ``đ``/``Đ`` become ``d``/``D``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_once(text: str) -> str:
    t = unicodedata.normalize("NFC", text)
    for pattern, expansion in _CASED_ABBREVIATIONS:
        t = pattern.sub(expansion, t)
    t = _CAMEL.sub(" ", strip_marks(t))  # "BaoCaoThanhTich.docx" reads as words
    # lower() can reintroduce a combining mark ("İ" -> "i" + dot above); strip again.
    t = strip_marks(t.lower())
    t = _LETTER_DIGIT.sub(" ", t)
    t = _NON_WORD.sub(" ", t).strip()
    return _TOKEN_RE.sub(lambda m: _TOKEN_ABBREVIATIONS[m.group(0)], t)


def fold(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free text with unit abbreviations expanded.

    >>> fold("Đảng uỷ Sở Y tế")
    'dang uy so y te'
    >>> fold("CB Sở KH&CN")
    'chi bo so khoa hoc va cong nghe'
    >>> fold("Báo_cáo  KL-01.docx")
    'bao cao kl 01 docx'
    """
    if not text:
        return ""
    # A second pass settles the rare input whose abbreviation only appears once marks are
    # gone (e.g. "UBNĐ"); by then nothing changes, which makes fold idempotent.
    once = _fold_once(text)
    return _fold_once(once)


def fold_lines(text: str) -> list[str]:
    """The non-empty folded lines of a text, in order."""
    return [f for f in (fold(line) for line in (text or "").splitlines()) if f]


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` on whole-token boundaries."""
    if not needle:
        return False
    return f" {needle} " in f" {haystack} "
