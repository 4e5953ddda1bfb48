"""Whose file is it: the files of one mail resolved together against the unit's dossier.

Pure tests of bot.matching.dossier with the shapes an independent acceptance run found
(a collective's decision named only "tập thể", a rating decision listing several
members, a file name that lost its digit, a proposal's count read as a name).
"""

from __future__ import annotations

from bot.matching.dossier import FileReading, Nominee, resolve
from bot.matching.nominees import (
    extract_proposal_nominees,
    kind_in_filename,
    mentioned_names,
    proposal_counts,
)
from bot.matching.roster import candidates, plausible
from bot.text import fold

BOTH = frozenset({"tap_the", "ca_nhan"})
COLLECTIVE = Nominee("tap_the", "Chi bộ Phòng Kiểm tra thuế số 1")
PERSON = Nominee("ca_nhan", "Nguyễn Thị Lan")


def test_a_collectives_decision_named_only_tap_the_is_the_units_one_collective():
    f = FileReading(
        "quyet_dinh_khen_thuong", BOTH, kind_hint=kind_in_filename("QĐ khen thưởng - tập thể.pdf")
    )
    r = resolve([f], [COLLECTIVE, PERSON])
    [a] = r.assignments
    assert (a.nominee, a.certain) == (0, True)


def test_a_rating_decision_listing_several_members_is_for_the_one_who_is_a_nominee():
    text = "\n".join(
        [
            "QUYẾT ĐỊNH",
            "Về việc xếp loại chất lượng đảng viên năm 2023",
            "1\tHoàng Văn Bình\tĐảng viên\tHoàn thành tốt nhiệm vụ",
            "2\tNguyễn Thị Lan\tĐảng viên\tHoàn thành xuất sắc nhiệm vụ",
            "3\tTrần Quốc Huy\tĐảng viên\tHoàn thành tốt nhiệm vụ",
        ]
    )
    f = FileReading("quyet_dinh_xep_loai", BOTH, guess_kind="ca_nhan", mentions=tuple(mentioned_names(text)))
    r = resolve([f], [COLLECTIVE, PERSON], proposal_on_file=True)
    [a] = r.assignments
    assert (a.nominee, a.certain) == (1, True)
    assert not r.new_nominees  # the other members are not nominees


def test_a_file_name_naming_a_nominee_settles_it():
    f = FileReading(
        "quyet_dinh_xep_loai",
        BOTH,
        guess_kind="ca_nhan",
        guess_name="Nguyen Thi Lan",
        guess_source="filename",
    )
    [a] = resolve([f], [COLLECTIVE, PERSON], proposal_on_file=True).assignments
    assert (a.nominee, a.certain) == (1, True)


def test_a_file_name_that_lost_the_number_is_still_the_one_collective():
    f = FileReading(
        "bao_cao_thanh_tich",
        BOTH,
        guess_kind="tap_the",
        guess_name="Chi bo Phong Kiem tra thue so",
        guess_source="filename",
    )
    r = resolve([f], [COLLECTIVE, PERSON], proposal_on_file=True)
    [a] = r.assignments
    assert (a.nominee, a.certain, r.new_nominees) == (0, True, [])


def test_two_collectives_that_differ_only_by_number_go_to_staff_with_both():
    two = [COLLECTIVE, Nominee("tap_the", "Chi bộ Phòng Kiểm tra thuế số 2")]
    f = FileReading(
        "bao_cao_thanh_tich",
        BOTH,
        guess_kind="tap_the",
        guess_name="Chi bo Phong Kiem tra thue so",
        guess_source="filename",
    )
    r = resolve([f], two, proposal_on_file=True)
    [a] = r.assignments
    assert (a.nominee, a.certain) == (None, False)
    assert set(a.candidates) == {0, 1} and "could be" in a.evidence[-1]
    assert not r.new_nominees


