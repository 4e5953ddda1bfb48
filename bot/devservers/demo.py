"""``make demo``: one full cycle of the bot on loopback servers, end to end.

Starts a private Dovecot and an SMTP sink on 127.0.0.1, loads a demo mailbox with
sample unit mails (real .docx files written by python-docx and PDFs converted by
LibreOffice when it is installed), then runs the real CLI: ``init``, ``units import``,
``poll --once``, ``outbox flush``, ``remind``, ``digest`` — and prints the submission
matrix, where the mails the bot sent can be read, one acknowledgment, the holding reply
to an unregistered sender and the staff digest.  Stops what it started.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from imapclient import IMAPClient

from bot.devservers.dovecot import DovecotServer
from bot.devservers.smtp_sink import SmtpSink

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "var" / "demo"
TZ = dt.timezone(dt.timedelta(hours=7))
NOW = "2024-02-27T10:00:00+07:00"
USER = "banbientapduk@thainguyen.gov.vn"
PASSWORD = "demo-only-password"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def party_doc(issuer: str, title: str, subtitle: str, body: list[str]) -> bytes:
    """A .docx laid out like a Party document: two-column header, place/date, title."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = f"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\n{issuer}\n*"
    right.text = "ĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 20 tháng 02 năm 2024"
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(title)
    run.bold = True
    if subtitle:
        doc.add_paragraph(subtitle).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in body:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def to_pdf(docx: bytes, name: str) -> tuple[str, bytes, str]:
    """Convert with LibreOffice when installed; otherwise keep the .docx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return f"{name}.docx", docx, DOCX
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{name}.docx"
        src.write_bytes(docx)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return f"{name}.pdf", (Path(tmp) / f"{name}.pdf").read_bytes(), "application/pdf"


def mail(
    sender: str, subject: str, body: str, files: list[tuple[str, bytes, str]], when: dt.datetime, **hdr
) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = USER
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = make_msgid(domain="demo.thainguyen.gov.vn")
    for k, v in hdr.items():
        m[k.replace("_", "-")] = v
    m.set_content(body)
    for name, data, ctype in files:
        maintype, subtype = ctype.split("/", 1)
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m.as_bytes()


def demo_mails() -> list[tuple[bytes, dt.datetime]]:
    d = lambda day, h=9: dt.datetime(2024, 2, day, h, 0, tzinfo=TZ)  # noqa: E731
    syt_tt = party_doc(
        "ĐẢNG ỦY SỞ Y TẾ",
        "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, "
        "đạo đức, phong cách Hồ Chí Minh năm 2024",
        [
            "Đảng ủy Sở Y tế đề nghị Ban Thường vụ Đảng ủy Khối xét tặng Giấy khen cho:",
            "1. Tập thể: Phòng Kế hoạch - Tài chính, Sở Y tế.",
            "2. Cá nhân: Đồng chí Nguyễn Thị Hoa, Trưởng phòng Nghiệp vụ Y.",
        ],
    )
    syt_bctt = party_doc(
        "ĐẢNG ỦY SỞ Y TẾ",
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng Giấy khen trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["Họ và tên: Nguyễn Thị Hoa", "Chức vụ: Trưởng phòng Nghiệp vụ Y, Sở Y tế", "I. SƠ LƯỢC LÝ LỊCH"],
    )
    syt_tomtat = party_doc(
        "ĐẢNG ỦY SỞ Y TẾ",
        "TÓM TẮT THÀNH TÍCH",
        "của đồng chí Nguyễn Thị Hoa, Trưởng phòng Nghiệp vụ Y",
        ["Đồng chí luôn gương mẫu, hoàn thành xuất sắc nhiệm vụ được giao."],
    )
    snv_kl01 = party_doc(
        "CHI BỘ SỞ NGOẠI VỤ",
        "BÁO CÁO",
        "tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị",
        [
            "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. ĐÁNH GIÁ CHUNG",
            "1. Ưu điểm và nguyên nhân",
            "3. Bài học kinh nghiệm",
            "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ",
        ],
    )
    dtn_bctt = party_doc(
        "ĐOÀN TNCS HỒ CHÍ MINH KHỐI CÁC CƠ QUAN TỈNH",
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng Giấy khen",
        ["Họ và tên: Trần Văn Nam", "Chức vụ: Phó Bí thư Đoàn Khối"],
    )
    return [
        (
            mail(
                "Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>",
                "V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác năm 2024",
                "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy Sở Y tế gửi hồ sơ đề nghị khen thưởng.\nTrân trọng.",
                [
                    ("To trinh.docx", syt_tt, DOCX),
                    ("BCTT Nguyen Thi Hoa.docx", syt_bctt, DOCX),
                    to_pdf(syt_tomtat, "Tom tat thanh tich Nguyen Thi Hoa"),
                ],
                d(22),
            ),
            d(22),
        ),
        (
            mail(
                "Ngô Thị Hà <ngothiha.sngv@gmail.com>",
                "Bao cao KL01 - Chi bo So Ngoai vu",
                "Kính gửi Ban Tuyên giáo,\nChi bộ Sở Ngoại vụ gửi báo cáo Kết luận 01.\n--\nNgô Thị Hà\nVăn phòng Sở Ngoại vụ",
                [("Document1.docx", snv_kl01, DOCX)],
                d(23),
            ),
            d(23),
        ),
        (
            mail(
                "Đảng bộ Sở Tài chính <dangbo.stc@thainguyen.gov.vn>",
                "Hồ sơ khen thưởng",
                "Đơn vị sẽ gửi hồ sơ sau ạ.",
                [],
                d(24),
            ),
            d(24),
        ),
        (
            mail(
                "Hội CCB Khối <hoiccb.khoi@thainguyen.gov.vn>",
                "Gửi hồ sơ khen thưởng",
                "Hồ sơ tại: https://drive.google.com/drive/folders/1AbCdEfGhIjK",
                [],
                d(24),
            ),
            d(24),
        ),
        (
            mail(
                "Đoàn Thanh niên Khối <doanthanhnien.khoi@thainguyen.gov.vn>",
                "Fwd: BCTT dong chi Tran Van Nam",
                "Đoàn Khối gửi báo cáo thành tích.",
                [("BCTT Tran Van Nam.docx", dtn_bctt, DOCX)],
                d(25),
            ),
            d(25),
        ),
        (
            mail(
                "Chi bộ Sở Tư pháp <chibo.stp@thainguyen.gov.vn>",
                "Trả lời tự động: Nhắc nộp hồ sơ",
                "Tôi đang đi công tác, sẽ trả lời sau.",
                [],
                d(26),
                Auto_Submitted="auto-replied",
            ),
            d(26),
        ),
    ]


def write_config(imap_port: int, smtp_port: int) -> Path:
    cfg = WORK / "bot.toml"
    cfg.write_text(
        f"""# Demo settings: loopback servers only.
