"""The skeleton parse of large mails gives exactly what the whole-message parse gives.

:mod:`bot.intake.skeleton` cuts long base64-looking line runs out of a large message
before the standard library parses it, and :mod:`bot.intake.payload` decodes those bodies
from the raw bytes in chunks.  These tests force that path onto small messages (any run
of one byte, chunks of a few bytes) and compare it with the plain parse: the tree, the
defects, every part's encoded and decoded payload, and the final ``InboundMessage``.
"""

from __future__ import annotations

import base64
import email
import email.policy
import quopri
import re
import tracemalloc
from contextlib import contextmanager
from email.message import Message
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.errors import MessageRejected
from bot.intake import payload, skeleton
from bot.intake.limits import ParseLimits
from bot.intake.mime import parse_message
from bot.intake.payload import decode_payload, decode_pieces, decode_with, raw_payload
from tests.intake.test_mime_properties import LIMITS, messages

REALMAIL = Path(__file__).parents[2].parent / "shared" / "realmail"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CHUNKS = st.sampled_from([1, 3, 4, 5, 7, 64, 1024 * 1024])


@contextmanager
def spliced(chunk: int = 5, min_run: int = 1):
    """Every message takes the skeleton path; chunks are tiny so every seam is crossed."""
    with (
        mock.patch.object(skeleton, "MIN_MESSAGE_BYTES", 0),
        mock.patch.object(skeleton, "MIN_RUN_BYTES", min_run),
        mock.patch.object(payload, "CHUNK_BYTES", chunk),
    ):
        yield


@contextmanager
def whole():
    """Every message is parsed whole by the standard library (the reference)."""
    with mock.patch.object(skeleton, "MIN_MESSAGE_BYTES", 1 << 62):
        yield


def _parse(raw: bytes, limits: ParseLimits = LIMITS):
    try:
        return parse_message(raw, limits)
    except MessageRejected as e:
        return ("rejected", e.reason)


def _parts(msg: Message) -> list[Message]:
    out, stack = [], [msg]
    while stack:
        part = stack.pop()
        out.append(part)
        if isinstance(part._payload, list):
            stack += reversed([p for p in part._payload if isinstance(p, Message)])
    return out


def _filename(part: Message) -> str | type[Exception] | None:
    try:
        return part.get_filename()
    except Exception as e:  # noqa: BLE001 - the stdlib's own failure is part of the comparison
        return type(e)


def _same_tree(raw: bytes, chunk: int) -> None:
    try:
        reference = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as e:  # noqa: BLE001 - then the skeleton parse must fail the same way
        with spliced(chunk), pytest.raises(type(e)):
            skeleton.message_from_bytes(raw, email.policy.default)
        return
    with spliced(chunk):
        tree = skeleton.message_from_bytes(raw, email.policy.default)
        theirs, ours = _parts(reference), _parts(tree)
        assert [list(p.raw_items()) for p in ours] == [list(p.raw_items()) for p in theirs]
        assert [[type(d) for d in p.defects] for p in ours] == [[type(d) for d in p.defects] for p in theirs]
        for a, b in zip(theirs, ours, strict=True):
            assert _filename(a) == _filename(b)
            if isinstance(a._payload, str):
                assert raw_payload(b) == raw_payload(a)
                assert decode_payload(b) == decode_payload(a)
            else:
                assert type(b._payload) is type(a._payload)


# -- the whole pipeline ---------------------------------------------------------------


@SETTINGS
@given(messages(), CHUNKS)
def test_spliced_parse_equals_whole_parse(raw: bytes, chunk: int) -> None:
    with whole():
        expected = _parse(raw)
    with spliced(chunk):
        assert _parse(raw) == expected


@SETTINGS
@given(messages(), CHUNKS)
def test_spliced_tree_equals_stdlib_tree(raw: bytes, chunk: int) -> None:
    _same_tree(raw, chunk)


@pytest.mark.skipif(not REALMAIL.is_dir(), reason=f"shared test data not found at {REALMAIL}")
@pytest.mark.parametrize("name", sorted(p.name for p in REALMAIL.glob("*.eml")) if REALMAIL.is_dir() else [])
def test_realmail_spliced_equals_whole(name: str) -> None:
    raw = (REALMAIL / name).read_bytes()
    with whole():
        expected = _parse(raw, ParseLimits())
    for chunk in (3, 1024 * 1024):
        with spliced(chunk):
            assert _parse(raw, ParseLimits()) == expected
    _same_tree(raw, 7)


# -- large messages with the real thresholds ------------------------------------------

