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
import re
import unicodedata
import warnings
from collections import OrderedDict
from pathlib import Path

from PIL import Image

from bot.documents import tools
from bot.documents.textcheck import quality

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
    """Text Tesseract reads on one PNG page (NFC); raises ``tools.ToolFailed``.

    A page that gives few words may lie sideways or upside down (fed so into the scanner,
    photographed so): Tesseract's orientation detection says how to turn it, and the
    turned page is read when it gives more.
    """
    text = _tesseract(png, lang, timeout)
    if _syllables(text) < _FEW_SYLLABLES or quality(text).scrambled:
        turned = _upright(png, timeout)
        if turned is not None:
            again = _tesseract(turned, lang, timeout)
            if _syllables(again) > _syllables(text):
                text = again
    return unicodedata.normalize("NFC", text).strip()


# A page read as fewer Vietnamese syllables than this, or as fragments that are none
# (a page on its side reads as "nọIq uiộrqu"), is looked at again for its orientation.
_FEW_SYLLABLES = 25
_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")
# Below this, Tesseract's orientation guess is noise (a blank page, a photo of a desk).
_MIN_ORIENTATION_CONFIDENCE = 2.0


def _syllables(text: str) -> int:
    """How many of its words are Vietnamese syllables (bot.documents.textcheck)."""
    q = quality(unicodedata.normalize("NFC", text))
    return round(q.words * (1.0 - q.invalid_share))


def _upright(png: bytes, timeout: float) -> bytes | None:
    """The page turned upright when Tesseract's orientation detection (``osd``) is sure it
    is not, else None."""
    try:
        osd = _tesseract(png, "osd", timeout, psm="0")
    except tools.ToolFailed:
        return None  # too few characters to tell, or no osd data
    rotate, confidence = _ROTATE.search(osd), _CONFIDENCE.search(osd)
    if rotate is None or confidence is None or float(confidence.group(1)) < _MIN_ORIENTATION_CONFIDENCE:
        return None
    degrees = int(rotate.group(1)) % 360
    if degrees == 0:
        return None
    with Image.open(io.BytesIO(png)) as im:
        turned = im.rotate(-degrees, expand=True)  # "Rotate: 90" means a quarter turn clockwise
        buf = io.BytesIO()
        turned.save(buf, format="PNG")
    return buf.getvalue()


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


def _tesseract(png: bytes, lang: str, timeout: float, *config: str, psm: str = "3") -> str:
    key = (hashlib.sha256(png).hexdigest(), lang, (psm, *config))
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    text = _run_tesseract(png, lang, timeout, *config, psm=psm)
    _kept[key] = text
    while len(_kept) > _KEPT_PAGES:
        _kept.popitem(last=False)
    return text


def _run_tesseract(png: bytes, lang: str, timeout: float, *config: str, psm: str = "3") -> str:
    def work(tmp: Path) -> bytes:
        (tmp / "page.png").write_bytes(png)
        return tools.run(
            ["tesseract", "page.png", "stdout", "-l", lang, "--psm", psm, *config],
            tmp,
            timeout,
            # One thread: the bot may OCR several files at once; oversubscription is slower.
            env={"OMP_THREAD_LIMIT": "1"},
        )

    return tools.in_tempdir(work).decode("utf-8", "replace")
