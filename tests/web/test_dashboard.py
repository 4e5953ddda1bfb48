"""The staff dashboard in a real browser: login, matrix, review, redo, outbox, refusals."""

from __future__ import annotations

import io
import re

from docx import Document
from playwright.sync_api import expect
from sqlalchemy import select

from bot.store.models import AuditLog, Submission, UnitAddress
from tests.web.conftest import login, shot


def test_staff_workflow(served, page):
    base, seeded = served.url, served.seeded

    page.goto(base + "/")
    expect(page).to_have_url(re.compile(r"/login\?next=/$"))
    shot(page, "login")

    login(page, base)
    expect(page.locator("h1")).to_have_text("Tình hình nộp hồ sơ")
    syt = page.locator("tr[data-unit=SYT] td")
    expect(syt.nth(1)).to_have_class("received")
    expect(syt.nth(1)).to_contain_text("Đã nhận")
    expect(page.locator("tr[data-unit=HCCB] td").nth(1)).to_have_class("missing")
    expect(page.locator("tr[data-unit=STC] td").nth(1)).to_have_class("needs_review")
    expect(page.locator("tr[data-unit=SNV] td").nth(1)).to_contain_text("Quá hạn")
    expect(page.locator("tr[data-unit=SYT]")).to_contain_text("Cá nhân: Nguyễn Văn An")
    shot(page, "matrix")

    # Filters: only units with something late; only the chi bộ.
    page.check("input[name=late]")
    page.click("text=Lọc")
    expect(page.locator("#matrix tbody tr")).to_have_count(1)
    expect(page.locator("#matrix tbody tr")).to_have_attribute("data-unit", "SNV")
    page.goto(base + "/?kind=chi_bo_co_so&deadline=ho_so_khen_thuong")
    expect(page.locator("#matrix tbody tr")).to_have_count(5)
    expect(page.locator("#matrix thead th")).to_have_count(2 + 5 + 1)

    # The review queue: register the clerk's Gmail for STC and count the file.
    page.click("text=Hàng chờ xem xét")
    card = page.locator(f".review-item[data-message='{seeded.messages['stc']}']")
    expect(card).to_contain_text("Địa chỉ gửi chưa đăng ký với đơn vị")
    expect(card.locator("form.assign-file select[name=unit]")).to_have_value("STC")
    expect(card.locator("form.assign-file select[name=type]")).to_have_value("to_trinh")
    shot(page, "review")
    card.locator("form.assign-file button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text("Đã ghi nhận tệp “To trinh STC.docx”")
    expect(page.locator(".flash")).to_contain_text("Đã đăng ký địa chỉ gửi")
    expect(page.locator(".review-item")).to_have_count(1)

    # Reject the unknown sender's mail, as a whole.
    other = page.locator(".review-item")
    other.locator("details.whole-mail summary").click()
    other.locator("form.reject input[name=reason]").fill("Không rõ đơn vị, đã liên hệ qua điện thoại")
    other.locator("form.reject button").click()
    expect(page.locator("text=Không có thư nào chờ xem xét.")).to_be_visible()

    # Send the SYT cover memo back for redoing.
    sid = seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    page.goto(base + "/units/SYT")
    row = page.locator(f"tr[data-submission='{sid}']")
    shot(page, "unit")
    row.locator("input[name=comment]").fill("Tờ trình chưa có chữ ký, đóng dấu")
    row.locator("input[name=until]").fill("2024-03-02")
    row.locator("form.redo button").click()
    # The mail the unit will get is shown first; nothing is queued before "Xác nhận gửi".
    expect(page.locator("#redo-mail")).to_contain_text("Tờ trình chưa có chữ ký, đóng dấu")
    expect(page.locator("#redo-mail")).to_contain_text("chậm nhất trong ngày 02/03/2024")
    with served.app.db.session() as s:
        assert s.scalars(select(Submission.status).where(Submission.id == sid)).one() == "received"
    page.click("#redo-confirm button")
    expect(page.locator(".flash")).to_contain_text(
        "Đã yêu cầu gửi lại tệp “Tờ trình đề nghị khen thưởng.docx”"
    )
    expect(page.locator(f"tr[data-submission='{sid}']")).to_contain_text("Yêu cầu gửi lại")
    expect(page.locator("#deliverables tr").nth(1).locator("td").nth(1)).to_have_text("Còn thiếu")

    page.click("text=Thư đi")
    notice = page.locator(f"tr[data-key='redo:{sid}']")
    expect(notice).to_contain_text("Thông báo")
    expect(notice).to_contain_text("Đề nghị gửi lại: Tờ trình đề nghị khen thưởng.docx")
    expect(notice).to_contain_text("dangbo.syt@thainguyen.gov.vn")
    expect(notice).to_contain_text("Chờ gửi")
    shot(page, "outbox")

    # Logged-in staff may download a file and the exports.
    resp = page.request.get(f"{base}/files/{sid}")
    assert resp.status == 200 and resp.body()[:2] == b"PK"
    assert "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh" in resp.headers["content-disposition"]
    page.click("text=Xuất dữ liệu")
    shot(page, "exports")
    with page.expect_download() as dl:
        page.click("text=Tải danh sách đề nghị khen thưởng (.docx)")
    doc = Document(io.BytesIO(dl.value.path().read_bytes()))
    assert len(doc.tables) == 4  # letterhead, collectives, individuals, signature
    assert dl.value.suggested_filename == "danh-sach-de-nghi-khen-thuong-20240228.docx"
    page.click("text=Nhật ký")
    expect(page.locator("#audit")).to_contain_text("canbo (trang theo dõi)")
    expect(page.locator("#audit")).to_contain_text("Yêu cầu Đảng bộ Sở Y tế gửi lại tệp")
    shot(page, "audit")

    with served.app.db.session() as s:
        actions = [(a.action, a.actor) for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]
        assert ("review_assign", "web:canbo") in actions and ("file_redo", "web:canbo") in actions
        assert ("review_reject", "web:canbo") in actions
        assert s.scalars(select(UnitAddress).where(UnitAddress.email == "nguyenthu.stc@gmail.com")).one()
        assert s.get(Submission, sid).status == "redo"


def test_wrong_password_is_refused(served, page):
    page.goto(served.url + "/login")
    page.fill("#username", "canbo")
    page.fill("#password", "sai-mat-khau")
    with page.expect_response(lambda r: r.url.endswith("/login") and r.request.method == "POST") as resp:
        page.click("button[type=submit]")
    assert resp.value.status == 401
    expect(page.locator(".flash.error")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    shot(page, "login-refused")
    page.goto(served.url + "/review")
    expect(page).to_have_url(re.compile(r"/login"))


def test_post_without_or_with_a_wrong_csrf_token_is_refused(served, page):
    login(page, served.url)
    expect(page.locator("h1")).to_have_text("Tình hình nộp hồ sơ")
    sid = served.seeded.submissions["stc:To trinh STC.docx"]
    url = f"{served.url}/files/{sid}/accept"
    assert page.request.post(url, form={}).status == 403
    assert page.request.post(url, form={"csrf": "forged"}).status == 403
    r = page.request.post(f"{served.url}/review/{served.seeded.messages['stc']}/reject", form={"reason": "x"})
    assert r.status == 403 and "mã xác thực biểu mẫu" in r.text()
    with served.app.db.session() as s:
        assert s.get(Submission, sid).status == "needs_review"
    # The form's own token works.
    page.goto(served.url + "/units/STC")
    page.locator(f"tr[data-submission='{sid}'] button", has_text="Chấp nhận").click()
    expect(page.locator(".flash")).to_contain_text("Đã chấp nhận tệp “To trinh STC.docx”")


def test_anonymous_file_and_export_requests_are_refused(served, anonymous):
    sid = served.seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    r = anonymous.get(f"{served.url}/files/{sid}", max_redirects=0)
    assert r.status == 403 and b"PK" not in r.body()[:2]
    assert "Cần đăng nhập" in r.text()
    assert anonymous.get(f"{served.url}/attachments/1", max_redirects=0).status == 403
    assert anonymous.get(f"{served.url}/exports/files", max_redirects=0).status == 403
    page = anonymous.get(f"{served.url}/units/SYT", max_redirects=0)
    assert page.status == 303 and page.headers["location"].startswith("/login")
    post = anonymous.post(f"{served.url}/files/{sid}/redo", form={"comment": "x"}, max_redirects=0)
    assert post.status in (303, 403)


def test_login_is_rate_limited(served, anonymous):
    def attempt(password):
        # A fresh login page each time: the form's CSRF token belongs to the session.
        html = anonymous.get(f"{served.url}/login").text()
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        return anonymous.post(
            f"{served.url}/login",
            form={"csrf": token, "username": "canbo", "password": password, "next": "/"},
            max_redirects=0,
        )

    assert [attempt("sai").status for _ in range(5)] == [401] * 5
    blocked = attempt("mat-khau-thu-nghiem")
    assert blocked.status == 429 and "thử lại sau" in blocked.text()
