"""Signed PDFs through the real intake: Dovecot → poll (document workers) → records →
``status --json``, the acknowledgment, the review queue; ``require_signature`` per deliverable.

The PDFs are LibreOffice's, signed by pyHanko with certificates of a PKI built here
(``tests/signing.py``); the office trusts that PKI's root through
``documents.trusted_signature_roots``.
"""

from __future__ import annotations

import email
import shutil
from email import policy as email_policy
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.campaign.model import load_campaign
from bot.cli import acknowledge
from bot.pipeline.poll import poll_once
from bot.reporting.snapshot import load_snapshot
from bot.reporting.status import status_json
from bot.store.models import Message, OutboxMail, Unit
from tests.mailgen import build_mail, make_docx
from tests.outgoing.conftest import at
from tests.signing import append_update, flip_byte_in_signed_range, libreoffice_pdfs, make_pki, sign_pdf

REPO = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.dovecot,
    pytest.mark.tools,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.fixture(scope="module")
def signed():
    """The documents each unit sends (unit code → [(filename, bytes)])."""
    pki = make_pki()
    pdfs = libreoffice_pdfs(REPO / "var" / "test-signing")
    tt, kl = pdfs["sig-to-trinh"], pdfs["sig-kl01"]
    one = sign_pdf(tt, pki.signer, visible=True)
    return pki, {
        "SYT": [("To trinh SYT.pdf", one), ("BC KL01 SYT.pdf", sign_pdf(sign_pdf(kl, pki.signer), pki.second_signer, "Signature2"))],
        "SGDDT": [("To trinh SGDDT.pdf", append_update(sign_pdf(tt, pki.signer), allowed=True))],
        "STC": [("To trinh STC.pdf", flip_byte_in_signed_range(one))],
        "SNN": [("To trinh SNN.pdf", append_update(sign_pdf(tt, pki.signer), allowed=False))],
        "VPUB": [("To trinh VPUB.pdf", sign_pdf(tt, pki.expired_signer))],
        "CTHUE": [("To trinh CTHUE.pdf", sign_pdf(tt, pki.untrusted_signer))],
        "KBNN": [("To trinh KBNN.pdf", tt)],
        "SNV": [("To trinh SNV.pdf", sign_pdf(tt, pki.signer, visible=False))],
    }  # fmt: skip


SENDERS = {
    "SYT": "dangbo.syt@thainguyen.gov.vn",
    "SGDDT": "dangbo.sgddt@thainguyen.gov.vn",
    "STC": "dangbo.stc@thainguyen.gov.vn",
    "SNN": "dangbo.snn@thainguyen.gov.vn",
    "VPUB": "dangbo.vpubnd@thainguyen.gov.vn",
    "CTHUE": "dangbo.cucthue@thainguyen.gov.vn",
    "KBNN": "dangbo.kbnn@thainguyen.gov.vn",
    "SNV": "chibo.sngv@thainguyen.gov.vn",
}


def _app(dovecot, smtp_sink, app_factory, pki, tmp_path):
    root = tmp_path / "root-ca.pem"
    pki.write_root(root)
    user = dovecot.new_user()
    extra = f'\n[documents]\ntrusted_signature_roots = ["{root}"]\n'
    app = app_factory(
        dovecot.port, user, smtp_sink.port, storage_extra=extra, mailbox_extra="analysis_workers = 2"
    )
    return app, user


def _send_all(dovecot, user, files_by_unit) -> None:
    for i, (code, files) in enumerate(files_by_unit.items()):
        raw = build_mail(
            SENDERS[code], "V/v gửi hồ sơ đề nghị khen thưởng (bản ký số)", attachments=files,
            message_id=f"<sig-{code}-{i}@thainguyen.gov.vn>",
        )  # fmt: skip
        dovecot.append(user, raw, at(26, 9, i))


def _status(app):
    with app.db.session() as s:
        return status_json(app.campaign, load_snapshot(s, app.campaign), at(26, 12))


def _files(status, code, deliverable="to_trinh"):
    unit = next(u for u in status["units"] if u["code"] == code)
    d = next(d for d in unit["deliverables"] if d["type"] == deliverable)
    return d


def _ack_text(app, code) -> str:
    with app.db.session() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code)).one()
        [mail] = s.scalars(
            select(OutboxMail).where(OutboxMail.unit_id == unit.id, OutboxMail.kind == "ack")
        ).all()
        m = email.message_from_bytes(mail.raw, policy=email_policy.default)
        return m.get_body(("plain",)).get_content()


