"""The words staff read for what the bot recorded in English: the matchers' reasons and the
audit log (pure; the dashboard and the command line show them)."""

from __future__ import annotations

from bot.campaign.model import load_campaign
from bot.reporting.auditlog import actor_vi, audit_sentence
from bot.reporting.evidence import explain
from tests.conftest import REPO

CAMPAIGN = load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")
UNITS = {"STC": "Đảng bộ Sở Tài chính", "SYT": "Đảng bộ Sở Y tế"}


def test_reasons_in_vietnamese_with_the_plans_and_units_names():
    e = explain(
        [
            "sender nguyenthu@gmail.com is not registered",
            "signature contains 'Văn phòng Sở Tài chính' → STC",
            "title line 1 'TỜ TRÌNH' has 'tờ trình' (+3.00) → to_trinh",
            "filename has 'bctt' (+1.00) → bao_cao_thanh_tich",
            "the words are those of a tap_the quyet_dinh_xep_loai",
            "nominee uncertain; could be: Nguyễn A (1.20), Trần B (0.90)",
            "STC (1.20) and SYT (1.10) score too close to choose",
            "sender nguyenthu@gmail.com is not registered",  # said once
            "a reason nobody translated",
        ],
        CAMPAIGN,
        UNITS,
    )
    assert e.sentences == [
        "Địa chỉ nguyenthu@gmail.com chưa đăng ký cho đơn vị nào.",
        "Chữ ký cuối thư có “Văn phòng Sở Tài chính”, là tên của Đảng bộ Sở Tài chính.",
        "Tiêu đề văn bản “TỜ TRÌNH” cho thấy đây là Tờ trình đề nghị khen thưởng.",
        "Tên tệp có “bctt”: Báo cáo thành tích.",
        "Lời văn là của Quyết định xếp loại chất lượng tổ chức đảng năm 2023 (tập thể).",
        "Chưa chắc là hồ sơ của ai; có thể là: Nguyễn A, Trần B.",
        "Khó phân biệt giữa Đảng bộ Sở Tài chính và Đảng bộ Sở Y tế.",
    ]
    assert e.technical == ["a reason nobody translated"]


def test_audit_entries_are_sentences_and_unknown_ones_still_shown():
    assert actor_vi("web:canbo") == "canbo (trang theo dõi)" and actor_vi("bot") == "Hệ thống"
    text = audit_sentence(
        "deadline_extend",
        "STC",
        {"deadline": "ho_so_khen_thuong", "until": "2024-03-05", "previous": None},
        CAMPAIGN,
        UNITS,
    )
    assert text == "Gia hạn cho Đảng bộ Sở Tài chính: Hồ sơ đề nghị khen thưởng đến hết ngày 05/03/2024."
    text = audit_sentence(
        "file_move",
        "9",
        {
            "filename": "BCTT.docx",
            "previous": {"unit": "SYT", "deliverable": "bao_cao_thanh_tich", "nominee": "A"},
            "now_at": {"unit": "STC", "deliverable": "tom_tat_thanh_tich", "nominee": None},
        },
        CAMPAIGN,
        UNITS,
    )
    assert text == (
        "Chuyển tệp “BCTT.docx” từ Báo cáo thành tích — A của Đảng bộ Sở Y tế sang "
        "Bản tóm tắt thành tích của Đảng bộ Sở Tài chính."
    )
    assert (
        audit_sentence("some_new_action", "1", {"x": 1}, CAMPAIGN, UNITS)
        == "Thao tác “some_new_action” (x: 1)."
    )
