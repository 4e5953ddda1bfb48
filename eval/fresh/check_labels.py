#!/usr/bin/env python3
"""Validate the hand-written labels (labels.toml) against the built corpus; export labels.json.

    python eval/fresh/check_labels.py [--corpus NAME|DIR] [--built DIR] [--labels FILE] [--quiet]

--corpus NAME (default "fresh"; "third" for eval/third) reads eval/NAME/labels.toml and eval/NAME/units.csv
and checks them against var/eval-NAME/ (or --built DIR).  For backward compatibility a --corpus value that
is a path (contains "/" or names an existing directory outside eval/) is the built directory of the fresh
corpus.

Checks (exit status 1 when any fails):
  - schema: known keys and values (kinds, formats, deliverables, problems, statuses, classes, evidence);
  - mail ids unique; every built mail is labelled and every labelled mail was built;
  - every file the mail really carries (mailfiles.py rules) is labelled, and every labelled file exists in
    the mail; no path is labelled twice;
  - each labelled format agrees with the file's bytes (magic numbers, zip contents, the PDF's text layer
    and producer) and each "readable" label with what opening the file gives (zip/OLE/PDF parse,
    password); members of encrypted archives are not labelled readable;
  - unit codes, deliverable ids, nominee kinds and names belong to the unit (units.csv + [units.*]);
    per-unit deliverables carry no nominee, per-nominee ones at least one;
  - sender and registration agree with the mail's From and units.csv; a registered address is labelled
    with its own unit;
  - "late" agrees with the INTERNALDATE in manifest.json and the deadline of what the mail carries;
  - "replaces" and "in_reply_to" point at labelled files/mails of earlier mails of the same unit;
  - each unit's quota label agrees with its nominees and kind; each final status agrees with the file
    labels (a "received" deliverable has a readable on-time file, "late" only late ones, "missing" none,
    "unusable" only unreadable ones, "not_required" none and only for collectives' rating decisions);
  - every case class the brief requires is exercised by at least two mails;
  - the builder's own record (build_log.json: which document it put in each file) agrees with the
    deliverable labels - a check of the labeller against the builder, both written by the corpus
    makers; the bot under test is never involved.
Writes <corpus>/labels.json (the labels with "null" turned into null).
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import email.utils
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(os.path.dirname(HERE), "independent"))   # mailfiles.py: same file rules

from mailfiles import mail_files, nfc  # noqa: E402

DELIVERABLES = {"to_trinh": "unit", "bao_cao_thanh_tich": "nominee", "tom_tat_thanh_tich": "nominee",
                "quyet_dinh_khen_thuong": "nominee", "quyet_dinh_xep_loai": "nominee", "bao_cao_kl01": "unit"}
KINDS = {"submission", "partial_submission", "correction", "resend", "resend_whole_dossier",
         "no_attachment_promise", "extension_request", "drive_link", "question", "wrong_attachment",
         "out_of_office", "bounce", "spam"}
STATUSES = {"received", "late", "missing", "unusable", "not_required"}
FORMATS = {"docx", "docx-lo", "doc", "odt", "rtf", "pdf-text", "pdf-web", "pdf-scan", "jpg-photo", "png", "zip",
           "7z", "rar", "eml"}
PROBLEMS = {"summary_too_long", "outline_section_missing", "unreadable_file", "wrong_document",
            "missing_confirmation"}
SECTIONS = {"I", "II", "III.1", "III.2", "III.3", "IV"}
TRAITS = {"legacy_font_tcvn3", "nfd_filename", "several_documents", "page_1_of_2", "page_2_of_2",
          "rotated_pages", "pictures_only_docx"}   # the last two: eval/third
EVIDENCE = {"address", "display_name", "subject", "body", "signature", "documents", "forwarded_header",
            "quoted_text"}
MAIL_KEYS = {"id", "kind", "unit", "concerns_unit", "sender", "sender_registered", "unit_evidence", "late",
             "replaces", "in_reply_to", "classes", "notes", "files"}
FILE_KEYS = {"path", "format", "deliverable", "nominees", "readable", "problems", "traits", "notes"}
UNIT_KEYS = {"nominees", "withdrawn", "problems", "final", "final_problems", "final_nominees", "notes"}
# the case classes of the brief; each must be exercised by at least two mails
REQUIRED_CLASSES = [
    "dossier_in_one_mail", "dossier_split_over_mails", "several_nominees_in_one_mail",
    "correction_replacing_one_file", "whole_dossier_resend", "registered_address",
    "personal_mail_unit_in_subject_only", "personal_mail_unit_in_body_or_signature_only",
    "personal_mail_unit_in_documents_only", "unregistered_sender_documents_name_unit", "useless_filenames",
    "filenames_lose_words_or_digits", "abbreviations", "honorifics", "qd_khen_thuong_tap_the_filename",
    "qd_xep_loai_dang_vien_named_filename", "rating_decision_lists_several_members",
    "to_trinh_count_after_line_break", "collective_sends_organisation_rating",
    "chi_bo_proposes_only_collective", "format_docx", "format_docx_lo", "format_doc", "format_odt",
    "format_rtf", "format_pdf_libreoffice", "format_pdf_browser", "format_scan", "format_phone_photo",
    "format_zip", "format_7z", "format_rar", "forwarded_mail", "corrupt_then_good_copy",
    "password_protected_file", "scanned_kl01", "kl01_missing_section", "summary_too_long", "over_quota",
    "late_by_internaldate", "deadline_day_late_evening_on_time", "no_attachment_promise",
    "extension_request", "drive_link", "out_of_office", "bounce", "spam", "wrong_attachment"]
EXTRA_CLASSES = ["nfd_filenames", "date_header_differs_from_internaldate", "reply_to_reminder",
                 "legacy_font_tcvn3", "nominee_changed", "nominee_sends_own_file", "two_registered_addresses",
                 "inline_signature_images", "archive_with_folders", "forward_as_attachment", "question",
                 "outline_merged_sections_present",
                 # new shapes of the fresh corpus (README.md)
                 "meeting_minutes_attached", "sub_unit_sends_directly", "kl01_sent_with_dossier",
                 "outline_as_table_or_inline_labels", "tt_abbreviation_for_summary", "several_decisions_in_one_scan",
                 "nominee_name_broken_across_lines", "doc_saved_as_docx_extension", "missing_confirmation",
                 "filenames_all_caps", "names_reordered_or_partial_in_filenames", "bounce_of_acknowledgment",
                 "resend_from_second_registered_address",
                 # new shapes of the third corpus (eval/third/README.md)
                 "tone_mark_placement_variants", "nominee_signs_unit_documents", "scan_pages_rotated",
                 "scan_pasted_into_docx", "phone_photos_bound_into_pdf", "double_inline_forward",
                 "late_resend_of_on_time_dossier", "kl01_with_separate_appendix", "same_document_docx_and_pdf",
                 "rating_list_nominee_on_later_page", "letter_proposing_no_one", "kl01_follows_no_outline",
                 "date_only_filenames", "one_file_per_mail_client", "summary_near_limit",
                 "collective_not_party_organisation", "encrypted_kl01_never_resent"]
BUILD_KIND = {"tt": "to_trinh", "bctt": "bao_cao_thanh_tich", "tom": "tom_tat_thanh_tich",
              "kt": "quyet_dinh_khen_thuong", "xl": "quyet_dinh_xep_loai", "kl01": "bao_cao_kl01", "misc": None,
              "bb": None}


def null(v):
    return None if v == "null" else v


# --------------------------------------------------------------------------------- file sniffing
def _pdf_info(data):
    """(ok, encrypted, producer, text_chars) for PDF bytes, using poppler."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as t:
        t.write(data)
        t.flush()
        info = subprocess.run(["pdfinfo", t.name], capture_output=True, text=True)
        if info.returncode != 0:
            enc = "Incorrect password" in info.stderr or "encrypted" in info.stderr.lower()
            return False, enc, "", 0
        producer = re.search(r"^Producer:\s*(.*)$", info.stdout, re.M)
        txt = subprocess.run(["pdftotext", "-l", "3", t.name, "-"], capture_output=True, text=True)
        chars = len(re.sub(r"\s", "", txt.stdout))
        return True, False, producer.group(1) if producer else "", chars


