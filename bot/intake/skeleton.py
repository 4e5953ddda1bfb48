"""Parse a large mail with :mod:`email` without the parser ever holding its big bodies.

The standard library's feed parser keeps a message several times over: the raw bytes,
a surrogate-escaped ``str`` copy, its list of lines and then the decoded payload; a
54 MB mail with a 40 MB attachment peaked near 500 MB.  For a large message,
:func:`message_from_bytes` gives the parser a *skeleton* instead: each long run of lines
made only of ``[A-Za-z0-9+/=]`` (the shape of every big base64 file) is cut out of the
raw bytes and replaced by a one-line placeholder.  Such a line can never be a boundary
(no ``-``), a header (no ``:``), a continuation or a blank separator, so the parser
builds the same tree, headers and defects it would build from the whole message; only
the leaf payloads hold placeholders.  Each such leaf then gets a :class:`SplicedBody`:
the skeleton text as a ``str`` (for code that only looks at it) plus ``pieces``, the
real encoded body as small ``bytes`` and zero-copy :class:`memoryview` slices of the
raw message, which :func:`bot.intake.payload.decode_payload` decodes chunk by chunk.

Peak memory is then about raw + decoded.  Messages under :data:`MIN_MESSAGE_BYTES`, or
without a run of :data:`MIN_RUN_BYTES`, are parsed whole exactly as before.
"""

from __future__ import annotations

import email
import re
import secrets
from email.message import Message
from email.policy import Policy

MIN_MESSAGE_BYTES = 1024 * 1024
MIN_RUN_BYTES = 64 * 1024

# Whole lines of base64 alphabet, each ended by LF or CRLF.  "^" (MULTILINE) matches only
# after "\n", and a bare "\r" ends the run, so a run starts and ends where the feed
# parser's lines do.  The regex engine keeps state for every repetition of a group (an
# unbounded match over 700,000 lines took 120 MB), so it takes 512 lines at a time and
# adjacent matches are joined.
_RUN = re.compile(rb"^(?:[A-Za-z0-9+/=]+\r?\n){1,512}", re.MULTILINE)


class SplicedBody(str):
    """A leaf payload from a skeleton: ``str`` with placeholders, ``pieces`` the real bytes.

    Concatenating ``pieces`` gives exactly the encoded bytes the parser would have kept
    for this part had it parsed the whole message.
    """

    pieces: tuple[bytes | memoryview, ...]

    def __new__(cls, text: str, pieces: tuple[bytes | memoryview, ...]) -> SplicedBody:
        body = super().__new__(cls, text)
        body.pieces = pieces
        return body


def text_to_bytes(text: str) -> bytes:
    """Undo the parser's decoding of a payload: 8-bit bytes survive as surrogate escapes."""
    try:
        return text.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape")


def find_runs(raw: bytes, start: int = 0, min_run: int | None = None) -> list[tuple[int, int]]:
    """``(begin, end)`` of each long base64-like line run; ``end`` is before its last newline."""
    min_run = MIN_RUN_BYTES if min_run is None else min_run
    spans: list[list[int]] = []
    for match in _RUN.finditer(raw, start):
        if spans and spans[-1][1] == match.start():
            spans[-1][1] = match.end()
        else:
            spans.append([match.start(), match.end()])
    runs = []
    for begin, stop in spans:
        end = stop - (2 if raw[stop - 2 : stop] == b"\r\n" else 1)
        if end - begin >= max(min_run, 1):
            runs.append((begin, end))
    return runs


def message_from_bytes(raw: bytes, policy: Policy, start: int = 0) -> Message:
    """Like :func:`email.message_from_bytes` over ``raw[start:]``, without copying big bodies.

    Raises whatever the parser raises.  The returned tree references ``raw`` (through
    :class:`SplicedBody` pieces) until it is dropped.
    """
    runs = find_runs(raw, start) if len(raw) - start >= MIN_MESSAGE_BYTES else []
    if not runs:
        return email.message_from_bytes(raw[start:] if start else raw, policy=policy)
    tag = _fresh_tag(raw)
    view = memoryview(raw)
    chunks: list[bytes | memoryview] = []
    pos = start
    for index, (begin, end) in enumerate(runs):
        chunks += [view[pos:begin], b"%s%dzz" % (tag, index)]
        pos = end
    chunks.append(view[pos:])
    msg = email.message_from_bytes(b"".join(chunks), policy=policy)
    _splice(msg, tag.decode("ascii"), view, runs)
    return msg


def _fresh_tag(raw: bytes) -> bytes:
    while True:
        tag = b"zzIntakeBody" + secrets.token_hex(8).encode("ascii") + b"n"
        if raw.find(tag) < 0:
            return tag


def _splice(msg: Message, tag: str, view: memoryview, runs: list[tuple[int, int]]) -> None:
    placeholder = re.compile(re.escape(tag) + r"(\d+)zz")
    stack = [msg]
    while stack:  # no recursion: the tree may be thousands of levels deep
        part = stack.pop()
        payload = part._payload  # type: ignore[attr-defined]  # stored as is; get_payload() may re-decode it
        if isinstance(payload, list):
            stack += [p for p in payload if isinstance(p, Message)]
            continue
        if not isinstance(payload, str) or tag not in payload:
            continue
        pieces: list[bytes | memoryview] = []
        for i, text in enumerate(placeholder.split(payload)):
            if i % 2:
                begin, end = runs[int(text)]
                pieces.append(view[begin:end])
            elif text:
                pieces.append(text_to_bytes(text))
        part._payload = SplicedBody(payload, tuple(pieces))  # type: ignore[attr-defined]