def test_the_proposals_count_is_never_a_nominee():
    text = (
        "TỜ TRÌNH\nĐảng ủy Sở Công Thương kính đề nghị Ban Thường vụ xem xét, tặng Giấy khen cho\n"
        "01 tập thể và 01 cá nhân, cụ thể:\n1. Tập thể Phòng Quản lý thương mại.\n"
        "2. Đồng chí Dương Văn Khải, Chuyên viên.\n"
    )
    found = {(g.kind, g.name) for g in extract_proposal_nominees(text)}
    assert found == {("tap_the", "Phòng Quản lý thương mại"), ("ca_nhan", "Dương Văn Khải")}
    assert proposal_counts(text) == {"tap_the": 1, "ca_nhan": 1}
    assert not plausible("tap_the", "và 01 cá nhân") and not plausible("tap_the", "01 tập thể và 01 cá nhân")
    assert not plausible("ca_nhan", "cá nhân") and not plausible("tap_the", "tập thể")


def test_a_name_nobody_proposed_is_new_only_while_the_proposal_leaves_room():
    f = FileReading(
        "bao_cao_thanh_tich", BOTH, guess_kind="ca_nhan", guess_name="Lê Văn Tám", guess_source="text"
    )
    # No proposal yet: the file is all there is.
    r = resolve([f], [COLLECTIVE])
    assert r.assignments[0].certain and [n.name for n in r.new_nominees] == ["Lê Văn Tám"]
    # The proposal counts one individual, already on file: staff decide.
    r = resolve([f], [COLLECTIVE, PERSON], counts={"tap_the": 1, "ca_nhan": 1}, proposal_on_file=True)
    assert (r.assignments[0].nominee, r.new_nominees) == (None, [])
    # No count given: the quota decides (a chi bộ proposes one nominee in all).
    r = resolve([f], [COLLECTIVE], proposal_on_file=True, limits={"tap_the": 1, "ca_nhan": 1, "total": 1})
    assert (r.assignments[0].nominee, r.new_nominees) == (None, [])


def test_honorifics_case_and_diacritics_do_not_split_a_nominee():
    roster = [("ca_nhan", "Nguyễn Thị Lan")]
    for written in ("đ/c NGUYỄN THỊ LAN", "Đồng chí Nguyen Thi Lan", "nguyễn  thị lan"):
        assert candidates(written, "ca_nhan", roster)[0].score == 1.0, written
    assert candidates("Nguyễn Thị Lanh", "ca_nhan", roster) == []  # another person


def test_the_proposal_in_the_same_mail_is_the_roster():
    proposal = [("tap_the", "Chi bộ Phòng Kiểm tra thuế số 1"), ("ca_nhan", "Nguyễn Thị Lan")]
    files = [
        FileReading(
            "tom_tat_thanh_tich",
            BOTH,
            guess_kind="tap_the",
            guess_name="CB P. Kiểm tra thuế số 1",
            guess_source="filename",
        ),
        FileReading(
            "tom_tat_thanh_tich", BOTH, guess_kind="ca_nhan", guess_name="Nguyễn Thị Lan", guess_source="text"
        ),
    ]
    r = resolve(files, [], proposed=proposal)
    assert [a.nominee for a in r.assignments] == [0, 1]
    assert [n.name for n in r.new_nominees] == [n for _, n in proposal]


def test_the_mail_naming_the_nominee_decides_between_two_of_a_kind():
    two = [PERSON, Nominee("ca_nhan", "Đỗ Minh Quân")]
    f = FileReading("quyet_dinh_khen_thuong", BOTH)
    [a] = resolve([f], two, mail_text="Gửi quyết định khen thưởng của đồng chí Đỗ Minh Quân").assignments
    assert a.nominee is None  # the body alone is weak evidence...
    f = FileReading("quyet_dinh_khen_thuong", BOTH, kind_hint="ca_nhan")
    [a] = resolve([f], [PERSON], mail_text="QĐ của đ/c Nguyễn Thị Lan").assignments
    assert (a.nominee, a.certain) == (0, True)  # ...but with the only individual it settles


# -- case classes of the independent evaluation (tests per class, never per mail) -------


