"""Labelled corpus of realistic Party documents for Plan 120-KH/ĐUK, made with real tools.

Usage::

    from tests.corpus.make_corpus import build_corpus
    docs = build_corpus(Path("var/corpus"))      # list[CorpusDoc]

or ``python -m tests.corpus.make_corpus var/corpus [FONT SET]`` from the repository root.

For the units of ``config/units.example.csv`` and their nominees (within each unit
kind's quota) it writes every deliverable of the plan: Tờ trình, Báo cáo thành tích
(Mẫu 07, with the committee's confirmation), Tóm tắt thành tích (short: under half an
A4 page; long: over), Quyết định khen thưởng, Quyết định xếp loại đảng viên 2023 and
the Báo cáo KL01 (complete, or with outline sections missing).  Sources are .docx
(python-docx); other formats come from real converters:

* ``pdf``, ``doc``: LibreOffice (``soffice --headless --convert-to``), one call per batch,
  with fontconfig pointed at one of the font sets of :mod:`tests.fontsets` (the
  ``fontset`` argument; the fresh-machine set by default), never the machine's fonts;
* ``scan-pdf``: PDF pages rendered with PDFium, re-wrapped as image-only PDF by img2pdf;
* ``png``/``jpeg``: first page rendered as a photo-like image;
* ``docx-tcvn3``/``docx-vni`` (and their ``pdf-*``): text pre-encoded in TCVN3/VNI,
  legacy fonts;
* ``pdf-encrypted`` (qpdf), ``docx-encrypted`` (msoffcrypto-tool), ``corrupt-docx``,
  ``corrupt-pdf``.

A variant whose tool is missing is left out (logged with the reason), so callers must
look up what they need and skip when it is absent.  Conversions are cached in
``dest/.cache`` by content hash; a rerun with an unchanged generator takes about a
second.  Generated files never belong in git: pass a scratch directory
(``tmp_path_factory``) or ``var/corpus`` (gitignored).

The API (:class:`CorpusDoc`, :func:`build_corpus`, :func:`find`) is used by several test
packages; keep it backwards compatible.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tests.corpus import texts
from tests.corpus.docxgen import Block, render_docx
from tests.corpus.texts import Nominee, Unit
from tests.fontsets import DEFAULT as DEFAULT_FONTSET
from tests.fontsets import fontconfig_env

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
UNITS_CSV = REPO / "config" / "units.example.csv"
GENERATOR_VERSION = "1"  # bump to invalidate every cached conversion
SOFFICE_TIMEOUT_S = 600

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "doc": "application/msword",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "png": "image/png",
    "jpeg": "image/jpeg",
}


@dataclass(frozen=True)
class CorpusDoc:
    """One generated file and what inspection and matching should find in it.

    ``deliverable`` is a deliverable id of the campaign (``to_trinh``, ...).
    ``format`` is one of: docx, pdf, doc, scan-pdf, png, jpeg, docx-tcvn3, docx-vni,
    pdf-tcvn3, pdf-vni, pdf-encrypted, docx-encrypted, corrupt-docx, corrupt-pdf.
    ``sniffed_type`` is the MIME type the intake would report.
    Expected facts: ``summary_too_long`` (Tóm tắt only, else None), ``missing_sections``
    (KL01 only: outline section ids absent), ``legacy_encoding``, ``encrypted``,
    ``unreadable``, ``scanned`` (text only through OCR).  ``title`` is the document's
    title line and ``key_phrases`` phrases its head text contains (in Unicode).
    """

    path: Path
    unit_code: str
    deliverable: str
    nominee_name: str | None
    nominee_kind: str | None
    format: str
    sniffed_type: str
    title: str
    key_phrases: tuple[str, ...] = ()
    summary_too_long: bool | None = None
    missing_sections: tuple[str, ...] = ()
    legacy_encoding: str | None = None
    fontset: str = DEFAULT_FONTSET  # the font set LibreOffice rendered PDFs (and scans of them) with
    encrypted: bool = False
    unreadable: bool = False
    scanned: bool = False


# Nominees per unit, within the quotas of the plan (đảng bộ cơ sở: 1 tập thể and 1 cá
# nhân; chi bộ cơ sở: 1 of either; đoàn thể: 2 cá nhân).
NOMINEES: dict[str, list[Nominee]] = {
    "SYT": [
        Nominee("Phòng Kế hoạch - Tài chính, Sở Y tế", "tap_the"),
        Nominee("Nguyễn Thị Thu Hương", "ca_nhan", "Phó Trưởng phòng Nghiệp vụ Y, Sở Y tế", "12/3/1982"),
    ],
    "SGDDT": [
        Nominee("Chi bộ Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo", "tap_the"),
        Nominee("Trần Quốc Khánh", "ca_nhan", "Chuyên viên Phòng Giáo dục Mầm non, Sở Giáo dục và Đào tạo", "05/9/1987"),
    ],
    "STC": [
        Nominee("Phòng Quản lý Ngân sách, Sở Tài chính", "tap_the"),
        Nominee("Lê Minh Đức", "ca_nhan", "Trưởng phòng Tin học và Thống kê, Sở Tài chính", "21/11/1979"),
    ],
    "SNN": [
        Nominee("Chi cục Thủy lợi, Sở Nông nghiệp và Phát triển nông thôn", "tap_the"),
        Nominee("Hoàng Thị Bích Ngọc", "ca_nhan", "Kế toán viên, Văn phòng Sở Nông nghiệp và PTNT", "30/6/1990"),
    ],
    "VPUB": [
        Nominee("Phòng Hành chính - Tổ chức, Văn phòng UBND tỉnh", "tap_the"),
        Nominee("Dương Văn Thành", "ca_nhan", "Phó Chánh Văn phòng UBND tỉnh", "14/02/1975"),
    ],
    "CTHUE": [
        Nominee("Phòng Tuyên truyền - Hỗ trợ người nộp thuế, Cục Thuế tỉnh", "tap_the"),
        Nominee("Phạm Thị Minh Nguyệt", "ca_nhan", "Kiểm tra viên thuế, Cục Thuế tỉnh", "08/8/1985"),
    ],
    "KBNN": [
        Nominee("Phòng Kiểm soát chi, Kho bạc Nhà nước tỉnh", "tap_the"),
        Nominee("Vũ Thị Hải Yến", "ca_nhan", "Kiểm soát viên, Kho bạc Nhà nước tỉnh", "19/4/1988"),
    ],
    "SNV": [Nominee("Ngô Quang Vinh", "ca_nhan", "Chuyên viên Phòng Lãnh sự, Sở Ngoại vụ", "02/01/1984")],
    "STP": [Nominee("Bùi Thị Thanh Tâm", "ca_nhan", "Trưởng phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp", "25/12/1980")],
    "SKHCN": [Nominee("Phòng Quản lý Khoa học, Sở Khoa học và Công nghệ", "tap_the")],
    "TTT": [Nominee("Trịnh Thị Hoa", "ca_nhan", "Thanh tra viên chính, Thanh tra tỉnh", "17/7/1978")],
    "BDT": [Nominee("Phòng Chính sách Dân tộc, Ban Dân tộc tỉnh", "tap_the")],
    "HCCB": [
        Nominee("Đỗ Văn Chiến", "ca_nhan", "Chủ tịch Hội Cựu chiến binh Sở Xây dựng", "09/5/1962"),
        Nominee("Hà Văn Thắng", "ca_nhan", "Hội viên Chi hội Cựu chiến binh Sở Công Thương", "23/10/1964"),
    ],
    "CDVC": [
        Nominee("Lương Thị Thu Trang", "ca_nhan", "Chủ tịch Công đoàn Sở Văn hóa, Thể thao và Du lịch", "11/3/1983"),
        Nominee("Đặng Văn Quân", "ca_nhan", "Chủ tịch Công đoàn cơ sở Bệnh viện Đa khoa tỉnh", "28/8/1976"),
    ],
    "DTN": [
        Nominee("Phan Thị Ngọc Ánh", "ca_nhan", "Bí thư Chi đoàn Sở Thông tin và Truyền thông", "06/6/1994"),
        Nominee("Nguyễn Hoàng Long", "ca_nhan", "Phó Bí thư Đoàn Khối các cơ quan tỉnh", "15/9/1991"),
    ],
}  # fmt: skip

# Units whose KL01 report leaves out outline sections (ids of the campaign's outline rule).
KL01_MISSING: dict[str, tuple[str, ...]] = {
    "SGDDT": ("III.3", "IV"),
    "STC": ("II",),
    "SNV": ("III", "III.1", "III.2", "III.3"),
}
# Which nominee's summary is the long one: the individual of units at an even index.
# Extra formats beyond .docx, per (unit, deliverable, nominee kind or None).
EXTRA_FORMATS: dict[tuple[str, str, str | None], tuple[str, ...]] = {
    ("SYT", "to_trinh", None): ("pdf", "doc", "scan-pdf", "png", "jpeg"),
    ("SYT", "bao_cao_kl01", None): ("pdf",),
    ("SYT", "bao_cao_thanh_tich", "ca_nhan"): ("pdf", "doc"),
    ("SYT", "quyet_dinh_khen_thuong", "tap_the"): ("scan-pdf",),
    ("SNV", "quyet_dinh_xep_loai", "ca_nhan"): ("scan-pdf", "jpeg"),
    ("STC", "bao_cao_thanh_tich", "tap_the"): ("doc",),
    ("HCCB", "bao_cao_thanh_tich", "ca_nhan"): ("doc",),
    # LibreOffice's own format and RTF: read by converting them to .docx.
    ("STC", "tom_tat_thanh_tich", "tap_the"): ("odt",),
    ("SGDDT", "bao_cao_kl01", None): ("pdf", "odt"),
    ("HCCB", "to_trinh", None): ("rtf",),
    ("HCCB", "tom_tat_thanh_tich", "ca_nhan"): ("rtf",),
    ("STC", "to_trinh", None): ("pdf-encrypted",),
    ("KBNN", "to_trinh", None): ("docx-encrypted",),
    ("SGDDT", "bao_cao_thanh_tich", "ca_nhan"): ("docx-tcvn3", "pdf-tcvn3"),
    ("VPUB", "tom_tat_thanh_tich", "tap_the"): ("docx-vni", "pdf-vni"),
    ("CTHUE", "bao_cao_thanh_tich", "tap_the"): ("corrupt-docx",),
    ("TTT", "quyet_dinh_xep_loai", "ca_nhan"): ("corrupt-pdf",),
}


def load_units(path: Path = UNITS_CSV) -> list[Unit]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Unit(r["code"], r["name"], r["kind"], r["secretary"]) for r in csv.DictReader(fh)]


@dataclass(frozen=True)
class _Source:
    """One logical document: its blocks and labels, before formats are made."""

    unit: Unit
    deliverable: str
    nominee: Nominee | None
    blocks: list[Block]
    title: str
    key_phrases: tuple[str, ...]
    stem: str
    summary_too_long: bool | None = None
    missing_sections: tuple[str, ...] = ()


def _ascii(text: str) -> str:
    """Diacritics-free spelling, as clerks type file names."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _sources(units: list[Unit]) -> list[_Source]:
    out: list[_Source] = []
    for idx, unit in enumerate(units):
        nominees = NOMINEES.get(unit.code, [])
        phrases = (unit.committee.upper(),) if unit.kind != "doan_the" else (unit.name.upper(),)
        out.append(
            _Source(unit, "to_trinh", None, texts.to_trinh_blocks(unit, nominees), "TỜ TRÌNH",
                    ("TỜ TRÌNH", *phrases), "To trinh")
        )  # fmt: skip
        missing = KL01_MISSING.get(unit.code, ())
        if idx % 4 == 3 and not missing:
            # Titled by the plan's topic and named so: nothing in it or its name cites KL01.
            out.append(
                _Source(unit, "bao_cao_kl01", None,
                        texts.kl01_blocks(unit, title=texts.KL01_TOPIC_TITLE), "BÁO CÁO",
                        ("học tập và làm theo", *phrases), "BC ket qua hoc tap lam theo Bac")
            )  # fmt: skip
        else:
            out.append(
                _Source(unit, "bao_cao_kl01", None,
                        texts.kl01_blocks(unit, missing), "BÁO CÁO",
                        ("Kết luận số 01-KL/TW", *phrases), "Bao cao KL01", missing_sections=missing)
            )  # fmt: skip
        for n in nominees:
            short = _ascii(n.name.split(",")[0])
            out.append(
                _Source(unit, "bao_cao_thanh_tich", n, texts.bao_cao_thanh_tich_blocks(unit, n),
                        "BÁO CÁO THÀNH TÍCH", ("BÁO CÁO THÀNH TÍCH", "Mẫu số 07"), f"BCTT {short}")
            )  # fmt: skip
            long = (n.kind == "ca_nhan") == (idx % 2 == 0)
            out.append(
                _Source(unit, "tom_tat_thanh_tich", n, texts.tom_tat_blocks(unit, n, long),
                        "TÓM TẮT THÀNH TÍCH", ("TÓM TẮT THÀNH TÍCH",), f"Tom tat thanh tich {short}",
                        summary_too_long=long)
            )  # fmt: skip
            out.append(
                _Source(unit, "quyet_dinh_khen_thuong", n, texts.quyet_dinh_khen_thuong_blocks(unit, n),
                        "QUYẾT ĐỊNH", ("QUYẾT ĐỊNH", "Về việc tặng Giấy khen"), f"QD khen thuong {short}")
            )  # fmt: skip
            if n.kind == "ca_nhan":
                out.append(
                    _Source(unit, "quyet_dinh_xep_loai", n, texts.quyet_dinh_xep_loai_blocks(unit, n),
                            "QUYẾT ĐỊNH", ("QUYẾT ĐỊNH", "xếp loại chất lượng đảng viên năm 2023"),
                            f"QD xep loai {short}")
                )  # fmt: skip
    return out


