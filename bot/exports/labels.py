"""Vietnamese words for states, kinds and verdicts, shared by the exports and the dashboard."""

from __future__ import annotations

STATUS_VI = {
    "received": "Đã nhận",
    "missing": "Còn thiếu",
    "needs_review": "Chờ xem xét",
}
FILE_STATUS_VI = {
    "received": "Đã nhận",
    "needs_review": "Chờ xem xét",
    "redo": "Yêu cầu gửi lại",
    "rejected": "Không chấp nhận",
}
NOMINEE_KIND_VI = {"tap_the": "Tập thể", "ca_nhan": "Cá nhân"}
LATE_VI = "Quá hạn"


def unit_kind_vi(campaign, kind: str) -> str:
    uk = campaign.unit_kinds.get(kind)
    return uk.name if uk else kind


def deliverable_label(campaign, deliverable_id: str, short: bool = True) -> str:
    """The plan's name for a deliverable id; unknown ids (free text) pass through."""
    try:
        d = campaign.deliverable(deliverable_id)
    except KeyError:
        return deliverable_id
    return d.short_name if short else d.name
