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
# Each comes with the substrings that must occur for it to match (a cheap pre-check: a
# regex pass over a 50-page report costs milliseconds, ``in`` microseconds).
_CASED_ABBREVIATIONS: list[tuple[tuple[str, ...], re.Pattern[str], str]] = [
    (("DUK", "ĐUK"), re.compile(r"(?<![^\W_])(?:ĐUK|DUK)(?![^\W_])"), " dang uy khoi "),
    (("DU", "ĐU"), re.compile(r"(?<![^\W_])(?:ĐU|DU)(?![^\W_])"), " dang uy "),
    (("DB", "ĐB"), re.compile(r"(?<![^\W_])(?:ĐB|DB)(?![^\W_])"), " dang bo "),
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
_NON_WORD_IN_LINE = re.compile(r"[^\w\n]+")  # after "_" became " "
_SPACED_BREAKS = re.compile(r" ?\n[ \n]*")
# What str.splitlines() treats as a line boundary, "\r\n" first.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# "KL01", "Mau07" and "KL 01", "Mau 07" are written interchangeably.
_LETTER_DIGIT = re.compile(r"([a-z](?=[0-9])|[0-9](?=[a-z]))")


# Per character: is it a combining mark (dropped by strip_marks)?  Filled lazily, since
# real text only ever uses a few hundred distinct characters.
_COMBINING: dict[str, bool] = {}
# The marks Vietnamese uses (and most Latin text): removed by one regex pass; anything
# left that is not ASCII is then checked character by character through _COMBINING.
_BASIC_MARKS = re.compile("[\u0300-\u036f]+")


def strip_marks(text: str) -> str:
    """Remove diacritics (keeping case and punctuation); ``đ``/``Đ`` become ``d``/``D``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    if decomposed.isascii():
        return decomposed
    # Whole reports are folded, so no Python-level loop over characters here.
    rest = _BASIC_MARKS.sub("", decomposed)
    if rest.isascii():
        return rest
    drop = []
    for c in set(rest):
        mark = _COMBINING.get(c)
        if mark is None:
            mark = _COMBINING[c] = bool(unicodedata.combining(c))
        if mark:
            drop.append(c)
    if not drop:
        return rest
    return re.sub("[" + "".join(re.escape(c) for c in drop) + "]+", "", rest)


def _fold_once(text: str, keep_lines: bool = False) -> str:
    t = unicodedata.normalize("NFC", text)
    for needles, pattern, expansion in _CASED_ABBREVIATIONS:
        if any(n in t for n in needles):
            t = pattern.sub(expansion, t)
    t = strip_marks(t)
    if not (t.islower() or t.isupper()):  # only mixed case can hold "aB"
        t = _CAMEL.sub(" ", t)  # "BaoCaoThanhTich.docx" reads as words
    # lower() can reintroduce a combining mark ("İ" -> "i" + dot above); strip again.
    t = strip_marks(t.lower())
    t = _LETTER_DIGIT.sub(r"\1 ", t)
    if keep_lines:
        # Line breaks survive as "\n" with no space around them and no empty line, so
        # each line of the result is what fold() gives for that line on its own.
        t = _NON_WORD_IN_LINE.sub(" ", t.replace("_", " "))
        t = _SPACED_BREAKS.sub("\n", t).strip(" \n")
    else:
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
    return _second_pass(_fold_once(text), keep_lines=False)


def _second_pass(once: str, keep_lines: bool) -> str:
    # On ASCII output the second pass cannot change anything: no upper case is left for
    # the cased abbreviations or camel case, no mark, no punctuation, and no expansion
    # ends or starts with a token that forms an abbreviation with its neighbour.
    # (tests/matching/test_normalize.py checks this against the two-pass definition.)
    return once if once.isascii() else _fold_once(once, keep_lines=keep_lines)


def fold_lines(text: str) -> list[str]:
    """The non-empty folded lines of a text, in order: ``[fold(l) for l in lines]`` minus empties.

    The whole text is folded in one pass with its line breaks kept (a 50-page report has
    thousands of lines; folding them one by one was most of the intake's time).
    """
    if not text:
        return []
    joined = _LINE_BREAK.sub("\n", text)
    folded = _second_pass(_fold_once(joined, keep_lines=True), keep_lines=True)
    return folded.split("\n") if folded else []


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` on whole-token boundaries."""
    if not needle:
        return False
    return f" {needle} " in f" {haystack} "


# Leading words that address a nominee rather than name it (folded).
_NOMINEE_PREFIXES = ("dong chi ", "d c ", "dc ", "ong ", "ba ", "tap the ", "ca nhan ")
# Abbreviations of the words a collective's name starts with, as file names write them.
_NOMINEE_ABBREVIATIONS = {
    "cb": "chi bo",
    "p": "phong",
    "db": "dang bo",
    "du": "dang uy",
    "vp": "van phong",
    "bv": "benh vien",
    "cd": "cong doan",
}


def nominee_key(name: str) -> str:
    """Folded key that groups spellings of one nominee: case, diacritics, spacing, a leading
    honorific ("đồng chí", "đ/c") and the short forms of collectives ("CB P. …") do not count.

    >>> nominee_key("Đồng chí NGUYỄN VĂN A") == nominee_key("Nguyen Van A")
    True
    >>> nominee_key("CB P. Kiểm tra thuế số 1") == nominee_key("Chi bộ Phòng Kiểm tra thuế số 1")
    True
    """
    # Lower-casing first keeps upper-case-only abbreviations ("DU") out of personal names.
    key = fold((name or "").lower())
    for prefix in _NOMINEE_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    # Only where a collective's name starts ("CB P. …"): "Nguyễn Du" keeps its "du".
    tokens = key.split()
    expanded = [_NOMINEE_ABBREVIATIONS.get(t, t) if i == 0 or t == "p" else t for i, t in enumerate(tokens)]
    return " ".join(expanded)
