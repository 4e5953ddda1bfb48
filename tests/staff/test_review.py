"""The review queue on the command line: list, show, assign (with the sender's address), reject."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.store.models import AuditLog, Message, Nomination, Submission, Unit, UnitAddress


def _audit(app, action):
    with app.db.session() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)))


def test_list_and_show(cli, seeded_app):
    app, seeded = seeded_app
    out = cli("review", "list", "--json").output
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [seeded.messages["stc"], seeded.messages["unknown"]]
    assert rows[0]["reason"] == "unverified_sender" and rows[0]["suggested_unit"] == "STC"

    shown = cli("review", "show", str(seeded.messages["stc"])).output
    assert "nguyenthu.stc@gmail.com" in shown
    assert "Gửi hồ sơ khen thưởng Sở Tài chính" in shown
    assert "Địa chỉ gửi chưa đăng ký với đơn vị" in shown
    assert "signature names Đảng bộ Sở Tài chính" in shown
    assert "To trinh STC.docx" in shown and '"deliverable": "to_trinh"' in shown


def test_assign_unverified_sender_counts_files_and_registers_address(cli, seeded_app):
    app, seeded = seeded_app
    mid = seeded.messages["stc"]
    old_id = seeded.submissions["stc:To trinh STC.docx"]
    out = cli("review", "assign", str(mid), "--unit", "STC", "--add-address", "--by", "hoa.btg").output
    assert "address added to STC" in out

    with app.db.session() as s:
        m = s.get(Message, mid)
        assert not m.needs_review
        stc = s.scalars(select(Unit).where(Unit.code == "STC")).one()
        assert m.unit_id == stc.id
        old = s.get(Submission, old_id)
        current = s.scalars(
            select(Submission).where(Submission.superseded_by_id.is_(None), Submission.message_id == mid)
        ).one()
        assert old.superseded_by_id == current.id
        assert (current.status, current.deliverable, current.unit_id) == ("received", "to_trinh", stc.id)
        assert (
            s.scalars(select(UnitAddress).where(UnitAddress.email == "nguyenthu.stc@gmail.com")).one().unit_id
            == stc.id
        )

    (entry,) = _audit(app, "review_assign")
    assert entry.actor == "hoa.btg" and entry.entity_id == str(mid)
    assert entry.detail["unit"] == "STC" and entry.detail["previous_reason"] == "unverified_sender"
    assert entry.at.isoformat().startswith("2024-02-28T03:00")  # --now, in UTC
    assert _audit(app, "unit_add_address")[0].actor == "hoa.btg"

    status = json.loads(cli("status", "--json").output)
    stc_state = next(u for u in status["units"] if u["code"] == "STC")
    assert next(d for d in stc_state["deliverables"] if d["type"] == "to_trinh")["status"] == "received"
    assert [r["from"] for r in status["review_queue"]] == ["abc123@yahoo.com"]


def test_assign_without_add_address_suggests_it(cli, seeded_app):
    _, seeded = seeded_app
    out = cli("review", "assign", str(seeded.messages["stc"]), "--unit", "STC").output
    assert "units add-address STC nguyenthu.stc@gmail.com" in out


def test_assign_unknown_unit_creates_the_nomination(cli, seeded_app):
    app, seeded = seeded_app
    mid = seeded.messages["unknown"]
    cli("review", "assign", str(mid), "--unit", "STC", "--type", "tom_tat_thanh_tich", "--by", "lan")
    with app.db.session() as s:
        n = s.scalars(select(Nomination).where(Nomination.name == "Lê Thị Thu")).one()
        assert n.kind == "ca_nhan"
        sub = s.scalars(select(Submission).where(Submission.message_id == mid)).one()
        assert (sub.nomination_id, sub.status, sub.deliverable) == (n.id, "received", "tom_tat_thanh_tich")


def test_assign_per_nominee_file_needs_a_nominee(cli, seeded_app):
    app, seeded = seeded_app
    # SYT has two nominees; a report with no name cannot be placed without staff saying whose.
    result = cli(
        "review",
        "assign",
        str(seeded.messages["unknown"]),
        "--unit",
        "SYT",
        "--type",
        "quyet_dinh_khen_thuong",
        "--nominee",
        "Trần Thị Bình",
        ok=False,
    )
    assert result.exit_code == 1 and "--kind" in result.output
    with app.db.session() as s:
        assert s.get(Message, seeded.messages["unknown"]).needs_review  # nothing changed
    cli(
        "review",
        "assign",
        str(seeded.messages["unknown"]),
        "--unit",
        "SYT",
        "--type",
        "quyet_dinh_khen_thuong",
        "--nominee",
        "Nguyễn Văn An",
    )
    with app.db.session() as s:
        sub = s.scalars(select(Submission).where(Submission.message_id == seeded.messages["unknown"])).one()
        assert sub.nomination_id == seeded.nominations["Nguyễn Văn An"]
        # the unit's earlier decision file for the same nominee (an older mail) is now history
        older = s.get(Submission, seeded.submissions["syt:QĐ khen thưởng 2022.docx"])
        assert older.superseded_by_id == sub.id


def test_reject(cli, seeded_app):
    app, seeded = seeded_app
    mid = seeded.messages["stc"]
    out = cli("review", "reject", str(mid), "--reason", "Thư rác, không phải hồ sơ", "--by", "lan").output
    assert "rejected (1 file(s))" in out
    with app.db.session() as s:
        assert not s.get(Message, mid).needs_review
        sub = s.get(Submission, seeded.submissions["stc:To trinh STC.docx"])
        assert (sub.status, sub.verdict, sub.verdict_comment) == (
            "rejected",
            "rejected",
            "Thư rác, không phải hồ sơ",
        )
    (entry,) = _audit(app, "review_reject")
    assert entry.actor == "lan" and entry.detail["reason"] == "Thư rác, không phải hồ sơ"
    assert [r["id"] for r in json.loads(cli("review", "list", "--json").output)] == [
        seeded.messages["unknown"]
    ]


def test_unknown_ids_fail_cleanly(cli):
    r = cli("review", "assign", "9999", "--unit", "STC", ok=False)
    assert r.exit_code == 1 and "no message with id 9999" in r.output
    r = cli("review", "assign", "1", "--unit", "NOPE", ok=False)
    assert r.exit_code == 1 and "no unit with code NOPE" in r.output