def sniff(data, name):
    """(format family guess, readable, detail) from the bytes alone."""
    if data is None:
        return None, None, "no bytes"
    if data[:4] == b"%PDF":
        ok, enc, producer, chars = _pdf_info(data)
        if not ok:
            return "pdf", False, "encrypted" if enc else "broken"
        if chars < 40:
            return "pdf-scan", True, producer
        if "LibreOffice" in producer:
            return "pdf-text", True, producer
        if "Skia" in producer or "Chrom" in producer:
            return "pdf-web", True, producer
        return "pdf-text?", True, producer
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc", True, ""
    if data[:5] == b"{\\rtf":
        return "rtf", True, ""
    if data[:3] == b"\xff\xd8\xff":
        return "jpg-photo", True, ""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png", True, ""
    if data[:6] == b"7z\xbc\xaf\x27\x1c":
        return "7z", True, ""
    if data[:4] == b"Rar!":
        return "rar", True, ""
    if data[:2] == b"PK":
        if name.lower().endswith(".zip"):
            return "zip", True, ""
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            names = set(z.namelist())
            if "word/document.xml" in names:
                app = z.read("docProps/app.xml").decode("utf-8", "replace") if "docProps/app.xml" in names else ""
                z.read("word/document.xml")
                return ("docx-lo" if "LibreOffice" in app else "docx"), True, ""
            if "mimetype" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                z.read("content.xml")
                return "odt", True, ""
            return "zip?", True, ""
        except (zipfile.BadZipFile, KeyError, EOFError):
            ext = os.path.splitext(name)[1].lower().lstrip(".")
            return ext or "zip?", False, "broken zip"
    if name.lower().endswith(".eml"):
        return "eml", True, ""
    return "?", None, ""


