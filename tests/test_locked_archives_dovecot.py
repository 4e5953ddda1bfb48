"""A password-protected archive, through the real Dovecot, the pass and the acknowledgment.

The archives are made by the real tools (``zip -P``, ``7z -p``, ``7z -p -mhe=on``).  A
zip always lists its members' names, a 7z unless its headers are encrypted too; the
acknowledgment names those files (file names only, escaped in the HTML part) so the unit
knows what to resend without a password, or says the names are hidden.  The archive
stays one recorded ``unreadable_file``, marked encrypted, and none of its members counts.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import acknowledge
from bot.outgoing.sender import flush_outbox
from bot.pipeline.poll import poll_once
from bot.store.models import AttachmentRow, Submission
from tests.conftest import TZ, need_tool
from tests.mailgen import build_mail
from tests.test_intake_dovecot import to_trinh

pytestmark = pytest.mark.dovecot
NOW = dt.datetime(2024, 2, 27, 10, 0, tzinfo=TZ)
SENDER = "dangbo.syt@thainguyen.gov.vn"
MEMBERS = {
    "Hồ sơ/Tờ trình đề nghị khen thưởng.docx": to_trinh(),
    "Hồ sơ/Báo cáo thành tích Nguyễn Văn An.docx": b"not read: the archive stays closed",
    "Hồ sơ/Biên bản họp chi bộ & danh sách.pdf": b"%PDF-1.4\n%%EOF\n",
}
# File names only: the folder the unit zipped is not part of what it must resend.
NAMES = ["Tờ trình đề nghị khen thưởng.docx", "Báo cáo thành tích Nguyễn Văn An.docx"]
AMPERSAND = "Biên bản họp chi bộ & danh sách.pdf"


def _archive(tmp_path: Path, tool: str, name: str, *options: str) -> bytes:
    src = tmp_path / "src"
    for member, content in MEMBERS.items():
        (src / member).parent.mkdir(parents=True, exist_ok=True)
        (src / member).write_bytes(content)
    out = tmp_path / name
    if tool == "zip":
        cmd = [need_tool("zip"), "-q", "-r", *options, str(out), "Hồ sơ"]
    else:
        cmd = [need_tool("7z"), "a", "-bd", *options, str(out), "Hồ sơ"]
    subprocess.run(cmd, cwd=src, check=True, capture_output=True)
    return out.read_bytes()


def _ack(app, user, dovecot, smtp_sink, filename: str, data: bytes):
    dovecot.append(user, build_mail(SENDER, "Hồ sơ khen thưởng (tệp nén)", attachments=[(filename, data)]))
    assert poll_once(app, NOW, acknowledge(app)).recorded == 1
    flush_outbox(app, NOW)
    (ack,) = [m.message for m in smtp_sink.messages if m.message["X-Intake-Kind"] == "ack"]
    return ack.get_body(("plain",)).get_content(), ack.get_body(("html",)).get_content()


def _recorded(app, filename: str) -> AttachmentRow:
    """The archive's row; each file it lists has a row too, unread, and none counts: a
    document its name types (the Tờ trình) is recorded as sent but unusable, still owed."""
    with app.db.session() as s:
        rows = s.scalars(select(AttachmentRow)).all()
        (row,) = [r for r in rows if r.filename == filename]
        assert (row.problem, row.facts["encrypted"]) == ("unreadable_file", True)
        members = [r for r in rows if r is not row]
        assert {r.filename for r in members} == set(row.locked_members)
        assert all(r.problem == "unreadable_file" and r.locked_in == filename for r in members)
        assert all(not r.stored_path for r in rows)
        for sub in s.scalars(select(Submission)):
            assert sub.status != "received"
            assert "unreadable_file" in {p["code"] for p in sub.problems}
        s.expunge(row)
        return row


@pytest.mark.parametrize(
    ("tool", "filename", "options"),
    [
        ("zip", "Ho so SYT.zip", ("-P", "matkhau")),
        ("7z", "Ho so SYT.7z", ("-pmatkhau",)),
    ],
    ids=["zip -P", "7z -p"],
)
def test_a_locked_archive_is_answered_with_the_files_it_holds(
    dovecot, mail_app, smtp_sink, tmp_path, tool, filename, options
):
    app, user = mail_app
    text, html = _ack(app, user, dovecot, smtp_sink, filename, _archive(tmp_path, tool, filename, *options))
    line = next(ln for ln in text.splitlines() if filename in ln)
    assert f"Tệp nén “{filename}” được đặt mật khẩu nên hệ thống không mở được" in line
    for name in [*NAMES, AMPERSAND]:
        assert f"“{name}”" in line
    assert "Hồ sơ/" not in line
    assert "Đề nghị đơn vị gửi lại các tệp này, không đặt mật khẩu." in line
    assert "Biên bản họp chi bộ &amp; danh sách.pdf" in html and AMPERSAND not in html
    # Nothing waits for staff: each document the archive's names tell is listed as not
    # opened, to send again; the unit is never told to wait for a check.
    tt = next(
        ln
        for ln in text.splitlines()
        if "Tờ trình đề nghị khen thưởng.docx" in ln and ln.strip().startswith("-")
    )
    assert "không mở được tệp, đề nghị gửi lại" in tt
    assert "sẽ kiểm tra" not in text and "đang chờ cán bộ kiểm tra" not in text
    # The archive's sentence is said once, though each file it lists carries it.
    assert text.count(f"Tệp nén “{filename}” được đặt mật khẩu") == 1
    # Still owed: nothing in the archive was recorded.
    assert "Tờ trình" in text.split("Hồ sơ đơn vị còn phải gửi")[1]
    row = _recorded(app, filename)
    assert sorted(row.locked_members) == sorted([*NAMES, AMPERSAND])
    # Rendered again from the stored rows (`preview ack`), the sentence is the same.
    again = subprocess.run(
        [sys.executable, "-m", "bot", "--config", app.settings.source, "--now", NOW.isoformat()]
        + ["preview", "ack", "--unit", "SYT"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert line.strip() in again.stdout


def test_an_archive_hiding_its_file_names_is_answered_so(dovecot, mail_app, smtp_sink, tmp_path):
    app, user = mail_app
    filename = "Ho so SYT.7z"
    data = _archive(tmp_path, "7z", filename, "-pmatkhau", "-mhe=on")
    text, _ = _ack(app, user, dovecot, smtp_sink, filename, data)
    line = next(ln for ln in text.splitlines() if filename in ln)
    assert "được đặt mật khẩu, kể cả danh sách tệp bên trong" in line
    assert "không biết tệp nén gồm những tệp nào" in line
    assert not any(name in text for name in NAMES)
    assert _recorded(app, filename).locked_members == ()


@pytest.mark.parametrize(
    ("tool", "filename", "options"),
    [
        ("zip", "Ho so SYT.zip", ("-P", "Syt@2024")),
        ("7z", "Ho so SYT.7z", ("-pSyt@2024",)),
        ("7z", "Ho so SYT (an ten).7z", ("-pSyt@2024", "-mhe=on")),
    ],
    ids=["zip -P", "7z -p", "7z -p -mhe"],
)
def test_a_locked_archive_whose_password_the_mail_gives_is_opened(
    dovecot, mail_app, smtp_sink, tmp_path, tool, filename, options
):
    # The way units write it: the password in a sentence, punctuation after it.
    app, user = mail_app
    body = "Kính gửi Ban Tuyên giáo,\nĐảng bộ Sở Y tế gửi hồ sơ (file nén, mật khẩu: Syt@2024).\nTrân trọng."
    data = _archive(tmp_path, tool, filename, *options)
    dovecot.append(
        user, build_mail(SENDER, "Hồ sơ khen thưởng (tệp nén)", body, attachments=[(filename, data)])
    )
    assert poll_once(app, NOW, acknowledge(app)).recorded == 1
    with app.db.session() as s:
        rows = {r.filename: r for r in s.scalars(select(AttachmentRow))}
        assert set(rows) == {*NAMES, AMPERSAND}
        assert rows[NAMES[0]].problem is None
        counted = {sub.deliverable for sub in s.scalars(select(Submission)) if sub.status == "received"}
        assert "to_trinh" in counted


def test_a_wrong_password_in_the_mail_leaves_the_archive_closed(dovecot, mail_app, smtp_sink, tmp_path):
    app, user = mail_app
    filename = "Ho so SYT.zip"
    data = _archive(tmp_path, "zip", filename, "-P", "matkhau")
    body = "Mật khẩu giải nén là 123456."
    dovecot.append(
        user, build_mail(SENDER, "Hồ sơ khen thưởng (tệp nén)", body, attachments=[(filename, data)])
    )
    assert poll_once(app, NOW, acknowledge(app)).recorded == 1
    assert sorted(_recorded(app, filename).locked_members) == sorted([*NAMES, AMPERSAND])
