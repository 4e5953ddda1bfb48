"""Recognising a person's name or a collective's name in the words after a label.

Vietnamese personal names are two to six capitalised words ("Nguyễn Thị Thu Hà", "Ma Văn
Tú", "NGUYEN VAN A").  After "đồng chí" the words may also be a title ("đồng chí Bí thư
chi bộ"), which is not a name; those words are listed here.  A collective starts with the
kind of body it is: "Chi bộ …", "Phòng …", "Tổ …", "Khoa …".
"""

from __future__ import annotations

import re

from bot.text import fold

# First words that make a title or an office, never a name (lower case, with diacritics,
# because "Tổng" (general) and "Tống" (a surname) fold the same).
_TITLE_WORDS = frozenset(
    [
        "bí",
        "phó",
        "trưởng",
        "giám",
        "chánh",
        "chủ",
        "ủy",
        "uỷ",
        "ban",
        "chi",
        "đảng",
        "phòng",
        "tổ",
        "sở",
        "cán",
        "thủ",
        "tổng",
        "cục",
        "vụ",
        "các",
        "đồng",
        "hội",
        "kế",
        "thường",
        "trung",
        "tập",
        "cá",
        "công",
        "quyết",
        "điều",
        "căn",
        "xét",
        "kính",
        "nơi",
    ]
)
# Titles that may follow a name without a comma ("Nguyễn Văn A Trưởng phòng"); kept short
# because many words ("Chi", "Thư", "Chánh") are also given names.
_TRAILING_TITLES = frozenset(
    ["trưởng", "phó", "bí", "giám", "chủ", "ủy", "uỷ", "chuyên", "cán", "kế", "đảng", "phòng", "tổ", "sở"]
)
# Positions of two words whose first, capitalised, may follow a name with no comma when a
# table's cells are read as one line ("Chu Văn Thành Giảng viên Khoa Dược").  Checked as
# pairs: "Giảng", "Phóng" or "Kế" alone may be names.
_TRAILING_POSITIONS = frozenset(
    [
        "giảng viên", "phóng viên", "nhân viên", "giáo viên", "chuyên viên", "kế toán",
        "bác sĩ", "bác sỹ", "y sĩ", "y sỹ", "dược sĩ", "dược sỹ", "kỹ sư", "kĩ sư",
        "điều dưỡng", "văn thư", "thủ quỹ", "kiểm soát", "thanh tra", "lái xe", "bảo vệ",
    ]
)  # fmt: skip
_COLLECTIVES = tuple(
    fold(w) + " "
    for w in (
        "Chi bộ", "Đảng bộ", "Phòng", "Tổ", "Khoa", "Ban", "Trung tâm", "Văn phòng", "Đoàn",
        "Công đoàn", "Hội", "Chi đoàn", "Bộ phận", "Trường", "Bệnh viện", "Cục", "Chi cục",
        "Trạm", "Đội", "Xí nghiệp", "Công ty", "Thanh tra", "Tập thể",
    )
)  # fmt: skip
_STOP = re.compile(r"\s*(?:[,;:(\[\t]|\s-\s|\s–\s|\s{2,}|\.\s|\.$|\bđã\b|\bvì\b|\bcó thành tích\b|\btrong\b)")
_WORD = re.compile(r"^[^\W\d_]+$")


def person_name(text: str, labelled: bool = False) -> str | None:
    """The capitalised words at the start of ``text`` when they look like a person's name.

    ``labelled`` (after "Họ và tên:") trusts the label and skips the title-word check.
    """
    text = (text or "").strip()
    cut = _STOP.search(text)
    head = text[: cut.start()] if cut else text
    words: list[str] = []
    tokens = head.split()
    for i, w in enumerate(tokens):
        if not _WORD.match(w) or not w[0].isupper() or (words and w.lower() in _TRAILING_TITLES):
            break
        pair = f"{w} {tokens[i + 1]}".lower() if i + 1 < len(tokens) else ""
        if len(words) >= 2 and pair in _TRAILING_POSITIONS:
            break
        words.append(w)
    if not 2 <= len(words) <= 6:
        return None
    if not labelled and words[0].lower() in _TITLE_WORDS:
        return None
    return " ".join(words)


def is_collective(text: str) -> bool:
    return (fold(text) + " ").startswith(_COLLECTIVES)


def clean_collective(text: str) -> str | None:
    """The collective's name up to the first comma, semicolon or "đã có thành tích"."""
    text = re.sub(r"^(?:t[ậa]p\s+th[ểe])\s*:?\s*", "", (text or "").strip(), flags=re.IGNORECASE)
    m = next((m for m in _COLLECTIVE_STOP.finditer(text) if not _comma_in_name(text, m)), None)
    name = (text[: m.start()] if m else text).strip(" .:-")
    return name if len(name.split()) >= 2 else None


_COLLECTIVE_STOP = re.compile(
    r"\s*(?:[,;(\t]|\s{2,}|\.$|\bđã\b|\bvì\b|\bcó thành tích\b|\btrong học tập\b|\b[Hh]oàn thành\b|\bnăm \d{4}\b)"
    # The next cell of a list, "Đơn vị: Đảng bộ Sở …", when OCR joined the cells (and read
    # "Đảng" as "Đẳng"); never at the start, where the collective is the đảng bộ itself.
    r"|\s+(?=Đ[ảẳ]ng\s+bộ\b|Ch[iỉ]\s+bộ\s+trực\s+thuộc\b)"
    # The end of a sentence or a label ("Tên tập thể: Chi bộ Phòng Nghiệp vụ Y. Chi bộ trực
    # thuộc …", "…: 11/11 phiếu đồng ý"), but not the abbreviations names keep ("P. Kế toán").
    r"|(?<!\bP)(?<!\bTP)(?<!\bTp)(?<!\bTh)\.\s|:\s"
)


def _comma_in_name(text: str, stop: re.Match[str]) -> bool:
    """A comma inside the name ("Phòng Quản lý thu - Sổ, thẻ"): one to three lower-case words
    after it, then the end or another stop.  An affiliation (", Đảng bộ Sở …") starts with
    a capital, prose (", có 14 đảng viên", ", đã …") goes on or meets a stop word."""
    if stop.group().strip() != ",":
        return False
    rest = text[stop.end() :]
    words = re.match(r"\s*((?:[^\W\d_]+\s*){1,3})(?:$|[,;.(])", rest)
    if not words:
        return False
    found = words.group(1).split()
    return all(w.islower() for w in found) and not any(w in _PROSE_AFTER_COMMA for w in found)


# Lower-case words that start prose after a collective's name, never go on with it.
_PROSE_AFTER_COMMA = frozenset(["đã", "có", "vì", "là", "được", "thuộc", "gồm", "với", "và", "trong", "tại"])