def test_an_abbreviation_in_a_file_name_is_the_nominees_words():
    """ "Phòng QLTM", "Tram KTTTX so", "CB P.QL thu": initials of the nominee's own words."""
    roster = [
        ("tap_the", "Chi bộ Phòng Quản lý thương mại"),
        ("tap_the", "Chi bộ Trạm Kiểm tra tải trọng xe số 1"),
        ("tap_the", "Chi bộ Phòng Quản lý thu - Sổ, thẻ"),
        ("tap_the", "Chi bộ Phòng Xây dựng chính quyền và công tác thanh niên"),
    ]
    for written, want in (
        ("Chi bộ Phòng QLTM", 0),
        ("Chi bo Tram KTTTX so", 1),
        ("CB P QL thu Sổ thẻ", 2),
        ("Chi bo Phong XDCQ", 3),
    ):
        found = candidates(written, "tap_the", roster)
        assert [m.index for m in found] == [want], written
    # Initials that spell nobody's words match nobody.
    assert candidates("Chi bộ Phòng TCHC", "tap_the", roster) == []


def test_a_name_on_file_that_was_cut_short_is_the_fuller_name():
    """A Tờ trình read "Dương Văn" at a line break; the report names "Dương Văn Khải"."""
    cut = Nominee("ca_nhan", "Dương Văn")
    f = FileReading(
        "bao_cao_thanh_tich", BOTH, guess_kind="ca_nhan", guess_name="Dương Văn Khải", guess_source="text"
    )
    r = resolve([f], [COLLECTIVE, cut], proposal_on_file=True)
    [a] = r.assignments
    assert (a.nominee, a.certain) == (1, True)
    assert r.roster[1].name == "Dương Văn Khải" and r.renamed == [1]
    # A full name on file is never stretched to another person's longer name.
    assert candidates("Nguyễn Văn An Bình", "ca_nhan", [("ca_nhan", "Nguyễn Văn An")]) == []


def test_a_decision_row_with_the_rating_after_the_name_is_the_collective():
    text = "QUYẾT ĐỊNH\nVề việc xếp loại chất lượng tổ chức đảng năm 2023\n"
    text += "1. Chi bộ Phòng Kiểm tra thuế số 1 Hoàn thành xuất sắc nhiệm vụ\n"
    # kind_hint: the words of the tap_the rating decision ("tổ chức đảng"), as classify finds
    f = FileReading("quyet_dinh_xep_loai", BOTH, kind_hint="tap_the", mentions=tuple(mentioned_names(text)))
    two = [COLLECTIVE, Nominee("tap_the", "Chi bộ Văn phòng"), PERSON]
    [a] = resolve([f], two, proposal_on_file=True).assignments
    assert (a.nominee, a.certain) == (0, True)


def test_a_given_name_alone_points_at_the_nominee_but_never_makes_one():
    f = FileReading(
        "quyet_dinh_khen_thuong", BOTH, guess_kind="ca_nhan", guess_name="Lan", guess_source="filename"
    )
    r = resolve([f], [COLLECTIVE, PERSON], proposal_on_file=True)
    assert (r.assignments[0].nominee, r.assignments[0].certain) == (1, True)
    r = resolve([f], [COLLECTIVE])
    assert r.assignments[0].nominee is None and not r.new_nominees


def test_a_file_names_spelling_does_not_make_a_second_nominee_beside_the_texts():
    """Text-named files are resolved first, whatever the order of the attachments."""
    files = [
        FileReading(
            "quyet_dinh_khen_thuong",
            BOTH,
            guess_kind="tap_the",
            guess_name="Chi bo Tram KTTTX",
            guess_source="filename",
        ),
        FileReading(
            "bao_cao_thanh_tich",
            BOTH,
            guess_kind="tap_the",
            guess_name="Chi bộ Trạm Kiểm tra tải trọng xe số 1",
            guess_source="text",
        ),
    ]
    r = resolve(files, [])
    assert [a.nominee for a in r.assignments] == [0, 0]
    assert [n.name for n in r.new_nominees] == ["Chi bộ Trạm Kiểm tra tải trọng xe số 1"]


def test_generic_words_of_a_rating_decision_are_never_a_collective():
    assert not plausible("tap_the", "to chuc dang") and not plausible("tap_the", "Tổ chức đảng")
    assert plausible("tap_the", "Chi bộ số 2") and plausible("tap_the", "Chi bộ Văn phòng Sở")


