"""The plan's document rules: outline, summary length, quotas, what a nomination lacks, messages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.campaign.rules import (
    check_outline,
    check_quota,
    check_summary,
    nomination_missing,
    unreadable_problem,
    unverified_sender_problem,
)
from bot.vocabulary import ProblemCode as P
from bot.vocabulary import attachment_problem_vi

from .samples import kl01_report, outline_text


def test_complete_report_following_the_plans_outline_passes(campaign):
    assert check_outline(outline_text(), "Bao cao KL01.docx", campaign) == []
    assert check_outline(kl01_report(), "Bao cao KL01.docx", campaign) == []


def test_report_without_III_2_names_the_missing_section(campaign):
    text = outline_text().replace("2. Hạn chế, khó khăn, vướng mắc và nguyên nhân.", "")
    [problem] = check_outline(text, "Báo cáo KL01.docx", campaign)
    assert problem.code == P.OUTLINE_SECTION_MISSING == "outline_section_missing"
    assert problem.filename == "Báo cáo KL01.docx"
    assert "“Báo cáo KL01.docx”" in problem.message
    assert "III.2. Hạn chế, khó khăn, vướng mắc và nguyên nhân" in problem.message
    assert "III.1" not in problem.message and "IV." not in problem.message


def test_several_missing_sections_are_all_listed(campaign):
    text = outline_text()
    text = text[: text.index("III. ĐÁNH GIÁ CHUNG")]
    [problem] = check_outline(text, "bc.docx", campaign)
    for title in ("III. Đánh giá chung", "III.1.", "III.2.", "III.3.", "IV. Nhiệm vụ"):
        assert title in problem.message
    assert "còn thiếu các mục" in problem.message


@pytest.mark.parametrize(
    "headings",
    [
        # Phần I / dashes / no dots / numbered sub-sections / lower case
        ["Phần I - Công tác lãnh đạo, chỉ đạo", "Phần II - Kết quả thực hiện", "Phần III - Đánh giá chung",
         "III.1. Ưu điểm", "III.2. Hạn chế, khó khăn", "III.3. Bài học kinh nghiệm",
         "Phần IV - Nhiệm vụ, giải pháp và kiến nghị"],
        ["I Công tác lãnh đạo chỉ đạo", "II Kết quả thực hiện", "III Đánh giá chung", "3.1 Ưu điểm",
         "3.2 Hạn chế", "3.3 Bài học kinh nghiệm", "IV Nhiệm vụ giải pháp"],
        ["i. công tác lãnh đạo, chỉ đạo", "ii. kết quả", "iii. đánh giá chung", "a) Những ưu điểm",
         "b) Những hạn chế, khuyết điểm", "c) Bài học kinh nghiệm", "iv. phương hướng, nhiệm vụ"],
        # As units write them: strengths and weaknesses under one bullet, IV as two headings
        ["I. Công tác lãnh đạo, chỉ đạo", "II. Kết quả thực hiện", "III. Đánh giá chung",
         "* Ưu điểm, hạn chế và nguyên nhân:", "* Bài học kinh nghiệm:",
         "Phương hướng, nhiệm vụ thời gian tới", "Kiến nghị, đề xuất"],
        # A scan: "I." read as "L", the heading wrapped by the page, đảng read as đẳng
        ["L CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN\nKẾT LUẬN SỐ 01-KL/TW",
         "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "1. Uu điểm và nguyên nhân",
         "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân", "3. Bài học kinh nghiệm",
         "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ\nKIẾN NGHỊ"],
    ],
)  # fmt: skip
def test_outline_headings_are_matched_tolerantly(campaign, headings):
    text = "\n".join(f"{h}\nNội dung chi tiết của mục này.\n" for h in headings)
    assert check_outline(text, "bc.docx", campaign) == []


def test_prose_mentioning_weaknesses_does_not_count_as_a_heading(campaign):
    text = outline_text().replace("2. Hạn chế, khó khăn, vướng mắc và nguyên nhân.", "")
    text += "\nHạn chế việc tổ chức hội nghị kéo dài, tiết kiệm thời gian của cán bộ, đảng viên trong cơ quan đơn vị.\n"
    assert [p.code for p in check_outline(text, "bc.docx", campaign)] == [P.OUTLINE_SECTION_MISSING]


def test_summary_within_half_a_page_passes(campaign):
    assert check_summary(0.45, "Tom tat.docx", campaign) == []
    assert check_summary(0.5, "Tom tat.docx", campaign) == []


def test_summary_longer_than_half_a_page_is_reported_with_its_length(campaign):
    [problem] = check_summary(0.8, "Tóm tắt NVA.docx", campaign)
    assert problem.code == P.SUMMARY_TOO_LONG
    assert "“Tóm tắt NVA.docx”" in problem.message
    assert "khoảng 0,8 trang A4" in problem.message and "1/2 trang A4" in problem.message


def test_summary_just_over_the_limit_does_not_read_as_the_limit(campaign):
    [problem] = check_summary(0.52, "t.docx", campaign)
    assert "0,52" in problem.message


@pytest.mark.parametrize(
    ("kind", "nominations", "ok"),
    [
        ("chi_bo_co_so", [("tap_the", "Chi bộ A")], True),
        ("chi_bo_co_so", [("ca_nhan", "Nguyễn Văn A")], True),
        ("chi_bo_co_so", [("tap_the", "Chi bộ A"), ("ca_nhan", "Nguyễn Văn A")], False),
        ("dang_bo_co_so", [("tap_the", "Chi bộ A"), ("ca_nhan", "Nguyễn Văn A")], True),
        ("dang_bo_co_so", [("ca_nhan", "Nguyễn Văn A"), ("ca_nhan", "Trần Thị B")], False),
        ("dang_bo_co_so", [("ca_nhan", "Nguyễn Văn A"), ("ca_nhan", "NGUYEN VAN A")], True),  # one person
        ("doan_the", [("ca_nhan", "Nguyễn Văn A"), ("ca_nhan", "Trần Thị B")], True),
        ("doan_the", [("ca_nhan", "A Văn A"), ("ca_nhan", "B Văn B"), ("ca_nhan", "C Văn C")], False),
        ("doan_the", [("tap_the", "Chi đoàn X")], False),
    ],
)
def test_quota(campaign, kind, nominations, ok):
    problems = check_quota(kind, nominations, campaign)
    assert (problems == []) is ok
    assert all(p.code == P.QUOTA_EXCEEDED for p in problems)


def test_quota_message_states_quota_and_proposal(campaign):
    [p] = check_quota("chi_bo_co_so", [("tap_the", "Chi bộ A"), ("ca_nhan", "Nguyễn Văn A")], campaign)
    assert "01 tập thể hoặc 01 cá nhân" in p.message
    assert "01 tập thể (Chi bộ A) và 01 cá nhân (Nguyễn Văn A)" in p.message
    [p] = check_quota("doan_the", [("ca_nhan", n) for n in ("A Văn A", "B Văn B", "C Văn C")], campaign)
    assert "02 cá nhân" in p.message and "03 cá nhân" in p.message


def test_unknown_unit_kind_has_no_quota_problem(campaign):
    assert check_quota("khac", [("ca_nhan", "X Y")] * 5, campaign) == []


def test_individual_needs_all_four_documents(campaign):
    assert nomination_missing("ca_nhan", set(), campaign) == [
        "bao_cao_thanh_tich",
        "tom_tat_thanh_tich",
        "quyet_dinh_khen_thuong",
        "quyet_dinh_xep_loai",
    ]
    assert nomination_missing("ca_nhan", {"bao_cao_thanh_tich", "quyet_dinh_xep_loai"}, campaign) == [
        "tom_tat_thanh_tich",
        "quyet_dinh_khen_thuong",
    ]


def test_collective_needs_its_organisations_rating_decision_under_its_own_name(campaign):
    have = {"bao_cao_thanh_tich", "tom_tat_thanh_tich", "quyet_dinh_khen_thuong"}
    assert nomination_missing("tap_the", have, campaign) == ["quyet_dinh_xep_loai"]
    spec = campaign.deliverable("quyet_dinh_xep_loai")
    assert spec.name_for("tap_the") == "Quyết định xếp loại chất lượng tổ chức đảng năm 2023"
    assert spec.name_for("ca_nhan") == "Quyết định xếp loại chất lượng đảng viên năm 2023"
    assert campaign.label("quyet_dinh_xep_loai", short=False, kind="tap_the") == spec.name_for("tap_the")


def test_a_kind_not_required_is_never_asked_for(campaign):
    data = campaign.model_dump()
    for d in data["deliverables"]:
        if d["id"] == "quyet_dinh_xep_loai":
            d["per_kind"]["tap_the"]["required"] = False
    relaxed = type(campaign).model_validate(data)
    have = {"bao_cao_thanh_tich", "tom_tat_thanh_tich", "quyet_dinh_khen_thuong"}
    assert nomination_missing("tap_the", have, relaxed) == []
    assert "quyet_dinh_xep_loai" in nomination_missing("ca_nhan", have, relaxed)


def test_message_builders():
    p = unreadable_problem("scan.pdf", "encrypted PDF, password required")
    assert p.code == P.UNREADABLE_FILE and "“scan.pdf”" in p.message and "mật khẩu" in p.message
    p = unreadable_problem("x.doc", "truncated OLE stream")
    assert "bị hỏng" in p.message and "OLE" not in p.message  # English detail stays in the log
    p = unverified_sender_problem("clerk@gmail.com", "Đảng bộ Sở Y tế")
    assert p.code == P.UNVERIFIED_SENDER
    assert "clerk@gmail.com" in p.message and "Đảng bộ Sở Y tế" in p.message
    assert "không xác định" in unverified_sender_problem("", "Đảng bộ Sở Y tế").message


def test_a_locked_archive_names_at_most_twenty_of_its_files():
    names = [f"Bao cao {i:02d}.pdf" for i in range(1, 26)]
    sentence = attachment_problem_vi(P.UNREADABLE_FILE, "Ho so.zip", names)
    assert "“Bao cao 20.pdf”" in sentence and "Bao cao 21.pdf" not in sentence
    assert "“Bao cao 20.pdf” và 5 tệp khác." in sentence
    # Without locked members (a damaged archive), the sentence is the one it always was.
    assert attachment_problem_vi(P.UNREADABLE_FILE, "Ho so.zip") == (
        "Tệp “Ho so.zip” bị hỏng hoặc đặt mật khẩu nên không đọc được."
    )


_LINE_PATTERNS = [
    r"^ket\s+qua",
    r"^(?:ii|2)\s+ket\s+qua",
    r"qua\s+thuc",  # unanchored; \s may not cross a line break
    r"^danh\s+gia\s+chung.{0,10}$",
    r"(?<!\s)ket",  # negative lookbehind sees the line start
    r"chung(?!\s)",  # negative lookahead sees the line end
    r"\Aket",
    r"ket\Z",
    r"(?<=\s)qua",
    r"\bhan\s*che\b",
]


@given(
    st.lists(
        st.sampled_from(["ket", "qua", "thuc", "danh", "gia", "chung", "ii", "2", "han", "che", ""]),
        max_size=12,
    ).map(" ".join),
    st.lists(st.integers(0, 11), max_size=4),
)
def test_outline_search_equals_per_line_search(words, breaks):
    # check_outline searches the joined lines once; it must agree with searching each
    # line on its own for every kind of pattern an operator may write.
    from bot.campaign.rules import _any_line_matches

    tokens = words.split(" ")
    for b in sorted(set(breaks), reverse=True):
        tokens.insert(min(b, len(tokens)), "\n")
    lines = [line.strip() for line in " ".join(tokens).split("\n") if line.strip()]
    joined = "\n".join(lines)
    for pattern in _LINE_PATTERNS:
        expected = any(re.search(pattern, line) for line in lines)
        assert _any_line_matches(pattern, lines, joined) == expected, (pattern, lines)


@pytest.mark.parametrize("style", ["roman", "letters", "labels", "prose-labels"])
@pytest.mark.parametrize("gone", [None, "I", "II", "III.1", "III.2", "III.3", "IV"])
def test_the_outline_is_found_however_the_parts_are_numbered_or_labelled(style, gone, campaign):
    """I-IV, A-D with "1/ Ưu điểm:", or the assessment as inline labels ("Ưu điểm: …")."""
    from tests.corpus import texts
    from tests.corpus.docxgen import Para
    from tests.corpus.make_corpus import load_units

    unit = next(u for u in load_units() if u.code == "SYT")
    blocks = texts.kl01_blocks(unit, (gone,) if gone else (), style)
    text = "\n".join(b.text for b in blocks if isinstance(b, Para))
    found = check_outline(text, "BC KL01.docx", campaign)
    if gone is None:
        assert found == []
    else:
        [problem] = found
        assert f"{gone}. " in problem.message and problem.message.count(". ") >= 1
        others = [s for s in ("I.", "II.", "III.1", "III.2", "III.3", "IV.") if not s.startswith(gone)]
        assert not any(f"mục: {o}" in problem.message for o in others)