# --- conversions -----------------------------------------------------------------------
def _sha(data: bytes) -> str:
    return hashlib.sha256(GENERATOR_VERSION.encode() + data).hexdigest()[:24]


class _Cache:
    """Files keyed by the hash of their source bytes and the target format."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, key: str, ext: str) -> Path:
        return self.root / f"{key}.{ext}"

    def get(self, key: str, ext: str) -> bytes | None:
        p = self.path(key, ext)
        return p.read_bytes() if p.exists() else None

    def put(self, key: str, ext: str, data: bytes) -> None:
        tmp = self.path(key, ext + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(self.path(key, ext))


def soffice_convert(
    docx_files: dict[str, bytes], target: str, cache: _Cache, fontset: str = DEFAULT_FONTSET
) -> dict[str, bytes]:
    """Convert many .docx at once with one LibreOffice start-up; ``target`` pdf, doc, odt or rtf.

    Returns {key: converted bytes} for those that converted; results are cached (PDFs per
    font set: the fonts are in them; the other formats only name their fonts).
    """
    ext = f"{fontset}.pdf" if target == "pdf" else target
    results = {k: cached for k in docx_files if (cached := cache.get(k, ext)) is not None}
    todo = {k: v for k, v in docx_files.items() if k not in results}
    if not todo or shutil.which("soffice") is None:
        return results
    filt = {
        "pdf": "pdf:writer_pdf_Export",
        "doc": "doc:MS Word 97",
        "odt": "odt:writer8",
        "rtf": "rtf:Rich Text Format",
    }[target]
    with tempfile.TemporaryDirectory(prefix="corpus-soffice-") as tmp:
        tmpdir = Path(tmp)
        for key, data in todo.items():
            (tmpdir / f"{key}.docx").write_bytes(data)
        args = ["soffice", f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
                "--norestore", "--convert-to", filt, "--outdir", str(tmpdir / "out")]  # fmt: skip
        args += sorted(str(tmpdir / f"{k}.docx") for k in todo)
        env = fontconfig_env(fontset)
        subprocess.run(args, cwd=tmpdir, env=env, capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False)
        for key in todo:
            out = tmpdir / "out" / f"{key}.{target}"
            if out.exists():
                cache.put(key, ext, out.read_bytes())
                results[key] = out.read_bytes()
            else:
                log.warning("LibreOffice did not convert %s to %s", key, ext)
    return results


def _render_pages(pdf: bytes, dpi: int, max_pages: int | None = None, turn: int = 0) -> list[bytes]:
    """Pages of a PDF as greyscale JPEG images, like a office scanner produces; ``turn``:
    degrees counter-clockwise, a page fed sideways (90, 270) or upside down (180)."""
    import pypdfium2 as pdfium

    images: list[bytes] = []
    doc = pdfium.PdfDocument(pdf)
    try:
        count = len(doc) if max_pages is None else min(len(doc), max_pages)
        for i in range(count):
            page = doc[i]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            buf = io.BytesIO()
            bitmap.to_pil().rotate(turn, expand=True).save(buf, format="JPEG", quality=85, dpi=(dpi, dpi))
            bitmap.close()
            page.close()
            images.append(buf.getvalue())
    finally:
        doc.close()
    return images


def make_scan_pdf(pdf: bytes, cache: _Cache, key: str, dpi: int = 200, turn: int = 0) -> bytes | None:
    """Image-only PDF (no text layer) from ``pdf``: pages rendered at ``dpi`` (an office
    scanner's 150 to 300), turned ``turn`` degrees, wrapped by img2pdf."""
    if dpi != 200:
        key = f"{key}-{dpi}dpi"
    if turn:
        key = f"{key}-turned{turn}"
    if (hit := cache.get(key, "scan.pdf")) is not None:
        return hit
    if shutil.which("img2pdf") is None:
        log.warning("img2pdf is not installed: scanned PDFs left out")
        return None
    with tempfile.TemporaryDirectory(prefix="corpus-scan-") as tmp:
        names = []
        for i, jpeg in enumerate(_render_pages(pdf, dpi=dpi, turn=turn)):
            name = Path(tmp) / f"page{i:03d}.jpg"
            name.write_bytes(jpeg)
            names.append(str(name))
        proc = subprocess.run(["img2pdf", *names], capture_output=True, timeout=120, check=False)
    if proc.returncode != 0:
        log.warning("img2pdf failed: %s", proc.stderr.decode(errors="replace"))
        return None
    cache.put(key, "scan.pdf", proc.stdout)
    return proc.stdout


def make_photo_pdf(pdf: bytes) -> bytes | None:
    """The first page photographed by a phone and bound into a PDF by img2pdf: the JPEG
    says 72 dpi (what phone cameras write), so the PDF's page is some 23 inches tall and
    its 2,339 pixels are those of a 200 dpi A4 scan."""
    from PIL import Image

    if shutil.which("img2pdf") is None:
        log.warning("img2pdf is not installed: photographed PDFs left out")
        return None
    with Image.open(io.BytesIO(_render_pages(pdf, dpi=200, max_pages=1)[0])) as im:
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=85, dpi=(72, 72))
    proc = subprocess.run(["img2pdf"], input=buf.getvalue(), capture_output=True, timeout=120, check=False)
    if proc.returncode != 0:
        log.warning("img2pdf failed: %s", proc.stderr.decode(errors="replace"))
        return None
    return proc.stdout


