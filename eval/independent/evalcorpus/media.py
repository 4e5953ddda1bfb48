"""Turning documents into the files units really attach, with real tools.

- LibreOffice (soffice --headless --convert-to) for .doc/.odt/.rtf/.pdf and LibreOffice-saved .docx,
  run under faketime so that the files carry 2024 dates, batched per (format, day);
- Chromium (--headless --print-to-pdf) for browser-printed PDFs;
- poppler (pdftoppm, pdftotext -bbox) + Pillow for scans and phone photos, img2pdf to bind scans;
- qpdf for a password-protected PDF;
- truncation for a corrupt copy.
"""
from __future__ import annotations

import hashlib
import io
import math
import os
import random
import re
import shutil
import subprocess
import tempfile
import zipfile

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

FONT_DIR = "/usr/share/fonts/truetype"
TZ = "Asia/Ho_Chi_Minh"


def _font(name, size):
    for cand in (f"{FONT_DIR}/dejavu/{name}.ttf", f"{FONT_DIR}/liberation/{name}.ttf"):
        if os.path.exists(cand):
            return ImageFont.truetype(cand, size)
    return ImageFont.load_default()


def noise(size, sigma, seed):
    """Seeded gaussian noise around 128 (Pillow's effect_noise is not seedable)."""
    import numpy as np
    rs = np.random.RandomState(seed % (2 ** 32))
    a = rs.normal(128, sigma, (size[1], size[0])).clip(0, 255).astype("uint8")
    return Image.fromarray(a, "L")


def run(cmd, env=None, **kw):
    e = dict(os.environ)
    if env:
        e.update(env)
    res = subprocess.run(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if res.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({res.returncode}): {res.stderr.decode(errors='replace')[-800:]}")
    return res


_DETRAND = None


def detrand_lib(workdir):
    """Compile evalcorpus/detrand.c (LD_PRELOAD shim: repeatable getrandom, /dev/urandom, clock, getpid)."""
    global _DETRAND
    if _DETRAND and os.path.exists(_DETRAND):
        return _DETRAND
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "detrand.c")
    out = os.path.join(workdir, "detrand.so")
    run(["gcc", "-O2", "-shared", "-fPIC", "-o", out, src, "-ldl"])
    _DETRAND = out
    return out


def detrand_env(seed, workdir):
    """Environment for one command whose random choices (salts, IVs, encryption headers) must repeat."""
    return {"LD_PRELOAD": detrand_lib(workdir), "DETRAND_SEED": str(int(hashlib.sha256(str(seed).encode()).hexdigest()[:15], 16))}


def faketime_prefix(when):
    """when: 'YYYY-MM-DD HH:MM:SS' local time.  The clock is frozen-ish (x0.001) so outputs are stable."""
    return ["faketime", "-f", f"@{when} x0.001"]


# ------------------------------------------------------------------------------------------- zips
def normalize_docx_zip(path, date_time=(1980, 1, 1, 0, 0, 0)):
    """Rewrite a .docx zip with fixed member timestamps (MS Word writes 1980-01-01 too)."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename), i.compress_type) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for name, data, ct in items:
            zi = zipfile.ZipInfo(name, date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    os.replace(tmp, path)


def stabilize_pdf_id(path):
    """LibreOffice/Skia put a random /ID in the trailer (LibreOffice also a /DocChecksum of its own byte
    order); replace them by a hash of the rest (same length)."""
    data = open(path, "rb").read()
    pats = [rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", rb"/DocChecksum\s*/([0-9A-Fa-f]{32})"]
    spans = []
    masked = data
    for pat in pats:
        for mm in re.finditer(pat, data):
            spans += [mm.span(g) for g in range(1, (mm.lastindex or 0) + 1)]
        masked = re.sub(pat, b"", masked)
    if not spans:
        return
    h = hashlib.md5(masked).hexdigest().upper().encode()
    out = bytearray(data)
    for a, b in spans:
        out[a:b] = (h * 4)[: b - a]
    open(path, "wb").write(bytes(out))


def canonical_lo_pdf(path):
    """LibreOffice 7.4 writes the embedded fonts of a PDF in an order that varies from run to run (same
    objects, other numbers).  qpdf re-serialises the file in document order - same objects, same
    content streams, LibreOffice's Producer - so a build is repeatable."""
    tmp = path + ".q.pdf"
    run(["qpdf", path, tmp])
    os.replace(tmp, path)
    stabilize_pdf_id(path)


