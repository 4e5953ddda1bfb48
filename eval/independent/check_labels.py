#!/usr/bin/env python3
"""Validate the hand-written labels (labels.toml) against the built corpus; export labels.json.

    python eval/independent/check_labels.py [--corpus DIR] [--quiet]

Checks (exit status 1 when any fails):
  - mail ids unique; every built mail is labelled and every labelled mail was built;
  - every file the mail really carries (mailfiles.py rules) is labelled, and every labelled file
    exists in the mail; no path is labelled twice;
  - unit codes, deliverable ids, nominee kinds and names belong to the unit (units.csv + [units.*]);
  - sender and registration agree with the mail's From and units.csv;
  - "late" agrees with the INTERNALDATE in manifest.json and the deadline of what the mail carries;
  - "replaces" points at labelled files of earlier mails of the same unit;
  - members of encrypted archives and corrupt files are not labelled readable;
  - each unit's final status is consistent with its file labels (a "received"/"late" deliverable has
    a readable file, a "missing" one has none);
  - the builder's own record (build_log.json: which document it put in each file) agrees with the
    labels - a check of the labeller against the builder, both written by the corpus maker; the bot
    is never involved.
Writes <corpus>/labels.json (the labels with "null" turned into null and nominee kinds resolved).
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import email.utils
import json
import os
import sys
import tomllib
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from mailfiles import mail_files, nfc  # noqa: E402

DELIVERABLES = {"to_trinh": "unit", "bao_cao_thanh_tich": "nominee", "tom_tat_thanh_tich": "nominee",
                "quyet_dinh_khen_thuong": "nominee", "quyet_dinh_xep_loai": "nominee", "bao_cao_kl01": "unit"}
DEADLINE_OF = {"to_trinh": "ho_so_khen_thuong", "bao_cao_thanh_tich": "ho_so_khen_thuong",
               "tom_tat_thanh_tich": "ho_so_khen_thuong", "quyet_dinh_khen_thuong": "ho_so_khen_thuong",
               "quyet_dinh_xep_loai": "ho_so_khen_thuong", "bao_cao_kl01": "bao_cao_kl01"}
KINDS = {"submission", "partial_submission", "resend", "resend_whole_dossier", "no_attachment_promise",
         "extension_request", "drive_link", "question", "out_of_office", "bounce", "spam"}
STATUSES = {"received", "late", "missing", "unusable"}
FORMATS = {"docx", "docx-lo", "doc", "odt", "rtf", "pdf-text", "pdf-web", "pdf-scan", "jpg-photo", "png", "zip",
           "7z", "rar", "eml", "exe"}
PROBLEMS_PREFIX = {"summary_too_long", "outline_section_missing", "unreadable_corrupt", "encrypted",
                   "wrong_document", "legacy_font_tcvn3", "missing_confirmation", "quota_exceeded"}
BUILD_KIND = {"tt": "to_trinh", "bctt": "bao_cao_thanh_tich", "tom": "tom_tat_thanh_tich",
              "kt": "quyet_dinh_khen_thuong", "xl": "quyet_dinh_xep_loai", "kl01": "bao_cao_kl01", "danvan": None}


def null(v):
    return None if v == "null" else v


class Checker:
    def __init__(self, corpus, labels_path):
        self.corpus = corpus
        with open(labels_path, "rb") as f:
            self.L = tomllib.load(f)
        with open(os.path.join(HERE, "units.csv"), encoding="utf-8") as f:
            self.units_csv = {r["code"]: r for r in csv.DictReader(f)}
        with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as f:
            self.manifest = {m["id"]: m for m in json.load(f)["mails"]}
        p = os.path.join(corpus, "build_log.json")
        self.build_log = json.load(open(p, encoding="utf-8")) if os.path.exists(p) else {}
        self.errors = []
        self.deadlines = {k: dt.datetime.fromisoformat(v) for k, v in self.L["meta"]["deadlines"].items()}
        self.registered = {}
        for code, r in self.units_csv.items():
            for e in r["emails"].split(";"):
                self.registered[e.strip().lower()] = code

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def nominees_of(self, code):
        u = self.L["units"].get(code, {})
        return {n["name"]: n for n in u.get("nominees", []) + u.get("withdrawn", [])}

    # -------------------------------------------------------------------------------- mails
    def check_mails(self):
        ids = [m["id"] for m in self.L["mail"]]
        for i, c in collections.Counter(ids).items():
            if c > 1:
                self.err(i, "mail id labelled twice")
        built = set(self.manifest)
        for i in set(ids) - built:
            self.err(i, "labelled but not in manifest.json")
        for i in built - set(ids):
            self.err(i, "built but not labelled")
        self.by_id = {m["id"]: m for m in self.L["mail"]}
        for m in self.L["mail"]:
            if m["id"] in built:
                self.check_mail(m)

    def check_mail(self, m):
        mid = m["id"]
        for k in ("kind", "unit", "sender", "sender_registered", "classes", "files"):
            if k not in m:
                self.err(mid, f"missing key {k}")
                return
        if m["kind"] not in KINDS:
            self.err(mid, f"unknown kind {m['kind']}")
        unit = null(m["unit"])
        if unit is not None and unit not in self.units_csv:
            self.err(mid, f"unknown unit {unit}")
        if null(m.get("concerns_unit", "null")) not in (None, *self.units_csv):
            self.err(mid, f"unknown concerns_unit {m['concerns_unit']}")
        path = os.path.join(self.corpus, self.manifest[mid]["path"])
        data = open(path, "rb").read()
        msg, files = mail_files(data)
        sender = email.utils.parseaddr(str(msg.get("From", "")))[1].lower()
        if sender != m["sender"].lower():
            self.err(mid, f"sender label {m['sender']} but From is {sender}")
        reg = sender in self.registered
        if reg != m["sender_registered"]:
            self.err(mid, f"sender_registered={m['sender_registered']} but units.csv says {reg}")
        if reg and unit is not None and self.registered[sender] != unit:
            self.err(mid, f"registered address of {self.registered[sender]} labelled as unit {unit}")
        # files
        found = {nfc(f["path"]): f for f in files}
        labelled = [nfc(f["path"]) for f in m["files"]]
        for p, c in collections.Counter(labelled).items():
            if c > 1:
                self.err(mid, f"file labelled twice: {p}")
        for p in found:
            if p not in labelled:
                self.err(mid, f"attachment not labelled: {p}")
        for p in labelled:
            if p not in found:
                self.err(mid, f"labelled file not in the mail: {p}")
        noms = self.nominees_of(unit) if unit else {}
        carried = set()
        for f in m["files"]:
            p = nfc(f["path"])
            dlv = null(f.get("deliverable"))
            fmt = f.get("format")
            if fmt not in FORMATS:
                self.err(mid, f"{p}: unknown format {fmt}")
            if dlv is not None and dlv not in DELIVERABLES and dlv != "container":
                self.err(mid, f"{p}: unknown deliverable {dlv}")
            for pr in f.get("problems", []):
                if pr.split(":")[0] not in PROBLEMS_PREFIX:
                    self.err(mid, f"{p}: unknown problem {pr}")
            fn = found.get(p, {})
            if fn.get("encrypted_member") and f.get("readable", True):
                self.err(mid, f"{p}: member of an encrypted archive labelled readable")
            if dlv in DELIVERABLES:
                if f.get("readable", True):
                    carried.add(dlv)
                nl = f.get("nominees", [])
                if DELIVERABLES[dlv] == "nominee" and not nl:
                    self.err(mid, f"{p}: {dlv} needs nominees")
                if DELIVERABLES[dlv] == "unit" and nl:
                    self.err(mid, f"{p}: {dlv} is per unit, no nominees")
                for kn in nl:
                    kind, _, name = kn.partition(":")
                    n = noms.get(name)
                    if not n:
                        self.err(mid, f"{p}: nominee {name!r} not a nominee of {unit}")
                    elif n["kind"] != kind:
                        self.err(mid, f"{p}: nominee {name} is {n['kind']}, labelled {kind}")
            elif f.get("nominees"):
                self.err(mid, f"{p}: nominees on a file that is not a deliverable")
        # lateness
        if "late" in m:
            idate = dt.datetime.fromisoformat(self.manifest[mid]["internaldate"])
            dls = {DEADLINE_OF[d] for d in carried} or set(m.get("covers", []))
            if not dls:
                self.err(mid, "late given but the mail carries no readable deliverable and no covers=")
            else:
                late = any(idate > self.deadlines[d] for d in dls)
                if late != m["late"]:
                    self.err(mid, f"late={m['late']} but INTERNALDATE {idate.isoformat()} vs {sorted(dls)} says {late}")
        elif carried:
            self.err(mid, "carries deliverables but has no late= label")
        # replaces
        for r in m.get("replaces", []):
            rid, _, rp = r.partition(":")
            if rid not in self.by_id:
                self.err(mid, f"replaces unknown mail {rid}")
                continue
            if self.manifest[rid]["internaldate"] >= self.manifest[mid]["internaldate"]:
                self.err(mid, f"replaces {rid}, which is not earlier")
            if null(self.by_id[rid]["unit"]) != unit:
                self.err(mid, f"replaces {rid} of another unit")
            if rp != "*" and nfc(rp) not in [nfc(f["path"]) for f in self.by_id[rid]["files"]]:
                self.err(mid, f"replaces {r}: no such labelled file")
        irt = m.get("in_reply_to")
        if irt and irt not in self.by_id and not irt.startswith("<"):
            self.err(mid, f"in_reply_to {irt} unknown")

    # --------------------------------------------------------------------------------- units
    def check_units(self):
        U = self.L["units"]
        for code in self.units_csv:
            if code not in U:
                self.err(code, "unit has no [units] section")
        for code, u in U.items():
            if code not in self.units_csv:
                self.err(code, "unknown unit in [units]")
                continue
            kind = self.units_csv[code]["kind"]
            noms = u.get("nominees", [])
            tt = sum(1 for n in noms if n["kind"] == "tap_the")
            cn = sum(1 for n in noms if n["kind"] == "ca_nhan")
            over = {"dang_bo_co_so": tt > 1 or cn > 1, "chi_bo_co_so": tt + cn > 1, "doan_the": tt > 0 or cn > 2}[kind]
            if over != ("quota_exceeded" in u.get("problems", [])):
                self.err(code, f"{tt} tập thể + {cn} cá nhân for {kind}: quota_exceeded label disagrees")
            final = u.get("final", {})
            for d in ("to_trinh", "bao_cao_kl01"):
                if final.get(d) not in STATUSES:
                    self.err(code, f"final.{d} missing or not in {sorted(STATUSES)}")
            fn = u.get("final_nominees", {})
            for n in noms:
                st = fn.get(n["name"])
                if st is None:
                    self.err(code, f"no final_nominees entry for {n['name']}")
                    continue
                for d, s in st.items():
                    if DELIVERABLES.get(d) != "nominee" or s not in STATUSES:
                        self.err(code, f"final_nominees.{n['name']}.{d} = {s}?")
            # consistency with file labels
            got = collections.defaultdict(list)   # (deliverable, nominee|None) -> [(mail, readable, late)]
            for m in self.L["mail"]:
                if null(m["unit"]) != code:
                    continue
                for f in m["files"]:
                    d = null(f.get("deliverable"))
                    if d not in DELIVERABLES:
                        continue
                    targets = [kn.partition(":")[2] for kn in f.get("nominees", [])] or [None]
                    for t in targets:
                        got[(d, t)].append((m["id"], f.get("readable", True), m.get("late", False)))
            def expect(d, t, status, where):
                items = got.get((d, t), [])
                readable = [x for x in items if x[1]]
                if status == "missing" and readable:
                    self.err(code, f"{where} is 'missing' but {readable[0][0]} carries a readable copy")
                if status in ("received", "late") and not readable:
                    self.err(code, f"{where} is '{status}' but no readable file carries it")
                if status == "received" and readable and all(x[2] for x in readable):
                    self.err(code, f"{where} is 'received' but every readable copy is late")
                if status == "late" and any(not x[2] for x in readable):
                    self.err(code, f"{where} is 'late' but an on-time readable copy exists")
                if status == "unusable" and (readable or not items):
                    self.err(code, f"{where} is 'unusable' but copies are {items}")
            for d in ("to_trinh", "bao_cao_kl01"):
                if final.get(d) in STATUSES:
                    expect(d, None, final[d], f"final.{d}")
            for name, st in fn.items():
                for d, s in st.items():
                    expect(d, name, s, f"final_nominees.{name}.{d}")

    # ------------------------------------------------------------------------ builder intent
    def check_builder(self):
        if not self.build_log:
            return
        for mid, entries in self.build_log.items():
            m = self.by_id.get(mid)
            if not m:
                continue
            lab = {nfc(f["path"]): f for f in m["files"]}
            for e in entries:
                p = nfc(e["path"])
                f = lab.get(p)
                if f is None:
                    continue  # reported by check_mail
                kinds = {BUILD_KIND.get(k.split("/")[1].split(".")[0], "?") for k in e["docs"]} if e["docs"] else {None}
                d = null(f.get("deliverable"))
                if e["kind"] != "file":
                    continue
                if d not in kinds:
                    self.err(mid, f"{p}: labelled {d} but the builder put {sorted(map(str, kinds))} ({e['docs']})")

    # ---------------------------------------------------------------------------- export
    def export(self):
        out = dict(meta=self.L["meta"], units={}, mails=[])
        for code, u in self.L["units"].items():
            out["units"][code] = u
        for m in self.L["mail"]:
            mm = {k: null(v) if isinstance(v, str) else v for k, v in m.items() if k != "files"}
            mm["internaldate"] = self.manifest.get(m["id"], {}).get("internaldate")
            noms = self.nominees_of(null(m["unit"])) if null(m["unit"]) else {}
            files = []
            for f in m["files"]:
                ff = dict(f)
                ff["deliverable"] = null(f.get("deliverable"))
                ff["readable"] = f.get("readable", True)
                ff["problems"] = f.get("problems", [])
                ff["nominees"] = [dict(kind=kn.partition(":")[0], name=kn.partition(":")[2])
                                  for kn in f.get("nominees", [])]
                files.append(ff)
            mm["files"] = files
            out["mails"].append(mm)
        with open(os.path.join(self.corpus, "labels.json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)

    def summary(self):
        mails = self.L["mail"]
        files = [f for m in mails for f in m["files"]]
        leaf = [f for f in files if null(f.get("deliverable")) != "container"]
        print(f"units: {len(self.L['units'])} ({collections.Counter(r['kind'] for r in self.units_csv.values())})")
        print(f"mails: {len(mails)}  kinds: {dict(collections.Counter(m['kind'] for m in mails))}")
        print(f"files: {len(files)} labelled entries, {len(leaf)} documents/files (containers excluded)")
        print("  by format:", dict(sorted(collections.Counter(f['format'] for f in files).items())))
        print("  by deliverable:", dict(collections.Counter(str(null(f.get('deliverable'))) for f in leaf)))
        cls = collections.defaultdict(list)
        for m in mails:
            for c in m["classes"]:
                cls[c].append(m["id"])
        print(f"case classes: {len(cls)}")
        for c in sorted(cls):
            flag = "" if len(cls[c]) >= 2 else "   <-- only one mail"
            print(f"  {c}: {' '.join(cls[c])}{flag}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "var", "eval-independent"))
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.toml"))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    c = Checker(os.path.abspath(a.corpus), a.labels)
    c.check_mails()
    c.check_units()
    c.check_builder()
    if not a.quiet:
        c.summary()
    if c.errors:
        print(f"\n{len(c.errors)} problem(s):", file=sys.stderr)
        for e in c.errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    c.export()
    print("labels OK; wrote", os.path.join(a.corpus, "labels.json"))


if __name__ == "__main__":
    main()