def test_a_whole_dossier_resend_withdraws_the_nominees_it_no_longer_proposes():
    old = Nominee("ca_nhan", "Mạc Văn Tiến")
    new = ("ca_nhan", "Phùng Thị Kim Oanh")
    decision = FileReading(
        "quyet_dinh_xep_loai",
        BOTH,
        guess_kind="ca_nhan",
        mentions=(("ca_nhan", "Mạc Văn Tiến"), ("ca_nhan", "Phùng Thị Kim Oanh")),
    )
    r = resolve(
        [decision], [COLLECTIVE, old], [("tap_the", COLLECTIVE.name), new], {"tap_the": 1, "ca_nhan": 1},
        replaces_dossier=True,
    )  # fmt: skip
    [a] = r.assignments
    assert r.roster[a.nominee].name == "Phùng Thị Kim Oanh" and a.certain
    assert r.roster[1].withdrawn and not r.roster[0].withdrawn
    # A proposal read incompletely (the count says two individuals) withdraws nobody.
    r = resolve([decision], [COLLECTIVE, old], [new], {"ca_nhan": 2}, replaces_dossier=True)
    assert not any(n.withdrawn for n in r.roster)


def test_a_proposal_table_read_cell_by_cell_gives_its_nominees():
    text = "\n".join(
        [
            "tặng Giấy khen cho 01 tập thể và 01 cá nhân, cụ thể như sau:",
            "STT", "", "Tên tập thể, cá nhân", "", "Chức vụ, đơn vị công tác", "",
            "1", "", "Chi bộ Phòng Xây dựng chính quyền và công tác thanh niên", "", "Đảng bộ Sở Nội vụ",
            "2", "", "Phùng Thị Kim Oanh", "", "Trưởng phòng Công chức, viên chức",
            "Nơi nhận:", "- Như kính gửi,",
        ]
    )  # fmt: skip
    found = {(g.kind, g.name) for g in extract_proposal_nominees(text)}
    assert found == {
        ("tap_the", "Chi bộ Phòng Xây dựng chính quyền và công tác thanh niên"),
        ("ca_nhan", "Phùng Thị Kim Oanh"),
    }


def test_a_unit_proposing_one_nominee_has_its_unnamed_decision_credited_to_it():
    f = FileReading("quyet_dinh_khen_thuong", BOTH)
    # The proposal counts one individual, on file: nobody else it can be.
    r = resolve([f], [PERSON], counts={"ca_nhan": 1}, proposal_on_file=True)
    assert (r.assignments[0].nominee, r.assignments[0].certain) == (0, True)
    # Room for a collective it has not named yet: staff decide.
    r = resolve([f], [PERSON], counts={"tap_the": 1, "ca_nhan": 1}, proposal_on_file=True)
    assert r.assignments[0].nominee is None
    # A file naming someone else is never credited to the only nominee.
    g = FileReading("quyet_dinh_khen_thuong", BOTH, "ca_nhan", "Lê Văn Tám", "filename")
    r = resolve([g], [PERSON], counts={"ca_nhan": 1}, proposal_on_file=True)
    assert r.assignments[0].nominee is None


def test_the_kind_a_file_name_speaks_of():
    assert kind_in_filename("QD khen thuong Chi bo.pdf") == "tap_the"
    assert kind_in_filename("QĐ xếp loại tổ chức đảng.pdf") == "tap_the"
    assert kind_in_filename("QĐ KT đồng chí Khải.pdf") == "ca_nhan"
    assert kind_in_filename("QĐ xếp loại đảng viên.pdf") == "ca_nhan"
    assert kind_in_filename("QĐ khen thưởng.pdf") is None
    assert kind_in_filename("QĐ chi bộ và đảng viên.pdf") is None  # both: says nothing


def test_one_file_for_several_nominees_is_each_ones():
    """ "Tóm tắt thành tích 2 đồng chí.docx": both comrades are named by the text."""
    two = [PERSON, Nominee("ca_nhan", "Đỗ Minh Quân"), COLLECTIVE]
    f = FileReading(
        "tom_tat_thanh_tich",
        BOTH,
        guess_kind="ca_nhan",
        kind_hint="ca_nhan",
        mentions=(("ca_nhan", "Nguyễn Thị Lan"), ("ca_nhan", "Đỗ Minh Quân"), ("ca_nhan", "Lê Văn Hùng")),
    )
    [a] = resolve([f], two, proposal_on_file=True).assignments
    assert a.certain and {a.nominee, *a.also} == {0, 1}
    # A document naming its one nominee in a field stays that nominee's alone.
    g = FileReading(
        "bao_cao_thanh_tich", BOTH, "ca_nhan", "Nguyễn Thị Lan", "text",
        mentions=(("ca_nhan", "Nguyễn Thị Lan"), ("ca_nhan", "Đỗ Minh Quân")),
    )  # fmt: skip
    [b] = resolve([g], two, proposal_on_file=True).assignments
    assert (b.nominee, b.also) == (0, ())


