"""Hypothesis: adversarial MIME never crashes parse_message and never breaks the limits.

The generator assembles messages from hostile pieces: broken or missing boundaries,
unknown charsets, truncated base64, raw 8-bit headers, encoded-words with bad payloads,
absurd nesting, huge headers, zip bombs, zip-slip names and nested zips.
"""

from __future__ import annotations

import base64
import io
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import MessageRejected
from bot.intake.limits import ParseLimits
from bot.intake.mime import parse_message
from bot.intake.sanitize import safe_filename
from bot.mail import InboundMessage

LIMITS = ParseLimits(
    max_attachment_bytes=200_000,
    max_message_bytes=2_000_000,
    max_archive_depth=2,
    max_archive_files=20,
    max_archive_total_bytes=300_000,
    max_compression_ratio=50.0,
)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    # Duplicate member names are part of the attack surface; zipfile only warns.
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore", UserWarning)
        for name, content in members:
            # A fixed date: with the current time a nested zip compresses to a different
            # length from one run to the next, which hypothesis reports as a flaky strategy.
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 26, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o40775 << 16 | 0x10) if info.filename.endswith("/") else 0o600 << 16
            zf.writestr(info, content)
    return buffer.getvalue()


EVIL_NAMES = st.sampled_from(
    [
        "../../etc/passwd",
        "..\\..\\windows\\system32\\x.dll",
        "/abs/path.pdf",
        "CON",
        "a\x00b.pdf",
        "....",
        "ok.pdf",
        "Tờ trình.docx",
        "\u202egpj.exe",
        "x" * 400 + ".pdf",
        "",
    ]
)
SMALL_BYTES = st.binary(max_size=300)


@st.composite
def archives(draw: st.DrawFn, depth: int = 0) -> bytes:
    members = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["plain", "bomb", "nested", "pdf"] if depth < 3 else ["plain", "pdf"]))
        if kind == "bomb":
            content = bytes(draw(st.integers(100_000, 2_000_000)))
        elif kind == "nested":
            content = draw(archives(depth=depth + 1))
        elif kind == "pdf":
            content = b"%PDF-1.4\n" + draw(SMALL_BYTES)
        else:
            content = draw(SMALL_BYTES)
        members.append((draw(EVIL_NAMES) or "empty", content))
    return _zip(members)


CHARSETS = st.sampled_from(["utf-8", "bad-charset", "windows-1258", "koi8-r", "gb2312", "unknown-8bit", ""])
HEADER_TEXT = st.one_of(
    st.text(max_size=80),
    st.binary(max_size=80).map(lambda b: b.decode("latin-1")),
    st.builds(
        lambda cs, enc, payload: f"=?{cs}?{enc}?{payload}?=",
        CHARSETS,
        st.sampled_from(["B", "Q", "b", "x"]),
        st.text(alphabet="ABCabc=+/_%?0123", max_size=30),
    ),
)


def _header_line(name: str, value: str) -> bytes:
    return (
        name.encode() + b": " + value.replace("\r", " ").replace("\n", " ").encode("utf-8", "surrogateescape")
    )


@st.composite
def leaf_parts(draw: st.DrawFn) -> bytes:
    ctype = draw(
        st.sampled_from(
            [
                "text/plain",
                "text/html",
                "application/octet-stream",
                "image/png",
                "application/zip",
                "message/rfc822",
                "application/ms-tnef",
                "multipart/mixed",
                "garbage",
            ]
        )
    )
    name = draw(EVIL_NAMES)
    cte = draw(
        st.sampled_from(["base64", "quoted-printable", "7bit", "8bit", "x-uuencode", "bogus", "base64;"])
    )
    body = draw(archives()) if ctype == "application/zip" else draw(st.binary(max_size=400))
    if cte.startswith("base64"):
        encoded = base64.encodebytes(body)
        if draw(st.booleans()):
            encoded = encoded[: draw(st.integers(0, len(encoded)))]  # truncated base64
    else:
        encoded = body
    name_param = draw(
        st.sampled_from(
            [
                f'; name="{name}"',
                "; name*=utf-8''" + "".join(f"%{b:02X}" for b in name.encode()),
                f'; name="=?utf-8?B?{base64.b64encode(name.encode()).decode()}?="',
                "",
            ]
        )
    )
    charset = draw(CHARSETS)
    lines = [
        _header_line("Content-Type", f"{ctype}; charset={charset}{name_param}"),
        _header_line("Content-Transfer-Encoding", cte),
    ]
    if draw(st.booleans()):
        lines.append(
            _header_line(
                "Content-Disposition",
                draw(
                    st.sampled_from(
                        ["attachment", "inline", ";", "attachment; filename*0*=x'y'%ZZ; filename*1=..\\\\a"]
                    )
                ),
            )
        )
    if draw(st.booleans()):
        lines.append(_header_line("Content-ID", "<" + draw(st.sampled_from(["ii_1", "x@y", ""])) + ">"))
    return b"\r\n".join(lines) + b"\r\n\r\n" + encoded


