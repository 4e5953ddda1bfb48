"""The dossier as a whole, through the real pipeline (parse → inspect → understand → record →
status, acknowledgment, reminders), one test per case class an independent run found.

Documents are rendered by python-docx, LibreOffice and img2pdf (tests/corpus), under the
pinned fresh-machine fonts; mails are fed to ``process_mail`` as the IMAP pass does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import subprocess
from email import message_from_bytes, policy

import pytest

from bot.campaign.planning import missing_items
from bot.cli import acknowledge
from bot.intake.mailbox import FetchedMail
from bot.pipeline.poll import process_mail
from bot.reporting.snapshot import load_snapshot, load_unit_state
from bot.reporting.status import status_json
from bot.store.models import Message, OutboxMail, Unit
from tests.conftest import TZ
from tests.corpus import dossier_cases as cases
from tests.corpus import texts
from tests.corpus.docxgen import Para, header
from tests.corpus.make_corpus import (
    _Cache,
    _render,
    _render_pages,
    load_units,
    make_photo_pdf,
    make_scan_pdf,
    soffice_convert,
)
from tests.mailgen import build_mail

pytestmark = pytest.mark.tools
NOW = dt.datetime(2024, 3, 20, 9, 0, tzinfo=TZ)
ON_TIME = dt.datetime(2024, 2, 26, 9, 0, tzinfo=TZ)
LATE = dt.datetime(2024, 3, 2, 10, 0, tzinfo=TZ)
_uid = itertools.count(1000)

UNITS = {u.code: u for u in load_units()}
SYT, STP, CTHUE = UNITS["SYT"], UNITS["STP"], UNITS["CTHUE"]
LAN = texts.Nominee("Nguyễn Thị Lan", "ca_nhan", "Trưởng khoa Dược, Bệnh viện Đa khoa tỉnh")
KHOA = texts.Nominee("Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh", "tap_the")
PHONG_HCTP = texts.Nominee("Phòng Hành chính tư pháp", "tap_the")
KTT1 = texts.Nominee("Chi bộ Phòng Kiểm tra thuế số 1", "tap_the")
HUNG = texts.Nominee("Đặng Quốc Hưng", "ca_nhan", "Chuyên viên Phòng Kiểm tra thuế số 1")
MAI = texts.Nominee("Lê Thị Mai", "ca_nhan", "Phó Trưởng phòng Tổ chức, Sở Y tế")


@pytest.fixture(scope="module")
def make(tmp_path_factory):
    """``make(blocks, fmt)`` → bytes of a docx, pdf or scanned pdf (one cache for the module)."""
    cache = _Cache(tmp_path_factory.mktemp("dossier-cases"))

    def build(blocks, fmt: str = "docx") -> bytes:
        docx = _render(blocks, None, cache)
        if fmt == "docx":
            return docx
        [pdf] = soffice_convert({f"k{abs(hash(docx))}": docx}, "pdf", cache).values()
        if fmt == "pdf":
            return pdf
        if fmt == "docx-picture":
            return picture_in_word(_render_pages(pdf, dpi=200, max_pages=1)[0])
        if fmt == "photo-pdf":
            photo = make_photo_pdf(pdf)
            assert photo is not None
            return photo
        turn = {"scan-sideways": 270, "scan-upside-down": 180}.get(fmt, 0)
        scan = make_scan_pdf(
            pdf, cache, f"s{abs(hash(docx))}", dpi=150 if fmt == "scan150" else 200, turn=turn
        )
        assert scan is not None
        return scan

    return build


def picture_in_word(jpeg: bytes) -> bytes:
    """A Word file holding only a picture of a page: a signed scan pasted into Word."""
    import io

    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_picture(io.BytesIO(jpeg), width=Cm(16))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def feed(app, sender, subject, files, when=ON_TIME, body="Kính gửi Ban Tuyên giáo Đảng ủy Khối."):
    raw = build_mail(sender, subject, body, attachments=files)
    return process_mail(
        app, "test/INBOX", 1, FetchedMail(next(_uid), raw, when, len(raw)), NOW, acknowledge(app)
    )


def address(app, code: str) -> str:
    with app.db.session() as s:
        u = s.query(Unit).filter_by(code=code).one()
        return u.addresses[0].email


def state(app, code: str) -> dict:
    with app.db.session() as s:
        doc = status_json(app.campaign, load_snapshot(s, app.campaign), NOW)
    return next(u for u in doc["units"] if u["code"] == code)


def deliverable(u: dict, type_: str) -> dict:
    return next(d for d in u["deliverables"] if d["type"] == type_)


def nominees(u: dict) -> set[tuple[str, str]]:
    return {(n["kind"], n["nominee"]) for n in u["nominations"]}


def send(app, code, subject, files, **kw):
    return feed(app, address(app, code), subject, files, **kw)


def test_a_chi_bo_proposing_one_collective_needs_no_member_rating_and_its_files_are_the_collectives(
    app_factory, make
):
    app = app_factory()
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(STP, [PHONG_HCTP]))),
        ("BCTT tap the.docx", make(texts.bao_cao_thanh_tich_blocks(STP, PHONG_HCTP))),
        ("Tom tat.docx", make(texts.tom_tat_blocks(STP, PHONG_HCTP, long=False))),
        # A scan whose name only says "tập thể": the unit's only collective.
        ("QĐ khen thưởng - tập thể.pdf", make(texts.quyet_dinh_khen_thuong_blocks(STP, PHONG_HCTP), "scan")),
        ("QD xep loai chi bo 2023.docx", make(cases.organisation_rating(STP, "Chi bộ Sở Tư pháp"))),
    ]
    outcome = send(app, "STP", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    u = state(app, "STP")
    assert nominees(u) == {("tap_the", "Phòng Hành chính tư pháp")}
    for type_ in (
        "to_trinh",
        "bao_cao_thanh_tich",
        "tom_tat_thanh_tich",
        "quyet_dinh_khen_thuong",
        "quyet_dinh_xep_loai",
    ):
        assert deliverable(u, type_)["status"] == "received", type_
    [n] = u["nominations"]
    assert n["missing"] == [] and "quyet_dinh_xep_loai" in n["documents"]
    assert u["problems"] == []  # within the chi bộ's quota of one


def test_the_count_across_a_line_break_is_never_a_nominee(app_factory, make):
    app = app_factory()
    send(
        app,
        "SYT",
        "Tờ trình khen thưởng",
        [("To trinh.pdf", make(cases.to_trinh_with_count(SYT, [KHOA, LAN]), "pdf"))],
    )
    u = state(app, "SYT")
    assert nominees(u) == {("tap_the", KHOA.name.split(",")[0]), ("ca_nhan", LAN.name)} or nominees(u) == {
        ("tap_the", KHOA.name),
        ("ca_nhan", LAN.name),
    }
    assert not any(p["code"] == "quota_exceeded" for p in u["problems"])


def test_a_rating_decision_listing_several_members_counts_for_the_nominee(app_factory, make):
    app = app_factory()
    send(app, "SYT", "Tờ trình", [("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN])))])
    decision = make(
        cases.member_rating_rows(SYT, ["Hoàng Văn Bình", LAN.name, "Trần Quốc Huy", "Vũ Thị Hạnh"]), "pdf"
    )
    outcome = send(app, "SYT", "Bổ sung quyết định xếp loại", [("QD xep loai 2023.pdf", decision)])
    assert not outcome.review
    u = state(app, "SYT")
    assert len(u["nominations"]) == 2  # the other members are not nominees
    person = next(n for n in u["nominations"] if n["kind"] == "ca_nhan")
    assert "quyet_dinh_xep_loai" in person["documents"]


def test_a_scanned_decision_named_for_a_nominee_is_theirs(app_factory, make):
    app = app_factory()
    send(app, "SYT", "Tờ trình", [("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN])))])
    scan = make(texts.quyet_dinh_xep_loai_blocks(SYT, LAN), "scan")
    outcome = send(app, "SYT", "Gửi QĐ", [(f"QĐ xếp loại đảng viên 2023 - {LAN.name}.pdf", scan)])
    assert not outcome.review
    person = next(n for n in state(app, "SYT")["nominations"] if n["kind"] == "ca_nhan")
    assert "quyet_dinh_xep_loai" in person["documents"]


def test_a_file_name_that_lost_its_number_does_not_make_a_second_collective(app_factory, make):
    app = app_factory()
    send(app, "CTHUE", "Tờ trình", [("To trinh.docx", make(texts.to_trinh_blocks(CTHUE, [KTT1, HUNG])))])
    scan = make(texts.bao_cao_thanh_tich_blocks(CTHUE, KTT1), "scan")
    outcome = send(app, "CTHUE", "Gui BCTT", [("BCTT Chi bo Phong Kiem tra thue so.pdf", scan)])
    assert not outcome.review
    u = state(app, "CTHUE")
    assert nominees(u) == {("tap_the", KTT1.name), ("ca_nhan", HUNG.name)}
    collective = next(n for n in u["nominations"] if n["kind"] == "tap_the")
    assert "bao_cao_thanh_tich" in collective["documents"]
    assert not any(p["code"] == "quota_exceeded" for p in u["problems"])


def test_a_late_file_awaiting_review_is_present_late_and_never_reminded_or_called_missing(app_factory, make):
    app = app_factory()
    send(app, "SYT", "Tờ trình", [("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN, MAI])))])
    # Two individuals, and a decision that names neither: staff decide between them.
    unnamed = make(
        texts.quyet_dinh_khen_thuong_blocks(SYT, texts.Nominee("Phạm Văn Cường", "ca_nhan", "x")), "scan"
    )
    outcome = send(app, "SYT", "QĐ khen thưởng", [("QD khen thuong ca nhan.pdf", unnamed)], when=LATE)
    assert outcome.review
    d = deliverable(state(app, "SYT"), "quyet_dinh_khen_thuong")
    assert d["status"] == "needs_review" and d["late"] is True
    assert d["received_at"] == LATE.isoformat()
    assert set(d["pending_nominees"]) == {LAN.name, MAI.name} and d["missing_nominees"] == []
    with app.db.session() as s:
        st = load_unit_state(s, app.campaign, s.query(Unit).filter_by(code="SYT").one())
        owed = {m.type for m in missing_items(app.campaign, st)}
        ack = s.query(OutboxMail).filter_by(kind="ack").order_by(OutboxMail.id.desc()).first()
    assert "quyet_dinh_khen_thuong" not in owed
    text = message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "đang chờ cán bộ kiểm tra" in text
    owed_part = text.split("Hồ sơ đơn vị còn phải gửi theo ")[-1] if "còn phải gửi" in text else ""
    assert "Quyết định khen thưởng" not in owed_part  # never both received-pending and missing


def test_a_whole_dossier_resend_replaces_it_and_drops_the_nominee_it_no_longer_proposes(app_factory, make):
    app = app_factory()
    first = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN]))),
        ("BCTT Lan.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, LAN))),
    ]
    send(app, "SYT", "Hồ sơ khen thưởng", first, when=dt.datetime(2024, 2, 22, 9, 0, tzinfo=TZ))
    again = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, MAI]))),
        ("BCTT Mai.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, MAI))),
    ]
    send(app, "SYT", "Gửi lại toàn bộ hồ sơ (thay thế hồ sơ gửi ngày 22/02)", again)
    u = state(app, "SYT")
    assert {name for _, name in nominees(u)} == {KHOA.name.split(",")[0], MAI.name}
    assert len(deliverable(u, "to_trinh")["files"]) == 1


def test_a_corrupt_only_copy_is_the_units_problem_until_a_good_copy_comes(app_factory, make):
    app = app_factory()
    corrupt = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8
    outcome = send(
        app,
        "SYT",
        "Báo cáo KL01",
        [("Bao cao KL01.pdf", corrupt)],
        when=dt.datetime(2024, 3, 10, 9, 0, tzinfo=TZ),
    )
    # Nothing for staff to decide: the unit is told the file cannot be read and resends.
    assert not outcome.review
    with app.db.session() as s:
        ack = s.query(OutboxMail).filter_by(kind="ack").order_by(OutboxMail.id.desc()).first()
    assert ack is not None
    text = message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "Bao cao KL01.pdf" in text and "không đọc được" in text
    # Told to resend, never that staff are checking it (nothing waits for them).
    assert "không mở được tệp, đề nghị gửi lại" in text and "đang chờ cán bộ kiểm tra" not in text
    u = state(app, "SYT")
    assert "unreadable_file" in {p["code"] for p in u["problems"]}
    # Unusable, not pending: still owed (reminders list it), nothing waits for staff.
    kl01 = deliverable(u, "bao_cao_kl01")
    assert (kl01["status"], kl01["received_at"], len(kl01["files"])) == ("missing", None, 1)
    with app.db.session() as s:
        st = load_unit_state(s, app.campaign, s.query(Unit).filter_by(code="SYT").one())
        assert "bao_cao_kl01" in {m.type for m in missing_items(app.campaign, st)}
    send(app, "SYT", "Gửi lại báo cáo KL01", [("Bao cao KL01.docx", make(texts.kl01_blocks(SYT)))],
         when=dt.datetime(2024, 3, 11, 9, 0, tzinfo=TZ))  # fmt: skip
    u = state(app, "SYT")
    assert deliverable(u, "bao_cao_kl01")["status"] == "received"
    assert "unreadable_file" not in {p["code"] for p in u["problems"]}


def test_a_docx_cut_short_is_reported_as_the_document_its_name_says(app_factory, make):
    # The only copy of the person's achievement report lost its end (no zip directory):
    # the unit is told that document cannot be read, for that nominee, and still owes it.
    app = app_factory()
    report = make(texts.bao_cao_thanh_tich_blocks(SYT, LAN))
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN]))),
        ("BCTT Nguyen Thi Lan.docx", report[: len(report) * 46 // 100]),
    ]
    outcome = send(app, "SYT", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    with app.db.session() as s:
        ack = s.query(OutboxMail).filter_by(kind="ack").order_by(OutboxMail.id.desc()).first()
    text = message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "BCTT Nguyen Thi Lan.docx" in text and "không đọc được" in text
    u = state(app, "SYT")
    assert "unreadable_file" in {p["code"] for p in u["problems"]}
    bctt = deliverable(u, "bao_cao_thanh_tich")
    assert [f["nominee"] for f in bctt["files"]] == [LAN.name]
    assert bctt["missing_nominees"] == [LAN.name]


def test_a_scanned_kl01_report_with_every_section_is_not_told_a_section_is_missing(app_factory, make):
    app = app_factory()
    scan = make(texts.kl01_blocks(SYT), "scan")
    send(
        app,
        "SYT",
        "Báo cáo KL01 (bản scan)",
        [("Bao cao KL01.pdf", scan)],
        when=dt.datetime(2024, 3, 12, 9, 0, tzinfo=TZ),
    )
    d = deliverable(state(app, "SYT"), "bao_cao_kl01")
    assert d["status"] == "received"
    assert "outline_section_missing" not in {p["code"] for p in d["problems"]}


def test_one_summary_of_two_comrades_is_each_ones(app_factory, make):
    """ "Tom tat thanh tich 2 dong chi.docx": one file for both individuals the unit proposes."""
    app = app_factory()
    both = texts.tom_tat_blocks(SYT, LAN, long=False) + texts.tom_tat_blocks(SYT, MAI, long=False)
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN, MAI]))),
        ("Tom tat thanh tich 2 dong chi.docx", make(both)),
    ]
    outcome = send(app, "SYT", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    u = state(app, "SYT")
    have = {n["nominee"]: n["documents"] for n in u["nominations"]}
    assert have == {LAN.name: ["tom_tat_thanh_tich"], MAI.name: ["tom_tat_thanh_tich"]}


def test_one_summary_in_numbered_parts_for_the_collective_and_the_person_is_each_ones(app_factory, make):
    """One "TÓM TẮT THÀNH TÍCH của tập thể, cá nhân" in parts "1. Tập thể: …" and "2. Cá
    nhân: …": the title names neither, the parts name both."""
    app = app_factory()
    khoa = texts.Nominee("Khoa Cấp cứu", "tap_the")
    summary = [
        texts.party_header(SYT, "", day=21),
        Para("TÓM TẮT THÀNH TÍCH", bold=True, center=True, size=14, before=6),
        Para(f"của tập thể, cá nhân đề nghị tặng Giấy khen trong {texts.TOPIC} năm 2024", bold=True, center=True),
        Para(f"1. Tập thể: {khoa.name}", bold=True),
        Para(f"{khoa.name} có 12 đảng viên, hoàn thành xuất sắc nhiệm vụ năm 2023.", indent=True),
        Para(f"2. Cá nhân: {LAN.name}", bold=True),
        Para(f"Đồng chí {LAN.name} luôn gương mẫu, đi đầu trong học tập và làm theo Bác.", indent=True),
    ]  # fmt: skip
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [khoa, LAN]))),
        ("Tom tat thanh tich.docx", make(summary)),
    ]
    outcome = send(app, "SYT", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    u = state(app, "SYT")
    have = {n["nominee"]: n["documents"] for n in u["nominations"]}
    assert have == {khoa.name: ["tom_tat_thanh_tich"], LAN.name: ["tom_tat_thanh_tich"]}


def zipped(tmp_path, top: str, members: dict[str, bytes]) -> bytes:
    """A zip made by Info-ZIP, with folders, as a unit's PC makes one."""
    for name, data in members.items():
        path = tmp_path / top / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    subprocess.run(["zip", "-qr", "bundle.zip", top], cwd=tmp_path, check=True)
    return (tmp_path / "bundle.zip").read_bytes()


def test_a_decision_naming_nobody_is_for_the_nominee_whose_folder_it_came_in(app_factory, make, tmp_path):
    app = app_factory()
    cdvc = UNITS["CDVC"]  # a đoàn thể: two individuals, so the kind alone does not settle it
    hoa = texts.Nominee("Trần Thị Hoa", "ca_nhan", "Chuyên viên Công đoàn Viên chức tỉnh")
    tuan = texts.Nominee("Đỗ Văn Tuấn", "ca_nhan", "Phó Chủ tịch Công đoàn Viên chức tỉnh")
    # The award decision names its people on an annex ("danh sách kèm theo"), not on page 1.
    decision = [
        Para(
            "Điều 1. Tặng Giấy khen cho 05 tập thể và 12 cá nhân có tên trong danh sách kèm theo.",
            indent=True,
        )
        if isinstance(b, Para) and b.text.startswith("Điều 1.")
        else b
        for b in texts.quyet_dinh_khen_thuong_blocks(cdvc, hoa)
    ]
    bundle = zipped(
        tmp_path,
        "Ho so CDVC",
        {
            "To trinh.docx": make(texts.to_trinh_blocks(cdvc, [hoa, tuan])),
            "1. Tran Thi Hoa/BCTT.docx": make(texts.bao_cao_thanh_tich_blocks(cdvc, hoa)),
            "1. Tran Thi Hoa/QD khen thuong.pdf": make(decision, "scan"),
            "2. Do Van Tuan/BCTT.docx": make(texts.bao_cao_thanh_tich_blocks(cdvc, tuan)),
        },
    )
    outcome = send(app, "CDVC", "Hồ sơ khen thưởng", [("Ho so CDVC.zip", bundle)])
    assert not outcome.review
    d = deliverable(state(app, "CDVC"), "quyet_dinh_khen_thuong")
    assert [f["nominee"] for f in d["files"]] == [hoa.name]
    assert d["missing_nominees"] == [tuan.name]


def test_a_scanned_decision_whose_people_are_on_its_attached_list_is_each_listed_nominees(app_factory, make):
    app = app_factory()
    cdvc = UNITS["CDVC"]
    hoa = texts.Nominee("Trần Thị Hoa", "ca_nhan", "Chuyên viên Công đoàn Viên chức tỉnh")
    tuan = texts.Nominee("Đỗ Văn Tuấn", "ca_nhan", "Phó Chủ tịch Công đoàn Viên chức tỉnh")
    others = [
        texts.Nominee("Chi bộ Văn phòng", "tap_the"),
        texts.Nominee("Lưu Đức An", "ca_nhan", "Chuyên viên, Kho bạc Nhà nước tỉnh"),
        texts.Nominee("Vũ Thị Lan Mai", "ca_nhan", "Phó Trưởng phòng, Sở Y tế"),
    ]
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(cdvc, [hoa, tuan]))),
        ("BCTT Tran Thi Hoa.docx", make(texts.bao_cao_thanh_tich_blocks(cdvc, hoa))),
        ("BCTT Do Van Tuan.docx", make(texts.bao_cao_thanh_tich_blocks(cdvc, tuan))),
        # A 150 dpi office scan; page 1 names nobody, page 2 lists both among others.
        (
            "QD khen thuong.pdf",
            make(texts.quyet_dinh_khen_thuong_annex_blocks(cdvc, [*others, hoa, tuan]), "scan150"),
        ),
    ]
    outcome = send(app, "CDVC", "Hồ sơ khen thưởng", files)
    assert not outcome.review
    d = deliverable(state(app, "CDVC"), "quyet_dinh_khen_thuong")
    assert d["status"] == "received" and d["missing_nominees"] == []


