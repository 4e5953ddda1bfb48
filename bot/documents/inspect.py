"""``inspect_document``: one file's bytes in, :class:`DocumentFacts` out.

The format is decided from the bytes first (zip, OLE, ``%PDF``, image signatures) and
only then from the MIME type sniffed by the intake and the file name, because units
send ``.doc`` files that are really .docx, PDFs named ``.docx`` and so on.

Nothing here raises for bad input: a corrupt, encrypted or unsupported file gives
facts with ``problem="unreadable_file"`` and an English ``problem_detail``; a file
whose text could not be read reliably (no OCR, no .doc converter) gives
``needs_review=True``.  Every text is NFC and converted from TCVN3/VNI when detected;
for PDF and DOCX the head decides the encoding, and the full text is converted with it
rather than examined again.  Each file is opened once per call: for a PDF, the text
and the layout measure come from the same pass over its pages.

A PDF's text is read from PDFium's character positions; when it still looks scrambled
(:mod:`bot.documents.textcheck`) the document alone is read again by pdfplumber, then
by OCR of its first page, and the least scrambled reading wins.  ``method`` says which
(``pdf-text``, ``pdf-text-pdfplumber``, ``pdf-ocr``).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from dataclasses import replace
from xml.etree.ElementTree import ParseError

from bot.documents import doc as doc_reader
from bot.documents import ocr, office, textcheck
from bot.documents.docx import HEAD_CHARS, OLE_MAGIC, is_encrypted_ooxml, read_docx
from bot.documents.facts import DocumentFacts
from bot.documents.legacy import decode_legacy, detect_legacy, fix_legacy, to_unicode
from bot.documents.pdf import BrokenPdf, EncryptedPdf, read_pdf, read_text_pdfplumber, render_page_png
from bot.documents.tools import ToolFailed

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
# A second reading of a scrambled PDF replaces the first only when its text is better by
# this much (textcheck badness: shares of non-syllables and one-letter words).
MIN_IMPROVEMENT = 0.05
# A scanned report's full text is read by OCR, a few seconds a page: enough for any KL01 report.
OCR_MAX_PAGES = 30

log = logging.getLogger(__name__)


def _kind(data: bytes, filename: str, sniffed_type: str) -> str:
    """docx | odt | rtf | pdf | doc | image | text | other: bytes, then MIME type, then name."""
    name = filename.lower()
    if data[:5] == b"%PDF-" or (b"%PDF-" in data[:1024] and sniffed_type == "application/pdf"):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "odt" if office.is_odt(data) else "docx"
    if office.is_rtf(data):
        return "rtf"
    if data[:8] == OLE_MAGIC:
        return "docx" if is_encrypted_ooxml(data) and not name.endswith(".doc") else "doc"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    by_type = {
        "application/pdf": "pdf",
        DOCX_MIME: "docx",
        "application/msword": "doc",
        "application/vnd.oasis.opendocument.text": "odt",
        "application/rtf": "rtf",
        "text/rtf": "rtf",
        "text/plain": "text",
    }
    if sniffed_type in by_type:
        return by_type[sniffed_type]
    if sniffed_type.startswith("image/"):
        return "image"
    for ext, kind in (
        (".pdf", "pdf"),
        (".docx", "docx"),
        (".doc", "doc"),
        (".odt", "odt"),
        (".rtf", "rtf"),
        (".txt", "text"),
    ):
        if name.endswith(ext):
            return kind
    return "other"


def _unreadable(kind: str, detail: str, encrypted: bool = False) -> DocumentFacts:
    return DocumentFacts(kind=kind, problem="unreadable_file", problem_detail=detail, encrypted=encrypted)


def _head(text: str) -> str:
    """First :data:`HEAD_CHARS` characters, cut at a line break."""
    if len(text) <= HEAD_CHARS:
        return text.strip()
    cut = text.rfind("\n", 0, HEAD_CHARS)
    return text[: cut if cut > 0 else HEAD_CHARS].strip()


def _with_text(base: DocumentFacts, text: str, need_full_text: bool) -> DocumentFacts:
    """Facts with head/full text filled from ``text`` after legacy conversion."""
    return _with_unicode(base, *fix_legacy(text), need_full_text)


def _with_unicode(base: DocumentFacts, text: str, enc: str | None, need_full_text: bool) -> DocumentFacts:
    """Facts with head/full text filled from ``text``, already converted from ``enc``."""
    return replace(
        base, head_text=_head(text), full_text=text if need_full_text else None, legacy_encoding=enc
    )


def _inspect_docx(data: bytes, need_full_text: bool, measure_layout: bool) -> DocumentFacts:
    if is_encrypted_ooxml(data):
        return _unreadable("docx", "the Word document is protected by a password", encrypted=True)
    try:
        result = read_docx(data, full=need_full_text)
    except (zipfile.BadZipFile, KeyError, ParseError, EOFError) as e:
        return _unreadable("docx", f"not a readable .docx file: {e}")
    # The head is the start of the full text: its encoding is the document's.
    head, enc = fix_legacy(result.head)
    if len(head.strip()) < _LITTLE_TEXT:
        pictured = _pictured_docx(data, need_full_text)
        if pictured is not None:
            return pictured
    full = to_unicode(result.full, enc) if result.full is not None else None
    fraction = None
    if measure_layout:
        # Imported here: the estimate reads the package with python-docx and lxml, ~32 ms
        # of imports (python -X importtime) that every intake-bot command and every
        # prefetch fork server would pay at start, since they import this module.
        from bot.documents import docx_layout  # noqa: PLC0415

        try:
            fraction = docx_layout.docx_used_a4_fraction(data)
        except Exception:  # an estimate must never break inspection
            fraction = None
    return DocumentFacts(
        kind="docx",
        head_text=head,
        full_text=full,
        used_a4_fraction=fraction,
        method="docx",
        legacy_encoding=result.legacy_encoding or enc,
    )


# A Word file with less text than this is looked at for pictures of its pages.
_LITTLE_TEXT = 20
_PICTURES_READ = 4  # at most this many pictures of one Word file are OCR'd, in order


def _pictured_docx(data: bytes, need_full_text: bool) -> DocumentFacts | None:
    """A Word file that is pictures of a document (a signed scan pasted into Word): its
    pictures OCR'd in order, or None when it has none or OCR is not installed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = sorted(
                (n for n in z.namelist() if n.startswith("word/media/") and n.lower().endswith(_PICTURES)),
                key=lambda n: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", n)],
            )
            pictures = [z.read(n) for n in names[:_PICTURES_READ]]
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if not pictures or not ocr.ocr_available():
        return None
    texts = []
    for picture in pictures:
        try:
            texts.append(ocr.ocr_png(ocr.image_to_png(picture)))
        except Exception:  # noqa: BLE001 - an unreadable picture is one fewer page, not a failure
            continue
    text = "\n\n".join(t for t in texts if t)
    facts = _with_text(DocumentFacts(kind="docx", page_count=len(pictures)), text, need_full_text)
    return replace(facts, method="docx-ocr", needs_review=len(text.strip()) < _LITTLE_TEXT)


