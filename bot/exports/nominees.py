"""The nominee list for the Standing Committee, as a Word document.

"Danh sách tập thể, cá nhân đề nghị khen thưởng…" laid out the way Party documents are
(Hướng dẫn 36-HD/VPTW): A4, Times New Roman; a two-column header with the superior
committee, the issuing committee and a ``*`` on the left, "ĐẢNG CỘNG SẢN VIỆT NAM"
and the place-and-date line on the right; the title; then one table for collectives
and one for individuals: STT, name, position and unit, proposing unit, and whether
the dossier is complete or what it still lacks.

:func:`nominee_rows` gathers the rows (the only part that reads the database);
:func:`build_nominees_docx` is pure over those rows and ``now``.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.campaign.model import Campaign
from bot.intake.storage import write_private
from bot.reporting.snapshot import Snapshot
from bot.store.models import AttachmentRow, Submission
from bot.text import fold

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
COMPLETE_VI = "Đầy đủ"


@dataclass(frozen=True)
class NomineeRow:
    kind: str  # tap_the | ca_nhan
    name: str
    position: str  # "Chức vụ, đơn vị công tác" (individuals) or the unit it belongs to
    proposing_unit: str
    missing: tuple[str, ...]  # Vietnamese names of what the dossier lacks

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def dossier_vi(self) -> str:
        return COMPLETE_VI if self.complete else "Còn thiếu: " + "; ".join(self.missing)


@dataclass(frozen=True)
class Letterhead:
    superior: str = "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    issuer: str = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    place: str = "Thái Nguyên"


# -- gathering ---------------------------------------------------------------------------
def _field(text: str, starts: tuple[str, ...]) -> str:
    """The value after ``:`` on the first line whose folded start is one of ``starts``
    (Mẫu 07 writes "- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Giám đốc")."""
    for line in (text or "").splitlines():
        stripped = line.strip().lstrip("-–•+* ").strip()
        if ":" in stripped and fold(stripped).startswith(starts):
            value = stripped.split(":", 1)[1].strip(" .…")
            if value and set(value) - set("."):
                return value
    return ""


def position_of(report_text: str) -> str:
    """ "Chức vụ, đơn vị công tác" from an individual's achievement report, if written."""
    role = _field(report_text, ("chuc vu",))
    workplace = _field(report_text, ("don vi cong tac", "noi cong tac", "co quan cong tac"))
    return ", ".join(p for p in (role, workplace) if p)


def nominee_rows(session: Session, campaign: Campaign, snap: Snapshot) -> list[NomineeRow]:
    """One row per nomination, in unit order, completeness from the tracking state.

    A nominee's dossier also needs the unit's Tờ trình (unit-scope deliverables of the
    same deadline), so a missing Tờ trình is listed against each of its nominees.
    """
    # The individual's achievement report is whichever deliverable the plan gives that
    # role (``role = "achievement_report"``), never an id written here.
    report = campaign.with_role("achievement_report")
    reports: dict[int, str] = {}
    if report is not None:
        excerpts = session.execute(
            select(Submission.nomination_id, AttachmentRow.text_excerpt)
            .join(AttachmentRow, Submission.attachment_id == AttachmentRow.id)
            .where(
                Submission.campaign == campaign.id,
                Submission.superseded_by_id.is_(None),
                Submission.status == "received",
                Submission.deliverable == report.id,
                Submission.nomination_id.is_not(None),
            )
            .order_by(Submission.id)
        )
        reports = {nomination_id: text or "" for nomination_id, text in excerpts}

    rows: list[NomineeRow] = []
    for st in snap.units:
        if not st.nominations:
            continue
        nominee_deadlines = {d.deadline for d in campaign.nominee_deliverables()}
        unit_missing = [
            campaign.label(d.type, short=True) + " của đơn vị"
            for d in st.deliverables
            if campaign.deliverable(d.type).scope == "unit"
            and d.deadline_id in nominee_deadlines
            and d.status != "received"
        ]
        for ns in st.nominations:
            n = ns.nomination
            position = position_of(reports.get(n.id, "")) if n.kind == "ca_nhan" else st.unit.name
            missing = tuple(unit_missing + [campaign.label(m, short=False, kind=n.kind) for m in ns.missing])
            rows.append(NomineeRow(n.kind, n.name, position, st.unit.name, missing))
    return rows