def test_the_minutes_of_the_meeting_are_kept_not_counted_and_propose_no_one(app_factory, make):
    app = app_factory()
    minutes = [
        texts.party_header(SYT, "05-BB/ĐU", day=24),
        texts.para("BIÊN BẢN", bold=True, center=True, size=14),
        texts.para("Họp xét đề nghị khen thưởng tập thể, cá nhân tiêu biểu năm 2023 - 2024", bold=True, center=True),
        texts.para("Chủ trì: đồng chí Đàm Quang Khải, Bí thư Đảng ủy. Thư ký: đồng chí Vi Thị Hằng."),
        texts.para("Hội nghị thống nhất đề nghị tặng Giấy khen cho 01 tập thể và 01 cá nhân: Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh và đồng chí Nguyễn Thị Lan."),
    ]  # fmt: skip
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN]))),
        ("BCTT Nguyen Thi Lan.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, LAN))),
        ("Bien ban hop xet.docx", make(minutes)),
    ]
    outcome = send(app, "SYT", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    u = state(app, "SYT")
    assert {name for _, name in nominees(u)} == {KHOA.name.split(",")[0], LAN.name}
    assert all("Bien ban" not in f["filename"] for d in u["deliverables"] for f in d["files"])
    with app.db.session() as s:
        ack = s.query(OutboxMail).filter_by(kind="ack").order_by(OutboxMail.id.desc()).first()
    text = message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "không thuộc thành phần hồ sơ" in text and "Bien ban hop xet.docx" in text


@pytest.mark.parametrize("long", [False, True])
def test_a_scanned_summary_is_measured_from_its_title_to_its_last_line(app_factory, make, long):
    """A scan's letterhead, shadows and specks are not the summary; a long one still is long."""
    app = app_factory()
    send(app, "SYT", "Tờ trình", [("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN])))])
    summary = make(texts.tom_tat_blocks(SYT, LAN, long=long), "scan150")
    send(app, "SYT", "Tóm tắt thành tích", [("scan0001.pdf", summary)])
    d = deliverable(state(app, "SYT"), "tom_tat_thanh_tich")
    assert any(p["code"] == "summary_too_long" for p in d["problems"]) is long


def test_one_file_holding_two_summaries_is_measured_per_summary(app_factory, make):
    app = app_factory()
    # Each summary about a third of a page, the two together two thirds: each within the plan.
    more = [texts.para("- Tích cực tham gia các phong trào thi đua, hoạt động từ thiện, ủng hộ đồng bào vùng lũ và quỹ Vì người nghèo do Mặt trận Tổ quốc tỉnh phát động.", indent=True)] * 4  # fmt: skip
    both = [
        *texts.tom_tat_blocks(SYT, KHOA, long=False),
        *more,
        *texts.tom_tat_blocks(SYT, LAN, long=False)[1:],
        *more,
    ]
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [KHOA, LAN]))),
        ("Tom tat TT + CN.docx", make(both)),
    ]
    send(app, "SYT", "Hồ sơ khen thưởng", files)
    d = deliverable(state(app, "SYT"), "tom_tat_thanh_tich")
    assert not any(p["code"] == "summary_too_long" for p in d["problems"])
    # And it is each one's summary: the collective's and the individual's.
    assert d["status"] == "received" and d["missing_nominees"] == [] and d["pending_nominees"] == []