# ------------------------------------------------------------------------------------ LibreOffice
LO_FILTERS = {
    "pdf": "pdf:writer_pdf_Export",
    "doc": "doc:MS Word 97",
    "odt": "odt:writer8",
    "rtf": "rtf:Rich Text Format",
    "docx": "docx:MS Word 2007 XML",
}


def _soffice(files, fmt, outdir, day, profile):
    # SAL_RAND_REPEATABLE: LibreOffice's own random numbers (the RSIDs in .odt/.doc/.rtf) repeat;
    # setarch -R: no address randomisation
    cmd = faketime_prefix(f"{day} 08:30:00") + [
        "setarch", "-R", "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
        "--convert-to", LO_FILTERS[fmt], "--outdir", outdir] + list(files)
    run(["nice", "-n", "10"] + cmd, env={"TZ": TZ, "SAL_RAND_REPEATABLE": "1"})


def lo_convert(jobs, workdir, profile):
    """jobs: list of (src_path, fmt, out_path, when, single).

    RTFs (single=True) are converted one per soffice run: in a batch, the order of the RTF font table
    depends on what the process did before and varies from run to run.  The others are batched per
    (format, day); PDFs are then re-serialised in document order (canonical_lo_pdf).
    """
    groups = {}
    singles = []
    for src, fmt, out, when, single in jobs:
        if single:
            singles.append((src, fmt, out, when[:10]))
        else:
            groups.setdefault((fmt, when[:10]), []).append((src, out))

    def finish(produced, out, fmt):
        if not os.path.exists(produced):
            raise RuntimeError(f"LibreOffice did not produce {produced}")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.move(produced, out)
        if fmt == "pdf":
            canonical_lo_pdf(out)

    for (fmt, day), items in sorted(groups.items()):
        tmpout = tempfile.mkdtemp(prefix=f"lo-{fmt}-", dir=workdir)
        # stage sources under unique names (two docs may share a basename)
        stage = tempfile.mkdtemp(prefix="lo-src-", dir=workdir)
        staged = []
        for i, (src, out) in enumerate(items):
            ext = os.path.splitext(src)[1]
            p = os.path.join(stage, f"f{i:04d}{ext}")
            shutil.copyfile(src, p)
            staged.append((p, out))
        _soffice([p for p, _ in staged], fmt, tmpout, day, profile)
        for p, out in staged:
            finish(os.path.join(tmpout, os.path.splitext(os.path.basename(p))[0] + "." + fmt), out, fmt)
        shutil.rmtree(tmpout, ignore_errors=True)
        shutil.rmtree(stage, ignore_errors=True)

    def one(job, prof):
        src, fmt, out, day = job
        td = tempfile.mkdtemp(prefix=f"lo1-{fmt}-", dir=workdir)
        p = os.path.join(td, "f" + os.path.splitext(src)[1])
        shutil.copyfile(src, p)
        _soffice([p], fmt, td, day, prof)
        finish(os.path.join(td, "f." + fmt), out, fmt)
        shutil.rmtree(td, ignore_errors=True)

    # two soffice processes at a time, each with its own profile
    import concurrent.futures
    profs = [profile, profile + "-b"]
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        futs = [ex.submit(one, j, profs[i % 2]) for i, j in enumerate(sorted(singles, key=lambda j: j[2]))]
        for f in futs:
            f.result()


def chromium_pdf(html_path, out, when, workdir):
    prof = tempfile.mkdtemp(prefix="chr-", dir=workdir)
    cmd = faketime_prefix(when) + [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
        "--no-pdf-header-footer", f"--print-to-pdf={out}", "file://" + os.path.abspath(html_path)]
    run(["nice", "-n", "10"] + cmd, env={"TZ": TZ})
    shutil.rmtree(prof, ignore_errors=True)
    stabilize_struct_ids(out)
    stabilize_pdf_id(out)