@st.composite
def parts(draw: st.DrawFn, depth: int = 0) -> bytes:
    if depth >= 4 or draw(st.integers(0, 2)) == 0:
        return draw(leaf_parts())
    boundary = draw(st.sampled_from(["b1", "b 2", "=_x", "b1", "", "(illegal)"])) + str(depth)
    children = draw(st.lists(parts(depth=depth + 1), max_size=4))
    subtype = draw(st.sampled_from(["mixed", "alternative", "related", "signed", "report"]))
    sep = draw(st.sampled_from([f'; boundary="{boundary}"', f"\tboundary={boundary}", ""]))
    out = [f"Content-Type: multipart/{subtype}{sep}".encode(), b""]
    for child in children:
        out += [b"--" + boundary.encode(), child]
    if draw(st.booleans()):
        out.append(b"--" + boundary.encode() + b"--")  # sometimes the close boundary is missing
    return b"\r\n".join(out)


@st.composite
def messages(draw: st.DrawFn) -> bytes:
    headers = [
        _header_line("From", draw(HEADER_TEXT)),
        _header_line("To", draw(HEADER_TEXT)),
        _header_line("Subject", draw(HEADER_TEXT)),
        _header_line(
            "Date",
            draw(
                st.sampled_from(
                    ["Thu, 22 Feb 2024 10:00:00 +0700", "garbage", "", "Mon, 99 Foo 99999 99:99:99 +9999"]
                )
            ),
        ),
        _header_line("Message-ID", draw(st.sampled_from(["<a@b>", "", "no-brackets", "<<>>"]))),
        _header_line("References", draw(st.text(max_size=40))),
    ]
    if draw(st.booleans()):
        headers.append(b"X-Huge: " + b"a" * draw(st.integers(1000, 100_000)))
    if draw(st.booleans()):
        headers.append(b"Subject: " + draw(st.binary(max_size=60)).replace(b"\n", b" ").replace(b"\r", b" "))
    body = draw(parts())
    return b"\r\n".join(headers) + b"\r\n" + body


def _check(msg: InboundMessage, raw: bytes) -> None:
    total = 0
    for att in msg.attachments:
        assert att.filename == safe_filename(att.filename)
        assert "/" not in att.filename and "\\" not in att.filename and ".." not in att.filename
        assert att.size <= LIMITS.max_attachment_bytes
        if att.problem in ("refused_type", "too_large"):
            assert att.data == b""
        total += att.size
    # Decoded MIME parts are never larger than the raw message; unpacked bytes are capped.
    assert total <= len(raw) + LIMITS.max_archive_total_bytes
    assert isinstance(msg.subject, str) and "\n" not in msg.subject
    assert msg.date_header is None or msg.date_header.tzinfo is not None


def _parse(raw: bytes) -> InboundMessage | None:
    try:
        return parse_message(raw, LIMITS)
    except MessageRejected:
        return None


@SETTINGS
@given(messages())
def test_adversarial_messages(raw: bytes) -> None:
    msg = _parse(raw)
    if msg is not None:
        _check(msg, raw)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    msg = _parse(raw)
    if msg is not None:
        _check(msg, raw)


@SETTINGS
@given(archives())
def test_zip_attachments(archive: bytes) -> None:
    raw = (
        b'From: a@b.vn\r\nSubject: zip\r\nContent-Type: application/zip; name="hoso.zip"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(archive)
    )
    msg = parse_message(raw, LIMITS)
    _check(msg, raw)
    assert sum(a.size for a in msg.attachments if a.origin != "mail") <= LIMITS.max_archive_total_bytes


@pytest.mark.parametrize("depth", [50, 2000])
def test_absurd_nesting(depth: int) -> None:
    raw = b"From: a@b.vn\r\nSubject: deep\r\n"
    raw += b"".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode() for i in range(depth)
    )
    raw += b"Content-Type: text/plain\r\n\r\nbottom\r\n"
    msg = _parse(raw)
    if msg is not None:
        assert msg.attachments == []
        assert any("nested" in d for d in msg.defects) or depth < 30


def test_message_over_limit_is_rejected() -> None:
    with pytest.raises(MessageRejected):
        parse_message(b"x" * (LIMITS.max_message_bytes + 1), LIMITS)


def test_zip_bomb_in_mail() -> None:
    bomb = _zip([("zeros.txt", bytes(3_000_000))])
    raw = (
        b'From: a@b.vn\r\nSubject: bomb\r\nContent-Type: application/zip; name="b.zip"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(bomb)
    )
    msg = parse_message(raw, LIMITS)
    assert [(a.filename, a.problem) for a in msg.attachments] == [("b.zip", "archive_limit")]