# -- writing -----------------------------------------------------------------------------
def _set_fonts(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    # Word picks the East Asian / complex-script slot for some Vietnamese characters;
    # without these a viewer may substitute another font mid-word.
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.15


def _para(container, text: str = "", *, size=BODY_PT, bold=False, italic=False, underline=False, align=None):
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold, run.italic, run.underline = bold, italic, underline
    return p


def _cell_text(cell, text: str, *, bold=False, italic=False, align=None, size=TABLE_PT) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths; LibreOffice reads the grid, Word reads the cells, so set both."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def date_line(place: str, now: dt.datetime, tz) -> str:
    d = now.astimezone(tz).date()
    return f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def _header(doc, campaign: Campaign, now: dt.datetime, lh: Letterhead) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(t, [8.7, 8.7])
    left, right = t.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(left, lh.superior, size=TABLE_PT, align=center)
    _para(left, lh.issuer, size=TABLE_PT, bold=True, align=center)
    _para(left, "*", size=TABLE_PT, align=center)
    _cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, align=center)
    right.paragraphs[0].runs[0].underline = True
    _para(right, "", size=BODY_PT)
    _para(right, date_line(lh.place, now, campaign.tz), size=BODY_PT, italic=True, align=center)


def _subtitle(campaign: Campaign) -> str:
    """ "tiêu biểu trong học tập và làm theo … năm 2024" taken from the plan's title."""
    marker = "tập thể, cá nhân"
    title = campaign.title
    i = title.find(marker)
    return title[i + len(marker) :].strip() if i >= 0 else ""


def _section(doc, heading: str, name_header: str, position_header: str, rows: list[NomineeRow]) -> None:
    _para(doc, "", size=BODY_PT)
    _para(doc, heading, size=BODY_PT, bold=True)
    if not rows:
        _para(doc, "(Chưa có đơn vị đề nghị.)", size=BODY_PT, italic=True)
        return
    headers = ["STT", name_header, position_header, "Đơn vị đề nghị", "Hồ sơ"]
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    center = WD_ALIGN_PARAGRAPH.CENTER
    for cell, text in zip(t.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, align=center)
    _repeat_header(t.rows[0])
    for i, r in enumerate(rows, 1):
        cells = t.add_row().cells
        _cell_text(cells[0], str(i), align=center)
        _cell_text(cells[1], r.name)
        _cell_text(cells[2], r.position)
        _cell_text(cells[3], r.proposing_unit)
        _cell_text(cells[4], r.dossier_vi, italic=not r.complete)
    _widths(t, [1.3, 4.2, 4.0, 3.2, 3.8])


def build_nominees_docx(
    campaign: Campaign, rows: list[NomineeRow], now: dt.datetime, letterhead: Letterhead | None = None
):
    """The document (a python-docx ``Document``)."""
    lh = letterhead or Letterhead()
    doc = Document()
    _set_fonts(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)

    _header(doc, campaign, now, lh)
    _para(doc, "", size=BODY_PT)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "DANH SÁCH", size=15, bold=True, align=center)
    subtitle = _subtitle(campaign)
    _para(doc, "tập thể, cá nhân đề nghị khen thưởng " + subtitle, size=BODY_PT, bold=True, align=center)
    _para(doc, f"(Theo Kế hoạch số {campaign.reference} của {campaign.issuer})", italic=True, align=center)
    _para(doc, "-----", size=BODY_PT, align=center)

    collectives = [r for r in rows if r.kind == "tap_the"]
    individuals = [r for r in rows if r.kind == "ca_nhan"]
    _section(doc, "I. TẬP THỂ", "Tên tập thể", "Trực thuộc", collectives)
    _section(doc, "II. CÁ NHÂN", "Họ và tên", "Chức vụ, đơn vị công tác", individuals)

    complete = sum(1 for r in rows if r.complete)
    _para(doc, "", size=BODY_PT)
    _para(
        doc,
        f"Danh sách gồm {len(collectives)} tập thể và {len(individuals)} cá nhân; "
        f"{complete} hồ sơ đầy đủ, {len(rows) - complete} hồ sơ còn thiếu "
        f"(số liệu đến {now.astimezone(campaign.tz):%H:%M} ngày {now.astimezone(campaign.tz):%d/%m/%Y}).",
        size=BODY_PT,
        italic=True,
    )
    doc.core_properties.title = "Danh sách tập thể, cá nhân đề nghị khen thưởng"
    doc.core_properties.author = lh.issuer.title()
    # python-docx would stamp the real clock; the export is reproducible from ``now``.
    stamp = now.astimezone(dt.UTC).replace(tzinfo=None)
    doc.core_properties.created = doc.core_properties.modified = stamp
    return doc


def nominees_docx_bytes(
    campaign: Campaign, rows: list[NomineeRow], now: dt.datetime, letterhead: Letterhead | None = None
) -> bytes:
    buf = io.BytesIO()
    build_nominees_docx(campaign, rows, now, letterhead).save(buf)
    return buf.getvalue()


def write_nominees_docx(
    path: str | Path, campaign: Campaign, rows: list[NomineeRow], now: dt.datetime
) -> Path:
    return write_private(path, nominees_docx_bytes(campaign, rows, now))
