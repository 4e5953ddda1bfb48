"""The plan page in a real browser: upload a LibreOffice-made plan, read the draft beside
the plan's sentences, download the campaign file; refusals (CSRF, size, anonymous)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.campaign.model import Campaign
from tests.campaign.plans import PLAN_2025_EXPECTED
from tests.web.conftest import login, shot

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


@pytest.mark.tools
@needs_soffice
def test_upload_a_plan_see_its_sentences_and_download_the_draft(served, page):
    from tests.campaign.make_plans import make_plan

    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    plan = {"name": "Kế hoạch 158.docx", "mimeType": docx, "buffer": make_plan("ke-hoach-158-KH-DUK-2025")}
    login(page, served.url)
    page.click("text=Kế hoạch mới")
    page.set_input_files("#plan", plan)
    page.click("#plan-upload button[type=submit]")
    table = page.locator("#draft-sources")
    row = table.locator("tr", has_text="Đảng bộ cơ sở: 2 tập thể, 1 cá nhân, tổng 3")
    expect(row.locator("td.source")).to_contain_text(
        "Mỗi đảng bộ cơ sở lựa chọn, đề xuất 02 tập thể và 01 cá nhân"
    )
    deadline = table.locator("tr", has_text="ho_so_khen_thuong: 07/03/2025")
    expect(deadline.locator("td.source")).to_contain_text("chậm nhất ngày 07/3/2025")
    expect(page.locator("#todos")).to_contain_text("Trong tháng 5/2025")
    shot(page, "plan-draft")
    with page.expect_download() as dl:
        page.click("#download-draft")
    download = dl.value
    # The name the browser proposes depends on its locale (LANG=C: a generic one); the
    # server's header is what this checks.
    href = page.locator("#download-draft").get_attribute("href")
    disposition = page.request.get(served.url + href).headers["content-disposition"]
    assert (
        disposition
        == "attachment; filename=\"Ke hoach 158.toml\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20158.toml"
    )
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# BẢN NHÁP")
    c = Campaign.model_validate(tomllib.loads(text))
    assert {d.id: d.date for d in c.deadlines} == PLAN_2025_EXPECTED["deadlines"]


def test_plan_upload_refusals(served, page, anonymous):
    login(page, served.url)
    page.goto(served.url + "/plan")
    files = {"plan": {"name": "k.txt", "mimeType": "text/plain", "buffer": "KẾ HOẠCH\nabc".encode()}}
    assert page.request.post(served.url + "/plan", multipart=files).status == 403  # no CSRF token
    csrf = page.locator("#plan-upload input[name=csrf]").get_attribute("value")
    big = {
        "csrf": csrf,
        "plan": {"name": "k.txt", "mimeType": "text/plain", "buffer": b"x" * (21 * 1024 * 1024)},
    }
    assert page.request.post(served.url + "/plan", multipart=big).status == 413
    bad = {
        "csrf": csrf,
        "plan": {"name": "k.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 broken"},
    }
    r = page.request.post(served.url + "/plan", multipart=bad)
    assert r.status == 422 and "Không đọc được tệp k.pdf" in r.text()
    ok = {
        "csrf": csrf,
        "plan": {"name": "k.txt", "mimeType": "text/plain", "buffer": "KẾ HOẠCH\nabc".encode()},
    }
    r = page.request.post(served.url + "/plan", multipart=ok)
    assert r.status == 200 and "/plan/draft/" in r.text()
    token = r.text().split("/plan/draft/")[1].split('"')[0]
    got = page.request.get(f"{served.url}/plan/draft/{token}")
    assert got.status == 200 and got.headers["x-content-type-options"] == "nosniff"
    assert (
        got.headers["content-type"].startswith("text/plain")
        and "attachment" in got.headers["content-disposition"]
    )
    assert anonymous.get(f"{served.url}/plan/draft/{token}", max_redirects=0).status == 403
    assert page.request.get(f"{served.url}/plan/draft/nope").status == 404


def test_the_unit_page_shows_a_files_digital_signature(served, page):
    """A signed file's facts (as intake stores them) show on the unit's page."""
    from bot.store.models import Submission

    sid = served.seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    with served.app.db.session() as s:
        att = s.get(Submission, sid).attachment
        att.facts = {
            **(att.facts or {}),
            "signatures": [
                {"signer": "Nguyễn Văn An", "organisation": "Đảng ủy Sở Y tế", "signed_at": "2024-02-26T02:15:00+00:00",
                 "intact": True, "trusted": True, "checks": ["integrity", "modifications", "chain", "validity"],
                 "problem": None},
                {"signer": "Trần Thị Bình", "organisation": None, "signed_at": "2024-02-26T03:00:00+00:00",
                 "intact": False, "trusted": True, "checks": ["integrity"], "problem": "altered"},
            ],
        }  # fmt: skip
        s.commit()
    login(page, served.url)
    page.goto(served.url + "/units/SYT")
    cell = page.locator(f"tr[data-submission='{sid}'] .signature")
    expect(cell).to_have_text(
        "✍ Đã ký số: Nguyễn Văn An (Đảng ủy Sở Y tế), 09:15 26/02/2024, hợp lệ; "
        "Trần Thị Bình, 10:00 26/02/2024, tài liệu đã bị thay đổi sau khi ký"
    )
    shot(page, "unit-signature")
