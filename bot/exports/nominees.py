"""The nominee list for the Standing Committee, as a Word document the staff hand on unchanged.

"Danh sách tập thể, cá nhân … đề nghị khen thưởng" laid out as Hướng dẫn 36-HD/VPTW asks of
Party documents: A4, Times New Roman, margins 2/2/3/1.5 cm; a two-column header with the
superior committee, the issuing committee (bold), a ``*`` and the number and symbol ("Số
   -DS/ĐUK") on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule under it as long as the
words and the place-and-date line (day under 10 and months 1–2 with a leading zero) on
the right; the title and its subject; one table for collectives and one for individuals
(STT, name, position and unit, proposing unit, and a note only for nominees of a unit
over its quota, whom the Standing Committee must choose between); the "Nơi nhận" list
and the signature block (authority, title, name); the page number at the top centre
from page 2 on.  No internal working column: what a dossier still lacks is for the
dashboard and the workbook, not for this paper.

The letterhead, numbering, recipients and signer come from the campaign file
(``[nominee_list]``, validated by :class:`bot.campaign.model.NomineeList`), never from code.
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

from bot.campaign.model import Campaign, NomineeList
from bot.campaign.rules import quota_text
from bot.errors import BotError
from bot.intake.storage import write_private
from bot.reporting.snapshot import Snapshot
from bot.store.models import AttachmentRow, Submission
from bot.text import fold
from bot.vocabulary import ProblemCode

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13
SMALL_PT = 12
HEADER_OUTDENT_CM = 1.5
OVER_QUOTA_MARK = "(*)"


@dataclass(frozen=True)
class NomineeRow:
    kind: str  # tap_the | ca_nhan
    name: str
    position: str  # "Chức vụ, đơn vị công tác" (individuals) or the unit it belongs to
    proposing_unit: str
    # When the proposing unit is over its quota: what the quota allows ("01 tập thể hoặc
    # 01 cá nhân"); the Standing Committee decides which nominees to keep.
    over_quota: str = ""


class NomineeListError(BotError):
    """The campaign file does not say how the nominee list is headed and signed."""


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
    """One row per nomination (withdrawn ones, and those awaiting their sender's
    confirmation, left out), in unit order."""
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
        over = any(p.code == ProblemCode.QUOTA_EXCEEDED for p in st.problems)
        kind = campaign.unit_kinds.get(st.unit.kind)
        allowed = quota_text(kind.quota) if over and kind is not None else ""
        for ns in st.nominations:
            n = ns.nomination
            if n.awaiting_sender:
                continue  # known only from a mail staff have not confirmed
            position = position_of(reports.get(n.id, "")) if n.kind == "ca_nhan" else st.unit.name
            rows.append(NomineeRow(n.kind, n.name, position, st.unit.name, allowed))
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


def _cell_text(cell, text: str, *, bold=False, italic=False, underline=False, align=None, size=TABLE_PT):
    """The cell's first paragraph holding ``text`` in one run (returned)."""
    p = cell.paragraphs[0]
    for old in list(p.runs):
        old._r.getparent().remove(old._r)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    return run


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
    """ "Thái Nguyên, ngày 05 tháng 3 năm 2024": days under 10 and the months 1 and 2 with a
    leading zero, the other months without (Hướng dẫn 36-HD/VPTW)."""
    d = now.astimezone(tz).date()
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def number_line(spec: NomineeList) -> str:
    """ "Số 15-DS/ĐUK", or "Số      -DS/ĐUK" with room for the number given at registration."""
    return f"Số {spec.number or ' ' * 6}-{spec.symbol}"


def _indent(table, cm: float) -> None:
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(int(Cm(cm).twips)))
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(ind)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _header(doc, campaign: Campaign, now: dt.datetime, spec: NomineeList) -> None:
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    # A letterhead runs into the left margin, so the committee's name and the date line
    # each hold on one line (the text block is 16.5 cm).
    _indent(t, -HEADER_OUTDENT_CM)
    _widths(t, [9.4, 8.6])
    left, right = t.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(left, spec.superior, size=BODY_PT, align=center)
    _para(left, spec.issuer, size=BODY_PT, bold=True, align=center)
    _para(left, "*", size=BODY_PT, align=center)
    _para(left, number_line(spec), size=BODY_PT, align=center)
    # The rule under the party's name is as long as the words: their underline.
    _cell_text(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, align=center)
    _para(right, "", size=BODY_PT)
    # 13 pt keeps "Thái Nguyên, ngày 28 tháng 02 năm 2024" on one line in any serif font.
    _para(right, date_line(spec.place, now, campaign.tz), size=TABLE_PT, italic=True, align=center)


def _subtitle(campaign: Campaign, spec: NomineeList) -> str:
    """The title's subject: the campaign file's, else "tập thể, cá nhân tiêu biểu … năm 2024
    đề nghị khen thưởng" from the plan's own title."""
    if spec.subtitle:
        return spec.subtitle
    marker = "tập thể, cá nhân"
    title = campaign.title
    i = title.find(marker)
    rest = title[i + len(marker) :].strip() if i >= 0 else ""
    return f"tập thể, cá nhân {rest} đề nghị khen thưởng".replace("  ", " ")


