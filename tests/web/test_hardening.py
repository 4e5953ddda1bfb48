"""The dashboard items of issue 13, against the real Starlette app served by uvicorn, with
Debian's chromium (Playwright) and its HTTP client: logout ends the session on the
server, login lockout per user name and per forwarded client address, login time not
telling whether a user exists, the security headers, and a huge id answered 404."""

from __future__ import annotations

import re
import statistics
import time

from playwright.sync_api import expect

from bot.config import WebSettings
from bot.web.auth import LoginLimiter, client_address, hash_password
from tests.seeding import seed
from tests.web.conftest import PASSWORD, USER, login, serve

COOKIE = "intake_staff"


def _attempt(client, base, user, password, forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    html = client.get(f"{base}/login", headers=headers).text()
    token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    return client.post(
        f"{base}/login",
        form={"csrf": token, "username": user, "password": password, "next": "/"},
        headers=headers,
        max_redirects=0,
    )


def test_a_cookie_copied_before_logout_is_worthless_after_it(served, page, browser):
    pw, _ = browser
    base = served.url
    login(page, base)
    expect(page.locator("h1")).to_have_text("Tình hình nộp hồ sơ")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == COOKIE]
    sid = served.seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    thief = pw.request.new_context(extra_http_headers={"Cookie": f"{COOKIE}={cookie['value']}"})
    try:
        assert thief.get(f"{base}/units/SYT", max_redirects=0).status == 200  # the copy works…
        assert thief.get(f"{base}/files/{sid}", max_redirects=0).status == 200
        page.click("form[action='/logout'] button")
        expect(page).to_have_url(re.compile(r"/login"))
        # …until the staff member logs out: ended on the server, not only in the browser.
        r = thief.get(f"{base}/units/SYT", max_redirects=0)
        assert r.status == 303 and r.headers["location"].startswith("/login")
        assert thief.get(f"{base}/files/{sid}", max_redirects=0).status == 403
        assert thief.get(f"{base}/exports/files", max_redirects=0).status == 403
    finally:
        thief.dispose()


def test_behind_the_proxy_one_guesser_does_not_lock_out_the_staff(app_factory, anonymous):
    """Every request comes from 127.0.0.1 (the reverse proxy); the client is the one it forwards."""
    app = app_factory()
    app.settings = app.settings.model_copy(
        update={"web": WebSettings(client_address_header="X-Forwarded-For")}
    )
    with serve(app, seed(app)) as served:
        base = served.url
        for _ in range(5):
            assert _attempt(anonymous, base, "canbo", "doan", "203.0.113.7").status == 401
        assert _attempt(anonymous, base, "canbo", PASSWORD, "203.0.113.7").status == 429
        # What the guesser writes at the left of the header is not believed.
        assert _attempt(anonymous, base, "canbo", PASSWORD, "198.51.100.20, 203.0.113.7").status == 429
        ok = _attempt(anonymous, base, USER, PASSWORD, "198.51.100.20")  # a staff member, elsewhere
        assert ok.status == 303 and ok.headers["location"] == "/"


def test_failures_are_counted_per_user_name_across_addresses(app_factory, anonymous):
    app = app_factory()
    web = WebSettings(client_address_header="X-Forwarded-For", login_failures_per_user=4)
    app.settings = app.settings.model_copy(update={"web": web})
    with serve(app, seed(app)) as served:
        base = served.url
        statuses = [_attempt(anonymous, base, USER, "doan", f"203.0.113.{i}").status for i in range(1, 5)]
        assert statuses == [401] * 4
        assert _attempt(anonymous, base, USER, PASSWORD, "203.0.113.99").status == 429
        assert _attempt(anonymous, base, "khac", "doan", "203.0.113.99").status == 401  # other names go on


