"""The tracking matrix as an Excel workbook: the digest's attachment and the staff export.

One builder, two layouts over the same cells, styles and words:

* :data:`OVERVIEW` (attached to the daily digest): sheet “Tình hình nộp hồ sơ”, one row
  per unit and, per deliverable, a status column reading “Đã nhận”, “Chờ xem xét” or
  “Còn thiếu” (with “(nộp muộn)”) and the arrival date, then the nominees and problems;
  sheet “Hồ sơ đề nghị”, one row per nominee with its per-nominee documents.
* :data:`BY_DEADLINE` (``export matrix`` and the dashboard): one printable sheet per
  deadline, with the arrival date and a late flag beside each deliverable.

Dates are real date cells (sortable, filterable), shown dd/mm/yyyy in the campaign's
time zone; every sheet prints on A4 landscape, fitted to the width, its header row
repeated on each page.

Status cells are coloured like the dashboard (green received, red missing, yellow waiting
for review, orange late); headers are frozen and filterable.  Built only from
:class:`~bot.campaign.tracking.UnitState`, so the workbook agrees with ``status``, and
written by :mod:`bot.exports.xlsx` (fast enough for thousands of units).
"""

from __future__ import annotations

import datetime as dt
import re

from bot.campaign.model import Campaign, Deliverable
from bot.campaign.tracking import DeliverableState, NominationState, UnitState
from bot.exports.xlsx import XLSX_TYPE, Book, Style
from bot.vocabulary import LATE_VI, STATUS_VI, nominee_kind_vi, nominee_name_vi

__all__ = ["BY_DEADLINE", "OVERVIEW", "XLSX_TYPE", "matrix_bytes", "sheet_title"]

OVERVIEW = "overview"
BY_DEADLINE = "by_deadline"

