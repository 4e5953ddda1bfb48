"""Exports: the nominee list (.docx, also through LibreOffice), the matrix (.xlsx), the zip."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.exports.files import safe_part
from bot.exports.xlsx import text_lines
from tests.staff.conftest import NOW


def test_matrix_workbook(cli, tmp_path):
    path = tmp_path / "matrix.xlsx"
    cli("export", "matrix", "--xlsx", str(path))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Hồ sơ đề nghị khen thưởng", "Báo cáo KL 01-KL-TW"]
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
    assert syt[6].value == dt.datetime(2024, 2, 26, 9, 0) and syt[7].value in ("", None)
    assert syt[6].is_date and syt[6].number_format == "dd/mm/yyyy hh:mm"
    assert syt[4].value == dt.datetime(2024, 2, 28, 23, 59, 59) and syt[4].is_date
    assert snv[7].value == "Quá hạn" and snv[7].fill.fgColor.rgb.endswith("F8CBAD")
    assert hccb[5].value == "Còn thiếu" and hccb[5].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["STC"][5].value == "Chờ xem xét"
    assert syt[header.index("Cá nhân đề nghị")].value == "Nguyễn Văn An"
    report = wb["Báo cáo KL 01-KL-TW"]
    assert report.freeze_panes == "D2" and report.auto_filter.ref
    assert report.cell(1, 6).value == "Báo cáo KL 01-KL/TW"
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
                "Đảng bộ Sở Y tế/Tờ trình đề nghị khen thưởng/Tờ trình đề nghị khen thưởng.docx",
                "Đảng bộ Sở Y tế/Báo cáo thành tích/Nguyễn Văn An/BCTT Nguyễn Văn An.docx",
                "Đảng bộ Sở Y tế/Bản tóm tắt thành tích/Nguyễn Văn An/Tóm tắt Nguyễn Văn An.docx",
                "Đảng bộ Sở Y tế/Bản sao quyết định khen thưởng/Nguyễn Văn An/QĐ khen thưởng 2022.docx",
                "Đảng bộ Sở Y tế/Quyết định xếp loại chất lượng đảng viên năm 2023/Nguyễn Văn An/QĐ xếp loại 2023.docx",
                "Đảng bộ Sở Y tế/Báo cáo thành tích/Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh/BCTT Khoa HSCC.docx",
                "Chi bộ Sở Ngoại vụ/Báo cáo thành tích/Ngô Thị Hà/BCTT Ngo Thi Ha.docx",
            ]
        )
        data = zf.read("Đảng bộ Sở Y tế/Tờ trình đề nghị khen thưởng/Tờ trình đề nghị khen thưởng.docx")
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


def _print_ready(ws) -> None:
    """A4, landscape, as wide as the page and as many pages down as needed, the header
    row on every page, page numbers in the footer."""
    setup = ws.page_setup
    assert setup.paperSize == 9 and setup.orientation == "landscape", ws.title
    assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
    assert ws.print_title_rows == "$1:$1", ws.title
    assert "&P" in ws.oddFooter.center.text, ws.title


def test_workbooks_have_date_cells_fitting_rows_and_print_set_up(cli, tmp_path, seeded_app):
    """The export and the digest's attachment, opened with openpyxl as a reader's program would."""
    from bot.outgoing.digest import build_digest

    app, _ = seeded_app
    path = tmp_path / "matrix.xlsx"
    cli("export", "matrix", "--xlsx", str(path))
    export = load_workbook(path)
    with app.db.session() as s:
        health = {"ok": True, "last_success_at": None, "last_error": None}
        digest = load_workbook(io.BytesIO(build_digest(app, s, NOW, health).xlsx))
    for wb in (export, digest):
        for ws in wb.worksheets:
            _print_ready(ws)
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if cell.is_date and cell.value is not None:
                        assert isinstance(cell.value, dt.datetime) and cell.number_format.startswith(
                            "dd/mm/yyyy"
                        )
                    elif isinstance(cell.value, str):
                        # Every wrapped text fits its row: never more lines than the height holds.
                        width = ws.column_dimensions[cell.column_letter].width
                        lines = text_lines(cell.value, width, cell.font.sz or 12)
                        height = ws.row_dimensions[cell.row].height or 15
                        assert height >= lines * 15, (ws.title, cell.coordinate, cell.value, height)
    overview = digest["Tình hình nộp hồ sơ"]
    header = [c.value for c in overview[1]]
    rows = {r[0].value: r for r in overview.iter_rows(min_row=2)}
    received = rows["SYT"][header.index("Tờ trình — ngày nhận")]
    assert received.is_date and received.value.date() == dt.date(2024, 2, 26)
    assert rows["HCCB"][header.index("Tờ trình — ngày nhận")].value is None
    # SNV's problems and missing documents wrap onto several lines: its row is taller.
    assert overview.row_dimensions[rows["SYT"][0].row].height > 15
    assert overview.row_dimensions[1].height >= 45


def test_row_height_follows_the_longest_wrapped_text():
    from bot.exports.xlsx import Book, Style

    book = Book()
    body = book.style(Style())
    ws = book.sheet("S", [10, 20])
    ws.row(["a", "b"], body)
    ws.row(["ngắn", "một dòng\nhai dòng\nba dòng"], body)
    ws.row(["x" * 45, ""], body)  # 45 characters in a column of about 9
    ws.row([dt.date(2024, 2, 28), 1], [book.style(Style(num_format="dd/mm/yyyy")), body])
    sheet = load_workbook(io.BytesIO(book.save("t", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))).active
    assert sheet.row_dimensions[2].height >= 3 * 15
    assert sheet.row_dimensions[3].height >= 5 * 15
    assert sheet["A4"].is_date and sheet["A4"].value == dt.datetime(2024, 2, 28)
    with pytest.raises(TypeError):
        ws.row([dt.datetime(2024, 1, 1, tzinfo=dt.UTC)], body)