def test_a_garbled_text_name_leaves_the_file_names_one_to_decide():
    """antiword read "Trường" as "Trờng"; the file name "Le Xuan Truong" is right."""
    two = [Nominee("ca_nhan", "Đặng Văn Thụ"), Nominee("ca_nhan", "Lê Xuân Trường")]
    f = FileReading(
        "quyet_dinh_khen_thuong", BOTH, "ca_nhan", "Lê Xuân Trờng", None, alt_name="Le Xuan Truong"
    )
    [a] = resolve([f], two, proposal_on_file=True).assignments
    assert (a.nominee, a.certain) == (1, True)


def test_a_file_of_several_summaries_is_measured_per_nominee():
    """ "Tom tat 03 ca nhan.docx" (a table, a row per nominee): the half page is each one's."""
    from bot.documents.facts import starts_summary
    from bot.matching.nominees import count_in_filename

    assert count_in_filename("Tom tat thanh tich 2 dong chi.docx") == 2
    assert count_in_filename("Tóm tắt 03 cá nhân.docx") == 3
    assert count_in_filename("Tom tat.docx") == 1 and count_in_filename("Tom tat cac dong chi.docx") == 1
    for title in ("TÓM TẮT THÀNH TÍCH", "BẢNG TÓM TẮT THÀNH TÍCH", "Bản tóm tắt thành tích"):
        assert starts_summary(fold(title)), title
    assert starts_summary(fold("TÓM T T THÀNH TÍCH Ắ"))  # PDFium's stream order
    assert not starts_summary(
        fold("Tóm tắt thành tích của chi bộ trong năm 2023 rất nổi bật và đáng ghi nhận")
    )


def test_a_file_nothing_names_is_for_the_nominee_whose_archive_folder_it_came_in():
    lan, mai = PERSON, Nominee("ca_nhan", "Lê Thị Mai")
    folder = "zip:Ho so.zip/Ho so/2. Le Thi Mai"

    def named(deliverable: str, name: str, where: str) -> FileReading:
        return FileReading(deliverable, BOTH, "ca_nhan", name, "text", folder=where)

    files = [
        named("bao_cao_thanh_tich", "Lê Thị Mai", folder),
        named("tom_tat_thanh_tich", "Lê Thị Mai", folder),
        FileReading("quyet_dinh_khen_thuong", BOTH, folder=folder),  # a scan nothing can be read of
        named("bao_cao_thanh_tich", "Nguyễn Thị Lan", "zip:Ho so.zip/Ho so/1. Nguyen Thi Lan"),
    ]
    a = resolve(files, [lan, mai], proposal_on_file=True).assignments
    assert (a[2].nominee, a[2].certain) == (1, True)
    assert "folder" in a[2].evidence[-1]
    # A folder holding files of two nominees says nothing; neither does the archive's top.
    mixed = [*files[:2], named("tom_tat_thanh_tich", "Nguyễn Thị Lan", folder), files[2]]
    assert resolve(mixed, [lan, mai], proposal_on_file=True).assignments[3].nominee is None
    top = [named("bao_cao_thanh_tich", "Lê Thị Mai", None), FileReading("quyet_dinh_khen_thuong", BOTH)]
    assert resolve(top, [lan, mai], proposal_on_file=True).assignments[1].nominee is None
    # Nor does a folder whose files are for a nominee the file cannot be (another kind).
    collective = [
        FileReading("bao_cao_thanh_tich", BOTH, "tap_the", COLLECTIVE.name, "text", folder=folder),
        FileReading("quyet_dinh_xep_loai", BOTH, kind_hint="ca_nhan", folder=folder),
    ]
    assert resolve(collective, [COLLECTIVE, lan, mai], proposal_on_file=True).assignments[1].nominee != 0