_PICTURES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif")


def _inspect_office(kind: str, data: bytes, need_full_text: bool, measure_layout: bool) -> DocumentFacts:
    """An .odt or .rtf: converted to .docx by LibreOffice and read as one (module office)."""
    try:
        converted = office.to_docx(data, "." + kind)
    except ToolFailed as e:
        if kind == "odt":
            try:
                text = office.odt_text(data)
            except (zipfile.BadZipFile, KeyError, ParseError, EOFError) as bad:
                return _unreadable("odt", f"not a readable .odt file: {bad}")
            # Text without LibreOffice, but no layout measure: the summary rule cannot
            # be checked on it (used_a4_fraction stays None).
            return replace(_with_text(DocumentFacts(kind="odt"), text, need_full_text), method="odt-xml")
        if "not installed" in str(e):
            return DocumentFacts(kind="rtf", needs_review=True, method="none", problem_detail=str(e))
        return _unreadable("rtf", f"LibreOffice could not read the .rtf file: {e}")
    facts = _inspect_docx(converted, need_full_text, measure_layout)
    if facts.problem:
        return replace(facts, kind=kind)
    return replace(facts, kind=kind, method=f"{kind}-libreoffice")


def _inspect_pdf(data: bytes, need_full_text: bool, measure_layout: bool) -> DocumentFacts:
    try:
        # One pass over the pages gives the text and, when asked, the layout measure.
        result = read_pdf(data, full=need_full_text, measure_layout=measure_layout)
    except EncryptedPdf as e:
        return _unreadable("pdf", str(e), encrypted=True)
    except BrokenPdf as e:
        return _unreadable("pdf", str(e))
    base = DocumentFacts(
        kind="pdf",
        page_count=result.page_count,
        page_sizes_pt=result.page_sizes_pt,
        used_a4_fraction=result.used_a4_fraction,
    )
    if result.has_text_layer:
        facts = _pdf_text_facts(base, result.head, result.full, "pdf-text")
        if textcheck.looks_scrambled(facts.head_text):
            facts = _second_reading(data, base, facts, need_full_text)
        return facts
    # A scan: OCR the first page (title and header are there); every page (up to
    # OCR_MAX_PAGES) when the full text is asked for (the outline of a scanned report).
    if result.page_count == 0 or not ocr.ocr_available():
        return replace(base, needs_review=True, method="none")
    try:
        text = _ocr_first_page(data)
        rest = (
            [
                ocr.ocr_png(render_page_png(data, i, dpi=None))
                for i in range(1, min(result.page_count, OCR_MAX_PAGES))
            ]
            if need_full_text
            else []
        )
    except (ToolFailed, BrokenPdf, EncryptedPdf) as e:
        return replace(base, needs_review=True, method="none", problem_detail=f"OCR failed: {e}")
    facts = _with_text(base, text, False)
    if need_full_text:
        enc = facts.legacy_encoding
        full = "\f".join([text, *rest])
        facts = replace(facts, full_text=decode_legacy(full, enc) if enc else full)
    return replace(facts, method="pdf-ocr", needs_review=len(text.strip()) < 20)


