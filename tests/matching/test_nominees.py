"""Nominee extraction from achievement reports, summaries, decisions, filenames and proposals."""

from __future__ import annotations

import pytest

from bot.matching.nominees import (
    extract_nominee,
    extract_proposal_nominees,
    mentioned_names,
)
from bot.text import nominee_key

from . import samples as S


@pytest.mark.parametrize(
    ("deliverable", "head", "filename", "subject", "kind", "name"),
    [
        ("bao_cao_thanh_tich", S.bctt_ca_nhan("Nguyễn Văn An"), "Document1.docx", "", "ca_nhan", "Nguyễn Văn An"),
        ("bao_cao_thanh_tich", S.bctt_ca_nhan("NGUYỄN THỊ THU HÀ"), "x.docx", "", "ca_nhan", "NGUYỄN THỊ THU HÀ"),
        ("bao_cao_thanh_tich", S.bctt_tap_the("Chi bộ Phòng Nghiệp vụ Y"), "x.docx", "", "tap_the", "Chi bộ Phòng Nghiệp vụ Y"),
        ("bao_cao_thanh_tich", "BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Giấy khen của tập thể Phòng Kế hoạch - Tài chính, Sở Y tế\n",
         "x.docx", "", "tap_the", "Phòng Kế hoạch - Tài chính"),
        ("bao_cao_thanh_tich", "BÁO CÁO THÀNH TÍCH\nĐề nghị tặng Giấy khen của đồng chí Ma Văn Tú, Phó Giám đốc\n",
         "x.docx", "", "ca_nhan", "Ma Văn Tú"),
        ("tom_tat_thanh_tich", S.tom_tat("Lê Thị Thu"), "Tom tat.docx", "", "ca_nhan", "Lê Thị Thu"),
        ("tom_tat_thanh_tich", "BẢN TÓM TẮT THÀNH TÍCH\nTên tập thể: Chi bộ Văn phòng Sở\nSố đảng viên: 12", "t.docx", "",
         "tap_the", "Chi bộ Văn phòng Sở"),
        ("quyet_dinh_khen_thuong", S.qd_khen_thuong("Trần Văn Bình"), "scan.pdf", "", "ca_nhan", "Trần Văn Bình"),
        ("quyet_dinh_khen_thuong", "QUYẾT ĐỊNH\nĐiều 1. Tặng Giấy khen cho: Chi bộ Phòng Tổ chức cán bộ, Đảng bộ Sở Y tế",
         "scan.pdf", "", "tap_the", "Chi bộ Phòng Tổ chức cán bộ"),
        ("quyet_dinh_xep_loai", S.qd_xep_loai("Đỗ Thị Mai"), "scan.pdf", "", "ca_nhan", "Đỗ Thị Mai"),
        # filenames, kept as written
        ("bao_cao_thanh_tich", "", "BCTT Nguyen Van A.doc", "", "ca_nhan", "Nguyen Van A"),
        ("bao_cao_thanh_tich", "", "BCTT_Tran_Thi_B.docx", "", "ca_nhan", "Tran Thi B"),
        ("tom_tat_thanh_tich", "", "Tom tat thanh tich - Hoang Van Tuan.docx", "", "ca_nhan", "Hoang Van Tuan"),
        ("bao_cao_thanh_tich", "", "BCTT Chi bo Phong Ke hoach.docx", "", "tap_the", "Chi bo Phong Ke hoach"),
        ("quyet_dinh_xep_loai", "", "QD xep loai dang vien 2023 - Dang Van Hai.pdf", "", "ca_nhan", "Dang Van Hai"),
        # subject as a last resort
        ("quyet_dinh_khen_thuong", "", "scan0001.pdf", "Gửi QĐ khen thưởng đồng chí Vũ Đức Thắng", "ca_nhan", "Vũ Đức Thắng"),
    ],
)  # fmt: skip
def test_extract_nominee(deliverable, head, filename, subject, kind, name):
    g = extract_nominee(deliverable, head, filename, subject)
    assert (g.kind, g.name) == (kind, name), g.evidence
    assert g.evidence


def test_titles_after_comrade_are_not_names():
    head = "QUYẾT ĐỊNH\nXét đề nghị của đồng chí Chánh Văn phòng Đảng ủy,\nĐiều 1. Công nhận kết quả xếp loại (có danh sách kèm theo)."
    g = extract_nominee("quyet_dinh_xep_loai", head, "scan0001.pdf", "", allowed_kinds=["ca_nhan"])
    assert g.name is None and g.kind == "ca_nhan"


