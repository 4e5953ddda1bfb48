"""Exports: the nominee list (.docx, also through LibreOffice), the matrix (.xlsx), the zip."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.exports.files import safe_part

HEADERS = ["STT", "Tên tập thể", "Trực thuộc", "Đơn vị đề nghị", "Hồ sơ"]


def _nominee_doc(cli, tmp_path):
    path = tmp_path / "danh-sach.docx"
    assert "written" in cli("export", "nominees", "--docx", str(path)).output
    return path, Document(str(path))


def test_nominee_list_has_one_row_per_nominee_with_completeness(cli, tmp_path):
    _, doc = _nominee_doc(cli, tmp_path)
    header, collectives, individuals = doc.tables
    left, right = (c.text for c in header.rows[0].cells)
    assert left.split("\n") == ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*"]
    assert right.startswith("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert "Thái Nguyên, ngày 28 tháng 02 năm 2024" in right

    paragraphs = [p.text for p in doc.paragraphs]
    assert "DANH SÁCH" in paragraphs
    assert any(
        p.startswith("tập thể, cá nhân đề nghị khen thưởng tiêu biểu trong học tập") for p in paragraphs
    )
    assert "I. TẬP THỂ" in paragraphs and "II. CÁ NHÂN" in paragraphs

    assert [c.text for c in collectives.rows[0].cells] == HEADERS
    rows = [[c.text for c in r.cells] for r in collectives.rows[1:]]
    assert len(rows) == 1
    assert rows[0][:4] == [
        "1",
        "Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh",
        "Đảng bộ Sở Y tế",
        "Đảng bộ Sở Y tế",
    ]
    assert rows[0][4].startswith("Còn thiếu: Bản tóm tắt thành tích; Quyết định khen thưởng")

    assert [c.text for c in individuals.rows[0].cells][2] == "Chức vụ, đơn vị công tác"
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in individuals.rows[1:]}
    assert set(rows) == {"Nguyễn Văn An", "Ngô Thị Hà"}
    an = rows["Nguyễn Văn An"]
    assert an[2] == "Phó Giám đốc Sở, Sở Y tế tỉnh Thái Nguyên"
    assert (an[3], an[4]) == ("Đảng bộ Sở Y tế", "Đầy đủ")
    ha = rows["Ngô Thị Hà"]
    assert ha[2] == "Bí thư Chi bộ" and ha[3] == "Chi bộ Sở Ngoại vụ"
    assert ha[4] == (
        "Còn thiếu: Bản tóm tắt thành tích; Quyết định khen thưởng đã được tặng; "
        "Quyết định xếp loại chất lượng đảng viên năm 2023"
    )
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= doc.styles["Normal"].font.size.pt <= 14
    assert any(
        "Danh sách gồm 1 tập thể và 2 cá nhân; 1 hồ sơ đầy đủ, 2 hồ sơ còn thiếu" in p for p in paragraphs
    )


def test_nominee_list_completeness_follows_a_redo(cli, seeded_app, tmp_path):
    _, seeded = seeded_app
    cli(
        "files",
        "redo",
        str(seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]),
        "--comment",
        "Thiếu chữ ký",
    )
    _, doc = _nominee_doc(cli, tmp_path)
    an = next(r for r in doc.tables[2].rows if r.cells[1].text == "Nguyễn Văn An")
    assert an.cells[4].text == "Còn thiếu: Tờ trình của đơn vị"


def test_nominee_list_converts_with_libreoffice(cli, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    path, _ = _nominee_doc(cli, tmp_path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "pdf" / "danh-sach.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        text = " ".join(" ".join(page.extract_text() or "" for page in doc.pages).split())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Nguyễn Văn An" in text and "Ngô Thị Hà" in text


def test_matrix_workbook(cli, tmp_path):
    path = tmp_path / "matrix.xlsx"
    cli("export", "matrix", "--xlsx", str(path))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Hồ sơ đề nghị khen thưởng", "Báo cáo Kết luận 01"]
    ws = wb["Hồ sơ đề nghị khen thưởng"]
    assert ws.freeze_panes == "D2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    header = [c.value for c in ws[1]]
    assert header[:5] == ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Hạn nộp"]
    assert header[5:8] == ["Tờ trình", "Tờ trình — ngày nhận", "Tờ trình — quá hạn"]
    assert {"Tập thể đề nghị", "Cá nhân đề nghị", "Hồ sơ đề nghị còn thiếu", "Vấn đề"} <= set(header)
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    assert len(rows) == 15
    syt, snv, hccb = rows["SYT"], rows["SNV"], rows["HCCB"]
    assert syt[5].value == "Đã nhận" and syt[5].fill.fgColor.rgb.endswith("C6EFCE")
    assert syt[6].value == "26/02/2024 09:00" and syt[7].value in ("", None)
    assert snv[7].value == "Quá hạn" and snv[7].fill.fgColor.rgb.endswith("F8CBAD")
    assert hccb[5].value == "Còn thiếu" and hccb[5].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["STC"][5].value == "Chờ xem xét"
    assert syt[header.index("Cá nhân đề nghị")].value == "Nguyễn Văn An"
    report = wb["Báo cáo Kết luận 01"]
    assert report.freeze_panes == "D2" and report.auto_filter.ref
    assert report.cell(1, 6).value == "Báo cáo Kết luận 01"
    assert "Tập thể đề nghị" not in [c.value for c in report[1]]


def test_files_zip_layout(cli, seeded_app, tmp_path):
    _, seeded = seeded_app
    cli("files", "redo", str(seeded.submissions["snv:To trinh.docx"]), "--comment", "Thiếu chữ ký")
    path = tmp_path / "files.zip"
    assert "(7 files)" in cli("export", "files", "--zip", str(path)).output
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert sorted(names) == sorted(
            [
                "Đảng bộ Sở Y tế/Tờ trình/Tờ trình đề nghị khen thưởng.docx",
                "Đảng bộ Sở Y tế/Báo cáo thành tích/Nguyễn Văn An/BCTT Nguyễn Văn An.docx",
                "Đảng bộ Sở Y tế/Tóm tắt thành tích/Nguyễn Văn An/Tóm tắt Nguyễn Văn An.docx",
                "Đảng bộ Sở Y tế/Quyết định khen thưởng/Nguyễn Văn An/QĐ khen thưởng 2022.docx",
                "Đảng bộ Sở Y tế/Quyết định xếp loại đảng viên/Nguyễn Văn An/QĐ xếp loại 2023.docx",
                "Đảng bộ Sở Y tế/Báo cáo thành tích/Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh/BCTT Khoa HSCC.docx",
                "Chi bộ Sở Ngoại vụ/Báo cáo thành tích/Ngô Thị Hà/BCTT Ngo Thi Ha.docx",
            ]
        )
        data = zf.read("Đảng bộ Sở Y tế/Tờ trình/Tờ trình đề nghị khen thưởng.docx")
        assert "TỜ TRÌNH" in "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
        # Non-ASCII names are flagged UTF-8, so every unzip tool shows the diacritics.
        assert all(i.flag_bits & 0x800 for i in zf.infolist())


def test_safe_part():
    assert safe_part("../../etc/passwd") == "-..-etc-passwd"  # one harmless component
    assert safe_part("..") == "_" and safe_part(".hidden") == "hidden"
    assert safe_part("a/b\\c:d") == "a-b-c-d"
    assert safe_part("  Tờ   trình. ") == "Tờ trình"
    assert safe_part(unicodedata.normalize("NFD", "Tờ trình")) == "Tờ trình"  # a Mac's NFD becomes NFC
    assert safe_part("") == "_"
    long = safe_part("x" * 300 + ".docx")
    assert len(long) == 120 and long.endswith(".docx")


def test_xlsx_writer_escapes_text_and_names():
    """What a mail can carry (markup, control characters, quotes in a unit's name) never
    breaks the workbook; numbers stay numbers."""
    import datetime as dt

    from bot.exports.xlsx import Book, Style

    book = Book()
    head, body = book.style(Style(bold=True, fill="1F4E78", color="FFFFFF")), book.style(Style())
    assert book.style(Style()) == body  # one <xf> per distinct style
    ws = book.sheet("Chi bộ 'Văn phòng' & <Đảng ủy>", [8, 30], freeze="B2", landscape=True, print_header=True)
    ws.row(["STT", "Nội dung"], head)
    ws.row([1, "Thư «Gửi hồ sơ» <b>&amp;\x07\n dòng hai"], [body, body])
    ws.row([2.5, None], body)
    data = book.save(title="Thử & kiểm tra", created=dt.datetime(2024, 2, 27, 1, 0, tzinfo=dt.UTC))
    wb = load_workbook(io.BytesIO(data))
    [sheet] = wb.worksheets
    assert sheet.title == "Chi bộ 'Văn phòng' & <Đảng ủy>"
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [
        ["STT", "Nội dung"],
        [1, "Thư «Gửi hồ sơ» <b>&amp;\n dòng hai"],
        [2.5, None],
    ]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == "A1:B3"
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb == "FF1F4E78"
    assert sheet["B2"].font.name == "Times New Roman" and sheet["B2"].alignment.wrap_text
    assert wb.properties.title == "Thử & kiểm tra"
    with pytest.raises(ValueError):
        book.sheet("Chi bộ 'Văn phòng' & <Đảng ủy>", [8])
