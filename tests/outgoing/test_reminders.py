"""Reminder planning (pure) and the remind → flush path against the real SMTP sink."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.app import build_app
from bot.campaign.model import load_campaign
from bot.campaign.planning import plan_reminders, shift_moment
from bot.campaign.tracking import NominationView, SubmissionView, unit_state
from bot.campaign.units import UnitInfo
from bot.outgoing.reminders import remind
from bot.outgoing.sender import flush_outbox
from bot.store.models import Extension, OutboxMail, Unit
from tests.conftest import REPO
from tests.outgoing.conftest import at
from tests.seeding import F, full_dossier, record_mail

CAMPAIGN = load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")
DL = "ho_so_khen_thuong"


def _state(code="STP", kind="chi_bo_co_so", subs=(), noms=(), ext=None):
    unit = UnitInfo(code, f"Chi bộ {code}", kind, (f"{code.lower()}@thainguyen.gov.vn",), "Bùi Văn Hùng")
    return unit_state(CAMPAIGN, unit, list(subs), list(noms), ext or {})


def _sub(i, deliverable, nomination_id=None, status="received"):
    return SubmissionView(i, deliverable, nomination_id, status, at(20), f"f{i}.pdf", f"{i:064x}")


def _keys(plans):
    return sorted(p.key for p in plans)


# -- pure planning ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(21, 7, 59), []),
        (at(21, 8), ["reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28:7"]),
        (at(25, 8), ["reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28:3"]),
        (at(27, 8), ["reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28:1"]),
        (at(28, 23, 0), ["reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28:1"]),
        (at(29, 7, 59), []),  # deadline passed, overdue not yet due: a reminder now would be wrong
        (at(29, 8), ["overdue:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28"]),
    ],
)
def test_steps_at_each_offset(now, expected):
    assert _keys(plan_reminders(CAMPAIGN, [_state()], now, set())) == expected


def test_catch_up_sends_only_the_latest_step_once():
    # Down from before the first reminder until the day before the deadline.
    plans = plan_reminders(CAMPAIGN, [_state()], at(27, 15), set())
    assert [(p.kind, p.offset) for p in plans] == [("reminder", 1)]
    # Already sent: nothing, and never the older steps.
    assert plan_reminders(CAMPAIGN, [_state()], at(27, 16), {plans[0].key}) == []


def test_late_overdue_is_sent_once_and_replaces_reminders():
    later = dt.datetime(2024, 4, 1, 9, tzinfo=at(1).tzinfo)
    plans = plan_reminders(CAMPAIGN, [_state()], later, set())
    assert _keys(plans) == [
        "overdue:120-KH-DUK-2024:STP:bao_cao_kl01@2024-03-15",
        "overdue:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-02-28",
    ]
    assert plan_reminders(CAMPAIGN, [_state()], later, {p.key for p in plans}) == []


def test_complete_unit_gets_nothing_for_that_deadline():
    noms = [NominationView(1, "ca_nhan", "Bùi Văn Hùng")]
    subs = [_sub(1, "to_trinh")] + [
        _sub(i, d, 1)
        for i, d in enumerate(
            ["bao_cao_thanh_tich", "tom_tat_thanh_tich", "quyet_dinh_khen_thuong", "quyet_dinh_xep_loai"], 2
        )
    ]
    st = _state(subs=subs, noms=noms)
    assert plan_reminders(CAMPAIGN, [st], at(27, 8), set()) == []
    # ... but the KL01 report is still owed at its own deadline.
    assert _keys(plan_reminders(CAMPAIGN, [st], at(14, 8, month=3), set())) == [
        "reminder:120-KH-DUK-2024:STP:bao_cao_kl01@2024-03-15:1"
    ]


def test_lists_exactly_what_is_missing_per_nominee():
    noms = [
        NominationView(1, "tap_the", "Phòng Hành chính tư pháp"),
        NominationView(2, "ca_nhan", "Ngô Thị Hà"),
    ]
    subs = [_sub(1, "to_trinh"), _sub(2, "bao_cao_thanh_tich", 1), _sub(3, "bao_cao_thanh_tich", 2)]
    [plan] = plan_reminders(CAMPAIGN, [_state(kind="dang_bo_co_so", subs=subs, noms=noms)], at(25, 8), set())
    missing = [(m.type, m.name, [n.name for n in m.nominees]) for m in plan.missing]
    assert missing == [
        ("tom_tat_thanh_tich", "Bản tóm tắt thành tích", ["Phòng Hành chính tư pháp", "Ngô Thị Hà"]),
        (
            "quyet_dinh_khen_thuong",
            "Bản sao quyết định khen thưởng",
            ["Phòng Hành chính tư pháp", "Ngô Thị Hà"],
        ),
        # Each kind under its own name: the collective's is its party organisation's rating.
        (
            "quyet_dinh_xep_loai",
            "Quyết định xếp loại chất lượng tổ chức đảng năm 2023",
            ["Phòng Hành chính tư pháp"],
        ),
        ("quyet_dinh_xep_loai", "Quyết định xếp loại chất lượng đảng viên năm 2023", ["Ngô Thị Hà"]),
    ]


def test_file_waiting_for_review_is_not_reminded():
    [plan] = plan_reminders(
        CAMPAIGN, [_state(subs=[_sub(1, "to_trinh", status="needs_review")])], at(25, 8), set()
    )
    assert "to_trinh" not in [m.type for m in plan.missing]


def test_extension_moves_the_steps():
    st = _state(ext={(None, DL): dt.date(2024, 3, 5)})
    assert _keys(plan_reminders(CAMPAIGN, [st], at(27, 8), set())) == [
        "reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-03-05:7"
    ]
    assert _keys(plan_reminders(CAMPAIGN, [st], at(29, 8), set())) == [
        "reminder:120-KH-DUK-2024:STP:ho_so_khen_thuong@2024-03-05:7"
    ]


def test_weekends_and_holidays_move_reminders_to_the_previous_working_day():
    # 25/02/2024 is a Sunday: with weekends skipped the 3-day reminder goes out on Friday 23/02.
    assert [p.offset for p in plan_reminders(CAMPAIGN, [_state()], at(24, 9), set())] == [7]
    assert [p.offset for p in plan_reminders(CAMPAIGN, [_state()], at(24, 9), set(), skip_weekends=True)] == [
        3
    ]
    # A holiday on Tuesday 27/02 moves the 1-day reminder to Monday 26/02.
    plans = plan_reminders(CAMPAIGN, [_state()], at(26, 8), set(), holidays={dt.date(2024, 2, 27)})
    assert [p.offset for p in plans] == [1]
    assert shift_moment(at(2, 8, month=3), -1, skip_weekends=True) == at(4, 8, month=3)  # Sat → Mon


def test_vietnamese_public_holidays():
    from bot.outgoing.reminders import vn_holidays

    hol = vn_holidays({2024})
    assert dt.date(2024, 9, 2) in hol  # Quốc khánh
    assert shift_moment(dt.datetime(2024, 9, 2, 8, tzinfo=at(1).tzinfo), 3, holidays=hol).date() < dt.date(
        2024, 9, 2
    )


# -- against the database and the real SMTP sink --------------------------------------


def _sent(sink, kind=None):
    return [m for m in sink.messages if kind is None or m.message["X-Intake-Kind"] == kind]


@pytest.mark.smtp
@pytest.mark.parametrize(("now", "offset"), [(at(21, 8), 7), (at(25, 8), 3), (at(27, 8), 1)])
def test_reminder_recipients_and_content(app, smtp_sink, cli, now, offset):
    record_mail(
        app,
        "SYT",
        [F("To trinh.pdf", "to_trinh"), F("BCTT.docx", "bao_cao_thanh_tich", ("ca_nhan", "Trần Đức Lượng"))],
        at(20, 9),
        ack=False,
    )
    record_mail(app, "STP", full_dossier(), at(20, 10), ack=False)
    cfg = app.settings.source
    r = CliRunner().invoke(cli, ["--config", cfg, "--now", now.isoformat(), "remind"])
    assert r.exit_code == 0, r.output
    assert "14 reminder(s) queued" in r.output  # 15 units, one complete for this deadline
    r = CliRunner().invoke(cli, ["--config", cfg, "--now", now.isoformat(), "outbox", "flush"])
    assert r.exit_code == 0, r.output
    mails = _sent(smtp_sink, "reminder")
    assert len(mails) == 14
    assert all(m.message["X-Intake-Unit"] != "STP" for m in mails)
    syt = next(m for m in mails if m.message["X-Intake-Unit"] == "SYT")
    assert syt.rcpt_tos == ["dangbo.syt@thainguyen.gov.vn", "vanphong.syt@thainguyen.gov.vn"]
    assert syt.message["X-Intake-Missing"] == "tom_tat_thanh_tich,quyet_dinh_khen_thuong,quyet_dinh_xep_loai"
    assert syt.message["Auto-Submitted"] == "auto-generated"
    assert "28/02/2024" in syt.message["Subject"]
    text = syt.message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert f"còn {offset} ngày" in text
    owed = text.split("Ban chưa nhận được:")[1].split("Yêu cầu đối với hồ sơ")[0]
    assert [line.strip() for line in owed.strip().splitlines()] == [
        "- Bản tóm tắt thành tích: còn thiếu của cá nhân Trần Đức Lượng",
        "- Bản sao quyết định khen thưởng: còn thiếu của cá nhân Trần Đức Lượng",
        "- Quyết định xếp loại chất lượng đảng viên năm 2023: còn thiếu của cá nhân Trần Đức Lượng",
    ]
    # Again at the same moment, and after a "restart" (a fresh App on the same database): nothing new.
    r = CliRunner().invoke(cli, ["--config", cfg, "--now", now.isoformat(), "remind"])
    assert "0 reminder(s) queued" in r.output
    restarted = build_app(cfg)
    try:
        assert remind(restarted, now) == []
    finally:
        restarted.db.dispose()
    flush_outbox(app, now + dt.timedelta(minutes=5))
    assert len(_sent(smtp_sink, "reminder")) == 14


@pytest.mark.smtp
def test_overdue_notice_the_day_after(app, smtp_sink):
    record_mail(app, "STP", full_dossier(), at(20, 10), ack=False)
    queued = remind(app, at(29, 8))
    assert {p.kind for p in queued} == {"overdue"} and len(queued) == 14
    flush_outbox(app, at(29, 8, 1))
    m = next(m.message for m in _sent(smtp_sink) if m.message["X-Intake-Unit"] == "SNV")
    assert m["X-Intake-Kind"] == "overdue"
    assert m["Subject"].startswith("Thông báo quá hạn gửi Hồ sơ đề nghị khen thưởng")
    text = m.get_body(("plain",)).get_content()
    assert "là hết ngày 28/02/2024" in text and "08:00 ngày 29/02/2024" in text
    assert "Tờ trình đề nghị khen thưởng" in text
    assert remind(app, at(1, 8, month=3)) == []  # never twice


@pytest.mark.smtp
def test_catch_up_after_downtime_sends_one_not_three(app, smtp_sink):
    queued = remind(app, at(27, 13))
    assert len(queued) == 15 and {p.offset for p in queued} == {1}
    flush_outbox(app, at(27, 13, 1))
    syt = [m for m in _sent(smtp_sink) if m.message["X-Intake-Unit"] == "SYT"]
    assert len(syt) == 1


@pytest.mark.smtp
def test_extension_in_database(app, smtp_sink):
    with app.db.session() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "SYT")).one()
        s.add(
            Extension(
                campaign=app.campaign.id,
                unit_id=unit.id,
                deliverable=None,
                deadline_id=DL,
                until=dt.date(2024, 3, 5),
                created_at=at(20),
                created_by="test",
            )
        )
    keys = {p.key for p in remind(app, at(29, 8)) if p.unit_code == "SYT"}
    assert keys == {"reminder:120-KH-DUK-2024:SYT:ho_so_khen_thuong@2024-03-05:7"}


@pytest.mark.smtp
def test_dry_run_queues_nothing(app, cli):
    r = CliRunner().invoke(
        cli, ["--config", app.settings.source, "--now", at(25, 8).isoformat(), "remind", "--dry-run"]
    )
    assert r.exit_code == 0, r.output
    assert "15 reminder(s) due" in r.output and "would queue reminder SYT" in r.output
    with app.db.session() as s:
        assert s.scalars(select(OutboxMail)).all() == []


@pytest.mark.smtp
def test_two_processes_remind_and_flush_at_once(app, smtp_sink):
    """Two independent Apps (engines) on one database, racing: every reminder exactly once."""
    cfg = app.settings.source
    apps = [build_app(cfg) for _ in range(3)]
    barrier = threading.Barrier(len(apps))
    errors = []

    def work(a):
        try:
            barrier.wait()
            remind(a, at(25, 8))
            flush_outbox(a, at(25, 8, 1), limit=5)
            flush_outbox(a, at(25, 8, 2))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            a.db.dispose()

    threads = [threading.Thread(target=work, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    units = [m.message["X-Intake-Unit"] for m in _sent(smtp_sink, "reminder")]
    assert len(units) == 15 and len(set(units)) == 15
    ids = [m.message["Message-ID"] for m in smtp_sink.messages]
    assert len(ids) == len(set(ids))
    with app.db.session() as s:
        assert {r.state for r in s.scalars(select(OutboxMail))} == {"sent"}


def test_a_pending_file_is_named_as_being_checked_never_as_missing():
    """A decision that may be for either individual waits for staff: not owed, said to be checked."""
    from bot.campaign.planning import missing_items, pending_items

    noms = [NominationView(1, "ca_nhan", "Ngô Thị Hà"), NominationView(2, "ca_nhan", "Lò Văn Tùng")]
    pending = SubmissionView(
        9, "quyet_dinh_khen_thuong", None, "needs_review", at(24, 9), "qd.pdf", "x", (), (1, 2)
    )
    st = _state(kind="doan_the", subs=[_sub(1, "to_trinh"), pending], noms=noms)
    owed = {m.type for m in missing_items(CAMPAIGN, st)}
    [waiting] = pending_items(CAMPAIGN, st)
    assert "quyet_dinh_khen_thuong" not in owed and "bao_cao_thanh_tich" in owed
    assert waiting.type == "quyet_dinh_khen_thuong"
    assert {n.name for n in waiting.nominees} == {"Ngô Thị Hà", "Lò Văn Tùng"}
