"""Units import: CSV and XLSX with exact columns; a bad row imports nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.campaign.units import normalize_email, read_units
from bot.errors import UnitImportError
from bot.store import repo

REPO = Path(__file__).resolve().parents[1]
KINDS = {"dang_bo_co_so", "chi_bo_co_so", "doan_the"}
NOW = dt.datetime(2024, 2, 20, tzinfo=dt.UTC)


def test_example_units_cover_the_three_mass_organisations():
    units = read_units(REPO / "config/units.example.csv", KINDS)
    names = {u.name for u in units}
    assert "Hội Cựu chiến binh Khối các cơ quan tỉnh" in names
    assert "Công đoàn Viên chức tỉnh" in names
    assert any(n.startswith("Đoàn Thanh niên Cộng sản Hồ Chí Minh Khối") for n in names)
    assert {u.kind for u in units} == KINDS
    syt = next(u for u in units if u.code == "SYT")
    assert syt.emails == ("dangbo.syt@thainguyen.gov.vn", "vanphong.syt@thainguyen.gov.vn")


def test_normalize_email_is_case_and_tag_tolerant():
    assert normalize_email(" DangBo.SYT+hoso@ThaiNguyen.gov.vn ") == "dangbo.syt@thainguyen.gov.vn"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X1,Chi bộ X,chi_bo,a@b.vn,,", "kind 'chi_bo'"),
        ("X1,,chi_bo_co_so,a@b.vn,,", "name is empty"),
        ("X1,Chi bộ X,chi_bo_co_so,not-an-address,,", "not an e-mail address"),
        ("SYT,Trùng mã,chi_bo_co_so,z@b.vn,,", "already used on line 2"),
        ("X1,Chi bộ X,chi_bo_co_so,DANGBO.SYT@thainguyen.gov.vn,,", "already belongs to line 2"),
    ],
)
def test_bad_row_reports_its_line(tmp_path, row, message):
    good = (REPO / "config/units.example.csv").read_text(encoding="utf-8").splitlines()[:3]
    p = tmp_path / "units.csv"
    p.write_text("\n".join(good + [row]) + "\n", encoding="utf-8")
    with pytest.raises(UnitImportError) as e:
        read_units(p, KINDS)
    assert e.value.line == 4
    assert message in str(e.value)


def test_wrong_columns(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text("code,name,kind,email,secretary,aliases\n", encoding="utf-8")
    with pytest.raises(UnitImportError, match="columns must be exactly"):
        read_units(p, KINDS)


def test_xlsx_import_and_upsert(tmp_path, app_factory):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["code", "name", "kind", "emails", "secretary", "aliases"])
    ws.append(
        [
            "SYT",
            "Đảng bộ Sở Y tế (mới)",
            "dang_bo_co_so",
            "moi.syt@thainguyen.gov.vn",
            "Bí thư mới",
            "Sở Y tế",
        ]
    )
    ws.append(["NEW", "Chi bộ Mới", "chi_bo_co_so", "", "", ""])
    p = tmp_path / "units.xlsx"
    wb.save(p)
    app = app_factory()
    infos = read_units(p, KINDS)
    with app.db.session() as s:
        added, updated = repo.import_units(s, infos, NOW)
    assert (added, updated) == (1, 1)
    with app.db.session() as s:
        units = {u.code: u for u in repo.unit_infos(repo.load_units(s))}
    assert units["SYT"].name == "Đảng bộ Sở Y tế (mới)"
    assert units["SYT"].emails == ("moi.syt@thainguyen.gov.vn",)
    assert "NEW" in units and len(units) == 16


def test_cli_bad_file_imports_nothing(tmp_path, app_factory):
    from click.testing import CliRunner

    from bot.cli import main

    app = app_factory(units=False)
    p = tmp_path / "u.csv"
    lines = (REPO / "config/units.example.csv").read_text(encoding="utf-8").splitlines()
    p.write_text("\n".join(lines[:5] + ["BAD,Tên,unknown_kind,,,"]) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["--config", app.settings.source, "units", "import", str(p)])
    assert r.exit_code == 1
    assert "line 6" in r.output
    with app.db.session() as s:
        assert repo.load_units(s) == []


def _cli(app, *args):
    from click.testing import CliRunner

    from bot.cli import main

    return CliRunner().invoke(main, ["--config", app.settings.source, *args])


def test_an_address_of_a_unit_the_file_leaves_alone_is_refused_with_its_line(tmp_path, app_factory):
    """Issue 13: was a raw SQLAlchemy IntegrityError traceback, without the line."""
    app = app_factory()  # the example units, SYT owning dangbo.syt@…
    p = tmp_path / "u.csv"
    p.write_text(
        "code,name,kind,emails,secretary,aliases\n"
        'NEW,"Chi bộ Mới",chi_bo_co_so,moi@thainguyen.gov.vn,,\n'
        "NEW2,Chi bộ Hai,chi_bo_co_so,DangBo.SYT@thainguyen.gov.vn,,\n",
        encoding="utf-8",
    )
    r = _cli(app, "units", "import", str(p))
    assert r.exit_code == 1, r.output
    assert "line 3" in r.output and "already belongs to unit SYT" in r.output
    assert "Traceback" not in r.output and "IntegrityError" not in r.output
    with app.db.session() as s:
        assert "NEW" not in {u.code for u in repo.load_units(s)}  # nothing imported
    # Listing SYT too moves the address: allowed.
    lines = (REPO / "config/units.example.csv").read_text(encoding="utf-8").splitlines()
    syt = next(line for line in lines if line.startswith("SYT,"))
    p.write_text(
        "code,name,kind,emails,secretary,aliases\n"
        + syt.replace("dangbo.syt@thainguyen.gov.vn;", "")
        + "\nNEW2,Chi bộ Hai,chi_bo_co_so,dangbo.syt@thainguyen.gov.vn,,\n",
        encoding="utf-8",
    )
    r = _cli(app, "units", "import", str(p))
    assert r.exit_code == 0, r.output


def test_line_numbers_count_quoted_line_breaks(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text(
        "code,name,kind,emails,secretary,aliases\n"
        'A1,"Chi bộ\nhai dòng",chi_bo_co_so,a1@thainguyen.gov.vn,"Bí thư\nNguyễn Văn A",\n'
        "A2,Chi bộ,chi_bo,a2@thainguyen.gov.vn,,\n",
        encoding="utf-8",
    )
    with pytest.raises(UnitImportError) as e:
        read_units(p, KINDS)
    assert e.value.line == 5  # the row starts on line 5 of the file, after two quoted breaks


@pytest.mark.parametrize(
    "bad", ["not an address", "a@b", "=?utf-8?b?YUBiLnZu?=", "a@b.vn, c@d.vn", "<a@b.vn>"]
)
def test_add_address_refuses_what_is_not_an_address(app_factory, bad):
    app = app_factory()
    r = _cli(app, "units", "add-address", "SYT", bad)
    assert r.exit_code == 1 and "is not an e-mail address" in r.output
    with app.db.session() as s:
        assert repo.address_owners(s, [bad]) == {}
    assert _cli(app, "units", "add-address", "SYT", "thuky.syt@thainguyen.gov.vn").exit_code == 0
