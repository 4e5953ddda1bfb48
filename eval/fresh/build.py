#!/usr/bin/env python3
"""Build the fresh evaluation corpus (or another corpus that shares this builder) from scratch.

    python eval/fresh/build.py [--corpus NAME] [--out DIR] [--jobs N]

--corpus NAME (default "fresh") builds the scenario package eval/NAME/evalNAME/ (eval/third/evalthird/ for
--corpus third) into var/eval-NAME/.  The scenario is the corpus's own; the rendering tools (documents,
scans, photos, archives, mail clients) are imported from eval/independent/evalcorpus.  A scenario module
may add file formats of its own (EXTRA_FORMATS: fmt -> function(builder, spec, keys, out, seed, mail); and
EXTRA_LO: fmt -> the LibreOffice format its documents are first converted to); the fresh corpus has none.

Default output: var/eval-<NAME>/ (relative to the repository root).  Produces
    mails/<id>.eml      raw RFC 5322 messages (CRLF)
    manifest.json       per mail: path, INTERNALDATE to APPEND with, append order, composer, ...
    build_log.json      what the builder put in each file (document keys), for check_labels.py's
                        consistency check between the hand-written labels and the builder's intent
Deterministic: every random choice is seeded by the document or mail id, the clocks of the tools
are set with faketime, and the random tokens of real clients are replaced by seeded ones.

Needs the Debian tools listed in setup_tools.sh and a venv with requirements.txt (created on first
run in eval/independent/.venv if the current interpreter lacks python-docx/Pillow/numpy).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INDEP = os.path.join(os.path.dirname(HERE), "independent")
VENV = os.path.join(HERE, ".venv")
VENVS = [VENV, os.path.join(INDEP, ".venv")]


def ensure_env():
    try:
        import docx  # noqa: F401
        import numpy  # noqa: F401
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    for v in VENVS:
        py = os.path.join(v, "bin", "python")
        if os.path.exists(py) and os.path.abspath(sys.executable) != os.path.abspath(py):
            os.execv(py, [py] + sys.argv)
    py = os.path.join(VENV, "bin", "python")
    if os.path.abspath(sys.executable) == os.path.abspath(py):
        raise SystemExit("the venv lacks python-docx/Pillow/numpy; pip install -r eval/independent/requirements.txt")
    if not os.path.exists(py):
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "-r", os.path.join(INDEP, "requirements.txt")], check=True)
    os.execv(py, [py] + sys.argv)


ensure_env()
sys.path.insert(0, HERE)
sys.path.insert(1, INDEP)

import importlib  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from evalcorpus import archives, mailers, media, render_docx, render_html, tcvn3  # noqa: E402
from evalcorpus.docmodel import Doc  # noqa: E402

CORPUS = "fresh"
scenario = None     # the scenario module of the corpus being built (load_scenario)


def load_scenario(name):
    """eval/<name>/eval<name>/scenario.py, e.g. eval/third/evalthird/scenario.py."""
    global CORPUS, scenario
    d = os.path.join(os.path.dirname(HERE), name)
    pkg = "eval" + name
    if not os.path.isdir(os.path.join(d, pkg)):
        raise SystemExit(f"no scenario package {pkg}/ in {d}")
    if d not in sys.path:
        sys.path.insert(0, d)
    CORPUS = name
    scenario = importlib.import_module(pkg + ".scenario")
    return scenario

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TOOLS = ["soffice", "chromium", "faketime", "pdftoppm", "pdftotext", "img2pdf", "qpdf", "mutt", "s-nail", "mpack",
         "swaks", "zip", "7z", "lsar"]


def check_tools():
    missing = [t for t in TOOLS if not shutil.which(t)]
    if not archives.rar_binary():
        missing.append("rar")
    if missing:
        raise SystemExit("missing tools: " + ", ".join(missing) + " (run eval/independent/setup_tools.sh)")


def iso(s):
    return dt.datetime.fromisoformat(s)


def h(*parts):
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()


def seed_of(*parts):
    return int(h(*parts)[:8], 16)


class Builder:
    def __init__(self, out, jobs=1):
        self.out = out
        self.work = os.path.join(out, "work")
        self.docs_dir = os.path.join(self.work, "docs")
        self.files_dir = os.path.join(self.work, "files")
        for p in (self.docs_dir, self.files_dir):
            os.makedirs(p, exist_ok=True)
        self.profile = tempfile.mkdtemp(prefix="lo-profile-", dir=self.work)
        self.S = scenario.build()
        self.jobs = jobs
        self.made = {}          # cache key -> produced path
        self.first_use = {}     # doc key -> earliest mail datetime using it
        self.log = {}           # mail id -> list of (label path, doc keys, fmt)
        self.msgids = {}

    # ---------------------------------------------------------------------------- planning
    def leaves(self, files, prefix=""):
        """Yield (label_path, F-spec) for every leaf file under a mail's files."""
        for f in files:
            if f["type"] == "file":
                yield prefix + f["name"], f
            elif f["type"] == "archive":
                yield prefix + f["name"], f
                for inner, m in f["members"]:
                    yield prefix + f["name"] + "/" + inner, m
            elif f["type"] == "eml":
                # a forwarded message without a file name is labelled "message-1.eml" (check_labels.py rule)
                nm = f["name"] or "message-1.eml"
                yield prefix + nm, f
                yield from self.leaves(f["files"], prefix + nm + "/")

    @staticmethod
    def doc_keys(f):
        d = f.get("doc")
        if d is None:
            return []
        return d if isinstance(d, list) else [d]

    def plan(self):
        for m in self.S.mails:
            t = iso(m["idate"])
            for _, f in self.leaves(m["files"]):
                for k in self.doc_keys(f):
                    if k not in self.first_use or t < self.first_use[k]:
                        self.first_use[k] = t

    def made_day(self, key):
        t = self.first_use[key] - dt.timedelta(days=1)
        return t.strftime("%Y-%m-%d")

    # ------------------------------------------------------------------------- documents
    def doc(self, key) -> Doc:
        fn, args, kw = self.S.docs[key]
        return fn(*args, **kw)

    def docx_path(self, key, variant=""):
        p = os.path.join(self.docs_dir, key.replace("/", "__") + variant + ".docx")
        if not os.path.exists(p):
            d = self.doc(key)
            created = (self.first_use[key] - dt.timedelta(days=1, hours=2)).replace(tzinfo=None)
            d.style = dataclasses.replace(d.style, created=created.isoformat(timespec="seconds"))
            if variant == ".tcvn3":
                from evalcorpus.styles import style
                d.style = dataclasses.replace(style("tcvn3"), created="2021-05-20T09:12:00")
            render_docx.render(d, p)
            if variant == ".tcvn3":
                tcvn3.convert_docx(p)
            media.normalize_docx_zip(p)
        return p

    def html_path(self, key):
        p = os.path.join(self.docs_dir, key.replace("/", "__") + ".html")
        if not os.path.exists(p):
            d = self.doc(key)
            d.style = dataclasses.replace(d.style, font="Times New Roman")
            render_html.render(d, p)
        return p

    def signer_and_stamp(self, key, stamp):
        d = self.doc(key)
        signer = None
        body_line = None
        for b in d.blocks:
            if b[0] == "sign":
                names = [ln.text for ln in b[2] if ln.text and ln.bold]
                signer = names[-1] if names else None
            if b[0] == "header" and body_line is None:
                body_line = b[1].left[1].text if len(b[1].left) > 1 else None
        st = media.stamp_text_for(body_line) if (stamp and body_line) else None
        return signer, st

    # ---------------------------------------------------------------------------- LO pass
    LO_FMTS = {"docx-lo": "docx", "doc": "doc", "odt": "odt", "rtf": "rtf", "pdf": "pdf", "scan": "pdf",
               "photo": "pdf", "encrypted": "pdf", "tcvn3-doc": "doc"}

    def lo_out(self, key, fmt, variant=""):
        return os.path.join(self.docs_dir, "lo", fmt, key.replace("/", "__") + variant + "." + fmt)

    def run_lo(self):
        jobs = {}
        for m in self.S.mails:
            for _, f in self.leaves(m["files"]):
                if f["type"] != "file":
                    continue
                fmt = f["fmt"]
                if fmt == "corrupt":
                    fmt = f["base"]
                extra_lo = getattr(scenario, "EXTRA_LO", {})
                if fmt not in self.LO_FMTS and fmt not in extra_lo:
                    continue
                target = self.LO_FMTS[fmt] if fmt in self.LO_FMTS else extra_lo[fmt]
                # RTF: one document per soffice run (see media.lo_convert)
                single = fmt == "rtf"
                for k in self.doc_keys(f):
                    variant = ".tcvn3" if fmt == "tcvn3-doc" else ""
                    out = self.lo_out(k, target, variant)
                    if out in jobs:
                        j = jobs[out]
                        jobs[out] = j[:4] + (j[4] or single,)
                    elif not os.path.exists(out):
                        jobs[out] = (self.docx_path(k, variant), target, out, self.made_day(k), single)
        t0 = time.time()
        media.lo_convert(list(jobs.values()), self.work, self.profile)
        print(f"  LibreOffice: {len(jobs)} conversions in {time.time() - t0:.0f}s", file=sys.stderr)

    def web_pdf(self, key):
        out = os.path.join(self.docs_dir, "web", key.replace("/", "__") + ".pdf")
        if not os.path.exists(out):
            os.makedirs(os.path.dirname(out), exist_ok=True)
            media.chromium_pdf(self.html_path(key), out, self.made_day(key) + " 09:15:00", self.work)
        return out

    # ------------------------------------------------------------------------ leaf files
    def produce(self, f, mail, label):
        """Make the bytes of one leaf file spec; returns a path (cached by what it is)."""
        keys = self.doc_keys(f)
        opts = {k: v for k, v in f.items() if k not in ("type", "name", "doc")}
        ck = h(json.dumps([keys, opts], sort_keys=True, default=str))
        if ck in self.made:
            return self.made[ck]
        ext = os.path.splitext(f["name"])[1] or ".bin"
        out = os.path.join(self.files_dir, ck[:16] + ext)
        fmt = f["fmt"]
        t_mail = iso(mail["idate"])
        sd = seed_of(ck)
        if fmt == "docx":
            shutil.copyfile(self.docx_path(keys[0]), out)
        elif fmt in ("docx-lo", "doc", "odt", "rtf", "pdf"):
            shutil.copyfile(self.lo_out(keys[0], self.LO_FMTS[fmt]), out)
        elif fmt == "tcvn3-doc":
            shutil.copyfile(self.lo_out(keys[0], "doc", ".tcvn3"), out)
        elif fmt == "pdf-web":
            shutil.copyfile(self.web_pdf(keys[0]), out)
        elif fmt in ("scan", "scan-web"):
            srcs = [self.lo_out(k, "pdf") if fmt == "scan" else self.web_pdf(k) for k in keys]
            sig = [self.signer_and_stamp(k, f.get("stamp", self._default_stamp(k))) for k in keys]
            when = (min(self.first_use[k] for k in keys) - dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S")
            media.scan_pdf(srcs, out, sd, when, dpi=f.get("dpi", 150), gray=f.get("gray", False),
                           signers=[s for s, _ in sig], stamp_texts=[s for _, s in sig],
                           copy_stamp=f.get("copy_stamp", False),
                           producer=f.get("producer", "HP Scan"))
        elif fmt == "photo":
            k = keys[0]
            signer, st = self.signer_and_stamp(k, f.get("stamp", self._default_stamp(k)))
            when = _exif_time(f["name"], t_mail)
            media.phone_photo(self.lo_out(k, "pdf"), f.get("page", 1), out, sd, when, signer=signer, stamp_text=st,
                              copy_stamp=f.get("copy_stamp", False), model=tuple(f.get("model", ("samsung", "SM-A525F"))))
        elif fmt == "encrypted":
            media.encrypt_pdf(self.lo_out(keys[0], "pdf"), out, f["password"], self.work,
                              (t_mail - dt.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S"))
        elif fmt == "corrupt":
            base = dict(f, fmt=f["base"])
            src = self.produce(base, mail, label)
            media.truncate(src, out, f["frac"])
        elif fmt == "logo":
            media.logo_png(out, text=f.get("text", ""))
        elif fmt == "icon":
            media.small_icon_png(out)
        elif fmt == "lockfile":
            media.word_owner_file(out, f.get("user", "Admin"))
        elif fmt == "bytes":
            data = f["data"]
            r = __import__("random").Random(ck)
            blob = data.encode() + bytes(r.randrange(256) for _ in range(24000))
            open(out, "wb").write(blob)
        elif fmt in getattr(scenario, "EXTRA_FORMATS", {}):
            scenario.EXTRA_FORMATS[fmt](self, f, keys, out, sd, mail)
        else:
            raise ValueError(fmt)
        self.made[ck] = out
        return out

    @staticmethod
    def _default_stamp(key):
        seg = key.split("/")[1].split(".")[0] if "/" in key else ""
        return seg in ("tt", "kl01", "kt", "xl")

    # --------------------------------------------------------------------------- mails
    def attachment_list(self, mail):
        atts = []
        for f in mail["files"]:
            if f["type"] == "file":
                atts.append(dict(name=f["name"], path=self.produce(f, mail, f["name"]), inline=f.get("inline", False)))
            elif f["type"] == "archive":
                p = os.path.join(self.files_dir, h(mail["id"], f["name"])[:16] + "." + f["kind"])
                if not os.path.exists(p):
                    members = [(inner, self.produce(m, mail, f["name"] + "/" + inner)) for inner, m in f["members"]]
                    when = (iso(mail["idate"]) - dt.timedelta(minutes=25)).strftime("%Y-%m-%d %H:%M:%S")
                    archives.make(f["kind"], p, members, when, password=f.get("password"), workdir=self.work)
                atts.append(dict(name=f["name"], path=p))
            elif f["type"] == "eml":
                inner = dict(f["mail"])
                inner["files"] = f["files"]
                inner["unit_hint"] = mail["unit_hint"]
                data = self.compose(inner)
                p = os.path.join(self.files_dir, h(mail["id"], f["name"])[:16] + ".eml")
                open(p, "wb").write(data)
                atts.append(dict(name=f["name"], path=p, ctype="message/rfc822"))
        return atts

    def compose(self, m):
        idate = iso(m["idate"])
        if m.get("date"):
            date = iso(m["date"])
        else:
            date = idate - dt.timedelta(seconds=15 + seed_of(m["id"], "d") % 170)
        date = date.astimezone(TZ)
        irt = m.get("in_reply_to")
        if irt in self.msgids:
            irt = self.msgids[irt]
        kw = {k: v for k, v in m.items() if k not in ("id", "idate", "client", "frm", "subject", "body", "files",
                                                      "date", "in_reply_to", "unit_hint", "to")}
        if "original" in kw:
            o = kw["original"]
            ospec = mailers.MailSpec("orig-" + m["id"], "plain", "Ban Tuyên giáo Đảng ủy Khối", mailers.INTAKE,
                                     o["subject"], o["body"], iso(o["date"]).astimezone(TZ), to=o["to"])
            kw["original"] = mailers.plain_message(ospec, o["mid"])
            kw["orig_date"] = iso(kw["orig_date"]).astimezone(TZ)
        spec = mailers.MailSpec(m["id"], m["client"], m["frm"][0], m["frm"][1], m["subject"], m["body"], date,
                                to=m.get("to", mailers.INTAKE), attachments=self.attachment_list(m),
                                in_reply_to=irt, **kw)
        data = mailers.compose(spec, self.work)
        import email
        import email.policy
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        mid = (msg.get("Message-ID") or msg.get("Message-Id") or "").strip().strip("<>")
        self.msgids[m["id"]] = mid
        return data

    def build(self):
        t0 = time.time()
        self.plan()
        for m in self.S.mails:
            m["unit_hint"] = m["id"]
        print(f"{len(self.S.mails)} mails, {len(self.S.docs)} documents", file=sys.stderr)
        self.run_lo()
        t1 = time.time()
        mails_dir = os.path.join(self.out, "mails")
        os.makedirs(mails_dir, exist_ok=True)
        manifest = []
        for m in self.S.mails:
            data = self.compose(m)
            path = os.path.join(mails_dir, m["id"] + ".eml")
            open(path, "wb").write(data)
            self.log[m["id"]] = [dict(path=lp, docs=self.doc_keys(f), fmt=f.get("fmt", f["type"]),
                                      kind=f["type"]) for lp, f in self.leaves(m["files"])]
            manifest.append(dict(id=m["id"], path=f"mails/{m['id']}.eml", internaldate=m["idate"],
                                 composer=m["client"], envelope_from=m["frm"][1],
                                 size=len(data), sha256=hashlib.sha256(data).hexdigest()))
        print(f"  documents, scans, photos, archives and mails: {time.time() - t1:.0f}s", file=sys.stderr)
        manifest.sort(key=lambda e: (iso(e["internaldate"]), e["id"]))
        for i, e in enumerate(manifest, 1):
            e["append_order"] = i
        with open(os.path.join(self.out, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(dict(corpus="eval-" + CORPUS, mailbox="banbientapduk@thainguyen.gov.vn",
                           timezone="Asia/Ho_Chi_Minh", note="APPEND in append_order with the given INTERNALDATE",
                           mails=manifest), f, ensure_ascii=False, indent=1)
        with open(os.path.join(self.out, "build_log.json"), "w", encoding="utf-8") as f:
            json.dump(self.log, f, ensure_ascii=False, indent=1)
        shutil.rmtree(self.profile, ignore_errors=True)
        print(f"built {len(manifest)} mails into {self.out} in {time.time() - t0:.0f}s", file=sys.stderr)


def _exif_time(name, t_mail):
    import re
    m = re.search(r"(\d{8})_(\d{6})", name)
    if m:
        d, t = m.groups()
        return f"{d[:4]}:{d[4:6]}:{d[6:]} {t[:2]}:{t[2:4]}:{t[4:]}"
    return (t_mail - dt.timedelta(minutes=40)).strftime("%Y:%m:%d %H:%M:%S")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="fresh", help="scenario eval/NAME/evalNAME (fresh, third)")
    ap.add_argument("--out", default=None, help="output directory (default var/eval-NAME)")
    ap.add_argument("--keep-work", action="store_true", help="keep the intermediate files (work/)")
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    load_scenario(a.corpus)
    check_tools()
    out = os.path.abspath(a.out or os.path.join(REPO, "var", "eval-" + a.corpus))
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    b = Builder(out, a.jobs)
    b.build()
    if not a.keep_work:
        shutil.rmtree(b.work, ignore_errors=True)


if __name__ == "__main__":
    main()
