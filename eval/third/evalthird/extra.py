"""File shapes the third corpus adds to the shared builder (build.py's EXTRA_FORMATS hook).

  scan-rot    a printed-signed-stamped scan whose pages were fed sideways or upside down (rotate={page: deg})
  scan-docx   the scan of a signed decision pasted as pictures into a Word file (python-docx)
  photos-pdf  every page photographed with a phone and bound into one PDF by a scanner app
All built from the evalcorpus media helpers (imported), seeded by the builder.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile

from evalcorpus import media


def _when(builder, keys, hours=3):
    t = min(builder.first_use[k] for k in keys) - dt.timedelta(hours=hours)
    return t.strftime("%Y-%m-%d %H:%M:%S")


def _marked_pages(builder, f, keys, dpi, seed, gray=False):
    pages = []
    for i, k in enumerate(keys):
        src = builder.lo_out(k, "pdf")
        signer, st = builder.signer_and_stamp(k, f.get("stamp", builder._default_stamp(k)))
        imgs = media.rasterize(src, dpi)
        imgs = media.mark_pages(src, imgs, dpi, signer=signer, stamp_text=st, copy_stamp=f.get("copy_stamp", False),
                                seed=seed + 100 * i, color=not gray)
        pages += imgs
    return pages


def scan_rot(builder, f, keys, out, seed, mail):
    dpi = f.get("dpi", 200)
    gray = f.get("gray", False)
    pages = _marked_pages(builder, f, keys, dpi, seed, gray)
    rot = {int(k): v for k, v in f.get("rotate", {"0": 90}).items()}
    with tempfile.TemporaryDirectory() as td:
        jpgs = []
        for i, im in enumerate(pages):
            im2 = media.degrade_scan(im, seed + 10 + i, gray=gray)
            if i in rot:
                im2 = im2.rotate(rot[i], expand=True)
            p = os.path.join(td, f"s{i:03d}.jpg")
            im2.save(p, "JPEG", quality=75, dpi=(dpi, dpi))
            jpgs.append(p)
        media.run(media.faketime_prefix(_when(builder, keys)) +
                  ["img2pdf", "--producer", f.get("producer", "Canon iR-ADV C3520"), "-o", out] + jpgs,
                  env={"TZ": media.TZ})
    media.stabilize_pdf_id(out)


def scan_docx(builder, f, keys, out, seed, mail):
    from docx import Document
    from docx.shared import Cm
    dpi = f.get("dpi", 120)
    pages = _marked_pages(builder, f, keys, dpi, seed)
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin = sec.bottom_margin = Cm(1.0)
    sec.left_margin = sec.right_margin = Cm(1.5)
    with tempfile.TemporaryDirectory() as td:
        for i, im in enumerate(pages):
            im2 = media.degrade_scan(im, seed + 20 + i)
            p = os.path.join(td, f"image{i + 1}.jpg")
            im2.save(p, "JPEG", quality=70, dpi=(dpi, dpi))
            doc.add_picture(p, width=Cm(17.5))
    created = dt.datetime.fromisoformat(mail["idate"]).replace(tzinfo=None) - dt.timedelta(hours=5)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = f.get("author", "Admin")
    cp.created = cp.modified = created
    cp.revision = 2
    doc.save(out)
    media.normalize_docx_zip(out)


def photos_pdf(builder, f, keys, out, seed, mail):
    k = keys[0]
    src = builder.lo_out(k, "pdf")
    signer, st = builder.signer_and_stamp(k, f.get("stamp", builder._default_stamp(k)))
    n = len(media.rasterize(src, 20))
    t = dt.datetime.fromisoformat(mail["idate"]) - dt.timedelta(minutes=50)
    with tempfile.TemporaryDirectory() as td:
        jpgs = []
        for pg in range(1, n + 1):
            p = os.path.join(td, f"p{pg}.jpg")
            media.phone_photo(src, pg, p, seed + pg, (t + dt.timedelta(seconds=20 * pg)).strftime("%Y:%m:%d %H:%M:%S"),
                              signer=signer, stamp_text=st, model=("Xiaomi", "Redmi Note 11"))
            jpgs.append(p)
        media.run(media.faketime_prefix(t.strftime("%Y-%m-%d %H:%M:%S")) +
                  ["img2pdf", "--producer", "intsig.com pdf producer", "-o", out] + jpgs, env={"TZ": media.TZ})
    media.stabilize_pdf_id(out)


EXTRA_FORMATS = {"scan-rot": scan_rot, "scan-docx": scan_docx, "photos-pdf": photos_pdf}
EXTRA_LO = {"scan-rot": "pdf", "scan-docx": "pdf", "photos-pdf": "pdf"}
