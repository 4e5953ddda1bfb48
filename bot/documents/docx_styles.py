"""Reading a .docx for the layout estimate: its parts and its style sheet, as python-docx does.

The package is read with zipfile + lxml rather than through python-docx objects: opening
a python-docx Document parses every part, and its ``paragraph.style`` scans every style
of the document (166 in python-docx's template) for each paragraph, which made this
about 30 ms a summary.  Here document.xml and styles.xml are parsed once, styles are
reduced to compact records (cached by the bytes of styles.xml, which documents from the
same template share) and style-chain lookups are memoised.  The semantics are those of
python-docx 1.2 (parser settings, which elements and attributes count, how values are
converted, when invalid XML raises); tests/documents/test_layout.py keeps the
python-docx version and checks that both agree.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar, cast, overload

# ~32 ms of imports: bot.documents.inspect imports the layout estimate (and so this module)
# only when a .docx is measured.
from docx.enum.text import WD_LINE_SPACING
from docx.opc.packuri import PackURI
from docx.oxml.simpletypes import ST_HpsMeasure, ST_OnOff, ST_SignedTwipsMeasure, ST_TwipsMeasure
from docx.parts.styles import StylesPart
from lxml import etree

DEFAULT_FONT_PT = 13.0

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT, _BODY, _PG_SZ, _PG_MAR = (_W + t for t in ("document", "body", "pgSz", "pgMar"))
_P, _R, _T, _HYPERLINK, _TBL, _TR, _TC = (_W + t for t in ("p", "r", "t", "hyperlink", "tbl", "tr", "tc"))
_PPR, _PSTYLE, _SPACING, _IND, _RPR, _SZ, _B = (
    _W + t for t in ("pPr", "pStyle", "spacing", "ind", "rPr", "sz", "b")
)
_BR, _TC_PR, _TC_W, _GRID_SPAN, _V_MERGE = (_W + t for t in ("br", "tcPr", "tcW", "gridSpan", "vMerge"))
_TR_PR, _TR_HEIGHT, _GRID_BEFORE = (_W + t for t in ("trPr", "trHeight", "gridBefore"))
_STYLES, _STYLE, _BASED_ON = (_W + t for t in ("styles", "style", "basedOn"))
_VAL, _TYPE, _STYLE_ID, _DEFAULT = (_W + t for t in ("val", "type", "styleId", "default"))
_RUN_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_BLOCKS = (_P, _TBL)
_EMU_PER_PT = 12700.0

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
_XML_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's settings

_T_default = TypeVar("_T_default")


class XmlElement(Protocol):
    """What is read here of an lxml element (``lxml.etree._Element``).

    lxml ships no type hints (mypy takes it as ``Any``): :func:`_parse` is where its
    elements get this type.  ``xpath`` is only used for expressions that select elements.
    """

    @property
    def tag(self) -> str: ...
    @property
    def text(self) -> str | None: ...
    @overload
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: _T_default) -> str | _T_default: ...
    def __iter__(self) -> Iterator[XmlElement]: ...
    def iterchildren(self, tag: str) -> Iterator[XmlElement]: ...
    def iter(self, tag: str) -> Iterator[XmlElement]: ...
    def iterancestors(self, tag: str) -> Iterator[XmlElement]: ...
    def itersiblings(self, tag: str, *, preceding: bool = ...) -> Iterator[XmlElement]: ...
    def find(self, path: str) -> XmlElement | None: ...
    def xpath(self, path: str, *, namespaces: dict[str, str]) -> list[XmlElement]: ...


def _parse(xml: bytes) -> XmlElement:
    """Parse as python-docx does (blank text dropped, no entity resolution)."""
    root: XmlElement = etree.fromstring(xml, _XML_PARSER)
    return root


# Attribute values to EMU (ints), memoised: python-docx's own converters, so odd values
# ("1.5cm", "abc") convert or raise exactly as they did.
@functools.lru_cache(maxsize=1024)
def _twips(value: str) -> int:
    return int(ST_TwipsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=1024)
def _signed_twips(value: str) -> int:
    return int(ST_SignedTwipsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=256)
def _half_points(value: str) -> int:
    return int(ST_HpsMeasure.convert_from_xml(value))


@functools.lru_cache(maxsize=64)
def _on_off(value: str) -> bool:
    return ST_OnOff.convert_from_xml(value)


@functools.lru_cache(maxsize=64)
def _line_rule(value: str) -> str:
    return WD_LINE_SPACING.from_xml(value).name


# Keyed by str | None: _style_kind takes a style's w:type as read; an absent one (None)
# raises like an unknown one.
_STYLE_KINDS: dict[str | None, str] = {
    "paragraph": "paragraph",
    "character": "character",
    "table": "table",
    "numbering": "numbering",
}


def _style_kind(value: str | None) -> str:
    try:
        return _STYLE_KINDS[value]
    except KeyError:
        raise ValueError(f"WD_STYLE_TYPE has no XML mapping for '{value}'") from None


def _required(element: XmlElement, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise ValueError(f"required '{name}' attribute not present on element {element.tag}")
    return value


def _first_children(element: XmlElement, tags: dict[str, int]) -> list[XmlElement | None]:
    """The first child element with each tag of ``tags`` (tag: position in the result)."""
    found: list[XmlElement | None] = [None] * len(tags)
    for child in element:
        i = tags.get(child.tag)
        if i is not None and found[i] is None:
            found[i] = child
    return found


_PPR_CHILDREN = {_SPACING: 0, _IND: 1}
_RPR_CHILDREN = {_SZ: 0, _B: 1}
_STYLE_CHILDREN = {_BASED_ON: 0, _PPR: 1, _RPR: 2}
_SPACING_ATTRS = tuple(_W + a for a in ("line", "lineRule", "before", "after"))
_IND_ATTRS = tuple(_W + a for a in ("left", "right", "firstLine", "hanging"))


class _Missing(Enum):
    MISSING = "missing"


_MISSING = _Missing.MISSING  # an element present without its w:val
# The w:val of a property element: None when the element is absent.
_Val = str | _Missing | None
# Raw run properties: (w:sz, w:b) values, None when neither is there.
_RPr = tuple[_Val, _Val] | None
# Raw paragraph properties: ((line, lineRule, before, after) of w:spacing or None,
# (left, right, firstLine, hanging) of w:ind or None), None when neither is there.
_Attrs = tuple[str | None, ...]
_PPr = tuple[_Attrs | None, _Attrs | None] | None


def _ppr_raw(ppr: XmlElement) -> _PPr:
    spacing, ind = _first_children(ppr, _PPR_CHILDREN)
    if spacing is None and ind is None:
        return None
    return (
        None if spacing is None else tuple(map(spacing.get, _SPACING_ATTRS)),
        None if ind is None else tuple(map(ind.get, _IND_ATTRS)),
    )


def _rpr_raw(rpr: XmlElement) -> _RPr:
    """(w:sz/@w:val, w:b/@w:val) of a w:rPr: None for an absent element, _MISSING for no w:val."""
    sz, b = _first_children(rpr, _RPR_CHILDREN)
    if sz is None and b is None:
        return None
    return (None if sz is None else sz.get(_VAL, _MISSING), None if b is None else b.get(_VAL, _MISSING))


# Property getters on raw records, as python-docx's Font / ParagraphFormat properties.
def _font_size(rpr: _RPr) -> int | None:
    if rpr is None or rpr[0] is None:
        return None
    if rpr[0] is _MISSING:
        raise ValueError("required 'w:val' attribute not present on element w:sz")
    return _half_points(rpr[0])


def _font_bold(rpr: _RPr) -> bool | None:
    if rpr is None or rpr[1] is None:
        return None
    return True if rpr[1] is _MISSING else _on_off(rpr[1])


def _ind(ppr: _PPr, i: int) -> int | None:
    ind = ppr and ppr[1]
    if ind is None or ind[i] is None:
        return None
    return _signed_twips(ind[i])


def _first_line(ppr: _PPr) -> int | None:
    ind = ppr and ppr[1]
    if ind is None:
        return None
    if ind[3] is not None:  # hanging
        return -_twips(ind[3])
    return None if ind[2] is None else _twips(ind[2])


def _line_and_rule(spacing: _Attrs) -> tuple[int | None, str | None]:
    line = None if spacing[0] is None else _signed_twips(spacing[0])
    if spacing[1] is not None:
        return line, _line_rule(spacing[1])
    return line, ("MULTIPLE" if line is not None else None)


def _line_spacing(ppr: _PPr) -> tuple[bool, float] | None:
    """(True, multiple) or (False, EMU): python-docx's float or Length line_spacing."""
    if not ppr or ppr[0] is None:
        return None
    line, rule = _line_and_rule(ppr[0])
    if line is None:
        return None
    return (True, line / 152400) if rule == "MULTIPLE" else (False, line)


