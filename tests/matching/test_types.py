"""Deliverable-type classification: title zone over filename over subject, never a silent guess."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.types import classify

from . import samples as S

PLAN_TEXT = S.PLAN.read_text(encoding="utf-8") if S.PLAN.exists() else S.OUTLINE_FALLBACK
GENERIC_SUBJECT = "V/v gửi hồ sơ khen thưởng HT&LT Bác 2024"

CASES = [
    # (filename, subject, head_text, expected deliverable)
    ("To trinh.docx", GENERIC_SUBJECT, S.to_trinh(), "to_trinh"),
    ("scan0001.pdf", GENERIC_SUBJECT, S.to_trinh(), "to_trinh"),
    ("Document1.docx", "Fwd: Hồ sơ", S.to_trinh(), "to_trinh"),
    ("TTr_de_nghi_khen_thuong.docx", "", "", "to_trinh"),
    ("QĐ khen tập thể.pdf", "", "", "quyet_dinh_khen_thuong"),  # "QĐ khen", "QD GK": short forms
    ("QD GK 2022 chi bo QLCL.pdf", "", "", "quyet_dinh_khen_thuong"),
    ("To trinh.docx", "", "", "to_trinh"),
    ("BCTT Nguyen Van A.doc", GENERIC_SUBJECT, S.bctt_ca_nhan("Nguyễn Văn A"), "bao_cao_thanh_tich"),
    ("BCTT Nguyen Van A.doc", "", "", "bao_cao_thanh_tich"),
    ("scan0002.pdf", "TL: Hồ sơ", S.bctt_ca_nhan(), "bao_cao_thanh_tich"),
    ("Document1.docx", "", S.bctt_tap_the(), "bao_cao_thanh_tich"),
    ("Bao_cao_thanh_tich_chi_bo.docx", "", "", "bao_cao_thanh_tich"),
    ("BaoCaoThanhTich.docx", "", "", "bao_cao_thanh_tich"),
    ("Tom tat thanh tich NVA.docx", GENERIC_SUBJECT, S.tom_tat(), "tom_tat_thanh_tich"),
    ("scan0003.pdf", "", S.tom_tat(), "tom_tat_thanh_tich"),
    ("Tóm tắt.docx", "", "", "tom_tat_thanh_tich"),
    ("BCTT tom tat Nguyen Van A.docx", "", "", "tom_tat_thanh_tich"),
    (
        "x.docx",
        "",
        "TÓM TẮT\nBÁO CÁO THÀNH TÍCH CỦA ĐỒNG CHÍ NGUYỄN VĂN AN\nHọ và tên: Nguyễn Văn An",
        "tom_tat_thanh_tich",
    ),
    ("QD khen thuong 2023.pdf", GENERIC_SUBJECT, S.qd_khen_thuong(), "quyet_dinh_khen_thuong"),
    ("scan0004.pdf", "", S.qd_khen_thuong(), "quyet_dinh_khen_thuong"),
    ("QĐKT.pdf", "", "", "quyet_dinh_khen_thuong"),
    ("Giay khen 2022.jpg", "", "", "quyet_dinh_khen_thuong"),
    (
        "Document2.docx",
        "",
        "QUYẾT ĐỊNH\nVề việc khen thưởng tập thể, cá nhân điển hình\nĐiều 1. Khen thưởng đồng chí A",
        "quyet_dinh_khen_thuong",
    ),
    ("QD xep loai DV 2023.pdf", GENERIC_SUBJECT, S.qd_xep_loai(), "quyet_dinh_xep_loai"),
    ("scan0005.pdf", "", S.qd_xep_loai(), "quyet_dinh_xep_loai"),
    ("QĐ xếp loại ĐV 2023.pdf", "", "", "quyet_dinh_xep_loai"),
    (
        "Document3.docx",
        "",
        "QUYẾT ĐỊNH\nVề việc xếp loại chất lượng đảng viên năm 2023\nĐiều 1.",
        "quyet_dinh_xep_loai",
    ),
    ("Bao cao KL01.docx", "Bao cao KL01", S.kl01_report(), "bao_cao_kl01"),
    ("scan0006.pdf", "Fwd: Báo cáo", S.kl01_report(), "bao_cao_kl01"),
    ("Document1.docx", "", S.kl01_report(), "bao_cao_kl01"),
    ("BC ket qua thuc hien KL 01-KL-TW.docx", "", "", "bao_cao_kl01"),
    (
        "bao cao.docx",
        "Bao cao KL01",
        "BÁO CÁO\nKết quả thực hiện Kết luận 01 năm 2023-2024\nI. CÔNG TÁC LÃNH ĐẠO",
        "bao_cao_kl01",
    ),
    # content outweighs a misleading filename
    ("To trinh.docx", "", S.bctt_ca_nhan(), "bao_cao_thanh_tich"),
    ("Bao cao thanh tich.docx", "", S.tom_tat(), "tom_tat_thanh_tich"),
    # macOS NFD filename
    (unicodedata.normalize("NFD", "Tờ trình khen thưởng.docx"), "", "", "to_trinh"),
]


@pytest.mark.parametrize(("filename", "subject", "head", "expected"), CASES)
def test_classify_table(campaign, filename, subject, head, expected):
    t = classify(filename, subject, head, campaign)
    assert t.deliverable == expected, (t.scores, t.evidence)
    assert not t.needs_review, t.evidence
    assert t.evidence and 0 < t.score <= 1


@pytest.mark.parametrize(
    ("filename", "subject", "head"),
    [
        ("scan0001.pdf", GENERIC_SUBJECT, ""),  # nothing but a generic subject
        ("Document1.docx", "", ""),
        ("Document1.docx", "Bao cao KL01", ""),  # subject alone is weak: it covers several files
        ("ke-hoach-120.pdf", "", PLAN_TEXT),  # the plan itself mentions every keyword
        ("x.docx", "", "CÔNG VĂN\nVề việc đăng ký tham gia hội nghị\nKính gửi: Ban Tuyên giáo"),
    ],
)
def test_uncertain_files_need_review(campaign, filename, subject, head):
    t = classify(filename, subject, head, campaign)
    assert t.needs_review, (t.deliverable, t.scores)


def test_close_runner_up_needs_review_and_reports_both(campaign):
    t = classify("To trinh va BCTT.docx", "", "", campaign)
    assert t.needs_review
    assert t.scores["to_trinh"] > 0 and t.scores["bao_cao_thanh_tich"] > 0
    assert any("too close" in e for e in t.evidence)


def test_best_guess_is_still_reported_when_review_is_needed(campaign):
    t = classify("scan0001.pdf", "Bao cao KL01", "", campaign)
    assert t.needs_review and t.deliverable == "bao_cao_kl01" and t.scores["bao_cao_kl01"] > 0


def test_every_deliverable_has_a_score(campaign):
    t = classify("a.pdf", "", "", campaign)
    assert set(t.scores) == {d.id for d in campaign.deliverables}
    assert t.deliverable is None and t.needs_review


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=80), st.text(max_size=600))
def test_classify_never_raises(campaign, filename, subject, head):
    t = classify(filename, subject, head, campaign)
    assert 0.0 <= t.score <= 1.0
    assert t.deliverable is None or t.deliverable in t.scores


def test_the_minutes_of_the_meeting_that_chose_the_nominees_are_no_deliverable(campaign):
    head = "\n".join(
        [
            "ĐẢNG ỦY SỞ Y TẾ",
            "BIÊN BẢN",
            "Họp xét đề nghị khen thưởng tập thể, cá nhân tiêu biểu",
            "trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023",
        ]
    )
    t = classify("Bien ban hop xet.docx", "V/v gửi hồ sơ đề nghị khen thưởng", head, campaign)
    # None of the plan's documents, and nothing for staff to decide.
    assert (t.deliverable, t.needs_review, t.other_paper) == (None, False, "biên bản")


@pytest.mark.parametrize("symbol", ["01-KLITW", "01-KL1TW", "01-KLlTW", "01-KL|TW"])
def test_a_scanned_kl01_whose_symbol_ocr_misread_is_the_kl01_report(campaign, symbol):
    # Tesseract takes the slash of "01-KL/TW" for a letter or a digit.
    head = "\n".join(
        [
            "ĐẢẲNG BỘ KHỐI CÁC CƠ QUAN TỈNH _ˆ ĐẢNG CỘNG SẢN VIỆT NAM",
            "CHI BỘ BAN DÂN TỘC TỈNH :",
            "Số 05-BC/CB",
            "Thái Nguyên, ngày 13 tháng 03 năm 2024",
            ": BÁO CÁO",
            f"Kết quả thực hiện Kết luận số {symbol}, ngày 18/5I2021 của Bộ Chính trị",
            "__ VỀ tiếp tục thực hiện Chỉ thị số 05-CT/TW năm 2023 - 2024",
        ]
    )
    t = classify("scan_0315.pdf", "", head, campaign)
    assert (t.deliverable, t.needs_review) == ("bao_cao_kl01", False)


def test_a_word_with_a_capital_i_is_not_taken_for_a_symbol():
    from bot.matching.zones import repair_ocr_symbol

    assert repair_ocr_symbol("KHIÊU KLICK BCIT TTITW") == "KHIÊU KLICK BCIT TTITW"
    assert repair_ocr_symbol("Số 120-KHlĐUK") == "Số 120-KH/ĐUK"


def test_a_documents_own_title_is_read_after_its_party_header():
    from bot.matching.zones import document_title

    head = "\n".join(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
            "ĐẢNG ỦY SỞ Y TẾ",
            "*",
            "Số 08-BC/ĐU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thái Nguyên, ngày 05 tháng 01 năm 2024",
            "BÁO CÁO",
            "Kết quả công tác tuyên giáo năm 2023",
            "Năm 2023, công tác được triển khai đồng bộ.",
        ]
    )
    assert document_title(head) == "BÁO CÁO Kết quả công tác tuyên giáo năm 2023"
    assert document_title("TÓM TẮT THÀNH TÍCH\nĐỒNG CHÍ CÙ THỊ PHƯỢNG") == "TÓM TẮT THÀNH TÍCH"
    assert document_title("Kính gửi Ban Tuyên giáo") is None


def test_a_type_read_from_the_file_name_alone_says_so(campaign):
    named_only = classify("BCTT Nguyen Van A.docx", "", "BÁO CÁO\nCông tác dân vận năm 2023", campaign)
    assert named_only.deliverable == "bao_cao_thanh_tich" and not named_only.from_content
    assert classify("BCTT.docx", "", S.bctt_ca_nhan("Nguyễn Văn A"), campaign).from_content


def test_an_issuer_whose_name_holds_a_negative_word_does_not_deny_the_title(campaign):
    # A PDF wraps the header: "TỈNH" starts the title zone, then the issuer "Sở Kế hoạch
    # và Đầu tư" would cancel the KL01 title with its "kế hoạch".
    head = "\n".join(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN",
            "TỈNH",
            "ĐẢNG ỦY SỞ KẾ HOẠCH VÀ",
            "ĐẦU TƯ",
            "*",
            "Số 59-BC/ĐU",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thái Nguyên, ngày 06 tháng 3 năm 2024",
            "BÁO CÁO",
            "tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính",
            "trị",
        ]
    )
    t = classify("59-BC-DU KL01.pdf", "Bao cao KL01", head, campaign)
    assert (t.deliverable, t.needs_review, t.from_content) == ("bao_cao_kl01", False, True)
    assert not any("but 'ke hoach'" in e for e in t.evidence)


def test_a_letter_saying_the_unit_proposes_no_one_is_for_staff(campaign):
    head = "\n".join(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
            "CHI BỘ CƠ QUAN ỦY BAN MTTQ VIỆT NAM TỈNH",
            "Số 07-CV/CB",
            "V/v không đề nghị khen thưởng học tập và làm theo Bác năm 2024",
            "Kính gửi: Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh",
            "Thực hiện Kế hoạch số 120-KH/ĐUK, sau khi rà soát, chi bộ không có tập thể, cá nhân đủ tiêu "
            "chuẩn đề nghị khen thưởng. Chi bộ sẽ gửi báo cáo thực hiện Kết luận số 01-KL/TW đúng hạn.",
        ]
    )
    t = classify("CV 07 khong de nghi khen thuong.docx", "", head, campaign)
    assert t.needs_review and t.deliverable != "to_trinh"
    # A Tờ trình whose subtitle is written "V/v …" stays a Tờ trình.
    ttr = classify("To trinh.docx", "", "TỜ TRÌNH\nV/v đề nghị tặng Giấy khen năm 2024", campaign)
    assert (ttr.deliverable, ttr.needs_review) == ("to_trinh", False)


def test_a_decisions_grounds_are_not_its_title(campaign):
    # Its grounds cite the regulation on rating "tập thể, cá nhân" and the guide on rating
    # "tổ chức đảng, đảng viên": words of the collective's decision, not this one's.
    head = "\n".join(
        [
            "ĐẢNG ỦY SỞ XÂY DỰNG",
            "Số 379-QĐ/ĐU",
            "QUYẾT ĐỊNH",
            "ĐẢNG ỦY SỞ XÂY DỰNG",
            "- Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị về kiểm điểm",
            "và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống",
            "- Căn cứ Hướng dẫn của Ban Tổ chức Đảng ủy Khối về kiểm điểm, đánh giá, xếp",
            "loại chất lượng tổ chức đảng, đảng viên năm 2023;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công nhận kết quả đánh giá, xếp loại chất lượng năm 2023 đối với 10 đảng viên",
        ]
    )
    t = classify("scan0003.pdf", "", head, campaign)
    assert (t.deliverable, t.needs_review) == ("quyet_dinh_xep_loai", False)
    assert t.kind_hint != "tap_the"


def test_an_issuer_whose_name_holds_a_deliverables_word_does_not_make_a_title(campaign):
    # The cell of the province's Emulation and Commendation Board ("Ban Thi đua - Khen
    # thưởng"), its name wrapped by the letterhead, rates its members: "khen thưởng" in its
    # name is no award decision.
    head = "\n".join(
        [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN",
            "TỈNH",
            "CHI BỘ BAN THI ĐUA - KHEN",
            "THƯỞNG TỈNH",
            "Số 189-QĐ/CB",
            "Thái Nguyên, ngày 26 tháng 01 năm 2024",
            "QUYẾT ĐỊNH",
            "về việc xếp loại chất lượng đảng viên năm 2023",
            "CHI BỘ BAN THI ĐUA - KHEN THƯỞNG TỈNH",
            "Điều 1. Công nhận kết quả đánh giá, xếp loại chất lượng năm 2023 đối với 11 đảng viên",
        ]
    )
    t = classify("QD XL.pdf", "", head, campaign)
    assert (t.deliverable, t.needs_review) == ("quyet_dinh_xep_loai", False)
    # Its award decision is still one: the title says so, whoever issues it.
    award = head.replace("về việc xếp loại chất lượng đảng viên năm 2023", "về việc tặng Giấy khen")
    a = classify("QD KT.pdf", "", award.replace("Công nhận kết quả", "Tặng Giấy khen cho"), campaign)
    assert (a.deliverable, a.needs_review) == ("quyet_dinh_khen_thuong", False)


def test_a_report_titled_by_the_plans_topic_is_the_kl01_report(campaign):
    # "Báo cáo nhanh": the plan's topic as its title, KL01 cited nowhere, a file name of
    # its own.  It is still the one report the plan asks for.
    head = "\n".join(
        [
            "ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "Số 93-BC/ĐU",
            "BÁO CÁO NHANH",
            "kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Thực hiện Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối",
        ]
    )
    t = classify("BC nhanh 93.doc", "", head, campaign)
    assert (t.deliverable, t.needs_review) == ("bao_cao_kl01", False)
    # The topic in an achievement report's or a decision's title stays theirs.
    bctt = "BÁO CÁO THÀNH TÍCH\nđề nghị tặng Giấy khen về kết quả học tập và làm theo tư tưởng, đạo đức"
    assert classify("scan01.pdf", "", bctt, campaign).deliverable == "bao_cao_thanh_tich"
    qd = "QUYẾT ĐỊNH\ntặng Giấy khen về kết quả học tập và làm theo tư tưởng, đạo đức năm 2023"
    assert classify("scan02.pdf", "", qd, campaign).deliverable == "quyet_dinh_khen_thuong"
