"""The words people read: Vietnamese labels for the bot's codes, and its fixed sentences.

Codes are English and stable (the database, the logs and the ``status --json`` contract
use them); every word a unit or the staff reads for one of them comes from here, so the
acknowledgments, the digest, the dashboard and the exports can never word the same thing
two ways.  Sentences that depend on the plan (a missing outline section, a quota) are
built by :mod:`bot.campaign.rules`; the names of deliverables and kinds of unit come from
the campaign file (:meth:`bot.campaign.model.Campaign.label`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class ReviewReason(StrEnum):
    """Why a mail waits for staff (``messages.review_reason``; quarantine adds ``: why``)."""

    UNKNOWN_UNIT = "unknown_unit"
    UNVERIFIED_SENDER = "unverified_sender"
    UNCERTAIN_TYPE = "uncertain_type"
    UNCERTAIN_NOMINEE = "uncertain_nominee"
    QUARANTINED = "quarantined"
    # The headers do not prove who sent the mail (``unauthenticated_sender: <SenderDoubt>``).
    UNAUTHENTICATED_SENDER = "unauthenticated_sender"
    # Some parts of the mail were not read (``parts_not_read``): over a limit of the parser.
    PARTS_NOT_READ = "parts_not_read"
    # Marked as sent by a program (Auto-Submitted, an auto-reply) yet carrying documents.
    AUTOMATIC_WITH_FILES = "automatic_with_files"
    TIME_REQUEST = "time_request"
    SIGNATURE_INVALID = "signature_invalid"

    @property
    def vi(self) -> str:
        return _REVIEW_REASONS_VI[self]


_REVIEW_REASONS_VI = {
    ReviewReason.UNKNOWN_UNIT: "Chưa xác định được đơn vị gửi",
    ReviewReason.UNVERIFIED_SENDER: "Địa chỉ gửi chưa đăng ký với đơn vị",
    ReviewReason.UNCERTAIN_TYPE: "Chưa chắc chắn loại hồ sơ hoặc người được đề nghị",
    ReviewReason.UNCERTAIN_NOMINEE: "Chưa xác định được hồ sơ của tập thể, cá nhân nào",
    ReviewReason.QUARANTINED: "Thư bị cách ly",
    ReviewReason.UNAUTHENTICATED_SENDER: "Chưa xác minh được người gửi",
    ReviewReason.PARTS_NOT_READ: "Có phần của thư hệ thống chưa đọc được",
    ReviewReason.AUTOMATIC_WITH_FILES: "Thư trả lời tự động có kèm tệp",
    ReviewReason.TIME_REQUEST: "Đơn vị xin gửi hồ sơ sau (cần quyết định gia hạn hay giữ thời hạn)",
    ReviewReason.SIGNATURE_INVALID: "Tài liệu ký số đã bị thay đổi sau khi ký",
}


class SenderDoubt(StrEnum):
    """Why a mail's headers do not prove its sender (:mod:`bot.intake.sender`, ``intake/authres``).

    A mail with a doubt is never counted for a unit nor answered: it waits for staff
    with the review reason ``unauthenticated_sender: <code>``.
    """

    SEVERAL_MAILBOXES = "several_mailboxes"
    ENCODED_ADDRESS = "encoded_address"
    NO_DOMAIN = "no_domain"
    UNPARSEABLE = "unparseable"
    NAME_HAS_OTHER_ADDRESS = "name_has_other_address"
    SENDER_DOMAIN_DIFFERS = "sender_domain_differs"
    NOT_AUTHENTICATED = "not_authenticated"
    AUTHENTICATION_FAILED = "authentication_failed"

    @property
    def vi(self) -> str:
        return _SENDER_DOUBTS_VI[self]


_SENDER_DOUBTS_VI = {
    SenderDoubt.SEVERAL_MAILBOXES: "trường người gửi (From) ghi nhiều hơn một địa chỉ",
    SenderDoubt.ENCODED_ADDRESS: "địa chỉ người gửi bị viết dưới dạng mã hóa, không phải một địa chỉ thư thật",
    SenderDoubt.NO_DOMAIN: "địa chỉ người gửi không có phần tên miền (@…)",
    SenderDoubt.UNPARSEABLE: "trường người gửi (From) sai cú pháp",
    SenderDoubt.NAME_HAS_OTHER_ADDRESS: "tên hiển thị của người gửi ghi một địa chỉ thư khác với địa chỉ gửi thật",
    SenderDoubt.SENDER_DOMAIN_DIFFERS: "trường Sender ghi người gửi thực tế thuộc tên miền khác",
    SenderDoubt.NOT_AUTHENTICATED: (
        "máy chủ thư của cơ quan không xác thực được (DMARC, DKIM, SPF) thư đến từ tên miền của người gửi"
    ),
    SenderDoubt.AUTHENTICATION_FAILED: (
        "máy chủ thư của cơ quan xác định thư mạo danh tên miền của người gửi (DMARC không đạt)"
    ),
}


def unauthenticated_sender_vi(doubt: SenderDoubt, shown_sender: str) -> str:
    """The problem sentence of a mail whose sender is not proven (for staff and status)."""
    who = f"«{shown_sender}»" if shown_sender else "không rõ"
    return (
        f"Chưa xác minh được người gửi thư ({who}): {doubt.vi}. Thư chờ cán bộ Ban Tuyên giáo xác minh; "
        "hồ sơ trong thư chưa được ghi nhận cho đơn vị nào và hệ thống không gửi thư báo đã nhận."
    )


def review_reason_vi(reason: str | None) -> str:
    """A stored review reason for staff: ``"quarantined: too_large: …"`` → "Thư bị cách ly: too_large: …"."""
    if not reason:
        return ""
    head, _, rest = reason.partition(":")
    try:
        known = ReviewReason(head.strip())
    except ValueError:
        return reason
    detail = rest.strip()
    if known == ReviewReason.UNAUTHENTICATED_SENDER and detail in SenderDoubt.__members__.values():
        detail = SenderDoubt(detail).vi
    return f"{known.vi}: {detail}" if detail else known.vi


class ProblemCode(StrEnum):
    """Problems found in what units sent; part of the ``status --json`` contract (add, never rename)."""

    OUTLINE_SECTION_MISSING = "outline_section_missing"
    SUMMARY_TOO_LONG = "summary_too_long"
    QUOTA_EXCEEDED = "quota_exceeded"
    UNVERIFIED_SENDER = "unverified_sender"
    UNREADABLE_FILE = "unreadable_file"
    REFUSED_TYPE = "refused_type"
    TOO_LARGE = "too_large"
    ARCHIVE_LIMIT = "archive_limit"
    UNSUPPORTED_ARCHIVE = "unsupported_archive"
    FILES_NOT_ATTACHED = "files_not_attached"
    NO_ATTACHMENT = "no_attachment"
    NEEDS_REVIEW = "needs_review"
    LATE = "late"
    PARTS_NOT_READ = "parts_not_read"
    AUTOMATIC_MAIL = "automatic_mail"
    SIGNATURE_INVALID = "signature_invalid"
    SIGNATURE_MISSING = "signature_missing"
    SIGNATURE_UNTRUSTED = "signature_untrusted"
    WRONG_DOCUMENT = "wrong_document"

    @property
    def heading_vi(self) -> str:
        """The kind of problem as a heading, where problems are counted rather than quoted."""
        return _PROBLEM_HEADINGS_VI[self]


_PROBLEM_HEADINGS_VI = {
    ProblemCode.OUTLINE_SECTION_MISSING: "Báo cáo còn thiếu mục so với đề cương",
    ProblemCode.SUMMARY_TOO_LONG: "Bản tóm tắt thành tích dài quá mức quy định",
    ProblemCode.QUOTA_EXCEEDED: "Số lượng đề nghị vượt quá quy định",
    ProblemCode.UNVERIFIED_SENDER: "Thư gửi từ địa chỉ chưa đăng ký",
    ProblemCode.UNREADABLE_FILE: "Tệp không đọc được",
    ProblemCode.REFUSED_TYPE: "Tệp có định dạng không được chấp nhận",
    ProblemCode.TOO_LARGE: "Tệp vượt quá dung lượng cho phép",
    ProblemCode.ARCHIVE_LIMIT: "Tệp nén vượt quá giới hạn giải nén",
    ProblemCode.UNSUPPORTED_ARCHIVE: "Tệp nén có định dạng không hỗ trợ",
    ProblemCode.FILES_NOT_ATTACHED: "Hồ sơ gửi bằng đường liên kết, không đính kèm tệp",
    ProblemCode.NO_ATTACHMENT: "Thư không đính kèm tệp",
    ProblemCode.NEEDS_REVIEW: "Hồ sơ chờ cán bộ xem xét",
    ProblemCode.LATE: "Hồ sơ nộp muộn",
    ProblemCode.PARTS_NOT_READ: "Thư có phần hệ thống chưa đọc",
    ProblemCode.AUTOMATIC_MAIL: "Thư do chương trình tự động gửi",
    ProblemCode.SIGNATURE_INVALID: "Tài liệu bị thay đổi sau khi ký số",
    ProblemCode.SIGNATURE_MISSING: "Tài liệu chưa được ký số",
    ProblemCode.SIGNATURE_UNTRUSTED: "Chữ ký số chưa hợp lệ",
    ProblemCode.WRONG_DOCUMENT: "Tệp không phải loại hồ sơ như tên tệp",
}
PROBLEM_OTHER_VI = "Vấn đề khác"


def problem_heading_vi(code: str) -> str:
    try:
        return ProblemCode(code).heading_vi
    except ValueError:
        return PROBLEM_OTHER_VI


# What a unit reads about a file refused or unusable at intake (``Attachment.problem``).
_ATTACHMENT_PROBLEMS_VI: dict[str, str] = {
    ProblemCode.REFUSED_TYPE: (
        "Tệp “{name}” thuộc loại không được chấp nhận (tệp chạy được, tập lệnh hoặc văn bản có macro)."
    ),
    ProblemCode.TOO_LARGE: "Tệp “{name}” vượt quá dung lượng cho phép.",
    ProblemCode.ARCHIVE_LIMIT: "Tệp nén “{name}” vượt giới hạn giải nén (số tệp, dung lượng hoặc độ sâu).",
    ProblemCode.UNSUPPORTED_ARCHIVE: (
        "Tệp nén “{name}” có định dạng hệ thống chưa đọc được; đề nghị gửi trực tiếp các tệp."
    ),
    ProblemCode.UNREADABLE_FILE: "Tệp “{name}” bị hỏng hoặc đặt mật khẩu nên không đọc được.",
}
ATTACHMENT_PROBLEM_CODES = frozenset(_ATTACHMENT_PROBLEMS_VI)


def wrong_document_vi(filename: str, title: str, deliverable_name: str) -> str:
    """A file named as one of the plan's documents whose own title says it is another paper."""
    return (
        f"Tệp “{filename}” có tiêu đề “{title}”, không phải {deliverable_name} như tên tệp, nên "
        "chưa được ghi nhận. Đề nghị đơn vị kiểm tra và gửi đúng tệp."
    )


