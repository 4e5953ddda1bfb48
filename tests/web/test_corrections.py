"""Fixing anything in one step, in a real browser at 1400 px and at 400 px (a phone).

Per-file review with the nominees a file may be for offered first; moving a file to
another deliverable, nominee or unit; renaming, merging, withdrawing and restoring a
nominee; deciding a request for more time; previewing a file without downloading it;
the headline figures.  Each action is checked in the page, in the tracking state the
status, reminders and exports read, and in the audit log as staff read it.  Screenshots
go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import io
from email import message_from_bytes, policy

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect
from sqlalchemy import select

from bot.campaign.planning import missing_items
from bot.reporting.snapshot import load_unit_state
from bot.store.models import AttachmentRow, Extension, Message, Nomination, OutboxMail, Submission
from tests.seeding import TZ, F, add_message, unit
from tests.web.conftest import CHROMIUM_ARGS, login, shot  # noqa: F401

WIDTHS = [1400, 400]


@pytest.fixture(params=WIDTHS, ids=["1400px", "400px"])
def wpage(browser, request):
    """A logged-out page at one of the two widths; yields (page, width)."""
    _, b = browser
    context = b.new_context(
        locale="vi-VN", viewport={"width": request.param, "height": 900}, accept_downloads=True
    )
    p = context.new_page()
    p.set_default_timeout(15_000)
    yield p, request.param
    context.close()


def _fits(page, width: int) -> None:
    """Nothing on the page is wider than the screen (wide tables scroll in their own box)."""
    overflow = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 2
        && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""",
        width,
    )
    assert overflow <= width + 2, f"page is {overflow}px wide at {width}px: {wide}"


def _unit_state(app, code):
    with app.db.session() as s:
        return load_unit_state(s, app.campaign, unit(s, code))


def _audit(page, base) -> str:
    page.goto(base + "/audit")
    return page.locator("#audit").inner_text()


def _pdf(pages: int = 2) -> bytes:
    images = []
    for n in range(pages):
        img = Image.new("RGB", (595, 842), "white")
        ImageDraw.Draw(img).text((80, 80), f"BAO CAO THANH TICH - trang {n + 1}", fill="black")
        images.append(img)
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:])
    return buf.getvalue()


def test_review_file_by_file_with_the_candidates_first(served, wpage):
    page, width = wpage
    app, base = served.app, served.url
    when = dt.datetime(2024, 2, 27, 15, 0, tzinfo=TZ)
    with app.db.session() as s:
        m = add_message(
            s,
            app,
            "SYT",
            [
                F(
                    "BCTT.docx",
                    "bao_cao_thanh_tich",
                    ("ca_nhan", "Nguyễn Văn An"),
                    "needs_review",
                    lines=["BCTT"],
                ),
                F(
                    "scan0002.docx",
                    "tom_tat_thanh_tich",
                    ("ca_nhan", "Nguyễn Văn An"),
                    "needs_review",
                    lines=["?"],
                ),
            ],
            when,
            subject="Bổ sung hồ sơ",
            review_reason="uncertain_nominee",
            needs_review=True,
            evidence=["sender dangbo.syt@thainguyen.gov.vn is registered to SYT"],
        )
        an = served.seeded.nominations["Nguyễn Văn An"]
        khoa = served.seeded.nominations["Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh"]
        for sub in s.scalars(select(Submission).where(Submission.message_id == m.id)):
            sub.nomination_id, sub.candidates = None, [khoa, an]
            sub.evidence = ["nominee uncertain; could be: Khoa Hồi sức cấp cứu (1.10), Nguyễn Văn An (1.00)"]
        s.get(Message, m.id).unit_id = unit(s, "SYT").id
        mid = m.id
        [first, second] = list(s.scalars(select(AttachmentRow.id).where(AttachmentRow.message_id == mid)))

    login(page, base)
    page.goto(base + "/review")
    card = page.locator(f".review-item[data-message='{mid}']")
    expect(card).to_contain_text("Chưa xác định được hồ sơ của tập thể, cá nhân nào")
    expect(card).to_contain_text("Địa chỉ dangbo.syt@thainguyen.gov.vn đã đăng ký cho Đảng bộ Sở Y tế.")
    f1 = card.locator(f".file[data-file='{first}']")
    expect(f1).to_contain_text("Chưa chắc là hồ sơ của ai; có thể là: Khoa Hồi sức cấp cứu, Nguyễn Văn An.")
    form = f1.locator("form.assign-file")
    expect(form.locator("select[name=unit]")).to_have_value("SYT")  # the registered sender's unit
    expect(form.locator("select[name=type]")).to_have_value("bao_cao_thanh_tich")
    # The nominees the file may be for come first, in the matcher's order.
    groups = form.locator("select[name=nominee] optgroup")
    expect(groups.first).to_have_attribute("label", "Có thể là")
    expect(groups.first.locator("option")).to_have_text(
        ["Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh", "Nguyễn Văn An"]
    )
    _fits(page, width)
    shot(page, f"review-per-file-{width}")
    form.locator("select[name=nominee]").select_option(str(an))
    form.locator("button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text(
        "Đã ghi nhận tệp “BCTT.docx”: Báo cáo thành tích — Nguyễn Văn An"
    )
    # One file decided: the mail still waits for its other file.
    expect(page.locator(f".review-item[data-message='{mid}']")).to_have_count(1)
    f2 = page.locator(f".review-item[data-message='{mid}'] .file[data-file='{second}']")
    f2.locator("form.reject-file input[name=reason]").fill("Bản trùng, không phải hồ sơ")
    f2.locator("form.reject-file button").click()
    expect(page.locator(".flash")).to_contain_text("không nhận tệp này")
    expect(page.locator(f".review-item[data-message='{mid}']")).to_have_count(0)

    st = _unit_state(app, "SYT")
    an_state = next(n for n in st.nominations if n.nomination.id == an)
    assert "bao_cao_thanh_tich" in an_state.documents
    with app.db.session() as s:
        assert s.get(Message, mid).needs_review is False
        ack = s.scalars(
            select(OutboxMail).where(OutboxMail.kind == "ack", OutboxMail.in_reply_to_message_id == mid)
        )
        assert ack.one()  # the sender is answered once the mail is decided
    text = _audit(page, base)
    assert "Ghi nhận 1 tệp của thư số" in text and "Không nhận tệp “scan0002.docx”" in text


