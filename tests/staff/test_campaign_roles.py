"""What the code needs a deliverable *to be* comes from the campaign's roles, never from the
ids of this year's plan (issue 13): a plan that names them otherwise works the same."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bot.campaign.model import load_campaign
from bot.exports.nominees import nominee_rows
from bot.reporting.snapshot import load_snapshot
from tests.conftest import REPO, TZ
from tests.seeding import F, record_mail

CAMPAIGN = REPO / "config/campaigns/120-KH-DUK-2024.toml"
RENAMED = {"to_trinh": "to_trinh_don_vi", "bao_cao_thanh_tich": "bc_thanh_tich_ca_nhan"}


def renamed_campaign(tmp_path: Path):
    text = CAMPAIGN.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    path = tmp_path / "renamed.toml"
    path.write_text(text, encoding="utf-8")
    campaign = load_campaign(path)
    assert campaign.with_role("achievement_report").id == "bc_thanh_tich_ca_nhan"
    assert campaign.with_role("proposal").id == "to_trinh_don_vi"
    return campaign


def test_the_nominee_list_reads_the_position_from_the_renamed_achievement_report(app_factory, tmp_path):
    app = app_factory()
    app.campaign = renamed_campaign(tmp_path)
    an = ("ca_nhan", "Nguyễn Văn An")
    report = F(
        "BCTT Nguyen Van An.docx",
        "bc_thanh_tich_ca_nhan",
        an,
        lines=["BÁO CÁO THÀNH TÍCH", "- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Giám đốc Sở"],
    )
    record_mail(app, "SYT", [report], dt.datetime(2024, 2, 26, 9, 0, tzinfo=TZ), ack=False)
    with app.db.session() as s:
        rows = nominee_rows(s, app.campaign, load_snapshot(s, app.campaign))
    (row,) = [r for r in rows if r.name == "Nguyễn Văn An"]
    assert row.position == "Phó Giám đốc Sở"


def test_no_deliverable_id_of_this_years_plan_is_written_in_the_code():
    ids = [d.id for d in load_campaign(CAMPAIGN).deliverables]
    pattern = re.compile("|".join(rf"[\"']{re.escape(i)}[\"']" for i in ids))
    found = []
    for path in sorted((REPO / "bot").rglob("*.py")):
        if path.name.startswith("draft"):  # the plan drafter proposes ids for new plans
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert found == []