_SPECIAL_MULTIPLES = {152400: "SINGLE", 228600: "ONE_POINT_FIVE", 304800: "DOUBLE"}


def _line_spacing_rule(ppr: _PPr) -> str | None:
    if not ppr or ppr[0] is None:
        return None
    line, rule = _line_and_rule(ppr[0])
    if rule == "MULTIPLE" and line is not None:
        return _SPECIAL_MULTIPLES.get(line, rule)
    return rule


def _space(ppr: _PPr, i: int) -> int | None:
    spacing = ppr and ppr[0]
    if spacing is None or spacing[i] is None:
        return None
    return _twips(spacing[i])


_V = TypeVar("_V")
_V_co = TypeVar("_V_co", covariant=True)


@dataclass(frozen=True, eq=False)
class _FontProp(Generic[_V_co]):
    """A run property (python-docx's Font), read from a raw w:rPr record."""

    read: Callable[[_RPr], _V_co | None]


@dataclass(frozen=True, eq=False)
class _ParaProp(Generic[_V_co]):
    """A paragraph property (python-docx's ParagraphFormat), read from a raw w:pPr record."""

    read: Callable[[_PPr], _V_co | None]


_SIZE = _FontProp(_font_size)
_BOLD = _FontProp(_font_bold)
_LEFT = _ParaProp(lambda ppr: _ind(ppr, 0))
_RIGHT = _ParaProp(lambda ppr: _ind(ppr, 1))
_FIRST = _ParaProp(_first_line)
_LINE = _ParaProp(_line_spacing)
_RULE = _ParaProp(_line_spacing_rule)
_BEFORE = _ParaProp(lambda ppr: _space(ppr, 2))
_AFTER = _ParaProp(lambda ppr: _space(ppr, 3))


