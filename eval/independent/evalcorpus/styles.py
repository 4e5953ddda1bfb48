"""Author styles: the writing and layout habits of the different offices.

Each unit has one habitual style (facts.UNITS[code]["style"]); a document may override it
(e.g. a decision copied from the Bloc's office has the Bloc's layout, whoever sends it).
"""
from .docmodel import Style

STYLES = {
    # a careful Party office: header in a borderless table, Times New Roman 14, roman headings
    "formal": Style(name="formal", font="Times New Roman", size=14, header_layout="table",
                    indent_cm=1.0, line_spacing=1.15, author="VP Dang uy"),
    # same habits, but the office's template is in Arial 13
    "formal_arial": Style(name="formal_arial", font="Arial", size=13, header_layout="table",
                          indent_cm=1.27, line_spacing=1.2, author="vanthu"),
    # a LibreOffice user: Liberation Serif 13, stacked header, odt/docx saved by LibreOffice
    "lo": Style(name="lo", font="Liberation Serif", size=13, header_layout="stacked", indent_cm=1.25,
                line_spacing=1.0, space_after_pt=4, author="Nguoi dung"),
    # a hurried clerk: header typed with tabs, no indents, title-case headings, Arial 12
    "sloppy": Style(name="sloppy", font="Arial", size=12, header_layout="tabs", indent_cm=0.0,
                    line_spacing=1.0, space_after_pt=3, justify=False, heading_case="title", author="Admin"),
    # an old Word 2003 template (.doc), Times New Roman 13, tight spacing
    "old_word": Style(name="old_word", font="Times New Roman", size=13, header_layout="table", indent_cm=1.0,
                      line_spacing=1.0, space_after_pt=2, author="User"),
    # Outlook/Word 365 office, Times New Roman 13, table header, wide spacing
    "outlook_user": Style(name="outlook_user", font="Times New Roman", size=13, header_layout="table",
                          indent_cm=1.0, line_spacing=1.3, space_after_pt=6, author="Windows User"),
    # a Mac user (Pages/Word for Mac exported to PDF), Times 13
    "mac": Style(name="mac", font="Times New Roman", size=13, header_layout="table", indent_cm=0.8,
                 line_spacing=1.2, author="Microsoft Office User"),
    # a web/HTML workflow printed from the browser
    "web": Style(name="web", font="Times New Roman", size=13.5, header_layout="table", indent_cm=1.0,
                 line_spacing=1.25, author=""),
    # veterans' association: typewriter-like, Times 14, lots of capitals
    "veteran": Style(name="veteran", font="Times New Roman", size=14, header_layout="stacked", indent_cm=1.5,
                     line_spacing=1.0, space_after_pt=2, author="HoiCCB"),
    # youth union: Times 14 but with a flashy bold title and tables
    "youth": Style(name="youth", font="Times New Roman", size=14, header_layout="table", indent_cm=1.0,
                   line_spacing=1.2, author="Doan Khoi"),
    # decisions of the Bloc's own office (copied by every unit)
    "khoi": Style(name="khoi", font="Times New Roman", size=14, header_layout="table", indent_cm=1.0,
                  line_spacing=1.1, space_after_pt=4, author="VPDUK"),
    # the old .VnTime (TCVN3) template of a decade-old document
    "tcvn3": Style(name="tcvn3", font=".VnTime", size=14, header_layout="table", indent_cm=1.0,
                   line_spacing=1.0, space_after_pt=3, author="VANTHU"),
}


def style(name):
    return STYLES[name]
