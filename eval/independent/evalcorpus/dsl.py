"""The little vocabulary scenario.py is written in.

F(name, doc, fmt, **opts)      one attached file: `doc` is a document key, `fmt` how it was made
A(name, kind, members, ...)    an archive (zip/7z/rar); members = [(inner_path, F(...)), ...]
E(name, mail=..., files=[...]) a mail forwarded as an attachment (message/rfc822)
Sc.doc(key, fn, *args)         registers a document (a text.py generator call)
Sc.mail(id, internaldate, client, ...)  one mail of the corpus

Formats (fmt):
  docx        python-docx                      docx-lo   python-docx, re-saved by LibreOffice
  doc/odt/rtf LibreOffice conversions          pdf       LibreOffice PDF export
  pdf-web     Chromium print-to-pdf of HTML    scan      printed, signed, stamped, scanned (img2pdf)
  photo       phone photo (.jpg) of one page   encrypted qpdf AES-256 with a user password
  corrupt     a truncated copy of another fmt  tcvn3-doc legacy .VnTime text saved as .doc
  lockfile    Word's ~$ owner file             logo/icon small PNGs of e-mail signatures
  bytes       literal bytes (opts["data"])
"""
from __future__ import annotations


def F(name, doc=None, fmt="docx", **opts):
    return dict(type="file", name=name, doc=doc, fmt=fmt, **opts)


def A(name, kind, members, password=None, **opts):
    return dict(type="archive", name=name, kind=kind, members=members, password=password, **opts)


def E(name, mail, files):
    return dict(type="eml", name=name, mail=mail, files=files)


class Sc:
    def __init__(self):
        self.docs = {}
        self.mails = []

    def doc(self, key, fn, *args, **kw):
        if key in self.docs:
            raise KeyError(f"duplicate document key {key}")
        self.docs[key] = (fn, args, kw)
        return key

    def mail(self, id, idate, client, frm, subject, body, files=(), **kw):
        if any(m["id"] == id for m in self.mails):
            raise KeyError(f"duplicate mail id {id}")
        self.mails.append(dict(id=id, idate=idate, client=client, frm=frm, subject=subject, body=body,
                               files=list(files), **kw))
