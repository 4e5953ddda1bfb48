"""The audit log in Vietnamese words: who did what, said as a sentence (pure).

Audit rows keep English action codes and a JSON detail (stable, for tools); staff read
each as one sentence with the plan's and the units' names: "Chuyển tệp “BCTT.docx” từ
Báo cáo thành tích — Nguyễn Văn A sang Báo cáo thành tích — Nguyễn Văn An".  An action
this module does not know is still shown, with its details, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from bot.campaign.model import Campaign
from bot.vocabulary import nominee_kind_vi, quarantine_reason_vi

IGNORED_VI = {
    "auto_reply": "thư trả lời tự động",
    "bounce": "thư báo không gửi được",
    "own_mail": "thư do chính hệ thống gửi",
}


def actor_vi(actor: str) -> str:
    """ "web:canbo" → "canbo (trang theo dõi)", "bot" → "Hệ thống"."""
    if actor == "bot":
        return "Hệ thống"
    if actor.startswith("web:"):
        return f"{actor[4:]} (trang theo dõi)"
    if actor == "cli":
        return "Dòng lệnh"
    return f"{actor} (dòng lệnh)"


def _date(value: str | None) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def audit_sentence(
    action: str,
    entity_id: str | None,
    detail: Mapping[str, Any],
    campaign: Campaign,
    units: Mapping[str, str],
) -> str:
    """One audit entry as a Vietnamese sentence."""
    d = dict(detail or {})

    def unit(code: Any) -> str:
        return units.get(str(code), str(code)) if code else "(không rõ đơn vị)"

    def deliv(i: Any, kind: str | None = None) -> str:
        return campaign.label(str(i), kind=kind) if i else "(chưa xác định)"

    def place(p: Mapping[str, Any] | None) -> str:
        p = p or {}
        text = deliv(p.get("deliverable"))
        if p.get("nominee"):
            text += f" — {p['nominee']}"
        return f"{text} của {unit(p.get('unit'))}"

    def deadline_name(i: Any) -> str:
        try:
            return campaign.deadline(str(i)).label
        except KeyError:
            return str(i)

    say: dict[str, Callable[[], str]] = {
        "message_recorded": lambda: (
            f"Ghi nhận thư số {entity_id} của {unit(d.get('unit'))}, {d.get('files', 0)} tệp."
        ),
        "message_quarantined": lambda: (
            f"Cách ly thư số {entity_id}: {quarantine_reason_vi(d.get('reason', ''))}."
        ),
        "message_ignored": lambda: (
            f"Bỏ qua thư số {entity_id}: "
            f"{IGNORED_VI.get(str(d.get('reason', '')).split(':')[0], d.get('reason', ''))}."
        ),
        "message_duplicate": lambda: f"Thư số {entity_id} là bản trùng của thư đã nhận.",
        "units_import": lambda: (
            f"Nhập danh sách đơn vị: {d.get('added', 0)} đơn vị mới, {d.get('updated', 0)} đơn vị cập nhật."
        ),
        "unit_add_address": lambda: f"Đăng ký địa chỉ {d.get('email')} cho {unit(entity_id)}.",
        "review_assign": lambda: (
            f"Ghi nhận {len(d.get('submissions') or [])} tệp của thư số {entity_id} cho "
            f"{unit(d.get('unit'))}: "
            + "; ".join(deliv(x) for x in d.get("deliverables") or [])
            + (f" — {d['nominee']}" if d.get("nominee") else "")
            + ("; đăng ký địa chỉ gửi cho đơn vị" if d.get("address_added") else "")
            + "."
        ),
        "review_reject": lambda: (
            f"Không chấp nhận thư số {entity_id}, {d.get('files_rejected', 0)} tệp: {d.get('reason', '')}."
        ),
        "file_reject": lambda: (
            f"Không nhận tệp “{d.get('filename')}” của thư số {entity_id}: {d.get('reason', '')}."
        ),
        "file_accept": lambda: (
            f"Chấp nhận tệp “{d.get('filename')}”, {deliv(d.get('deliverable'))} của {unit(d.get('unit'))}."
        ),
        "file_redo": lambda: (
            f"Yêu cầu {unit(d.get('unit'))} gửi lại tệp “{d.get('filename')}”, "
            f"{deliv(d.get('deliverable'))}, chậm nhất trong ngày {_date(d.get('until'))}: {d.get('comment', '')}."
        ),
        "file_move": lambda: (
            f"Chuyển tệp “{d.get('filename')}” từ {place(d.get('previous'))} sang "
            f"{place(d.get('now_at'))}"
            + ("; tệp này cũ hơn tệp đang dùng ở đó nên được lưu vào lịch sử" if d.get("shadowed") else "")
            + "."
        ),
        "deadline_extend": lambda: (
            f"Gia hạn cho {unit(entity_id)}: "
            + (deliv(d.get("deliverable")) if d.get("deliverable") else deadline_name(d.get("deadline")))
            + f" đến hết ngày {_date(d.get('until'))}"
            + (f", trước đó đến ngày {_date(d.get('previous'))}" if d.get("previous") else "")
            + "."
        ),
        "nominee_rename": lambda: (
            f"Đổi tên “{(d.get('previous') or {}).get('name')}” thành "
            f"{nominee_kind_vi(d.get('kind'))} “{d.get('name')}”, {unit(d.get('unit'))}."
        ),
        "nomination_renamed": lambda: (
            f"Đổi tên “{d.get('old')}” thành “{d.get('new')}” theo Tờ trình của đơn vị."
        ),
        "nominee_merge": lambda: (
            f"Gộp “{d.get('source')}” vào “{d.get('target')}”, {unit(d.get('unit'))}; "
            f"chuyển {d.get('files', 0)} tệp."
        ),
        "nominee_withdraw": lambda: (
            f"Rút “{d.get('name')}” khỏi danh sách đề nghị của {unit(d.get('unit'))}: {d.get('reason', '')}."
        ),
        "nomination_withdrawn": lambda: (
            f"Rút “{d.get('name')}” khỏi danh sách đề nghị theo hồ sơ gửi lại "
            f"toàn bộ, thư số {d.get('by_message')}."
        ),
        "nominee_restore": lambda: (
            f"Khôi phục “{d.get('name')}” vào danh sách đề nghị của {unit(d.get('unit'))}."
        ),
        "time_request_grant": lambda: (
            f"Đồng ý cho {unit(d.get('unit'))} gửi "
            + "; ".join(d.get("deadlines") or [])
            + f" chậm nhất trong ngày {_date(d.get('until'))}"
            + ("; đã báo đơn vị" if d.get("notified") else "")
            + "."
        ),
        "time_request_keep": lambda: (
            f"Giữ nguyên thời hạn đối với đề nghị gửi hồ sơ sau của {unit(d.get('unit'))}"
            + ("; đã báo đơn vị" if d.get("notified") else "")
            + "."
        ),
        "outbox_release": lambda: f"Cho gửi tiếp {d.get('count', 0)} thư xác nhận đang tạm giữ.",
    }
    try:
        return say[action]()
    except KeyError:
        pass
    shown = "; ".join(f"{k}: {v}" for k, v in sorted(d.items()) if v not in (None, "", [], {}))
    return f"Thao tác “{action}”" + (f" ({shown})" if shown else "") + "."
