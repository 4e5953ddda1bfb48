"""docmodel.Doc -> an HTML page meant to be printed to PDF by Chromium (the "web" workflow)."""
from __future__ import annotations

import html

from .docmodel import Line


def _e(s):
    return html.escape(s).replace("\n", "<br>")


def _line(ln: Line, tag="div"):
    st = []
    if ln.bold:
        st.append("font-weight:bold")
    if ln.italic:
        st.append("font-style:italic")
    if ln.underline:
        st.append("text-decoration:underline")
    if ln.size:
        st.append(f"font-size:{ln.size}pt")
    return f'<{tag} style="{";".join(st)}">{_e(ln.text) or "&nbsp;"}</{tag}>'


def render(d, path):
    st = d.style
    css = f"""
@page {{ size: A4; margin: {st.margins_cm[0]}cm {st.margins_cm[3]}cm {st.margins_cm[1]}cm {st.margins_cm[2]}cm; }}
body {{ font-family: "{st.font}", "Liberation Serif", serif; font-size: {st.size}pt; line-height: {st.line_spacing}; }}
p {{ margin: 0 0 {st.space_after_pt}pt 0; text-align: justify; text-indent: {st.indent_cm}cm; }}
p.noind {{ text-indent: 0; }}
h3 {{ font-size: {st.size}pt; margin: 6pt 0 4pt 0; }}
h4 {{ font-size: {st.size}pt; margin: 4pt 0 3pt 0; font-style: italic; text-indent: {st.indent_cm}cm; }}
table.hd, table.sg {{ width: 100%; border-collapse: collapse; }}
table.hd td, table.sg td {{ vertical-align: top; text-align: center; font-size: {st.size - 1}pt; }}
table.sg td.l {{ text-align: left; }}
table.g {{ width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }}
table.g td, table.g th {{ border: 1px solid #000; padding: 2pt 4pt; font-size: {st.size - 1}pt; vertical-align: top; }}
.title {{ text-align: center; margin: 10pt 0; }}
.pb {{ page-break-after: always; }}
"""
    out = [f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{_e(d.title)}</title>"
           f"<style>{css}</style></head><body>"]
    for b in d.blocks:
        k = b[0]
        if k == "header":
            hd = b[1]
            left = "".join(_line(x) for x in hd.left)
            right = "".join(_line(x) for x in hd.right) + "<div>&nbsp;</div>" + (
                _line(Line(hd.date, italic=True)) if hd.date else "")
            out.append(f'<table class="hd"><tr><td style="width:45%">{left}</td><td>{right}</td></tr></table>')
        elif k == "title":
            out.append('<div class="title">' + "".join(_line(x) for x in b[1]) + "</div>")
        elif k == "p":
            o = b[2]
            cls = "noind" if (o.get("indent") is False or o.get("align")) else ""
            style = []
            if o.get("align"):
                style.append(f"text-align:{o['align']}")
            if o.get("bold"):
                style.append("font-weight:bold")
            if o.get("italic"):
                style.append("font-style:italic")
            out.append(f'<p class="{cls}" style="{";".join(style)}">{_e(b[1])}</p>')
        elif k == "h":
            tag = "h4" if b[2].get("level", 1) == 2 else "h3"
            out.append(f"<{tag}>{_e(b[1])}</{tag}>")
        elif k == "table":
            rows = b[1]
            hdr = b[2].get("header")
            out.append('<table class="g">')
            for i, r in enumerate(rows):
                cells = "".join((f"<th>{_e(c)}</th>" if (hdr and i == 0) else f"<td>{_e(c)}</td>") for c in r)
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
        elif k == "sign":
            left = "".join(_line(x) for x in b[1])
            right = "".join(_line(x) for x in b[2])
            out.append(f'<table class="sg"><tr><td class="l" style="width:45%">{left}</td><td>{right}</td></tr></table>')
        elif k == "pagebreak":
            out.append('<div class="pb"></div>')
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
