"""Archive unpacking under hostile input: bombs, lying headers, zip slip, nesting."""

from __future__ import annotations

import io
import subprocess
import zipfile
import zlib

import py7zr
import pytest

from bot.intake import containers
from bot.intake.containers import Budget
from bot.intake.limits import ParseLimits
from bot.intake.unpack import collect_files

PDF = b"%PDF-1.4\n%%EOF\n"


def _zip(members: dict[str, bytes], utf8_names: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def _collect(data: bytes, name: str = "bundle.zip", limits: ParseLimits = ParseLimits()):
    return collect_files(data, name, "application/zip", "mail", limits, Budget.from_limits(limits))


def test_zip_members_with_origin_and_safe_names() -> None:
    data = _zip({"hoso/To trinh.pdf": PDF, "../../etc/passwd": b"root:x:0:0\n", "C:\\x\\BCTT.txt": b"abc"})
    found = _collect(data).attachments
    assert [a.filename for a in found] == ["To trinh.pdf", "passwd", "BCTT.txt"]
    assert {a.origin for a in found} == {"zip:bundle.zip"}
    assert found[0].original_filename == "hoso/To trinh.pdf"


def test_cp1258_member_name_without_utf8_flag() -> None:
    # cp1258 spells tones as combining marks after the base letter (ơ + grave).
    raw_name = "T\u01a1\u0300 tri\u0300nh.pdf".encode("cp1258")
    # zipfile would set the UTF-8 flag for a non-ASCII str, so patch the bytes in.
    placeholder = b"X" * len(raw_name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(placeholder.decode(), PDF)
    buffer = io.BytesIO(buffer.getvalue().replace(placeholder, raw_name))
    assert _collect(buffer.getvalue()).attachments[0].filename == "Tờ trình.pdf"


def test_nested_zip_within_depth_and_beyond() -> None:
    inner = _zip({"a.pdf": PDF})
    middle = _zip({"inner.zip": inner})
    outer = _zip({"middle.zip": middle})
    two = _collect(middle, "middle.zip").attachments
    assert [(a.filename, a.origin) for a in two] == [("a.pdf", "zip:middle.zip/zip:inner.zip")]
    three = _collect(outer, "outer.zip").attachments
    assert [(a.filename, a.problem) for a in three] == [("inner.zip", "archive_limit")]


def test_zip_bomb_by_ratio() -> None:
    bomb = _zip({"zeros.txt": bytes(5 * 1024 * 1024)})
    found = _collect(bomb).attachments
    assert [(a.filename, a.problem) for a in found] == [("bundle.zip", "archive_limit")]


def test_total_size_and_count_limits() -> None:
    limits = ParseLimits(max_archive_total_bytes=1000, max_archive_files=3)
    assert _collect(_zip({"a.txt": b"x" * 2000}), limits=limits).attachments[0].problem == "archive_limit"
    many = _zip({f"{i}.txt": b"x" for i in range(5)})
    assert _collect(many, limits=limits).attachments[0].problem == "archive_limit"


def test_lying_header_is_caught_while_reading() -> None:
    data = bytearray(_zip({"a.txt": b"A" * 200_000}))
    # Declare 10 bytes instead of 200000 in both headers: reading must not trust it.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    data[22:26] = (10).to_bytes(4, "little")
    found = _collect(bytes(data)).attachments
    assert all(a.size <= 10 for a in found if a.filename == "a.txt")
    assert found[0].problem in ("archive_limit", "unreadable_file")


def test_encrypted_zip() -> None:
    data = bytearray(_zip({"a.pdf": PDF}))
    data[6] |= 0x1  # local header flag: encrypted
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1
    found = _collect(bytes(data)).attachments
    # The archive, then each file it lists: unread (no content), in the archive's name.
    assert [(a.filename, a.problem, a.locked_members, a.locked_in, a.data) for a in found] == [
        ("bundle.zip", "unreadable_file", ("a.pdf",), None, found[0].data),
        ("a.pdf", "unreadable_file", ("a.pdf",), "bundle.zip", b""),
    ]
    assert found[1].origin == "zip:bundle.zip"


def _vint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _rar5_block(kind: int, fields: bytes, extra: bytes = b"", data_size: int | None = None) -> bytes:
    flags = (0x1 if extra else 0) | (0x2 if data_size is not None else 0)
    head = _vint(kind) + _vint(flags) + (_vint(len(extra)) if extra else b"")
    head += (_vint(data_size) if data_size is not None else b"") + fields + extra
    sized = _vint(len(head)) + head
    return zlib.crc32(sized).to_bytes(4, "little") + sized


def _locked_rar5(names: list[str], hidden: bool) -> bytes:
    """A RAR5 archive whose files (``hidden``: whose headers too) are AES-encrypted.

    Written by hand after the RAR5 format description (no ``rar`` is installed here, and
    Debian ships it only in non-free): only the headers matter, rarfile reads them in
    Python and nothing is ever decrypted.
    """
    signature = b"Rar!\x1a\x07\x01\x00"
    if hidden:  # an archive encryption header: AES-256, KDF 2^15, a salt; the rest is ciphertext
        encryption = _rar5_block(4, _vint(0) + _vint(0) + bytes([15]) + bytes(16))
        return signature + encryption + bytes(80)
    out = signature + _rar5_block(1, _vint(0))
    for name in names:
        record = _vint(0x01) + _vint(0) + _vint(0) + bytes([15]) + bytes(32)  # file encryption
        encoded, data = name.encode("utf-8"), bytes(32)
        fields = _vint(0) + _vint(len(data)) + _vint(0o644) + _vint(0) + _vint(1)
        fields += _vint(len(encoded)) + encoded
        out += _rar5_block(2, fields, _vint(len(record)) + record, len(data)) + data
    return out + _rar5_block(5, _vint(0))


@pytest.mark.parametrize(
    ("hidden", "names"),
    [(False, ("Tờ trình.docx", "BCTT Nguyễn Văn An.pdf")), (True, ())],
    ids=["file names readable", "headers encrypted"],
)
def test_encrypted_rar_lists_what_its_headers_show(hidden: bool, names: tuple[str, ...]) -> None:
    if containers.rar_backend() is None:
        pytest.skip("no RAR extraction tool (unrar or unar) is installed")
    data = _locked_rar5(["Hồ sơ/Tờ trình.docx", "Hồ sơ/BCTT Nguyễn Văn An.pdf"], hidden)
    found = _collect(data, "Ho so.rar").attachments
    assert [(a.filename, a.problem, a.locked_members) for a in found] == [
        ("Ho so.rar", "unreadable_file", names),
        *((n, "unreadable_file", names) for n in names),
    ]
    # A listed file keeps its folder (it speaks for whom the file is: Attachment.folder).
    assert [a.original_filename for a in found[1:]] == [f"Hồ sơ/{n}" for n in names]


def test_a_locked_archive_inside_a_plain_one_is_named_where_it_was_found(tmp_path) -> None:
    from tests.conftest import need_tool

    (tmp_path / "Tờ trình.docx").write_bytes(PDF)
    subprocess.run(
        [need_tool("zip"), "-q", "-P", "matkhau", "locked.zip", "Tờ trình.docx"], cwd=tmp_path, check=True
    )
    outer = _zip({"Ho so/locked.zip": (tmp_path / "locked.zip").read_bytes(), "BCTT.pdf": PDF})
    found = _collect(outer).attachments
    assert [(a.filename, a.origin, a.problem, a.locked_members) for a in found] == [
        ("locked.zip", "zip:bundle.zip", "unreadable_file", ("Tờ trình.docx",)),
        ("Tờ trình.docx", "zip:bundle.zip/zip:locked.zip", "unreadable_file", ("Tờ trình.docx",)),
        ("BCTT.pdf", "zip:bundle.zip", None, None),
    ]


def test_member_over_attachment_limit_is_listed_empty() -> None:
    limits = ParseLimits(max_attachment_bytes=400)
    found = _collect(_zip({"big.txt": b"y" * 5000, "small.pdf": PDF}), limits=limits).attachments
    assert [(a.filename, a.problem, a.data) for a in found][0] == ("big.txt", "too_large", b"")
    assert found[1].problem is None


def test_refused_member() -> None:
    found = _collect(_zip({"photo.jpg.exe": b"MZ" + bytes(100)})).attachments
    assert found[0].problem == "refused_type" and found[0].data == b""


def test_budget_shared_and_restored() -> None:
    limits = ParseLimits(max_archive_total_bytes=3000)
    budget = Budget.from_limits(limits)
    first = collect_files(_zip({"a.txt": b"a" * 2000}), "1.zip", "", "mail", limits, budget)
    second = collect_files(_zip({"b.txt": b"b" * 2000}), "2.zip", "", "mail", limits, budget)
    assert first.attachments[0].problem is None
    assert second.attachments[0].problem == "archive_limit"
    assert budget.bytes_left == 1000  # the refused archive gave its bytes back


def test_7z() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(PDF, "hoso/Bao cao.pdf")
    found = _collect(buffer.getvalue(), "hoso.7z").attachments
    assert [(a.filename, a.origin, a.data) for a in found] == [("Bao cao.pdf", "7z:hoso.7z", PDF)]


def test_7z_bomb() -> None:
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(bytes(5 * 1024 * 1024), "zeros.bin")
    assert _collect(buffer.getvalue(), "x.7z").attachments[0].problem == "archive_limit"


def test_rar_without_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(containers, "rar_backend", lambda: None)
    fake_rar = b"Rar!\x1a\x07\x00" + bytes(50)
    found = _collect(fake_rar, "hoso.rar").attachments
    assert [(a.filename, a.problem) for a in found] == [("hoso.rar", "unsupported_archive")]


def test_damaged_zip() -> None:
    found = _collect(b"PK\x03\x04" + bytes(40)).attachments
    assert found[0].problem == "unreadable_file"