NGHIEP_VU = texts.Nominee("Chi bộ Phòng Nghiệp vụ Y", "tap_the")


def _clerk_dossier(make) -> list[tuple[str, bytes]]:
    return [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [NGHIEP_VU, LAN]))),
        ("BCTT Phong NVY.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, NGHIEP_VU))),
        ("BCTT Nguyen Thi Lan.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, LAN))),
    ]


def test_a_dossier_from_a_clerks_personal_address_is_read_in_full_and_waits_for_staff(app_factory, make):
    """The unit is not asked for what its clerk sent from Gmail; nothing counts, no nominee
    enters a quota or an export, until staff confirm the sender — then all of it does."""
    from bot.exports.nominees import nominee_rows
    from bot.staff.review import assign_message

    app = app_factory()
    outcome = feed(
        app, "canbo.vanphong.syt@gmail.com", "Hồ sơ khen thưởng Đảng bộ Sở Y tế", _clerk_dossier(make)
    )
    assert outcome.review
    u = state(app, "SYT")
    assert deliverable(u, "to_trinh")["status"] == "needs_review"
    waiting = {n["nominee"]: n for n in u["nominations"]}
    assert set(waiting) == {NGHIEP_VU.name, LAN.name}
    for n in waiting.values():
        assert n["awaiting_sender"] and n["pending"] == ["bao_cao_thanh_tich"] and n["documents"] == []
        assert "bao_cao_thanh_tich" not in n["missing"]  # never asked for again
    with app.db.session() as s:
        assert nominee_rows(s, app.campaign, load_snapshot(s, app.campaign)) == []

    with app.db.session() as s:
        m = s.query(Message).filter_by(sender="canbo.vanphong.syt@gmail.com").one()
        assign_message(s, app.campaign, m.id, "SYT", NOW, "staff")
    u = state(app, "SYT")
    confirmed = {n["nominee"]: n for n in u["nominations"]}
    assert set(confirmed) == {NGHIEP_VU.name, LAN.name}
    for n in confirmed.values():
        assert not n["awaiting_sender"] and n["documents"] == ["bao_cao_thanh_tich"] and n["pending"] == []
    assert deliverable(u, "to_trinh")["status"] == "received"


def test_a_refused_personal_address_mail_leaves_no_nominee_behind(app_factory, make):
    from bot.staff.review import reject_message

    app = app_factory()
    feed(app, "canbo.vanphong.syt@gmail.com", "Hồ sơ khen thưởng Đảng bộ Sở Y tế", _clerk_dossier(make))
    with app.db.session() as s:
        m = s.query(Message).filter_by(sender="canbo.vanphong.syt@gmail.com").one()
        reject_message(s, m.id, "không phải thư của đơn vị", NOW, "staff")
    assert state(app, "SYT")["nominations"] == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_another_report_sent_under_a_dossier_files_name_is_not_counted_and_the_unit_is_told(
    app_factory, make, fmt
):
    app = app_factory()
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN]))),
        (f"BCTT Nguyen Thi Lan.{fmt}", make(cases.work_report(SYT), fmt)),
        ("Tom tat Nguyen Thi Lan.docx", make(texts.tom_tat_blocks(SYT, LAN, long=False))),
    ]
    outcome = send(app, "SYT", "Hồ sơ khen thưởng", files)
    assert not outcome.review  # nothing for staff: the unit sends the right file
    u = state(app, "SYT")
    [n] = u["nominations"]
    assert "bao_cao_thanh_tich" in n["missing"] and "tom_tat_thanh_tich" in n["documents"]
    with app.db.session() as s:
        ack = s.query(OutboxMail).filter_by(kind="ack").order_by(OutboxMail.id.desc()).first()
    text = message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    flat = " ".join(text.split())
    assert (
        f"Tệp “BCTT Nguyen Thi Lan.{fmt}” có tiêu đề “BÁO CÁO Công tác dân vận năm 2023”, "
        "không phải Báo cáo thành tích như tên tệp" in flat
    )
    assert "cán bộ sẽ kiểm tra" not in flat