timezone = "Asia/Ho_Chi_Minh"
campaign_file = "{REPO / "config/campaigns/120-KH-DUK-2024.toml"}"
secrets_file = "{WORK / "secrets.env"}"

[mailbox]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
allow_plaintext = true
user = "{USER}"
password_env = "INTAKE_IMAP_PASSWORD"

[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
allow_plaintext = true
from_address = "{USER}"

[database]
url = "sqlite:///{WORK / "intake.sqlite3"}"

[storage]
directory = "{WORK / "files"}"

[staff]
digest_recipients = ["tonghop.btg@thainguyen.gov.vn"]
""",
        encoding="utf-8",
    )
    (WORK / "secrets.env").write_text(f"INTAKE_IMAP_PASSWORD={PASSWORD}\n")
    os.chmod(WORK / "secrets.env", 0o600)
    return cfg


def cli(cfg: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "bot", "--config", str(cfg), "--now", NOW, *args]
    print(f"\n$ intake-bot {' '.join(args)}", flush=True)
    r = subprocess.run(cmd, cwd=REPO, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"demo step failed: intake-bot {' '.join(args)} (exit {r.returncode})")
    return r


def available(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


def main() -> None:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    sent_dir = WORK / "sent"
    with DovecotServer(WORK / "dovecot", {USER: PASSWORD}) as imap, SmtpSink(sent_dir) as smtp:
        print(f"Dovecot on 127.0.0.1:{imap.port}, SMTP sink on 127.0.0.1:{smtp.port}")
        client = IMAPClient("127.0.0.1", port=imap.port, ssl=False)
        client.login(USER, PASSWORD)
        mails = demo_mails()
        for raw, when in mails:
            client.append("INBOX", raw, msg_time=when)
        client.logout()
        print(f"demo mailbox loaded with {len(mails)} unit mails")
        cfg = write_config(imap.port, smtp.port)
        cli(cfg, "init")
        cli(cfg, "units", "import", str(REPO / "config/units.example.csv"))
        cli(cfg, "poll", "--once")
        if available("bot.outgoing.sender", "bot.outgoing.reminders", "bot.outgoing.digest"):
            cli(cfg, "remind")
            cli(cfg, "digest")
            cli(cfg, "outbox", "flush")
        cli(cfg, "status")
    sent = sorted(sent_dir.glob("*.eml")) if sent_dir.exists() else []
    print(f"\nMails the bot sent: {len(sent)}, each readable as a file in {sent_dir}/")
    by_kind: dict[str, list[str]] = {}
    for p in sent:
        m = message_from_bytes(p.read_bytes(), policy=policy.default)
        by_kind.setdefault(str(m["X-Intake-Kind"]), []).append(f"{p.name}  to {m['To']}  “{m['Subject']}”")
    for kind, lines in by_kind.items():
        print(f"  {kind}: {len(lines)}")
        for line in lines[:3]:
            print(f"    {line}")
        if len(lines) > 3:
            print(f"    … and {len(lines) - 3} more")
    # One acknowledgment, the holding reply to the clerk's Gmail, and the staff digest in full.
    shown: set[str] = set()
    for p in sent:
        m = message_from_bytes(p.read_bytes(), policy=policy.default)
        kind = str(m["X-Intake-Kind"])
        if kind in ("ack", "holding", "digest") and kind not in shown:
            shown.add(kind)
            body = m.get_body(("plain",)).get_content().replace("\r\n", "\n")
            print(f"\n--- {p.name} ({kind}) «{m['Subject']}» ---\n{body}")
    print(f"Database: {WORK / 'intake.sqlite3'} · stored files: {WORK / 'files'}")
    print("Servers stopped.")


if __name__ == "__main__":
    main()