def test_move_a_file_to_another_deliverable_nominee_or_unit(served, wpage):
    page, width = wpage
    app, base, seeded = served.app, served.url, served.seeded
    sid = seeded.submissions["syt:BCTT Khoa HSCC.docx"]
    login(page, base)
    page.goto(base + "/units/SYT")
    row = page.locator(f"tr[data-submission='{sid}']")
    row.locator("details.fix summary").click()
    move = row.locator("form.move")
    expect(move.locator("select[name=unit]")).to_have_value("SYT")
    move.locator("select[name=type]").select_option("tom_tat_thanh_tich")
    _fits(page, width)
    shot(page, f"unit-move-{width}")
    move.locator("button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text(
        "Đã chuyển tệp “BCTT Khoa HSCC.docx” sang Bản tóm tắt thành tích — Khoa Hồi sức cấp cứu"
    )
    khoa = next(n for n in _unit_state(app, "SYT").nominations if n.nomination.name.startswith("Khoa"))
    assert "tom_tat_thanh_tich" in khoa.documents and "bao_cao_thanh_tich" not in khoa.documents
    # What reminders would ask follows: the report is owed again, the summary is not.
    owed = {
        (i.type, n.name) for i in missing_items(app.campaign, _unit_state(app, "SYT")) for n in i.nominees
    }
    assert ("bao_cao_thanh_tich", khoa.nomination.name) in owed
    assert ("tom_tat_thanh_tich", khoa.nomination.name) not in owed

    # Another unit, and a nominee that unit did not have yet.
    ha = seeded.submissions["snv:BCTT Ngo Thi Ha.docx"]
    page.goto(base + "/units/SNV")
    row = page.locator(f"tr[data-submission='{ha}']")
    row.locator("details.fix summary").click()
    move = row.locator("form.move")
    move.locator("select[name=unit]").select_option("STP")
    move.locator("select[name=nominee]").select_option("new")
    move.locator("input[name=new_name]").fill("Ngô Thị Hà")
    move.locator("select[name=kind]").select_option("ca_nhan")
    move.locator("button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text("của Chi bộ Sở Tư pháp")
    assert [n.nomination.name for n in _unit_state(app, "STP").nominations] == ["Ngô Thị Hà"]
    assert _unit_state(app, "SNV").deliverable("bao_cao_thanh_tich").status != "received"
    text = _audit(page, base)
    assert (
        "Chuyển tệp “BCTT Khoa HSCC.docx” từ Báo cáo thành tích — Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa "
        "tỉnh của Đảng bộ Sở Y tế sang Bản tóm tắt thành tích" in text
    )
    assert "{" not in text and "file_move" not in text  # words, not codes or JSON
    shot(page, f"audit-{width}")


def test_rename_merge_withdraw_and_restore_a_nominee(served, wpage):
    page, width = wpage
    app, base, seeded = served.app, served.url, served.seeded
    an = seeded.nominations["Nguyễn Văn An"]
    with app.db.session() as s:
        add_message(
            s,
            app,
            "SYT",
            [F("QĐ khen thưởng An.docx", "quyet_dinh_khen_thuong", ("ca_nhan", "Ng. V. An"), lines=["QĐ"])],
            dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ),
        )
        dup = s.scalars(select(Nomination.id).where(Nomination.name == "Ng. V. An")).one()
    login(page, base)
    page.goto(base + "/units/SYT")
    # Rename.
    row = page.locator(f"tr[data-nominee='{an}']")
    row.locator("details.fix summary").click()
    row.locator("form.rename input[name=name]").fill("Nguyễn Văn Ân")
    _fits(page, width)
    shot(page, f"nominee-edit-{width}")
    row.locator("form.rename button").click()
    expect(page.locator(".flash")).to_contain_text("Đã đổi tên thành “Nguyễn Văn Ân”")
    expect(page.locator("#files")).to_contain_text("Cá nhân: Nguyễn Văn Ân")
    # Merge the duplicate spelling into it: its file follows, the duplicate is history.
    row = page.locator(f"tr[data-nominee='{dup}']")
    row.locator("details.fix summary").click()
    row.locator("form.merge select[name=into]").select_option(str(an))
    row.locator("form.merge button").click()
    expect(page.locator(".flash")).to_contain_text(
        "Đã gộp “Ng. V. An” vào “Nguyễn Văn Ân” (1 tệp chuyển theo)"
    )
    expect(page.locator(f"tr[data-nominee='{dup}']")).to_have_count(0)
    names = [n.nomination.name for n in _unit_state(app, "SYT").nominations]
    assert "Ng. V. An" not in names
    # Withdraw the collective: nothing is asked of it any more; restore it.
    khoa = seeded.nominations["Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh"]
    row = page.locator(f"tr[data-nominee='{khoa}']")
    row.locator("details.fix summary").click()
    row.locator("form.withdraw input[name=reason]").fill("Đơn vị đề nghị rút tên")
    row.locator("form.withdraw button").click()
    expect(page.locator(".flash")).to_contain_text("Đã rút “Khoa Hồi sức cấp cứu")
    owed = [n.name for i in missing_items(app.campaign, _unit_state(app, "SYT")) for n in i.nominees]
    assert not any(name.startswith("Khoa") for name in owed)
    page.locator("#withdrawn form.restore", has_text="Khoa Hồi sức").locator("button").click()
    expect(page.locator(".flash")).to_contain_text("Đã khôi phục")
    assert any(n.nomination.id == khoa for n in _unit_state(app, "SYT").nominations)
    text = _audit(page, base)
    for words in ("Đổi tên “Nguyễn Văn An” thành cá nhân “Nguyễn Văn Ân”", "Gộp “Ng. V. An” vào “Nguyễn Văn Ân”",
                  "Rút “Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh” khỏi danh sách đề nghị",
                  "Khôi phục “Khoa Hồi sức cấp cứu"):  # fmt: skip
        assert words in text, words


