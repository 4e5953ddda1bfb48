"""Deadline extensions: due dates move, late flags follow, earlier dates are refused."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.store.models import AuditLog, Extension, Submission


def _unit(cli, code):
    return next(u for u in json.loads(cli("status", "--json").output)["units"] if u["code"] == code)


def test_extension_moves_due_dates_and_clears_late_flags(cli, seeded_app):
    app, seeded = seeded_app
    snv = _unit(cli, "SNV")
    assert all(d["late"] for d in snv["deliverables"] if d["status"] == "received")
    sid = seeded.submissions["snv:To trinh.docx"]

    out = cli("deadline", "extend", "--unit", "SNV", "--until", "2024-03-01", "--by", "hoa.btg").output
    assert "SNV: all of ho_so_khen_thuong extended to 01/03/2024" in out
    # The report deadline (15/03) is later than the new date and must not move.
    assert "bao_cao_kl01" not in out

    snv = _unit(cli, "SNV")
    by_type = {d["type"]: d for d in snv["deliverables"]}
    assert by_type["to_trinh"]["deadline"].startswith("2024-03-01T23:59:59")
    assert by_type["to_trinh"]["late"] is False
    assert by_type["bao_cao_kl01"]["deadline"].startswith("2024-03-15")
    with app.db.session() as s:
        assert s.get(Submission, sid).late is False
        (entry,) = s.scalars(select(AuditLog).where(AuditLog.action == "deadline_extend")).all()
        assert entry.actor == "hoa.btg" and entry.entity_id == "SNV"
        assert entry.detail["late_flags_changed"] == 2


def test_extension_for_one_type_and_changing_it(cli, seeded_app):
    app, seeded = seeded_app
    cli("deadline", "extend", "--unit", "SNV", "--type", "to_trinh", "--until", "29/02/2024")
    snv = {d["type"]: d for d in _unit(cli, "SNV")["deliverables"]}
    assert snv["to_trinh"]["late"] is False and snv["bao_cao_thanh_tich"]["late"] is True
    assert snv["to_trinh"]["deadline"].startswith("2024-02-29")
    # A second decision changes the same extension rather than adding a rival row.
    cli("deadline", "extend", "--unit", "SNV", "--type", "to_trinh", "--until", "2024-03-02")
    with app.db.session() as s:
        rows = s.scalars(select(Extension)).all()
        assert [(e.deliverable, e.until.isoformat()) for e in rows] == [("to_trinh", "2024-03-02")]


def test_extension_never_shortens_a_deadline(cli):
    r = cli(
        "deadline", "extend", "--unit", "SNV", "--type", "bao_cao_kl01", "--until", "2024-03-01", ok=False
    )
    assert r.exit_code == 1 and "before the plan's deadline" in r.output
    r = cli("deadline", "extend", "--unit", "SNV", "--until", "2024-02-01", ok=False)
    assert r.exit_code == 1
    r = cli("deadline", "extend", "--unit", "XX", "--until", "2024-03-01", ok=False)
    assert "no unit with code XX" in r.output