def test_several_people_named_leaves_the_name_to_staff():
    head = "QUYẾT ĐỊNH\nCông nhận đồng chí Nguyễn Văn A, đồng chí Trần Văn B xếp loại hoàn thành xuất sắc nhiệm vụ"
    g = extract_nominee("quyet_dinh_xep_loai", head, "scan.pdf", "")
    assert g.name is None and g.kind == "ca_nhan"


def test_nothing_named():
    g = extract_nominee("quyet_dinh_khen_thuong", "", "scan0001.pdf", "Hồ sơ khen thưởng")
    assert (g.kind, g.name) == (None, None)


def test_content_wins_over_filename_and_the_conflict_is_noted():
    g = extract_nominee("bao_cao_thanh_tich", S.bctt_ca_nhan("Nguyễn Văn An"), "BCTT Tran Van B.docx", "")
    assert g.name == "Nguyễn Văn An"
    assert any("Tran Van B" in e for e in g.evidence)


def test_proposal_lists_its_nominees():
    found = {(g.kind, g.name) for g in extract_proposal_nominees(S.to_trinh())}
    assert found == {("tap_the", "Chi bộ Phòng Nghiệp vụ Y"), ("ca_nhan", "Nguyễn Văn An")}


def test_proposal_with_sections_and_bullets():
    text = (
        "TỜ TRÌNH\nĐề nghị tặng Giấy khen cho:\n"
        "A. Tập thể (01):\n- Chi bộ Phòng Khảo thí\n"
        "B. Cá nhân (02):\n1. Nguyễn Thị Lan\tChuyên viên\n2. Đ/c Phạm Văn Đức, Phó Trưởng phòng\n"
        "T/M ĐẢNG ỦY\nBÍ THƯ\nTrần Văn Minh\n"
    )
    found = {(g.kind, g.name) for g in extract_proposal_nominees(text)}
    assert found == {
        ("tap_the", "Chi bộ Phòng Khảo thí"),
        ("ca_nhan", "Nguyễn Thị Lan"),
        ("ca_nhan", "Phạm Văn Đức"),
    }


def test_nominee_key_groups_spellings():
    assert nominee_key("Nguyễn Văn A") == nominee_key("Nguyen Van A") == nominee_key("NGUYỄN VĂN A")
    assert nominee_key("đồng chí Nguyễn Văn A") == nominee_key("Nguyễn Văn A")
    assert nominee_key("NGUYỄN DU") == nominee_key("Nguyễn Du") == "nguyen du"  # not "đảng ủy"
    assert nominee_key("Nguyễn Văn A") != nominee_key("Nguyễn Văn B")


def test_file_names_with_diacritics_keep_their_words():
    """Camel-case splitting must not cut Vietnamese words at their accented letters."""
    from bot.matching.nominees import _from_filename

    g = _from_filename("QĐ xếp loại đảng viên 2023 - Lò Văn Tùng.pdf")
    assert (g.kind, g.name, g.source) == ("ca_nhan", "Lò Văn Tùng", "filename")
    g = _from_filename("Quyết định khen thưởng Chi bộ Phòng QLTM năm 2022.pdf")
    assert (g.kind, g.name) == ("tap_the", "Chi bộ Phòng QLTM")
    g = _from_filename("BCTTNguyenVanAn.docx")
    assert g is None or "Nguyen Van An" in (g.name or "")
    g = _from_filename("Quyết định khen thưởng đồng chí Khải.pdf")
    assert (g.kind, g.name) == ("ca_nhan", "Khải")
    assert _from_filename("QD xep loai to chuc dang 2023.pdf") is None


def test_an_attached_list_read_by_ocr_with_its_cells_joined_gives_each_name_alone():
    """OCR of a bordered list loses the cell borders: the name runs into the position or
    the unit column ("Giảng viên", "Đẳng bộ …" for "Đảng bộ")."""
    text = "\n".join(
        [
            "9 Chỉ bộ Khoa Điều dưỡng Đẳng bộ Trường Cao đẳng Y tế Thái",
            "8 Chi bộ Phòng Pháp chế Đảng bộ Cục Thuế tỉnh,",
            "2 Đồng chí Chu Văn Thành Giảng viên Khoa Dược",
            "7 Đồng chí Lê Văn Giảng Phóng viên, Sở Y tế",
        ]
    )
    names = {name for _, name in mentioned_names(text)}
    assert {"Chỉ bộ Khoa Điều dưỡng", "Chi bộ Phòng Pháp chế", "Chu Văn Thành", "Lê Văn Giảng"} <= names
    # A đảng bộ that is itself the collective keeps its name.
    assert ("tap_the", "Đảng bộ Sở Y tế") in mentioned_names("1 Đảng bộ Sở Y tế")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Chi bộ Phòng Nghiệp vụ Y. Chi bộ trực thuộc Đảng bộ Sở Y tế", "Chi bộ Phòng Nghiệp vụ Y"),
        ("Chi bộ Hội Cựu chiến binh tỉnh. chi bộ cơ sở trực thuộc", "Chi bộ Hội Cựu chiến binh tỉnh"),
        ("Chi bộ Phòng Nghiệp vụ Y: 11/11 phiếu đồng ý", "Chi bộ Phòng Nghiệp vụ Y"),
        ("Chi bộ Chi cục Thủy lợi Chỉ bộ trực thuộc", "Chi bộ Chi cục Thủy lợi"),
        ("Chi bộ P. Kế toán tổng hợp", "Chi bộ P. Kế toán tổng hợp"),
    ],
)
def test_a_collectives_name_ends_with_its_sentence_or_label(line, name):
    assert ("tap_the", name) in mentioned_names(line)


