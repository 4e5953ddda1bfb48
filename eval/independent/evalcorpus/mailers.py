"""Composing the mails.

Real clients where Debian has one that works in batch mode:
  mutt   (mutt -n -F rc -H draft -a files...; sendmail = a script saving stdin)
  s-nail (s-nail -:/ ... -S mta=script -a files...)
  mpack  (mpack -s subject -o out file; the MTA would add From/To/Date, we add them the same way)
  swaks  (swaks --attach ... --pipe "python3 smtp_sink.py OUT": swaks talks SMTP to the sink)
each run under faketime, so their Date headers are the ones the scenario says.

Shapes no Debian client makes (Gmail web/app, Outlook 2016 on Windows, Apple Mail, Zimbra web
client, auto-replies, bounces) are written byte by byte here, modelled on ../shared/realmail:
their boundary styles, Message-ID styles, filename encodings (Gmail/Outlook: RFC 2047 inside the
quoted filename; Apple Mail: RFC 2231 with NFD names; Zimbra: RFC 2231 filename + RFC 2047 name).

Random tokens the real clients put in boundaries and Message-IDs are replaced afterwards by seeded
tokens of the same shape, so that a build is byte-for-byte repeatable.
"""
from __future__ import annotations

import base64
import hashlib
import os
import quopri
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata
from email.utils import format_datetime

from .media import faketime_prefix, TZ

HERE = os.path.dirname(os.path.abspath(__file__))
INTAKE = "banbientapduk@thainguyen.gov.vn"

CTYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".zip": "application/zip",
    ".7z": "application/x-7z-compressed",
    ".rar": "application/x-rar-compressed",
    ".eml": "message/rfc822",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html",
    ".exe": "application/octet-stream",
}
# what Windows/Outlook and Gmail call some of them
CTYPES_WIN = dict(CTYPES, **{".zip": "application/x-zip-compressed", ".rar": "application/octet-stream",
                             ".7z": "application/octet-stream"})


def ctype_for(name, table=CTYPES):
    return table.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


