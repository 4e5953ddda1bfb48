"""The tracking matrix as an Excel workbook: units × deliverables, one sheet per deadline.

Each sheet has a frozen header row (and the unit columns frozen beside it), an
auto-filter over the whole table, status cells coloured like the dashboard (green
received, red missing, yellow waiting for review), the arrival date and a late flag
per deliverable, the nominees and what their dossiers lack, and the problems found.
Built from a :class:`~bot.reporting.snapshot.Snapshot` (pure apart from openpyxl).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from bot.campaign.model import Campaign
from bot.exports.labels import LATE_VI, STATUS_VI, deliverable_label, unit_kind_vi
from bot.reporting.snapshot import Snapshot

FILLS = {
    "received": PatternFill("solid", fgColor="C6EFCE"),
    "missing": PatternFill("solid", fgColor="FFC7CE"),
    "needs_review": PatternFill("solid", fgColor="FFEB9C"),
}
LATE_FILL = PatternFill("solid", fgColor="F8CBAD")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(name="Times New Roman", bold=True, color="FFFFFF", size=12)
BODY_FONT = Font(name="Times New Roman", size=12)
_THIN = Side(style="thin", color="999999")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


TOP_WRAP = Alignment(wrap_text=True, vertical="top")


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


def _local_date(value: dt.datetime | None, tz) -> str:
    return "" if value is None else value.astimezone(tz).strftime("%d/%m/%Y %H:%M")


def build_matrix(campaign: Campaign, snap: Snapshot, now: dt.datetime) -> Workbook:
    tz = campaign.tz
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for deadline in campaign.deadlines:
        items = [d for d in campaign.deliverables if d.deadline == deadline.id]
        if not items:
            continue
        # A deadline with one deliverable is best known by that deliverable's name.
        label = items[0].short_name if len(items) == 1 else deadline.label
        ws = wb.create_sheet(sheet_title(label, used))
        has_nominees = any(d.scope == "nominee" for d in items)
        header = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Hạn nộp"]
        for d in items:
            header += [d.short_name, f"{d.short_name} — ngày nhận", f"{d.short_name} — quá hạn"]
        if has_nominees:
            header += ["Tập thể đề nghị", "Cá nhân đề nghị", "Hồ sơ đề nghị còn thiếu"]
        header += ["Vấn đề"]
        ws.append(header)
        for cell in ws[1]:
            cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")

        for i, st in enumerate(snap.units, 1):
            states = [st.deliverable(d.id) for d in items]
            due = max((s.due for s in states), default=None)
            row: list = [
                i,
                st.unit.code,
                st.unit.name,
                unit_kind_vi(campaign, st.unit.kind),
                _local_date(due, tz),
            ]
            for s in states:
                status = STATUS_VI[s.status]
                if s.missing_nominees and s.status != "received":
                    status += " (" + ", ".join(s.missing_nominees) + ")"
                row += [status, _local_date(s.received_at, tz), LATE_VI if s.late else ""]
            if has_nominees:
                tap = [n.nomination.name for n in st.nominations if n.nomination.kind == "tap_the"]
                can = [n.nomination.name for n in st.nominations if n.nomination.kind == "ca_nhan"]
                lacking = [
                    f"{n.nomination.name}: " + ", ".join(deliverable_label(campaign, m) for m in n.missing)
                    for n in st.nominations
                    if n.missing
                ]
                row += ["; ".join(tap), "; ".join(can), "\n".join(lacking)]
            problems = [p.message for s in states for p in s.problems] + [p.message for p in st.problems]
            row.append("\n".join(dict.fromkeys(problems)))
            ws.append(row)
            r = i + 1  # counted, not ws.max_row, which scans every cell (quadratic)
            for cell in ws[r]:
                cell.font, cell.border, cell.alignment = BODY_FONT, BORDER, TOP_WRAP
            for k, s in enumerate(states):
                col = 6 + 3 * k
                ws.cell(r, col).fill = FILLS[s.status]
                if s.late:
                    ws.cell(r, col + 2).fill = LATE_FILL

        widths = [6, 10, 34, 16, 17] + [18, 17, 10] * len(items)
        if has_nominees:
            widths += [28, 28, 40]
        widths += [50]
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = w
        ws.row_dimensions[1].height = 45
        # Header row and the unit's code and name stay visible while scrolling.
        ws.freeze_panes = "D2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(snap.units) + 1}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.print_title_rows = "1:1"
    wb.properties.title = f"Tình hình nộp hồ sơ — {campaign.reference}"
    wb.properties.created = now.astimezone(dt.UTC).replace(tzinfo=None)
    return wb


def matrix_bytes(campaign: Campaign, snap: Snapshot, now: dt.datetime) -> bytes:
    buf = io.BytesIO()
    build_matrix(campaign, snap, now).save(buf)
    return buf.getvalue()


def write_matrix(path: str | Path, campaign: Campaign, snap: Snapshot, now: dt.datetime) -> Path:
    path = Path(path)
    path.write_bytes(matrix_bytes(campaign, snap, now))
    return path
