"""Rules of the code's layout that ARCHITECTURE.md states and a test can check."""

from __future__ import annotations

from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"
MAX_LINES = 500


def test_every_file_in_bot_reads_in_one_sitting() -> None:
    long = {
        str(p.relative_to(BOT)): n
        for p in BOT.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"over {MAX_LINES} lines (split by what the code does): {long}"


def test_every_module_says_what_lives_there() -> None:
    missing = [
        str(p.relative_to(BOT))
        for p in BOT.rglob("*.py")
        if p.stat().st_size and not p.read_text(encoding="utf-8").lstrip().startswith(('"""', "#"))
    ]
    assert missing == []