# At most this many of a locked archive's file names are named in one sentence.
LOCKED_NAMES_SHOWN = 20


def attachment_problem_vi(
    code: str, filename: str, locked_members: Sequence[str] | None = None, locked_in: str | None = None
) -> str:
    """The sentence for a file intake refused or could not use, naming it.

    ``locked_members`` (``Attachment.locked_members``) are the file names an archive a
    password kept closed lists, ``()`` when it hides them too: the unit is told which
    documents to resend without a password, or that the bot cannot tell.  A file such an
    archive lists (``locked_in``: the archive) has its archive's sentence, said once.
    """
    if code == ProblemCode.UNREADABLE_FILE and locked_members is not None:
        return _locked_archive_vi(locked_in or filename, locked_members)
    template = _ATTACHMENT_PROBLEMS_VI.get(code, "Tệp “{name}” không xử lý được.")
    return template.format(name=filename)


def _locked_archive_vi(filename: str, members: Sequence[str]) -> str:
    if not members:
        return (
            f"Tệp nén “{filename}” được đặt mật khẩu, kể cả danh sách tệp bên trong, nên hệ thống "
            "không mở được và không biết tệp nén gồm những tệp nào; chưa tệp nào trong đó được ghi "
            "nhận. Đề nghị đơn vị gửi lại các tệp trong tệp nén này, không đặt mật khẩu."
        )
    shown = ", ".join(f"“{n}”" for n in members[:LOCKED_NAMES_SHOWN])
    more = f" và {len(members) - LOCKED_NAMES_SHOWN} tệp khác" if len(members) > LOCKED_NAMES_SHOWN else ""
    return (
        f"Tệp nén “{filename}” được đặt mật khẩu nên hệ thống không mở được; các tệp trong đó "
        f"chưa được ghi nhận: {shown}{more}. Đề nghị đơn vị gửi lại các tệp này, không đặt mật khẩu."
    )


