"""Which files a mail carries, named the way labels.toml names them.

Rules (also in README.md):
- the mail is parsed with Python's email package (policy.default);
- multipart containers are walked; inside a multipart/report only the first part is read (the
  delivery-status, returned message and returned headers of a bounce are not attachments);
- a text/plain or text/html leaf without a file name and not marked "attachment" is body text;
- every other leaf is a file, named by its decoded filename (Content-Disposition filename, else the
  Content-Type name), NFC-normalised; an unnamed one is "part-<n>" (n counts unnamed parts from 1);
- a message/rfc822 part is a file (its name, or "message-<n>.eml" when unnamed) AND its own files
  are listed as "<that name>/<inner file>";
- a .zip/.7z/.rar file is a file AND its members are listed as "<archive name>/<member path>"
  (lsar from unar lists them, also when the data is encrypted); when even the names are encrypted
  the archive has no listed members.
"""
from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import tempfile
import unicodedata

ARCHIVE_EXT = (".zip", ".7z", ".rar")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def archive_members(data, name, extract=False):
    """[(member_path, is_encrypted, bytes|None)] or None when the listing itself is not possible.

    With extract=True the members that are not encrypted are unpacked (unar) and their bytes returned."""
    with tempfile.TemporaryDirectory() as td:
        p = os.path.join(td, "a" + os.path.splitext(name)[1].lower())
        with open(p, "wb") as f:
            f.write(data)
        res = subprocess.run(["lsar", "-j", p], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            info = json.loads(res.stdout.decode("utf-8", "replace"))
        except ValueError:
            return None
        if info.get("lsarError") and not info.get("lsarContents"):
            return None
        entries = [(e.get("XADFileName", ""), bool(e.get("XADIsEncrypted")))
                   for e in info.get("lsarContents", []) if not e.get("XADIsDirectory")]
        blobs = {}
        if extract and any(not enc for _, enc in entries):
            out = os.path.join(td, "x")
            subprocess.run(["unar", "-q", "-f", "-D", "-o", out, p], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for m, enc in entries:
                q = os.path.join(out, m)
                if not enc and os.path.isfile(q):
                    blobs[m] = open(q, "rb").read()
        return [(nfc(m), enc, blobs.get(m)) for m, enc in entries]


def mail_files(data, extract=False):
    """[dict(path, ctype, size, container, encrypted_member, raw_name[, data])] for one raw mail.

    extract=True adds the bytes of every file (archive members unpacked when not encrypted)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    out = []
    counters = {"part": 0, "msg": 0}

    def walk(part, prefix):
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) else inner
            name = part.get_filename() or part.get_param("name")
            if not name:
                counters["msg"] += 1
                name = f"message-{counters['msg']}.eml"
            name = nfc(str(name))
            e = dict(path=prefix + name, ctype=ctype, container="eml", raw_name=name)
            if extract:
                e["data"] = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
            out.append(e)
            walk_body(inner, prefix + name + "/")
            return
        if part.is_multipart():
            subs = part.get_payload()
            if ctype == "multipart/report":
                subs = subs[:1]
            for s in subs:
                walk(s, prefix)
            return
        raw = part.get_filename() or part.get_param("name")
        disp = part.get_content_disposition()
        if raw is None and ctype in ("text/plain", "text/html") and disp != "attachment":
            return
        if raw is None:
            counters["part"] += 1
            raw = f"part-{counters['part']}"
        name = nfc(str(raw))
        payload = part.get_payload(decode=True) or b""
        entry = dict(path=prefix + name, ctype=ctype, size=len(payload), raw_name=str(raw))
        if extract:
            entry["data"] = payload
        out.append(entry)
        if name.lower().endswith(ARCHIVE_EXT):
            entry["container"] = "archive"
            members = archive_members(payload, name, extract)
            if members is None:
                entry["unlistable"] = True
            else:
                for m, enc, blob in members:
                    e = dict(path=prefix + name + "/" + m, ctype="", member=True, encrypted_member=enc)
                    if extract:
                        e["data"] = blob
                    out.append(e)

    def walk_body(m, prefix):
        walk(m, prefix)

    walk(msg, "")
    return msg, out


if __name__ == "__main__":
    import sys
    for p in sys.argv[1:]:
        _, files = mail_files(open(p, "rb").read())
        print(os.path.basename(p))
        for f in files:
            print("   ", f["path"], f.get("ctype", ""), "encrypted" if f.get("encrypted_member") else "",
                  "UNLISTABLE" if f.get("unlistable") else "")