def stabilize_struct_ids(path):
    """Chromium's tagged PDFs name structure elements by DOM node id (/ID (node00000049)), a process-wide
    counter that sometimes starts one higher.  Renumber them by rank (same width, same order, so the
    sorted /IDTree and every byte offset stay valid)."""
    data = open(path, "rb").read()
    ids = sorted(set(re.findall(rb"node(\d{8})", data)), key=int)
    if not ids:
        return
    rank = {v: b"%08d" % (i + 1) for i, v in enumerate(ids)}
    data = re.sub(rb"node(\d{8})", lambda m: b"node" + rank[m.group(1)], data)
    open(path, "wb").write(data)


# ---------------------------------------------------------------------------- rasterise / locate
def rasterize(pdf, dpi, gray=False, first=None, last=None):
    with tempfile.TemporaryDirectory() as td:
        cmd = ["pdftoppm", "-r", str(dpi), "-png"]
        if gray:
            cmd.append("-gray")
        if first:
            cmd += ["-f", str(first)]
        if last:
            cmd += ["-l", str(last)]
        run(cmd + [pdf, os.path.join(td, "p")])
        files = sorted(os.listdir(td), key=lambda s: int(re.findall(r"(\d+)", s)[-1]))
        return [Image.open(os.path.join(td, f)).convert("L" if gray else "RGB") for f in files]


def word_boxes(pdf):
    """[(page_index, xmin, ymin, xmax, ymax, word)] in PDF points (pdftotext -bbox)."""
    res = run(["pdftotext", "-bbox", pdf, "-"])
    out = []
    page = -1
    for line in res.stdout.decode("utf-8", "replace").splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            out.append((page, float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)),
                        m.group(5)))
    return out


def find_name(boxes, name):
    """Last occurrence of the person's name (the signature line) -> (page, x0, y0, x1, y1) in points.

    LibreOffice on a machine with Liberation 1.07 falls back to DejaVu for some Vietnamese letters,
    so pdftotext splits "Nguyệt" into "Nguy" "ệ" "t": words are re-joined when they touch.
    """
    import html as _html
    lines = []
    for b in sorted(boxes, key=lambda b: (b[0], b[2])):
        if lines and lines[-1][0] == b[0] and abs(lines[-1][1] - b[2]) < 5.0:
            lines[-1][2].append(b)
        else:
            lines.append((b[0], b[2], [b]))
    hits = []
    for pg, _, ws in lines:
        ws.sort(key=lambda b: b[1])
        text, spans = "", []
        prev = None
        for b in ws:
            w = _html.unescape(b[5])
            if prev is not None and b[1] - prev[3] > 1.5:
                text += " "
                spans.append(None)
            for ch in w:
                text += ch
                spans.append(b)
            prev = b
        i = text.rfind(name)
        if i >= 0:
            seg = [s for s in spans[i:i + len(name)] if s]
            hits.append((pg, min(s[1] for s in seg), min(s[2] for s in seg), max(s[3] for s in seg),
                         max(s[4] for s in seg)))
    return hits[-1] if hits else None


