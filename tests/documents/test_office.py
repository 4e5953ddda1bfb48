"""OpenDocument (.odt) and RTF files, made by LibreOffice from the corpus's .docx sources."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from bot.documents import tools
from bot.documents.inspect import inspect_document
from bot.documents.office import is_odt, is_rtf, odt_text
from tests.corpus.checks import norm

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
LIMIT = 0.5  # rules.summary.max_a4_fraction of the 120-KH/ĐUK campaign


def _docs(corpus, fmt: str):
    docs = [d for d in corpus if d.format == fmt]
    if not docs:
        pytest.skip(f"no {fmt} files in the corpus (LibreOffice missing)")
    return docs


@pytest.mark.tools
@needs_soffice
@pytest.mark.parametrize("fmt", ["odt", "rtf"])
def test_odt_and_rtf_read_with_their_text_and_layout(corpus, fmt: str) -> None:
    docs = _docs(corpus, fmt)
    for d in docs:
        data = d.path.read_bytes()
        assert is_odt(data) == (fmt == "odt") and is_rtf(data) == (fmt == "rtf")
        facts = inspect_document(data, d.path.name, d.sniffed_type, need_full_text=True, measure_layout=True)
        assert (facts.kind, facts.method, facts.problem) == (fmt, f"{fmt}-libreoffice", None), d.path
        for phrase in d.key_phrases:
            assert norm(phrase) in norm(facts.full_text), (d.path, phrase)
        if d.deliverable == "tom_tat_thanh_tich":
            # Measured like the .docx it was made from: the summary rule holds on it.
            assert facts.used_a4_fraction is not None
            assert (facts.used_a4_fraction > LIMIT) == d.summary_too_long, (d.path, facts.used_a4_fraction)


@pytest.mark.tools
def test_odt_text_without_libreoffice(corpus, monkeypatch) -> None:
    """No converter: an .odt still gives its text from content.xml (no layout measure)."""
    d = _docs(corpus, "odt")[0]
    real_which = tools.which
    monkeypatch.setattr(tools, "which", lambda p: None if p == "soffice" else real_which(p))
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type, need_full_text=True)
    assert (facts.kind, facts.method, facts.problem) == ("odt", "odt-xml", None)
    for phrase in d.key_phrases:
        assert norm(phrase) in norm(facts.full_text), phrase


def test_rtf_without_libreoffice_goes_to_a_person(monkeypatch) -> None:
    monkeypatch.setattr(tools, "which", lambda p: None)
    facts = inspect_document(b"{\\rtf1\\ansi T\\u7901? tr\\u236?nh}", "To trinh.rtf", "application/rtf")
    assert (facts.kind, facts.method, facts.needs_review, facts.problem) == ("rtf", "none", True, None)
    assert "not installed" in facts.problem_detail


def _odt(content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    return buf.getvalue()


def test_odt_text_keeps_spaces_tabs_and_line_breaks() -> None:
    ns = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    xml = (
        f'<doc {ns}><text:h>TÓM TẮT<text:s text:c="2"/>THÀNH TÍCH</text:h>'
        "<text:p>Đồng chí<text:tab/><text:span>Nguyễn Văn An</text:span>"
        "<text:line-break/>Chuyên viên</text:p></doc>"
    ).encode()
    data = _odt(xml)
    assert is_odt(data)
    assert odt_text(data) == "TÓM TẮT  THÀNH TÍCH\nĐồng chí\tNguyễn Văn An\nChuyên viên"


def test_broken_odt_is_unreadable(monkeypatch) -> None:
    monkeypatch.setattr(tools, "which", lambda p: None)
    facts = inspect_document(
        _odt(b"<doc><unclosed>"), "Bao cao.odt", "application/vnd.oasis.opendocument.text"
    )
    assert (facts.kind, facts.problem) == ("odt", "unreadable_file")


def test_a_docx_is_not_an_odt() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", b"<w/>")
        z.writestr("content.xml", b"<x/>")
    assert not is_odt(buf.getvalue())