def test_a_request_for_more_time_is_decided_and_the_unit_told(served, wpage):
    page, width = wpage
    app, base = served.app, served.url
    with app.db.session() as s:
        m = add_message(
            s,
            app,
            "STC",
            [],
            dt.datetime(2024, 2, 26, 11, 0, tzinfo=TZ),
            subject="Hồ sơ khen thưởng",
            category="time_request",
            review_reason="time_request",
        )
        mid, m_id_header = m.id, m.message_id_header
    login(page, base)
    page.goto(base + "/review")
    card = page.locator(f".review-item[data-message='{mid}']")
    expect(card).to_contain_text("Đơn vị xin gửi hồ sơ sau")
    card.locator("form.time input[name=until]").fill("2024-03-05")
    _fits(page, width)
    shot(page, f"time-request-{width}")
    card.locator("form.time button").click()
    expect(page.locator(".flash")).to_contain_text(
        "Đã gia hạn cho Đảng bộ Sở Tài chính đến hết ngày 05/03/2024"
    )
    expect(page.locator(f".review-item[data-message='{mid}']")).to_have_count(0)
    with app.db.session() as s:
        ext = s.scalars(select(Extension)).one()
        assert (ext.deadline_id, ext.until) == ("ho_so_khen_thuong", dt.date(2024, 3, 5))
        notice = s.scalars(select(OutboxMail).where(OutboxMail.idempotency_key == f"time:{mid}")).one()
        assert notice.recipients[0] == "dangbo.stc@thainguyen.gov.vn"
        sent = message_from_bytes(notice.raw, policy=policy.default)
        assert "Ban đồng ý để đơn vị gửi Hồ sơ đề nghị khen thưởng chậm nhất trong ngày 05/03/2024" in (
            sent.get_body(("plain",)).get_content()
        )
        assert sent["In-Reply-To"] == m_id_header
    st = _unit_state(app, "STC")
    assert st.deliverable("to_trinh").due.date() == dt.date(2024, 3, 5)
    assert (
        "Đồng ý cho Đảng bộ Sở Tài chính gửi Hồ sơ đề nghị khen thưởng chậm nhất trong ngày 05/03/2024"
        in (_audit(page, base))
    )


