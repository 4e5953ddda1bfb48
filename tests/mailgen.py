"""Building test mails the way real clients write them (stdlib EmailMessage)."""

from __future__ import annotations

import datetime as dt
import mimetypes
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def build_mail(
    sender: str,
    subject: str,
    body: str = "Kính gửi Ban Tuyên giáo Đảng ủy Khối.",
    attachments: list[tuple[str, bytes]] | None = None,
    to: str = "banbientapduk@thainguyen.gov.vn",
    date: dt.datetime | None = None,
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(
        date or dt.datetime(2024, 2, 26, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    )
    msg["Message-ID"] = message_id or make_msgid(domain="test.example")
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    for name, data in attachments or []:
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith(".docx"):
            ctype = DOCX
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def make_docx(lines: list[str]) -> bytes:
    """A real .docx written by python-docx with the given paragraphs."""
    import io

    from docx import Document

    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
