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
