"""Text of legacy Word 97-2003 ``.doc`` files, through external converters.

Tried in order: ``antiword`` (fast, exact for real Word files), ``catdoc`` (more
forgiving), then LibreOffice ``soffice --headless --convert-to txt`` (slow to start but
reads nearly anything).  :func:`read_doc` returns the text and which method worked,
or ``None`` when no converter is installed or all failed, so the caller can send the
file to human review.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bot.documents import tools

TIMEOUT_S = 60.0
SOFFICE_TIMEOUT_S = 120.0


def _antiword(data: bytes) -> str:
    def work(tmp: Path) -> bytes:
        (tmp / "in.doc").write_bytes(data)
        # -w 0: no hard wrapping, so a paragraph stays on one line.
        return tools.run(["antiword", "-m", "UTF-8.txt", "-w", "0", "in.doc"], tmp, TIMEOUT_S)

    return tools.in_tempdir(work).decode("utf-8", "replace")


def _catdoc(data: bytes) -> str:
    def work(tmp: Path) -> bytes:
        (tmp / "in.doc").write_bytes(data)
        return tools.run(["catdoc", "-d", "utf-8", "-w", "in.doc"], tmp, TIMEOUT_S)

    return tools.in_tempdir(work).decode("utf-8", "replace")


def _soffice(data: bytes) -> str:
    def work(tmp: Path) -> bytes:
        (tmp / "in.doc").write_bytes(data)
        args = ["soffice", *tools.soffice_env(tmp / "profile"), "--headless", "--norestore"]
        args += ["--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp / "out"), "in.doc"]
        tools.run(args, tmp, SOFFICE_TIMEOUT_S)
        out = tmp / "out" / "in.txt"
        if not out.exists():
            raise tools.ToolFailed("soffice produced no text")
        return out.read_bytes()

    return tools.in_tempdir(work).decode("utf-8-sig", "replace")


def _looks_like_text(text: str) -> bool:
    """Mostly letters, digits and spaces.

    LibreOffice imports a file it cannot parse as raw text, which gives a screen of
    replacement characters and "#" rather than an error.
    """
    sample = text[:5000]
    if not sample.strip():
        return False
    wordy = sum(1 for c in sample if c.isalnum() or c.isspace())
    return wordy >= 0.6 * len(sample) and sample.count("\ufffd") < 0.02 * len(sample)


CONVERTERS = (("doc-antiword", _antiword), ("doc-catdoc", _catdoc), ("doc-libreoffice", _soffice))


def read_doc(data: bytes) -> tuple[str | None, str, list[str]]:
    """(text, method, why the converters that were tried failed).

    ``text`` is None when nothing worked; ``method`` is then ``"none"``.  When every
    error says "not installed" there was simply no converter on this machine.
    """
    errors: list[str] = []
    for method, convert in CONVERTERS:
        try:
            text = convert(data)
        except tools.ToolFailed as e:
            errors.append(str(e))
            continue
        if _looks_like_text(text):
            return unicodedata.normalize("NFC", text), method, errors
        errors.append(f"{method} found no text")
    return None, "none", errors


def no_converter(errors: list[str]) -> bool:
    """True when the failures only say that the converters are missing."""
    return all("not installed" in e for e in errors)