BIG = bytes(range(256)) * 12_000  # 3 MB: over MIN_MESSAGE_BYTES, one long run
HEAD = b"From: a@b.vn\r\nTo: c@d.vn\r\nSubject: =?utf-8?B?VOG7nSB0csOsbmg=?=\r\nMessage-ID: <x@y>\r\n"


def _b64(data: bytes, nl: bytes = b"\r\n") -> bytes:
    return base64.encodebytes(data).replace(b"\n", nl)


def _attachment(data: bytes, name: str = "Hồ sơ.pdf", cte: str = "base64", nl: bytes = b"\r\n") -> bytes:
    encoded = {"base64": _b64(data, nl), "quoted-printable": quopri.encodestring(data)}[cte]
    return (
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8''"
        + "".join(f"%{b:02X}" for b in name.encode()).encode()
        + b"\r\nContent-Transfer-Encoding: "
        + cte.encode()
        + b"\r\n\r\n"
        + encoded
    )


def _mixed(*parts: bytes, close: bool = True, boundary: bytes = b"XyZ") -> bytes:
    out = HEAD + b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n'
    out += b"".join(b"--" + boundary + b"\r\n" + p + b"\r\n" for p in parts)
    return out + (b"--" + boundary + b"--\r\n" if close else b"")


TEXT = b'Content-Type: text/plain; charset="utf-8"\r\n\r\nK\xc3\xadnh g\xe1\xbb\xadi.\r\n'
LARGE_CASES = {
    "plain": _mixed(TEXT, _attachment(BIG)),
    "lf line ends": _mixed(TEXT, _attachment(BIG, nl=b"\n")).replace(b"\r\n", b"\n"),
    "missing close boundary": _mixed(TEXT, _attachment(BIG), close=False),
    "truncated base64": _mixed(TEXT, _attachment(BIG)[:-1001]),
    "invalid base64 characters": _mixed(TEXT, _attachment(BIG).replace(b"AAEC", b"AA*EC", 3)),
    "padding in the middle": _mixed(TEXT, _attachment(BIG).replace(b"AAEC", b"AA==", 1)),
    "plain text labelled base64": _mixed(
        TEXT, _attachment(BIG).replace(b"AAEC", b"AA EC", 1).replace(b"AAEC", b"\r\nHello world\r\n", 1)
    ),
    "quoted-printable": _mixed(TEXT, _attachment(bytes(range(128, 256)) * 10_000, cte="quoted-printable")),
    "nested multiparts": _mixed(_mixed(TEXT, _attachment(BIG, "a.pdf"), boundary=b"in"), _attachment(BIG)),
    "inner boundary never closed": _mixed(
        _mixed(_attachment(BIG, "a.pdf"), close=False, boundary=b"in"), _attachment(BIG, "b.pdf")
    ),
    "base64 message/rfc822 (SwiftMailer)": _mixed(
        TEXT,
        b"Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + _b64(_mixed(TEXT, _attachment(BIG, "inner.pdf"), boundary=b"fwd")),
    ),
    "forwarded message/rfc822": _mixed(
        TEXT, b"Content-Type: message/rfc822\r\n\r\n" + _mixed(TEXT, _attachment(BIG, "f.pdf"), boundary=b"f")
    ),
    "multipart without ';' before boundary": HEAD
    + b'Content-Type: multipart/mixed\tboundary="XyZ"\r\n\r\n--XyZ\r\n'
    + _attachment(BIG)
    + b"\r\n--XyZ--\r\n",
    "single part, no MIME": HEAD + b"Content-Type: application/pdf; name=x.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n" + _b64(BIG),
    "leading blank lines": b"\r\n\r\n" + _mixed(TEXT, _attachment(BIG)),
    "no header/body separator": b"From: a@b.vn\r\n" + _b64(BIG),
}


@pytest.mark.parametrize("name", list(LARGE_CASES))
def test_large_message_equals_whole_parse(name: str) -> None:
    raw = LARGE_CASES[name]
    assert skeleton.find_runs(raw), "the case must exercise the skeleton path"
    limits = ParseLimits(max_attachment_bytes=10 << 20, max_message_bytes=20 << 20)
    with whole():
        expected = _parse(raw, limits)
    got = _parse(raw, limits)
    assert got == expected
    if name == "plain":
        assert [(a.filename, a.data) for a in got.attachments] == [("Hồ sơ.pdf", BIG)]
        assert got.body_text == "Kính gửi." and got.subject == "Tờ trình" and not got.defects


