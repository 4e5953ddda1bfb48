"""Dispatch of ``inspect_document``: formats from bytes, plain text, and no exceptions ever."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.documents.inspect import DOCX_MIME, inspect_document
from bot.documents.legacy import encode_tcvn3
from tests.corpus.checks import pick


def test_misnamed_files_are_recognised_by_their_bytes(corpus) -> None:
    d = pick(corpus, format="docx", unit_code="SYT", deliverable="to_trinh")
    facts = inspect_document(d.path.read_bytes(), "BCTT Nguyen Van A.doc", "application/msword")
    assert (facts.kind, facts.method) == ("docx", "docx")


@pytest.mark.tools
def test_pdf_sent_as_docx_is_read_as_pdf(corpus) -> None:
    d = pick(corpus, format="pdf", unit_code="SYT", deliverable="to_trinh")
    facts = inspect_document(d.path.read_bytes(), "To trinh.docx", DOCX_MIME)
    assert (facts.kind, facts.method) == ("pdf", "pdf-text")


def test_plain_text_utf8_and_tcvn3() -> None:
    facts = inspect_document("Tờ trình đề nghị khen thưởng".encode(), "a.txt", "text/plain")
    assert (facts.kind, facts.method, facts.head_text) == ("text", "text", "Tờ trình đề nghị khen thưởng")
    legacy = encode_tcvn3("Báo cáo thành tích của Đảng ủy Sở Y tế").encode("latin-1")
    facts = inspect_document(legacy, "a.txt", "text/plain", need_full_text=True)
    assert facts.legacy_encoding == "tcvn3"
    assert facts.full_text == "Báo cáo thành tích của Đảng ủy Sở Y tế"


def test_empty_and_unsupported() -> None:
    assert inspect_document(b"", "a.pdf", "application/pdf").problem == "unreadable_file"
    facts = inspect_document(b"\x00\x01binary", "a.exe", "application/x-msdownload")
    assert (facts.kind, facts.problem) == ("other", "unreadable_file")
    assert "unsupported" in facts.problem_detail


_TYPES = [
    "application/pdf",
    DOCX_MIME,
    "image/jpeg",
    "image/png",
    "image/tiff",
    "text/plain",
    "application/zip",
]
_PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_PREFIXES), st.binary(max_size=2000), st.sampled_from(_TYPES))
def test_never_raises_on_garbage(prefix: bytes, body: bytes, sniffed: str) -> None:
    facts = inspect_document(prefix + body, "file", sniffed)
    assert facts.problem in (None, "unreadable_file")
    if facts.problem:
        assert facts.problem_detail
