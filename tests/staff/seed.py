"""A realistic campaign state written straight into the models, for staff and web tests.

Files are real .docx bytes stored in the app's file store, so downloads and the zip
export read real content.  Times are fixed; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.matching.nominees import nominee_key
from bot.store.models import AttachmentRow, Message, Nomination, Submission, Unit
from tests.mailgen import make_docx

TZ = dt.timezone(dt.timedelta(hours=7))
SEEDED_AT = dt.datetime(2024, 2, 27, 8, 0, tzinfo=TZ)
_uid = iter(range(1, 10_000))


@dataclass
class FileSpec:
    filename: str
    lines: list[str]
    deliverable: str | None
    nominee: tuple[str, str] | None = None  # (kind, name)
    status: str | None = "received"  # None: no submission (file waits for a decision)
    facts: dict = field(default_factory=dict)


@dataclass
class Seeded:
    messages: dict[str, int] = field(default_factory=dict)
    submissions: dict[str, int] = field(default_factory=dict)
    nominations: dict[str, int] = field(default_factory=dict)


def unit(session, code: str) -> Unit:
    return session.scalars(select(Unit).where(Unit.code == code)).one()


def nomination(session, campaign_id: str, u: Unit, kind: str, name: str) -> Nomination:
    key = nominee_key(name)
    n = session.scalars(
        select(Nomination).where(
            Nomination.campaign == campaign_id,
            Nomination.unit_id == u.id,
            Nomination.kind == kind,
            Nomination.name_key == key,
        )
    ).first()
    if n is None:
        n = Nomination(
            campaign=campaign_id, unit_id=u.id, kind=kind, name=name, name_key=key, created_at=SEEDED_AT
        )
        session.add(n)
        session.flush()
    return n


def add_message(
    session,
    app,
    *,
    sender: str,
    subject: str,
    received_at: dt.datetime,
    files: list[FileSpec],
    unit_code: str | None,
    review_reason: str | None = None,
    suggested: str | None = None,
    evidence: list[str] | None = None,
    seeded: Seeded | None = None,
    label: str = "",
) -> Message:
    campaign = app.campaign
    u = unit(session, unit_code) if unit_code else None
    uid = next(_uid)
    m = Message(
        mailbox="INBOX",
        uidvalidity=1,
        uid=uid,
        message_id_header=f"<seed-{uid}@mail.example>",
        content_sha256=f"{uid:064x}",
        received_at=received_at,
        date_header=received_at,
        sender=sender,
        sender_name="",
        subject=subject,
        references=[],
        body_excerpt="Kính gửi Ban Tuyên giáo Đảng ủy Khối. Đơn vị gửi kèm hồ sơ.",
        state="processed",
        category="submission",
        unit_id=None if review_reason else (u.id if u else None),
        suggested_unit_id=unit(session, suggested).id if suggested else None,
        match_rule="registered_address" if not review_reason else "content",
        match_evidence=evidence or [f"sender {sender}"],
        needs_review=review_reason is not None,
        review_reason=review_reason,
        problems=[],
        created_at=received_at,
    )
    session.add(m)
    session.flush()
    for spec in files:
        data = make_docx(spec.lines)
        sha, path = app.files.put(data)
        facts = {"deliverable": spec.deliverable, "score": 0.9, "evidence": ["seeded"], **spec.facts}
        row = AttachmentRow(
            message_id=m.id,
            sha256=sha,
            original_filename=spec.filename,
            filename=spec.filename,
            stored_path=path,
            size=len(data),
            declared_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            sniffed_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            origin="mail",
            text_excerpt="\n".join(spec.lines),
            facts=facts,
        )
        session.add(row)
        session.flush()
        if spec.status is None or u is None:
            continue
        nom = nomination(session, campaign.id, u, *spec.nominee) if spec.nominee else None
        due = campaign.deadline_instant(campaign.deliverable(spec.deliverable).deadline)
        s = Submission(
            campaign=campaign.id,
            unit_id=u.id,
            deliverable=spec.deliverable,
            nomination_id=nom.id if nom else None,
            attachment_id=row.id,
            message_id=m.id,
            received_at=received_at,
            status=spec.status,
            late=received_at > due,
            score=0.9,
            evidence=["seeded"],
            problems=[],
            created_at=received_at,
        )
        session.add(s)
        session.flush()
        if seeded is not None:
            seeded.submissions[f"{label}:{spec.filename}"] = s.id
    if seeded is not None:
        seeded.messages[label] = m.id
    return m


def seed(app) -> Seeded:
    """SYT: complete individual, incomplete collective; SNV: late Tờ trình, one nominee
    lacking files; STC: a review item (unverified sender); an unknown sender's file."""
    out = Seeded()
    with app.db.session() as s:
        day = lambda d, h=9: dt.datetime(2024, 2, d, h, 0, tzinfo=TZ)  # noqa: E731
        a = ("ca_nhan", "Nguyễn Văn An")
        khoa = ("tap_the", "Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh")
        add_message(
            s,
            app,
            sender="dangbo.syt@thainguyen.gov.vn",
            subject="V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác năm 2024",
            received_at=day(26),
            unit_code="SYT",
            seeded=out,
            label="syt",
            files=[
                FileSpec("Tờ trình đề nghị khen thưởng.docx", ["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH"], "to_trinh"),
                FileSpec(
                    "BCTT Nguyễn Văn An.docx",
                    [
                        "BÁO CÁO THÀNH TÍCH",
                        "- Họ tên: Nguyễn Văn An",
                        "- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Giám đốc Sở",
                        "- Đơn vị công tác: Sở Y tế tỉnh Thái Nguyên",
                    ],
                    "bao_cao_thanh_tich",
                    a,
                ),
                FileSpec("Tóm tắt Nguyễn Văn An.docx", ["BẢN TÓM TẮT THÀNH TÍCH"], "tom_tat_thanh_tich", a),
                FileSpec(
                    "QĐ khen thưởng 2022.docx",
                    ["QUYẾT ĐỊNH về việc khen thưởng"],
                    "quyet_dinh_khen_thuong",
                    a,
                ),
                FileSpec(
                    "QĐ xếp loại 2023.docx", ["QUYẾT ĐỊNH xếp loại đảng viên"], "quyet_dinh_xep_loai", a
                ),
                FileSpec("BCTT Khoa HSCC.docx", ["BÁO CÁO THÀNH TÍCH tập thể"], "bao_cao_thanh_tich", khoa),
            ],
        )
        h = ("ca_nhan", "Ngô Thị Hà")
        add_message(
            s,
            app,
            sender="chibo.sngv@thainguyen.gov.vn",
            subject="Fwd: Gui ho so khen thuong",
            received_at=dt.datetime(2024, 2, 29, 10, 0, tzinfo=TZ),
            unit_code="SNV",
            seeded=out,
            label="snv",
            files=[
                FileSpec("To trinh.docx", ["CHI BỘ SỞ NGOẠI VỤ", "TỜ TRÌNH"], "to_trinh"),
                FileSpec(
                    "BCTT Ngo Thi Ha.docx",
                    ["BÁO CÁO THÀNH TÍCH", "Chức vụ: Bí thư Chi bộ"],
                    "bao_cao_thanh_tich",
                    h,
                ),
            ],
        )
        add_message(
            s,
            app,
            sender="nguyenthu.stc@gmail.com",
            subject="Gửi hồ sơ khen thưởng Sở Tài chính",
            received_at=day(27, 14),
            unit_code="STC",
            review_reason="unverified_sender",
            suggested="STC",
            evidence=["signature names Đảng bộ Sở Tài chính", "sender not registered"],
            seeded=out,
            label="stc",
            files=[
                FileSpec(
                    "To trinh STC.docx",
                    ["ĐẢNG ỦY SỞ TÀI CHÍNH", "TỜ TRÌNH"],
                    "to_trinh",
                    status="needs_review",
                )
            ],
        )
        add_message(
            s,
            app,
            sender="abc123@yahoo.com",
            subject="gui ban tom tat",
            received_at=day(27, 16),
            unit_code=None,
            review_reason="unknown_unit",
            evidence=["no unit named"],
            seeded=out,
            label="unknown",
            files=[
                FileSpec(
                    "scan0001.docx",
                    ["BẢN TÓM TẮT THÀNH TÍCH", "Đồng chí Lê Thị Thu"],
                    "tom_tat_thanh_tich",
                    status=None,
                    facts={"nominee": {"kind": "ca_nhan", "name": "Lê Thị Thu"}},
                )
            ],
        )
        for label, nom in (("syt", a), ("syt", khoa), ("snv", h)):
            out.nominations[nom[1]] = nomination(s, app.campaign.id, unit(s, label.upper()), *nom).id
    return out