def test_signed_pdfs_through_the_real_intake(dovecot, smtp_sink, app_factory, signed, tmp_path):
    pki, files_by_unit = signed
    app, user = _app(dovecot, smtp_sink, app_factory, pki, tmp_path)
    _send_all(dovecot, user, files_by_unit)  # 8 mails: read by the document workers
    report = poll_once(app, at(26, 10), acknowledge(app))
    assert report.recorded == 8 and report.quarantined == 0, report
    status = _status(app)

    syt = _files(status, "SYT")
    [sig] = syt["files"][0]["signatures"]
    assert set(sig) == {"signer", "organisation", "signed_at", "intact", "trusted", "checks"}
    assert (sig["signer"], sig["organisation"], sig["intact"], sig["trusted"]) == (
        "Nguyễn Văn An", "Đảng ủy Sở Y tế", True, True,
    )  # fmt: skip
    assert sig["checks"] == ["integrity", "modifications", "chain", "validity"] and sig["signed_at"]
    assert syt["status"] == "received" and syt["problems"] == []
    kl = _files(status, "SYT", "bao_cao_kl01")["files"][0]["signatures"]
    assert [s["signer"] for s in kl] == ["Nguyễn Văn An", "Trần Thị Bình"] and all(s["trusted"] for s in kl)
    ack = _ack_text(app, "SYT")
    assert "“To trinh SYT.pdf”: Đã ký số: Nguyễn Văn An (Đảng ủy Sở Y tế), " in ack and ", hợp lệ" in ack
    assert "“BC KL01 SYT.pdf”: Đã ký số: Nguyễn Văn An" in ack and "; Trần Thị Bình" in ack

    assert _files(status, "SGDDT")["files"][0]["signatures"][0]["intact"] is True  # allowed update

    for code in ("STC", "SNN"):  # a byte / a page changed after signing
        d = _files(status, code)
        assert d["files"][0]["signatures"][0]["intact"] is False
        assert d["status"] == "needs_review"
        assert [p["code"] for p in d["problems"]] == ["signature_invalid"]
        assert "đã bị thay đổi sau khi ký" in _ack_text(app, code)
    review = {r["message_id"]: r["reason"] for r in status["review_queue"]}
    assert review["<sig-STC-2@thainguyen.gov.vn>"] == "signature_invalid"

    expired = _files(status, "VPUB")
    assert expired["files"][0]["signatures"][0]["trusted"] is False and expired["problems"] == []
    assert "chứng thư số đã hết hạn hoặc chưa có hiệu lực khi ký" in _ack_text(app, "VPUB")
    assert "không do tổ chức chứng thực được Ban tin cậy cấp" in _ack_text(app, "CTHUE")

    unsigned = _files(status, "KBNN")
    assert "signatures" not in unsigned["files"][0] and unsigned["problems"] == []  # simply unsigned
    assert "Đã ký số" not in _ack_text(app, "KBNN")


def test_require_signature_makes_an_unsigned_file_a_problem(
    dovecot, smtp_sink, app_factory, signed, tmp_path
):
    pki, files_by_unit = signed
    app, user = _app(dovecot, smtp_sink, app_factory, pki, tmp_path)
    text = (REPO / "config/campaigns/120-KH-DUK-2024.toml").read_text(encoding="utf-8")
    text = text.replace('role = "proposal"\n', 'role = "proposal"\nrequire_signature = true\n')
    (tmp_path / "campaign.toml").write_text(text, encoding="utf-8")
    app.campaign = load_campaign(tmp_path / "campaign.toml")
    docx = make_docx(["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH", "Về việc đề nghị khen thưởng"])
    mails = {
        "SYT": [("To trinh SYT.docx", docx)],  # unsigned: a problem now
        "SNV": files_by_unit["SNV"],  # signed and trusted: fine
        "CTHUE": files_by_unit["CTHUE"],  # signed by an unknown root
    }
    _send_all(dovecot, user, mails)
    poll_once(app, at(26, 10), acknowledge(app))
    status = _status(app)
    assert [p["code"] for p in _files(status, "SYT")["problems"]] == ["signature_missing"]
    assert "phải là tệp PDF có chữ ký số" in _ack_text(app, "SYT")
    assert _files(status, "SNV")["problems"] == []
    assert [p["code"] for p in _files(status, "CTHUE")["problems"]] == ["signature_untrusted"]
    with app.db.session() as s:
        assert s.scalars(select(Message.review_reason).where(Message.review_reason.is_not(None))).all() == []
