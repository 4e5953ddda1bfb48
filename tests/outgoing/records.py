"""Inserting realistic received mail straight into the database (no parser, no matcher).

``record_mail`` writes what the recording path would (message, attachments, nominations,
submissions with lateness and supersession) and then calls intake's real post-record hook,
so the acknowledgment is queued exactly as in production, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.store.models import AttachmentRow, Message, Nomination, Submission, Unit

_uids = itertools.count(1)


@dataclass
class F:
    """One attached file: its deliverable (None: not recognised), name and nominee."""

    filename: str
    deliverable: str | None = None
    nominee: tuple[str, str] | None = None  # (kind, name)
    status: str = "received"
    problem: str | None = None
    problems: list[dict] = field(default_factory=list)


def _nomination(s, campaign_id: str, unit: Unit, kind: str, name: str, now: dt.datetime) -> Nomination:
    key = name.lower()
    n = s.scalars(
        select(Nomination).where(
            Nomination.campaign == campaign_id,
            Nomination.unit_id == unit.id,
            Nomination.kind == kind,
            Nomination.name_key == key,
        )
    ).first()
    if n is None:
        n = Nomination(
            campaign=campaign_id, unit_id=unit.id, kind=kind, name=name, name_key=key, created_at=now
        )
        s.add(n)
        s.flush()
    return n


def record_mail(
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
    problems: list[dict] | None = None,
    needs_review: bool = False,
    review_reason: str | None = None,
    reason: str | None = None,
    ack: bool = True,
) -> int:
    campaign = app.campaign
    now = received_at + dt.timedelta(minutes=1)
    uid = next(_uids)
    with app.db.session() as s:
        unit = None
        if unit_code:
            unit = s.scalars(select(Unit).where(Unit.code == unit_code)).one()
        row = Message(
            mailbox="INBOX",
            uidvalidity=1,
            uid=uid,
            message_id_header=message_id if message_id is not None else f"<m{uid}@gmail.test>",
            content_sha256=hashlib.sha256(f"{uid}".encode()).hexdigest(),
            received_at=received_at,
            sender=sender or (unit.addresses[0].email if unit else "someone@example.com"),
            subject=subject,
            references=references or [],
            state=state,
            reason=reason,
            category=category,
            unit_id=unit.id if unit else None,
            needs_review=needs_review,
            review_reason=review_reason,
            problems=problems or [],
            created_at=now,
        )
        s.add(row)
        s.flush()
        for f in files:
            att = AttachmentRow(
                message_id=row.id,
                sha256=hashlib.sha256(f"{uid}/{f.filename}".encode()).hexdigest(),
                filename=f.filename,
                original_filename=f.filename,
                stored_path=None if f.problem else f"files/{uid}/{f.filename}",
                size=1234,
                declared_type="application/pdf",
                sniffed_type="application/pdf",
                problem=f.problem,
            )
            s.add(att)
            s.flush()
            if f.deliverable is None or unit is None or f.problem:
                continue
            nom = _nomination(s, campaign.id, unit, *f.nominee, now) if f.nominee else None
            older = s.scalars(
                select(Submission).where(
                    Submission.campaign == campaign.id,
                    Submission.unit_id == unit.id,
                    Submission.deliverable == f.deliverable,
                    (Submission.nomination_id == nom.id) if nom else Submission.nomination_id.is_(None),
                    Submission.superseded_by_id.is_(None),
                )
            ).all()
            sub = Submission(
                campaign=campaign.id,
                unit_id=unit.id,
                deliverable=f.deliverable,
                nomination_id=nom.id if nom else None,
                attachment_id=att.id,
                message_id=row.id,
                received_at=received_at,
                status=f.status,
                late=campaign.is_late(f.deliverable, received_at),
                problems=f.problems,
                created_at=now,
            )
            s.add(sub)
            s.flush()
            for o in older:
                o.superseded_by_id = sub.id
        if ack:
            from bot.services.intake import _after_record

            _after_record(app, s, row, None, None, now)
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