class _Defaults:
    """Document-wide defaults from ``w:docDefaults`` of the styles part's root."""

    def __init__(self, styles: XmlElement) -> None:
        self.font_pt = DEFAULT_FONT_PT
        self.before_pt = 0.0
        self.after_pt = 0.0
        self.line_multiple = 1.0
        defaults = styles.find(f"{_W}docDefaults")
        if defaults is None:
            return
        sz = defaults.find(f"{_W}rPrDefault/{_W}rPr/{_W}sz")
        size = "" if sz is None else sz.get(_VAL, "")
        if size.isdigit():
            self.font_pt = int(size) / 2
        spacing = defaults.find(f"{_W}pPrDefault/{_W}pPr/{_W}spacing")
        if spacing is not None:
            self.before_pt = int(spacing.get(f"{_W}before", "0") or 0) / 20
            self.after_pt = int(spacing.get(f"{_W}after", "0") or 0) / 20
            line, rule = spacing.get(f"{_W}line"), spacing.get(f"{_W}lineRule", "auto")
            if line and rule == "auto":
                self.line_multiple = int(line) / 240


class _StyleSheet:
    """The styles of a styles part as compact records, with memoised style-chain lookups.

    Lookups behave like python-docx's: a paragraph's style is the paragraph style with its
    w:pStyle id, else the (last) default paragraph style; a property comes from the first
    style of the w:basedOn chain that sets it.  A chain that loops ends (python-docx would
    loop forever).
    """

    def __init__(self, root: XmlElement) -> None:
        self.defaults = _Defaults(root)
        self._is_styles = root.tag == _STYLES
        self._types: list[str | None] = []
        self._default_attr: list[str | None] = []
        self._based_on: list[_Val] = []
        self._ppr: list[_PPr] = []
        self._rpr: list[_RPr] = []
        self._by_id: dict[str, int] = {}
        for i, style in enumerate(root.iterchildren(_STYLE)):
            style_id = style.get(_STYLE_ID)
            if style_id is not None:
                self._by_id.setdefault(style_id, i)
            self._types.append(style.get(_TYPE))
            self._default_attr.append(style.get(_DEFAULT))
            based_on, ppr, rpr = _first_children(style, _STYLE_CHILDREN)
            self._based_on.append(None if based_on is None else based_on.get(_VAL, _MISSING))
            self._ppr.append(None if ppr is None else _ppr_raw(ppr))
            self._rpr.append(None if rpr is None else _rpr_raw(rpr))
        self._paragraph_styles: dict[str | None, int | None] = {}
        self._default_paragraph: list[int | None] = []  # empty until computed
        self._chain: dict[tuple[int, object], object] = {}  # (style, property): value

    def _find(self, style_id: str) -> int | None:
        if '"' in style_id:  # python-docx looks styles up by an XPath it builds with quotes
            raise ValueError(f"invalid style id {style_id!r}")
        return self._by_id.get(style_id)

    def _default_paragraph_style(self) -> int | None:
        if not self._default_paragraph:
            found = None
            for i, kind in enumerate(self._types):
                if kind is not None and _style_kind(kind) == "paragraph":
                    default = self._default_attr[i]
                    if default is not None and _on_off(default):
                        found = i
            self._default_paragraph.append(found)
        return self._default_paragraph[0]

    def paragraph_style(self, style_id: str | None) -> int | None:
        """Index of the style of a paragraph with ``style_id`` (w:pStyle), None without any."""
        try:
            return self._paragraph_styles[style_id]
        except KeyError:
            pass
        if not self._is_styles:
            raise ValueError("the styles part is not a w:styles element")
        found = self._find(style_id) if style_id else None
        if found is not None:
            kind = self._types[found]
            if kind is None or _style_kind(kind) != "paragraph":
                found = None
        if found is None:
            found = self._default_paragraph_style()
        self._paragraph_styles[style_id] = found
        return found

    def _base(self, i: int) -> int | None:
        based_on = self._based_on[i]
        if based_on is None:
            return None
        if based_on is _MISSING:
            raise ValueError("required 'w:val' attribute not present on element w:basedOn")
        found = self._find(based_on)
        if found is None:
            return None
        kind = self._types[found]
        if kind is None:
            raise KeyError(None)  # python-docx's StyleFactory has no class for an untyped style
        _style_kind(kind)
        return found

    def value(self, style: int | None, prop: _FontProp[_V] | _ParaProp[_V]) -> _V | None:
        """First non-None value of ``prop`` along the base-style chain of ``style``."""
        if style is None:
            return None
        key = (style, prop)
        try:
            return cast("_V | None", self._chain[key])  # stored below, for this same prop
        except KeyError:
            pass
        is_font = isinstance(prop, _FontProp)
        value = None
        seen: set[int] = set()
        i: int | None = style
        while i is not None and i not in seen:
            seen.add(i)
            kind = _style_kind(self._types[i])  # validated when the style was reached
            if kind == "numbering" or (kind == "character" and not is_font):
                raise AttributeError(f"a {kind} style has no such property")
            value = prop.read(self._rpr[i]) if isinstance(prop, _FontProp) else prop.read(self._ppr[i])
            if value is not None:
                break
            i = self._base(i)
        self._chain[key] = value
        return value