def test_login_takes_as_long_for_a_user_that_does_not_exist(app_factory, anonymous):
    """Was 1.4 ms for an unknown name and 164 ms for the real one with a wrong password."""
    app = app_factory()
    many = LoginLimiter(max_failures=1000)
    cost = hash_password(PASSWORD, 200_000)  # ~0.1 s: far above the noise of a request
    with serve(app, seed(app), password_hash=cost, limiter=many, user_limiter=many) as served:

        def seconds(user: str) -> float:
            start = time.perf_counter()
            assert _attempt(anonymous, served.url, user, "sai-mat-khau").status == 401
            return time.perf_counter() - start

        known, unknown = [], []
        for _ in range(5):
            known.append(seconds(USER))
            unknown.append(seconds("khong-ton-tai"))
        assert statistics.median(unknown) > 0.6 * statistics.median(known), (known, unknown)


def test_security_headers_on_pages_files_and_errors(served, page):
    base = served.url
    responses = []
    page.on("response", lambda r: responses.append(r))
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, base)
    expect(page.locator("h1")).to_have_text("Tình hình nộp hồ sơ")
    # The legend's colours come from the stylesheet now; nothing was blocked.
    colour = page.locator(".legend .lg-received").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(198, 239, 206)" and csp_errors == []
    sid = served.seeded.submissions["syt:Tờ trình đề nghị khen thưởng.docx"]
    checked = [page.request.get(f"{base}{path}") for path in ("/", f"/files/{sid}", "/nowhere", "/login")]
    for r in checked + [r for r in responses if r.url.startswith(base) and "/static/" not in r.url]:
        h = r.headers
        assert "frame-ancestors 'none'" in h["content-security-policy"], r.url
        assert (
            "script-src" not in h["content-security-policy"]
            and "default-src 'none'" in h["content-security-policy"]
        )
        assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "no-referrer", r.url
        assert h["cache-control"] == "no-store" and h["x-content-type-options"] == "nosniff", r.url


def test_a_huge_id_is_not_found_not_a_server_error(served, page):
    base = served.url
    login(page, base)
    expect(page.locator("h1")).to_have_text("Tình hình nộp hồ sơ")
    huge = "9" * 30
    for n in (huge, "9223372036854775808", "2147483648", "0", "007"):
        for path in (f"/attachments/{n}", f"/files/{n}"):
            assert page.request.get(base + path).status == 404, path
    assert page.request.post(f"{base}/files/{huge}/accept", form={"csrf": "x"}).status == 404
    assert page.request.get(f"{base}/attachments/2147483647").status == 404  # the largest id: looked up


def test_client_address_believes_only_trusted_proxies():
    # As the settings hold them: parsed once, a host address with its bits is its network.
    trusted = WebSettings.model_validate({"trusted_proxies": ["127.0.0.1", "10.9.8.7/8"]}).trusted_proxies
    h = {"x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.2.3"}
    assert client_address("127.0.0.1", h, "X-Forwarded-For", trusted) == "198.51.100.4"
    assert client_address("203.0.113.5", h, "X-Forwarded-For", trusted) == "203.0.113.5"  # not a proxy
    assert client_address("127.0.0.1", h, None, trusted) == "127.0.0.1"  # no header configured
    assert (
        client_address("127.0.0.1", {"x-forwarded-for": "garbage"}, "X-Forwarded-For", trusted) == "127.0.0.1"
    )
    assert client_address("127.0.0.1", {"x-real-ip": "198.51.100.9"}, "X-Real-IP", trusted) == "198.51.100.9"


def test_an_unauthenticated_sender_waits_in_the_queue_without_the_offer_to_register_it(app_factory, page):
    import datetime as dt

    from tests.conftest import TZ
    from tests.seeding import F, record_mail

    app = app_factory()
    seeded = seed(app)
    record_mail(
        app,
        None,
        [F("To trinh.docx", "to_trinh", status=None)],
        dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ),
        sender="attacker@evil.example",
        review_reason="unauthenticated_sender: name_has_other_address",
        suggested="SYT",
        subject="Tờ trình giả mạo",
        ack=False,
    )
    with serve(app, seeded) as served:
        login(page, served.url)
        page.goto(served.url + "/review")
        item = page.locator(".review-item", has_text="Tờ trình giả mạo")
        expect(item).to_contain_text(
            "Chưa xác minh được người gửi: tên hiển thị của người gửi ghi một địa chỉ thư khác với địa chỉ gửi thật"
        )
        expect(item.locator("input[name=add_address]")).to_have_count(0)