def parts_not_read_vi(count: int, names: list[str]) -> str:
    """The mail had more parts (or deeper nesting) than intake reads; name what was left."""
    shown = ", ".join(f"«{n}»" for n in names)
    more = f" và {count - len(names)} phần khác" if count > len(names) else ""
    return (
        f"Thư có quá nhiều phần nên hệ thống chưa đọc {count} phần (tệp) của thư: {shown}{more}. "
        "Các tệp này chưa được ghi nhận; đề nghị gửi lại chúng trong thư khác (mỗi thư ít tệp hơn)."
    )


def automatic_with_files_vi() -> str:
    return (
        "Thư được đánh dấu là do chương trình tự động gửi (thư trả lời tự động) nhưng có kèm tệp; "
        "hồ sơ chờ cán bộ Ban Tuyên giáo xem xét, chưa được ghi nhận."
    )


NO_ATTACHMENT_VI = "Thư không có tệp đính kèm; hệ thống chưa ghi nhận hồ sơ nào."
FILES_NOT_ATTACHED_VI = (
    "Thư gửi đường liên kết tải tệp thay vì đính kèm tệp; hệ thống chưa ghi nhận hồ sơ nào."
)

# ``messages.reason`` of a mail the mail server's filter marked as spam (recorded, never answered).
SPAM_REASON = "spam"

