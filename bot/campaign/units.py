"""The submitting units as plain data, and reading them from CSV or XLSX.

``read_units(path, unit_kinds)`` returns validated :class:`UnitInfo` rows or raises
:class:`~bot.errors.UnitImportError` naming the first bad line; the caller writes them
in one transaction, so a bad file imports nothing.  Columns are exactly
``code,name,kind,emails,secretary,aliases``; lists are separated by ``;``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import UnitImportError

COLUMNS = ["code", "name", "kind", "emails", "secretary", "aliases"]
# A registered address is compared with the From addr-spec the strict sender parser reads
# (bot.intake.sender): a dot-atom local part and a dotted domain, nothing else.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_EMAIL = re.compile(
    rf"^{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class UnitInfo:
    """One submitting unit, as every part of the bot sees it (matching, tracking, mails)."""

    code: str
    name: str
    kind: str
    emails: tuple[str, ...] = ()
    secretary: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)
    id: int | None = None  # the database row, when loaded from one


def is_email_address(text: str) -> bool:
    """Whether ``text`` is a plain address a unit can register (``local@domain.tld``).

    >>> is_email_address("dangbo.syt@thainguyen.gov.vn"), is_email_address("not an address")
    (True, False)
    """
    return bool(_EMAIL.match(text)) and "=?" not in text and len(text) <= 254


def normalize_email(address: str) -> str:
    """Lower-case and drop a ``+tag`` from the local part (``a+hs@x`` is ``a@x``)."""
    address = address.strip().lower()
    local, _, domain = address.partition("@")
    local = local.split("+", 1)[0]
    return f"{local}@{domain}" if domain else local


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(";") if p.strip())


def _rows_from_csv(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    # Excel on Windows writes a BOM; some offices still save in cp1258.
    for enc in ("utf-8-sig", "cp1258"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnitImportError(str(path), 1, "file is neither UTF-8 nor Windows-1258 text")
    # A quoted cell may hold a line break: each row is numbered by the line it starts on.
    reader = csv.reader(io.StringIO(text))
    rows, start = [], 1
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


def _rows_from_xlsx(path: Path) -> list[tuple[int, list[str]]]:
    # Imported here: only .xlsx unit files need it (0.09 s to import).
    from openpyxl import load_workbook  # noqa: PLC0415

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many unrelated types for a bad file
        raise UnitImportError(str(path), 1, f"not a readable .xlsx file: {e}") from e
    ws = wb.worksheets[0]
    rows = [
        (n, ["" if v is None else str(v) for v in row])
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1)
    ]
    wb.close()
    return rows


def read_units(path: str | Path, unit_kinds: set[str]) -> list[UnitInfo]:
    """Parse and validate a units file; raise UnitImportError with the line number."""
    return [unit for _line, unit in read_unit_rows(path, unit_kinds)]


def read_unit_rows(path: str | Path, unit_kinds: set[str]) -> list[tuple[int, UnitInfo]]:
    """:func:`read_units` with the line each unit starts on (for errors found later)."""
    path = Path(path)
    if not path.exists():
        raise UnitImportError(str(path), 0, "file not found")
    rows = _rows_from_xlsx(path) if path.suffix.lower() == ".xlsx" else _rows_from_csv(path)
    if not rows:
        raise UnitImportError(str(path), 1, "empty file")
    header_line, header_row = rows[0]
    header = [h.strip().lower() for h in header_row]
    while header and header[-1] == "":
        header.pop()
    if header != COLUMNS:
        raise UnitImportError(
            str(path), header_line, f"columns must be exactly {','.join(COLUMNS)}; found {','.join(header)}"
        )
    seen_codes: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    units = []
    for line, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        row = (row + [""] * len(COLUMNS))[: len(COLUMNS)]
        code, name, kind, emails, secretary, aliases = (unicodedata.normalize("NFC", c.strip()) for c in row)
        if not _CODE.match(code):
            raise UnitImportError(str(path), line, f"code {code!r} must be 1-32 letters, digits, '-' or '_'")
        if code in seen_codes:
            raise UnitImportError(str(path), line, f"code {code} already used on line {seen_codes[code]}")
        if not name:
            raise UnitImportError(str(path), line, "name is empty")
        if kind not in unit_kinds:
            raise UnitImportError(str(path), line, f"kind {kind!r} is not one of {sorted(unit_kinds)}")
        addrs = []
        for e in _split(emails):
            if not is_email_address(e):
                raise UnitImportError(str(path), line, f"{e!r} is not an e-mail address")
            norm = normalize_email(e)
            if norm in seen_emails:
                raise UnitImportError(
                    str(path), line, f"address {e} already belongs to line {seen_emails[norm]}"
                )
            seen_emails[norm] = line
            addrs.append(norm)
        seen_codes[code] = line
        units.append((line, UnitInfo(code, name, kind, tuple(addrs), secretary, _split(aliases))))
    return units
