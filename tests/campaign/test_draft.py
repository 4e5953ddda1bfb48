"""``intake-bot campaign draft``: the plan document in, a campaign file to review out.

The 2024 plan (``tests/data/``, as published) must give the facts of
``config/campaigns/120-KH-DUK-2024.toml``; two plans written by hand (``plans.py``, laid
out and converted to .docx and PDF by LibreOffice in ``make_plans.py``) must give theirs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.campaign.draft import draft_campaign
from bot.campaign.draft_toml import DRAFT_MARK, render_draft
from bot.campaign.model import Campaign, load_campaign
from bot.campaign.rules import check_outline
from tests.campaign.plans import PLAN_2025_EXPECTED, PLAN_CT05_EXPECTED

REPO = Path(__file__).resolve().parents[2]
# The plan as the office published it, kept in the repository so that the test runs on any
# clean clone (the workspace's ../shared/seed/ holds the same text).
SEED = REPO / "tests" / "data" / "ke-hoach-120-KH-DUK-2024.txt"
CAMPAIGN_2024 = REPO / "config" / "campaigns" / "120-KH-DUK-2024.toml"

needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"the seed plan {SEED} is not present")
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def _facts(c: Campaign) -> dict:
    """What a draft must get right, from a loaded campaign."""
    return {
        "deadlines": {d.id: d.date for d in c.deadlines},
        "deliverables": {
            d.id: (d.scope, d.deadline, tuple(d.nominee_kinds) if d.scope == "nominee" else ())
            for d in c.deliverables
        },
        "roles": {d.role: d.id for d in c.deliverables if d.role},
        "per_kind": {d.id: sorted(d.per_kind) for d in c.deliverables if d.per_kind},
        "quotas": {k: (u.quota.tap_the, u.quota.ca_nhan, u.quota.total) for k, u in c.unit_kinds.items()},
        "summary": (c.rules.summary.deliverable, c.rules.summary.max_a4_fraction)
        if c.rules.summary
        else None,
        "outline_deliverable": c.rules.outline.deliverable if c.rules.outline else None,
        "outline": [(s.id, s.title) for s in c.rules.outline.sections] if c.rules.outline else [],
        "milestones": sorted({m.date for m in c.milestones}),
    }


def _load(text: str) -> Campaign:
    return Campaign.model_validate(tomllib.loads(text))


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@needs_seed
def test_seed_plan_gives_the_campaign_files_facts():
    toml = render_draft(draft_campaign(SEED.read_text(encoding="utf-8")), SEED.name)
    drafted, kept = _facts(_load(toml)), _facts(load_campaign(CAMPAIGN_2024))
    assert drafted == kept
    c = _load(toml)
    assert c.id == "120-KH-DUK-2024" and c.reference == "120-KH/ĐUK"
    assert c.intake_address == "banbientapduk@thainguyen.gov.vn"


@needs_seed
def test_every_value_quotes_its_sentence_and_the_file_says_it_is_a_draft():
    toml = render_draft(draft_campaign(SEED.read_text(encoding="utf-8")), SEED.name)
    lines = toml.splitlines()
    assert lines[0].startswith(DRAFT_MARK)

    def comment_above(header: str) -> str:
        i = lines.index(header)
        block = []
        while lines[i - 1].startswith("# "):
            i -= 1
            block.insert(0, lines[i][2:])
        return " ".join(block)

    assert "Mỗi đảng bộ cơ sở lựa chọn, đề xuất 01 tập thể và 01 cá nhân" in comment_above(
        "[unit_kinds.dang_bo_co_so]"
    )
    assert "tổ chức đoàn thể đề xuất 02 cá nhân" in comment_above("[unit_kinds.doan_the]")
    assert "trước ngày 28/02/2024" in comment_above("[[deadlines]]")
    assert "không quá 1/2 trang A4" in comment_above("[rules.summary]")
    # Every table the plan fills has its sentence above it.
    for i, line in enumerate(lines):
        if line in ("[[deadlines]]", "[[deliverables]]", "[[milestones]]", "[[rules.outline.sections]]"):
            assert lines[i - 1].startswith("# ") and "»" in lines[i - 1], (i, line)
    # A month without a day ("Trong tháng 4/2024") is left to the operator.
    assert any(line.startswith("# TODO") and "tháng 4/2024" in line for line in lines)
    # The outline's descriptive items are listed, not checked.
    assert "#   II.4. Công tác tuyên truyền về tư tưởng, đạo đức, phong cách Hồ Chí Minh" in lines


@needs_seed
def test_drafted_outline_patterns_find_the_sections_of_a_real_report():
    from tests.corpus.docxgen import Para
    from tests.corpus.make_corpus import load_units
    from tests.corpus.texts import kl01_blocks

    c = _load(render_draft(draft_campaign(SEED.read_text(encoding="utf-8")), SEED.name))
    unit = load_units()[0]

    def text(missing: tuple[str, ...]) -> str:
        return "\n".join(b.text for b in kl01_blocks(unit, missing) if isinstance(b, Para))

    assert check_outline(text(()), "bc.docx", c) == []
    problems = check_outline(text(("III.2", "IV")), "bc.docx", c)
    assert len(problems) == 1
    assert "Hạn chế" in problems[0].message and "IV. Nhiệm vụ" in problems[0].message


def test_a_plan_that_says_little_still_loads_with_todos():
    draft = draft_campaign("KẾ HOẠCH\nvề một việc gì đó\nCác đơn vị thực hiện nghiêm túc.")
    toml = render_draft(draft, "x.txt")
    c = _load(toml)
    assert c.deadlines[0].id == "todo" and c.deliverables[0].id == "todo"
    todos = [line for line in toml.splitlines() if line.startswith("# TODO")]
    assert len(todos) >= 4


def _check(expected: dict, toml: str) -> None:
    c = _load(toml)
    f = _facts(c)
    assert c.reference == expected["reference"]
    assert c.intake_address == expected["intake_address"]
    assert f["deadlines"] == expected["deadlines"]
    assert f["deliverables"] == expected["deliverables"]
    assert f["quotas"] == expected["quotas"]
    assert f["summary"][1] == expected["summary"]
    assert f["outline_deliverable"] == expected["outline_deliverable"]
    assert [sid for sid, _ in f["outline"]] == expected["outline"]
    assert f["milestones"] == expected["milestones"]
    assert f["roles"] == {"proposal": "to_trinh", "achievement_report": "bao_cao_thanh_tich"}
    assert f["per_kind"] == {}


@pytest.mark.tools
@needs_soffice
@pytest.mark.parametrize("fmt", ["docx", "pdf", "doc"])
@pytest.mark.parametrize(
    ("name", "expected"),
    [("ke-hoach-158-KH-DUK-2025", PLAN_2025_EXPECTED), ("ke-hoach-165-KH-DUK-2025", PLAN_CT05_EXPECTED)],
)
def test_hand_written_plans_made_by_libreoffice(tmp_path, name, expected, fmt):
    from tests.campaign.make_plans import make_plan

    plan = tmp_path / f"{name}.{fmt}"
    plan.write_bytes(make_plan(name, fmt))
    out = tmp_path / "draft.toml"
    r = _cli("campaign", "draft", str(plan), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"read as {fmt}" in out.read_text(encoding="utf-8").splitlines()[0].replace(
        "pdf-text", "pdf"
    ).replace("doc-antiword", "doc")
    _check(expected, out.read_text(encoding="utf-8"))


@pytest.mark.tools
@needs_soffice
@pytest.mark.skipif(
    shutil.which("img2pdf") is None or shutil.which("tesseract") is None, reason="no img2pdf/tesseract"
)
def test_a_scanned_plan_is_read_by_ocr(tmp_path):
    """Every page of a scan is read by OCR; what OCR reads cleanly is drafted the same."""
    from tests.campaign.make_plans import make_plan

    plan = tmp_path / "scan.pdf"
    plan.write_bytes(make_plan("ke-hoach-165-KH-DUK-2025", "scan"))
    out = tmp_path / "draft.toml"
    r = _cli("campaign", "draft", str(plan), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "(read as pdf-ocr)" in text.splitlines()[0]
    f = _facts(_load(text))
    expected = PLAN_CT05_EXPECTED
    assert f["deadlines"] == expected["deadlines"]
    assert f["quotas"] == expected["quotas"]
    assert set(expected["deliverables"]) <= set(f["deliverables"])
    assert [sid for sid, _ in f["outline"]] == expected["outline"]


@needs_seed
def test_check_config_accepts_the_draft(tmp_path):
    r = _cli("campaign", "draft", str(SEED), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (tmp_path / "draft.toml").write_text(r.stdout, encoding="utf-8")
    settings = (REPO / "config" / "bot.example.toml").read_text(encoding="utf-8")
    lines = [
        'campaign_file = "draft.toml"' if line.startswith("campaign_file") else line
        for line in settings.splitlines()
    ]
    (tmp_path / "bot.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = _cli("--config", "bot.toml", "check-config", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "campaign: draft.toml OK (120-KH-DUK-2024: 6 deliverables)" in r.stdout


def test_an_unreadable_plan_is_one_clear_error(tmp_path):
    bad = tmp_path / "plan.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    r = _cli("campaign", "draft", str(bad), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith("error: cannot read the plan plan.pdf")
