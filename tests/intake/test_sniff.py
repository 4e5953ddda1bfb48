"""sniff_type / refusal_reason on real files built in the test."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from bot.intake import sniff
from bot.intake.sniff import refusal_reason, sniff_type

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Tờ trình đề nghị khen thưởng")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(name, content)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def make_cfb(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file whose directory holds ``stream_names``."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)  # directory starts at sector 1
    struct.pack_into("<IIIII", header, 0x38, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = bytearray()
    for index, name in enumerate(["Root Entry", *stream_names][:4]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 0x40, len(encoded))
        entry[0x42] = 5 if index == 0 else 2
        directory += entry
    directory += bytes(512 - len(directory))
    return bytes(header) + fat + bytes(directory)


def test_pdf() -> None:
    assert sniff_type(MINIMAL_PDF, "application/octet-stream", "scan0001.jpg") == sniff.PDF


def test_docx_and_docm() -> None:
    docx = _docx()
    assert sniff_type(docx, "", "Document1.doc") == sniff.DOCX
    docm = _with_member(docx, "word/vbaProject.bin", b"\x00" * 16)
    assert sniff_type(docm, "", "To trinh.docx") == sniff.DOCM
    assert refusal_reason(sniff.DOCM, "To trinh.docx")
    assert refusal_reason(sniff.DOCX, "To trinh.docx") is None


def test_macro_content_type_without_vba_member() -> None:
    content_types = (
        b'<Types><Override ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
    )
    data = _zip({"[Content_Types].xml": content_types, "xl/workbook.xml": b"<workbook/>"})
    assert sniff_type(data, "", "a.xlsx") == sniff.XLSM


def test_odf_and_plain_zip() -> None:
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert sniff_type(odt, "", "a.zip") == "application/vnd.oasis.opendocument.text"
    assert sniff_type(_zip({"a.txt": b"x"}), "", "a.docx") == sniff.ZIP


def test_ole_variants() -> None:
    assert sniff_type(make_cfb(["WordDocument", "1Table"]), "", "a.doc") == sniff.DOC
    assert sniff_type(make_cfb(["WordDocument", "Macros"]), "", "a.doc") == sniff.DOC_MACRO
    assert sniff_type(make_cfb(["Workbook"]), "", "a.xls") == sniff.XLS
    encrypted = make_cfb(["EncryptionInfo", "EncryptedPackage"])
    assert sniff_type(encrypted, "", "Bao cao.docx") == sniff.ENCRYPTED_OOXML
    assert refusal_reason(sniff.ENCRYPTED_OOXML, "Bao cao.docx") is None


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"MZ\x90\x00" + bytes(60), "invoice.pdf", sniff.EXE),
        (b"\x7fELF\x02\x01\x01" + bytes(9), "x", sniff.ELF),
        (b"\xcf\xfa\xed\xfe" + bytes(12), "x", sniff.MACHO),
        (b"#!/bin/sh\nrm -rf /\n", "run.txt", sniff.SHELL),
        (b"WScript.Echo 1\n", "thu moi.vbs", "application/x-vbscript"),
        (b"@echo off\r\ndel *\r\n", "a.txt", "application/x-bat"),
        (b"<html><script>alert(1)</script></html>", "a.htm", sniff.HTML_SCRIPT),
        (b"<html><body>xin chao</body></html>", "a.htm", sniff.HTML),
        (b"{\\rtf1\\ansi hello}", "a.doc", sniff.RTF),
        (b"\xff\xd8\xff\xe0" + bytes(20), "a.png", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n" + bytes(8), "a", "image/png"),
        (b"\x00\x00\x00\x18ftypheic" + bytes(8), "IMG_1.HEIC", "image/heic"),
        (b"7z\xbc\xaf\x27\x1c" + bytes(10), "a", sniff.SEVEN_ZIP),
        (b"Rar!\x1a\x07\x01\x00", "a", sniff.RAR),
        (b"\x1f\x8b\x08" + bytes(10), "a", sniff.GZIP),
        (b"\x78\x9f\x3e\x22" + bytes(10), "winmail.dat", sniff.TNEF),
        ("Kính gửi Ban Tuyên giáo".encode(), "a.txt", sniff.TEXT),
        (b"", "a.pdf", sniff.EMPTY),
        (bytes(range(256)) * 4, "a.bin", sniff.UNKNOWN),
    ],
)
def test_magic(data: bytes, name: str, expected: str) -> None:
    assert sniff_type(data, "application/octet-stream", name) == expected


@pytest.mark.parametrize(
    ("sniffed", "name", "refused"),
    [
        (sniff.EXE, "a.pdf", True),
        (sniff.TEXT, "a.js", True),
        (sniff.TEXT, "shortcut.lnk", True),
        (sniff.PDF, "Bao cao.pdf.exe", True),
        (sniff.HTML_SCRIPT, "a.htm", True),
        (sniff.PDF, "Bao cao.pdf", False),
        (sniff.DOC, "BCTT.doc", False),
        ("image/jpeg", "scan.jpg", False),
    ],
)
def test_refusal(sniffed: str, name: str, refused: bool) -> None:
    assert (refusal_reason(sniffed, name) is not None) is refused


def test_damaged_inputs_never_raise() -> None:
    for data in (b"PK\x03\x04garbage", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 100, b"%PDF"):
        assert isinstance(sniff_type(data, "", ""), str)


@pytest.mark.parametrize("cut", [0.3, 0.46, 0.8])
def test_a_docx_cut_short_is_still_a_docx_to_report_not_an_archive(cut: float) -> None:
    # A download or a copy cut short loses the zip's central directory: the file is a
    # damaged document (read and reported unreadable as such), not a broken archive.
    data = _docx()
    short = data[: int(len(data) * cut)]
    assert sniff_type(short, "application/octet-stream", "BCTT Phuong Thao.docx") == sniff.DOCX
    # Without its name, by the member Word writes first.
    assert sniff_type(short, "application/octet-stream", "") == sniff.DOCX
    # A damaged zip is still a zip.
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("To trinh.pdf", MINIMAL_PDF * 50)
    assert sniff_type(zipped.getvalue()[:200], "application/zip", "Ho so.zip") == sniff.ZIP
