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
# Problem codes (bot.campaign.problems) as headings, where problems are counted rather
# than quoted one by one (the digest of a very large campaign).
PROBLEM_VI = {
    "outline_section_missing": "Báo cáo còn thiếu mục so với đề cương",
    "summary_too_long": "Bản tóm tắt thành tích dài quá mức quy định",
    "quota_exceeded": "Số lượng đề nghị vượt quá quy định",
    "unverified_sender": "Thư gửi từ địa chỉ chưa đăng ký",
    "unreadable_file": "Tệp không đọc được",
    "refused_type": "Tệp có định dạng không được chấp nhận",
    "too_large": "Tệp vượt quá dung lượng cho phép",
    "archive_limit": "Tệp nén vượt quá giới hạn giải nén",
    "unsupported_archive": "Tệp nén có định dạng không hỗ trợ",
    "files_not_attached": "Hồ sơ gửi bằng đường liên kết, không đính kèm tệp",
    "no_attachment": "Thư không đính kèm tệp",
    "needs_review": "Hồ sơ chờ cán bộ xem xét",
    "late": "Hồ sơ nộp muộn",
}
PROBLEM_OTHER_VI = "Vấn đề khác"


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