FILLS = {"received": "C6EFCE", "missing": "FFC7CE", "needs_review": "FFEB9C", "late": "F8CBAD"}
HEADER = Style(fill="1F4E78", bold=True, color="FFFFFF", vertical="center", horizontal="center")
BODY = Style()
DATE = Style(num_format="dd/mm/yyyy", horizontal="center")
DATETIME = Style(num_format="dd/mm/yyyy hh:mm", horizontal="center")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(label: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = _SHEET_FORBIDDEN.sub("-", label).strip()
    if len(base) > 31:
        # Cut at a word boundary: a sheet tab ending in half a word reads as a typo.
        base = base[:32].rsplit(" ", 1)[0]
    base = base or "Sheet"
    title, n = base, 2
    while title in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


class _Styles:
    def __init__(self, book: Book) -> None:
        self.header = book.style(HEADER)
        self.body = book.style(BODY)
        self.date = book.style(DATE)
        self.datetime = book.style(DATETIME)
        self.fill = {k: book.style(Style(fill=v)) for k, v in FILLS.items()}

    def status(self, d: DeliverableState) -> int:
        return self.fill["late"] if d.late else self.fill.get(d.status, self.fill["missing"])


def _local(value: dt.datetime | None, tz) -> dt.datetime | None:
    """A naive local time for a date cell (a spreadsheet has no time zones)."""
    return None if value is None else value.astimezone(tz).replace(tzinfo=None)


def _nominees(names: dict[str, str], st: UnitState) -> list[str]:
    """Collectives, individuals, and what each nominee's dossier still lacks.

    ``names``: deliverable id → short name (:func:`_short_names`).
    """

    def name(n: NominationState) -> str:
        return nominee_name_vi(n.nomination.name, n.nomination.awaiting_sender)

    tap = [name(n) for n in st.nominations if n.nomination.kind == "tap_the"]
    can = [name(n) for n in st.nominations if n.nomination.kind == "ca_nhan"]
    lacking = [
        f"{name(n)}: " + ", ".join(names.get(m) or m for m in n.missing) for n in st.nominations if n.missing
    ]
    return ["; ".join(tap), "; ".join(can), "\n".join(lacking)]


def _status_text(d: DeliverableState) -> str:
    """“Đã nhận”, “Chờ xem xét”, “Còn thiếu”, with “ (nộp muộn)” when late."""
    return STATUS_VI.get(d.status, d.status) + (" (nộp muộn)" if d.late else "")


def _short_names(campaign: Campaign) -> dict[str, str]:
    return {d.id: campaign.label(d.id) for d in campaign.deliverables}


def _problems(st: UnitState, cells: list[DeliverableState]) -> str:
    return "\n".join(
        dict.fromkeys([p.message for d in cells for p in d.problems] + [p.message for p in st.problems])
    )


def _overview(book: Book, st_: _Styles, campaign: Campaign, states: list[UnitState]) -> None:
    tz = campaign.tz
    fixed = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Bí thư / phụ trách", "Địa chỉ thư điện tử"]
    names = [h for d in campaign.deliverables for h in (d.short_name, f"{d.short_name} — ngày nhận")]
    tail = ["Tập thể đề nghị", "Cá nhân đề nghị", "Hồ sơ còn thiếu theo từng người", "Vấn đề cần lưu ý"]
    ws = book.sheet(
        "Tình hình nộp hồ sơ",
        [10, 36, 16, 22, 30] + [16, 12] * len(campaign.deliverables) + [28, 28, 45, 50],
        freeze="C2",
        header_height=45,
    )
    ws.row(fixed + names + tail, st_.header)
    body, short = st_.body, _short_names(campaign)
    for st in states:
        u = st.unit
        cells: list = []
        styles = [body] * len(fixed)
        for d in st.deliverables:
            cells += [_status_text(d), _local(d.received_at, tz)]
            styles += [st_.status(d), st_.date]
        ws.row(
            [u.code, u.name, campaign.unit_kind_name(u.kind), u.secretary, "; ".join(u.emails)]
            + cells
            + _nominees(short, st)
            + [_problems(st, st.deliverables)],
            styles + [body] * len(tail),
        )


def _nominee_sheet(book: Book, st_: _Styles, campaign: Campaign, states: list[UnitState]) -> None:
    per_nominee = campaign.nominee_deliverables()
    body = st_.body
    ws = book.sheet(
        "Hồ sơ đề nghị", [10, 40, 12, 36] + [20] * len(per_nominee), freeze="E2", header_height=32
    )
    ws.row(
        ["Mã đơn vị", "Tên đơn vị", "Hình thức", "Tập thể / cá nhân được đề nghị"]
        + [d.short_name for d in per_nominee],
        st_.header,
    )
    not_applicable = ("Không áp dụng", body)
    received = (STATUS_VI["received"], st_.fill["received"])
    missing = (STATUS_VI["missing"], st_.fill["missing"])
    pending = (STATUS_VI["needs_review"], st_.fill["needs_review"])
    for st in states:
        for n in st.nominations:
            kind = n.nomination.kind
            marks = [
                not_applicable
                if not d.required_for(kind)
                else (received if d.id in n.documents else pending if d.id in n.pending else missing)
                for d in per_nominee
            ]
            ws.row(
                [
                    st.unit.code,
                    st.unit.name,
                    nominee_kind_vi(kind),
                    nominee_name_vi(n.nomination.name, n.nomination.awaiting_sender),
                ]
                + [m for m, _ in marks],
                [body] * 4 + [s for _, s in marks],
            )


def _deadline_sheet(
    book: Book,
    st_: _Styles,
    campaign: Campaign,
    states: list[UnitState],
    title: str,
    items: list[Deliverable],
) -> None:
    tz = campaign.tz
    has_nominees = any(d.scope == "nominee" for d in items)
    header = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Hạn nộp"]
    widths = [6, 10, 34, 16, 17]
    for d in items:
        header += [d.short_name, f"{d.short_name} — ngày nhận", f"{d.short_name} — quá hạn"]
        widths += [18, 17, 10]
    if has_nominees:
        header += ["Tập thể đề nghị", "Cá nhân đề nghị", "Hồ sơ đề nghị còn thiếu"]
        widths += [28, 28, 40]
    header += ["Vấn đề"]
    widths += [50]
    # Header row and the unit's code and name stay visible while scrolling.
    ws = book.sheet(title, widths, freeze="D2", header_height=45)
    ws.row(header, st_.header)
    body, late, short = st_.body, st_.fill["late"], _short_names(campaign)
    for i, st in enumerate(states, 1):
        cells = [st.deliverable(d.id) for d in items]
        due = max((c.due for c in cells), default=None)
        row: list = [
            i,
            st.unit.code,
            st.unit.name,
            campaign.unit_kind_name(st.unit.kind),
            _local(due, tz),
        ]
        styles = [body] * 4 + [st_.datetime]
        for c in cells:
            status = STATUS_VI[c.status]
            if c.missing_nominees and c.status != "received":
                status += ": " + ", ".join(c.missing_nominees)
            row += [status, _local(c.received_at, tz), LATE_VI if c.late else ""]
            styles += [st_.fill[c.status], st_.datetime, late if c.late else body]
        if has_nominees:
            row += _nominees(short, st)
            styles += [body] * 3
        row.append(_problems(st, cells))
        styles.append(body)
        ws.row(row, styles)


def matrix_bytes(
    campaign: Campaign, states: list[UnitState], now: dt.datetime, layout: str = BY_DEADLINE
) -> bytes:
    """The workbook as bytes, in one of the two layouts (see the module docstring)."""
    book = Book()
    styles = _Styles(book)
    if layout == OVERVIEW:
        _overview(book, styles, campaign, states)
        _nominee_sheet(book, styles, campaign, states)
        title = f"{campaign.reference} — tình hình nộp hồ sơ"
    elif layout == BY_DEADLINE:
        used: set[str] = set()
        for deadline in campaign.deadlines:
            items = [d for d in campaign.deliverables if d.deadline == deadline.id]
            if items:
                # A deadline with one deliverable is best known by that deliverable's name.
                label = items[0].short_name if len(items) == 1 else deadline.label
                _deadline_sheet(book, styles, campaign, states, sheet_title(label, used), items)
        title = f"Tình hình nộp hồ sơ — {campaign.reference}"
    else:
        raise ValueError(f"unknown matrix layout {layout!r}")
    return book.save(title=title, created=now)