def test_an_achievement_report_titled_otherwise_that_names_its_nominee_still_counts(app_factory, make):
    # No "báo cáo thành tích" in its words, but it is about the nominee its name names.
    app = app_factory()
    blocks = [
        dataclasses.replace(b, text="BÁO CÁO")
        if isinstance(b, Para) and b.text == "BÁO CÁO THÀNH TÍCH"
        else b
        for b in texts.bao_cao_thanh_tich_blocks(SYT, LAN)
    ]
    outcome = send(app, "SYT", "Hồ sơ", [("BCTT Nguyen Thi Lan.docx", make(blocks))])
    assert not outcome.review
    [n] = state(app, "SYT")["nominations"]
    assert n["documents"] == ["bao_cao_thanh_tich"]


@pytest.mark.parametrize("fmt", ["scan-sideways", "scan-upside-down"])
def test_a_page_fed_sideways_or_upside_down_is_read_upright(app_factory, make, fmt):
    app = app_factory()
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN]))),
        ("scan0001.pdf", make(texts.quyet_dinh_khen_thuong_blocks(SYT, LAN), fmt)),
    ]
    outcome = send(app, "SYT", "Hồ sơ", files)
    assert not outcome.review
    [n] = state(app, "SYT")["nominations"]
    assert n["documents"] == ["quyet_dinh_khen_thuong"]


