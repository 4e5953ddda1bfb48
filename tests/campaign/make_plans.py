"""Lay out the hand-written plans (``plans.py``) as Party documents; LibreOffice writes them.

Each plan becomes HTML (the two-column header and the signature as borderless tables,
headings bold and centred, body paragraphs justified, Times New Roman 13 pt), which
LibreOffice (``soffice --headless``, Writer's HTML import) converts to .docx and, from
that .docx, to PDF.  Outputs are cached in ``var/test-plans/`` by content hash.

    python -m tests.campaign.make_plans OUTDIR    # writes the .docx and .pdf files
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.campaign.plans import PLAN_2025, PLAN_CT05
from tests.fontsets import fontconfig_env

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "var" / "test-plans"
PLANS = {"ke-hoach-158-KH-DUK-2025": PLAN_2025, "ke-hoach-165-KH-DUK-2025": PLAN_CT05}
SOFFICE_TIMEOUT_S = 180


def plan_html(text: str) -> str:
    """The plan's markup (see ``plans.py``) as an HTML document Writer imports."""
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>",
        "body{font-family:'Times New Roman';font-size:13pt} p{margin:0 0 6pt 0;text-align:justify}",
        "h1{font-size:13pt;text-align:center;margin:6pt 0} td{vertical-align:top;text-align:center}",
        "</style></head><body>",
    ]
    rows: list[tuple[str, str]] = []

    def flush() -> None:
        if rows:
            out.append("<table width='100%' border='0'>")
            out.extend(
                f"<tr><td width='45%'><b>{html.escape(a)}</b></td><td><b>{html.escape(b)}</b></td></tr>"
                for a, b in rows
            )
            out.append("</table>")
            rows.clear()

    for line in text.splitlines():
        if line.startswith("> "):
            left, _, right = line[2:].partition("|")
            rows.append((left.strip(), right.strip()))
            continue
        flush()
        if line.startswith("# "):
            out.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            out.append(f"<p>{html.escape(line)}</p>")
    flush()
    out.append("</body></html>")
    return "\n".join(out)


def _convert(source: Path, target: str, outdir: Path, tmp: Path) -> Path:
    filt = {"docx": "docx:MS Word 2007 XML", "pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97"}[target]
    args = ["soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore"]
    if source.suffix == ".html":
        args.append("--infilter=HTML (StarWriter)")
    args += ["--convert-to", filt, "--outdir", str(outdir), str(source)]
    subprocess.run(
        args, cwd=tmp, env=fontconfig_env(), capture_output=True, timeout=SOFFICE_TIMEOUT_S, check=False
    )
    made = outdir / f"{source.stem}.{target}"
    if not made.exists():
        raise RuntimeError(f"LibreOffice did not convert {source.name} to {target}")
    return made


def make_plan(name: str, target: str = "docx") -> bytes:
    """The plan ``name`` as a LibreOffice-made .docx (or .pdf / .doc made from that .docx;
    ``scan``: that PDF printed and scanned, image-only pages at 200 dpi)."""
    if target == "scan":
        return _scan(make_plan(name, "pdf"))
    page = plan_html(PLANS[name]).encode()
    key = hashlib.sha256(page + os.environ.get("FONTCONFIG_FILE", "").encode()).hexdigest()[:16]
    cached = CACHE / f"{name}-{key}.{target}"
    if cached.exists():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="plans-") as t:
        tmp = Path(t)
        (tmp / f"{name}.html").write_bytes(page)
        docx = _convert(tmp / f"{name}.html", "docx", tmp / "docx", tmp)
        made = docx if target == "docx" else _convert(docx, target, tmp / target, tmp)
        CACHE.mkdir(parents=True, exist_ok=True)
        part = cached.with_suffix(".partial")
        shutil.copyfile(made, part)
        part.replace(cached)
    return cached.read_bytes()


def _scan(pdf: bytes) -> bytes:
    """Image-only PDF of ``pdf``'s pages (200 dpi JPEG), as the corpus makes scans (img2pdf)."""
    from tests.corpus.make_corpus import _Cache, make_scan_pdf

    scan = make_scan_pdf(pdf, _Cache(CACHE / "scans"), hashlib.sha256(pdf).hexdigest()[:16])
    if scan is None:
        raise RuntimeError("img2pdf is not installed")
    return scan


def main(argv: list[str]) -> int:
    outdir = Path(argv[1] if len(argv) > 1 else ".")
    outdir.mkdir(parents=True, exist_ok=True)
    for name in PLANS:
        for target in ("docx", "pdf", "doc"):
            (outdir / f"{name}.{target}").write_bytes(make_plan(name, target))
            print(outdir / f"{name}.{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