def test_a_nominees_whole_name_in_an_ocr_broken_list_counts_as_named():
    """OCR of a decision's attached list put commas into a name ("Chi bộ Phòng, Người có
    công,"), so no row reads as the name; the folded text still holds it."""

    text = "DANH SÁCH\n1 Chi bộ Phòng, Người có công, Đảng bộ Sở Lao động\n2 Đồng chí Triệu Thị Hồng Nhung | Phó Trưởng phòng"
    roster = [Nominee("tap_the", "Chi bộ Phòng Người có công"), Nominee("ca_nhan", "Triệu Thị Hồng Nhung")]
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        mentions=tuple(mentioned_names(text)),
        text=" ".join(fold(text).split()),
    )
    a = resolve([f], roster, proposal_on_file=True).assignments[0]
    assert a.certain and {a.nominee, *a.also} == {0, 1}


def test_several_decisions_scanned_into_one_file_are_each_named_nominees():
    """Two decisions in one scan: the collective's on page 1, the individual's on page 2."""
    from bot.pipeline.read import _several_documents

    text = (
        "QUYẾT ĐỊNH\nĐiều 1. Tặng Giấy khen cho 02 tập thể có tên sau:\n1 | Chi bộ Phòng Kiểm tra thuế số 1\n"
        "\fQUYẾT ĐỊNH\nĐiều 1. Tặng Giấy khen cho 04 đồng chí có tên sau:\n3 | Nguyễn Thị Lan Phó Trưởng phòng"
    )
    assert _several_documents(text)
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        mentions=tuple(mentioned_names(text)),
        text=" ".join(fold(text).split()),
        several=True,
    )
    a = resolve([f], [COLLECTIVE, PERSON], proposal_on_file=True).assignments[0]
    assert a.certain and {a.nominee, *a.also} == {0, 1}


def test_a_proposal_table_row_read_as_one_line_names_its_collective():
    text = "\n".join(
        [
            "tặng Giấy khen cho 01 tập thể (có danh sách kèm theo).",
            "STT Tên tập thể / Họ và tên",
            "Chức vụ, đơn vị Hình",
            "thức",
            "1 Chi bộ Trung tâm Công nghệ thông tin",
            "và Truyền thông tỉnh",
            "chi bộ cơ sở trực thuộc",
            "Giấy",
            "khen",
        ]
    )
    found = [(g.kind, g.name) for g in extract_proposal_nominees(text)]
    assert found == [("tap_the", "Chi bộ Trung tâm Công nghệ thông tin")]


def test_a_proposal_in_one_sentence_names_its_nominee_and_never_its_count():
    text = "\n".join(
        [
            "Chi bộ Liên minh Hợp tác xã tỉnh kính đề nghị Ban Thường vụ Đảng ủy Khối xem xét, tặng "
            "Giấy khen cho 01 tập thể đã có thành tích tiêu biểu, cụ thể như sau:",
            "Đề nghị tặng Giấy khen cho: Chi bộ Liên minh Hợp tác xã tỉnh.",
            "(Có hồ sơ, báo cáo thành tích và bản tóm tắt thành tích kèm theo)",
        ]
    )
    found = [(g.kind, g.name) for g in extract_proposal_nominees(text)]
    assert found == [("tap_the", "Chi bộ Liên minh Hợp tác xã tỉnh")]
    person = extract_proposal_nominees("tặng Giấy khen cho đồng chí Nguyễn Văn An, Trưởng phòng Tổ chức.")
    assert [(g.kind, g.name) for g in person] == [("ca_nhan", "Nguyễn Văn An")]


def test_a_file_named_for_both_is_for_several():
    from bot.matching.nominees import several_in_filename

    assert several_in_filename("QD khen thuong 2023 (ca 2).pdf")
    assert several_in_filename("QĐ KT cả hai.pdf")
    assert not several_in_filename("QD ca nhan.pdf") and not several_in_filename("QD Ca Mau 2.pdf")