def test_a_tables_borders_read_by_ocr_are_cell_separators():
    assert ("tap_the", "Chi bộ Phòng Nghiệp vụ Y") in mentioned_names(
        "__ | Chi bộ Phòng Nghiệp vụ Y___ | Chi bộ trực thuộc"
    )
    assert mentioned_names("2 Chi bộ Phòng Nghiệp vụ Y l Hoàn thành xuất sắc") == [
        ("tap_the", "Chi bộ Phòng Nghiệp vụ Y")
    ]
    assert ("ca_nhan", "Lưu Đức An") in mentioned_names("1 | Đồng chí Lưu Đức An | Chuyên viên")


@pytest.mark.parametrize(
    "filename", ["05b. QĐ xếp loại đảng viên 2023 - Lường Thị Hoa.pdf", "02a_BCTT_Luong Thi Hoa.docx"]
)
def test_the_order_mark_a_file_is_sorted_by_names_no_one(filename):
    g = extract_nominee("quyet_dinh_xep_loai", "", filename, "", allowed_kinds=("tap_the", "ca_nhan"))
    assert g.kind == "ca_nhan" and nominee_key(g.name) == nominee_key("Lường Thị Hoa")


@pytest.mark.parametrize("filename", ["TomTat_ChiboPhongQLNS.pdf", "TomTatChiboPhongQLNS.pdf"])
def test_terms_a_file_name_glues_together_are_read_apart(filename):
    g = extract_nominee("tom_tat_thanh_tich", "", filename, "", allowed_kinds=("tap_the", "ca_nhan"))
    assert (g.kind, g.name) == ("tap_the", "Chi bo Phong QLNS")


def test_a_proposal_whose_justified_lines_come_out_word_by_word_gives_its_nominee():
    text = "\n".join(
        ["Chi bộ Sở Ngoại vụ trân trọng đề nghị", "tặng", "Giấy", "khen", "cho", "01 tập thể, gồm:",
         "1. Tập thể", "Chi bộ", "Sở", "Ngoại vụ", "(chi bộ cơ sở trực thuộc Đảng bộ Khối)."]
    )  # fmt: skip
    assert [(g.kind, g.name) for g in extract_proposal_nominees(text)] == [("tap_the", "Chi bộ Sở Ngoại vụ")]


def test_the_abbreviation_of_party_member_in_a_file_name_is_no_part_of_the_name():
    g = extract_nominee(
        "quyet_dinh_xep_loai", "", "QĐ XL ĐV 2023 - Ôn Văn Chiêm.pdf", "", allowed_kinds=("ca_nhan",)
    )
    assert g.name == "Ôn Văn Chiêm"


def test_a_collectives_name_ends_before_its_rating_whatever_the_case():
    assert ("tap_the", "Chỉ bộ Khoa Xây dựng Đảng") in mentioned_names(
        "2 Chỉ bộ Khoa Xây dựng Đảng Hoàn thành xuất sắc nhiệm vụ"
    )


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("QD_GK_2023_HongNhung.pdf", "Hong Nhung"),  # GK: giấy khen
        ("QD BK Tran Van An.pdf", "Tran Van An"),  # BK: bằng khen
        ("QĐ khen Ngọc Ánh.pdf", "Ngọc Ánh"),
        ("BCTT Nguyen Van Khen.docx", "Nguyen Van Khen"),  # "Khen" alone may be a name
    ],
)
def test_an_award_abbreviation_in_a_file_name_is_not_part_of_the_name(filename, name):
    g = extract_nominee("quyet_dinh_khen_thuong", "", filename, "", allowed_kinds=["tap_the", "ca_nhan"])
    assert (g.name, g.source) == (name, "filename")
