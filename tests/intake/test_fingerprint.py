"""The copy-free content fingerprint gives the digests already stored in the database."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intake.fingerprint import TRACE_FIELDS, content_fingerprint


def _stored_digest(raw: bytes) -> str:
    """The digest as the service first computed it (with copies): what the database holds."""
    import hashlib

    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = raw.partition(b"\n\n")
    kept: list[bytes] = []
    skipping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        skipping = line.split(b":", 1)[0].strip().lower() in TRACE_FIELDS
        if not skipping:
            kept.append(line)
    return hashlib.sha256(b"".join(kept) + sep + body).hexdigest()


FIELDS = st.sampled_from(
    [b"Received", b"received", b"Return-Path", b"ARC-Seal", b"Subject", b"From", b"X-Spam-Score ", b"X"]
)
LINE_ENDS = st.sampled_from([b"\r\n", b"\n", b"\r"])


@st.composite
def raw_mails(draw: st.DrawFn) -> bytes:
    out = b""
    for _ in range(draw(st.integers(0, 6))):
        out += draw(FIELDS) + b": " + draw(st.binary(max_size=20)).replace(b"\n", b"") + draw(LINE_ENDS)
        if draw(st.booleans()):
            out += draw(st.sampled_from([b" ", b"\t"])) + b"folded" + draw(LINE_ENDS)
    out += draw(st.sampled_from([b"\r\n", b"\n", b""]))
    return out + draw(st.binary(max_size=200))


@settings(max_examples=300, deadline=None)
@given(raw_mails())
def test_same_digest_as_the_service(raw: bytes) -> None:
    assert content_fingerprint(raw) == _stored_digest(raw)


def test_trace_headers_do_not_count() -> None:
    body = b"Subject: x\r\n\r\nbody\r\n"
    assert content_fingerprint(b"Received: from a\r\n\tby b\r\n" + body) == content_fingerprint(body)


def test_body_is_not_copied() -> None:
    raw = b"Subject: x\r\n\r\n" + b"A" * (8 << 20)
    tracemalloc.start()
    try:
        content_fingerprint(raw)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20
