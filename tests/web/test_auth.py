"""Password hashes, the login limiter, redirects after login, download headers (pure)."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import main
from bot.web.auth import LoginLimiter, csrf_matches, hash_password, verify_password
from bot.web.common import safe_next
from bot.web.downloads import content_disposition


def test_hash_format_and_verification():
    h = hash_password("mật khẩu", 20_000)
    algorithm, iterations, salt, digest = h.split("$")
    assert (algorithm, iterations) == ("pbkdf2_sha256", "20000") and salt and digest
    assert verify_password("mật khẩu", h)
    assert not verify_password("mat khau", h)
    assert hash_password("x", 20_000) != hash_password("x", 20_000)  # salted
    for broken in (None, "", "md5$1$a$b", "pbkdf2_sha256$abc$a$b", "pbkdf2_sha256$10$a$b", "garbage"):
        assert not verify_password("x", broken)


def test_limiter_window():
    lim = LoginLimiter(max_failures=2, window=300)
    lim.failed("a", 0)
    lim.failed("a", 10)
    assert lim.blocked("a", 20) and not lim.blocked("b", 20)
    assert not lim.blocked("a", 301)  # the first failure left the window
    lim.succeeded("a")
    assert not lim.blocked("a", 20)


def test_csrf_and_next():
    assert csrf_matches("t", "t") and not csrf_matches("t", "u") and not csrf_matches(None, None)
    assert not csrf_matches("", "")
    assert safe_next("/units/SYT?x=1") == "/units/SYT?x=1"
    for bad in ("https://evil.example/", "//evil.example", "javascript:alert(1)", "", None):
        assert safe_next(bad) == "/"


def test_content_disposition_keeps_vietnamese_names():
    v = content_disposition('Tờ trình "đặc biệt".docx')
    assert v.startswith('attachment; filename="To trinh dac biet.docx"')
    assert "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%22%C4%91%E1%BA%B7c%20bi%E1%BB%87t%22.docx" in v


def test_hash_password_command():
    out = CliRunner().invoke(
        main, ["web", "hash-password", "--iterations", "20000"], input="bí mật\nbí mật\n"
    )
    assert out.exit_code == 0, out.output
    assert verify_password("bí mật", out.output.strip().splitlines()[-1])


def test_web_refuses_to_start_without_a_password_hash(app_factory, monkeypatch):
    monkeypatch.delenv("INTAKE_WEB_PASSWORD_HASH", raising=False)
    app = app_factory(units=False)
    out = CliRunner().invoke(main, ["--config", app.settings.source, "web"])
    assert out.exit_code == 1 and "INTAKE_WEB_PASSWORD_HASH is not set" in out.output