def make_image(pdf: bytes, fmt: str) -> bytes:
    """First page as PNG or JPEG (a phone photo or a scanner's image output)."""
    from PIL import Image

    jpeg = _render_pages(pdf, dpi=200, max_pages=1)[0]
    if fmt == "jpeg":
        return jpeg
    buf = io.BytesIO()
    with Image.open(io.BytesIO(jpeg)) as im:
        im.save(buf, format="PNG")
    return buf.getvalue()


def encrypt_pdf(pdf: bytes, cache: _Cache, key: str) -> bytes | None:
    """AES-256 encrypted PDF with an open password, by qpdf."""
    if (hit := cache.get(key, "enc.pdf")) is not None:
        return hit
    if shutil.which("qpdf") is None:
        log.warning("qpdf is not installed (apt-get install qpdf): encrypted PDF left out")
        return None
    with tempfile.TemporaryDirectory(prefix="corpus-qpdf-") as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(pdf)
        args = ["qpdf", "--encrypt", "matkhau", "owner-pass", "256", "--", str(src), str(dst)]
        proc = subprocess.run(args, capture_output=True, timeout=60, check=False)
        if proc.returncode != 0 or not dst.exists():
            log.warning("qpdf failed: %s", proc.stderr.decode(errors="replace"))
            return None
        data = dst.read_bytes()
    cache.put(key, "enc.pdf", data)
    return data


