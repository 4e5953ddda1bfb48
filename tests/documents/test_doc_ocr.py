"""Legacy .doc through converters, and OCR of scans and images (need installed tools)."""

from __future__ import annotations

import shutil

import pytest

from bot.documents import doc as doc_reader
from bot.documents import ocr, tools
from bot.documents.inspect import inspect_document
from tests.corpus.checks import norm, pick

needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
needs_catdoc = pytest.mark.skipif(shutil.which("catdoc") is None, reason="catdoc is not installed")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
needs_ocr = pytest.mark.skipif(
    not ocr.ocr_available(), reason="tesseract with Vietnamese data (vie) is not installed"
)


@pytest.mark.tools
@needs_antiword
def test_doc_files_read_with_antiword(corpus) -> None:
    docs = [d for d in corpus if d.format == "doc"]
    assert docs
    for d in docs:
        facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
        assert (facts.kind, facts.method, facts.problem) == ("doc", "doc-antiword", None)
        for phrase in d.key_phrases:
            assert norm(phrase) in norm(facts.head_text), (d.path, phrase)


@pytest.mark.tools
@pytest.mark.parametrize(
    ("method", "mark"),
    [("doc-catdoc", needs_catdoc), ("doc-libreoffice", needs_soffice)],
)
def test_each_fallback_converter_reads_doc(corpus, monkeypatch, method: str, mark) -> None:
    if mark.args[0]:
        pytest.skip(mark.kwargs["reason"])
    d = pick(corpus, format="doc", unit_code="SYT", deliverable="to_trinh")
    only = [c for c in doc_reader.CONVERTERS if c[0] == method]
    monkeypatch.setattr(doc_reader, "CONVERTERS", tuple(only))
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert facts.method == method
    assert "tờ trình" in norm(facts.head_text) and "đảng ủy sở y tế" in norm(facts.head_text)


def test_doc_without_any_converter_needs_review(monkeypatch) -> None:
    monkeypatch.setattr(tools, "which", lambda program: None)
    facts = inspect_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "a.doc", "application/msword")
    assert (facts.kind, facts.method, facts.needs_review, facts.problem) == ("doc", "none", True, None)


@pytest.mark.tools
@needs_antiword
def test_garbage_doc_is_unreadable() -> None:
    facts = inspect_document(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600, "a.doc", "application/msword"
    )
    assert facts.problem == "unreadable_file"


@pytest.mark.tools
@needs_ocr
def test_scanned_pdf_is_ocred(corpus) -> None:
    d = pick(corpus, format="scan-pdf", unit_code="SYT", deliverable="to_trinh")
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert (facts.kind, facts.method, facts.needs_review) == ("pdf", "pdf-ocr", False)
    assert facts.page_count == 1
    head = norm(facts.head_text)
    assert "tờ trình" in head and "đảng ủy sở y tế" in head and "giấy khen" in head


@pytest.mark.tools
@needs_ocr
@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_images_are_ocred(corpus, fmt: str) -> None:
    d = pick(corpus, format=fmt)
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert (facts.kind, facts.method) == ("image", "image-ocr")
    assert "quyết định" in norm(facts.head_text) or "tờ trình" in norm(facts.head_text)


@pytest.mark.tools
def test_scan_without_ocr_needs_review(corpus, monkeypatch) -> None:
    d = pick(corpus, format="scan-pdf")
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type)
    assert (facts.method, facts.needs_review, facts.problem) == ("none", True, None)
    assert facts.page_count == 1


def test_image_without_ocr_needs_review(monkeypatch) -> None:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (200, 100), 255).save(buf, format="PNG")
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    facts = inspect_document(buf.getvalue(), "a.png", "image/png")
    assert (facts.kind, facts.needs_review, facts.method) == ("image", True, "none")


def test_broken_image_is_unreadable() -> None:
    facts = inspect_document(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "a.png", "image/png")
    assert facts.problem == "unreadable_file"


@pytest.mark.tools
@needs_ocr
def test_a_page_is_ocred_once_however_often_it_is_read(corpus, monkeypatch) -> None:
    # Reading one scanned file asks for its pages several times (head, names, summary
    # length); Tesseract runs once per page and output mode.
    import hashlib

    d = pick(corpus, format="scan-pdf", unit_code="SYT", deliverable="quyet_dinh_khen_thuong")
    runs: list[tuple[str, str, str, tuple[str, ...]]] = []
    real = ocr._run_tesseract

    def counted(png: bytes, lang: str, timeout: float, *config: str, psm: str = "3") -> str:
        runs.append((hashlib.sha256(png).hexdigest(), lang, psm, config))
        return real(png, lang, timeout, *config, psm=psm)

    monkeypatch.setattr(ocr, "_run_tesseract", counted)
    monkeypatch.setattr(ocr, "_kept", type(ocr._kept)())
    data = d.path.read_bytes()
    head = inspect_document(data, d.path.name, d.sniffed_type)
    first = inspect_document(data, d.path.name, d.sniffed_type, need_full_text=True)
    after_first = len(runs)
    again = inspect_document(data, d.path.name, d.sniffed_type, need_full_text=True)
    assert "quyết định" in norm(head.head_text)
    assert again.full_text == first.full_text and first.full_text
    # Nothing is run twice, the second reading runs nothing, and each page was read as
    # text once (an orientation check or a turned page may add runs of their own).
    pages_read = {sha for sha, lang, psm, config in runs if lang == "vie" and psm == "3" and not config}
    assert len(runs) == after_first == len(set(runs))
    assert len(pages_read) >= (first.page_count or 1)