def tok(seed, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    r = random.Random(seed)
    return "".join(r.choice(alphabet) for _ in range(n))


def hexs(seed, n, upper=False):
    h = hashlib.sha256(seed.encode()).hexdigest()
    while len(h) < n:
        h += hashlib.sha256(h.encode()).hexdigest()
    return h[:n].upper() if upper else h[:n]


# ----------------------------------------------------------------------------- header encoding
def ew(text, charset="UTF-8", enc="B", maxlen=75):
    """RFC 2047 encoded-words, split on character boundaries."""
    if all(ord(c) < 128 for c in text) and enc != "force":
        return text
    words = []
    cur = ""
    def enc_word(s):
        b = s.encode("utf-8")
        if enc == "Q":
            q = "".join(ch if (ch.isalnum() and ord(ch) < 128) else
                        ("_" if ch == " " else "".join(f"={x:02X}" for x in ch.encode("utf-8"))) for ch in s)
            return f"=?{charset}?Q?{q}?="
        return f"=?{charset}?B?{base64.b64encode(b).decode()}?="
    for ch in text:
        if len(enc_word(cur + ch)) > maxlen:
            words.append(enc_word(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(enc_word(cur))
    return "\r\n ".join(words)


def rfc2231(name, charset="utf-8"):
    out = []
    for b in name.encode("utf-8"):
        c = chr(b)
        if c.isalnum() and b < 128 or c in "-._~":
            out.append(c)
        else:
            out.append(f"%{b:02X}")
    return f"{charset}''" + "".join(out)


def rfc2231_params(param, name, charset="utf-8", width=60):
    """filename*=... or continuations filename*0*=...; filename*1*=..."""
    val = rfc2231(name, charset)
    if len(val) + len(param) < 70:
        return [f"{param}*={val}"]
    chunks = []
    # split without breaking %XX escapes
    i = 0
    while i < len(val):
        j = min(len(val), i + width)
        while j < len(val) and val[j - 1] != "%" and j - i > 3 and "%" in val[j - 2:j]:
            j -= 1
        if j < len(val) and "%" in val[j - 2:j]:
            j = val.rfind("%", i, j)
        chunks.append(val[i:j])
        i = j
    return [f"{param}*{k}*={c}" for k, c in enumerate(chunks)]


def fold_b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + width] for i in range(0, len(s), width))


def qp(text):
    return quopri.encodestring(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")).decode()


def addr(name, email, enc="B", charset="UTF-8", quote=True):
    if not name:
        return email
    if all(ord(c) < 128 for c in name):
        return f'"{name}" <{email}>' if quote else f"{name} <{email}>"
    return f"{ew(name, charset, enc)} <{email}>"


def html_of(text, wrapper="gmail"):
    import html as h
    lines = text.split("\n")
    if wrapper == "gmail":
        inner = "".join((f"<div>{h.escape(l)}</div>" if l else "<div><br></div>") for l in lines)
        return f'<div dir="ltr">{inner}</div>\r\n'
    if wrapper == "outlook":
        ps = "".join(f'<p class="MsoNormal"><span style="font-size:13.0pt;font-family:&quot;Times New Roman&quot;,serif">'
                     f'{h.escape(l) or "&nbsp;"}<o:p></o:p></span></p>\r\n' for l in lines)
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
                'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"></head>'
                f'<body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">\r\n{ps}'
                '</div></body></html>\r\n')
    if wrapper == "zimbra":
        bogus = '<br data-mce-bogus="1">'
        inner = "".join(f"<div>{h.escape(l) or bogus}</div>" for l in lines)
        return ('<html><body><div style="font-family: times new roman, new york, times, serif; font-size: 12pt; '
                f'color: #000000">{inner}</div></body></html>')
    raise ValueError(wrapper)


# ------------------------------------------------------------------------------------ the spec
class MailSpec:
    """What one mail says; filled by scenario.py, consumed by compose()."""

    def __init__(self, id, client, from_name, from_addr, subject, body, date, to=INTAKE, to_name=None,
                 attachments=(), in_reply_to=None, references=None, cc=None, extra_headers=None,
                 quoted=None, **kw):
        self.id = id
        self.client = client
        self.from_name = from_name
        self.from_addr = from_addr
        self.subject = subject
        self.body = body
        self.date = date              # aware datetime (the Date header)
        self.to = to
        self.to_name = to_name
        self.attachments = list(attachments)   # [dict(name, path, [ctype], [inline], [cid])]
        self.in_reply_to = in_reply_to
        self.references = references or ([in_reply_to] if in_reply_to else None)
        self.cc = cc
        self.extra_headers = extra_headers or []
        self.quoted = quoted
        self.kw = kw

    @property
    def seed(self):
        return "mail:" + self.id


# -------------------------------------------------------------------------- generic MIME writer
def part_headers(headers):
    return "".join(f"{k}: {v}\r\n" for k, v in headers)


def leaf(ctype_line, cte, payload, extra=()):
    h = [("Content-Type", ctype_line)] + list(extra) + [("Content-Transfer-Encoding", cte)]
    return part_headers(h) + "\r\n" + payload + "\r\n"


def multipart(mtype, boundary, parts, preamble="", extra_params=""):
    out = ""
    if preamble:
        out += preamble + "\r\n"
    for p in parts:
        out += f"\r\n--{boundary}\r\n" + p
    out += f"\r\n--{boundary}--\r\n"
    return out


def ct_multipart(mtype, boundary, extra=""):
    return f'multipart/{mtype};{extra}\r\n\tboundary="{boundary}"'


def attachment_part(att, style, seed):
    name = att["name"]
    data = open(att["path"], "rb").read()
    ctype = att.get("ctype") or ctype_for(name, CTYPES_WIN if style in ("outlook", "gmail") else CTYPES)
    inline = att.get("inline")
    if ctype == "message/rfc822":
        # forwarded as attachment: the message itself, not base64
        body = data.decode("utf-8", "surrogateescape").replace("\r\n", "\n").replace("\n", "\r\n")
        if style == "zimbra":
            return part_headers([("Content-Type", "message/rfc822"), ("Content-Disposition", "attachment")]) + \
                "\r\n" + body.rstrip("\r\n") + "\r\n"
        return part_headers([("Content-Type", f'message/rfc822;\r\n\tname="{ew(name, "utf-8")}"'),
                             ("Content-Disposition", f'attachment;\r\n\tfilename="{ew(name, "utf-8")}"')]) + \
            "\r\n" + body.rstrip("\r\n") + "\r\n"
    disp = "inline" if inline else "attachment"
    if style == "gmail":
        fn = ew(name, "UTF-8", "B")
        aid = att.get("cid") or ("f_" + tok(seed + name, 9, "abcdefghijklmnopqrstuvwxyz0123456789"))
        h = [("Content-Type", f'{ctype}; \r\n\tname="{fn}"'),
             ("Content-Disposition", f'{disp}; \r\n\tfilename="{fn}"'),
             ("Content-Transfer-Encoding", "base64"),
             ("Content-ID", f"<{aid}>"), ("X-Attachment-Id", aid)]
    elif style == "outlook":
        fn = ew(name, "utf-8", "B")
        h = [("Content-Type", f'{ctype};\r\n\tname="{fn}"')]
        h.append(("Content-Transfer-Encoding", "base64"))
        if inline:
            h.append(("Content-ID", f"<{att['cid']}>"))
        h.append(("Content-Disposition", f'{disp};\r\n\tfilename="{fn}"'))
    elif style == "apple":
        nfd = unicodedata.normalize("NFD", name)
        fparams = rfc2231_params("filename", nfd)
        h = [("Content-Disposition", f"{disp};\r\n\t" + ";\r\n\t".join(fparams)),
             ("Content-Type", f'{ctype};\r\n\tx-unix-mode=0644;\r\n\tname="{ew(nfd, "utf-8", "Q")}"'),
             ("Content-Transfer-Encoding", "base64")]
    elif style == "zimbra":
        fparams = rfc2231_params("filename", name)
        h = [("Content-Type", f'{ctype}; name="{ew(name, "utf-8", "B")}"'),
             ("Content-Disposition", f"{disp}; " + "; ".join(fparams) if len(fparams) == 1 else
              f"{disp};\r\n " + ";\r\n ".join(fparams)),
             ("Content-Transfer-Encoding", "base64")]
    else:
        raise ValueError(style)
    return part_headers(h) + "\r\n" + fold_b64(data) + "\r\n"


def finish(headers, body_ct, body):
    return (part_headers(headers + [("Content-Type", body_ct)]) + "\r\n" + body).encode("utf-8", "surrogateescape")


# ------------------------------------------------------------------------------------- Gmail
def gmail(spec):
    s = spec.seed
    mid = "CA" + tok(s + "mid", 46, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-=") + "@mail.gmail.com"
    b_mixed = "0000000000" + hexs(s + "b1", 16)
    b_alt = "0000000000" + hexs(s + "b2", 16)
    body = spec.body
    text = qp(body)
    htmlp = qp(html_of(body, "gmail"))
    alt = multipart("alternative", b_alt, [
        leaf('text/plain; charset="UTF-8"', "quoted-printable", text),
        leaf('text/html; charset="UTF-8"', "quoted-printable", htmlp)])
    headers = [("MIME-Version", "1.0"), ("Date", format_datetime(spec.date))]
    if spec.references:
        headers.append(("References", " ".join(f"<{x}>" for x in spec.references)))
    if spec.in_reply_to:
        headers.append(("In-Reply-To", f"<{spec.in_reply_to}>"))
    headers += [("Message-ID", f"<{mid}>"), ("Subject", ew(spec.subject, "UTF-8", "B")),
                ("From", addr(spec.from_name, spec.from_addr, "B")),
                ("To", spec.to if not spec.to_name else addr(spec.to_name, spec.to))]
    if spec.cc:
        headers.append(("Cc", spec.cc))
    headers += spec.extra_headers
    if not spec.attachments:
        return finish(headers, f'multipart/alternative; boundary="{b_alt}"', alt.lstrip("\r\n"))
    parts = [part_headers([("Content-Type", f'multipart/alternative; boundary="{b_alt}"')]) + "\r\n" + alt.lstrip("\r\n")]
    for a in spec.attachments:
        parts.append(attachment_part(a, "gmail", s))
    return finish(headers, f'multipart/mixed; boundary="{b_mixed}"', multipart("mixed", b_mixed, parts).lstrip("\r\n"))


# ----------------------------------------------------------------------------------- Outlook
def outlook(spec):
    s = spec.seed
    stamp = hexs(s + "st", 8, True)
    sfx = hexs(s + "sx", 8, True)
    mid = f"{hexs(s + 'm', 4)}01da{hexs(s + 'n', 4)}${hexs(s + 'o', 8)}${hexs(s + 'p', 8)}$@thainguyen.gov.vn"
    bn = [f"----=_NextPart_000_{hexs(s + str(i), 4, True)}_01DA{stamp[:4]}.{sfx}" for i in range(3)]
    body = spec.body
    inline = [a for a in spec.attachments if a.get("inline")]
    files = [a for a in spec.attachments if not a.get("inline")]
    for k, a in enumerate(inline, 1):
        a.setdefault("cid", f"image{k:03d}.png@01DA{stamp[:4]}.{sfx}")
    text_part = leaf('text/plain;\r\n\tcharset="utf-8"', "base64", fold_b64(body.replace("\n", "\r\n").encode()))
    html_src = html_of(body, "outlook")
    if inline:
        imgs = "".join(f'<img width="160" height="46" style="width:1.6666in;height:.4791in" id="Picture_x0020_{k}" '
                       f'src="cid:{a["cid"]}" alt="{a["name"]}">' for k, a in enumerate(inline, 1))
        html_src = html_src.replace("</div></body>", f'<p class="MsoNormal">{imgs}<o:p></o:p></p></div></body>')
    html_part = leaf('text/html;\r\n\tcharset="utf-8"', "base64", fold_b64(html_src.encode()))
    alt = multipart("alternative", bn[2], [text_part, html_part])
    alt_part = part_headers([("Content-Type", ct_multipart("alternative", bn[2]))]) + "\r\n" + alt.lstrip("\r\n")
    if inline:
        rel_parts = [alt_part] + [attachment_part(a, "outlook", s) for a in inline]
        rel = multipart("related", bn[1], rel_parts)
        core = part_headers([("Content-Type", ct_multipart("related", bn[1]))]) + "\r\n" + rel.lstrip("\r\n")
    else:
        core = alt_part
    headers = [("From", addr(spec.from_name, spec.from_addr, "B", "utf-8")),
               ("To", f"<{spec.to}>" if not spec.to_name else addr(spec.to_name, spec.to, "B", "utf-8"))]
    if spec.references:
        headers.append(("References", " ".join(f"<{x}>" for x in spec.references)))
    if spec.in_reply_to:
        headers.append(("In-Reply-To", f"<{spec.in_reply_to}>"))
    headers += [("Subject", ew(spec.subject, "utf-8", "B")), ("Date", format_datetime(spec.date)),
                ("Message-ID", f"<{mid}>"), ("MIME-Version", "1.0")]
    headers += [("X-Mailer", "Microsoft Outlook 16.0"),
                ("Thread-Index", base64.b64encode(hashlib.sha1((spec.kw.get('thread') or s).encode()).digest()[:22]).decode()),
                ("Content-Language", "vi")]
    headers += spec.extra_headers
    if files:
        parts = [core] + [attachment_part(a, "outlook", s) for a in files]
        body_mp = multipart("mixed", bn[0], parts, preamble="This is a multipart message in MIME format.")
        return finish(headers, ct_multipart("mixed", bn[0]), body_mp)
    if inline:
        rel = multipart("related", bn[1], [alt_part] + [attachment_part(a, "outlook", s) for a in inline],
                        preamble="This is a multipart message in MIME format.")
        return finish(headers, ct_multipart("related", bn[1], ""), rel)
    alt2 = multipart("alternative", bn[2], [text_part, html_part], preamble="This is a multipart message in MIME format.")
    return finish(headers, ct_multipart("alternative", bn[2]), alt2)


# -------------------------------------------------------------------------------- Apple Mail
def apple(spec):
    s = spec.seed
    u = hexs(s + "u", 32, True)
    uuid = f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}"
    b = f"Apple-Mail={'_' + hexs(s + 'b', 8, True)}-{hexs(s + 'c', 4, True)}-{hexs(s + 'd', 4, True)}-{hexs(s + 'e', 4, True)}-{hexs(s + 'f', 12, True)}"
    body = unicodedata.normalize("NFC", spec.body)
    parts = [leaf("text/plain;\r\n\tcharset=utf-8", "quoted-printable", qp(body))]
    for a in spec.attachments:
        parts.append(attachment_part(a, "apple", s))
    if spec.attachments:
        parts.append(leaf("text/plain;\r\n\tcharset=us-ascii", "7bit", "\r\n"))
    headers = [("From", addr(spec.from_name, spec.from_addr, "Q", "utf-8")),
               ("Content-Type", None), ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.400.31\\))"),
               ("Subject", ew(spec.subject, "utf-8", "Q")), ("Date", format_datetime(spec.date))]
    if spec.references:
        headers.append(("References", " ".join(f"<{x}>" for x in spec.references)))
    if spec.in_reply_to:
        headers.append(("In-Reply-To", f"<{spec.in_reply_to}>"))
    headers += [("Message-Id", f"<{uuid}@thainguyen.gov.vn>"), ("To", spec.to),
                ("X-Mailer", "Apple Mail (2.3774.400.31)")]
    ct = f'multipart/mixed;\r\n\tboundary="{b}"'
    headers = [(k, ct if k == "Content-Type" else v) for k, v in headers]
    mp = multipart("mixed", b, parts)
    return (part_headers(headers) + "\r\n" + mp).encode("utf-8")