def test_a_signed_scan_pasted_into_word_is_read(app_factory, make):
    app = app_factory()
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN]))),
        ("QĐ xếp loại ĐV.docx", make(texts.quyet_dinh_xep_loai_blocks(SYT, LAN), "docx-picture")),
    ]
    outcome = send(app, "SYT", "Hồ sơ", files)
    assert not outcome.review
    [n] = state(app, "SYT")["nominations"]
    assert n["documents"] == ["quyet_dinh_xep_loai"]


def test_a_kl01_reports_appendix_is_not_told_it_lacks_the_outlines_sections(app_factory, make):
    app = app_factory()
    appendix = [
        texts.para("PHỤ LỤC", bold=True, center=True),
        texts.para("Số liệu kết quả thực hiện Kết luận số 01-KL/TW năm 2023 - 2024", bold=True, center=True),
        texts.para("(Kèm theo Báo cáo của Đảng ủy Sở Y tế)", italic=True, center=True),
        texts.para("Đảng viên học tập chuyên đề năm 2023: 142 (100%).", indent=True),
    ]
    files = [("Bao cao KL01.docx", make(texts.kl01_blocks(SYT))), ("Phu luc so lieu.docx", make(appendix))]
    send(app, "SYT", "Báo cáo KL01", files)
    u = state(app, "SYT")
    assert deliverable(u, "bao_cao_kl01")["status"] == "received"
    assert not any(p["code"] == "outline_section_missing" for p in u["problems"])
    assert not any(p["code"] == "outline_section_missing" for p in deliverable(u, "bao_cao_kl01")["problems"])