@functools.lru_cache(maxsize=8)
def _style_sheet(xml: bytes | None) -> _StyleSheet:
    """The style sheet of a styles part (python-docx's default one when there is none)."""
    if xml is None:
        # python-docx leaves this helper unannotated; it returns the template's bytes.
        xml = StylesPart._default_styles_xml()  # type: ignore[no-untyped-call]
    return _StyleSheet(_parse(xml))


# The package: the main part and its styles part, found as python-docx finds them.
def _related_part(zf: zipfile.ZipFile, source: str, reltype: str) -> str | None:
    """Part name of the one relationship of ``reltype`` from ``source`` ("/": the package)."""
    source_uri = PackURI(source)
    try:
        rels_xml = zf.read(source_uri.rels_uri.membername)
    except KeyError:
        rels_xml = None
    rels: dict[str | None, tuple[str | None, str | None, bool]] = {}
    if rels_xml is not None:
        for rel in _parse(rels_xml).iterchildren(f"{_RELS_NS}Relationship"):
            rels[rel.get("Id")] = (rel.get("Type"), rel.get("Target"), rel.get("TargetMode") == "External")
    matching = [rel for rel in rels.values() if rel[0] == reltype]
    if not matching:
        return None
    if len(matching) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    _, target, external = matching[0]
    if external:
        raise ValueError("target_part property on _Relationship is undefined when target mode is External")
    if target is None:
        raise ValueError("required 'Target' attribute not present on element Relationship")
    return PackURI.from_rel_ref(source_uri.baseURI, target)


def _content_type(types: XmlElement, partname: str) -> str | None:
    """Content type of a part per [Content_Types].xml (later entries win, names ignore case)."""
    overrides = {
        _required(o, "PartName").lower(): o.get("ContentType")
        for o in types.iterchildren(f"{_CT_NS}Override")
    }
    defaults = {
        _required(d, "Extension").lower(): d.get("ContentType")
        for d in types.iterchildren(f"{_CT_NS}Default")
    }
    if partname.lower() in overrides:
        return overrides[partname.lower()]
    ext = posixpath.splitext(partname)[1]
    ext = ext[1:] if ext.startswith(".") else ext
    if ext.lower() in defaults:
        return defaults[ext.lower()]
    raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")


def _read_docx_parts(data: bytes) -> tuple[bytes, bytes | None]:
    """(document.xml, styles.xml or None) of a .docx package."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = _parse(zf.read("[Content_Types].xml"))
        main = _related_part(zf, "/", _RT + "officeDocument")
        if main is None:
            raise KeyError(f"no relationship of type '{_RT}officeDocument' in collection")
        content_type = _content_type(types, main)
        if content_type != _CT_DOCUMENT:
            raise ValueError(f"not a Word file, content type is '{content_type}'")
        document = zf.read(main[1:])
        styles_part = _related_part(zf, main, _RT + "styles")
        if styles_part is None:
            return document, None
        if _content_type(types, styles_part) != _CT_STYLES:
            raise ValueError("the styles relationship does not lead to a styles part")
        return document, zf.read(styles_part[1:])