def _ocr_first_page(data: bytes) -> str:
    return ocr.ocr_png(render_page_png(data, 0, dpi=None))


def _pdf_text_facts(base: DocumentFacts, head: str, full: str | None, method: str) -> DocumentFacts:
    """Facts from a PDF's head (and full) text; the head decides the legacy encoding."""
    facts = _with_text(base, head, False)
    if full is not None:
        enc = facts.legacy_encoding
        facts = replace(facts, full_text=decode_legacy(full, enc) if enc else full)
    return replace(facts, method=method)


def _second_reading(
    data: bytes, base: DocumentFacts, first: DocumentFacts, need_full_text: bool
) -> DocumentFacts:
    """The least scrambled of PDFium's text, pdfplumber's, and (if still bad) OCR of page 1.

    Only for a document whose first reading looks scrambled (:mod:`bot.documents.textcheck`);
    another reading replaces it only when clearly better.  When every reading still looks
    scrambled the text cannot be trusted and the file goes to a person.
    """
    best, best_q = first, textcheck.quality(first.head_text)
    try:
        head, full = read_text_pdfplumber(data, full=need_full_text)
    except Exception as e:  # pdfminer raises many kinds of errors on odd files
        log.info("pdfplumber could not read a PDF whose text looks scrambled: %s", e)
    else:
        second = _pdf_text_facts(base, head, full, "pdf-text-pdfplumber")
        best, best_q = _better(best, best_q, second)
    if best_q.scrambled and ocr.ocr_available():
        try:
            text = _ocr_first_page(data)
        except (ToolFailed, BrokenPdf, EncryptedPdf) as e:
            log.info("OCR of a PDF whose text looks scrambled failed: %s", e)
        else:
            best, best_q = _better(
                best, best_q, replace(_with_text(base, text, need_full_text), method="pdf-ocr")
            )
    if best_q.scrambled:
        return replace(best, needs_review=True, problem_detail="the text layer of the PDF reads scrambled")
    return best


