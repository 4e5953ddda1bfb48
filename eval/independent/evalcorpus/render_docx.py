"""docmodel.Doc -> .docx with python-docx, following the author's Style."""
from __future__ import annotations

import datetime as dt

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (kept for readers looking for page setup)
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .docmodel import Line


def _font(run, st, size=None, bold=None, italic=None, underline=None):
    run.font.name = st.font
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), st.font)
    run.font.size = Pt(size or st.size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline


def _para(container, text, st, align=None, bold=False, italic=False, underline=False, size=None, indent=True,
          space_after=None):
    p = container.add_paragraph()
    pf = p.paragraph_format
    pf.space_after = Pt(st.space_after_pt if space_after is None else space_after)
    pf.space_before = Pt(0)
    pf.line_spacing = st.line_spacing
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif st.justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent and align is None and st.indent_cm:
        pf.first_line_indent = Cm(st.indent_cm)
    parts = text.split("\n")
    for i, part in enumerate(parts):
        run = p.add_run(part)
        _font(run, st, size, bold, italic, underline)
        if i < len(parts) - 1:
            run.add_break(WD_BREAK.LINE)
    return p


def _no_borders(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblPr.append(borders)


def _widths(table, widths_cm):
    """Set column widths the way Word and LibreOffice both honour: tblGrid + every cell's tcW."""
    table.autofit = False
    tblPr = table._tbl.tblPr
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblPr.append(lay)
    tw = tblPr.find(qn("w:tblW"))
    if tw is None:
        tw = OxmlElement("w:tblW")
        tblPr.append(tw)
    tw.set(qn("w:type"), "dxa")
    tw.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    grid = table._tbl.tblGrid
    cols = grid.findall(qn("w:gridCol"))
    for gc, w in zip(cols, widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for c, w in zip(row.cells, widths_cm):
            c.width = Cm(w)


def _cell_lines(cell, lines, st, align="center"):
    cell.paragraphs[0].text = ""
    first = True
    for ln in lines:
        if isinstance(ln, str):
            ln = Line(ln)
        if first:
            p = cell.paragraphs[0]
            first = False
        else:
            p = cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        run = p.add_run(ln.text)
        _font(run, st, ln.size or (st.size - 1 if not ln.bold else st.size - 1), ln.bold, ln.italic, ln.underline)


def _header(doc, hd, st):
    if st.header_layout == "table":
        t = doc.add_table(rows=1, cols=2)
        _no_borders(t)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        _widths(t, [7.6, 8.6])
        _cell_lines(t.cell(0, 0), hd.left, st)
        right = list(hd.right) + [Line("")] + ([Line(hd.date, italic=True)] if hd.date else [])
        _cell_lines(t.cell(0, 1), right, st)
        _para(doc, "", st, indent=False)
    elif st.header_layout == "stacked":
        for ln in hd.left:
            _para(doc, ln.text, st, align="left" if False else None, bold=ln.bold, indent=False, space_after=0,
                  size=st.size - 1)
        for ln in hd.right:
            _para(doc, ln.text, st, align="center", bold=ln.bold, underline=ln.underline, indent=False, space_after=0)
        if hd.date:
            _para(doc, hd.date, st, align="right", italic=True, indent=False)
    else:  # "tabs": the two columns typed on the same lines, separated by tabs
        n = max(len(hd.left), len(hd.right))
        L = [ln.text for ln in hd.left] + [""] * (n - len(hd.left))
        R = [ln.text for ln in hd.right] + [""] * (n - len(hd.right))
        for a, b in zip(L, R):
            _para(doc, f"{a}\t\t{b}".rstrip(), st, bold=(a.isupper() and bool(a)), indent=False, space_after=0,
                  size=st.size - 1)
        if hd.date:
            _para(doc, "\t\t\t\t" + hd.date, st, italic=True, indent=False)


def _title(doc, lines, st):
    for ln in lines:
        _para(doc, ln.text, st, align="center", bold=ln.bold, italic=ln.italic, underline=ln.underline,
              size=ln.size, indent=False, space_after=2)
    _para(doc, "", st, indent=False, space_after=0)


def _table(doc, rows, opts, st):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    try:
        t.style = st.table_style
    except Exception:  # style missing in the default template: keep plain table
        pass
    widths = opts.get("widths")
    if widths:
        total = sum(widths)
        _widths(t, [w * 16.0 / total for w in widths])
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            c = t.cell(i, j)
            c.paragraphs[0].text = ""
            parts = str(val).split("\n")
            for k, part in enumerate(parts):
                p = c.paragraphs[0] if k == 0 else c.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                if i == 0 and opts.get("header"):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = p.add_run(part)
                _font(run, st, st.size - 1, bold=(i == 0 and opts.get("header")) or val in ("I", "II"))
    _para(doc, "", st, indent=False, space_after=0)


def _sign(doc, left, right, st):
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    _widths(t, [7.5, 8.5])
    _cell_lines(t.cell(0, 0), left, st, align="left")
    _cell_lines(t.cell(0, 1), right, st, align="center")


def render(d, path):
    st = d.style
    doc = Document()
    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (Cm(x) for x in st.margins_cm)
    normal = doc.styles["Normal"]
    normal.font.name = st.font
    normal.font.size = Pt(st.size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), st.font)
    for b in d.blocks:
        kind = b[0]
        if kind == "header":
            _header(doc, b[1], st)
        elif kind == "title":
            _title(doc, b[1], st)
        elif kind == "p":
            o = b[2]
            _para(doc, b[1], st, align=o.get("align"), bold=o.get("bold", False), italic=o.get("italic", False),
                  indent=o.get("indent", True))
        elif kind == "h":
            o = b[2]
            _para(doc, b[1], st, bold=True, indent=o.get("level", 1) == 2 and st.indent_cm > 0,
                  italic=o.get("level", 1) == 2 and st.name in ("formal", "outlook_user"))
        elif kind == "table":
            _table(doc, b[1], b[2], st)
        elif kind == "sign":
            _sign(doc, b[1], b[2], st)
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(kind)
    cp = doc.core_properties
    cp.author = st.author
    cp.last_modified_by = st.author
    cp.title = d.title
    created = dt.datetime.fromisoformat(st.created)
    cp.created = created
    cp.modified = created
    cp.revision = 3
    doc.save(path)