def format_matches(label, guess):
    if guess is None:
        return True
    if guess == "pdf":                       # a PDF that cannot be opened: any PDF label
        return label.startswith("pdf-")
    if guess == "pdf-text?":
        return label in ("pdf-text", "pdf-web")
    return label == guess


# --------------------------------------------------------------------------------------- checker
class Checker:
    def __init__(self, corpus, labels_path, units_path=os.path.join(HERE, "units.csv")):
        self.corpus = corpus
        with open(labels_path, "rb") as f:
            self.L = tomllib.load(f)
        with open(units_path, encoding="utf-8") as f:
            self.units_csv = {r["code"]: r for r in csv.DictReader(f)}
        with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as f:
            self.manifest = {m["id"]: m for m in json.load(f)["mails"]}
        p = os.path.join(corpus, "build_log.json")
        self.build_log = json.load(open(p, encoding="utf-8")) if os.path.exists(p) else {}
        self.errors = []
        self.deadlines = {k: dt.datetime.fromisoformat(v) for k, v in self.L["meta"]["deadlines"].items()}
        self.dl_of = self.L["meta"]["deliverable_deadline"]
        self.registered = {}
        for code, r in self.units_csv.items():
            for e in r["emails"].split(";"):
                self.registered[e.strip().lower()] = code
        self.by_id = {m["id"]: m for m in self.L["mail"]}

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def idate(self, mid):
        return dt.datetime.fromisoformat(self.manifest[mid]["internaldate"])

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
        for i in sorted(set(ids) - built):
            self.err(i, "labelled but not in manifest.json")
        for i in sorted(built - set(ids)):
            self.err(i, "built but not labelled")
        for m in self.L["mail"]:
            if m["id"] in built:
                self.check_mail(m)

    def check_mail(self, m):
        mid = m["id"]
        for k in ("kind", "unit", "sender", "sender_registered", "classes", "files", "unit_evidence"):
            if k not in m:
                self.err(mid, f"missing key {k}")
                return
        for k in set(m) - MAIL_KEYS:
            self.err(mid, f"unknown key {k}")
        if m["kind"] not in KINDS:
            self.err(mid, f"unknown kind {m['kind']}")
        for e in m["unit_evidence"]:
            if e not in EVIDENCE:
                self.err(mid, f"unknown unit_evidence {e}")
        for c in m["classes"]:
            if c not in REQUIRED_CLASSES and c not in EXTRA_CLASSES:
                self.err(mid, f"unknown class {c}")
        unit = null(m["unit"])
        if unit is not None and unit not in self.units_csv:
            self.err(mid, f"unknown unit {unit}")
        if null(m.get("concerns_unit", "null")) not in (None, *self.units_csv):
            self.err(mid, f"unknown concerns_unit {m['concerns_unit']}")
        if (unit is None) != (m["kind"] in ("spam", "bounce")):
            self.err(mid, f"unit {unit} for a mail of kind {m['kind']}")
        path = os.path.join(self.corpus, self.manifest[mid]["path"])
        data = open(path, "rb").read()
        msg, files = mail_files(data, extract=True)
        sender = email.utils.parseaddr(str(msg.get("From", "")))[1].lower()
        if sender != m["sender"].lower():
            self.err(mid, f"sender label {m['sender']} but From is {sender}")
        reg = sender in self.registered
        if reg != m["sender_registered"]:
            self.err(mid, f"sender_registered={m['sender_registered']} but units.csv says {reg}")
        if reg and unit is not None and self.registered[sender] != unit:
            self.err(mid, f"registered address of {self.registered[sender]} labelled as unit {unit}")
        if reg and "address" not in m["unit_evidence"]:
            self.err(mid, "registered sender but 'address' not in unit_evidence")
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
            for k in set(f) - FILE_KEYS:
                self.err(mid, f"{p}: unknown key {k}")
            dlv = null(f.get("deliverable"))
            fmt = f.get("format")
            readable = f.get("readable", True)
            if fmt not in FORMATS:
                self.err(mid, f"{p}: unknown format {fmt}")
            if dlv is not None and dlv not in DELIVERABLES and dlv != "container":
                self.err(mid, f"{p}: unknown deliverable {dlv}")
            if fmt in ("zip", "7z", "rar", "eml"):
                if dlv not in ("container", None):
                    self.err(mid, f"{p}: deliverable {dlv} for a {fmt} file")
            elif dlv == "container":
                self.err(mid, f"{p}: a {fmt} file labelled as a container")
            for pr in f.get("problems", []):
                code, _, arg = pr.partition(":")
                if code not in PROBLEMS:
                    self.err(mid, f"{p}: unknown problem {pr}")
                if code == "outline_section_missing" and (arg not in SECTIONS or dlv != "bao_cao_kl01"):
                    self.err(mid, f"{p}: {pr} on {dlv}")
                if code == "summary_too_long" and dlv != "tom_tat_thanh_tich":
                    self.err(mid, f"{p}: {pr} on {dlv}")
                if code == "unreadable_file" and (readable or arg not in ("corrupt", "encrypted")):
                    self.err(mid, f"{p}: {pr} but readable={readable}")
                if code == "wrong_document" and dlv is not None:
                    self.err(mid, f"{p}: wrong_document labelled as {dlv}")
            if not readable and dlv in DELIVERABLES and not any(
                    x.startswith("unreadable_file") for x in f.get("problems", [])):
                self.err(mid, f"{p}: unreadable deliverable without an unreadable_file problem")
            for t in f.get("traits", []):
                if t not in TRAITS:
                    self.err(mid, f"{p}: unknown trait {t}")
            fn = found.get(p)
            if fn is not None:
                if fn.get("encrypted_member") and readable:
                    self.err(mid, f"{p}: member of an encrypted archive labelled readable")
                if not fn.get("encrypted_member") and fn.get("data") is not None:
                    guess, ok, detail = sniff(fn["data"], p)
                    if not format_matches(fmt, guess):
                        self.err(mid, f"{p}: labelled {fmt}, the bytes look like {guess} ({detail})")
                    if ok is not None and fmt not in ("zip", "7z", "rar", "eml") and ok != readable:
                        self.err(mid, f"{p}: labelled readable={readable}, opening it says {ok} ({detail})")
            if dlv in DELIVERABLES:
                if readable:
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
        if carried:
            if "late" not in m:
                self.err(mid, "carries deliverables but has no late= label")
            else:
                late = any(self.idate(mid) > self.deadlines[self.dl_of[d]] for d in carried)
                if late != m["late"]:
                    self.err(mid, f"late={m['late']} but INTERNALDATE {self.idate(mid).isoformat()} says {late}")
        elif "late" in m:
            self.err(mid, "late= given but the mail carries no readable deliverable")
        # replaces / in_reply_to
        for r in m.get("replaces", []):
            rid, _, rp = r.partition(":")
            if rid not in self.by_id:
                self.err(mid, f"replaces unknown mail {rid}")
                continue
            if self.idate(rid) >= self.idate(mid):
                self.err(mid, f"replaces {rid}, which is not earlier")
            if null(self.by_id[rid]["unit"]) != unit:
                self.err(mid, f"replaces {rid} of another unit")
            if rp != "*" and nfc(rp) not in [nfc(f["path"]) for f in self.by_id[rid]["files"]]:
                self.err(mid, f"replaces {r}: no such labelled file")
        irt = m.get("in_reply_to")
        if irt:
            if irt not in self.by_id:
                self.err(mid, f"in_reply_to {irt} unknown")
            elif self.idate(irt) >= self.idate(mid):
                self.err(mid, f"in_reply_to {irt}, which is not earlier")

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
            for k in set(u) - UNIT_KEYS:
                self.err(code, f"unknown key {k}")
            kind = self.units_csv[code]["kind"]
            noms = u.get("nominees", [])
            names = [n["name"] for n in noms + u.get("withdrawn", [])]
            for nm, c in collections.Counter(names).items():
                if c > 1:
                    self.err(code, f"nominee {nm} listed twice")
            for n in noms + u.get("withdrawn", []):
                if n.get("kind") not in ("tap_the", "ca_nhan"):
                    self.err(code, f"nominee {n.get('name')}: kind {n.get('kind')}")
            tt = sum(1 for n in noms if n["kind"] == "tap_the")
            cn = sum(1 for n in noms if n["kind"] == "ca_nhan")
            over = {"dang_bo_co_so": tt > 1 or cn > 1, "chi_bo_co_so": tt + cn > 1, "doan_the": tt > 0 or cn > 2}[kind]
            if over != ("quota_exceeded" in u.get("problems", [])):
                self.err(code, f"{tt} tập thể + {cn} cá nhân for {kind}: quota_exceeded label disagrees")
            final = u.get("final", {})
            for d in ("to_trinh", "bao_cao_kl01"):
                if final.get(d) not in STATUSES - {"not_required"}:
                    self.err(code, f"final.{d} missing or not a status")
            fn = u.get("final_nominees", {})
            for n in noms:
                st = fn.get(n["name"])
                if st is None:
                    self.err(code, f"no final_nominees entry for {n['name']}")
                    continue
                for d in DELIVERABLES:
                    if DELIVERABLES[d] == "nominee" and d not in st:
                        self.err(code, f"final_nominees.{n['name']} lacks {d}")
                for d, s in st.items():
                    if DELIVERABLES.get(d) != "nominee" or s not in STATUSES:
                        self.err(code, f"final_nominees.{n['name']}.{d} = {s}?")
                    if s == "not_required" and not (d == "quyet_dinh_xep_loai" and n["kind"] == "tap_the"):
                        self.err(code, f"final_nominees.{n['name']}.{d}: not_required only for collectives' ratings")
            for n in fn:
                if n not in [x["name"] for x in noms]:
                    self.err(code, f"final_nominees entry {n} is not a nominee")
            # consistency with the file labels
            got = collections.defaultdict(list)   # (deliverable, nominee|None) -> [(mail, readable, late)]
            for m in self.L["mail"]:
                if null(m["unit"]) != code:
                    continue
                for f in m["files"]:
                    d = null(f.get("deliverable"))
                    if d not in DELIVERABLES:
                        continue
                    targets = [kn.partition(":")[2] for kn in f.get("nominees", [])] or [None]
                    late = self.idate(m["id"]) > self.deadlines[self.dl_of[d]]
                    for t in targets:
                        got[(d, t)].append((m["id"], f.get("readable", True), late))

            def expect(d, t, status, where):
                items = got.get((d, t), [])
                readable = [x for x in items if x[1]]
                if status in ("missing", "not_required") and items:
                    self.err(code, f"{where} is '{status}' but {items[0][0]} carries a copy")
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
            for fp in u.get("final_problems", []):
                d, _, pr = fp.partition(":")
                if d not in DELIVERABLES or pr.split(":")[0] not in PROBLEMS:
                    self.err(code, f"final_problems {fp}?")

    # ------------------------------------------------------------------------------- classes
    def check_classes(self):
        cls = collections.defaultdict(list)
        for m in self.L["mail"]:
            for c in m["classes"]:
                cls[c].append(m["id"])
        for c in REQUIRED_CLASSES:
            if len(cls[c]) < 2:
                self.err("classes", f"{c} is exercised by {len(cls[c])} mail(s): {cls[c]}")
        self.classes = cls

    # ------------------------------------------------------------------------ builder intent
    def check_builder(self):
        for mid, entries in self.build_log.items():
            m = self.by_id.get(mid)
            if not m:
                continue
            lab = {nfc(f["path"]): f for f in m["files"]}
            for e in entries:
                f = lab.get(nfc(e["path"]))
                if f is None or e["kind"] != "file":
                    continue
                kinds = {BUILD_KIND.get(k.split("/")[1].split(".")[0], "?") for k in e["docs"]} if e["docs"] else {None}
                d = null(f.get("deliverable"))
                if d not in kinds:
                    self.err(mid, f"{e['path']}: labelled {d} but the builder put {sorted(map(str, kinds))} ({e['docs']})")

    # ---------------------------------------------------------------------------- export
    def export(self):
        out = dict(meta=self.L["meta"], units=self.L["units"], mails=[])
        for m in self.L["mail"]:
            mm = {k: null(v) if isinstance(v, str) else v for k, v in m.items() if k != "files"}
            mm["internaldate"] = self.manifest.get(m["id"], {}).get("internaldate")
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
        print(f"units: {len(self.L['units'])} ({dict(collections.Counter(r['kind'] for r in self.units_csv.values()))})")
        print(f"mails: {len(mails)}  kinds: {dict(collections.Counter(m['kind'] for m in mails))}")
        print(f"files: {len(files)} labelled ({len(files) - len(leaf)} containers, {len(leaf)} documents/other files)")
        print("  by format:", dict(sorted(collections.Counter(f['format'] for f in files).items())))
        print("  by deliverable:", dict(collections.Counter(str(null(f.get('deliverable'))) for f in leaf)))
        print(f"case classes: {len(self.classes)}")
        for c in REQUIRED_CLASSES + [c for c in EXTRA_CLASSES if c in self.classes]:
            print(f"  {c}: {' '.join(self.classes.get(c, []))}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="fresh", help="corpus name (fresh, third) or, as before, the built directory")
    ap.add_argument("--built", default=None, help="the built corpus (default var/eval-NAME)")
    ap.add_argument("--labels", default=None, help="default eval/NAME/labels.toml")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    name, built = a.corpus, a.built
    if os.sep in name or not os.path.isdir(os.path.join(os.path.dirname(HERE), name)):
        name, built = "fresh", built or name          # the former --corpus DIR
    src = os.path.join(os.path.dirname(HERE), name)
    built = os.path.abspath(built or os.path.join(REPO, "var", "eval-" + name))
    labels = a.labels or os.path.join(src, "labels.toml")
    a.corpus = built
    c = Checker(built, labels, os.path.join(src, "units.csv"))
    c.check_mails()
    c.check_units()
    c.check_classes()
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
