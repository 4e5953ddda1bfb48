"""Realistic sample contexts for every mail kind (``preview`` without data, template tests).

The samples have the same shape as the contexts built from the database, so a template
that renders here renders in production; the template tests render each kind with them
and check the Vietnamese for mojibake.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.campaign.model import Campaign
from bot.campaign.planning import MissingItem, NomineeRef
from bot.config import Settings
from bot.outgoing.context import base_context, requirement_notes
from bot.outgoing.digest import upcoming

SAMPLE_UNIT = {
    "code": "SYT",
    "name": "Đảng bộ Sở Y tế",
    "secretary": "Nguyễn Thị Hằng",
    "emails": ["dangbo.syt@thainguyen.gov.vn"],
}


def _missing(campaign: Campaign, deadline_id: str) -> list[MissingItem]:
    items = []
    for d in campaign.deliverables:
        if d.deadline != deadline_id:
            continue
        due = campaign.deadline_instant(deadline_id)
        nominees: tuple[NomineeRef, ...] = ()
        if d.scope == "nominee":
            nominees = tuple(
                n
                for n in (
                    NomineeRef("Khoa Hồi sức tích cực", "tap_the"),
                    NomineeRef("Trần Đức Lượng", "ca_nhan"),
                )
                if n.kind in d.nominee_kinds
            )
        items.append(MissingItem(d.id, d.name, deadline_id, due, d.scope, nominees, d.short_name))
    return items


def sample_context(kind: str, settings: Settings, campaign: Campaign, now: dt.datetime) -> dict[str, Any]:
    """A context for ``kind`` with plausible data (Đảng bộ Sở Y tế, Plan 120-KH/ĐUK)."""
    ctx = base_context(settings, campaign, now)
    first = campaign.deadlines[0]
    due = campaign.deadline_instant(first.id)
    if kind == "ack":
        d0 = campaign.deliverables[0]
        nominee_d = next((d for d in campaign.deliverables if d.scope == "nominee"), d0)
        ctx.update(
            unit=SAMPLE_UNIT,
            original_subject="V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác năm 2024",
            reply_subject="Re: V/v gửi hồ sơ đề nghị khen thưởng HT&LT Bác năm 2024",
            received_at=now - dt.timedelta(minutes=5),
            sender="vanphong.syt@gmail.com",
            nothing_recorded=False,
            drive_links=False,
            time_request=False,
            signatures=[
                "“Tờ trình khen thưởng 2024.pdf”: Đã ký số: Nguyễn Văn An (Đảng ủy Sở Y tế), 08:55 26/02/2024, hợp lệ"
            ],
            received=[
                {
                    "type": d0.id,
                    "deliverable": d0.name,
                    "nominee": None,
                    "files": ["Tờ trình khen thưởng 2024.pdf"],
                    "review": False,
                    "unreadable": False,
                    "late": False,
                },
                {
                    "type": nominee_d.id,
                    "deliverable": nominee_d.name,
                    "nominee": {"name": "Trần Đức Lượng", "kind": "ca_nhan"},
                    "files": ["BCTT Tran Duc Luong.docx"],
                    "review": True,
                    "unreadable": False,
                    "late": False,
                },
            ],
            unassigned=["scan0001.pdf"],
            other_papers=["Biên bản họp xét khen thưởng.docx"],
            none_readable=False,
            problems=[
                "Bản tóm tắt thành tích “Tóm tắt.docx” dài khoảng 0,8 trang A4; theo Kế hoạch tối đa 1/2 trang."
            ],
            owed=_missing(campaign, first.id)[2:] + _missing(campaign, campaign.deadlines[-1].id),
            deadlines=[{"label": d.label, "date": d.date} for d in campaign.deadlines],
            received_types=",".join([d0.id, nominee_d.id]),
        )
    elif kind in ("reminder", "overdue"):
        missing = _missing(campaign, first.id)[1:]
        ctx.update(
            kind=kind,
            unit=SAMPLE_UNIT,
            deadline={"id": first.id, "label": first.label},
            due=due,
            passed=now > due,
            days_left=max((due.astimezone(campaign.tz).date() - now.astimezone(campaign.tz).date()).days, 0),
            days_late=0 if kind == "reminder" else 1,
            missing=missing,
            pending=_missing(campaign, first.id)[:1],  # sent, being checked
            notes=requirement_notes(campaign, missing),
            extended=False,
        )
    elif kind == "holding":
        ctx.update(
            sender_name="Nguyễn Thu",
            original_subject="Gửi hồ sơ khen thưởng Sở Tài chính",
            reply_subject="Re: Gửi hồ sơ khen thưởng Sở Tài chính",
            received_at=now - dt.timedelta(minutes=5),
            unit_name="Đảng bộ Sở Tài chính",
            files=["To trinh STC.docx", "BCTT Nguyen Van Binh.pdf"],
        )
    elif kind == "notice":
        ctx.update(
            reason="flood",
            sender="vanphong.syt@gmail.com",
            unit_name=SAMPLE_UNIT["name"],
            limit=settings.smtp.max_acks_per_sender_per_hour,
        )
    elif kind == "digest":
        today = now.astimezone(campaign.tz).date()
        decisions = [
            {
                "kind": "time_request",
                "id": 11,
                "received_at": now - dt.timedelta(hours=20),
                "sender": "dangbo.stc@thainguyen.gov.vn",
                "subject": "Hồ sơ khen thưởng",
                "unit": "Đảng bộ Sở Tài chính",
                "suggested_unit": "",
                "files": 0,
                "holding_sent": False,
                "reason": "",
            },
            {
                "kind": "unverified",
                "id": 12,
                "received_at": now - dt.timedelta(hours=5),
                "sender": "nguyenvana1975@gmail.com",
                "subject": "Gửi hồ sơ khen thưởng",
                "unit": "",
                "suggested_unit": "Đảng bộ Cục Thuế tỉnh",
                "files": 3,
                "holding_sent": True,
                "reason": "",
            },
            {
                "kind": "quarantined",
                "id": 13,
                "received_at": now - dt.timedelta(hours=7),
                "sender": "unknown@example.com",
                "subject": "Hóa đơn",
                "unit": "",
                "suggested_unit": "",
                "files": 1,
                "holding_sent": False,
                "reason": "thư vượt quá dung lượng cho phép",
            },
            {
                "kind": "bounced",
                "address": "chibo.bdt@thainguyen.gov.vn",
                "unit": "Chi bộ Ban Dân tộc tỉnh",
                "last_at": now - dt.timedelta(hours=3),
            },
            {
                "kind": "failed",
                "mail_kind": "Thư nhắc",
                "unit": "Chi bộ Ban Dân tộc tỉnh",
                "recipients": "chibo.bdt@thainguyen.gov.vn",
                "subject": "Nhắc hạn gửi hồ sơ",
                "error": "550 5.1.1 mailbox unavailable",
                "created_at": now - dt.timedelta(days=1),
            },
            {"kind": "held", "count": 1},
        ]
        d0, nominee_d = (
            campaign.deliverables[0],
            next((d for d in campaign.deliverables if d.scope == "nominee"), campaign.deliverables[0]),
        )
        ctx.update(
            today=today,
            since=now - dt.timedelta(days=1),
            first=False,
            headlines=[
                {
                    "deadline_id": d.id,
                    "label": d.label,
                    "date": d.date,
                    "passed": now > campaign.deadline_instant(d.id),
                    "days_left": (d.date - today).days,
                    "complete": 4,
                    "partial": 3,
                    "nothing": 8,
                }
                for d in campaign.deadlines
            ],
            totals={"units": 15, "complete": 4},
            arrived={"files": 7, "units": 3, "late": 1, "review": 2},
            review_count=3,
            decisions=decisions,
            decisions_more=0,
            decision_count=len(decisions),
            changes=[
                {
                    "unit": "Chi bộ Sở Tư pháp",
                    "sent": [
                        {"deliverable": d0.name, "nominee": None, "files": 1, "late": False, "review": False},
                        {
                            "deliverable": nominee_d.name,
                            "nominee": {"name": "Bùi Văn Hùng", "kind": "ca_nhan"},
                            "files": 2,
                            "late": True,
                            "review": False,
                        },
                    ],
                    "problems": ["Bản tóm tắt thành tích dài quá mức quy định"],
                    "completed": [first.label],
                }
            ],
            changes_more=0,
            passed=[{"label": first.label, "date": first.date, "owing": 11}],
            junk={"spam": 2, "auto_reply": 3, "duplicate": 1, "total": 6},
            counts={"messages_seen": 42, "messages_processed": 40, "messages_quarantined": 2},
            health={
                "ok": False,
                "last_success_at": now - dt.timedelta(hours=2),
                "last_error": "connection refused",
            },
            upcoming=upcoming(campaign, today)[:3],
        )
    else:
        raise ValueError(f"no sample for mail kind {kind!r}")
    return ctx
