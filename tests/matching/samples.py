"""Realistic document heads and mails for the matching tests, written the way units type them."""

from __future__ import annotations

from pathlib import Path

from bot.mail import InboundMessage

REPO = Path(__file__).resolve().parents[2]
PLAN = Path(__file__).resolve().parents[1] / "data" / "ke-hoach-120-KH-DUK-2024.txt"  # as published


def outline_text() -> str:
    """The plan's own report outline (đề cương), from its heading to the end."""
    if PLAN.exists():
        text = PLAN.read_text(encoding="utf-8")
        return text[text.index("ĐỀ CƯƠNG BÁO CÁO") :]
    return OUTLINE_FALLBACK


OUTLINE_FALLBACK = """ĐỀ CƯƠNG BÁO CÁO
I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW
II. KẾT QUẢ THỰC HIỆN
1. Việc tổ chức nghiên cứu, học tập, quán triệt Kết luận số 01-KL/TW.
III. ĐÁNH GIÁ CHUNG
1. Ưu điểm và nguyên nhân.
2. Hạn chế, khó khăn, vướng mắc và nguyên nhân.
3. Bài học kinh nghiệm.
IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ
"""


def header(unit_line: str = "ĐẢNG ỦY SỞ Y TẾ", number: str = "Số 12-TTr/ĐU") -> str:
    return (
        f"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\tĐẢNG CỘNG SẢN VIỆT NAM\n{unit_line}\n*\n{number}\n"
        "Thái Nguyên, ngày 20 tháng 02 năm 2024\n"
    )


def to_trinh(unit_line: str = "ĐẢNG ỦY SỞ Y TẾ") -> str:
    return header(unit_line) + (
        "TỜ TRÌNH\n"
        "Về việc đề nghị khen thưởng tập thể, cá nhân tiêu biểu trong học tập và làm theo\n"
        "tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024\n"
        "Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh\n"
        "Căn cứ Kế hoạch số 120-KH/ĐUK ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối;\n"
        "Đảng ủy đề nghị Ban Thường vụ Đảng ủy Khối xem xét, quyết định tặng Giấy khen cho:\n"
        "1. Tập thể: Chi bộ Phòng Nghiệp vụ Y, Đảng bộ Sở Y tế\n"
        "2. Cá nhân: Đồng chí Nguyễn Văn An, Trưởng phòng Tổ chức cán bộ\n"
        "(Có báo cáo thành tích, bản tóm tắt thành tích kèm theo)\n"
        "T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Thị Hằng\n"
    )


def bctt_ca_nhan(name: str = "Nguyễn Văn An") -> str:
    return header("ĐẢNG ỦY SỞ Y TẾ", "") + (
        "BÁO CÁO THÀNH TÍCH\n"
        "ĐỀ NGHỊ TẶNG GIẤY KHEN\n"
        "Thành tích trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024\n"
        "I. SƠ LƯỢC LÝ LỊCH\n"
        f"- Họ và tên: {name}\tGiới tính: Nam\n"
        "- Chức vụ: Trưởng phòng Tổ chức cán bộ\n"
        "II. THÀNH TÍCH ĐẠT ĐƯỢC\n"
        "Thực hiện Kết luận số 01-KL/TW của Bộ Chính trị, bản thân luôn gương mẫu...\n"
        "Kết quả xếp loại đảng viên năm 2023: Hoàn thành xuất sắc nhiệm vụ.\n"
    )


def bctt_tap_the(name: str = "Chi bộ Phòng Nghiệp vụ Y") -> str:
    return header("ĐẢNG ỦY SỞ Y TẾ", "") + (
        "BÁO CÁO THÀNH TÍCH\n"
        f"Đề nghị tặng Giấy khen của tập thể {name}\n"
        "trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024\n"
        f"I. ĐẶC ĐIỂM, TÌNH HÌNH\nTên tập thể: {name}\n"
        "Chi bộ có 15 đảng viên, đồng chí Bí thư chi bộ Trần Văn Bình...\n"
        "II. THÀNH TÍCH ĐẠT ĐƯỢC\nThực hiện Kết luận số 01-KL/TW...\n"
    )


def tom_tat(name: str = "Nguyễn Văn An") -> str:
    return header("ĐẢNG ỦY SỞ Y TẾ", "") + (
        "BẢN TÓM TẮT THÀNH TÍCH\n"
        "đề nghị Ban Thường vụ Đảng ủy Khối tặng Giấy khen\n"
        f"Họ và tên: {name}\nChức vụ: Trưởng phòng\n"
        "Tóm tắt thành tích: gương mẫu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n"
    )


def qd_khen_thuong(name: str = "Nguyễn Văn An") -> str:
    return (
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\nBAN THƯỜNG VỤ\n*\nSố 345-QĐ/ĐUK\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 15 tháng 5 năm 2023\n"
        "QUYẾT ĐỊNH\nVề việc tặng Giấy khen cho tập thể, cá nhân có thành tích tiêu biểu\n"
        "trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023\n"
        "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n"
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
        "- Xét đề nghị khen thưởng của Ban Tuyên giáo Đảng ủy Khối,\n"
        "QUYẾT ĐỊNH:\n"
        f"Điều 1. Tặng Giấy khen cho: đồng chí {name}, Trưởng phòng, Đảng bộ Sở Y tế\n"
    )


def qd_xep_loai(name: str = "Nguyễn Văn An") -> str:
    return header("ĐẢNG ỦY SỞ Y TẾ", "Số 56-QĐ/ĐU") + (
        "QUYẾT ĐỊNH\n"
        "Về việc công nhận kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023\n"
        "- Căn cứ Quy định số 124-QĐ/TW về kiểm điểm, đánh giá, xếp loại;\n"
        f"Điều 1. Công nhận đồng chí {name}, đảng viên Chi bộ Phòng Nghiệp vụ Y, "
        "xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2023.\n"
    )


def kl01_report(unit_line: str = "CHI BỘ SỞ NGOẠI VỤ") -> str:
    body = outline_text().split("\n", 4)[-1]  # drop the outline's own title lines
    return (
        header(unit_line, "Số 08-BC/CB")
        + (
            "BÁO CÁO\n"
            "Tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị\n"
            "về tiếp tục thực hiện Chỉ thị số 05-CT/TW năm 2023 - 2024\n"
        )
        + body
    )


def message(
    sender: str | None = "clerk.yte@gmail.com",
    subject: str = "Gửi hồ sơ",
    body: str = "Kính gửi Ban Tuyên giáo Đảng ủy Khối.\nXin gửi hồ sơ kèm theo.",
    from_name: str | None = None,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
) -> InboundMessage:
    return InboundMessage(
        message_id="<m1@test.example>",
        subject=subject,
        from_address=sender,
        from_name=from_name,
        to=["banbientapduk@thainguyen.gov.vn"],
        cc=[],
        reply_to=None,
        date_header=None,
        in_reply_to=in_reply_to,
        references=list(references),
        body_text=body,
        attachments=[],
    )
