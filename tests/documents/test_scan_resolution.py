"""The resolution a scanned page is rendered at for OCR: its own pixels, bounded for A4.

Real image-only PDFs made by img2pdf from JPEGs that say what a scanner or a phone
writes; no OCR needed.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdfium2 as pdfium
import pytest
from PIL import Image

from bot.documents.pdf_layout import scan_render_dpi

pytestmark = pytest.mark.skipif(shutil.which("img2pdf") is None, reason="img2pdf is not installed")

A4_MM = (210, 297)


def _image_pdf(pixels: tuple[int, int], dpi: int) -> bytes:
    """One page: a white JPEG of ``pixels`` that says ``dpi``, wrapped by img2pdf."""
    buf = io.BytesIO()
    Image.new("L", pixels, 255).save(buf, format="JPEG", dpi=(dpi, dpi))
    return subprocess.run(["img2pdf"], input=buf.getvalue(), capture_output=True, check=True).stdout


def _a4_pixels(dpi: int) -> tuple[int, int]:
    return round(A4_MM[0] / 25.4 * dpi), round(A4_MM[1] / 25.4 * dpi)


def _render_dpi(pdf: bytes) -> float:
    doc = pdfium.PdfDocument(pdf)
    try:
        return scan_render_dpi(doc[0])
    finally:
        doc.close()


@pytest.mark.parametrize(
    ("scanned", "rendered"), [(100, 150), (150, 150), (200, 200), (300, 300), (600, 300)]
)
def test_an_a4_scan_is_read_at_its_own_dpi_within_150_to_300(scanned, rendered):
    assert _render_dpi(_image_pdf(_a4_pixels(scanned), scanned)) == pytest.approx(rendered, rel=0.01)


def test_a_phone_photo_that_says_72_dpi_is_read_at_its_own_pixels_not_upscaled():
    # 1536 × 2048 pixels at "72 dpi": a page of 28 inches whose pixels are those of a
    # 175 dpi A4 scan.  Rendering it at 150 dpi would upscale it 2.1 times.
    pdf = _image_pdf((1536, 2048), 72)
    dpi = _render_dpi(pdf)
    assert dpi == pytest.approx(72, rel=0.01)
    doc = pdfium.PdfDocument(pdf)
    try:
        assert round(doc[0].get_height() * dpi / 72) == 2048
    finally:
        doc.close()


def test_a_tiny_picture_is_still_brought_up_to_an_a4_scans_pixels():
    # 600 × 800 pixels that say 300 dpi: a page of 2.7 inches, no sheet of paper, and
    # fewer pixels than a 150 dpi A4 scan's, so it is enlarged to those.
    pdf = _image_pdf((600, 800), 300)
    doc = pdfium.PdfDocument(pdf)
    try:
        long_px = max(doc[0].get_width(), doc[0].get_height()) * _render_dpi(pdf) / 72
    finally:
        doc.close()
    assert long_px == pytest.approx(150 * A4_MM[1] / 25.4, rel=0.01)