def test_large_attachment_peak_memory() -> None:
    data = bytes(range(256)) * 32_768  # 8 MB
    raw = _mixed(TEXT, _attachment(data))
    limits = ParseLimits(max_attachment_bytes=20 << 20, max_message_bytes=20 << 20)
    tracemalloc.start()
    try:
        msg = parse_message(raw, limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert msg.attachments[0].data == data
    # The whole-message parse peaked near 9x the raw size; now: the decoded file plus
    # BytesIO's over-allocation and one chunk.
    assert peak < 1.4 * len(data) + 4 * payload.CHUNK_BYTES, peak


# -- the pieces -----------------------------------------------------------------------

LINES = st.lists(
    st.one_of(
        st.binary(max_size=30).map(lambda b: base64.b64encode(b)),  # base64 lines, '=' padding
        st.text("AQg=+/", max_size=12).map(str.encode),
        st.text("=", max_size=6).map(str.encode),
        st.sampled_from([b"", b" ", b"Hello world", b"--XyZ", b"=\r", b"a:b", b"\x00\xff", b"=4", b"=\n"]),
    ),
    max_size=25,
)
ENDINGS = st.sampled_from([b"\r\n", b"\n", b"\r", b""])


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    lines = draw(LINES)
    return b"".join(line + draw(ENDINGS) for line in lines)


def _reference_runs(raw: bytes, min_run: int) -> list[tuple[int, int]]:
    # Line by line: a run is a maximal sequence of lines of [A-Za-z0-9+/=]+ ended by LF/CRLF.
    runs, begin, pos = [], None, 0
    line_re = re.compile(rb"[A-Za-z0-9+/=]+(\r\n|\n)")
    while pos <= len(raw):
        m = line_re.match(raw, pos)
        at_line_start = pos == 0 or raw[pos - 1 : pos] == b"\n"
        if m and at_line_start:
            if begin is None:
                begin = pos
            end, pos = m.end() - len(m.group(1)), m.end()
            continue
        if begin is not None:
            if end - begin >= min_run:
                runs.append((begin, end))
            begin = None
        nl = raw.find(b"\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    if begin is not None and end - begin >= min_run:
        runs.append((begin, end))
    return runs


@settings(max_examples=300, deadline=None)
@given(bodies(), st.sampled_from([1, 5, 40]))
def test_find_runs_matches_line_by_line_reference(raw: bytes, min_run: int) -> None:
    assert skeleton.find_runs(raw, 0, min_run) == _reference_runs(raw, min_run)


def test_find_runs_joins_regex_windows() -> None:
    raw = b"x y\n" + b"QUJD\r\n" * 5000 + b"-- end\n"
    assert skeleton.find_runs(raw, 0, 1) == [(4, 4 + 6 * 5000 - 2)]


def _pieces(data: bytes) -> list[bytes | memoryview]:
    # Cut exactly as the skeleton does: runs as zero-copy views, the rest as bytes.
    view, pieces, pos = memoryview(data), [], 0
    for begin, end in skeleton.find_runs(data, 0, 1):
        pieces += [bytes(view[pos:begin]), view[begin:end]]
        pos = end
    return [*pieces, bytes(view[pos:])]


@settings(max_examples=400, deadline=None)
@given(bodies(), st.sampled_from(["base64", "quoted-printable", "x-uuencode", "7bit"]), CHUNKS)
@example(b"QQ==\nQUJD\n", "base64", 5)  # padding that ends a chunk but not the data
@example(b"QUJD\r\nQUI=\r\n", "base64", 3)
@example(b"AAAA=\r\n", "base64", 1)  # trailing '=' after whole quads is strict-valid
@example(b"AAAA\n=====\n", "base64", 3)
@example(b"=41=\r\n=42\r\n", "quoted-printable", 4)
def test_decode_pieces_equals_decode_with(data: bytes, cte: str, chunk: int) -> None:
    with mock.patch.object(payload, "CHUNK_BYTES", chunk):
        assert decode_pieces(_pieces(data), cte) == decode_with(data, cte)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([b"\r\n", b"\n"]), CHUNKS, st.integers(0, 40))
def test_decode_pieces_of_encoded_files(data: bytes, nl: bytes, chunk: int, cut: int) -> None:
    for encoded in (_b64(data, nl), quopri.encodestring(data).replace(b"\n", nl)):
        encoded = encoded[: len(encoded) - cut]  # sometimes truncated
        with mock.patch.object(payload, "CHUNK_BYTES", chunk):
            for cte in ("base64", "quoted-printable"):
                assert decode_pieces(_pieces(encoded), cte) == decode_with(encoded, cte)
