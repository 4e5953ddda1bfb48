"""OCR of scanned pages with Tesseract (``tesseract -l vie``).

OCR costs seconds per page, so callers read the first page (the title and the Party
header: all classification needs) unless they need more, and a page read once is not read
again: reading one file asks for the same page up to three times (its names, its summary's
length, its summaries' titles), so the last pages' results are kept (:func:`_tesseract`).
:func:`ocr_available` says whether the program and the Vietnamese language data are
installed; without them the caller marks the document for human review instead.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
import warnings
from collections import OrderedDict
from pathlib import Path

from PIL import Image

from bot.documents import tools

OCR_TIMEOUT_S = 120.0
# Pages whose OCR output is kept (per process, newest last): a file's pages, a few files.
_KEPT_PAGES = 24
_kept: OrderedDict[tuple[str, str, tuple[str, ...]], str] = OrderedDict()


@functools.cache
def ocr_available() -> bool:
    """``tesseract`` is installed and lists the ``vie`` language."""
    if tools.which("tesseract") is None:
        return False
    try:
        out = tools.in_tempdir(lambda d: tools.run(["tesseract", "--list-langs"], d, timeout=20))
    except tools.ToolFailed:
        return False
    return "vie" in out.decode("utf-8", "replace").split()


def image_to_png(data: bytes) -> bytes:
    """First frame of any image Pillow reads, as PNG (Tesseract reads PNG reliably).

    Raises ``OSError``/``ValueError`` (or Pillow's DecompressionBombError) for bad images.
    """
    # A huge scan triggers Pillow's DecompressionBombWarning, which tests turn into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as im:
            im.seek(0)
            im.load()
            frame = im.convert("L") if im.mode not in ("L", "1", "RGB") else im.copy()
    buf = io.BytesIO()
    frame.save(buf, format="PNG")
    return buf.getvalue()


def ocr_png(png: bytes, lang: str = "vie", timeout: float = OCR_TIMEOUT_S) -> str:
    """Text Tesseract reads on one PNG page (NFC); raises ``tools.ToolFailed``."""
    return unicodedata.normalize("NFC", _tesseract(png, lang, timeout)).strip()


def ocr_lines(png: bytes, lang: str = "vie", timeout: float = OCR_TIMEOUT_S) -> list[tuple[int, int, str]]:
    """``(top, bottom, text)`` of each line Tesseract reads on one PNG page, in pixels,
    top down."""
    lines: dict[tuple[str, str, str], tuple[int, int, list[str]]] = {}
    for row in _tesseract(png, lang, timeout, "tsv").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue  # level 5: a word
        key = (cells[2], cells[3], cells[4])  # block, paragraph, line
        top, bottom = int(cells[7]), int(cells[7]) + int(cells[9])
        was_top, was_bottom, words = lines.get(key, (top, bottom, []))
        lines[key] = (min(top, was_top), max(bottom, was_bottom), [*words, cells[11]])
    found = [(top, bottom, unicodedata.normalize("NFC", " ".join(w))) for top, bottom, w in lines.values()]
    return sorted(found)


def _tesseract(png: bytes, lang: str, timeout: float, *config: str) -> str:
    key = (hashlib.sha256(png).hexdigest(), lang, config)
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    text = _run_tesseract(png, lang, timeout, *config)
    _kept[key] = text
    while len(_kept) > _KEPT_PAGES:
        _kept.popitem(last=False)
    return text


def _run_tesseract(png: bytes, lang: str, timeout: float, *config: str) -> str:
    def work(tmp: Path) -> bytes:
        (tmp / "page.png").write_bytes(png)
        return tools.run(
            ["tesseract", "page.png", "stdout", "-l", lang, "--psm", "3", *config],
            tmp,
            timeout,
            # One thread: the bot may OCR several files at once; oversubscription is slower.
            env={"OMP_THREAD_LIMIT": "1"},
        )

    return tools.in_tempdir(work).decode("utf-8", "replace")
