"""The nominee list the staff hand on (Hướng dẫn 36-HD/VPTW), read as python-docx writes it
and as LibreOffice renders it (fonts pinned by tests/fontsets.py for the whole session)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from bot.campaign.model import load_campaign
from bot.errors import ConfigError
from bot.exports.nominees import NomineeListError, build_nominees_docx, date_line
from tests.staff.conftest import NOW

REPO = Path(__file__).resolve().parents[2]
CAMPAIGN_FILE = REPO / "config/campaigns/120-KH-DUK-2024.toml"
HEADERS = ["STT", "Tên tập thể", "Trực thuộc", "Đơn vị đề nghị", "Ghi chú"]


def _nominee_doc(cli, tmp_path):
    path = tmp_path / "danh-sach.docx"
    assert "written" in cli("export", "nominees", "--docx", str(path)).output
    return path, Document(str(path))


def test_nominee_list_has_the_party_document_layout_and_no_working_columns(cli, tmp_path):
    _, doc = _nominee_doc(cli, tmp_path)
    header, collectives, individuals, signature = doc.tables
    left, right = (c.text for c in header.rows[0].cells)
    assert left.split("\n") == [
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        "*",
        "Số       -DS/ĐUK",
    ]
    assert right.startswith("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert header.rows[0].cells[1].paragraphs[0].runs[0].underline
    assert "Thái Nguyên, ngày 28 tháng 02 năm 2024" in right

    paragraphs = [p.text for p in doc.paragraphs]
    assert "DANH SÁCH" in paragraphs
    assert (
        "tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
        "năm 2024 đề nghị khen thưởng" in paragraphs
    )
    assert (
        "(Theo Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh)"
        in paragraphs
    )
    assert "I. TẬP THỂ" in paragraphs and "II. CÁ NHÂN" in paragraphs
    assert "Danh sách gồm 01 tập thể và 02 cá nhân./." in paragraphs

    assert [c.text for c in collectives.rows[0].cells] == HEADERS
    rows = [[c.text for c in r.cells] for r in collectives.rows[1:]]
    assert rows == [
        ["1", "Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh", "Đảng bộ Sở Y tế", "Đảng bộ Sở Y tế", ""]
    ]
    assert [c.text for c in individuals.rows[0].cells][2] == "Chức vụ, đơn vị công tác"
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in individuals.rows[1:]}
    assert set(rows) == {"Nguyễn Văn An", "Ngô Thị Hà"}
    assert rows["Nguyễn Văn An"][2:] == ["Phó Giám đốc Sở, Sở Y tế tỉnh Thái Nguyên", "Đảng bộ Sở Y tế", ""]
    assert rows["Ngô Thị Hà"][2:4] == ["Bí thư Chi bộ", "Chi bộ Sở Ngoại vụ"]
    # No internal working column: what a dossier lacks is not on the paper handed on.
    cells = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Còn thiếu" not in cells + " ".join(paragraphs) and "Đầy đủ" not in cells

    received, signer = (c.text.split("\n") for c in signature.rows[0].cells)
    assert received[0] == "Nơi nhận:" and "- Lưu Văn phòng Đảng ủy Khối." in received
    assert signature.rows[0].cells[0].paragraphs[0].runs[0].underline
    assert signer[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"] and signer[-1] == "Mai Thị Nhài"
    assert doc.sections[0].different_first_page_header_footer
    assert "PAGE" in doc.sections[0].header._element.xml
    assert doc.styles["Normal"].font.name == "Times New Roman"


def test_date_line_writes_months_one_and_two_with_a_leading_zero():
    tz = ZoneInfo("Asia/Ho_Chi_Minh")

    def at(month: int, day: int) -> dt.datetime:
        return dt.datetime(2024, month, day, 10, tzinfo=tz)

    assert date_line("Thái Nguyên", at(2, 28), tz) == "Thái Nguyên, ngày 28 tháng 02 năm 2024"
    assert date_line("Thái Nguyên", at(1, 5), tz) == "Thái Nguyên, ngày 05 tháng 01 năm 2024"
    assert date_line("Thái Nguyên", at(3, 5), tz) == "Thái Nguyên, ngày 05 tháng 3 năm 2024"
    assert date_line("Thái Nguyên", at(12, 15), tz) == "Thái Nguyên, ngày 15 tháng 12 năm 2024"


def test_the_letterhead_number_and_signer_come_from_the_campaign_file(tmp_path):
    text = CAMPAIGN_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('symbol = "DS/ĐUK"', 'symbol = "danh sách"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="nominee_list.symbol"):
        load_campaign(bad)
    no_name = tmp_path / "no-name.toml"
    no_name.write_text(text.replace('name = "Mai Thị Nhài"', 'name = ""'), encoding="utf-8")
    with pytest.raises(ConfigError, match="nominee_list.signer.name"):
        load_campaign(no_name)
    other = tmp_path / "other.toml"
    other.write_text(
        text.replace('number = ""', 'number = "15"').replace('name = "Mai Thị Nhài"', 'name = "Lê Văn Khải"'),
        encoding="utf-8",
    )
    doc = build_nominees_docx(load_campaign(other), [], NOW)
    assert "Số 15-DS/ĐUK" in doc.tables[0].rows[0].cells[0].text
    assert doc.tables[-1].rows[0].cells[1].text.endswith("Lê Văn Khải")
    bare = tmp_path / "bare.toml"
    bare.write_text(text.split("# The nominee list the staff hand")[0], encoding="utf-8")
    with pytest.raises(NomineeListError, match="nominee_list"):
        build_nominees_docx(load_campaign(bare), [], NOW)


def _soffice_pdf(docx: Path, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = out / (docx.stem + ".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    return pdf


def _lines(page) -> list[tuple[str, list]]:
    """The page's lines as (text, chars), rebuilt from character positions: a font without
    some Vietnamese glyphs makes LibreOffice draw them after the line (pdfplumber's word
    order then scrambles "ĐẢNG"), but every glyph sits where it is seen."""
    rows: list[list] = []
    for ch in sorted(page.chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if not ch["text"].strip():
            continue
        if rows and abs(rows[-1][0]["bottom"] - ch["bottom"]) < 2.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text, chars = "", []
        for ch in row:
            if chars and ch["x0"] - chars[-1]["x1"] > 0.2 * ch["size"]:
                text += " "
                chars.append(chars[-1])
            text += ch["text"]
            chars.append(ch)
        out.append((text, chars))
    return out


def _find(page, text: str) -> dict | None:
    """Where ``text`` is on ``page``: its x0, x1, top and bottom, or None."""
    for line, chars in _lines(page):
        i = line.find(text)
        if i >= 0:
            span = chars[i : i + len(text)]
            return {
                "x0": min(c["x0"] for c in span),
                "x1": max(c["x1"] for c in span),
                "top": min(c["top"] for c in span),
                "bottom": max(c["bottom"] for c in span),
            }
    return None


def _text(page) -> str:
    return "\n".join(line for line, _ in _lines(page))


@pytest.mark.tools
def test_the_nominee_list_as_libreoffice_renders_it(cli, seeded_app, tmp_path):
    """Converted to PDF by LibreOffice, then read back with pdfplumber: the rule under the
    party's name as long as the words, the place and date, the over-quota note, the
    signature block on the right and "Nơi nhận" on the left, page numbers at the top centre
    from page 2 on."""
    import pdfplumber

    from bot.store import nominations
    from tests.seeding import unit

    app, _ = seeded_app
    with app.db.session() as s:
        snv = unit(s, "SNV")  # a chi bộ: 01 tập thể hoặc 01 cá nhân; now over its quota
        nominations.find_or_create_nomination(s, app.campaign.id, snv.id, "tap_the", "Phòng Lễ tân", NOW)
        for i in range(40):  # enough to run over two pages
            u = unit(s, ["SYT", "SGDDT", "KBNN", "CTHUE"][i % 4])
            nominations.find_or_create_nomination(
                s, app.campaign.id, u.id, "ca_nhan", f"Đảng viên Thứ {i + 1:02d}", NOW
            )
    path, _ = _nominee_doc(cli, tmp_path)
    pdf = _soffice_pdf(path, tmp_path / "pdf")
    with pdfplumber.open(str(pdf)) as doc:
        pages = doc.pages
        assert len(pages) >= 2
        first = pages[0]
        title = _find(first, "ĐẢNG CỘNG SẢN VIỆT NAM")
        assert title, _text(first)
        x0, x1, bottom = title["x0"], title["x1"], title["bottom"]
        assert x0 > first.width / 2 - 40  # the right-hand column
        rules = [
            e
            for e in first.edges
            if e["orientation"] == "h" and bottom - 3 <= e["top"] <= bottom + 6 and e["x1"] - e["x0"] > 50
        ]
        assert rules, "no rule under ĐẢNG CỘNG SẢN VIỆT NAM"
        rule = min(rules, key=lambda e: e["top"])
        assert abs(rule["x0"] - x0) < 6 and abs(rule["x1"] - x1) < 6, (rule, x0, x1)
        date = _find(first, "Thái Nguyên, ngày 28 tháng 02 năm 2024")
        assert date and date["top"] > bottom and date["x0"] > first.width / 2 - 40, _text(first)
        issuer = _find(first, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
        assert issuer and issuer["x1"] < first.width / 2, _text(first)
        assert re.search(r"Số\s+-DS/ĐUK", _text(first))
        # Page 1 has no number at its top; every later page has its number at the top centre.
        margin_left, margin_right = 3 / 2.54 * 72, 1.5 / 2.54 * 72
        centre = margin_left + (first.width - margin_left - margin_right) / 2
        assert not [w for w in first.extract_words() if w["top"] < 60 and w["text"].isdigit()]
        for n, page in enumerate(pages[1:], 2):
            top = [w for w in page.extract_words() if w["top"] < 60 and w["text"] == str(n)]
            assert top, f"no page number on page {n}"
            assert abs((top[0]["x0"] + top[0]["x1"]) / 2 - centre) < 15
        text = " ".join(" ".join(_text(p) for p in pages).split())
        assert "Vượt số lượng (*)" in text
        assert "Chi bộ Sở Ngoại vụ (theo quy định: 01 tập thể hoặc 01 cá nhân)" in text
        assert "Đề nghị Ban Thường vụ xem xét, quyết định." in text
        last = pages[-1]
        signer, authority = _find(last, "Mai Thị Nhài"), _find(last, "T/M BAN THƯỜNG VỤ")
        received = _find(last, "Nơi nhận:")
        assert signer and authority and received, _text(last)
        assert signer["x0"] > last.width / 2 and authority["x0"] > last.width / 2
        assert received["x1"] < last.width / 2
        assert authority["top"] < signer["top"]
