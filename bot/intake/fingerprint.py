"""The content fingerprint of a raw mail, computed without copying its body.

Two deliveries of the same mail differ only in their transport trace headers
(``Received``, ``Return-Path``, ...), so the fingerprint is the sha256 of the message with
those header fields left out.  The head is split into lines (it is small); the body is
hashed straight from a :class:`memoryview` of the raw bytes, so a 54 MB mail costs no
second 54 MB copy.  The digest is byte-for-byte the one ``bot.pipeline.poll`` has always
stored in ``messages.content_sha256``.
"""

from __future__ import annotations

import hashlib

# Header fields added in transit; dropped from the fingerprint so the same mail
# delivered twice (or copied back) hashes the same.
TRACE_FIELDS = frozenset(
    {
        b"received",
        b"return-path",
        b"delivered-to",
        b"x-original-to",
        b"x-received",
        b"arc-seal",
        b"arc-message-signature",
        b"arc-authentication-results",
        b"authentication-results",
        b"x-spam-status",
        b"x-spam-score",
        b"x-virus-scanned",
    }
)


def content_fingerprint(raw: bytes) -> str:
    """sha256 (hex) of ``raw`` without its transport trace header fields."""
    sep = b"\r\n\r\n"
    split = raw.find(sep)
    if split < 0:
        sep = b"\n\n"
        split = raw.find(sep)
    if split < 0:  # no body: everything is head
        sep, split = b"", len(raw)
    h = hashlib.sha256()
    skipping = False
    for line in raw[:split].splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):  # a continuation belongs to the field before it
            if not skipping:
                h.update(line)
            continue
        skipping = line.split(b":", 1)[0].strip().lower() in TRACE_FIELDS
        if not skipping:
            h.update(line)
    h.update(sep)
    h.update(memoryview(raw)[split + len(sep) :])
    return h.hexdigest()