# ------------------------------------------------------------------------------------ Zimbra
def zimbra(spec):
    s = spec.seed
    r = random.Random(s)
    n1, n2 = r.randint(100000, 999999), r.randint(1000000000, 2147483647)
    ms = int(spec.date.timestamp() * 1000)
    mid = f"{n2}.{n1}.{ms}.JavaMail.zimbra@thainguyen.gov.vn"
    b1 = f"----=_Part_{n1}_{r.randint(100000000, 2147483647)}.{ms}"
    b2 = f"----=_Part_{n1 + 1}_{r.randint(100000000, 2147483647)}.{ms}"
    body = spec.body
    alt = multipart("alternative", b2, [
        leaf("text/plain; charset=utf-8", "quoted-printable", qp(body)),
        leaf("text/html; charset=utf-8", "quoted-printable", qp(html_of(body, "zimbra")))])
    headers = [("Date", format_datetime(spec.date).replace(" +0700", " +0700 (ICT)")),
               ("From", addr(spec.from_name, spec.from_addr, "Q", "utf-8", quote=False)),
               ("To", spec.to), ("Message-ID", f"<{mid}>")]
    if spec.in_reply_to:
        headers.append(("In-Reply-To", f"<{spec.in_reply_to}>"))
    if spec.references:
        headers.append(("References", " ".join(f"<{x}>" for x in spec.references)))
    headers += [("Subject", ew(spec.subject, "utf-8", "Q")), ("MIME-Version", "1.0")]
    xh = [("X-Originating-IP", "[10.20.0." + str(r.randint(10, 250)) + "]"),
          ("X-Mailer", "Zimbra 8.8.15_GA_4581 (ZimbraWebClient - GC121 (Win)/8.8.15_GA_4581)"),
          ("Thread-Topic", ew(re.sub(r"^(Re|Fwd|TL|CT):\s*", "", spec.subject, flags=re.I), "utf-8", "Q")),
          ("Thread-Index", base64.b64encode(hashlib.sha1(s.encode()).digest()[:15]).decode())]
    if not spec.attachments:
        return finish(headers, f'multipart/alternative; \r\n\tboundary="{b2}"', alt.lstrip("\r\n")) + \
            b""  # noqa
    parts = [part_headers([("Content-Type", f'multipart/alternative; \r\n\tboundary="{b2}"')]) + "\r\n" + alt.lstrip("\r\n")]
    for a in spec.attachments:
        parts.append(attachment_part(a, "zimbra", s))
    hdr = headers
    out = part_headers(hdr + [("Content-Type", f'multipart/mixed; \r\n\tboundary="{b1}"')] + xh) + "\r\n" + \
        multipart("mixed", b1, parts).lstrip("\r\n")
    return out.encode("utf-8")


