"""DOCX inspection: corpus files, encryption, corruption, and head-only reading of big files."""

from __future__ import annotations

import io

import pytest

from bot.documents.docx import HEAD_CHARS, is_encrypted_ooxml, read_docx
from bot.documents.inspect import DOCX_MIME, inspect_document
from tests.corpus.bigdocs import big_docx
from tests.corpus.checks import norm, pick


def test_every_corpus_docx_gives_its_title_and_header(corpus) -> None:
    docs = [d for d in corpus if d.format == "docx"]
    assert len(docs) > 50
    for d in docs:
        facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
        assert (facts.kind, facts.method, facts.problem) == ("docx", "docx", None), d.path
        head = norm(facts.head_text)
        for phrase in d.key_phrases:
            assert norm(phrase) in head, (d.path, phrase)
        assert facts.full_text is None
        assert facts.legacy_encoding is None


def test_header_table_cells_read_left_then_right(corpus) -> None:
    d = pick(corpus, format="docx", unit_code="SYT", deliverable="to_trinh")
    lines = inspect_document(d.path.read_bytes(), d.path.name, DOCX_MIME).head_text.splitlines()
    assert lines.index("ĐẢNG ỦY SỞ Y TẾ") < lines.index("ĐẢNG CỘNG SẢN VIỆT NAM") < lines.index("TỜ TRÌNH")


def test_full_text_includes_the_signature_when_asked(corpus) -> None:
    d = pick(corpus, format="docx", unit_code="SYT", deliverable="to_trinh")
    facts = inspect_document(d.path.read_bytes(), d.path.name, DOCX_MIME, need_full_text=True)
    assert "Nguyễn Thị Hằng" in facts.full_text
    assert facts.head_text and facts.head_text in facts.full_text


def test_tcvn3_docx_is_converted_using_its_fonts(corpus) -> None:
    d = pick(corpus, format="docx-tcvn3")
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert facts.legacy_encoding == "tcvn3"
    # .VnTimeH capitals come back as capitals.
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in facts.head_text
    assert "BÁO CÁO THÀNH TÍCH" in facts.head_text
    assert "Trần Quốc Khánh" in facts.head_text


def test_vni_docx_is_converted(corpus) -> None:
    d = pick(corpus, format="docx-vni")
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert facts.legacy_encoding == "vni"
    assert "TÓM TẮT THÀNH TÍCH" in facts.head_text
    assert "Phòng Hành chính - Tổ chức, Văn phòng UBND tỉnh" in " ".join(facts.head_text.split())


def test_encrypted_docx_is_unreadable_and_flagged(corpus) -> None:
    d = pick(corpus, format="docx-encrypted")
    data = d.path.read_bytes()
    assert is_encrypted_ooxml(data)
    facts = inspect_document(data, d.path.name, d.sniffed_type)
    assert (facts.problem, facts.encrypted, facts.kind) == ("unreadable_file", True, "docx")
    assert "password" in facts.problem_detail


def test_truncated_docx_is_unreadable(corpus) -> None:
    d = pick(corpus, format="corrupt-docx")
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert facts.problem == "unreadable_file" and not facts.encrypted
    assert facts.problem_detail


def test_zip_without_document_part_is_unreadable() -> None:
    buf = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not a word file")
    facts = inspect_document(buf.getvalue(), "x.docx", DOCX_MIME)
    assert facts.problem == "unreadable_file"


@pytest.fixture(scope="module")
def big() -> bytes:
    return big_docx(pages=200)


def test_big_docx_reads_only_the_head(big: bytes) -> None:
    facts = inspect_document(big, "Bao cao KL01.docx", DOCX_MIME)
    assert facts.full_text is None
    assert "BÁO CÁO" in facts.head_text and "ĐẢNG ỦY SỞ Y TẾ" in facts.head_text
    assert len(facts.head_text) <= HEAD_CHARS + 500
    assert "KẾT THÚC BÁO CÁO" not in facts.head_text


def test_big_docx_full_text_when_asked(big: bytes) -> None:
    result = read_docx(big, full=True)
    assert result.full is not None and "KẾT THÚC BÁO CÁO" in result.full
    assert "200.12." in result.full
    # The head is the same whether or not the full text is read, and starts it.
    assert result.head == read_docx(big).head and result.full.startswith(result.head)
    assert len(result.head) <= HEAD_CHARS
