"""Unit attribution, following DOMAIN.md "How units really email"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.campaign.units import UnitInfo
from bot.matching.units import match_unit

from .samples import header, kl01_report, message, qd_khen_thuong, to_trinh

BOT_IDS = {"<reminder-1@bot.example>": "STP"}


def test_registered_address_with_tag_and_other_case_is_certain(units):
    m = match_unit(message("DangBo.SYT+hoso@ThaiNguyen.GOV.vn"), [], units, BOT_IDS)
    assert (m.unit_code, m.rule, m.certain, m.unverified, m.confidence) == (
        "SYT",
        "registered_address",
        True,
        False,
        1.0,
    )
    assert "registered to SYT" in m.evidence[0]


def test_registered_address_wins_over_content(units):
    m = match_unit(message("chibo.stp@thainguyen.gov.vn", subject="Hồ sơ Sở Y tế"), [], units, BOT_IDS)
    assert m.unit_code == "STP" and m.certain and m.rule == "registered_address"


def test_gmail_clerk_naming_the_unit_in_the_subject_only(units):
    m = match_unit(message(subject="Fwd: Hồ sơ khen thưởng - Đảng ủy Sở Y tế"), [], units, BOT_IDS)
    assert (m.unit_code, m.rule, m.certain, m.unverified) == ("SYT", "content", False, True)
    assert "subject contains 'Đảng ủy Sở Y tế' → SYT" in m.evidence


def test_subject_without_diacritics(units):
    m = match_unit(message(subject="Bao cao KL01 - dang uy so y te"), [], units, BOT_IDS)
    assert m.unit_code == "SYT" and m.unverified and not m.certain


def test_gmail_clerk_naming_the_unit_in_the_signature_only(units):
    body = "Kính gửi Ban Tuyên giáo,\nEm gửi báo cáo ạ.\n\nTrân trọng,\nNguyễn Thị Hằng\nVăn phòng Đảng ủy Sở Y tế\nĐT: 0912 345 678"
    m = match_unit(message(subject="Bao cao KL01", body=body), [], units, BOT_IDS)
    assert m.unit_code == "SYT" and m.rule == "content" and m.unverified
    assert any(e.startswith("signature contains") for e in m.evidence)


def test_gmail_clerk_naming_the_unit_in_the_document_header_only(units):
    m = match_unit(message(subject="Bao cao"), [kl01_report("CHI BỘ SỞ NGOẠI VỤ")], units, BOT_IDS)
    assert m.unit_code == "SNV" and m.rule == "content" and m.unverified
    assert "document header contains 'CHI BỘ SỞ NGOẠI VỤ' → SNV" in m.evidence


def test_abbreviated_unit_names(units):
    for subject, code in [
        ("Hồ sơ Sở GD&ĐT", "SGDDT"),
        ("Hồ sơ Sở GDĐT", "SGDDT"),
        ("TL: hồ sơ CB Sở KH&CN", "SKHCN"),
        ("Hồ sơ ĐU Sở NN&PTNT", "SNN"),
        ("Báo cáo VP UBND tỉnh", "VPUB"),
        ("Hồ sơ Hội CCB Khối", "HCCB"),
        ("Đoàn TNCS Hồ Chí Minh Khối gửi hồ sơ", "DTN"),
    ]:
        m = match_unit(message(subject=subject), [], units, BOT_IDS)
        assert m.unit_code == code, (subject, m)


def test_reply_in_a_thread_the_bot_started(units):
    m = match_unit(
        message(subject="Re: Nhắc nộp hồ sơ", in_reply_to="<reminder-1@bot.example>"), [], units, BOT_IDS
    )
    assert (m.unit_code, m.rule, m.certain) == ("STP", "thread", True)
    m = match_unit(message(references=("<other@x>", "reminder-1@bot.example")), [], units, BOT_IDS)
    assert m.unit_code == "STP" and m.rule == "thread"


def test_thread_contradicted_by_documents_goes_to_review(units):
    docs = [to_trinh("ĐẢNG ỦY SỞ Y TẾ"), kl01_report("ĐẢNG ỦY SỞ Y TẾ")]
    m = match_unit(
        message(subject="Hồ sơ Đảng ủy Sở Y tế", in_reply_to="<reminder-1@bot.example>"), docs, units, BOT_IDS
    )
    assert m.unit_code is None and not m.certain and m.suggestion == "STP" and m.rule == "ambiguous"


def test_two_units_named_equally_is_ambiguous(units):
    m = match_unit(message(subject="Hồ sơ Sở Y tế và Sở Tài chính"), [], units, BOT_IDS)
    assert m.unit_code is None and m.rule == "ambiguous" and not m.certain
    assert m.suggestion in {"SYT", "STC"}


def test_superior_body_in_every_header_matches_no_unit(units):
    doc = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\nBAN THƯỜNG VỤ\n*\nBÁO CÁO\nKhối các cơ quan tỉnh"
    m = match_unit(
        message(subject="Báo cáo", body="Kính gửi Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"),
        [doc],
        units,
        BOT_IDS,
    )
    assert (m.unit_code, m.rule, m.suggestion) == (None, "none", None)


def test_decision_issued_by_the_bloc_points_to_the_unit_named_inside(units):
    m = match_unit(message(subject="QĐ khen thưởng"), [qd_khen_thuong()], units, BOT_IDS)
    assert m.unit_code is None or m.unit_code == "SYT"
    assert m.suggestion in (None, "SYT") and not m.certain


def test_longer_unit_name_wins_over_its_substring(units):
    extended = [*units, UnitInfo("YTDP", "Chi bộ Sở Y tế dự phòng", "chi_bo_co_so", ("ytdp@x.vn",))]
    m = match_unit(
        message(subject="Hồ sơ"), [header("CHI BỘ SỞ Y TẾ DỰ PHÒNG") + "TỜ TRÌNH"], extended, BOT_IDS
    )
    assert m.unit_code == "YTDP"
    m = match_unit(message(subject="Hồ sơ"), [header("ĐẢNG ỦY SỞ Y TẾ") + "TỜ TRÌNH"], extended, BOT_IDS)
    assert m.unit_code == "SYT"


def test_unknown_sender_naming_nobody(units):
    m = match_unit(message("spam@example.com", subject="Cơ hội đầu tư", body="Xin chào"), [], units, BOT_IDS)
    assert (m.unit_code, m.rule, m.certain, m.suggestion) == (None, "none", False, None)


def test_weak_mention_only_suggests(units):
    doc = "BÁO CÁO\n" + "nội dung\n" * 10 + "phối hợp với Sở Tài chính trong công tác"
    m = match_unit(message(subject="Báo cáo"), [doc], units, BOT_IDS)
    assert m.unit_code is None and m.suggestion == "STC"


def test_quoted_bot_text_is_ignored_but_forwarded_unit_mail_counts(units):
    quoted = "Em gửi ạ\nOn Mon, Ban Tuyên giáo wrote:\n> Kính gửi Đảng bộ Sở Tài chính"
    assert match_unit(message(body=quoted), [], units, BOT_IDS).unit_code is None
    fwd = "Chuyển tiếp\n---------- Forwarded message ---------\nFrom: <dangbo.stc@thainguyen.gov.vn>\nHồ sơ"
    m = match_unit(message(body=fwd), [], units, BOT_IDS)
    assert m.unit_code == "STC" and m.unverified and not m.certain


@settings(max_examples=60, deadline=None)
@given(
    subject=st.text(max_size=80),
    body=st.text(max_size=300),
    docs=st.lists(st.text(max_size=300), max_size=3),
    sender=st.one_of(st.none(), st.text(max_size=40)),
    irt=st.one_of(st.none(), st.text(max_size=20)),
)
def test_match_unit_never_raises(units, subject, body, docs, sender, irt):
    m = match_unit(message(sender, subject, body, in_reply_to=irt), docs, units, BOT_IDS)
    assert 0.0 <= m.confidence <= 1.0
    assert not (m.certain and m.rule == "content")


def test_a_personal_address_that_is_the_secretarys_name_suggests_the_unit(units):
    # nguyenthihang.vp@gmail.com: SYT's secretary is Nguyễn Thị Hằng.
    m = match_unit(message("nguyenthihang.vp@gmail.com", subject="Ho so"), [], units, BOT_IDS)
    assert (m.unit_code, m.rule, m.certain, m.unverified) == ("SYT", "content", False, True)
    assert "the sender is SYT's secretary Nguyễn Thị Hằng" in m.evidence
    named = match_unit(
        message("x1990@gmail.com", subject="Ho so", from_name="Nguyễn Thị Hằng"), [], units, BOT_IDS
    )
    assert named.unit_code == "SYT"


def test_a_nominees_workplace_in_a_documents_first_lines_is_not_its_issuer(units):
    # The report's title names where its nominee works (another unit); the issuer's header
    # and the Tờ trình name the sender.
    report = "\n".join(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
            "ĐẢNG ỦY SỞ Y TẾ",
            "BÁO CÁO THÀNH TÍCH",
            "của đồng chí Mông Thị Thu Trang, Bí thư Chi đoàn Sở Tư pháp",
        ]
    )
    m = match_unit(message(subject="Ho so khen thuong"), [report], units, BOT_IDS)
    assert m.unit_code == "SYT"
    assert not any("→ STP" in e and e.startswith("document header") for e in m.evidence)