NOMINEE_KINDS_VI = {"tap_the": "tập thể", "ca_nhan": "cá nhân"}


def nominee_kind_vi(kind: str | None, capital: bool = False) -> str:
    """ "tập thể" / "cá nhân" ("Tập thể" with ``capital``); an unknown kind passes through."""
    word = NOMINEE_KINDS_VI.get(kind or "")
    if word is None:
        return kind or ""
    return word.capitalize() if capital else word


def nominee_name_vi(name: str, awaiting_sender: bool = False) -> str:
    """A nominee's name as staff read it: one known only from a mail whose sender is not
    yet confirmed says so."""
    return f"{name} (chờ xác nhận người gửi)" if awaiting_sender else name


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
LATE_VI = "Quá hạn"
UNKNOWN_DELIVERABLE_VI = "Chưa xác định"

OUTBOX_KINDS_VI = {
    "ack": "Thư xác nhận",
    "holding": "Thư báo đã nhận, chờ xác minh đơn vị",
    "reminder": "Thư nhắc",
    "overdue": "Thông báo quá hạn",
    "digest": "Bản tổng hợp",
    "notice": "Thông báo",
}
OUTBOX_STATES_VI = {
    "pending": "Chờ gửi",
    "sending": "Đang gửi",
    "sent": "Đã gửi",
    "failed": "Lỗi",
    "held": "Tạm giữ",
}

# Quarantine reasons are recorded as English codes (for logs and tools); staff read these.
_QUARANTINE_VI = {
    "too_large": "thư vượt quá dung lượng cho phép",
    "internal_error": "lỗi hệ thống khi xử lý thư (đã ghi nhật ký để kiểm tra)",
    "unparseable": "thư sai định dạng, không đọc được",
    "document_crash": "tệp đính kèm làm hỏng bộ đọc văn bản (đã cách ly, cần kiểm tra thủ công)",
}


def quarantine_reason_vi(reason: str) -> str:
    code = reason.split(":", 1)[0].strip()
    return _QUARANTINE_VI.get(code, reason or "không rõ lý do")


# -- digital signatures (bot/documents/signatures.py) ------------------------------------
SIGNED_VI = "Đã ký số"
SIGNATURE_VERDICT_VI = {
    None: "hợp lệ",
    "altered": "tài liệu đã bị thay đổi sau khi ký",
    "expired": "chứng thư số đã hết hạn hoặc chưa có hiệu lực khi ký",
    "untrusted": "chứng thư số không do tổ chức chứng thực được Ban tin cậy cấp",
    "revoked": "chứng thư số đã bị thu hồi",
    "unreadable": "không đọc được chữ ký số",
}
SIGNATURE_NOT_CHECKED_VI = "nguyên vẹn (chưa kiểm tra chứng thư số: chưa cấu hình tổ chức chứng thực tin cậy)"


def signature_verdict_vi(problem: str | None, trusted: bool | None) -> str:
    """ "hợp lệ" or what is wrong with one signature, as the acknowledgment says it."""
    if problem is None and trusted is None:
        return SIGNATURE_NOT_CHECKED_VI
    return SIGNATURE_VERDICT_VI.get(problem, problem or "hợp lệ")


def signature_invalid_vi(filename: str) -> str:
    return (
        f"Tệp “{filename}” đã bị thay đổi sau khi ký số (chữ ký không còn giá trị); đề nghị đơn vị "
        "gửi lại bản đã ký số đúng."
    )


def signature_missing_vi(filename: str, deliverable: str) -> str:
    return f"{deliverable} “{filename}” phải là tệp PDF có chữ ký số; đề nghị đơn vị gửi lại bản đã ký số."


def signature_untrusted_vi(filename: str, verdict: str) -> str:
    return f"Chữ ký số trên tệp “{filename}” chưa hợp lệ ({verdict}); đề nghị đơn vị kiểm tra và gửi lại."
