"""The tracking matrix as an ``.xlsx`` workbook (openpyxl): units × deliverables.

Sheet «Tình hình nộp hồ sơ»: one row per unit, one column per deliverable showing
«Đã nhận dd/mm/yyyy», «Chờ xem xét» or «Còn thiếu» (with «nộp muộn» when late) on a
green / yellow / red fill, then the nominees and problems.  Sheet «Hồ sơ đề nghị»: one
row per nominee with its per-nominee documents.  Headers are frozen and filterable.

Built only from :class:`~bot.campaign.tracking.UnitState`, so the digest attachment and
the staff export (which reuses :func:`build_matrix`) agree with ``status``.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.campaign.model import Campaign
from bot.campaign.tracking import UnitState
from bot.outgoing.render import NOMINEE_KINDS_VI

FILLS = {
    "received": PatternFill("solid", fgColor="C6EFCE"),
    "needs_review": PatternFill("solid", fgColor="FFEB9C"),
    "missing": PatternFill("solid", fgColor="FFC7CE"),
    "late": PatternFill("solid", fgColor="F4B183"),
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
STATUS_VI = {"received": "Đã nhận", "needs_review": "Chờ xem xét", "missing": "Còn thiếu"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


TOP_WRAP = Alignment(wrap_text=True, vertical="top")


def _header(ws: Worksheet, titles: list[str], widths: list[int]) -> None:
    ws.append(titles)
    for i, w in enumerate(widths, 1):
        cell = ws.cell(row=1, column=i)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.row_dimensions[1].height = 32


def _finish(ws: Worksheet, freeze: str) -> None:
    ws.freeze_panes = freeze
    ws.auto_filter.ref = ws.dimensions


def _status_text(status: str, received_at: dt.datetime | None, late: bool, tz) -> str:
    text = STATUS_VI.get(status, status)
    if status == "received" and received_at is not None:
        text += f" {received_at.astimezone(tz):%d/%m/%Y}"
    return text + (" (nộp muộn)" if late else "")


def build_matrix(campaign: Campaign, states: list[UnitState], now: dt.datetime) -> bytes:
    """The workbook as bytes."""
    tz = campaign.tz
    wb = Workbook()
    ws = wb.active
    ws.title = "Tình hình nộp hồ sơ"
    fixed = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Bí thư / phụ trách", "Địa chỉ thư điện tử"]
    deliverables = [d.short_name for d in campaign.deliverables]
    tail = ["Tập thể đề nghị", "Cá nhân đề nghị", "Hồ sơ còn thiếu theo từng người", "Vấn đề cần lưu ý"]
    _header(
        ws, fixed + deliverables + tail, [10, 40, 16, 22, 32] + [18] * len(deliverables) + [28, 28, 45, 50]
    )
    kinds = {k: v.name for k, v in campaign.unit_kinds.items()}
    # Row numbers are counted here: ``ws.max_row`` scans every cell, which made the
    # workbook quadratic in the number of units (minutes at 5,000 units).
    for r, st in enumerate(states, start=2):
        u = st.unit
        cells: list = [u.code, u.name, kinds.get(u.kind, u.kind), u.secretary, "; ".join(u.emails)]
        cells += [_status_text(d.status, d.received_at, d.late, tz) for d in st.deliverables]
        noms = [n.nomination for n in st.nominations]
        lacking = [
            f"{n.nomination.name}: " + ", ".join(campaign.deliverable(t).short_name for t in n.missing)
            for n in st.nominations
            if n.missing
        ]
        problems = list(
            dict.fromkeys(
                [p.message for d in st.deliverables for p in d.problems] + [p.message for p in st.problems]
            )
        )
        cells += [
            "; ".join(n.name for n in noms if n.kind == "tap_the"),
            "; ".join(n.name for n in noms if n.kind == "ca_nhan"),
            "\n".join(lacking),
            "\n".join(problems),
        ]
        ws.append(cells)
        for i, d in enumerate(st.deliverables):
            cell = ws.cell(row=r, column=len(fixed) + 1 + i)
            cell.fill = FILLS["late"] if d.late else FILLS.get(d.status, FILLS["missing"])
        for col in range(1, len(cells) + 1):
            ws.cell(row=r, column=col).alignment = TOP_WRAP
    _finish(ws, "C2")

    ws2 = wb.create_sheet("Hồ sơ đề nghị")
    per_nominee = campaign.nominee_deliverables()
    _header(
        ws2,
        ["Mã đơn vị", "Tên đơn vị", "Hình thức", "Tập thể / cá nhân được đề nghị"]
        + [d.short_name for d in per_nominee],
        [10, 40, 12, 36] + [20] * len(per_nominee),
    )
    r = 1
    for st in states:
        for n in st.nominations:
            r += 1
            row = [
                st.unit.code,
                st.unit.name,
                NOMINEE_KINDS_VI.get(n.nomination.kind, n.nomination.kind),
                n.nomination.name,
            ]
            marks = []
            for d in per_nominee:
                if n.nomination.kind not in d.nominee_kinds:
                    marks.append(("Không áp dụng", None))
                elif d.id in n.documents:
                    marks.append(("Đã nhận", "received"))
                else:
                    marks.append(("Còn thiếu", "missing"))
            ws2.append(row + [m for m, _ in marks])
            for i, (_, status) in enumerate(marks):
                if status:
                    ws2.cell(row=r, column=len(row) + 1 + i).fill = FILLS[status]
    _finish(ws2, "E2")

    wb.properties.title = f"{campaign.reference} — tình hình nộp hồ sơ"
    wb.properties.created = now.astimezone(dt.UTC).replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