def test_a_late_whole_dossier_resend_of_files_sent_in_time_makes_nothing_late(app_factory, make):
    app = app_factory()
    dossier = [
        ("To trinh.docx", make(texts.to_trinh_blocks(SYT, [LAN]))),
        ("BCTT Nguyen Thi Lan.docx", make(texts.bao_cao_thanh_tich_blocks(SYT, LAN))),
    ]
    send(app, "SYT", "Hồ sơ khen thưởng", dossier, when=ON_TIME)
    send(app, "SYT", "Gửi lại toàn bộ hồ sơ (bản có chữ ký)", dossier[::-1], when=LATE)
    u = state(app, "SYT")
    for type_ in ("to_trinh", "bao_cao_thanh_tich"):
        d = deliverable(u, type_)
        [f] = d["files"]
        assert d["late"] is False and f["received_at"] == LATE.isoformat()
        assert f["delivered_at"] == ON_TIME.isoformat()


def test_the_blocs_award_decision_listing_other_units_comrades_is_the_collectives(app_factory, make):
    # A chi bộ proposing one collective scans the bloc's decision: its table lists the
    # collective among other units' collectives and comrades; the file is named by its
    # scan time.  The one comrade the text names first is another unit's: no hint.
    app = app_factory()
    centre = texts.Nominee("Chi bộ Trung tâm Trợ giúp pháp lý nhà nước tỉnh", "tap_the")
    rows = [
        (centre.name, "Đảng bộ Sở Tư pháp"),
        ("Chi bộ Phòng Kế hoạch - Tài chính", "Đảng bộ Sở Công Thương"),
        ("Chi bộ Trung tâm Kiểm soát bệnh tật", "Đảng bộ Sở Y tế"),
        ("Đồng chí Nguyễn Đăng Khoa", "Đảng bộ Sở Nội vụ"),
    ]
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(STP, [centre]))),
        ("BCTT tap the.docx", make(texts.bao_cao_thanh_tich_blocks(STP, centre))),
        ("20240227_0915.pdf", make(cases.bloc_award_decision(rows), "scan")),
    ]
    outcome = send(app, "STP", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    u = state(app, "STP")
    assert nominees(u) == {("tap_the", centre.name)}
    d = deliverable(u, "quyet_dinh_khen_thuong")
    assert d["status"] == "received" and d["missing_nominees"] == []


def test_a_phone_photo_bound_at_72_dpi_is_read_at_its_own_pixels(app_factory, make):
    # The phone writes 72 dpi, so the PDF's page is 23 inches tall: read at its own
    # pixels (tests/documents/test_scan_resolution.py), the decision names the collective
    # and the person of the unit.
    app = app_factory()
    centre = texts.Nominee("Chi bộ Trung tâm Trợ giúp pháp lý nhà nước", "tap_the")
    person = texts.Nominee("Hà Văn Luyện", "ca_nhan", "Phó Giám đốc Trung tâm")
    rows = [
        (centre.name, "Đảng bộ Sở Tư pháp"),
        ("Đồng chí Hà Văn Luyện", "Đảng bộ Sở Tư pháp"),
        ("Đồng chí Nguyễn Đăng Khoa", "Đảng bộ Sở Nội vụ"),
        ("Đồng chí Trần Thị Mơ", "Chi bộ Sở Ngoại vụ"),
    ]
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(STP, [centre, person]))),
        ("QD khen thuong.pdf", make(cases.bloc_award_decision(rows), "photo-pdf")),
    ]
    outcome = send(app, "STP", "Hồ sơ đề nghị khen thưởng", files)
    assert not outcome.review
    d = deliverable(state(app, "STP"), "quyet_dinh_khen_thuong")
    assert d["status"] == "received" and d["missing_nominees"] == []


