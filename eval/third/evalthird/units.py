"""The 26 units of the third corpus, their secretaries, addresses and nominees (all invented people).

Unit names are agencies of the Thái Nguyên Provincial Agencies Bloc; the people, addresses, aliases and
nominees are made up for this corpus.  `hdr` is the body line of the unit's document header, `sign` the
secretary's title in signature blocks.
"""
from __future__ import annotations

D, C, T = "dang_bo_co_so", "chi_bo_co_so", "doan_the"

# code: (name, kind, emails, secretary, aliases, hdr, sign title, style)
UNITS = {
    "SXD": ("Đảng bộ Sở Xây dựng", D, ["dangbo.sxd@thainguyen.gov.vn"], "Trịnh Văn Cường",
            ["Sở Xây dựng", "ĐU SXD"], "ĐẢNG ỦY SỞ XÂY DỰNG", "BÍ THƯ", "formal"),
    "SGTVT": ("Đảng bộ Sở Giao thông vận tải", D, ["vanphongdu.sgtvt@thainguyen.gov.vn"], "Lưu Văn Quyết",
              ["Sở GTVT", "Sở Giao thông"], "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI", "PHÓ BÍ THƯ", "formal_arial"),
    "STNMT": ("Đảng bộ Sở Tài nguyên và Môi trường", D, ["dangbo.stnmt@thainguyen.gov.vn"], "Hà Minh Tuấn",
              ["Sở TN&MT", "Sở TNMT"], "ĐẢNG ỦY SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "BÍ THƯ", "outlook_user"),
    "SVHTT": ("Đảng bộ Sở Văn hóa, Thể thao và Du lịch", D, ["dangbo.svhttdl@thainguyen.gov.vn"], "Đặng Thu Trang",
              ["Sở VHTTDL", "Sở Văn hóa"], "ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BÍ THƯ", "old_word"),
    "SLDTB": ("Đảng bộ Sở Lao động - Thương binh và Xã hội", D, ["dangbo.sldtbxh@gmail.com"], "Ngô Thị Xuân",
              ["Sở LĐTBXH", "Sở Lao động"], "ĐẢNG ỦY SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "BÍ THƯ", "sloppy"),
    "BHXH": ("Đảng bộ Bảo hiểm xã hội tỉnh", D, ["dangbo.bhxh@thainguyen.gov.vn"], "Phí Văn Hùng",
             ["BHXH tỉnh", "Bảo hiểm xã hội"], "ĐẢNG ỦY BẢO HIỂM XÃ HỘI TỈNH", "BÍ THƯ", "lo"),
    "DPTTH": ("Đảng bộ Đài Phát thanh - Truyền hình tỉnh", D, ["dangbo.trt@thainguyen.gov.vn"], "Lạc Thị Mai Anh",
              ["Đài PT-TH", "TNTV"], "ĐẢNG ỦY ĐÀI PHÁT THANH - TRUYỀN HÌNH TỈNH", "BÍ THƯ", "mac"),
    "BAOTN": ("Đảng bộ Báo Thái Nguyên", D, ["dangbo.baotn@thainguyen.gov.vn"], "Chu Văn Định",
              ["Báo Thái Nguyên", "Báo TN"], "ĐẢNG ỦY BÁO THÁI NGUYÊN", "BÍ THƯ", "lo"),
    "SKHDT": ("Đảng bộ Sở Kế hoạch và Đầu tư", D, ["dangbo.skhdt@thainguyen.gov.vn"], "Vi Thị Ngọc",
              ["Sở KH&ĐT", "Sở KHĐT"], "ĐẢNG ỦY SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "BÍ THƯ", "formal"),
    "TCT": ("Đảng bộ Trường Chính trị tỉnh", D, ["dangbo.truongchinhtri@thainguyen.gov.vn"], "Tạ Quang Vinh",
            ["Trường Chính trị", "TCT"], "ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ TỈNH", "BÍ THƯ", "outlook_user"),
    "NHNN": ("Đảng bộ Ngân hàng Nhà nước chi nhánh tỉnh Thái Nguyên", D, ["dangbo.nhnn.tng@thainguyen.gov.vn"],
             "Kiều Văn Sơn", ["NHNN tỉnh", "Ngân hàng Nhà nước"], "ĐẢNG ỦY NGÂN HÀNG NHÀ NƯỚC CHI NHÁNH TỈNH",
             "BÍ THƯ", "formal_arial"),
    "LMHTX": ("Chi bộ Liên minh Hợp tác xã tỉnh", C, ["chibo.lmhtx@thainguyen.gov.vn"], "Mạc Văn Lâm",
              ["Liên minh HTX", "LM HTX"], "CHI BỘ LIÊN MINH HỢP TÁC XÃ TỈNH", "BÍ THƯ", "formal"),
    "HLHPN": ("Chi bộ Hội Liên hiệp Phụ nữ tỉnh", C, ["chibo.hoiphunu@thainguyen.gov.vn"], "Triệu Thị Hằng",
              ["Hội Phụ nữ tỉnh", "Hội LHPN"], "CHI BỘ HỘI LIÊN HIỆP PHỤ NỮ TỈNH", "BÍ THƯ", "outlook_user"),
    "MTTQ": ("Chi bộ Cơ quan Ủy ban MTTQ Việt Nam tỉnh", C, ["chibo.mttq@thainguyen.gov.vn"], "Hứa Văn Bình",
             ["Mặt trận tỉnh", "UBMTTQ"], "CHI BỘ CƠ QUAN ỦY BAN MTTQ VIỆT NAM TỈNH", "BÍ THƯ", "formal"),
    "QDTPT": ("Chi bộ Quỹ Đầu tư phát triển tỉnh", C, ["chibo.quydtpt@thainguyen.gov.vn"], "Âu Thị Thanh",
              ["Quỹ ĐTPT", "Quỹ Đầu tư"], "CHI BỘ QUỸ ĐẦU TƯ PHÁT TRIỂN TỈNH", "BÍ THƯ", "formal"),
    "QLTT": ("Chi bộ Cục Quản lý thị trường tỉnh", C, ["chibo.cucqltt@thainguyen.gov.vn"], "Doãn Văn Khải",
             ["Cục QLTT", "QLTT"], "CHI BỘ CỤC QUẢN LÝ THỊ TRƯỜNG TỈNH", "BÍ THƯ", "old_word"),
    "VHNT": ("Chi bộ Hội Văn học Nghệ thuật tỉnh", C, ["hoivhnt.chibo@gmail.com"], "Khổng Minh Đức",
             ["Hội VHNT", "Hội Văn nghệ"], "CHI BỘ HỘI VĂN HỌC NGHỆ THUẬT TỈNH", "BÍ THƯ", "mac"),
    "CTD": ("Chi bộ Hội Chữ thập đỏ tỉnh", C, ["chibo.chuthapdo@thainguyen.gov.vn"], "Lường Thị Duyên",
            ["Hội CTĐ", "Chữ thập đỏ"], "CHI BỘ HỘI CHỮ THẬP ĐỎ TỈNH", "BÍ THƯ", "sloppy"),
    "LHHKH": ("Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", C, ["chibo.lienhiephoi@thainguyen.gov.vn"],
              "Tống Văn Hải", ["Liên hiệp hội", "LHH KH&KT"], "CHI BỘ LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH",
              "BÍ THƯ", "formal"),
    "BQLDA": ("Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh", C, ["chibo.bqlda@thainguyen.gov.vn"], "Nông Đức Mạnh",
              ["BQLDA tỉnh", "Ban QLDA"], "CHI BỘ BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG TỈNH", "BÍ THƯ", "formal_arial"),
    "HCC": ("Chi bộ Trung tâm Phục vụ hành chính công tỉnh", C, ["chibo.tthcc@thainguyen.gov.vn"], "Thân Thị Lý",
            ["Trung tâm HCC", "TTPVHCC"], "CHI BỘ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH", "BÍ THƯ", "mac"),
    "VPDBQH": ("Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh", C, ["chibo.vpdbqh@thainguyen.gov.vn"], "Lã Văn Toàn",
               ["VP Đoàn ĐBQH", "VP ĐĐBQH&HĐND"], "CHI BỘ VĂN PHÒNG ĐOÀN ĐBQH VÀ HĐND TỈNH", "BÍ THƯ", "outlook_user"),
    "TKTN": ("Chi bộ Cục Thống kê tỉnh", C, ["chibo.cucthongke@thainguyen.gov.vn"], "Ong Thị Bích",
             ["Cục Thống kê", "CTK"], "CHI BỘ CỤC THỐNG KÊ TỈNH", "BÍ THƯ", "lo"),
    "CCBK": ("Hội Cựu chiến binh Khối các cơ quan tỉnh", T, ["hoiccb.khoicqt@thainguyen.gov.vn"], "Hoàng Văn Khang",
             ["Hội CCB Khối", "CCB Khối"], "HỘI CỰU CHIẾN BINH KHỐI CÁC CƠ QUAN TỈNH", "CHỦ TỊCH", "veteran"),
    "CDVCT": ("Công đoàn Viên chức tỉnh", T, ["congdoanvienchuc@thainguyen.gov.vn"], "Đàm Thị Quyên",
              ["CĐVC tỉnh", "Công đoàn VC"], "CÔNG ĐOÀN VIÊN CHỨC TỈNH", "CHỦ TỊCH", "formal"),
    "DTN": ("Đoàn Thanh niên Khối các cơ quan tỉnh", T, ["doankhoi.cqt@thainguyen.gov.vn"], "Lê Hoàng Nam",
            ["Đoàn Khối", "Đoàn TN Khối"], "ĐOÀN TNCS HỒ CHÍ MINH KHỐI CÁC CƠ QUAN TỈNH", "BÍ THƯ", "youth"),
}

# Personal addresses of known secretaries/clerks (never registered)
PERSONAL = {
    "STNMT": ("Hà Minh Tuấn", "hamtuan.tnmt@gmail.com"),
    "HLHPN": ("Hằng Triệu", "trieuhang.pn1982@gmail.com"),
    "DTN": ("Nam Lê Hoàng", "lehoangnam.dtk@gmail.com"),
    "CCBK": ("Khang Hoàng", "hoangkhang.ccb@gmail.com"),
    "TCT": ("Văn thư TCT", "vanthu.tct2024@gmail.com"),
}