def test_a_decision_listing_comrades_and_the_collective_is_each_ones():
    # Its rows name two comrades (so no one person is "the" nominee) and the collective:
    # a decision is each listed nominee's, whatever kind "several comrades" speaks of.
    collective = Nominee("tap_the", "Chi bộ Văn phòng Đăng ký đất đai")
    person = Nominee("ca_nhan", "Ma Thị Hiền")
    text = "\n".join(
        [
            "dieu 1 tang giay khen cho 03 tap the ca nhan da co thanh tich tieu bieu",
            "1 dong chi ma thi hien",
            "phong quan ly dat dai",
            "2 chi bo van phong dang ky dat dai",
            "3 dong chi nguyen van thai",
        ]
    )
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        guess_kind="ca_nhan",
        mentions=(
            ("ca_nhan", "Ma Thị Hiền"),
            ("tap_the", "Chi bộ Văn phòng Đăng ký đất đai"),
            ("ca_nhan", "Nguyễn Văn Thái"),
        ),
        text=text,
        decision=True,
    )
    [a] = resolve([f], [collective, person]).assignments
    assert a.certain and {a.nominee, *a.also} == {0, 1}


def test_a_proposal_table_as_a_converter_writes_it_names_each_row():
    # antiword writes a .doc table as "|cell |cell |" lines.
    text = "\n".join(
        [
            "|STT     |Tên tập thể/Họ và tên cá nhân       |Chức vụ, đơn vị công tác          |Ghi chú  |",
            "|1       |Chi bộ Bảo tàng tỉnh                 |trực thuộc Đảng bộ Sở Văn hóa     |Tập thể  |",
            "|2       |Đồng chí Nguyễn Thị Hoài Thương      |Phó Giám đốc Thư viện tỉnh        |Cá nhân  |",
        ]
    )
    found = [(g.kind, g.name) for g in extract_proposal_nominees(text)]
    assert found == [("tap_the", "Chi bộ Bảo tàng tỉnh"), ("ca_nhan", "Nguyễn Thị Hoài Thương")]


def test_a_one_sentence_proposal_of_several_names_each_in_order():
    text = "\n".join(
        [
            "Đề nghị tặng Giấy khen cho: Chi bộ Trung tâm Dịch vụ việc làm; đồng chí Hà Văn",
            "Luyện, Chánh Thanh tra Sở Lao động - Thương binh và Xã hội.",
        ]
    )
    found = [(g.kind, g.name) for g in extract_proposal_nominees(text)]
    assert found == [("tap_the", "Chi bộ Trung tâm Dịch vụ việc làm"), ("ca_nhan", "Hà Văn Luyện")]


def test_a_decision_listing_the_collective_and_the_person_is_each_ones_though_it_names_one_comrade():
    # "Đồng chí Lục Minh Hoàng" is the one comrade it names (its guess), but its rows list
    # the collective too: a decision is each listed nominee's.
    collective = Nominee("tap_the", "Chi bộ Phòng Thời sự")
    person = Nominee("ca_nhan", "Lục Minh Hoàng")
    text = "\n".join(
        [
            "dieu 1 tang giay khen cho 02 tap the ca nhan da co thanh tich tieu bieu",
            "1 chi bo phong thoi su dang bo dai",
            "2 dong chi luc minh hoang phong chuyen de",
        ]
    )
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        guess_kind="ca_nhan",
        guess_name="Lục Minh Hoàng",
        guess_source="text",
        mentions=(("tap_the", "Chi bộ Phòng Thời sự Đảng bộ Đài"), ("ca_nhan", "Lục Minh Hoàng")),
        text=text,
        decision=True,
    )
    [a] = resolve([f], [collective, person]).assignments
    assert a.certain and {a.nominee, *a.also} == {0, 1}
    # Named by its file name for one, it stays that one's.
    named = FileReading(**{**f.__dict__, "guess_source": "filename"})
    [b] = resolve([named], [collective, person]).assignments
    assert (b.nominee, b.also) == (1, ())


def test_who_signs_a_decision_is_not_whom_it_is_for():
    from bot.pipeline.read import _without_signatures

    text = "Điều 1. Tặng Giấy khen cho\n1 | Chi bộ X\nNơi nhận:\n- Như Điều 2,\nT/M ĐẢNG ỦY\nPHÓ BÍ THƯ\nNguyễn Văn A\nDANH SÁCH kèm theo\n1 Đồng chí Trần B"
    kept = _without_signatures(text)
    assert "Nguyễn Văn A" not in kept and "Chi bộ X" in kept and "Trần B" in kept