def _better(
    current: DocumentFacts, current_q: textcheck.TextQuality, candidate: DocumentFacts
) -> tuple[DocumentFacts, textcheck.TextQuality]:
    q = textcheck.quality(candidate.head_text)
    if q.words >= textcheck.MIN_WORDS and q.badness < current_q.badness - MIN_IMPROVEMENT:
        return candidate, q
    return current, current_q


def _inspect_image(data: bytes, need_full_text: bool) -> DocumentFacts:
    try:
        png = ocr.image_to_png(data)
    except Exception as e:  # Pillow raises OSError, ValueError, SyntaxError, bomb errors
        return _unreadable("image", f"not a readable image: {e}")
    if not ocr.ocr_available():
        return DocumentFacts(kind="image", page_count=1, needs_review=True, method="none")
    try:
        text = ocr.ocr_png(png)
    except ToolFailed as e:
        return DocumentFacts(kind="image", page_count=1, needs_review=True, problem_detail=f"OCR failed: {e}")
    facts = _with_text(DocumentFacts(kind="image", page_count=1), text, need_full_text)
    return replace(facts, method="image-ocr", needs_review=len(text.strip()) < 20)


def _inspect_doc(data: bytes, need_full_text: bool) -> DocumentFacts:
    text, method, errors = doc_reader.read_doc(data)
    if text is None:
        if doc_reader.no_converter(errors):
            return DocumentFacts(kind="doc", needs_review=True, method="none")
        return _unreadable("doc", "no converter could read the .doc file: " + "; ".join(errors))
    return replace(_with_text(DocumentFacts(kind="doc"), text, need_full_text), method=method)


def _decode_plain(data: bytes) -> tuple[str, str | None]:
    """(Unicode NFC text, legacy encoding it was converted from) of a plain-text file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fix_legacy(data.decode("utf-16", "replace"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return fix_legacy(text)
    # Legacy TCVN3/VNI files are single-byte; as Latin-1 their code points are the ones
    # the legacy tables expect.  Otherwise assume the Vietnamese Windows code page
    # (cp1258 writes tones as combining marks; NFC composes them).
    latin = data.decode("latin-1")
    enc = detect_legacy(latin)
    if enc:
        return decode_legacy(latin, enc), enc
    return fix_legacy(unicodedata.normalize("NFC", data.decode("cp1258", "replace")))


def inspect_document(
    data: bytes,
    filename: str,
    sniffed_type: str,
    *,
    need_full_text: bool = False,
    measure_layout: bool = False,
) -> DocumentFacts:
    """Inspect one file.  Never raises for bad input (see the module docstring).

    ``need_full_text`` also fills ``full_text`` (slower on long files); otherwise only
    the head (first page or so) is read.  ``measure_layout`` fills ``used_a4_fraction``
    for PDF and DOCX files (the summary-length rule).
    """
    kind = _kind(data, filename, sniffed_type)
    try:
        if not data:
            return _unreadable(kind, "the file is empty")
        if kind == "docx":
            return _inspect_docx(data, need_full_text, measure_layout)
        if kind in ("odt", "rtf"):
            return _inspect_office(kind, data, need_full_text, measure_layout)
        if kind == "pdf":
            return _inspect_pdf(data, need_full_text, measure_layout)
        if kind == "doc":
            return _inspect_doc(data, need_full_text)
        if kind == "image":
            return _inspect_image(data, need_full_text)
        if kind == "text":
            facts = _with_unicode(DocumentFacts(kind="text"), *_decode_plain(data), need_full_text)
            return replace(facts, method="text")
        return _unreadable("other", f"unsupported file type {sniffed_type or 'unknown'}")
    except Exception as e:  # last line of defence: bad input must not crash intake
        return _unreadable(kind, f"unexpected error while reading the file: {type(e).__name__}: {e}")