# ------------------------------------------------------------------------------ stamps, signature
def draw_stamp(text, diameter, color=(200, 30, 40), rot=0.0, seed=0):
    """A round red seal: two rings, text around, a star in the middle."""
    r = random.Random(seed)
    s = diameter
    im = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    c = s / 2
    w = max(3, s // 60)
    d.ellipse([w, w, s - w, s - w], outline=color + (235,), width=w)
    d.ellipse([s * 0.2, s * 0.2, s * 0.8, s * 0.8], outline=color + (220,), width=max(2, w - 1))
    # star
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = s * (0.17 if k % 2 == 0 else 0.07)
        pts.append((c + rad * math.cos(ang), c + rad * math.sin(ang)))
    d.polygon(pts, fill=color + (235,))
    f = _font("DejaVuSans-Bold", max(10, s // 12))
    chars = list(text)
    span = 2 * math.pi * 0.86
    for k, ch in enumerate(chars):
        ang = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(chars)
        rad = s * 0.40
        x, y = c + rad * math.cos(ang), c + rad * math.sin(ang)
        g = Image.new("RGBA", (s // 8, s // 8), (0, 0, 0, 0))
        ImageDraw.Draw(g).text((s // 16, s // 16), ch, font=f, fill=color + (230,), anchor="mm")
        g = g.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        im.alpha_composite(g, (int(x - g.width / 2), int(y - g.height / 2)))
    # uneven ink
    mask = noise((s, s), 80, seed).point(lambda v: 255 if v > 70 else 140)
    a = im.getchannel("A")
    im.putalpha(Image.composite(a, Image.new("L", (s, s), 0), mask))
    return im.rotate(rot + r.uniform(-12, 12), resample=Image.BICUBIC)


def draw_signature(w, h, seed, color=(20, 40, 150)):
    r = random.Random(seed)
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    x, y = w * 0.1, h * 0.6
    pts = []
    for _ in range(r.randint(5, 8)):
        cx, cy = r.uniform(w * 0.1, w * 0.9), r.uniform(h * 0.15, h * 0.85)
        for t in range(12):
            tt = t / 11
            pts.append(((1 - tt) * x + tt * cx + r.uniform(-3, 3), (1 - tt) * y + tt * cy + r.uniform(-3, 3)))
        x, y = cx, cy
    d.line(pts, fill=color + (230,), width=max(2, w // 90), joint="curve")
    d.line([(w * 0.15, h * 0.82), (w * 0.85, h * 0.74)], fill=color + (200,), width=max(2, w // 110))
    return im


def draw_copy_stamp(scale, seed, color=(200, 30, 40)):
    """The rectangular "SAO Y BẢN CHÍNH" stamp on certified copies."""
    r = random.Random(seed)
    f = _font("DejaVuSans-Bold", int(26 * scale))
    txt = "SAO Y BẢN CHÍNH"
    tw = f.getlength(txt)
    im = Image.new("RGBA", (int(tw + 30 * scale), int(52 * scale)), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rectangle([2, 2, im.width - 3, im.height - 3], outline=color + (220,), width=max(2, int(3 * scale)))
    d.text((im.width / 2, im.height / 2), txt, font=f, fill=color + (225,), anchor="mm")
    return im.rotate(r.uniform(-4, 4), expand=True, resample=Image.BICUBIC)


def stamp_text_for(header_line):
    return f"{header_line} * T. THÁI NGUYÊN *"


# ---------------------------------------------------------------------------------------- scans
def mark_pages(pdf, pages, dpi, signer=None, stamp_text=None, copy_stamp=False, seed=0, color=True):
    """Add signature/seal next to the signer's name (found with pdftotext -bbox) and a copy stamp."""
    r = random.Random(seed)
    boxes = word_boxes(pdf)
    scale = dpi / 72.0
    if signer:
        hit = find_name(boxes, signer)
        if hit:
            pg, x0, y0, x1, y1 = hit
            im = pages[pg].convert("RGBA")
            cx = (x0 + x1) / 2 * scale
            top = y0 * scale
            sw, sh = int(150 * scale), int(55 * scale)
            sig = draw_signature(sw, sh, seed + 1)
            im.alpha_composite(sig, (int(cx - sw / 2 + r.uniform(-10, 10) * scale), int(top - sh - 8 * scale)))
            if stamp_text:
                dia = int(118 * scale)
                st = draw_stamp(stamp_text, dia, seed=seed + 2)
                im.alpha_composite(st, (int(cx - dia * 0.95 + r.uniform(-8, 8) * scale),
                                        int(top - dia * 0.85 + r.uniform(-6, 6) * scale)))
            pages[pg] = im.convert("RGB")
    if copy_stamp:
        im = pages[0].convert("RGBA")
        cs = draw_copy_stamp(scale / 2.2, seed + 3)
        im.alpha_composite(cs, (int(im.width * 0.62), int(40 * scale)))
        pages[0] = im.convert("RGB")
    if not color:
        pages[:] = [p.convert("L").convert("RGB") for p in pages]
    return pages


def degrade_scan(img, seed, gray=False, angle=None):
    r = random.Random(seed)
    im = img.convert("L") if gray else img.convert("RGB")
    ang = angle if angle is not None else r.uniform(-1.3, 1.3)
    fill = 250 if gray else (250, 250, 248)
    im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    # paper tint, uneven exposure
    w, h = im.size
    grad = Image.linear_gradient("L").resize((w, h)).point(lambda v: 236 + v * 16 // 255)
    if r.random() < 0.5:
        grad = grad.transpose(Image.FLIP_TOP_BOTTOM)
    if gray:
        im = Image.composite(im, grad, im.point(lambda v: 255 - v))
    else:
        tint = Image.merge("RGB", (grad, grad, grad.point(lambda v: v - 6)))
        im = Image.composite(im, tint, im.convert("L").point(lambda v: 255 - v))
    nz = noise((w, h), r.uniform(14, 26), seed)
    if gray:
        im = Image.blend(im, nz, 0.05)
    else:
        im = Image.blend(im, Image.merge("RGB", (nz,) * 3), 0.05)
    im = im.filter(ImageFilter.GaussianBlur(r.uniform(0.35, 0.8)))
    # scanner lid shadow at one edge
    d = ImageDraw.Draw(im)
    edge = int(w * r.uniform(0.004, 0.012))
    d.rectangle([0, 0, edge, h], fill=90 if gray else (90, 90, 90))
    # specks
    for _ in range(r.randint(20, 80)):
        x, y = r.randrange(w), r.randrange(h)
        rr = r.choice([1, 1, 2])
        d.ellipse([x, y, x + rr, y + rr], fill=60 if gray else (60, 60, 60))
    return im


def scan_pdf(src_pdfs, out, seed, when, dpi=150, gray=False, signers=None, stamp_texts=None, copy_stamp=False,
             quality=72, producer="HP Scan"):
    """Print, sign, stamp, scan: one or several PDFs -> one image-only PDF (JPEG pages bound by img2pdf).

    signers/stamp_texts: one entry per source PDF (None: nobody signs / no seal on that one).
    """
    if isinstance(src_pdfs, str):
        src_pdfs = [src_pdfs]
    signers = signers or [None] * len(src_pdfs)
    stamp_texts = stamp_texts or [None] * len(src_pdfs)
    pages = []
    for k, (src, sg, stt) in enumerate(zip(src_pdfs, signers, stamp_texts)):
        imgs = rasterize(src, dpi)
        imgs = mark_pages(src, imgs, dpi, signer=sg, stamp_text=stt, copy_stamp=copy_stamp,
                          seed=seed + 100 * k, color=not gray)
        pages += imgs
    jpgs = []
    with tempfile.TemporaryDirectory() as td:
        for i, im in enumerate(pages):
            im2 = degrade_scan(im, seed + 10 + i, gray=gray)
            p = os.path.join(td, f"s{i:03d}.jpg")
            im2.save(p, "JPEG", quality=quality, dpi=(dpi, dpi))
            jpgs.append(p)
        run(faketime_prefix(when) + ["img2pdf", "--producer", producer, "-o", out] + jpgs, env={"TZ": TZ})
        stabilize_pdf_id(out)


# --------------------------------------------------------------------------------------- photos
def _perspective_coeffs(src, dst):
    import numpy as np
    A = []
    B = []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    res = np.linalg.solve(np.array(A, dtype=float), np.array(B, dtype=float))
    return res.tolist()


def phone_photo(src_pdf, page, out, seed, when_exif, signer=None, stamp_text=None, copy_stamp=False,
                model=("samsung", "SM-A525F")):
    r = random.Random(seed)
    dpi = 110
    pages = rasterize(src_pdf, dpi, first=page, last=page)
    if signer or copy_stamp:
        allp = rasterize(src_pdf, dpi)
        allp = mark_pages(src_pdf, allp, dpi, signer=signer, stamp_text=stamp_text, copy_stamp=copy_stamp,
                          seed=seed)
        pages = [allp[page - 1]]
    pg = pages[0]
    W, H = 1536, 2048
    bg_col = r.choice([(122, 92, 64), (96, 80, 70), (160, 140, 118), (70, 70, 74)])
    bg = Image.new("RGB", (W, H), bg_col)
    bg = Image.blend(bg, noise((W, H), 40, seed).convert("RGB"), 0.08)
    pw, ph = pg.size
    # where the page corners land in the photo
    m = 0.06
    dst = [(W * (m + r.uniform(0, 0.05)), H * (m + r.uniform(0, 0.04))),
           (W * (1 - m - r.uniform(0, 0.05)), H * (m + r.uniform(0, 0.05))),
           (W * (1 - m - r.uniform(-0.02, 0.04)), H * (1 - m - r.uniform(0, 0.04))),
           (W * (m + r.uniform(-0.02, 0.05)), H * (1 - m - r.uniform(0, 0.03)))]
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = _perspective_coeffs(src, dst)
    warped = pg.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=None)
    mask = Image.new("L", (pw, ph), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    # drop shadow
    sh = mask.filter(ImageFilter.GaussianBlur(18)).point(lambda v: v * 0.55)
    dark = Image.new("RGB", (W, H), (20, 20, 20))
    bg = Image.composite(dark, bg, sh.transform((W, H), Image.AFFINE, (1, 0, -14, 0, 1, -10)))
    bg.paste(warped, (0, 0), mask)
    # light falloff / hand shadow
    k = r.uniform(0.35, 0.55)
    g = Image.radial_gradient("L").resize((32, 32)).resize((W, H), Image.BICUBIC)
    g = g.filter(ImageFilter.GaussianBlur(40)).point(lambda v: int(v * k))
    bg = Image.composite(Image.new("RGB", (W, H), (0, 0, 0)), bg, g)
    if r.random() < 0.7:
        shadow = Image.new("L", (W, H), 0)
        ImageDraw.Draw(shadow).ellipse([W * r.uniform(0.5, 0.8), -H * 0.2, W * 1.4, H * r.uniform(0.4, 0.7)], fill=70)
        bg = Image.composite(Image.new("RGB", (W, H), (10, 10, 10)), bg, shadow.filter(ImageFilter.GaussianBlur(60)))
    bg = bg.filter(ImageFilter.GaussianBlur(r.uniform(0.6, 1.1)))
    bg = ImageOps.autocontrast(bg, cutoff=0.5)
    exif = Image.Exif()
    exif[0x010F] = model[0]
    exif[0x0110] = model[1]
    exif[0x0132] = when_exif
    exif[0x0131] = model[1] + " firmware A525FXXS6EWK2"
    bg.save(out, "JPEG", quality=86, exif=exif.tobytes())


# ------------------------------------------------------------------------------------- damaged
def truncate(src, out, frac):
    data = open(src, "rb").read()
    open(out, "wb").write(data[: int(len(data) * frac)])


def encrypt_pdf(src, out, password, workdir, when):
    # AES-256 salts, key and IVs come from GnuTLS's generator, seeded by getrandom() and stirred with the
    # clock: under faketime and the detrand shim (seeded by the output name) they repeat
    run(faketime_prefix(when) + ["qpdf", "--static-id", "--encrypt", password, password + "-owner", "256", "--",
                                 src, out], env=dict(detrand_env(os.path.basename(out), workdir), TZ=TZ))


def word_owner_file(out, user="Admin"):
    """The 162-byte "~$name.docx" lock file Word leaves beside an open document."""
    u = user[:53]
    b = bytes([len(u)]) + u.encode("ascii").ljust(53, b"\x20")
    b += len(u).to_bytes(2, "little") + u.encode("utf-16-le")
    b = b.ljust(162, b"\x00")
    open(out, "wb").write(b)


def logo_png(out, text="SỞ CÔNG THƯƠNG THÁI NGUYÊN", seed=0, size=(220, 64)):
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    d.ellipse([4, 4, size[1] - 4, size[1] - 4], fill=(200, 20, 30))
    pts = []
    c = size[1] / 2
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rad = size[1] * (0.3 if k % 2 == 0 else 0.12)
        pts.append((c + rad * math.cos(ang), c + rad * math.sin(ang)))
    d.polygon(pts, fill=(255, 220, 0))
    f = _font("DejaVuSans-Bold", 11)
    words = text.split()
    half = len(words) // 2
    d.text((size[1] + 6, 14), " ".join(words[:half]), font=f, fill=(20, 40, 120))
    d.text((size[1] + 6, 32), " ".join(words[half:]), font=f, fill=(20, 40, 120))
    im.save(out, "PNG", optimize=True)


def small_icon_png(out, color=(59, 89, 152), letter="f"):
    im = Image.new("RGB", (24, 24), color)
    ImageDraw.Draw(im).text((12, 12), letter, font=_font("DejaVuSans-Bold", 16), fill="white", anchor="mm")
    im.save(out, "PNG", optimize=True)