def _section(doc, heading: str, name_header: str, position_header: str, rows: list[NomineeRow]) -> None:
    _para(doc, "", size=BODY_PT)
    _para(doc, heading, size=BODY_PT, bold=True)
    if not rows:
        _para(doc, "(Không có đơn vị đề nghị.)", size=BODY_PT, italic=True)
        return
    headers = ["STT", name_header, position_header, "Đơn vị đề nghị", "Ghi chú"]
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
        _cell_text(cells[4], f"Vượt số lượng {OVER_QUOTA_MARK}" if r.over_quota else "", align=center)
    _widths(t, [1.4, 4.6, 4.4, 3.8, 2.3])


def _over_quota_note(doc, campaign: Campaign, rows: list[NomineeRow]) -> None:
    units = list(dict.fromkeys((r.proposing_unit, r.over_quota) for r in rows if r.over_quota))
    if not units:
        return
    _para(doc, "", size=BODY_PT)
    listed = "; ".join(f"{name} (theo quy định: {allowed})" for name, allowed in units)
    _para(
        doc,
        f"{OVER_QUOTA_MARK} Đơn vị đề nghị vượt số lượng quy định tại {campaign.citation}: {listed}. "
        "Đề nghị Ban Thường vụ xem xét, quyết định.",
        size=BODY_PT,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    )


def _signature(doc, spec: NomineeList) -> None:
    """ "Nơi nhận" on the left, the signer on the right, side by side as the guide lays out."""
    _para(doc, "", size=BODY_PT)
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    _widths(t, [8.0, 8.5])
    left, right = t.rows[0].cells
    _cell_text(left, "Nơi nhận:", size=BODY_PT, underline=True)
    for r in spec.recipients:
        _para(left, f"- {r}", size=SMALL_PT)
    center = WD_ALIGN_PARAGRAPH.CENTER
    first = True
    for line in (spec.signer.authority, spec.signer.title):
        if not line:
            continue
        if first:
            _cell_text(right, line.upper(), size=BODY_PT, bold=True, align=center)
            first = False
        else:
            _para(right, line.upper(), size=BODY_PT, bold=True, align=center)
    for _ in range(4):  # room for the signature and the seal
        _para(right, "", size=BODY_PT)
    _para(right, spec.signer.name, size=BODY_PT, bold=True, align=center)


def _page_numbers(section) -> None:
    """The page number at the top centre from the second page on (36-HD/VPTW)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.size = Pt(BODY_PT)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def build_nominees_docx(campaign: Campaign, rows: list[NomineeRow], now: dt.datetime):
    """The document (a python-docx ``Document``); raises :class:`NomineeListError` when the
    campaign file lacks its ``[nominee_list]`` section."""
    spec = campaign.nominee_list
    if spec is None:
        raise NomineeListError(
            "the campaign file has no [nominee_list] section (letterhead, number symbol, "
            "recipients and signer of the nominee list)"
        )
    doc = Document()
    _set_fonts(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
    sec.header_distance = Cm(1)
    _page_numbers(sec)

    _header(doc, campaign, now, spec)
    _para(doc, "", size=BODY_PT)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, spec.title, size=16, bold=True, align=center)
    _para(doc, _subtitle(campaign, spec), size=BODY_PT, bold=True, align=center)
    _para(doc, f"(Theo {campaign.citation})", italic=True, align=center)
    _para(doc, "-----", size=BODY_PT, align=center)

    collectives = [r for r in rows if r.kind == "tap_the"]
    individuals = [r for r in rows if r.kind == "ca_nhan"]
    _section(doc, "I. TẬP THỂ", "Tên tập thể", "Trực thuộc", collectives)
    _section(doc, "II. CÁ NHÂN", "Họ và tên", "Chức vụ, đơn vị công tác", individuals)
    _over_quota_note(doc, campaign, rows)
    _para(doc, "", size=BODY_PT)
    _para(
        doc,
        f"Danh sách gồm {len(collectives):02d} tập thể và {len(individuals):02d} cá nhân./.",
        size=BODY_PT,
    )
    _signature(doc, spec)
    doc.core_properties.title = f"{spec.title.capitalize()} {_subtitle(campaign, spec)}"
    doc.core_properties.author = spec.issuer.title()
    # python-docx would stamp the real clock; the export is reproducible from ``now``.
    stamp = now.astimezone(dt.UTC).replace(tzinfo=None)
    doc.core_properties.created = doc.core_properties.modified = stamp
    return doc


def nominees_docx_bytes(campaign: Campaign, rows: list[NomineeRow], now: dt.datetime) -> bytes:
    buf = io.BytesIO()
    build_nominees_docx(campaign, rows, now).save(buf)
    return buf.getvalue()


def write_nominees_docx(
    path: str | Path, campaign: Campaign, rows: list[NomineeRow], now: dt.datetime
) -> Path:
    return write_private(path, nominees_docx_bytes(campaign, rows, now))