def test_see_a_file_without_downloading_it(served, wpage, anonymous):
    page, width = wpage
    app, base = served.app, served.url
    pdf = _pdf(2)
    with app.db.session() as s:
        m = add_message(s, app, "SGDDT", [F("BCTT.pdf", "bao_cao_thanh_tich", ("ca_nhan", "Trần Văn Minh"))],
                        dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ))  # fmt: skip
        a = s.scalars(select(AttachmentRow).where(AttachmentRow.message_id == m.id)).one()
        a.sha256, a.stored_path = app.files.put(pdf)
        a.sniffed_type = "application/pdf"
        pdf_id = a.id
        docx_id = s.scalars(
            select(AttachmentRow.id).where(AttachmentRow.filename == "BCTT Nguyễn Văn An.docx")
        ).one()
    login(page, base)
    page.goto(base + f"/attachments/{pdf_id}/preview")
    images = page.locator("#preview img.page")
    expect(images).to_have_count(2)
    page.wait_for_function(
        "[...document.querySelectorAll('#preview img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    assert page.evaluate("document.querySelector('#preview img').getBoundingClientRect().width") <= width
    _fits(page, width)
    shot(page, f"preview-pdf-{width}")
    resp = page.request.get(base + f"/attachments/{pdf_id}/pages/1.png")
    assert resp.status == 200 and resp.body()[:8] == b"\x89PNG\r\n\x1a\n"
    headers = resp.headers
    assert headers["content-type"] == "image/png" and headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["cache-control"] == "private, no-store" and headers["content-disposition"].startswith(
        "inline"
    )
    page_headers = page.request.get(base + f"/attachments/{pdf_id}/preview").headers
    assert "frame-ancestors 'none'" in page_headers["content-security-policy"]
    # A Word document: its text, read as intake reads it.
    page.goto(base + f"/attachments/{docx_id}/preview")
    expect(page.locator("pre.excerpt")).to_contain_text(
        "Chức vụ (Đảng, chính quyền, đoàn thể): Phó Giám đốc Sở"
    )
    shot(page, f"preview-docx-{width}")
    # Only staff.
    assert anonymous.get(base + f"/attachments/{pdf_id}/preview").status == 403
    assert anonymous.get(base + f"/attachments/{pdf_id}/pages/1.png").status == 403


def test_headline_numbers_above_the_matrix_and_every_page_at_this_width(served, wpage):
    page, width = wpage
    base = served.url
    login(page, base)
    cards = page.locator("#headlines .headline")
    expect(cards).to_have_count(2)
    first = cards.nth(0)
    expect(first).to_contain_text("Hồ sơ đề nghị khen thưởng")
    expect(first).to_contain_text("Hạn 28/02/2024 · hết hạn hôm nay")
    # SYT has every collective's and individual's documents? No: the collective lacks some.
    expect(first.locator(".n.complete")).to_contain_text("0 đã gửi đủ")
    expect(first.locator(".n.partial")).to_contain_text("3 chưa đủ")  # SYT, SNV, STC (pending)
    expect(first.locator(".n.nothing")).to_contain_text("12 chưa gửi")
    box = page.locator("#headlines").bounding_box()
    assert box["y"] < page.locator("#matrix").bounding_box()["y"]
    _fits(page, width)
    shot(page, f"matrix-{width}")
    for path in ("/units/SYT", "/review", "/outbox", "/audit", "/exports"):
        page.goto(base + path)
        _fits(page, width)