def encrypt_docx(data: bytes) -> bytes | None:
    """Password-protected .docx (an OLE container), by msoffcrypto-tool."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        log.warning(
            "msoffcrypto-tool is not installed (pip install msoffcrypto-tool): encrypted .docx left out"
        )
        return None
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("matkhau", out)
    return out.getvalue()


# --- assembly ---------------------------------------------------------------------------
def _write(path: Path, data: bytes) -> None:
    """Write only when content changed, so reruns keep mtimes and are cheap."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def _format_name(stem: str, fmt: str) -> str:
    """Realistic file names, some informative, some not."""
    return {
        "docx": f"{stem}.docx",
        "pdf": f"{stem}.pdf",
        "doc": f"{stem}.doc",
        "odt": f"{stem}.odt",
        "rtf": f"{stem}.rtf",
        "scan-pdf": "scan0001.pdf",
        "png": "scan0001.png",
        "jpeg": "IMG_20240226_093112.jpg",
        "docx-tcvn3": f"{stem} (font VnTime).docx",
        "pdf-tcvn3": f"{stem} (font VnTime).pdf",
        "docx-vni": f"{stem} VNI.docx",
        "pdf-vni": f"{stem} VNI.pdf",
        "pdf-encrypted": f"{stem} (co mat khau).pdf",
        "docx-encrypted": "Document1.docx",
        "corrupt-docx": f"{stem} (loi).docx",
        "corrupt-pdf": f"{stem} (loi).pdf",
    }[fmt]