def test_a_cell_whose_name_holds_khen_thuong_sends_its_member_rating_not_an_award(app_factory, make):
    # The letterhead of "Chi bộ Ban Thi đua - Khen thưởng tỉnh" wraps its name; the file
    # says only "QD XL".  Its words are the issuer's, not the document's.
    app = app_factory()
    board = dataclasses.replace(STP, name="Chi bộ Ban Thi đua - Khen thưởng tỉnh")
    person = texts.Nominee("Tô Minh Đức", "ca_nhan", "Phó Trưởng phòng Nghiệp vụ thi đua")
    # A narrow letterhead: each line of the issuer's name wraps as the scan shows it.
    wrapped = header(
        [
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN",
            "TỈNH",
            "CHI BỘ BAN THI ĐUA - KHEN",
            "THƯỞNG TỈNH",
            "*",
            "Số: 189-QĐ/CB",
        ],
        ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 26 tháng 01 năm 2024"],
    )
    rating = [wrapped, *texts.quyet_dinh_xep_loai_blocks(board, person)[1:]]
    files = [
        ("To trinh.docx", make(texts.to_trinh_blocks(board, [person]))),
        ("QD XL.pdf", make(rating, "scan")),
    ]
    outcome = send(app, "STP", "Hồ sơ khen thưởng", files)
    assert not outcome.review
    u = state(app, "STP")
    assert deliverable(u, "quyet_dinh_xep_loai")["status"] == "received"
    assert deliverable(u, "quyet_dinh_khen_thuong")["status"] == "missing"