def test_the_one_comrade_a_decisions_rows_name_does_not_count_against_the_nominee():
    # OCR left one row whole ("Đồng chí Trần Thị Mơ, Chi bộ Sở Ngoại vụ": another unit's),
    # the nominee's row without its "Đồng": it is still the nominee's decision.
    person = Nominee("ca_nhan", "Hà Văn Luyện")
    text = "dieu 1 tang giay khen cho 04 tap the ca nhan\nchi ha van luyen dang bo so ldtbxh\ndong chi tran thi mo chi bo so ngoai vu"
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        guess_kind="ca_nhan",
        guess_name="Trần Thị Mơ Chi",
        guess_source="text",
        text=text,
        decision=True,
    )
    [a] = resolve([f], [person], counts={"ca_nhan": 1}, proposal_on_file=True).assignments
    assert (a.nominee, a.certain) == (0, True)


def test_an_ocr_read_proposal_row_gives_its_first_cell_only():
    text = "\n".join(
        [
            "STT | Tên tập thể, cá nhân Chức vụ, đơn vị công tác Hình thức",
            "1 [ Chỉ bộ Phòng Quản lý | Đã Đảng bộ Sở Công T TH l Giấy khen",
            "thương mại",
        ]
    )
    found = [(g.kind, g.name) for g in extract_proposal_nominees(text)]
    assert found == [("tap_the", "Chỉ bộ Phòng Quản lý")]


def test_a_member_rating_decision_naming_the_members_cell_is_the_persons_only():
    # Its rows give each member's cell: the collective nominee's name, in a decision whose
    # own words say it rates party members.
    collective = Nominee("tap_the", "Chi bộ Văn phòng Sở")
    person = Nominee("ca_nhan", "Lưu Văn Quyết")
    text = "\n".join(
        [
            "dieu 1 cong nhan ket qua danh gia xep loai chat luong dang vien nam 2023",
            "1 dong chi luu van quyet chi bo van phong so hoan thanh xuat sac nhiem vu",
            "2 dong chi tran van hai chi bo van phong so hoan thanh tot nhiem vu",
        ]
    )
    f = FileReading(
        "quyet_dinh_xep_loai",
        BOTH,
        kind_hint="ca_nhan",
        mentions=(
            ("ca_nhan", "Lưu Văn Quyết"),
            ("tap_the", "Chi bộ Văn phòng Sở"),
            ("ca_nhan", "Trần Văn Hải"),
        ),
        text=text,
        decision=True,
    )
    [a] = resolve([f], [collective, person]).assignments
    assert (a.nominee, a.certain, a.also) == (1, True, ())


def test_the_kind_of_another_units_comrade_a_decision_lists_is_no_hint_against_the_collective():
    # A bloc-wide award decision, scanned: the unit's collective wrapped in its cell
    # ("… hành chính | Khối các cơ quan tỉnh / công, tỉnh"), the text's one read name
    # another unit's comrade.  That comrade's kind says nothing of whom the file is for.
    collective = Nominee("tap_the", "Chi bộ Trung tâm Phục vụ hành chính công tỉnh")
    text = "\n".join(
        [
            "dieu 1 tang giay khen cho 04 tap the ca nhan da co thanh tich tieu bieu",
            "1 chi bo trung tam phuc vu hanh chinh khoi cac co quan tinh",
            "cong tinh",
            "2 chi bo phong ke hoach tai chinh dang bo so cong thuong",
            "4 dong chi nguyen dang khoa dang bo so noi vu",
        ]
    )
    f = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        guess_kind="ca_nhan",
        guess_name="Nguyễn Đăng Khoa Đăng",
        guess_source="text",
        text=text,
        decision=True,
    )
    [a] = resolve([f], [collective], counts={"tap_the": 1}, proposal_on_file=True).assignments
    assert (a.nominee, a.certain) == (0, True)
    # The same file named for a person by the unit is that person's kind: no change there.
    named = FileReading(
        "quyet_dinh_khen_thuong",
        BOTH,
        guess_kind="ca_nhan",
        guess_name="Nguyễn Đăng Khoa",
        guess_source="filename",
        text=text,
        decision=True,
    )
    [b] = resolve([named], [collective], counts={"tap_the": 1}, proposal_on_file=True).assignments
    assert b.nominee != 0 or not b.certain