_RENDERER = hashlib.sha256((Path(__file__).parent / "docxgen.py").read_bytes()).hexdigest()


def _render(blocks: list[Block], encoding: str | None, cache: _Cache) -> bytes:
    """``render_docx`` cached by the blocks and the renderer's own source (python-docx is slow)."""
    key = _sha(f"{_RENDERER}{encoding}{blocks!r}".encode())
    if (hit := cache.get(key, "src.docx")) is None:
        hit = render_docx(blocks, encoding)
        cache.put(key, "src.docx", hit)
    return hit


def _unique(path: Path, used: set[Path]) -> Path:
    """``scan0001.pdf`` -> ``scan0002.pdf`` (scanners count up), else ``name (2).ext``."""
    n = 1
    candidate = path
    while candidate in used:
        n += 1
        if path.stem.startswith(("scan", "IMG_")) and path.stem[-1].isdigit():
            candidate = path.with_name(f"{path.stem[:-1]}{n}{path.suffix}")
        else:
            candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
    used.add(candidate)
    return candidate


def _sniffed(fmt: str) -> str:
    base = fmt.split("-")[-1] if fmt.startswith(("corrupt", "scan")) else fmt.split("-")[0]
    return MIME.get(base, MIME["pdf"] if "pdf" in fmt else MIME["docx"])


