"""When a deliverable is late (bot.campaign.tracking), pure: first copies, pending copies, slots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.campaign.model import load_campaign
from bot.campaign.tracking import NominationView, SubmissionView, unit_state
from bot.campaign.units import UnitInfo

CAMPAIGN = load_campaign(Path(__file__).resolve().parents[1] / "config/campaigns/120-KH-DUK-2024.toml")
TZ = dt.timezone(dt.timedelta(hours=7))
UNIT = UnitInfo("SYT", "Đảng bộ Sở Y tế", "dang_bo_co_so", ("dangbo.syt@thainguyen.gov.vn",))
ON_TIME = dt.datetime(2024, 2, 27, 17, 30, tzinfo=TZ)
LATE = dt.datetime(2024, 3, 1, 10, 12, tzinfo=TZ)
_ids = iter(range(1, 1000))


def file(deliverable: str, at: dt.datetime, status: str = "received", nomination: int | None = None, **kw):
    return SubmissionView(next(_ids), deliverable, nomination, status, at, "f.docx", "0" * 64, **kw)


def state(*files, nominations=()):
    return unit_state(CAMPAIGN, UNIT, list(files), list(nominations))


def test_a_soft_copy_after_the_deadline_of_a_photo_sent_in_time_is_not_late():
    # Both wait for staff (an unverified sender): the photo came in time.
    s = state(file("to_trinh", ON_TIME, "needs_review"), file("to_trinh", LATE, "needs_review"))
    d = s.deliverable("to_trinh")
    assert d.status == "needs_review" and d.late is False
    assert d.received_at == LATE


def test_a_correction_of_a_copy_received_in_time_is_not_late_but_a_first_late_copy_is():
    corrected = file("to_trinh", LATE, first_arrival=ON_TIME)
    assert state(corrected).deliverable("to_trinh").late is False
    assert state(file("to_trinh", LATE)).deliverable("to_trinh").late is True
    # A first arrival after the current copy's changes nothing.
    assert (
        state(file("to_trinh", LATE, first_arrival=LATE + dt.timedelta(days=1))).deliverable("to_trinh").late
    )


def test_one_nominee_late_makes_a_per_nominee_deliverable_late():
    a, b = NominationView(1, "tap_the", "Khoa Dược"), NominationView(2, "ca_nhan", "Nguyễn Thị Lan")
    s = state(
        file("bao_cao_thanh_tich", ON_TIME, nomination=1),
        file("bao_cao_thanh_tich", LATE, nomination=2),
        nominations=(a, b),
    )
    d = s.deliverable("bao_cao_thanh_tich")
    assert d.status == "received" and d.late is True
    assert [f.nomination_id for f in d.late_files()] == [2]
