"""Two plans of the 120-KH/ĐUK family written by hand, and what a draft of each must say.

``PLAN_2025`` is another year's plan: other dates, other quotas, the same outline, some
sentences worded differently ("chậm nhất ngày", "Mẫu số 07", "không quá 1/2 trang giấy
A4").  ``PLAN_CT05`` is a plan with a different outline (five parts, two evaluation
items), one more deliverable (the minutes of the unit's selection meeting) and a report
on Directive 05-CT/TW instead of Conclusion 01-KL/TW.  Each is a list of paragraphs;
``make_plans.py`` lays them out as a Party document and has LibreOffice write the .docx.
Lines starting with ``#`` are headings (bold, centred), ``> left | right`` the two-column
header.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

PLAN_2025 = """\
> ĐẢNG BỘ TỈNH THÁI NGUYÊN | ĐẢNG CỘNG SẢN VIỆT NAM
> ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH | Thái Nguyên, ngày 17 tháng 02 năm 2025
> Số 158-KH/ĐUK |
# KẾ HOẠCH
# đánh giá tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị năm 2024 - 2025 và biểu dương các tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025
Thực hiện Chương trình công tác năm 2025 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh và Hướng dẫn số 112-HD/BTGTU, ngày 10/02/2025 của Ban Tuyên giáo Tỉnh ủy Thái Nguyên, Ban Thường vụ Đảng ủy Khối ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Đánh giá khách quan, thực chất kết quả thực hiện Kết luận số 01-KL/TW năm 2024 - 2025; biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.
- Việc lựa chọn tập thể, cá nhân điển hình phải bảo đảm dân chủ, công khai, đúng tiêu chuẩn.
II. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW NĂM 2024 - 2025
- Các chi bộ, đảng ủy cơ sở, đoàn thể trực thuộc xây dựng báo cáo theo đề cương kèm theo và tổ chức đánh giá cùng hội nghị sơ kết quý I/2025.
III. CÔNG TÁC KHEN THƯỞNG NĂM 2025
1. Khen thưởng cấp Đảng bộ Khối
1.1. Số lượng đề nghị khen thưởng
- Mỗi đảng bộ cơ sở lựa chọn, đề xuất 02 tập thể và 01 cá nhân.
- Mỗi chi bộ cơ sở lựa chọn, đề xuất 01 cá nhân.
- Hội Cựu chiến binh Khối, Công đoàn Viên chức tỉnh, Đoàn TNCS Hồ Chí Minh Khối, mỗi tổ chức đoàn thể đề xuất 01 tập thể và 02 cá nhân.
Ban Thường vụ Đảng ủy Khối xét tặng Giấy khen cho 18 tập thể và 30 cá nhân tiêu biểu năm 2025.
1.2. Hồ sơ đề nghị khen thưởng
- Tờ trình đề nghị khen thưởng của chi bộ, đảng ủy cơ sở, Ban Thường vụ các đoàn thể thuộc Khối.
- Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng theo Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ. Báo cáo thành tích của cá nhân có xác nhận của cấp ủy cơ sở; kèm theo bản tóm tắt thành tích không quá 1/2 trang giấy A4.
- Bản sao Quyết định khen thưởng đã được tặng trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Quyết định xếp loại chất lượng đảng viên năm 2024 (đối với cá nhân).
1.3. Hình thức biểu dương
Ban Thường vụ Đảng ủy Khối tổ chức Hội nghị biểu dương. Thời gian dự kiến: Trong tháng 5/2025.
2. Đề xuất khen thưởng cấp trên
- Giới thiệu đề nghị tặng Bằng khen của Thủ tướng Chính phủ năm 2025. Thời gian thực hiện trước ngày 15/6/2025.
- Xét, giới thiệu điển hình tham gia Chương trình giao lưu cấp khu vực năm 2025. Thời gian thực hiện trước ngày 25/3/2025.
IV. TỔ CHỨC THỰC HIỆN
1. Đảng ủy Khối các cơ quan tỉnh
- Giao Ban Tuyên giáo Đảng ủy Khối tổng hợp danh sách các tập thể, cá nhân đề nghị khen thưởng trình Ban Thường vụ Đảng ủy Khối xem xét, quyết định. Thời gian ngày 12/3/2025.
2. Các chi bộ, đảng ủy cơ sở và các đoàn thể thuộc Khối
- Hồ sơ đề nghị khen thưởng gửi về Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) chậm nhất ngày 07/3/2025.
- Báo cáo tình hình thực hiện Kết luận số 01-KL/TW gửi Đảng ủy Khối (qua Ban Tuyên giáo) trước ngày 20/3/2025.
- Bản mềm các văn bản gửi qua thư điện tử theo địa chỉ tuyengiaokhoi@thainguyen.gov.vn.
> T/M BAN THƯỜNG VỤ | PHÓ BÍ THƯ
# ĐỀ CƯƠNG BÁO CÁO
# tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị năm 2024 - 2025
Thực hiện Kế hoạch số 158-KH/ĐUK, ngày 17/02/2025 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, chi bộ, đảng ủy... báo cáo kết quả thực hiện như sau:
I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW
Việc ban hành các văn bản lãnh đạo, chỉ đạo; đưa nội dung học tập và làm theo Bác vào chương trình công tác.
II. KẾT QUẢ THỰC HIỆN
1. Việc tổ chức nghiên cứu, học tập, quán triệt Kết luận số 01-KL/TW và chuyên đề năm 2025; số lượng người được học tập.
2. Kết hợp giữa học tập với làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; việc xây dựng, nhân rộng các điển hình tiêu biểu.
3. Thực hiện trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu cấp ủy các cấp.
4. Công tác tuyên truyền.
III. ĐÁNH GIÁ CHUNG
1. Ưu điểm và nguyên nhân.
2. Hạn chế, khó khăn, vướng mắc và nguyên nhân.
3. Bài học kinh nghiệm.
IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ
1. Nhiệm vụ, giải pháp
Phân tích bối cảnh, thuận lợi, khó khăn trong tình hình mới.
2. Đề xuất, kiến nghị
Kiến nghị với cấp trên để đẩy mạnh việc học tập và làm theo Bác.
"""

PLAN_2025_EXPECTED = {
    "reference": "158-KH/ĐUK",
    "intake_address": "tuyengiaokhoi@thainguyen.gov.vn",
    "deadlines": {"ho_so_khen_thuong": D(2025, 3, 7), "bao_cao_kl01": D(2025, 3, 20)},
    "deliverables": {
        "to_trinh": ("unit", "ho_so_khen_thuong", ()),
        "bao_cao_thanh_tich": ("nominee", "ho_so_khen_thuong", ("tap_the", "ca_nhan")),
        "tom_tat_thanh_tich": ("nominee", "ho_so_khen_thuong", ("tap_the", "ca_nhan")),
        "quyet_dinh_khen_thuong": ("nominee", "ho_so_khen_thuong", ("tap_the", "ca_nhan")),
        "quyet_dinh_xep_loai": ("nominee", "ho_so_khen_thuong", ("ca_nhan",)),
        "bao_cao_kl01": ("unit", "bao_cao_kl01", ()),
    },
    "quotas": {"dang_bo_co_so": (2, 1, 3), "chi_bo_co_so": (0, 1, 1), "doan_the": (1, 2, 3)},
    "summary": 0.5,
    "outline": ["I", "II", "III", "III.1", "III.2", "III.3", "IV"],
    "outline_deliverable": "bao_cao_kl01",
    "milestones": [D(2025, 3, 12), D(2025, 3, 25), D(2025, 6, 15)],
}

PLAN_CT05 = """\
> ĐẢNG BỘ TỈNH THÁI NGUYÊN | ĐẢNG CỘNG SẢN VIỆT NAM
> ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH | Thái Nguyên, ngày 03 tháng 3 năm 2025
> Số 165-KH/ĐUK |
# KẾ HOẠCH
# sơ kết việc thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị năm 2025 và biểu dương tập thể, cá nhân tiêu biểu
Căn cứ Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị; thực hiện Chương trình công tác năm 2025, Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Sơ kết kết quả thực hiện Chỉ thị số 05-CT/TW trong Đảng bộ Khối; lựa chọn, biểu dương các điển hình tiêu biểu.
II. NỘI DUNG
1. Sơ kết việc thực hiện Chỉ thị số 05-CT/TW
- Các chi bộ, đảng ủy cơ sở, đoàn thể trực thuộc xây dựng báo cáo theo đề cương gửi kèm Kế hoạch này.
2. Biểu dương, khen thưởng
2.1. Số lượng
- Mỗi đảng bộ cơ sở đề xuất không quá 02 cá nhân.
- Mỗi chi bộ cơ sở đề xuất 01 tập thể hoặc 01 cá nhân.
- Các đoàn thể thuộc Khối, mỗi tổ chức đoàn thể đề xuất 01 cá nhân.
2.2. Hồ sơ đề nghị biểu dương
- Tờ trình của chi bộ, đảng ủy cơ sở, Ban Thường vụ các đoàn thể.
- Biên bản họp xét đề nghị khen thưởng của chi bộ, đảng ủy cơ sở.
- Báo cáo thành tích của tập thể, cá nhân theo Mẫu 07, Nghị định 91/2017/NĐ-CP; bản tóm tắt thành tích không quá 01 trang A4.
- Bản sao các Quyết định khen thưởng đã được tặng và quyết định xếp loại đảng viên năm 2024.
III. TỔ CHỨC THỰC HIỆN
- Ban Tuyên giáo Đảng ủy Khối tổng hợp, báo cáo Ban Thường vụ Đảng ủy Khối kết quả sơ kết. Thời gian thực hiện trước ngày 10/4/2025.
- Hồ sơ đề nghị biểu dương gửi về Ban Tuyên giáo Đảng ủy Khối trước ngày 20/3/2025.
- Báo cáo kết quả thực hiện Chỉ thị số 05-CT/TW năm 2025 gửi về Đảng ủy Khối (qua Ban Tuyên giáo) trước ngày 31/3/2025.
- Văn bản điện tử gửi về hộp thư bantuyengiao.duk@thainguyen.gov.vn.
> T/M BAN THƯỜNG VỤ | BÍ THƯ
# ĐỀ CƯƠNG BÁO CÁO
# kết quả thực hiện Chỉ thị số 05-CT/TW năm 2025
Thực hiện Kế hoạch số 165-KH/ĐUK, ngày 03/3/2025 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, chi bộ, đảng ủy... báo cáo như sau:
I. ĐẶC ĐIỂM TÌNH HÌNH
Khái quát đặc điểm của cơ quan, đơn vị; thuận lợi, khó khăn.
II. KẾT QUẢ THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW
1. Công tác quán triệt, triển khai
Việc ban hành văn bản, tổ chức học tập chuyên đề năm 2025.
2. Việc làm theo và nêu gương
Các mô hình, điển hình, cách làm hay.
III. ĐÁNH GIÁ CHUNG
1. Ưu điểm.
2. Hạn chế và nguyên nhân.
IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026
Nêu các nhiệm vụ, giải pháp trọng tâm.
V. ĐỀ XUẤT, KIẾN NGHỊ
"""

PLAN_CT05_EXPECTED = {
    "reference": "165-KH/ĐUK",
    "intake_address": "bantuyengiao.duk@thainguyen.gov.vn",
    "deadlines": {"ho_so_bieu_duong": D(2025, 3, 20), "bao_cao_ct05": D(2025, 3, 31)},
    "deliverables": {
        "to_trinh": ("unit", "ho_so_bieu_duong", ()),
        "bien_ban_hop_xet": ("unit", "ho_so_bieu_duong", ()),
        "bao_cao_thanh_tich": ("nominee", "ho_so_bieu_duong", ("tap_the", "ca_nhan")),
        "tom_tat_thanh_tich": ("nominee", "ho_so_bieu_duong", ("tap_the", "ca_nhan")),
        "quyet_dinh_khen_thuong": ("nominee", "ho_so_bieu_duong", ("tap_the", "ca_nhan")),
        "quyet_dinh_xep_loai": ("nominee", "ho_so_bieu_duong", ("ca_nhan",)),
        "bao_cao_ct05": ("unit", "bao_cao_ct05", ()),
    },
    "quotas": {"dang_bo_co_so": (0, 2, 2), "chi_bo_co_so": (1, 1, 1), "doan_the": (0, 1, 1)},
    "summary": 1.0,
    "outline": ["I", "II", "III", "III.1", "III.2", "IV", "V"],
    "outline_deliverable": "bao_cao_ct05",
    "milestones": [D(2025, 4, 10)],
}