def build_corpus(dest: Path, fontset: str = DEFAULT_FONTSET) -> list[CorpusDoc]:
    """Write the corpus under ``dest`` (``dest/<unit code>/<file>``) and return its labels.

    PDFs (and the scans and photos made from them) are rendered with the font set
    ``fontset`` (:mod:`tests.fontsets`); use one ``dest`` per font set.  Idempotent and
    cached: reruns only write what changed.  Formats whose tool is missing (LibreOffice,
    img2pdf, qpdf, msoffcrypto-tool) are left out of the result.
    """
    dest = Path(dest)
    cache = _Cache(dest / ".cache")
    sources = _sources(load_units())

    # 1. Sources (.docx, and legacy-encoded .docx where asked), deterministic bytes.
    plain: dict[int, bytes] = {i: _render(s.blocks, None, cache) for i, s in enumerate(sources)}
    wanted: dict[int, tuple[str, ...]] = {}
    for i, s in enumerate(sources):
        kind = s.nominee.kind if s.nominee else None
        wanted[i] = ("docx", *EXTRA_FORMATS.get((s.unit.code, s.deliverable, kind), ()))
    # Every summary also as PDF: the layout rule is checked on both formats.
    for i, s in enumerate(sources):
        if s.deliverable == "tom_tat_thanh_tich" and "pdf" not in wanted[i]:
            wanted[i] = (*wanted[i], "pdf")
    legacy: dict[tuple[int, str], bytes] = {}
    for i, fmts in wanted.items():
        for enc in ("tcvn3", "vni"):
            if f"docx-{enc}" in fmts or f"pdf-{enc}" in fmts:
                legacy[(i, enc)] = _render(sources[i].blocks, enc, cache)

    # 2. LibreOffice conversions, one batch per target format.
    def needs_pdf(fmts: tuple[str, ...]) -> bool:
        return any(f in ("pdf", "scan-pdf", "png", "jpeg", "pdf-encrypted") for f in fmts)

    pdf_in = {_sha(plain[i]): plain[i] for i, f in wanted.items() if needs_pdf(f)}
    pdf_in |= {_sha(d): d for (i, enc), d in legacy.items() if f"pdf-{enc}" in wanted[i]}
    doc_in = {_sha(plain[i]): plain[i] for i, f in wanted.items() if "doc" in f}
    if shutil.which("soffice") is None:
        log.warning("LibreOffice (soffice) is not installed: pdf/doc/scan/image variants left out")
    pdfs = soffice_convert(pdf_in, "pdf", cache, fontset)
    docs = soffice_convert(doc_in, "doc", cache)
    for target in ("odt", "rtf"):
        docs |= {
            f"{k}.{target}": v
            for k, v in soffice_convert(
                {_sha(plain[i]): plain[i] for i, f in wanted.items() if target in f}, target, cache
            ).items()
        }

    # 3. Derived formats and labels.
    out: list[CorpusDoc] = []
    used: set[Path] = set()
    for i, s in enumerate(sources):
        key = _sha(plain[i])
        for fmt in wanted[i]:
            data = _make(fmt, i, key, plain, legacy, pdfs, docs, cache, fontset)
            if data is None:
                continue
            path = _unique(dest / s.unit.code / _format_name(s.stem, fmt), used)
            _write(path, data)
            out.append(_label(s, fmt, path, fontset))
    return out


