"""Staff corrections through the command line (the dashboard calls the same services):
moving a file, nominees renamed, merged, withdrawn and restored, a file refused, a request
for more time decided; what the tracking state, reminders and the audit log then say."""

from __future__ import annotations

import datetime as dt

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from bot.campaign.planning import missing_items
from bot.reporting.auditlog import audit_sentence
from bot.reporting.snapshot import load_unit_state
from bot.store.models import AuditLog, Extension, Message, Nomination, OutboxMail, Submission, Unit
from tests.seeding import TZ, F, add_message, unit
from tests.staff.conftest import NOW


def _state(app, code):
    with app.db.session() as s:
        return load_unit_state(s, app.campaign, unit(s, code))


def _sentences(app) -> list[str]:
    with app.db.session() as s:
        units = dict(s.execute(select(Unit.code, Unit.name)).all())
        return [
            audit_sentence(a.action, a.entity_id, a.detail, app.campaign, units)
            for a in s.scalars(select(AuditLog).order_by(AuditLog.id))
        ]


def test_moving_a_file_out_of_a_slot_lets_what_it_replaced_count_again(cli, seeded_app):
    app, seeded = seeded_app
    khoa = seeded.nominations["Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh"]
    an = seeded.nominations["Nguyễn Văn An"]
    # A later mail's file read as An's report, when it is the collective's.
    with app.db.session() as s:
        add_message(
            s,
            app,
            "SYT",
            [F("BCTT moi.docx", "bao_cao_thanh_tich", ("ca_nhan", "Nguyễn Văn An"))],
            dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ),
        )
        wrong = s.scalars(select(Submission.id).order_by(Submission.id.desc())).first()
        old = seeded.submissions["syt:BCTT Nguyễn Văn An.docx"]
        assert s.get(Submission, old).superseded_by_id == wrong
    out = cli("files", "move", str(wrong), "--nominee-id", str(khoa)).output
    assert "SYT bao_cao_thanh_tich / Khoa Hồi sức cấp cứu" in out
    with app.db.session() as s:
        assert s.get(Submission, old).superseded_by_id is None  # An's own report counts again
        assert s.get(Submission, wrong).superseded_by_id is not None
    st = _state(app, "SYT")
    docs = {n.nomination.id: n.documents for n in st.nominations}
    assert "bao_cao_thanh_tich" in docs[an] and "bao_cao_thanh_tich" in docs[khoa]
    assert any("Chuyển tệp “BCTT moi.docx”" in t for t in _sentences(app))
    # Nothing to change is said so; a wrong kind is refused.
    assert (
        "không có gì thay đổi"
        not in cli("files", "move", str(wrong), "--nominee-id", str(khoa), ok=False).output
    )
    assert cli("files", "move", str(wrong), "--nominee-id", str(khoa), ok=False).exit_code == 1


def test_nominees_rename_merge_withdraw_restore_on_the_command_line(cli, seeded_app, tmp_path):
    app, seeded = seeded_app
    an = seeded.nominations["Nguyễn Văn An"]
    listed = cli("nominees", "list", "--unit", "SYT").output
    assert f"{an}\tcá nhân\tNguyễn Văn An" in listed
    assert "nominee" in cli("nominees", "rename", str(an), "Nguyễn Văn Ân").output
    with app.db.session() as s:
        dup = add_message(
            s,
            app,
            "SYT",
            [F("QD.docx", "quyet_dinh_khen_thuong", ("ca_nhan", "Ng. V. Ân"))],
            dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ),
        )
        dup_id = s.scalars(select(Nomination.id).where(Nomination.name == "Ng. V. Ân")).one()
        assert dup.id
    # Renaming into another nominee's name is refused: that is a merge.
    clash = cli("nominees", "rename", str(dup_id), "Nguyễn Văn Ân", ok=False)
    assert clash.exit_code == 1 and "same unit" in clash.output
    assert "1 file(s) moved" in cli("nominees", "merge", str(dup_id), "--into", str(an)).output
    st = _state(app, "SYT")
    ân = next(n for n in st.nominations if n.nomination.id == an)
    assert "quyet_dinh_khen_thuong" in ân.documents
    assert all(n.nomination.id != dup_id for n in st.nominations)
    khoa = seeded.nominations["Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh"]
    cli("nominees", "withdraw", str(khoa), "--reason", "Đơn vị rút tên")
    owed = [n.name for i in missing_items(app.campaign, _state(app, "SYT")) for n in i.nominees]
    assert not any(name.startswith("Khoa") for name in owed)
    # The exports read the same state: the list handed on and the workbook follow.
    path = tmp_path / "ds.docx"
    cli("export", "nominees", "--docx", str(path))
    cells = " ".join(c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "Khoa Hồi sức" not in cells and "Nguyễn Văn Ân" in cells
    book = tmp_path / "m.xlsx"
    cli("export", "matrix", "--xlsx", str(book))
    sheet = load_workbook(book)["Hồ sơ đề nghị khen thưởng"]
    header = [c.value for c in sheet[1]]
    syt = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "SYT")
    assert syt[header.index("Tập thể đề nghị")].value in (None, "")
    cli("nominees", "restore", str(khoa))
    assert any(n.nomination.id == khoa for n in _state(app, "SYT").nominations)
    said = _sentences(app)
    assert any("Đổi tên “Nguyễn Văn An” thành cá nhân “Nguyễn Văn Ân”" in t for t in said)
    assert any("Gộp “Ng. V. Ân” vào “Nguyễn Văn Ân”" in t for t in said)
    assert any(t.startswith("Rút “Khoa Hồi sức") and "Đơn vị rút tên" in t for t in said)


def test_refuse_one_file_and_decide_a_request_for_time(cli, seeded_app):
    app, seeded = seeded_app
    mid = seeded.messages["unknown"]
    with app.db.session() as s:
        aid = s.scalars(select(Submission.attachment_id).where(Submission.message_id == mid)).first()
        aid = aid or s.get(Message, mid).attachments[0].id
    out = cli("review", "reject-file", str(mid), str(aid), "--reason", "Không phải hồ sơ").output
    assert "decided" in out
    with app.db.session() as s:
        assert s.get(Message, mid).needs_review is False
        m = add_message(
            s,
            app,
            "STC",
            [],
            dt.datetime(2024, 2, 26, 11, 0, tzinfo=TZ),
            category="time_request",
            review_reason="time_request",
        )
        tid = m.id
    assert cli("review", "time", str(tid), ok=False).exit_code == 1  # --until or --keep
    out = cli("review", "time", str(tid), "--until", "05/03/2024").output
    assert "extended to 05/03/2024; the unit is told" in out
    with app.db.session() as s:
        ext = s.scalars(select(Extension)).one()
        assert ext.until == dt.date(2024, 3, 5) and ext.deadline_id == "ho_so_khen_thuong"
        assert s.scalars(select(OutboxMail).where(OutboxMail.idempotency_key == f"time:{tid}")).one()
    again = cli("review", "time", str(tid), "--keep", ok=False)
    assert again.exit_code == 1 and "decided already" in again.output
    assert _state(app, "STC").deliverable("to_trinh").due.date() == dt.date(2024, 3, 5)
    assert NOW.date() < dt.date(2024, 3, 5)
