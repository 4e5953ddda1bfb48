"""HTML bodies reduced to plain text, plus the links and ``cid:`` references they carry.

Many clerks (Gmail, Outlook) send HTML-only mail.  :func:`digest_html` keeps the words
and line structure a reader sees, drops scripts and styles, and reports every ``href``
(cloud-drive links hide there) and every ``cid:`` image reference (to tell inline
decorations from real attachments).  Only :mod:`html.parser` is used; it never raises on
malformed markup, and a last-resort tag stripper covers anything unexpected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_CELL = {"td", "th"}
_HIDDEN = {"script", "style", "head", "title", "noscript", "template", "xml", "object", "iframe"}
_CID = re.compile(r"cid:([^\s\"'<>)]+)", re.IGNORECASE)
_BLANKS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class HtmlDigest:
    """What an HTML body says: its text, the URLs it links to, the cids it shows."""

    text: str
    links: list[str] = field(default_factory=list)
    cids: set[str] = field(default_factory=set)


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.links: list[str] = []
        self.cids: set[str] = set()
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name == "href":
                self.links.append(value.strip())
            if name in ("src", "background", "href") and value.lower().startswith("cid:"):
                self.cids.add(unquote(value[4:]).strip("<> ").lower())
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self.chunks.append("\n")
        elif tag in _CELL:
            self.chunks.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <img/>: same as an opening tag, but a void element never hides text.
        hidden = self.hidden
        self.handle_starttag(tag, attrs)
        self.hidden = hidden

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.chunks.append(data if self.pre else _SPACES.sub(" ", data.replace("\n", " ")))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def digest_html(html: str) -> HtmlDigest:
    """Reduce ``html`` to text with line breaks at block elements; never raises."""
    parser = _Reducer()
    try:
        parser.feed(html)
        parser.close()
        text = "".join(parser.chunks)
    except Exception:  # html.parser is lenient, but hostile input has crashed it before
        text = unescape(re.sub(r"<[^>]*>", " ", re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html)))
    cids = parser.cids | {unquote(m).strip("<> ").lower() for m in _CID.findall(html)}
    return HtmlDigest(text=_tidy(text), links=parser.links, cids=cids)
