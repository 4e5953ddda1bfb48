"""What the drafter knows about the documents and units plans of this family name.

The nouns that start a document's name (Tờ trình, Báo cáo, Quyết định, Biên bản …), how
a name becomes an id (``"Bản tóm tắt thành tích"`` → ``tom_tat_thanh_tich``,
``"Báo cáo … Kết luận số 01-KL/TW"`` → ``bao_cao_kl01``), whether an item of the dossier
is the unit's own paper or one per nominee, and the spellings units use in file names
for the documents every plan of the family asks for.  Pure data and string functions.
"""

from __future__ import annotations

import re

from bot.text import fold

_NOUN = re.compile(
    r"(?<!\w)(bản tóm tắt|tóm tắt|tờ trình|báo cáo|quyết định|biên bản|danh sách|bản đăng ký|"
    r"bản cam kết|bản nhận xét|giấy xác nhận|phiếu)(?!\w)",
    re.IGNORECASE,
)
# Where a document's name ends inside a sentence.
_NAME_END = re.compile(
    r"\s+(?:của|theo|có|trong|cho|được|gửi|không quá|do|kèm theo|đối với|từ|tại|đã|ở)(?!\w)"
    r"|\s*[,.;:()“”\"]|\s+và\s+(?=bản|quyết định|báo cáo|biên bản|tờ trình|danh sách)",
    re.IGNORECASE,
)
_UNIT_AUTHOR = re.compile(
    r"^\s*của\s+(?:các\s+)?(?:chi bộ|chi ủy|đảng ủy|đảng bộ|ban thường vụ|ban chấp hành|cấp ủy|"
    r"tổ chức đảng|đơn vị|đoàn thể)",
    re.IGNORECASE,
)
_DOC_NUMBER = re.compile(r"\b(Kết luận|Chỉ thị|Nghị quyết|Quy định|Hướng dẫn)\s+số\s+(\d+)\s*-\s*([A-ZĐ]+)/")
_SLUG_DROP = {"cac", "cua", "de", "nghi", "nhung"}
_YEAR = re.compile(r"\s+năm\s+\d{4}\s*$", re.IGNORECASE)

# Spellings seen in mail for the documents every plan of this family asks for, by id.
KNOWN_SPELLINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "to_trinh": (("đề nghị khen thưởng", "de nghi khen thuong"), ("totrinh", "tt de nghi", "ttr")),
    "bao_cao_thanh_tich": ((), ("bctt", "bc thanh tich")),
    "tom_tat_thanh_tich": (
        ("tóm tắt báo cáo thành tích", "tom tat bao cao thanh tich", "bản tóm tắt", "ban tom tat"),
        ("tom tat", "tomtat", "tttt"),
    ),
    "quyet_dinh_khen_thuong": (
        ("tặng giấy khen", "tang giay khen", "tặng bằng khen", "tang bang khen", "về việc khen thưởng"),
        ("qdkt", "qd khen thuong", "giay khen", "bang khen"),
    ),
    "quyet_dinh_xep_loai": (
        ("xếp loại chất lượng", "xep loai chat luong", "xếp loại đảng viên", "xep loai dang vien"),
        ("qdxl", "xep loai", "xeploai", "qd xep loai"),
    ),
}

# Unit kinds by folded name: (id, name as the campaign file writes it).
_UNIT_KINDS = {
    "dang bo co so": ("dang_bo_co_so", "Đảng bộ cơ sở"),
    "chi bo co so": ("chi_bo_co_so", "Chi bộ cơ sở"),
    "doan the": ("doan_the", "Đoàn thể"),
    "to chuc doan the": ("doan_the", "Đoàn thể"),
    "dang bo bo phan": ("dang_bo_bo_phan", "Đảng bộ bộ phận"),
    "chi bo truc thuoc": ("chi_bo_truc_thuoc", "Chi bộ trực thuộc"),
}


def slug(name: str) -> str:
    """The id a campaign file gives a document or deadline named ``name``.

    >>> slug("Bản tóm tắt thành tích"), slug("Báo cáo tình hình thực hiện Kết luận số 01-KL/TW")
    ('tom_tat_thanh_tich', 'bao_cao_kl01')
    """
    name = _YEAR.sub("", name.strip())
    if name.lower().startswith("bản "):
        name = name[4:]
    number = _DOC_NUMBER.search(name)
    if number:
        head = fold(name[: number.start()]).split()[:2]
        return "_".join([*head[:2], ""]) + f"{number.group(3).lower()}{int(number.group(2)):02d}"
    folded = fold(name)
    for known in KNOWN_SPELLINGS:  # "Tờ trình đề nghị khen thưởng" is the family's to_trinh
        if f"{folded} ".startswith(known.replace("_", " ") + " "):
            return known
    words = [w for w in folded.split() if w not in _SLUG_DROP and not w.isdigit()]
    return "_".join(words[:4]) or "tai_lieu"


def short_name(name: str) -> str:
    """ "Báo cáo … Kết luận số 01-KL/TW" → "Báo cáo Kết luận 01"; other names unchanged."""
    number = _DOC_NUMBER.search(name)
    if not number:
        return name
    head = " ".join(name[: number.start()].split()[:2])
    return f"{head} {number.group(1)} {number.group(2)}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def deliverable_words(sentence: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, scope, nominee kinds) of each document an item of the dossier names."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for m in _NOUN.finditer(sentence):
        end = _NAME_END.search(sentence, m.end())
        stop = end.start() if end else len(sentence)
        name = _YEAR.sub("", sentence[m.start() : stop].strip())
        tail = sentence[stop : stop + 80]
        nxt = _NOUN.search(sentence, stop)
        if nxt:
            tail = sentence[stop : nxt.start()]
        scope = "unit" if _UNIT_AUTHOR.match(tail) else "nominee"
        kinds: tuple[str, ...] = ()
        if scope == "nominee":
            low = (name + " " + tail).lower()
            if "đảng viên" in low or ("cá nhân" in low and "tập thể" not in low):
                kinds = ("ca_nhan",)
            elif "tập thể" in low and "cá nhân" not in low:
                kinds = ("tap_the",)
            else:
                kinds = ("tap_the", "ca_nhan")
        found.append((capitalised(name), scope, kinds))
    return found


def unit_kind_name(words: str) -> tuple[str, str]:
    """(id, name) of a kind of unit as a plan writes it ("tổ chức đoàn thể" → doan_the)."""
    folded = fold(words)
    if folded in _UNIT_KINDS:
        return _UNIT_KINDS[folded]
    return folded.replace(" ", "_"), capitalised(words.strip().lower())


# The rating decision for each kind of nominee: an individual's is the party member's
# rating, a collective's the rating of its party organisation.
RATING_VARIANTS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "ca_nhan": (
        "Quyết định xếp loại chất lượng đảng viên",
        "Quyết định xếp loại đảng viên",
        ("xếp loại đảng viên", "xep loai dang vien", "chất lượng đảng viên", "chat luong dang vien"),
        ("xl dang vien", "xep loai dang vien", "xldv"),
    ),
    "tap_the": (
        "Quyết định xếp loại chất lượng tổ chức đảng",
        "Quyết định xếp loại tổ chức đảng",
        ("xếp loại chất lượng tổ chức", "xep loai chat luong to chuc", "chất lượng tổ chức đảng",
         "chat luong to chuc dang", "công nhận chi bộ", "cong nhan chi bo", "công nhận đảng bộ", "cong nhan dang bo"),
        ("xep loai to chuc", "xl to chuc", "xep loai chi bo", "xep loai dang bo", "htxsnv"),
    ),
}  # fmt: skip