def _make(fmt, i, key, plain, legacy, pdfs, docs, cache, fontset) -> bytes | None:
    """Bytes of source ``i`` in ``fmt``, or None when a tool for it is missing."""
    pdf = pdfs.get(key)
    pdf_key = f"{key}.{fontset}"  # what is made from the PDF depends on its fonts
    if fmt == "docx":
        return plain[i]
    if fmt == "pdf":
        return pdf
    if fmt == "doc":
        return docs.get(key)
    if fmt in ("odt", "rtf"):
        return docs.get(f"{key}.{fmt}")
    if fmt == "scan-pdf":
        # Office scanners are set to 150 or 200 dpi: both, chosen by the document.
        dpi = 150 if int(key[:2], 16) % 2 else 200
        return make_scan_pdf(pdf, cache, pdf_key, dpi) if pdf else None
    if fmt in ("png", "jpeg"):
        return make_image(pdf, fmt) if pdf else None
    if fmt.startswith("docx-") and fmt.removeprefix("docx-") in ("tcvn3", "vni"):
        return legacy[(i, fmt.removeprefix("docx-"))]
    if fmt.startswith("pdf-") and fmt.removeprefix("pdf-") in ("tcvn3", "vni"):
        return pdfs.get(_sha(legacy[(i, fmt.removeprefix("pdf-"))]))
    if fmt == "pdf-encrypted":
        return encrypt_pdf(pdf, cache, pdf_key) if pdf else None
    if fmt == "docx-encrypted":
        return encrypt_docx(plain[i])
    if fmt == "corrupt-docx":
        return plain[i][: len(plain[i]) * 2 // 5]  # cut off mid-transfer: no zip directory
    if fmt == "corrupt-pdf":
        return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8  # header, then noise
    raise ValueError(f"unknown format {fmt!r}")


def _label(s: _Source, fmt: str, path: Path, fontset: str) -> CorpusDoc:
    enc = fmt.split("-")[1] if fmt.endswith(("-tcvn3", "-vni")) else None
    return CorpusDoc(
        path=path,
        unit_code=s.unit.code,
        deliverable=s.deliverable,
        nominee_name=s.nominee.name if s.nominee else None,
        nominee_kind=s.nominee.kind if s.nominee else None,
        format=fmt,
        sniffed_type=_sniffed(fmt),
        title=s.title,
        key_phrases=s.key_phrases,
        summary_too_long=s.summary_too_long,
        missing_sections=s.missing_sections,
        legacy_encoding=enc,
        fontset=fontset,
        encrypted=fmt.endswith("-encrypted"),
        unreadable=fmt.endswith("-encrypted") or fmt.startswith("corrupt-"),
        scanned=fmt in ("scan-pdf", "png", "jpeg"),
    )


def corpus_for(fontset: str = DEFAULT_FONTSET) -> list[CorpusDoc]:
    """The corpus in ``var/``, its PDFs rendered with ``fontset`` (one directory per set)."""
    name = "corpus" if fontset == DEFAULT_FONTSET else f"corpus-{fontset}"
    return build_corpus(REPO / "var" / name, fontset)


def find(docs: list[CorpusDoc], **labels) -> list[CorpusDoc]:
    """Documents whose labels equal all of ``labels`` (e.g. ``format="pdf", unit_code="SYT"``)."""
    return [d for d in docs if all(getattr(d, k) == v for k, v in labels.items())]


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    dest = Path(argv[1]) if len(argv) > 1 else REPO / "var" / "corpus"
    docs = build_corpus(dest, argv[2] if len(argv) > 2 else DEFAULT_FONTSET)
    formats: dict[str, int] = {}
    for d in docs:
        formats[d.format] = formats.get(d.format, 0) + 1
    print(f"{len(docs)} files in {dest}: " + ", ".join(f"{k} {v}" for k, v in sorted(formats.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
