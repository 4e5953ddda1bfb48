"""Auto-reply / bounce / own-mail detection and cloud-drive links."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from bot.intake.links import find_drive_links
from bot.intake.loops import classify_automatic, failed_recipients
from bot.intake.mime import parse_message

DSN = b"""From: MAILER-DAEMON@mail.thainguyen.gov.vn
To: banbientapduk@thainguyen.gov.vn
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"
MIME-Version: 1.0

--b1
Content-Type: text/plain; charset=utf-8

This is the mail system. Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.thainguyen.gov.vn

Final-Recipient: rfc822; chibo.songoaivu@thainguyen.gov.vn
Original-Recipient: rfc822;ChiBo.SoNgoaiVu@thainguyen.gov.vn
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; ok@thainguyen.gov.vn
Action: delivered
Status: 2.0.0

--b1
Content-Type: message/rfc822

From: banbientapduk@thainguyen.gov.vn
To: chibo.songoaivu@thainguyen.gov.vn
Subject: Nhac nho
X-Intake-Kind: reminder

Kinh gui
--b1--
"""


def _msg(headers: str, body: str = "Xin chao") -> bytes:
    return (headers.strip() + "\nContent-Type: text/plain; charset=utf-8\n\n" + body).encode()


def test_dsn_bounce_recipients() -> None:
    parsed = parse_message(DSN)
    assert parsed.bounce and not parsed.auto_reply
    assert parsed.bounced_recipients == ["chibo.songoaivu@thainguyen.gov.vn"]
    assert parsed.attachments == []


def test_daemon_bounce_without_report_uses_text() -> None:
    raw = _msg(
        "From: postmaster@mail.example.vn\nSubject: Không gửi được: Hồ sơ khen thưởng",
        "Thư của bạn tới donvi@example.vn không gửi được.",
    )
    parsed = parse_message(raw)
    assert parsed.bounce and parsed.bounced_recipients == ["donvi@example.vn"]


@pytest.mark.parametrize(
    "subject",
    [
        "Trả lời tự động: V/v gửi hồ sơ",
        "Tra loi tu dong: Bao cao KL01",
        "TL: Vắng mặt",
        "Không có mặt tại văn phòng",
        "Out of Office: Reminder",
        "Automatic reply: Hồ sơ",
        "Auto: Bao cao",
        "[Autoreply] Re: x",
    ],
)
def test_out_of_office_subjects(subject: str) -> None:
    assert classify_automatic({"From": "a@b.vn"}, subject).auto_reply


def test_ordinary_subject_is_not_automatic() -> None:
    verdict = classify_automatic(
        {"X-Auto-Response-Suppress": "All"}, "V/v gửi hồ sơ khen thưởng HT&LT Bác 2024"
    )
    assert verdict == classify_automatic({}, "Bao cao KL01")
    assert not verdict.auto_reply and not verdict.bounce and not verdict.own_mail


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: auto-replied",
        "X-Autoreply: yes",
        "X-Autorespond: x",
        "Precedence: bulk",
        "Precedence: junk",
    ],
)
def test_automatic_headers(header: str) -> None:
    assert parse_message(_msg(f"From: a@b.vn\nSubject: Hi\n{header}")).auto_reply


def test_auto_submitted_no_is_human() -> None:
    assert not parse_message(_msg("From: a@b.vn\nSubject: Hi\nAuto-Submitted: no")).auto_reply


def test_own_mail() -> None:
    assert parse_message(_msg("From: x@y.vn\nSubject: a\nX-Intake-Kind: reminder")).own_mail
    own = frozenset({"banbientapduk@thainguyen.gov.vn"})
    raw = _msg("From: Ban Bien Tap <BanBienTapDUK@thainguyen.gov.vn>\nSubject: a")
    assert parse_message(raw, own_addresses=own).own_mail


def test_headers_only_mapping_and_message_agree() -> None:
    msg = message_from_bytes(DSN, policy=policy.default)
    assert classify_automatic(msg, "Undelivered").bounce
    assert failed_recipients("Final-Recipient: rfc822; a@b.vn\nAction: delayed\n") == (["a@b.vn"], False)


def test_realmail_office365_ndr() -> None:
    from pathlib import Path

    path = Path(__file__).parents[2].parent / "shared" / "realmail" / "021-office365-ndr-rfc822.eml"
    if not path.is_file():
        pytest.skip(f"shared test data not found at {path}")
    parsed = parse_message(path.read_bytes())
    assert parsed.bounce and parsed.bounced_recipients == ["noname@example.com"]


def test_drive_links_in_text_and_html() -> None:
    text = (
        "Hồ sơ tại https://drive.google.com/drive/folders/1AbC?usp=sharing. Xem thêm "
        "docs.google.com/document/d/xyz/edit, https://1drv.ms/f/s!Ab, https://abc.sharepoint.com/:f:/g/x "
        "https://www.fshare.vn/file/ABC https://mega.nz/file/x#k https://www.mediafire.com/file/x "
        "https://app.box.com/s/x https://www.icloud.com/iclouddrive/0x https://wetransfer.com/downloads/x "
        "https://www.dropbox.com/s/x/a.zip?dl=0 https://thainguyen.gov.vn/ drive.google.com "
        "https://evil.example/drive.google.com/x"
    )
    links = find_drive_links(text, ["https://onedrive.live.com/redir?resid=1", "mailto:a@b.vn"])
    assert links[0] == "https://drive.google.com/drive/folders/1AbC?usp=sharing"
    assert "https://docs.google.com/document/d/xyz/edit" in links
    assert len(links) == 12
    assert not any("evil" in link or "thainguyen" in link for link in links)


def test_drive_links_from_html_href() -> None:
    raw = (
        b"From: a@b.vn\nSubject: Ho so\nContent-Type: text/html; charset=utf-8\n\n"
        b'<p>G\xe1\xbb\xadi <a href="https://drive.google.com/file/d/1x/view">t\xe1\xba\xa1i \xc4\x91\xc3\xa2y</a></p>'
    )
    parsed = parse_message(raw)
    assert parsed.drive_links == ["https://drive.google.com/file/d/1x/view"]
    assert parsed.body_text == "Gửi tại đây"
