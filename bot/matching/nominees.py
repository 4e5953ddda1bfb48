"""Who a per-nominee document is about: a collective ("tập thể") or an individual ("cá nhân").

:func:`extract_nominee` reads, in order of trust: the form's labelled fields ("Họ và tên:",
"Tên tập thể:"), the title's "của/cho tập thể …" / "của đồng chí …", a decision's "Tặng
Giấy khen cho: …", any single "đồng chí <Name>", then the filename (``BCTT Nguyen Van A.doc``)
and finally the subject.  Names are kept as written; :func:`nominee_key` is what groups
"Nguyễn Văn A", "Nguyen Van A" and "NGUYỄN VĂN A" together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.matching.names_person import (
    clean_collective,
    is_collective,
    person_name,
)
from bot.matching.roster import candidates, plausible
from bot.text import fold, nominee_key, strip_marks

TAP_THE = "tap_the"
CA_NHAN = "ca_nhan"
HEAD_LINES = 40  # labelled fields and titles sit on the first page

_COMRADE = r"(?:đồng\s+chí|dong\s+chi|đ/c|d/c|ông|bà)"
_PERSON_FIELD = re.compile(r"\bh[ọo]\s*(?:,|và|va)?\s*t[êe]n\b[^:：]{0,30}[:：]\s*(.+)", re.IGNORECASE)
_GROUP_FIELD = re.compile(
    r"\bt[êe]n\s+(?:t[ậa]p\s+th[ểe]|đ[ơo]n\s+v[ịi])\b[^:：]{0,60}[:：]\s*(.+)", re.IGNORECASE
)
_OF_GROUP = re.compile(r"\b(?:của|cho|cua)\s+(?:t[ậa]p\s+th[ểe])\s*:?\s*(.+)", re.IGNORECASE)
_OF_PERSON = re.compile(
    rf"\b(?:của|cho|cua)\s+(?:c[áa]\s+nh[âa]n\s*:?\s*)?{_COMRADE}\s*:?\s*(.+)", re.IGNORECASE
)
_AWARD_TO = re.compile(r"\bt[ặa]ng\s+(?:gi[ấa]y|b[ằa]ng)\s+khen\s+cho\s*:?\s*(.+)", re.IGNORECASE)
# The lookahead lets finditer see every "đồng chí" on a line, not just the first.
_COMRADE_NAME = re.compile(rf"(?<!\w){_COMRADE}\s*:?\s*(?=(.+))", re.IGNORECASE)
_CONTINUES = re.compile(r"^[^\W\d_]")  # a wrapped line going on (in lower case: see _goes_on)
_WRAPPED_NAME = re.compile(r"^((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)\s*,")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def _plain(text: str) -> str:
    """Folded without abbreviation expansion, so filename words stay one token each."""
    return " ".join(re.split(r"[\W_]+", strip_marks(text).lower())).strip()


# Words of a filename that say what the file is, not whom it is about (folded, as phrases).
_FILENAME_NOISE = [
    _plain(p)
    for p in (
        "báo cáo thành tích", "bản tóm tắt thành tích", "tóm tắt thành tích", "tóm tắt", "tờ trình",
        "quyết định khen thưởng", "quyết định xếp loại", "xếp loại đảng viên", "xếp loại", "khen thưởng",
        "giấy khen", "bản sao", "đề nghị", "hồ sơ", "cá nhân", "tập thể", "đồng chí", "báo cáo",
        "bctt", "tttt", "qdkt", "qdxl", "bc", "tt", "qd", "kt", "xl", "dc", "scan", "final", "sua",
        "ban sua", "gui lai", "cua", "nam", "dv", "dang vien", "bằng khen", "quyết định khen", "qd khen", "gk", "bk", "ttr",
    )
]  # fmt: skip


@dataclass(frozen=True)
class NomineeGuess:
    kind: str | None  # tap_the | ca_nhan | None
    name: str | None
    evidence: list[str] = field(default_factory=list)
    # Where the name was read: "text" (a labelled field, the title, "Tặng … cho", a lone
    # "đồng chí X"), "filename" or "subject"; None when no name was found.
    source: str | None = None
    # The file name's own name for the nominee when the text names another (a .doc whose
    # converter garbled "Trường" into "Trờng"): the dossier step weighs both.
    alt_name: str | None = None


def _kind_and_name(rest: str, default: str | None) -> tuple[str | None, str | None]:
    """Read what follows "cho:" / "của": a collective, a comrade, or a bare name."""
    rest = rest.strip()
    m = re.match(rf"{_COMRADE}\s*:?\s*(.+)", rest, re.IGNORECASE)
    if m:
        return CA_NHAN, person_name(m.group(1))
    if is_collective(rest):
        return TAP_THE, clean_collective(rest)
    if default == TAP_THE:
        return TAP_THE, clean_collective(rest) or None
    name = person_name(rest)
    return (CA_NHAN, name) if name else (default, None)


def _rejoin_wrapped(lines: list[str]) -> list[str]:
    """Undo a line break inside a name ("đồng chí Ngô Quang" / "Vinh, Chuyên viên …").

    Only on a line naming a comrade that ends on a capitalised word, when the next starts
    with one to three capitalised words and a comma; form fields ("Họ và tên: …" /
    "Ngày, tháng, năm sinh: …") are never joined.
    """
    out = list(lines)
    for i in range(len(lines) - 1):
        last = lines[i].rstrip().split()[-1:] or [""]
        nxt = _WRAPPED_NAME.match(lines[i + 1].strip())
        if (
            _COMRADE_NAME.search(lines[i])
            and last[0][:1].isupper()
            and last[0].isalpha()
            and nxt
            and all(w[0].isupper() for w in nxt.group(1).split())
        ):
            out[i] = f"{lines[i].rstrip()} {lines[i + 1].strip()}"
        elif (
            (_OF_GROUP.search(lines[i]) or _GROUP_FIELD.search(lines[i]) or _AWARD_TO.search(lines[i]))
            and _goes_on(lines[i + 1].strip())
            and not lines[i].rstrip().endswith((",", ".", ";", ":"))
        ):
            # "… của tập thể Phòng Tuyên truyền - Hỗ trợ người" / "nộp thuế, Cục Thuế tỉnh":
            # a collective's name wrapped by the page goes on in lower case.
            out[i] = f"{lines[i].rstrip()} {lines[i + 1].strip()}"
    return out


def _from_text(lines: list[str]) -> NomineeGuess | None:
    lines = _rejoin_wrapped(lines)
    for pattern, kind, label in (
        (_PERSON_FIELD, CA_NHAN, "field 'Họ và tên'"),
        (_GROUP_FIELD, TAP_THE, "field 'Tên tập thể'"),
        (_OF_GROUP, TAP_THE, "title 'của tập thể'"),
        (_OF_PERSON, CA_NHAN, "title 'của đồng chí'"),
        (_AWARD_TO, None, "'Tặng Giấy khen cho'"),
    ):
        for line in lines:
            m = pattern.search(line)
            if not m:
                continue
            k: str | None
            if kind == CA_NHAN:
                k, name = CA_NHAN, person_name(m.group(1), labelled=pattern is _PERSON_FIELD)
            else:
                k, name = _kind_and_name(m.group(1), kind)
            if name and plausible(k, name):
                return NomineeGuess(k, name, [f"{label}: '{line.strip()[:80]}' → {k} {name}"], "text")
    names: dict[str, tuple[str, str]] = {}
    for line in lines:
        for m in _COMRADE_NAME.finditer(line):
            found = person_name(m.group(1))
            if found:
                names.setdefault(nominee_key(found), (found, line.strip()[:80]))
    if len(names) == 1:
        only, where = next(iter(names.values()))
        return NomineeGuess(CA_NHAN, only, [f"text names 'đồng chí {only}': '{where}'"], "text")
    if len(names) > 1:
        shown = ", ".join(n for n, _ in names.values())
        return NomineeGuess(CA_NHAN, None, [f"text names several people ({shown}); staff decide"])
    return None


def _goes_on(line: str) -> bool:
    """A line starting with a lower-case letter (str.islower: a regex range such as
    [a-zà-ỹ] also holds the upper-case Vietnamese letters, which lie between)."""
    return bool(_CONTINUES.match(line)) and line[0].islower()


# Two-word terms file names glue together ("ChiboPhongQLNS", "Tapthe"): apart again.
_GLUED = re.compile(
    r"(?<![^\W_])(chi|đảng|dang|tập|tap|cá|ca)(bộ|bo|thể|the|nhân|nhan)(?=(?-i:[A-ZĐ])|[\W_]|$)",
    re.IGNORECASE,
)


def _split_camel(text: str) -> str:
    """ "BCTTNguyenVanAn" -> "BCTT Nguyen Van An": a space where a lower-case letter meets an
    upper-case one (by str.islower/isupper, never a code-point range: see _goes_on), and
    glued terms apart ("Chibo" -> "Chi bo")."""
    out: list[str] = []
    for prev, ch in zip(" " + text, text, strict=False):
        if prev.islower() and ch.isupper():
            out.append(" ")
        out.append(ch)
    return _GLUED.sub(lambda m: f"{m.group(1)} {m.group(2)}", "".join(out))


_ORDER_MARK = re.compile(r"^\d+[a-zđ]?$", re.IGNORECASE)


def _from_filename(filename: str) -> NomineeGuess | None:
    stem = _EXTENSION.sub("", unicodedata.normalize("NFC", filename or ""))
    # Split camel case and separators but keep the words as written.
    spaced = _split_camel(stem)
    # Numbers and the order marks files are sorted by ("05b. QĐ …", "02a_BCTT") name no one.
    words = [w for w in re.split(r"[\s_\-.,()+]+", spaced) if w and not _ORDER_MARK.match(w)]
    keep = list(words)
    folded = [_plain(w) for w in words]
    plain_name = f" {' '.join(folded)} "
    comrade = " dong chi " in plain_name or " dc " in plain_name
    for noise in sorted(_FILENAME_NOISE, key=len, reverse=True):
        n = noise.split()
        i = 0
        while i + len(n) <= len(folded):
            if folded[i : i + len(n)] == n:
                del folded[i : i + len(n)], keep[i : i + len(n)]
            else:
                i += 1
    rest = " ".join(keep)
    if not rest:
        return None
    if is_collective(rest):
        collective = clean_collective(rest)
        if collective and plausible(TAP_THE, collective):
            return NomineeGuess(TAP_THE, collective, [f"filename names collective '{rest}'"], "filename")
        return None
    name = person_name(rest, labelled=True)
    if name and len(keep) <= 6 and plausible(CA_NHAN, name):
        return NomineeGuess(CA_NHAN, name, [f"filename names '{name}'"], "filename")
    if comrade and len(keep) == 1 and keep[0].isalpha() and keep[0][0].isupper():
        # "QĐ khen thưởng đồng chí Khải.pdf": a person by the given name alone.  It can
        # point at a nominee of that given name (roster.candidates), never make one.
        return NomineeGuess(CA_NHAN, keep[0], [f"filename names 'đồng chí {keep[0]}'"], "filename")
    return None


def _kind_hint(lines: list[str]) -> str | None:
    """ "(dùng cho cá nhân)" / "của tập thể" near the title, when no name was found."""
    text = " ".join(fold(line) for line in lines[:15])
    personal, collective = "ca nhan" in text, "tap the" in text
    if personal != collective:
        return CA_NHAN if personal else TAP_THE
    return None


def extract_nominee(
    deliverable: str,
    head_text: str,
    filename: str,
    subject: str,
    allowed_kinds: Sequence[str] | None = None,
) -> NomineeGuess:
    """Guess the nominee a per-nominee document is about; ``name`` None when unsure.

    ``allowed_kinds`` (the deliverable's ``nominee_kinds``) settles the kind when only one
    is possible, e.g. a rating decision is always about an individual.
    """
    lines = [ln for ln in unicodedata.normalize("NFC", head_text or "").splitlines() if ln.strip()][
        :HEAD_LINES
    ]
    guess = _from_text(lines)
    from_file = _from_filename(filename)
    if guess is None or (guess.name is None and from_file is not None):
        guess = from_file or guess
    elif from_file and guess.name and nominee_key(from_file.name or "") != nominee_key(guess.name):
        # The same nominee written another way ("Chi bo Tram KTTTX so" for "Chi bộ Trạm
        # Kiểm tra tải trọng xe số 1") confirms the text; a different one leaves the text's
        # name without the weight of its source (the resolution then leans on the dossier).
        agrees = bool(candidates(from_file.name or "", guess.kind, [(guess.kind or "", guess.name)]))
        guess = NomineeGuess(
            guess.kind,
            guess.name,
            guess.evidence + [f"filename {'also' if agrees else 'rather'} names '{from_file.name}'"],
            guess.source if agrees else None,
            None if agrees else from_file.name,
        )
    if guess is None:
        subj = _from_text([subject or ""])
        if subj and subj.name:
            guess = NomineeGuess(subj.kind, subj.name, [f"subject: {e}" for e in subj.evidence], "subject")
    if guess is None:
        guess = NomineeGuess(_kind_hint(lines), None, [f"no nominee named in {deliverable} '{filename}'"])
    if guess.kind is None and allowed_kinds is not None and len(allowed_kinds) == 1:
        guess = NomineeGuess(
            allowed_kinds[0],
            guess.name,
            guess.evidence + [f"{deliverable} is for {allowed_kinds[0]}"],
            guess.source,
            guess.alt_name,
        )
    if allowed_kinds is not None and guess.kind is not None and guess.kind not in allowed_kinds:
        guess = NomineeGuess(
            None,
            guess.name,
            guess.evidence + [f"{guess.kind} does not fit {deliverable}"],
            guess.source,
            guess.alt_name,
        )
    return guess


_BULLET = re.compile(r"^(?:[-+•*]|\d{1,2}[.)/]?|[a-dA-D][.)])(?:\s|$)")


def _rejoin_words(lines: list[str]) -> list[str]:
    """Lines of one or two words in a row, as a justified PDF line comes out word by word
    ("1. Tập thể" / "Chi bộ" / "Sở" / "Ngoại vụ"), joined back onto the line they continue."""
    out: list[str] = []
    joining = False  # the last line is being rebuilt from such pieces
    for raw in lines:
        line = raw.strip()
        words = line.split()
        fragment = 0 < len(words) <= 2 and not _BULLET.match(line) and not line.startswith("(")
        last = out[-1] if out else ""
        if fragment and last and (joining or len(last.split()) <= 3 or last.endswith(_OPEN_ENDS)):
            out[-1], joining = f"{last} {line}", True
        else:
            out.append(line)
            joining = False
    return out


# How a line ends when its text goes on below ("1. Tập thể", "… gồm:" does not).
_OPEN_ENDS = ("thể", "nhân", "the", "nhan")


def extract_proposal_nominees(text: str) -> list[NomineeGuess]:
    """The nominees a Tờ trình proposes: "1. Tập thể: …", "- Đồng chí …", rows under "Cá nhân"."""
    found: dict[tuple[str, str], NomineeGuess] = {}
    section: str | None = None
    table = row_start = False
    for raw in _rejoin_wrapped(_rejoin_words(unicodedata.normalize("NFC", text or "").splitlines())):
        line = _first_cells(raw.strip())
        folded = fold(line)
        if not folded:
            continue
        if folded.startswith("noi nhan"):
            break  # the distribution list: offices, never nominees
        if folded == "stt" or _TABLE_HEADER.search(folded):
            table = True  # the proposal's table: "STT | Tên tập thể, cá nhân | Chức vụ …"
        numbered_cell, row_start = row_start, table and bool(re.fullmatch(r"\d{1,2}[.)]?", line))
        bullet = re.match(r"^(?:[-+•*]|\d{1,2}[.)/]?|[a-dA-D][.)])\s*(.*)$", line)
        if not bullet:
            section = None  # prose ends a "Tập thể:" / "Cá nhân:" list
        body = bullet.group(1) if bullet else line
        label = re.match(
            r"^(t[ậa]p\s+th[ểe]|c[áa]\s+nh[âa]n)\s*(?:\(\w+\))?\s*:?\s*(.*)$", body, re.IGNORECASE
        )
        guess: tuple[str | None, str | None] = (None, None)
        if label:
            section = TAP_THE if fold(label.group(1)) == "tap the" else CA_NHAN
            if label.group(2).strip():
                guess = _kind_and_name(re.sub(r"^0?\d+\s+", "", label.group(2)), section)
        elif (award := _AWARD_TO.search(line)) and not _COUNT.match(fold(award.group(1))):
            # One sentence: "Đề nghị tặng Giấy khen cho: Chi bộ Liên minh Hợp tác xã tỉnh; đồng
            # chí Hà Văn Luyện, Chánh Thanh tra …" (each part one nominee).
            for part in (p.strip(" .") for p in award.group(1).split(";")):
                kind, name = _kind_and_name(part, None) if part else (None, None)
                if kind and name and plausible(kind, name):
                    why = [f"proposal line '{line[:80]}'"]
                    found.setdefault((kind, nominee_key(name)), NomineeGuess(kind, name, why))
        elif m := _COMRADE_NAME.search(line):
            guess = (CA_NHAN, person_name(m.group(1)))
        elif bullet and section == TAP_THE and is_collective(body):
            guess = (TAP_THE, clean_collective(body))
        elif bullet and section == CA_NHAN:
            guess = (CA_NHAN, person_name(body.split("\t")[0], labelled=True))
        elif bullet and table and is_collective(cell := _ocr_cell(body)):
            # A row of the proposal's table read as one line: "1 Chi bộ Trung tâm …" (by
            # OCR: "1 [ Chỉ bộ Phòng Quản lý | Đảng bộ Sở …", its first cell).
            guess = (TAP_THE, clean_collective(cell))
        elif numbered_cell:
            # The cell after a row's number (a table read cell by cell): its name.
            if is_collective(line):
                guess = (TAP_THE, clean_collective(line))
            else:
                guess = (CA_NHAN, person_name(line, labelled=True))
        kind, name = guess
        if kind and name and plausible(kind, name):
            found.setdefault(
                (kind, nominee_key(name)), NomineeGuess(kind, name, [f"proposal line '{line[:80]}'"])
            )
    return list(found.values())


def _ocr_cell(text: str) -> str:
    """The first cell of a table row as OCR reads it: up to a border ("|", "_ |"), without
    the border marks around it ("[ Chỉ bộ …")."""
    return re.split(r"\s*(?:_+\s*)?\|", text, maxsplit=1)[0].strip(" [](){}_")


def _first_cells(line: str) -> str:
    """A table row as a converter writes it ("|1 |Chi bộ Bảo tàng tỉnh |trực thuộc … |"):
    its number and first cell, the name; other lines as they are."""
    if line.count("|") < 2:
        return line
    cells = [c.strip() for c in line.strip("|").split("|")]
    take = 2 if cells and re.fullmatch(r"\d{1,2}[.)]?", cells[0]) else 1
    return " ".join(c for c in cells[:take] if c)


# Words of a file name that say which kind of nominee it is for (folded, whole words).
_COLLECTIVE_WORDS = (" tap the ", " chi bo ", " dang bo ", " to chuc dang ", " cb ")
_PERSONAL_WORDS = (" ca nhan ", " dong chi ", " dc ", " dang vien ")


# "2 đồng chí", "các cá nhân", and "cả 2" / "cả hai" (both: "QD khen thuong (ca 2).pdf").
_SEVERAL = re.compile(
    r"\b(?:(0?[2-9]|cac)\s+(?:dong chi|ca nhan|tap the|hoi vien|dang vien|chi bo)|ca\s+(?:0?[2-9]|hai|ba))\b"
)


def several_in_filename(filename: str) -> bool:
    """A file name saying the file is for several nominees: "Tom tat 2 dong chi.docx",
    "QĐ khen thưởng 03 cá nhân.pdf", "BCTT các đồng chí.doc", "QD khen thuong (ca 2).pdf"."""
    return bool(_SEVERAL.search(_plain(_EXTENSION.sub("", filename or ""))))


def count_in_filename(filename: str) -> int:
    """How many nominees a file name says the file is for ("Tom tat 03 ca nhan.docx": 3),
    1 when it names no number."""
    m = _SEVERAL.search(_plain(_EXTENSION.sub("", filename or "")))
    return int(m.group(1)) if m and m.group(1).isdigit() else 1


def kind_in_filename(filename: str) -> str | None:
    """The kind a file name speaks of, if only one: "QĐ khen thưởng - tập thể.pdf", "QD khen
    thuong Chi bo.pdf" (a party cell is a collective), "QĐ KT đồng chí Khải.pdf"."""
    name = f" {_plain(_EXTENSION.sub('', _split_camel(filename or '')))} "
    collective = any(w in name for w in _COLLECTIVE_WORDS)
    personal = any(w in name for w in _PERSONAL_WORDS)
    if collective != personal:
        return TAP_THE if collective else CA_NHAN
    return None


_COUNT = re.compile(r"\b(\d{1,2})\s+(tap the|ca nhan)\b")
# A proposal table's header cell (folded): "Tên tập thể, cá nhân", "Họ và tên".
_TABLE_HEADER = re.compile(r"^(?:s?tt\s+)?(?:ten\s+(?:tap the|ca nhan|don vi)|ho va ten|ho ten)\b")


def proposal_counts(text: str) -> dict[str, int]:
    """How many collectives and individuals a proposal says it proposes ("01 tập thể và 01
    cá nhân", across a line break too); {} when it gives no count."""
    counts: dict[str, int] = {}
    for number, what in _COUNT.findall(fold(text or "")):
        kind = TAP_THE if what == "tap the" else CA_NHAN
        counts[kind] = max(counts.get(kind, 0), int(number))
    return counts


_ROW_NAME = re.compile(r"^\s*(?:\d{1,3}[.)/]?\s+|[-+•*]\s*)?(.+)$")


# A table's borders as OCR reads them ("__ | Chi bộ Phòng Nghiệp vụ Y___ | Chỉ bộ trực
# thuộc", "Chi bộ … l Hoàn thành xuất sắc"): cell separators.
_OCR_BORDER = re.compile(r"\s*(?:\||_{2,})\s*|\s[lI]\s")


def mentioned_names(text: str) -> list[tuple[str, str]]:
    """(kind, name) of everyone a document names: "đồng chí X" anywhere, a person's name
    opening a numbered row (a rating decision's table of members), a collective opening a
    line.  The dossier step matches these against the unit's nominees."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for raw in unicodedata.normalize("NFC", text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        for m in _COMRADE_NAME.finditer(line):
            name = person_name(m.group(1))
            if name and plausible(CA_NHAN, name):
                found.setdefault((CA_NHAN, nominee_key(name)), (CA_NHAN, name))
        row = _ROW_NAME.match(line)
        body = _OCR_BORDER.sub("\t", row.group(1) if row else line)
        for cell in body.split("\t"):
            cell = cell.strip()
            name = person_name(cell)
            if name and plausible(CA_NHAN, name):
                found.setdefault((CA_NHAN, nominee_key(name)), (CA_NHAN, name))
            elif is_collective(cell):
                collective = clean_collective(cell)
                if collective and plausible(TAP_THE, collective):
                    found.setdefault((TAP_THE, nominee_key(collective)), (TAP_THE, collective))
    return list(found.values())
