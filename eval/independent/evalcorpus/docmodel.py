"""A tiny document model shared by the .docx and HTML renderers.

A document is a list of blocks.  Each block is a tuple whose first item names its kind:

  ("header", Header)            the two-column heading of a Vietnamese Party/State document
  ("title", [Line, ...])        centred title lines
  ("p", text, opts)             a paragraph; "\n" inside text is a manual line break
  ("h", text, opts)             a heading paragraph (bold, not indented)
  ("table", rows, opts)         a bordered table; rows are lists of strings; opts["header"] bolds row 0
  ("sign", left, right)         the signature area: two columns of Line lists, no borders
  ("pagebreak",)

Style holds an author's habits (font, sizes, how the header is laid out ...).  Nothing here knows
about deliverables: the content generators in text.py decide what a document says.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None


@dataclass
class Header:
    left: list          # list[Line]: upper body, own body, "*", number
    right: list         # list[Line]: motto lines
    date: str = ""      # place and date, italic, under the right column


@dataclass
class Style:
    name: str = "formal"
    font: str = "Times New Roman"
    size: float = 14
    header_layout: str = "table"      # table | stacked | tabs
    indent_cm: float = 1.0
    line_spacing: float = 1.15
    space_after_pt: float = 6
    margins_cm: tuple = (2.0, 2.0, 3.0, 2.0)   # top, bottom, left, right
    justify: bool = True
    heading_case: str = "upper"       # upper | title
    table_style: str = "Table Grid"
    author: str = "Admin"
    # LibreOffice-made documents keep whatever the writer typed; python-docx ones get these
    # core properties so that they do not look like they were made "now".
    created: str = "2024-02-20T08:00:00"


@dataclass
class Doc:
    key: str                      # stable id, e.g. "SCT.bctt.tt"
    style: Style
    blocks: list = field(default_factory=list)
    title: str = ""               # core property title (may be empty, as in most real files)

    def add(self, *block):
        self.blocks.append(tuple(block))
        return self

    def p(self, text, **opts):
        return self.add("p", text, opts)

    def h(self, text, **opts):
        return self.add("h", text, opts)

    def table(self, rows, **opts):
        return self.add("table", rows, opts)

    def plain_text(self) -> str:
        """Concatenated text, used only for word counts in the builder's own sanity checks."""
        out = []
        for b in self.blocks:
            if b[0] == "header":
                hd = b[1]
                out += [ln.text for ln in hd.left] + [ln.text for ln in hd.right] + [hd.date]
            elif b[0] == "title":
                out += [ln.text for ln in b[1]]
            elif b[0] in ("p", "h"):
                out.append(b[1])
            elif b[0] == "table":
                out += [" | ".join(r) for r in b[1]]
            elif b[0] == "sign":
                out += [ln.text for ln in b[1]] + [ln.text for ln in b[2]]
        return "\n".join(out)
