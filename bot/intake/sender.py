"""Who sent a mail, as far as its headers say it strictly: the From and Sender mailboxes.

The bot counts a mail for a unit, and answers the unit, when its sender is one of the
unit's registered addresses.  That decision rests on one string, the addr-spec of the
``From`` header, so it is read here by a small strict parser of RFC 5322 §3.4 instead
of :func:`email.utils.getaddresses`, which guesses its way through broken headers (and
in Python 3.11 takes the wrong mailbox from some of them: CVE-2023-27043):

* the value is read from the raw header bytes (``raw_items``, undecodable bytes kept
  as surrogate escapes); encoded-words are **never** decoded in the addr-spec: RFC 2047
  §5 forbids them there, and ``=?utf-8?b?…?=`` decoding to a registered address is
  exactly how a stranger passes for a unit;
* there must be exactly one ``From`` header holding exactly one mailbox:
  ``addr-spec``, or ``[display-name] <addr-spec>``, with comments anywhere between
  tokens; the addr-spec must have a local part and an ``@domain`` and no whitespace or
  comment inside it; no groups, no source routes, nothing after ``>``;
* a display name may contain ``.`` and ``@`` unquoted (some clients write them), but an
  address in it that differs from the addr-spec (``dangbo.syt@… <attacker@…>``) makes
  the sender doubtful;
* a ``Sender`` header (the agent that actually sent it, RFC 5322 §3.6.2) must name a
  mailbox of the same domain as ``From``.

:func:`read_sender` returns the addr-spec (or None), a display name for people, and a
:class:`~bot.vocabulary.SenderDoubt` when the headers do not name one sender cleanly.
A doubtful sender is never trusted: :mod:`bot.pipeline.understand` holds its mail for
staff, counts nothing and answers nothing.  Pure; never raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.campaign.units import normalize_email
from bot.vocabulary import SenderDoubt

from .headers import decode_bytes, decode_text, one_line, raw_to_bytes

# RFC 5322 specials; everything else that is not white space or a control is atext
# (RFC 6532 adds every non-ASCII character, and undecodable bytes arrive as surrogates).
_SPECIALS = frozenset('()<>[]:;@\\,."')
_WSP = frozenset(" \t\r\n")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ENCODED_WORD = re.compile(r"=\?[^?]*\?[^?]*\?[^?]*\?=")
# An address somewhere in a display name ("dangbo.syt@thainguyen.gov.vn <x@evil>").
_ADDRESS_IN_TEXT = re.compile(r"[^\s<>()\[\]\",;:@]+@[^\s<>()\[\]\",;:@]+")


@dataclass(frozen=True)
class _Token:
    kind: str  # atom | quoted | literal | special
    text: str  # as written (quoted strings and literals with their delimiters)
    space_before: bool  # white space or a comment separates it from the previous token


class _Unparseable(Exception):
    pass


def _tokens(value: str) -> list[_Token]:
    """RFC 5322 lexical tokens of a header value; comments and white space dropped."""
    out: list[_Token] = []
    i, n, gap = 0, len(value), False
    while i < n:
        ch = value[i]
        if ch in _WSP:
            i, gap = i + 1, True
        elif ord(ch) < 32 or ord(ch) == 127:
            raise _Unparseable("control character")
        elif ch == "(":
            depth, i = 1, i + 1
            while depth:
                if i >= n:
                    raise _Unparseable("unterminated comment")
                c = value[i]
                if c == "\\":
                    i += 1
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                i += 1
            gap = True
        elif ch == '"':
            j = i + 1
            while True:
                if j >= n:
                    raise _Unparseable("unterminated quoted string")
                if value[j] == "\\":
                    j += 2
                    continue
                if value[j] == '"':
                    break
                j += 1
            out.append(_Token("quoted", value[i : j + 1], gap))
            i, gap = j + 1, False
        elif ch == "[":
            j = value.find("]", i)
            if j < 0 or any(c in "[\\" for c in value[i + 1 : j]):
                raise _Unparseable("bad domain literal")
            out.append(_Token("literal", value[i : j + 1], gap))
            i, gap = j + 1, False
        elif ch in _SPECIALS:
            out.append(_Token("special", ch, gap))
            i, gap = i + 1, False
        else:
            j = i
            while j < n and value[j] not in _SPECIALS and value[j] not in _WSP and ord(value[j]) >= 32:
                j += 1
            out.append(_Token("atom", value[i:j], gap))
            i, gap = j, False
    return out


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1], flags=re.DOTALL)


def _addr_spec(tokens: Sequence[_Token]) -> str:
    """The addr-spec exactly as written, or raise: ``local-part "@" domain``, no gaps inside."""
    raw = "".join(t.text for t in tokens)
    if _ENCODED_WORD.search(raw):
        raise _Unparseable(SenderDoubt.ENCODED_ADDRESS)
    ats = [i for i, t in enumerate(tokens) if t.kind == "special" and t.text == "@"]
    if not ats:
        raise _Unparseable(SenderDoubt.NO_DOMAIN)
    if len(ats) > 1:
        raise _Unparseable(SenderDoubt.UNPARSEABLE)
    local, domain = tokens[: ats[0]], tokens[ats[0] + 1 :]
    if not local or not domain:
        raise _Unparseable(SenderDoubt.NO_DOMAIN)
    if any(t.space_before for t in tokens[1:]):
        raise _Unparseable(SenderDoubt.UNPARSEABLE)  # "dangbo . syt @ x": legal once, never sent today
    _dotted(local, ("atom", "quoted"))
    if not (len(domain) == 1 and domain[0].kind == "literal"):
        _dotted(domain, ("atom",))
    return raw


def _dotted(tokens: Sequence[_Token], kinds: tuple[str, ...]) -> None:
    """``word *("." word)``: words of ``kinds`` separated by single dots."""
    for i, t in enumerate(tokens):
        want_word = i % 2 == 0
        if want_word and t.kind not in kinds or not want_word and t.text != ".":
            raise _Unparseable(SenderDoubt.UNPARSEABLE)
    if len(tokens) % 2 == 0:
        raise _Unparseable(SenderDoubt.UNPARSEABLE)  # ends with a dot


def _display_name(tokens: Sequence[_Token]) -> str:
    words: list[str] = []
    for t in tokens:
        if t.kind == "atom" or t.kind == "special" and t.text in ".@":
            words.append((" " if t.space_before and words else "") + t.text)
        elif t.kind == "quoted":
            words.append((" " if words else "") + _unquote(t.text))
        else:
            raise _Unparseable(SenderDoubt.UNPARSEABLE)
    return one_line(decode_text("".join(words)))


def _mailbox(tokens: Sequence[_Token]) -> tuple[str, str]:
    """``(addr-spec, display name)`` of one mailbox, or raise with the doubt."""
    opens = [i for i, t in enumerate(tokens) if t.kind == "special" and t.text == "<"]
    closes = [i for i, t in enumerate(tokens) if t.kind == "special" and t.text == ">"]
    if not opens and not closes:
        return _addr_spec(tokens), ""
    if len(opens) != 1 or len(closes) != 1 or closes[0] != len(tokens) - 1 or closes[0] < opens[0]:
        raise _Unparseable(SenderDoubt.UNPARSEABLE)
    inner = tokens[opens[0] + 1 : closes[0]]
    if any(t.kind == "special" and t.text == ":" for t in inner):
        raise _Unparseable(SenderDoubt.UNPARSEABLE)  # obs-route "<@relay:user@host>"
    address = _addr_spec(inner)
    name = _display_name(tokens[: opens[0]])
    return address, name


@dataclass(frozen=True)
class SenderFacts:
    """What the From (and Sender) headers say, strictly.

    ``address`` is the From addr-spec as written, when the header holds one mailbox with
    a domain; ``name`` is for people only (the display name, or the whole decoded header
    when it could not be read); ``doubt`` says why the headers do not name one sender
    cleanly, None when they do.
    """

    address: str | None
    name: str
    doubt: SenderDoubt | None = None


def _one_mailbox(value: str) -> tuple[str, str]:
    tokens = _tokens(_FOLD.sub("", value))
    if not tokens:
        raise _Unparseable(SenderDoubt.NO_DOMAIN)
    top = [t for t in tokens if t.kind == "special" and t.text in ",;:"]
    if any(t.text == "," for t in top):
        raise _Unparseable(SenderDoubt.SEVERAL_MAILBOXES)
    if top:
        raise _Unparseable(SenderDoubt.UNPARSEABLE)  # a group ("x: a@b;"), or stray ";"
    return _mailbox(tokens)


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower().strip("[]")


def read_sender(from_values: Sequence[str], sender_values: Sequence[str] = ()) -> SenderFacts:
    """The sender of a mail from its raw ``From`` values (and ``Sender`` values), in order.

    >>> read_sender(['"Đảng bộ" <dangbo.syt@thainguyen.gov.vn>']).address
    'dangbo.syt@thainguyen.gov.vn'
    >>> read_sender(["dangbo.syt@thainguyen.gov.vn, attacker@evil.example"]).doubt
    <SenderDoubt.SEVERAL_MAILBOXES: 'several_mailboxes'>
    """
    if not from_values:
        return SenderFacts(None, "")
    # Shown to staff as written: an encoded-word is not decoded here either, so a forged
    # "=?utf-8?b?…?=" never reads as a registered address on the review page.
    shown = one_line(decode_bytes(raw_to_bytes(" / ".join(from_values))))[:300]
    if len(from_values) > 1:
        return SenderFacts(None, shown, SenderDoubt.SEVERAL_MAILBOXES)
    try:
        address, name = _one_mailbox(from_values[0])
        # Undecodable 8-bit bytes arrive as surrogate escapes: read them as text (UTF-8,
        # RFC 6532, else the fallbacks).  Such an address never equals a registered one.
        address = decode_bytes(raw_to_bytes(address))
    except _Unparseable as e:
        doubt = e.args[0] if isinstance(e.args[0], SenderDoubt) else SenderDoubt.UNPARSEABLE
        return SenderFacts(None, shown, doubt)
    for found in _ADDRESS_IN_TEXT.findall(name):
        if normalize_email(found.strip(".")) != normalize_email(address):
            return SenderFacts(address, name, SenderDoubt.NAME_HAS_OTHER_ADDRESS)
    if sender_values:
        if len(sender_values) > 1:
            return SenderFacts(address, name, SenderDoubt.SENDER_DOMAIN_DIFFERS)
        try:
            agent, _ = _one_mailbox(sender_values[0])
        except _Unparseable:
            return SenderFacts(address, name, SenderDoubt.SENDER_DOMAIN_DIFFERS)
        if _domain(agent) != _domain(address):
            return SenderFacts(address, name, SenderDoubt.SENDER_DOMAIN_DIFFERS)
    return SenderFacts(address, name)


def address_domain(address: str) -> str:
    """The domain of an addr-spec, lower-case (``[10.0.0.1]`` literals without brackets)."""
    return _domain(address)
