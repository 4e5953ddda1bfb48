"""Realistic received mail written straight into the database (no parser, no matcher).

:func:`add_message` writes what the recording path would: the message, its attachments,
the nominations (found or created by the folded name, :func:`nominations.find_or_create_nomination`)
and the submissions, with lateness and supersession (:func:`repo.supersede_slots`).  A
file given ``lines`` is a real .docx stored in the app's file store (downloads and the
zip export read real content); otherwise only its row exists.

* :func:`record_mail` does that in its own transaction and then queues the real
  acknowledgment in it, as intake does (outgoing tests);
* :func:`seed` writes the staff/web tests' campaign state.

Times are arguments; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import mimetypes
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.outgoing.acks import queue_ack
from bot.store import nominations, repo
from bot.store.models import AttachmentRow, Message, Submission, Unit
from tests.mailgen import make_docx

TZ = dt.timezone(dt.timedelta(hours=7))
_uids = itertools.count(1)


@dataclass
class F:
    """One attached file: its deliverable (None: not recognised), name and nominee."""

    filename: str
    deliverable: str | None = None
    nominee: tuple[str, str] | None = None  # (kind, name)
    status: str | None = "received"  # None: stored, no submission (waits for a staff decision)
    problem: str | None = None  # refused_type, too_large...: kept out, never counted
    problems: list[dict] = field(default_factory=list)  # found in a counted file
    lines: list[str] | None = None  # paragraphs of a real .docx kept in the file store
    facts: dict = field(default_factory=dict)


@dataclass
class Seeded:
    messages: dict[str, int] = field(default_factory=dict)
    submissions: dict[str, int] = field(default_factory=dict)
    nominations: dict[str, int] = field(default_factory=dict)


def unit(session, code: str) -> Unit:
    return session.scalars(select(Unit).where(Unit.code == code)).one()


def _attachment(app, message_id: int, uid: int, f: F) -> AttachmentRow:
    if f.lines is not None:
        data = make_docx(f.lines)
        sha, path = app.files.put(data)
        size, ctype = len(data), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        sha = hashlib.sha256(f"{uid}/{f.filename}".encode()).hexdigest()
        path = None if f.problem else f"files/{uid}/{f.filename}"
        size, ctype = 1234, mimetypes.guess_type(f.filename)[0] or "application/octet-stream"
    return AttachmentRow(
        message_id=message_id,
        sha256=sha,
        original_filename=f.filename,
        filename=f.filename,
        stored_path=path,
        size=size,
        declared_type=ctype,
        sniffed_type=ctype,
        origin="mail",
        text_excerpt="\n".join(f.lines or []),
        facts={"deliverable": f.deliverable, "score": 0.9, "evidence": ["seeded"], **f.facts},
        problem=f.problem,
    )


def add_message(
    session,
    app,
    unit_code: str | None,
    files: list[F],
    received_at: dt.datetime,
    *,
    subject: str = "V/v gửi hồ sơ đề nghị khen thưởng",
    sender: str | None = None,
    message_id: str | None = None,
    references: list[str] | None = None,
    category: str = "submission",
    state: str = "processed",
    reason: str | None = None,
    problems: list[dict] | None = None,
    review_reason: str | None = None,
    needs_review: bool | None = None,
    suggested: str | None = None,
    evidence: list[str] | None = None,
    seeded: Seeded | None = None,
    label: str = "",
) -> Message:
    """One received mail and what it counts for, recorded a minute after it arrived.

    A mail waiting for review because of its sender (``review_reason`` unknown_unit,
    unverified_sender) is not yet tied to its unit, but its files already count toward
    ``unit_code`` with their own ``status``.
    """
    campaign = app.campaign
    now = received_at + dt.timedelta(minutes=1)
    uid = next(_uids)
    u = unit(session, unit_code) if unit_code else None
    sender = sender or (u.addresses[0].email if u else "someone@example.com")
    m = Message(
        mailbox="INBOX",
        uidvalidity=1,
        uid=uid,
        message_id_header=message_id if message_id is not None else f"<seed-{uid}@mail.example>",
        content_sha256=f"{uid:064x}",
        received_at=received_at,
        date_header=received_at,
        sender=sender,
        sender_name="",
        subject=subject,
        references=references or [],
        body_excerpt="Kính gửi Ban Tuyên giáo Đảng ủy Khối. Đơn vị gửi kèm hồ sơ.",
        state=state,
        reason=reason,
        category=category,
        # As intake: a registered sender's mail is its unit's even while staff decide on it.
        unit_id=u.id if u and review_reason in (None, "uncertain_type", "time_request") else None,
        suggested_unit_id=unit(session, suggested).id if suggested else None,
        match_rule="content" if review_reason else "registered_address",
        match_evidence=evidence or [f"sender {sender}"],
        needs_review=review_reason is not None if needs_review is None else needs_review,
        review_reason=review_reason,
        problems=problems or [],
        created_at=now,
    )
    session.add(m)
    session.flush()
    created: list[Submission] = []
    for f in files:
        att = _attachment(app, m.id, uid, f)
        session.add(att)
        session.flush()
        if f.deliverable is None or f.status is None or f.problem or u is None:
            continue
        nom = (
            nominations.find_or_create_nomination(session, campaign.id, u.id, *f.nominee, now)
            if f.nominee
            else None
        )
        sub = Submission(
            campaign=campaign.id,
            unit_id=u.id,
            deliverable=f.deliverable,
            nomination_id=nom.id if nom else None,
            attachment_id=att.id,
            message_id=m.id,
            received_at=received_at,
            status=f.status,
            late=campaign.is_late(f.deliverable, received_at),
            score=0.9,
            evidence=["seeded"],
            problems=f.problems,
            created_at=now,
        )
        session.add(sub)
        session.flush()
        created.append(sub)
        if seeded is not None:
            seeded.submissions[f"{label}:{f.filename}"] = sub.id
    if created:
        repo.supersede_slots(session, campaign.id, u.id, m, created)
        session.flush()
    if seeded is not None:
        seeded.messages[label] = m.id
    return m


def record_mail(
    app, unit_code: str | None, files: list[F], received_at: dt.datetime, *, ack: bool = True, **fields
) -> int:
    """:func:`add_message` in its own transaction, then the acknowledgment (unless ``ack=False``)."""
    with app.db.session() as s:
        row = add_message(s, app, unit_code, files, received_at, **fields)
        if ack:
            queue_ack(app, s, row, row.created_at)
        return row.id


# A complete dossier for one individual nominee of a chi bộ (deadline ho_so_khen_thuong).
def full_dossier(name: str = "Bùi Văn Hùng") -> list[F]:
    n = ("ca_nhan", name)
    return [
        F("To trinh.pdf", "to_trinh"),
        F(f"BCTT {name}.docx", "bao_cao_thanh_tich", n),
        F(f"Tom tat {name}.docx", "tom_tat_thanh_tich", n),
        F("QD khen thuong.pdf", "quyet_dinh_khen_thuong", n),
        F("QD xep loai 2023.pdf", "quyet_dinh_xep_loai", n),
    ]


def seed(app) -> Seeded:
    """SYT: complete individual, incomplete collective; SNV: late Tờ trình, one nominee
    lacking files; STC: a review item (unverified sender); an unknown sender's file."""
    out = Seeded()
    day = lambda d, h=9: dt.datetime(2024, 2, d, h, 0, tzinfo=TZ)  # noqa: E731
    a = ("ca_nhan", "Nguyễn Văn An")
    khoa = ("tap_the", "Khoa Hồi sức cấp cứu, Bệnh viện Đa khoa tỉnh")
    h = ("ca_nhan", "Ngô Thị Hà")
    with app.db.session() as s:
        add_message(
            s,
            app,
            "SYT",
            [
                F("Tờ trình đề nghị khen thưởng.docx", "to_trinh", lines=["ĐẢNG ỦY SỞ Y TẾ", "TỜ TRÌNH"]),
                F(
                    "BCTT Nguyễn Văn An.docx",
                    "bao_cao_thanh_tich",
                    a,
                    lines=[
                        "BÁO CÁO THÀNH TÍCH",
                        "- Họ tên: Nguyễn Văn An",
                        "- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Giám đốc Sở",
                        "- Đơn vị công tác: Sở Y tế tỉnh Thái Nguyên",
                    ],
                ),
                F("Tóm tắt Nguyễn Văn An.docx", "tom_tat_thanh_tich", a, lines=["BẢN TÓM TẮT THÀNH TÍCH"]),
                F(
                    "QĐ khen thưởng 2022.docx",
                    "quyet_dinh_khen_thuong",
                    a,
                    lines=["QUYẾT ĐỊNH về việc khen thưởng"],
                ),
                F("QĐ xếp loại 2023.docx", "quyet_dinh_xep_loai", a, lines=["QUYẾT ĐỊNH xếp loại đảng viên"]),
                F("BCTT Khoa HSCC.docx", "bao_cao_thanh_tich", khoa, lines=["BÁO CÁO THÀNH TÍCH tập thể"]),
            ],
            day(26),
            sender="dangbo.syt@thainguyen.gov.vn",
            subject="V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác năm 2024",
            seeded=out,
            label="syt",
        )
        add_message(
            s,
            app,
            "SNV",
            [
                F("To trinh.docx", "to_trinh", lines=["CHI BỘ SỞ NGOẠI VỤ", "TỜ TRÌNH"]),
                F(
                    "BCTT Ngo Thi Ha.docx",
                    "bao_cao_thanh_tich",
                    h,
                    lines=["BÁO CÁO THÀNH TÍCH", "Chức vụ: Bí thư Chi bộ"],
                ),
            ],
            day(29, 10),
            sender="chibo.sngv@thainguyen.gov.vn",
            subject="Fwd: Gui ho so khen thuong",
            seeded=out,
            label="snv",
        )
        add_message(
            s,
            app,
            "STC",
            [
                F(
                    "To trinh STC.docx",
                    "to_trinh",
                    status="needs_review",
                    lines=["ĐẢNG ỦY SỞ TÀI CHÍNH", "TỜ TRÌNH"],
                )
            ],
            day(27, 14),
            sender="nguyenthu.stc@gmail.com",
            subject="Gửi hồ sơ khen thưởng Sở Tài chính",
            review_reason="unverified_sender",
            suggested="STC",
            evidence=["signature names Đảng bộ Sở Tài chính", "sender not registered"],
            seeded=out,
            label="stc",
        )
        add_message(
            s,
            app,
            None,
            [
                F(
                    "scan0001.docx",
                    "tom_tat_thanh_tich",
                    status=None,
                    lines=["BẢN TÓM TẮT THÀNH TÍCH", "Đồng chí Lê Thị Thu"],
                    facts={"nominee": {"kind": "ca_nhan", "name": "Lê Thị Thu"}},
                )
            ],
            day(27, 16),
            sender="abc123@yahoo.com",
            subject="gui ban tom tat",
            review_reason="unknown_unit",
            evidence=["no unit named"],
            seeded=out,
            label="unknown",
        )
        for code, nom in (("SYT", a), ("SYT", khoa), ("SNV", h)):
            n = nominations.find_or_create_nomination(s, app.campaign.id, unit(s, code).id, *nom, day(27))
            out.nominations[nom[1]] = n.id
    return out
