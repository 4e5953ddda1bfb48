"""The whole understanding pipeline on real documents: parse → inspect → match → rules →
record → status.  Mails are built around the LibreOffice-made corpus and fed to
``process_mail`` exactly as the IMAP pass would (the IMAP side has its own tests)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from bot.cli import acknowledge
from bot.intake.mailbox import FetchedMail
from bot.pipeline.poll import process_mail
from bot.reporting.snapshot import load_snapshot
from bot.reporting.status import status_json
from tests.conftest import TZ
from tests.corpus.make_corpus import corpus_for, find
from tests.mailgen import build_mail

REPO = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2024, 3, 1, 9, 0, tzinfo=TZ)
_uid = itertools.count(1)


@pytest.fixture(scope="module")
def corpus():
    return corpus_for()


def one(docs, **labels):
    found = find(docs, **labels)
    if not found:
        pytest.skip(f"corpus has no document with {labels} (a tool is missing)")
    return found[0]


def feed(
    app,
    sender,
    subject,
    docs,
    when=dt.datetime(2024, 2, 26, 9, 0, tzinfo=TZ),
    body="Kính gửi Ban Tuyên giáo.",
):
    raw = build_mail(sender, subject, body, attachments=[(d.path.name, d.path.read_bytes()) for d in docs])
    uid = next(_uid)
    return process_mail(app, "test/INBOX", 1, FetchedMail(uid, raw, when, len(raw)), NOW, acknowledge(app))


def status(app):
    with app.db.session() as s:
        return status_json(app.campaign, load_snapshot(s, app.campaign), NOW)


def unit(doc, code):
    return next(u for u in doc["units"] if u["code"] == code)


def deliverable(u, type_):
    return next(d for d in u["deliverables"] if d["type"] == type_)


def test_full_dossier_from_registered_address(app_factory, corpus):
    app = app_factory()
    docs = [
        one(corpus, unit_code="SGDDT", deliverable=d, format="docx", nominee_kind=k)
        for d, k in [
            ("to_trinh", None),
            ("bao_cao_thanh_tich", "ca_nhan"),
            ("quyet_dinh_khen_thuong", "ca_nhan"),
            ("quyet_dinh_xep_loai", "ca_nhan"),
        ]
    ]
    summary = one(
        corpus, unit_code="SGDDT", deliverable="tom_tat_thanh_tich", format="pdf", nominee_kind="ca_nhan"
    )
    assert not summary.summary_too_long
    docs.append(summary)
    out = feed(
        app, "dangbo.sgddt@thainguyen.gov.vn", "V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác 2024", docs
    )
    assert out.state == "processed" and not out.review
    syt = unit(status(app), "SGDDT")
    person = next(n for n in syt["nominations"] if n["kind"] == "ca_nhan")
    assert person["nominee"] == docs[1].nominee_name
    assert person["missing"] == []
    assert set(person["documents"]) == {
        "bao_cao_thanh_tich",
        "tom_tat_thanh_tich",
        "quyet_dinh_khen_thuong",
        "quyet_dinh_xep_loai",
    }
    assert deliverable(syt, "to_trinh")["status"] == "received"
    # The Tờ trình also proposes a collective, whose documents have not arrived yet.
    collective = [n for n in syt["nominations"] if n["kind"] == "tap_the"]
    assert collective and "bao_cao_thanh_tich" in collective[0]["missing"]
    assert "quyet_dinh_xep_loai" in collective[0]["missing"]  # its party organisation's rating
    assert deliverable(syt, "bao_cao_thanh_tich")["status"] == "missing"


def test_unregistered_sender_waits_for_staff_with_suggestion(app_factory, corpus):
    app = app_factory()
    kl01 = one(corpus, unit_code="SNV", deliverable="bao_cao_kl01", format="docx")
    out = feed(app, "Ngô Thị Hà <ngothiha.ngv@gmail.com>", "Bao cao KL01", [kl01])
    assert out.review
    doc = status(app)
    item = doc["review_queue"][0]
    assert item["suggested_unit"] == "SNV" and item["reason"] == "unverified_sender"
    # Shown as waiting, not counted as received, until staff confirm.
    assert deliverable(unit(doc, "SNV"), "bao_cao_kl01")["status"] == "needs_review"


def test_outline_and_summary_rules_name_the_file(app_factory, corpus):
    app = app_factory()
    broken = one(corpus, deliverable="bao_cao_kl01", format="pdf", unit_code="SGDDT")
    assert broken.missing_sections == ("III.3", "IV")
    feed(app, "dangbo.sgddt@thainguyen.gov.vn", "Báo cáo KL01", [broken])
    kl = deliverable(unit(status(app), "SGDDT"), "bao_cao_kl01")
    assert kl["status"] == "received"
    problem = next(p for p in kl["problems"] if p["code"] == "outline_section_missing")
    assert broken.path.name in problem["message"]
    assert "Bài học kinh nghiệm" in problem["message"] and "IV" in problem["message"]
    assert "Ưu điểm" not in problem["message"]

    app2 = app_factory()
    long = next(
        d
        for d in find(corpus, deliverable="tom_tat_thanh_tich", format="pdf", unit_code="SYT")
        if d.summary_too_long
    )
    feed(app2, "dangbo.syt@thainguyen.gov.vn", "Tóm tắt thành tích", [long])
    tt = deliverable(unit(status(app2), "SYT"), "tom_tat_thanh_tich")
    assert any(p["code"] == "summary_too_long" and long.path.name in p["message"] for p in tt["problems"])


@pytest.mark.parametrize("late_when", ["first_copy", "current_copy"])
def test_resubmission_supersedes_and_late_is_judged_by_server_time(app_factory, corpus, late_when):
    app = app_factory()
    app.campaign = app.campaign.model_copy(update={"late_when": late_when})
    tt = one(corpus, unit_code="SYT", deliverable="to_trinh", format="docx")
    tt_pdf = one(corpus, unit_code="SYT", deliverable="to_trinh", format="pdf")
    feed(
        app, "dangbo.syt@thainguyen.gov.vn", "Tờ trình", [tt], when=dt.datetime(2024, 2, 27, 9, 0, tzinfo=TZ)
    )
    # "gửi lại bản sửa" after the deadline: the correction counts; it is late only where
    # the office judges the current copy (the first came in time).
    feed(
        app,
        "dangbo.syt@thainguyen.gov.vn",
        "Gửi lại bản sửa tờ trình",
        [tt_pdf],
        when=dt.datetime(2024, 2, 29, 8, 0, tzinfo=TZ),
    )
    d = deliverable(unit(status(app), "SYT"), "to_trinh")
    assert [f["filename"] for f in d["files"]] == [tt_pdf.path.name]
    assert d["late"] is (late_when == "current_copy")
    assert d["received_at"] == "2024-02-29T08:00:00+07:00"
    # A document whose only earlier copy also came after the deadline stays late either way.
    kl = one(corpus, unit_code="SYT", deliverable="bao_cao_kl01", format="docx")
    for day in (16, 18):
        feed(
            app,
            "dangbo.syt@thainguyen.gov.vn",
            "Báo cáo KL01",
            [kl],
            when=dt.datetime(2024, 3, day, 9, 0, tzinfo=TZ),
        )
    assert deliverable(unit(status(app), "SYT"), "bao_cao_kl01")["late"] is True


def test_quota_exceeded_for_a_chi_bo(app_factory, corpus):
    app = app_factory()
    # A chi bộ cơ sở may propose one collective OR one individual; send reports for two.
    reports = find(corpus, deliverable="bao_cao_thanh_tich", format="docx", unit_code="SYT")
    kinds = {d.nominee_kind: d for d in reports}
    if len(kinds) < 2:
        pytest.skip("corpus lacks both nominee kinds")
    feed(app, "chibo.sngv@thainguyen.gov.vn", "Hồ sơ khen thưởng Chi bộ Sở Ngoại vụ", list(kinds.values()))
    snv = unit(status(app), "SNV")
    assert len(snv["nominations"]) == 2
    assert any(p["code"] == "quota_exceeded" for p in snv["problems"])


def test_mail_without_files_auto_replies_and_bounces(app_factory):
    app = app_factory()
    raw = build_mail("dangbo.stc@thainguyen.gov.vn", "Hồ sơ khen thưởng", "Đơn vị sẽ gửi sau ạ.")
    out = process_mail(app, "test/INBOX", 1, FetchedMail(900, raw, NOW, len(raw)), NOW, acknowledge(app))
    assert out.state == "processed"
    ooo = build_mail(
        "chibo.stp@thainguyen.gov.vn",
        "Trả lời tự động: Nhắc nộp hồ sơ",
        "Tôi đi công tác.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    out = process_mail(app, "test/INBOX", 1, FetchedMail(901, ooo, NOW, len(ooo)), NOW, acknowledge(app))
    assert (out.state, out.detail) == ("ignored", "auto_reply")
    doc = status(app)
    assert doc["counts"]["messages_seen"] == 2
    assert all(d["status"] == "missing" for d in unit(doc, "STC")["deliverables"])
