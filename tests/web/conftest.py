"""The real dashboard served by uvicorn on 127.0.0.1 in a background thread, over a seeded
database, and a headless Debian chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.web.auth import hash_password
from tests.seeding import Seeded, seed

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
USER = "canbo"
PASSWORD = "mat-khau-thu-nghiem"
NOW = dt.datetime(2024, 2, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Served:
    url: str
    app: object
    seeded: Seeded


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(app_factory):
    """The dashboard over a freshly seeded app; yields its base URL."""
    import uvicorn

    from bot.web.app import create_web_app

    app = app_factory()
    seeded = seed(app)
    # Few iterations: the hash format is the production one, the test just runs faster.
    web = create_web_app(
        app, lambda: NOW, user=USER, password_hash=hash_password(PASSWORD, 20_000), secret_key="test-secret"
    )
    port = _free_port()
    config = uvicorn.Config(
        web, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="off", http="h11"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard did not start")
        time.sleep(0.05)
    yield Served(f"http://127.0.0.1:{port}", app, seeded)
    server.should_exit = True
    thread.join(timeout=10)


# Package scope, not session: Playwright's sync API runs an event loop in the main thread
# while it is open, and any test after it that calls asyncio.run() (the SMTP sender) fails.
@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} is not installed (make test installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield pw, b
        b.close()


@pytest.fixture
def page(browser):
    _, b = browser
    context = b.new_context(locale="vi-VN", viewport={"width": 1400, "height": 900}, accept_downloads=True)
    p = context.new_page()
    p.set_default_timeout(15_000)
    yield p
    context.close()


@pytest.fixture
def anonymous(browser):
    """An HTTP client with no session cookie."""
    pw, _ = browser
    ctx = pw.request.new_context()
    yield ctx
    ctx.dispose()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def login(page, base: str, password: str = PASSWORD) -> None:
    page.goto(base + "/login")
    page.fill("#username", USER)
    page.fill("#password", password)
    page.click("button[type=submit]")
