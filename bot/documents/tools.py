"""The one place that runs external programs (antiword, catdoc, soffice, tesseract).

Every call has a timeout, gets no standard input and runs in a private temporary
directory that is removed afterwards, so a hung or crashing converter never leaves
files behind or blocks the bot.  Callers get ``ToolFailed`` and decide what to try next.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ToolFailed(Exception):
    """The program is missing, timed out or exited with an error."""


def which(program: str) -> str | None:
    return shutil.which(program)


def run(args: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> bytes:
    """Run ``args`` in ``cwd``; return stdout or raise :class:`ToolFailed`."""
    if which(args[0]) is None:
        raise ToolFailed(f"{args[0]} is not installed")
    full_env = {**os.environ, **(env or {})}
    try:
        proc = subprocess.run(
            args,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            env=full_env,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise ToolFailed(f"{args[0]} timed out after {timeout:.0f} s") from e
    except OSError as e:
        raise ToolFailed(f"{args[0]} could not start: {e}") from e
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ToolFailed(f"{args[0]} exited with {proc.returncode}: {err[-1] if err else ''}")
    return proc.stdout


def in_tempdir(work: Callable[[Path], T]) -> T:
    """Call ``work(dir)`` with a fresh temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="bot-doc-") as tmp:
        return work(Path(tmp))


def soffice_env(profile_dir: Path) -> list[str]:
    """Arguments giving LibreOffice its own profile, so it runs beside a user's instance."""
    return [f"-env:UserInstallation={profile_dir.resolve().as_uri()}"]