# --------------------------------------------------------------------------- auto-generated
def autoreply_zimbra(spec):
    s = spec.seed
    r = random.Random(s)
    mid = f"{r.randint(1000000000, 2147483647)}.{r.randint(100000, 999999)}.{int(spec.date.timestamp() * 1000)}.JavaMail.zimbra@thainguyen.gov.vn"
    headers = [("Date", format_datetime(spec.date).replace(" +0700", " +0700 (ICT)")),
               ("From", addr(spec.from_name, spec.from_addr, "Q", "utf-8", quote=False)),
               ("To", spec.to), ("Message-ID", f"<{mid}>"), ("In-Reply-To", f"<{spec.in_reply_to}>"),
               ("Subject", ew(spec.subject, "utf-8", "Q")), ("MIME-Version", "1.0"),
               ("Auto-Submitted", "auto-replied (zimbra; vacation)"), ("Precedence", "bulk"),
               ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")]
    return (part_headers(headers) + "\r\n" + spec.body.replace("\n", "\r\n") + "\r\n").encode("utf-8")


def autoreply_outlook(spec):
    s = spec.seed
    mid = f"{hexs(s + 'm', 4)}01da{hexs(s + 'n', 4)}${hexs(s + 'o', 8)}${hexs(s + 'p', 8)}$@thainguyen.gov.vn"
    b = f"----=_NextPart_000_{hexs(s + 'a', 4, True)}_01DA{hexs(s + 'b', 4, True)}.{hexs(s + 'c', 8, True)}"
    text = leaf('text/plain;\r\n\tcharset="utf-8"', "base64", fold_b64(spec.body.replace("\n", "\r\n").encode()))
    html_part = leaf('text/html;\r\n\tcharset="utf-8"', "base64", fold_b64(html_of(spec.body, "outlook").encode()))
    headers = [("From", addr(spec.from_name, spec.from_addr, "B", "utf-8")), ("To", f"<{spec.to}>"),
               ("Subject", ew(spec.subject, "utf-8", "B")), ("Date", format_datetime(spec.date)),
               ("Message-ID", f"<{mid}>"), ("In-Reply-To", f"<{spec.in_reply_to}>"),
               ("References", f"<{spec.in_reply_to}>"), ("MIME-Version", "1.0"),
               ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
               ("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "vi")]
    return finish(headers, ct_multipart("alternative", b), multipart("alternative", b, [text, html_part]).lstrip("\r\n"))


def bounce_postfix(spec):
    """Postfix DSN for a reminder the intake bot sent: multipart/report, original as message/rfc822."""
    s = spec.seed
    q = hexs(s + "q", 10, True)
    ts = int(spec.date.timestamp())
    b = f"{q}.{ts}/mail.thainguyen.gov.vn"
    rcpt = spec.kw["failed_rcpt"]
    reason = spec.kw["reason"]
    status = spec.kw.get("status", "5.1.1")
    notice = (f"This is the mail system at host mail.thainguyen.gov.vn.\r\n\r\n"
              f"I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients. "
              f"It's attached below.\r\n\r\nFor further assistance, please send mail to postmaster.\r\n\r\n"
              f"If you do so, please include this problem report. You can\r\ndelete your own text from the attached "
              f"returned message.\r\n\r\n                   The mail system\r\n\r\n<{rcpt}>: {reason}\r\n")
    dsn = (f"Reporting-MTA: dns; mail.thainguyen.gov.vn\r\nX-Postfix-Queue-ID: {q}\r\n"
           f"X-Postfix-Sender: rfc822; {INTAKE}\r\nArrival-Date: {format_datetime(spec.kw['orig_date'])}\r\n\r\n"
           f"Final-Recipient: rfc822; {rcpt}\r\nOriginal-Recipient: rfc822;{rcpt}\r\nAction: failed\r\n"
           f"Status: {status}\r\nDiagnostic-Code: {spec.kw['diag']}\r\n")
    orig = spec.kw["original"].replace("\r\n", "\n").replace("\n", "\r\n")
    parts = [part_headers([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")]) +
             "\r\n" + notice,
             part_headers([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")]) +
             "\r\n" + dsn,
             part_headers([("Content-Description", "Undelivered Message"), ("Content-Type", "message/rfc822")]) +
             "\r\n" + orig]
    headers = [("Return-Path", "<>"), ("Date", format_datetime(spec.date)),
               ("From", "MAILER-DAEMON@mail.thainguyen.gov.vn (Mail Delivery System)"),
               ("Subject", "Undelivered Mail Returned to Sender"), ("To", INTAKE),
               ("Auto-Submitted", "auto-replied"), ("MIME-Version", "1.0"),
               ("Message-Id", f"<{ts}-{q}@mail.thainguyen.gov.vn>")]
    return finish(headers, f'multipart/report; report-type=delivery-status;\r\n\tboundary="{b}"',
                  "This is a MIME-encapsulated message.\r\n" + multipart("report", b, parts))


def bounce_gmail(spec):
    s = spec.seed
    b1 = "0000000000" + hexs(s + "1", 16)
    b2 = "0000000000" + hexs(s + "2", 16)
    rcpt = spec.kw["failed_rcpt"]
    txt = (f"\r\n** Địa chỉ không tìm thấy **\r\n\r\nKhông gửi được thư của bạn tới {rcpt} vì không tìm thấy địa chỉ "
           f"hoặc địa chỉ không thể nhận thư.\r\n\r\nPhản hồi từ máy chủ từ xa là:\r\n{spec.kw['diag']}\r\n")
    alt = multipart("alternative", b2, [leaf('text/plain; charset="UTF-8"', "quoted-printable", qp(txt)),
                                        leaf('text/html; charset="UTF-8"', "quoted-printable", qp(html_of(txt, "gmail")))])
    dsn = (f"Reporting-MTA: dns; googlemail.com\r\nArrival-Date: {format_datetime(spec.kw['orig_date'])}\r\n\r\n"
           f"Final-Recipient: rfc822; {rcpt}\r\nAction: failed\r\nStatus: {spec.kw.get('status', '5.2.2')}\r\n"
           f"Diagnostic-Code: smtp; {spec.kw['diag']}\r\nLast-Attempt-Date: {format_datetime(spec.date)}\r\n")
    orig = spec.kw["original"].replace("\r\n", "\n").replace("\n", "\r\n")
    hdrs_only = orig.split("\r\n\r\n", 1)[0] + "\r\n"
    parts = [part_headers([("Content-Type", f'multipart/alternative; boundary="{b2}"')]) + "\r\n" + alt.lstrip("\r\n"),
             part_headers([("Content-Type", "message/delivery-status")]) + "\r\n" + dsn,
             part_headers([("Content-Type", "text/rfc822-headers")]) + "\r\n" + hdrs_only]
    mid = tok(s, 24, "abcdefghijklmnopqrstuvwxyz0123456789") + "@mx.google.com"
    headers = [("Return-Path", "<>"), ("Received", f"by mx.google.com with SMTP id {tok(s + 'r', 20)};\r\n        "
                                                     f"{format_datetime(spec.date)}"),
               ("MIME-Version", "1.0"), ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"),
               ("To", INTAKE), ("Auto-Submitted", "auto-replied"), ("Message-ID", f"<{mid}>"),
               ("Date", format_datetime(spec.date)), ("Subject", "Delivery Status Notification (Failure)"),
               ("References", f"<{spec.in_reply_to}>"), ("In-Reply-To", f"<{spec.in_reply_to}>"),
               ("X-Failed-Recipients", rcpt)]
    return finish(headers, f'multipart/report; boundary="{b1}"; report-type=delivery-status',
                  multipart("report", b1, parts).lstrip("\r\n"))


def plain_message(spec, mid):
    """A simple text mail (used for the bot's own reminders quoted inside bounces)."""
    headers = [("Date", format_datetime(spec.date)), ("From", addr(spec.from_name, spec.from_addr, "B", "utf-8")),
               ("To", spec.to), ("Subject", ew(spec.subject, "utf-8", "B")), ("Message-ID", f"<{mid}>"),
               ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"),
               ("Content-Transfer-Encoding", "8bit")]
    return part_headers(headers) + "\r\n" + spec.body.replace("\n", "\r\n") + "\r\n"


# ------------------------------------------------------------------------- real Debian clients
def _stage(atts, td):
    """Copy attachments into a directory under their exact names (NFD names stay NFD)."""
    paths = []
    for i, a in enumerate(atts):
        d = os.path.join(td, f"a{i:02d}")
        os.makedirs(d)
        p = os.path.join(d, a["name"])
        shutil.copyfile(a["path"], p)
        paths.append(p)
    return paths


def _when(spec):
    return spec.date.strftime("%Y-%m-%d %H:%M:%S")


def _saver(td, out):
    sh = os.path.join(td, "save.sh")
    with open(sh, "w") as f:
        f.write(f'#!/bin/sh\ncat > "{out}"\n')
    os.chmod(sh, 0o755)
    return sh


def mutt(spec, workdir):
    td = tempfile.mkdtemp(prefix="mutt-", dir=workdir)
    out = os.path.join(td, "out.eml")
    rc = os.path.join(td, "muttrc")
    with open(rc, "w") as f:
        f.write(f'set sendmail="{_saver(td, out)}"\nset use_from=yes\nset charset="utf-8"\n'
                f'set send_charset="utf-8"\nset hostname="thainguyen.gov.vn"\nset edit_headers=no\n'
                f'set use_domain=yes\nset write_bcc=no\nset user_agent=no\n')
    draft = os.path.join(td, "draft")
    h = [f"From: {spec.from_name} <{spec.from_addr}>" if spec.from_name else f"From: {spec.from_addr}",
         f"To: {spec.to}", f"Subject: {spec.subject}"]
    if spec.cc:
        h.append(f"Cc: {spec.cc}")
    if spec.in_reply_to:
        h.append(f"In-Reply-To: <{spec.in_reply_to}>")
    if spec.references:
        h.append("References: " + " ".join(f"<{x}>" for x in spec.references))
    with open(draft, "w", encoding="utf-8") as f:
        f.write("\n".join(h) + "\n\n" + spec.body + "\n")
    files = _stage(spec.attachments, td)
    cmd = faketime_prefix(_when(spec)) + ["mutt", "-n", "-F", rc, "-H", draft]
    if files:
        cmd += ["-a"] + files
    subprocess.run(cmd, stdin=subprocess.DEVNULL, env=dict(os.environ, TZ=TZ, HOME=td), check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    data = open(out, "rb").read()
    shutil.rmtree(td)
    # mutt 2.2: Message-ID <16 chars of base64url@host>, boundary 16 chars
    data = _retoken(data, rb"Message-ID: <([A-Za-z0-9+/_-]{16})@", spec.seed + "mid",
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    data = _retoken(data, rb'boundary="([A-Za-z0-9+/\'()_,.:=?-]{16})"', spec.seed + "bd",
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return data


def snail(spec, workdir):
    td = tempfile.mkdtemp(prefix="snail-", dir=workdir)
    out = os.path.join(td, "out.eml")
    files = _stage(spec.attachments, td)
    cmd = faketime_prefix(_when(spec)) + [
        "s-nail", "-:/", "-S", "v15-compat", "-S", "ttycharset=utf-8", "-S", "sendcharsets=utf-8",
        "-S", f"mta={_saver(td, out)}", "-S", "hostname=thainguyen.gov.vn", "-S", "expandaddr", "-t"]
    for p in files:
        cmd += ["-a", p]
    tmpl = [f"From: {spec.from_name} <{spec.from_addr}>", f"To: {spec.to}", f"Subject: {spec.subject}"]
    if spec.in_reply_to:
        tmpl += [f"In-Reply-To: <{spec.in_reply_to}>", "References: " + " ".join(f"<{x}>" for x in spec.references)]
    subprocess.run(cmd, input=("\n".join(tmpl) + "\n\n" + spec.body + "\n").encode(), env=dict(os.environ, TZ=TZ, HOME=td),
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    data = open(out, "rb").read()
    shutil.rmtree(td)
    al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    data = _retoken(data, rb"<\d{14}\.([A-Za-z0-9_-]{8})@", spec.seed + "ids", al)
    data = _retoken(data, rb"=-=([A-Za-z0-9_+-]{36})=-=", spec.seed + "bd", al)
    return data


def mpack(spec, workdir):
    """mpack writes one attachment per message (that is how it is used): headers come from the MTA."""
    assert len(spec.attachments) == 1
    td = tempfile.mkdtemp(prefix="mpack-", dir=workdir)
    out = os.path.join(td, "out.eml")
    files = _stage(spec.attachments, td)
    desc = os.path.join(td, "desc.txt")
    with open(desc, "w", encoding="utf-8") as f:
        f.write(spec.body + "\n")
    cmd = faketime_prefix(_when(spec)) + ["mpack", "-s", spec.subject, "-d", desc, "-o", out, files[0]]
    subprocess.run(cmd, env=dict(os.environ, TZ=TZ, HOME=td), check=True, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    data = open(out, "rb").read()
    shutil.rmtree(td)
    r = random.Random(spec.seed)
    data = re.sub(rb"Message-ID: <\d+\.\d+@[^>]*>",
                  f"Message-ID: <{r.randint(1000, 32000)}.{int(spec.date.timestamp())}@pc-vanthu.thainguyen.gov.vn>".encode(),
                  data, count=1)
    # what the submission MTA adds in front (sendmail -t with the user's From)
    pre = (f"From: {addr(spec.from_name, spec.from_addr, 'B', 'utf-8', quote=False)}\n"
           f"To: {spec.to}\nDate: {format_datetime(spec.date)}\n").encode()
    return pre + data


def swaks(spec, workdir):
    td = tempfile.mkdtemp(prefix="swaks-", dir=workdir)
    out = os.path.join(td, "out.eml")
    files = _stage(spec.attachments, td)
    sink = os.path.join(HERE, "smtp_sink.py")
    bodyf = os.path.join(td, "body.txt")
    with open(bodyf, "w", encoding="utf-8") as f:
        f.write(spec.body + "\n")
    r = random.Random(spec.seed)
    cmd = faketime_prefix(_when(spec)) + [
        "swaks", "--silent", "2", "--to", spec.to, "--from", spec.from_addr,
        "--helo", spec.kw.get("helo", "localhost"),
        "--h-From", f'"{spec.from_name}" <{spec.from_addr}>' if spec.from_name else spec.from_addr,
        "--h-Subject", spec.subject,
        "--h-Message-Id", f"<{hexs(spec.seed, 24)}@{spec.kw.get('msgid_host', 'mail.example.net')}>",
        "--h-X-Mailer", spec.kw.get("x_mailer", "swaks v20201014.0 jetmore.org/john/code/swaks/"),
        "--body", "@" + bodyf]
    for a, p in zip(spec.attachments, files):
        cmd += ["--attach-type", a.get("ctype") or ctype_for(a["name"]), "--attach-name", a["name"], "--attach", "@" + p]
    cmd += ["--pipe", f"python3 {sink} {out}"]
    subprocess.run(cmd, env=dict(os.environ, TZ=TZ, HOME=td), check=True, stdout=subprocess.PIPE,
                   stderr=subprocess.PIPE)
    data = open(out, "rb").read()
    shutil.rmtree(td)
    # swaks: boundary ----=_MIME_BOUNDARY_000_<pid>; the pid varies in length, so the whole boundary is replaced
    # (only the boundary strings: a bare number could also occur inside the base64 of an attachment)
    bds = []
    for m in re.finditer(rb'boundary="(----=_MIME_BOUNDARY_000_\d+)"', data):
        if m.group(1) not in bds:
            bds.append(m.group(1))
    for i, b in enumerate(bds):
        new = b"----=_MIME_BOUNDARY_000_" + tok(f"{spec.seed}b:{i}", 5, "0123456789").encode()
        data = re.sub(rb"(?m)^(--)?" + re.escape(b) + rb"(--)?(\r?)$",
                      lambda mm: (mm.group(1) or b"") + new + (mm.group(2) or b"") + mm.group(3), data)
        data = data.replace(b'boundary="' + b + b'"', b'boundary="' + new + b'"')
    return data


def _retoken(data, pattern, seed, alphabet):
    """Replace every occurrence of each distinct random token captured by pattern, consistently."""
    found = []
    for m in re.finditer(pattern, data):
        t = m.group(1)
        if t not in found:
            found.append(t)
    for i, t in enumerate(found):
        new = tok(f"{seed}:{i}", len(t), alphabet).encode()
        data = data.replace(t, new)
    return data


CLIENTS = {"gmail": gmail, "outlook": outlook, "apple": apple, "zimbra": zimbra,
           "ooo-zimbra": autoreply_zimbra, "ooo-outlook": autoreply_outlook,
           "bounce-postfix": bounce_postfix, "bounce-gmail": bounce_gmail}
REAL = {"mutt": mutt, "snail": snail, "mpack": mpack, "swaks": swaks}


def compose(spec, workdir):
    if spec.client in REAL:
        data = REAL[spec.client](spec, workdir)
    else:
        data = CLIENTS[spec.client](spec)
    if isinstance(data, str):
        data = data.encode("utf-8")
    # normalise to CRLF line ends as on the wire (mutt/s-nail/mpack write LF)
    data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data
