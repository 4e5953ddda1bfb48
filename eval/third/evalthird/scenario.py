"""Who sends what in the third corpus: documents (Sc.doc) and mails (Sc.mail), in the shared DSL.

Deadlines: dossier end of 28/02/2024, KL01 end of 15/03/2024 (+07:00), judged by INTERNALDATE.
"""
from __future__ import annotations

from evalcorpus.dsl import A, E, F, Sc
from evalcorpus.mailers import INTAKE

from . import text as T
from .extra import EXTRA_FORMATS, EXTRA_LO  # noqa: F401  (read by build.py)
from .units import PERSONAL, UNITS


def N(key, kind, name, pos="", **kw):
    return dict(key=key, kind=kind, name=name, pos=pos, **kw)


NOM = {
    "SXD": [N("cl", "tap_the", "Chi bộ Phòng Quản lý chất lượng công trình xây dựng", "trực thuộc Đảng bộ Sở Xây dựng",
              leader="Vương Đình Chiến"),
            N("dung", "ca_nhan", "Hoàng Thị Thuỳ Dung", "Phó Chánh Văn phòng Sở Xây dựng", sex="Nữ")],
    "SGTVT": [N("vp", "tap_the", "Chi bộ Văn phòng Sở", "trực thuộc Đảng bộ Sở Giao thông vận tải", leader="Mã Thị Liên"),
              N("quyet", "ca_nhan", "Lưu Văn Quyết", "Phó Bí thư Đảng ủy, Giám đốc Sở Giao thông vận tải")],
    "STNMT": [N("dd", "tap_the", "Chi bộ Văn phòng Đăng ký đất đai", "trực thuộc Đảng bộ Sở Tài nguyên và Môi trường",
                leader="Kim Văn Thạch"),
              N("hien", "ca_nhan", "Ma Thị Hiền", "Trưởng phòng Quản lý đất đai", sex="Nữ", eth="Tày")],
    "SVHTT": [N("bt", "tap_the", "Chi bộ Bảo tàng tỉnh", "trực thuộc Đảng bộ Sở Văn hóa, Thể thao và Du lịch",
                leader="Giáp Văn Lực"),
              N("thuong", "ca_nhan", "Nguyễn Thị Hoài Thương", "Phó Giám đốc Thư viện tỉnh", sex="Nữ"),
              N("khanh", "ca_nhan", "Dương Quốc Khánh", "Trưởng phòng Quản lý thể dục thể thao")],
    "SLDTB": [N("vl", "tap_the", "Chi bộ Trung tâm Dịch vụ việc làm", "trực thuộc Đảng bộ Sở Lao động - Thương binh và Xã hội",
                leader="Hầu Văn Tiến"),
              N("luyen", "ca_nhan", "Hà Văn Luyện", "Chánh Thanh tra Sở Lao động - Thương binh và Xã hội", eth="Tày")],
    "BHXH": [N("thu", "tap_the", "Chi bộ Phòng Quản lý thu", "trực thuộc Đảng bộ Bảo hiểm xã hội tỉnh", leader="Cù Thị Vân"),
             N("anh", "ca_nhan", "Phạm Thị Ngọc Ánh", "Trưởng phòng Chế độ bảo hiểm xã hội", sex="Nữ")],
    "DPTTH": [N("ts", "tap_the", "Chi bộ Phòng Thời sự", "trực thuộc Đảng bộ Đài Phát thanh - Truyền hình tỉnh",
                leader="Hoàng Anh Tú"),
              N("hoang", "ca_nhan", "Lục Minh Hoàng", "Biên tập viên Phòng Chuyên đề", eth="Nùng")],
    "BAOTN": [N("dt", "tap_the", "Chi bộ Ban Điện tử", "trực thuộc Đảng bộ Báo Thái Nguyên", leader="Lê Xuân Trường"),
              N("nhung", "ca_nhan", "Vũ Thị Hồng Nhung", "Phó Trưởng ban Phóng viên", sex="Nữ")],
    "SKHDT": [N("dkkd", "tap_the", "Chi bộ Phòng Đăng ký kinh doanh", "trực thuộc Đảng bộ Sở Kế hoạch và Đầu tư",
                leader="Đào Thị Hạnh"),
              N("trang", "ca_nhan", "Đinh Công Tráng", "Trưởng phòng Tổng hợp, quy hoạch")],
    "TCT": [N("llcs", "tap_the", "Chi bộ Khoa Lý luận cơ sở", "trực thuộc Đảng bộ Trường Chính trị tỉnh",
              leader="Mẫn Văn Hòa"),
            N("phuong", "ca_nhan", "Quách Thị Lan Phương", "Giảng viên chính Khoa Xây dựng Đảng", sex="Nữ")],
    "NHNN": [N("huy", "ca_nhan", "Trần Quang Huy", "Phó Trưởng phòng Thanh tra, giám sát ngân hàng")],
    "LMHTX": [N("cb", "tap_the", "Chi bộ Liên minh Hợp tác xã tỉnh", "", leader="Mạc Văn Lâm")],
    "HLHPN": [N("hoa", "ca_nhan", "Bùi Thị Hoà", "Trưởng ban Tuyên giáo Hội LHPN tỉnh", sex="Nữ", eth="Mường")],
    "MTTQ": [],
    "QDTPT": [N("thinh", "ca_nhan", "La Văn Thịnh", "Phó Trưởng phòng Tín dụng đầu tư")],
    "QLTT": [N("cb", "tap_the", "Chi bộ Cục Quản lý thị trường tỉnh", "", leader="Doãn Văn Khải")],
    "VHNT": [N("khue", "ca_nhan", "Dương Thị Khuê", "Biên tập viên Tạp chí Văn nghệ Thái Nguyên", sex="Nữ")],
    "CTD": [N("sy", "ca_nhan", "Hoàng Văn Sỹ", "Phó Chủ tịch Hội Chữ thập đỏ tỉnh", eth="Sán Dìu")],
    "LHHKH": [N("cb", "tap_the", "Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "", leader="Tống Văn Hải"),
              N("thao", "ca_nhan", "Ninh Thị Thảo", "Chánh Văn phòng Liên hiệp hội", sex="Nữ")],
    "BQLDA": [N("hung", "ca_nhan", "Lý Văn Hưng", "Phó Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh")],
    "HCC": [N("cb", "tap_the", "Chi bộ Trung tâm Phục vụ hành chính công tỉnh", "", leader="Thân Thị Lý")],
    "VPDBQH": [N("huyen", "ca_nhan", "Đoàn Thị Thu Huyền", "Phó Trưởng phòng Công tác HĐND", sex="Nữ")],
    "TKTN": [N("cb", "tap_the", "Chi bộ Cục Thống kê tỉnh", "", leader="Ong Thị Bích")],
    "CCBK": [N("ty", "ca_nhan", "Nguyễn Văn Tỵ", "Chủ tịch Hội Cựu chiến binh cơ sở Sở Nội vụ", born="09/9/1962"),
             N("thanh", "ca_nhan", "Triệu Đức Thành", "Hội viên Hội Cựu chiến binh cơ sở Báo Thái Nguyên", born="02/3/1964",
               eth="Dao")],
    "CDVCT": [N("cdbh", "tap_the", "Công đoàn Bảo hiểm xã hội tỉnh", "", leader="Đàm Thị Quyên"),
              N("phuong", "ca_nhan", "Hà Thị Phượng", "Chủ tịch Công đoàn cơ sở Sở Nội vụ", sex="Nữ"),
              N("manh", "ca_nhan", "Tô Văn Mạnh", "Ủy viên Ban Chấp hành Công đoàn Viên chức tỉnh")],
    "DTN": [N("trang", "ca_nhan", "Mông Thị Thu Trang", "Bí thư Chi đoàn Sở Xây dựng", sex="Nữ", eth="Tày"),
            N("kiet", "ca_nhan", "Đỗ Tuấn Kiệt", "Phó Bí thư Đoàn Khối các cơ quan tỉnh")],
}

# people who share decisions with the nominees (other units' members, other organisations)
FILL_P = [("Đồng chí Nguyễn Đăng Khoa", "Đảng bộ Sở Nội vụ"), ("Đồng chí Trần Thị Mơ", "Chi bộ Sở Ngoại vụ"),
          ("Đồng chí Vi Văn Hạnh", "Đảng bộ Sở Y tế"), ("Đồng chí Lò Thị Én", "Chi bộ Hội Nông dân tỉnh")]
FILL_O = [("Chi bộ Phòng Kế hoạch - Tài chính", "Đảng bộ Sở Công Thương"),
          ("Chi bộ Trung tâm Kiểm soát bệnh tật", "Đảng bộ Sở Y tế")]
MEMBERS = ["Phan Văn Long", "Lê Thị Hải Yến", "Nguyễn Văn Thái", "Trương Thị Mai", "Đỗ Minh Châu",
           "Hoàng Văn Quý", "Lý Thị Sen", "Nguyễn Hữu Đạt", "Phùng Thị Hương", "Bạch Văn Tài", "Cao Thị Loan",
           "Dư Văn Phúc", "Tăng Thị Nga", "Ngô Văn Bảo", "Lương Thị Thoa", "Vũ Văn Hậu", "Đặng Thị Liễu",
           "Trịnh Văn Giang", "Hồ Thị Kim Oanh", "Mai Văn Toản", "Nông Thị Lệ", "Chu Văn Sáng", "Tô Thị Hường",
           "Lại Văn Thuần", "Quan Thị Nhàn", "Khúc Văn Ba", "Giang Thị Tươi", "Ninh Văn Khởi", "Âu Văn Dũng",
           "Hà Thị Thắm", "Bùi Văn Chinh", "Đinh Thị Loan", "Lê Văn Mạnh", "Phạm Thị Tuyết", "Kha Văn Nội",
           "Đường Thị Thủy", "Mạc Thị Lan", "Ứng Văn Phong", "Lục Thị Dần", "Sầm Văn Khải", "Y Thị Hoa",
           "Chúc Văn Định", "Thái Thị Hoàn", "Đàm Văn Khôi", "Văn Thị Gấm", "Viên Văn Toại"]


def n_of(code, key):
    return next(n for n in NOM[code] if n["key"] == key)


def cn(code):
    return [n for n in NOM[code] if n["kind"] == "ca_nhan"]


def tt(code):
    return [n for n in NOM[code] if n["kind"] == "tap_the"]


def reg(code, i=0):
    return (UNITS[code][3], UNITS[code][2][i])


def members_with(names, k, offset=0, level_of=None):
    """A rating list of k party members with the given names placed among others."""
    others = MEMBERS[offset:] + MEMBERS[:offset]
    rows = []
    names = list(names)
    step = max(1, k // (len(names) + 1))
    oi = 0
    for i in range(k):
        if names and i > 0 and i % step == 0:
            nm = names.pop(0)
            rows.append((nm, "", (level_of or {}).get(nm, T.LEVELS[0])))
        else:
            rows.append((others[oi % len(others)], "", T.LEVELS[(i + offset) % 2]))
            oi += 1
    for nm in names:
        rows.append((nm, "", T.LEVELS[0]))
    return rows


def cells(code, rows):
    """Fill the chi bộ column of a member list with the unit's cells."""
    pool = [n["name"] for n in tt(code)] + ["Chi bộ Văn phòng", "Chi bộ Phòng Tổ chức - Hành chính",
                                            "Chi bộ Phòng Kế hoạch - Tài chính"]
    return [(a, b or pool[i % len(pool)], c) for i, (a, b, c) in enumerate(rows)]


def build() -> Sc:
    S = Sc()
    d = S.doc
    D = "2024-02-"

    def std(code, date="23 tháng 02 năm 2024", layout="list", tt_no=None, confirm=True, tom_lines=6, **kw):
        """Register the usual documents of a unit (tt, bctt.*, tom.*)."""
        d(f"{code}/tt", T.to_trinh, code, NOM[code], tt_no or f"Số {10 + len(code)}-TTr/ĐU", date, layout, **kw)
        for n in NOM[code]:
            d(f"{code}/bctt.{n['key']}", T.bctt, code, n, date, confirm=confirm if n["kind"] == "ca_nhan" or code in SUBUNIT else False)
            d(f"{code}/tom.{n['key']}", T.tom_tat, code, n, tom_lines)

    SUBUNIT = {c for c, v in UNITS.items() if v[1] == "dang_bo_co_so"}

    # ============================================================== SXD (đảng bộ, Outlook)
    std("SXD", layout="table", tt_no="Số 86-TTr/ĐU")
    d("SXD/kt.tt", T.qd_khen, "SXD/kt.tt", "bloc", "Số 1127-QĐ/ĐUK", "15 tháng 4 năm 2022", 2022,
      [(n_of("SXD", "cl")["name"], "Đảng bộ Sở Xây dựng")], fillers=FILL_O)
    d("SXD/kt.dung", T.qd_khen, "SXD/kt.dung", "SXD", "Số 31-QĐ/ĐU", "19 tháng 5 năm 2023", 2023,
      [("Đồng chí Hoàng Thị Thuỳ Dung", "Văn phòng Sở")], st="formal",
      fillers=[("Đồng chí Phan Văn Long", "Phòng Quản lý nhà"), ("Đồng chí Lê Thị Hải Yến", "Thanh tra Sở")])
    d("SXD/xl.dv", T.qd_xl_dv, "SXD/xl.dv", "SXD", "Số 212-QĐ/ĐU", "22 tháng 12 năm 2023",
      cells("SXD", members_with(["Hoàng Thị Thuỳ Dung"], 9)))
    d("SXD/xl.tc", T.qd_xl_tc, "SXD/xl.tc", "SXD", "Số 213-QĐ/ĐU", "22 tháng 12 năm 2023",
      [(n_of("SXD", "cl")["name"], T.LEVELS[0]), ("Chi bộ Văn phòng Sở", T.LEVELS[1]),
       ("Chi bộ Thanh tra Sở", T.LEVELS[0]), ("Chi bộ Phòng Quản lý nhà và thị trường bất động sản", T.LEVELS[1])],
      st="formal")
    d("SXD/kl01", T.kl01, "SXD", "Số 140-BC/ĐU", "11 tháng 3 năm 2024")
    S.mail("t01", "2024-02-23T09:12:41+07:00", "outlook", ("Văn phòng Đảng ủy Sở Xây dựng", UNITS["SXD"][2][0]),
           "V/v gửi hồ sơ đề nghị khen thưởng học tập và làm theo Bác năm 2024",
           "Kính gửi: Ban Tuyên giáo Đảng ủy Khối\n\nThực hiện Kế hoạch số 120-KH/ĐUK, Đảng ủy Sở Xây dựng gửi hồ sơ đề nghị "
           "khen thưởng 01 tập thể (Chi bộ Phòng QLCL công trình) và 01 cá nhân (đ/c Thùy Dung) gồm tờ trình, báo cáo "
           "thành tích, tóm tắt và các quyết định.\n\nTrân trọng!\nVăn phòng Đảng ủy Sở Xây dựng\nĐT: 0208.3855.214",
           [F("To trinh khen thuong HCM 2024.docx", "SXD/tt"),
            F("BCTT Chi bo QLCL.docx", "SXD/bctt.cl"), F("Tom tat Chi bo QLCL.docx", "SXD/tom.cl"),
            F("BCTT Hoang Thi Thùy Dung.docx", "SXD/bctt.dung"), F("Tóm tắt thành tích - Thùy Dung.docx", "SXD/tom.dung"),
            F("QD GK 2022 chi bo QLCL.pdf", "SXD/kt.tt", "scan", dpi=200),
            F("QĐ khen Thùy Dung 2023.pdf", "SXD/kt.dung", "scan", dpi=150),
            F("QĐ xếp loại ĐV 2023.pdf", "SXD/xl.dv", "scan", dpi=150, gray=True),
            F("QĐ xếp loại TCĐ 2023.pdf", "SXD/xl.tc", "scan", dpi=150, gray=True)])
    S.mail("t40", "2024-03-12T10:05:11+07:00", "outlook", ("Văn phòng Đảng ủy Sở Xây dựng", UNITS["SXD"][2][0]),
           "Báo cáo thực hiện Kết luận 01-KL/TW - Đảng ủy Sở Xây dựng",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở Xây dựng gửi Báo cáo số 140-BC/ĐU.\nTrân trọng.",
           [F("BC 140 KL01.docx", "SXD/kl01")])

    # ============================================================== SGTVT (đảng bộ, Zimbra; nominee signs)
    d("SGTVT/tt", T.to_trinh, "SGTVT", NOM["SGTVT"], "Số 52-TTr/ĐU", "24 tháng 02 năm 2024", "list")
    d("SGTVT/bctt.vp", T.bctt, "SGTVT", n_of("SGTVT", "vp"), "24 tháng 02 năm 2024", confirm=True)
    d("SGTVT/bctt.quyet", T.bctt, "SGTVT", n_of("SGTVT", "quyet"), "24 tháng 02 năm 2024", confirm=True,
      confirm_by=("Mã Thị Liên", "BÍ THƯ"))
    d("SGTVT/tom.vp", T.tom_tat, "SGTVT", n_of("SGTVT", "vp"), 15)
    d("SGTVT/tom.vp2", T.tom_tat, "SGTVT", n_of("SGTVT", "vp"), 6, dkey="SGTVT/tom.vp2")
    d("SGTVT/tom.quyet", T.tom_tat, "SGTVT", n_of("SGTVT", "quyet"), 7)
    d("SGTVT/kt.all", T.qd_khen, "SGTVT/kt.all", "SGTVT", "Số 18-QĐ/ĐU", "12 tháng 5 năm 2023", 2023,
      [("Chi bộ Văn phòng Sở", "Đảng bộ Sở GTVT"), ("Đồng chí Lưu Văn Quyết", "Ban Giám đốc Sở")], st="formal_arial",
      fillers=[("Đồng chí Phan Văn Long", "Phòng Quản lý vận tải")])
    d("SGTVT/xl.dv", T.qd_xl_dv, "SGTVT/xl.dv", "SGTVT", "Số 97-QĐ/ĐU", "26 tháng 12 năm 2023",
      cells("SGTVT", members_with(["Lưu Văn Quyết"], 12, 3)), st=T._st("formal_arial"))
    d("SGTVT/xl.tc", T.qd_xl_tc, "SGTVT/xl.tc", "SGTVT", "Số 98-QĐ/ĐU", "26 tháng 12 năm 2023",
      [("Chi bộ Văn phòng Sở", T.LEVELS[0]), ("Chi bộ Thanh tra Sở", T.LEVELS[1]), ("Chi bộ Phòng Kế hoạch", T.LEVELS[0])],
      style_="cong_nhan", st="formal_arial")
    d("SGTVT/kl01", T.kl01, "SGTVT", "Số 77-BC/ĐU", "13 tháng 3 năm 2024", omit=("III.3",))
    fg = ("Văn phòng Đảng ủy Sở GTVT", UNITS["SGTVT"][2][0])
    S.mail("t05", "2024-02-26T08:47:02+07:00", "zimbra", fg, "Ho so khen thuong HT&LT Bac 2024 (dot 1 - tap the)",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy Sở GTVT gửi trước Tờ trình và hồ sơ của tập thể Chi bộ "
           "Văn phòng Sở. Hồ sơ của cá nhân đồng chí Giám đốc sẽ gửi trong ngày mai.\nTrân trọng.",
           [F("TTr 52 - Dang uy So GTVT.pdf", "SGTVT/tt", "scan", dpi=200),
            F("01 BCTT tap the CB Van phong.docx", "SGTVT/bctt.vp"),
            F("02 Tom tat tap the.docx", "SGTVT/tom.vp"),
            F("03 QD ghi nhan HTXSNV 2023.pdf", "SGTVT/xl.tc", "scan", dpi=150)])
    S.mail("t06", "2024-02-27T15:20:40+07:00", "zimbra", fg, "Ho so khen thuong HT&LT Bac 2024 (dot 2 - ca nhan)",
           "Kính gửi Ban Tuyên giáo,\nVăn phòng gửi tiếp hồ sơ cá nhân đồng chí Lưu Văn Quyết và Quyết định khen "
           "thưởng năm 2023 (Quyết định khen cả tập thể và cá nhân).\nTrân trọng.",
           [F("BCTT ca nhan - Luu Van Quyet.docx", "SGTVT/bctt.quyet"),
            F("Tom tat ca nhan.docx", "SGTVT/tom.quyet"),
            F("QD khen thuong 2023.pdf", "SGTVT/kt.all", "scan", dpi=200),
            F("QD xep loai dang vien 2023.pdf", "SGTVT/xl.dv", "scan", dpi=150)], in_reply_to="t05")
    S.mail("t07", "2024-02-28T16:02:10+07:00", "zimbra", fg, "Gui lai tom tat thanh tich tap the (ban rut gon)",
           "Kính gửi Ban Tuyên giáo,\nTheo hướng dẫn qua điện thoại, Văn phòng gửi lại bản tóm tắt thành tích của tập thể "
           "Chi bộ Văn phòng Sở đã rút gọn còn nửa trang, thay thế bản gửi ngày 26/02.\nTrân trọng.",
           [F("02 Tom tat tap the (sua).docx", "SGTVT/tom.vp2")])
    S.mail("t45", "2024-03-14T09:30:00+07:00", "zimbra", fg, "Bao cao KL01 - DU So GTVT",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở GTVT gửi báo cáo số 77-BC/ĐU.\nTrân trọng.",
           [F("77-BC KL01.pdf", "SGTVT/kl01", "pdf")])

    # ============================================================== STNMT (đảng bộ, 7z with folders; KL01 from Gmail)
    std("STNMT", date="26 tháng 02 năm 2024", layout="table", tt_no="Số 64-TTr/ĐU")
    d("STNMT/kt.hien", T.qd_khen, "STNMT/kt.hien", "STNMT", "Số 09-QĐ/ĐU", "17 tháng 5 năm 2023", 2023,
      [("Đồng chí Ma Thị Hiền", "Phòng Quản lý đất đai"), ("Chi bộ Văn phòng Đăng ký đất đai", "Đảng bộ Sở")],
      st="outlook_user", fillers=[("Đồng chí Nguyễn Văn Thái", "Chi cục Bảo vệ môi trường")])
    d("STNMT/xl.dv", T.qd_xl_dv, "STNMT/xl.dv", "STNMT", "Số 120-QĐ/ĐU", "25 tháng 12 năm 2023",
      cells("STNMT", members_with(["Ma Thị Hiền"], 10, 6)))
    d("STNMT/xl.tc", T.qd_xl_tc, "STNMT/xl.tc", "STNMT", "Số 121-QĐ/ĐU", "25 tháng 12 năm 2023",
      [("Chi bộ Văn phòng Đăng ký đất đai", T.LEVELS[0]), ("Chi bộ Chi cục Bảo vệ môi trường", T.LEVELS[1])],
      st="outlook_user")
    d("STNMT/kl01", T.kl01, "STNMT", "Số 155-BC/ĐU", "15 tháng 3 năm 2024", appendix_note=True)
    d("STNMT/kl01.pl", T.kl01_appendix, "STNMT", "15 tháng 3 năm 2024")
    S.mail("t08", "2024-02-27T10:15:33+07:00", "outlook", ("Đảng ủy Sở TN&MT", UNITS["STNMT"][2][0]),
           "Đảng ủy Sở TN&MT gửi hồ sơ khen thưởng học tập và làm theo Bác",
           "Kính gửi Ban Tuyên giáo ĐUK,\nĐảng ủy Sở Tài nguyên và Môi trường gửi hồ sơ đề nghị khen thưởng (file nén 7z, "
           "mỗi tập thể/cá nhân một thư mục).\nTrân trọng cảm ơn!",
           [A("HS khen thuong DU So TNMT 2024.7z", "7z", [
               ("HS khen thuong 2024/To trinh 64.docx", F("x", "STNMT/tt")),
               ("HS khen thuong 2024/1. Tap the - CB VP Dang ky dat dai/Bao cao thanh tich.docx", F("x", "STNMT/bctt.dd")),
               ("HS khen thuong 2024/1. Tap the - CB VP Dang ky dat dai/Tom tat.docx", F("x", "STNMT/tom.dd")),
               ("HS khen thuong 2024/1. Tap the - CB VP Dang ky dat dai/QD xep loai TCD.pdf", F("x", "STNMT/xl.tc", "scan")),
               ("HS khen thuong 2024/2. Ca nhan - Ma Thi Hien/Bao cao thanh tich.docx", F("x", "STNMT/bctt.hien")),
               ("HS khen thuong 2024/2. Ca nhan - Ma Thi Hien/Tom tat.docx", F("x", "STNMT/tom.hien")),
               ("HS khen thuong 2024/2. Ca nhan - Ma Thi Hien/QD xep loai DV.pdf", F("x", "STNMT/xl.dv", "scan")),
               ("HS khen thuong 2024/QD khen thuong 2023 (ca 2).pdf", F("x", "STNMT/kt.hien", "scan", dpi=200))])])
    S.mail("t09", "2024-03-15T22:14:05+07:00", "gmail", PERSONAL["STNMT"],
           "Báo cáo KL01",
           "Em gửi báo cáo KL01 và phụ lục ạ. Mạng cơ quan bị lỗi nên em gửi bằng mail cá nhân.",
           [F("Bao cao KL01 nam 2024.docx", "STNMT/kl01"), F("Phu luc so lieu.docx", "STNMT/kl01.pl")])

    # ============================================================== SVHTT (over quota 1+2, .doc, one decision for all)
    d("SVHTT/tt", T.to_trinh, "SVHTT", NOM["SVHTT"], "Số 71-TTr/ĐU", "26 tháng 02 năm 2024", "table")
    for n in NOM["SVHTT"]:
        d(f"SVHTT/bctt.{n['key']}", T.bctt, "SVHTT", n, "26 tháng 02 năm 2024", confirm=True)
    d("SVHTT/tom.bt", T.tom_tat, "SVHTT", n_of("SVHTT", "bt"), 6)
    d("SVHTT/tom.thuong", T.tom_tat, "SVHTT", n_of("SVHTT", "thuong"), 12)
    d("SVHTT/tom.khanh", T.tom_tat, "SVHTT", n_of("SVHTT", "khanh"), 7)
    d("SVHTT/kt.all", T.qd_khen, "SVHTT/kt.all", "SVHTT", "Số 44-QĐ/ĐU", "18 tháng 5 năm 2023", 2023,
      [("Chi bộ Bảo tàng tỉnh", "Đảng bộ Sở"), ("Đồng chí Nguyễn Thị Hoài Thương", "Thư viện tỉnh"),
       ("Đồng chí Dương Quốc Khánh", "Phòng Quản lý TDTT")], st="old_word")
    d("SVHTT/xl.dv", T.qd_xl_dv, "SVHTT/xl.dv", "SVHTT", "Số 188-QĐ/ĐU", "27 tháng 12 năm 2023",
      cells("SVHTT", members_with(["Nguyễn Thị Hoài Thương", "Dương Quốc Khánh"], 11, 9)))
    d("SVHTT/xl.tc", T.qd_xl_tc, "SVHTT/xl.tc", "SVHTT", "Số 189-QĐ/ĐU", "27 tháng 12 năm 2023",
      [("Chi bộ Bảo tàng tỉnh", T.LEVELS[0]), ("Chi bộ Thư viện tỉnh", T.LEVELS[0]), ("Chi bộ Nhà hát", T.LEVELS[1])],
      st="old_word")
    d("SVHTT/kl01", T.kl01_brief, "SVHTT", "Số 93-BC/ĐU", "18 tháng 3 năm 2024")
    fv = ("Đảng ủy Sở VHTTDL", UNITS["SVHTT"][2][0])
    S.mail("t10", "2024-02-26T14:40:19+07:00", "outlook", fv, "Hồ sơ khen thưởng - Đảng ủy Sở VHTTDL",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy Sở VHTTDL gửi hồ sơ đề nghị khen thưởng 01 tập thể và 02 cá nhân. "
           "Do đơn vị có hai đồng chí đều tiêu biểu, kính mong Ban xem xét.\nTrân trọng.",
           [F("TTr 71.doc", "SVHTT/tt", "doc"),
            F("BCTT Bao tang.doc", "SVHTT/bctt.bt", "doc"), F("BCTT Hoai Thuong.doc", "SVHTT/bctt.thuong", "doc"),
            F("BCTT Quoc Khanh.doc", "SVHTT/bctt.khanh", "doc"),
            F("TT Bao tang.doc", "SVHTT/tom.bt", "doc"), F("TT Hoai Thuong.doc", "SVHTT/tom.thuong", "doc"),
            F("TT Quoc Khanh.doc", "SVHTT/tom.khanh", "doc"),
            F("QD khen 2023 (3 tap the ca nhan).pdf", "SVHTT/kt.all", "scan", dpi=150),
            F("QD XL dang vien 2023.pdf", "SVHTT/xl.dv", "scan", dpi=150),
            F("QD XL to chuc dang 2023.pdf", "SVHTT/xl.tc", "scan", dpi=150)])
    S.mail("t46", "2024-03-18T08:25:44+07:00", "outlook", fv, "Báo cáo nhanh KL01",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở VHTTDL gửi báo cáo. Xin lỗi Ban vì gửi chậm.\nTrân trọng.",
           [F("BC nhanh 93.doc", "SVHTT/kl01", "doc")])

    # ============================================================== SLDTB (đảng bộ; gmail is registered; photos PDF)
    std("SLDTB", date="26 tháng 02 năm 2024", layout="sentence", tt_no="Số 39-TTr/ĐU")
    d("SLDTB/kt.tt", T.qd_khen, "SLDTB/kt.tt", "bloc", "Số 1098-QĐ/ĐUK", "14 tháng 4 năm 2022", 2022,
      [("Chi bộ Trung tâm Dịch vụ việc làm", "Đảng bộ Sở LĐTBXH"), ("Đồng chí Hà Văn Luyện", "Đảng bộ Sở LĐTBXH")],
      fillers=FILL_P[:2])
    d("SLDTB/xl.dv", T.qd_xl_dv, "SLDTB/xl.dv", "SLDTB", "Số 301-QĐ/ĐU", "28 tháng 12 năm 2023",
      cells("SLDTB", members_with([], 38, 2) + [("Hà Văn Luyện", "", T.LEVELS[0]), ("Phạm Thị Tuyết", "", T.LEVELS[1])]))
    d("SLDTB/xl.tc", T.qd_xl_tc, "SLDTB/xl.tc", "SLDTB", "Số 302-QĐ/ĐU", "28 tháng 12 năm 2023",
      [("Chi bộ Trung tâm Dịch vụ việc làm", T.LEVELS[0]), ("Chi bộ Cơ sở cai nghiện ma túy", T.LEVELS[0])],
      style_="cong_nhan", st="sloppy")
    fl = ("Dang uy So LDTBXH", UNITS["SLDTB"][2][0])
    S.mail("t12", "2024-02-27T07:58:12+07:00", "gmail", fl, "ho so khen thuong hoc tap lam theo Bac",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối.\nĐảng ủy Sở LĐTBXH gửi hồ sơ khen thưởng ạ.\nQuyết định khen thưởng "
           "chụp bằng điện thoại nên hơi mờ, bản gốc đơn vị sẽ nộp trực tiếp.",
           [F("to trinh.pdf", "SLDTB/tt", "scan", dpi=200),
            F("bao cao thanh tich TT dich vu viec lam.docx", "SLDTB/bctt.vl"),
            F("bao cao thanh tich dc Luyen.docx", "SLDTB/bctt.luyen"),
            F("tom tat TT DVVL.docx", "SLDTB/tom.vl"), F("tom tat dc Luyen.docx", "SLDTB/tom.luyen"),
            F("QD khen thuong.pdf", "SLDTB/kt.tt", "photos-pdf"),
            F("xep loai dang vien.pdf", "SLDTB/xl.dv", "scan", dpi=150, gray=True),
            F("cong nhan HTXSNV.pdf", "SLDTB/xl.tc", "scan", dpi=150)])
    S.mail("t13", "2024-03-01T09:40:27+07:00", "gmail", fl, "Gui lai toan bo ho so khen thuong (thay the ban ngay 27/2)",
           "Kính gửi Ban Tuyên giáo.\nĐảng ủy Sở LĐTBXH xin gửi lại toàn bộ hồ sơ (bản PDF có chữ ký) để thay thế các "
           "tệp đã gửi ngày 27/02/2024.\nTrân trọng!",
           [F("1. To trinh 39.pdf", "SLDTB/tt", "pdf"), F("2. BCTT tap the.pdf", "SLDTB/bctt.vl", "pdf"),
            F("3. BCTT ca nhan.pdf", "SLDTB/bctt.luyen", "pdf"), F("4. Tom tat tap the.pdf", "SLDTB/tom.vl", "pdf"),
            F("5. Tom tat ca nhan.pdf", "SLDTB/tom.luyen", "pdf"), F("6. QD khen thuong.pdf", "SLDTB/kt.tt", "scan", dpi=200),
            F("7. QD xep loai DV.pdf", "SLDTB/xl.dv", "scan", dpi=200), F("8. QD HTXSNV.pdf", "SLDTB/xl.tc", "scan", dpi=200)])
    # ============================================================== BHXH (LibreOffice user; rotated scan; pasted scan)
    std("BHXH", date="27 tháng 02 năm 2024", layout="list", tt_no="Số 25-TTr/ĐU")
    d("BHXH/kt.anh", T.qd_khen, "BHXH/kt.anh", "BHXH", "Số 12-QĐ/ĐU", "10 tháng 5 năm 2023", 2023,
      [("Đồng chí Phạm Thị Ngọc Ánh", "Phòng Chế độ BHXH")], st="lo",
      fillers=[("Đồng chí Cao Thị Loan", "Phòng Kế hoạch - Tài chính")])
    d("BHXH/kt.tt", T.qd_khen, "BHXH/kt.tt", "bloc", "Số 1204-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Phòng Quản lý thu", "Đảng bộ BHXH tỉnh")], fillers=FILL_O + FILL_P[2:])
    d("BHXH/xl.dv", T.qd_xl_dv, "BHXH/xl.dv", "BHXH", "Số 66-QĐ/ĐU", "29 tháng 12 năm 2023",
      cells("BHXH", members_with(["Phạm Thị Ngọc Ánh"], 8, 12)))
    d("BHXH/xl.tc", T.qd_xl_tc, "BHXH/xl.tc", "BHXH", "Số 67-QĐ/ĐU", "29 tháng 12 năm 2023",
      [("Chi bộ Phòng Quản lý thu", T.LEVELS[0]), ("Chi bộ Phòng Chế độ BHXH", T.LEVELS[0]),
       ("Chi bộ Văn phòng", T.LEVELS[1])], st="lo")
    d("BHXH/kl01", T.kl01, "BHXH", "Số 31-BC/ĐU", "07 tháng 3 năm 2024", heads="runin")
    fb = ("Đảng ủy BHXH tỉnh", UNITS["BHXH"][2][0])
    S.mail("t14", "2024-02-28T23:20:48+07:00", "outlook", fb, "DU BHXH tinh gui ho so de nghi khen thuong",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy BHXH tỉnh gửi hồ sơ. Quyết định xếp loại đảng viên văn thư "
           "dán ảnh vào file Word.\nTrân trọng.",
           [F("Tờ trình 25.docx", "BHXH/tt", "docx-lo"),
            F("BCTT Chi bộ Phòng Quản lý thu.docx", "BHXH/bctt.thu", "docx-lo"),
            F("BCTT đồng chí Ngọc Ánh.docx", "BHXH/bctt.anh", "docx-lo"),
            F("Tóm tắt Chi bộ Quản lý thu.docx", "BHXH/tom.thu", "docx-lo"),
            F("Tóm tắt đồng chí Ánh.docx", "BHXH/tom.anh", "docx-lo"),
            F("QĐ khen Ngọc Ánh.pdf", "BHXH/kt.anh", "scan", dpi=150),
            F("QĐ khen tập thể.pdf", "BHXH/kt.tt", "scan-rot", dpi=200, rotate={"0": 90}),
            F("QĐ xếp loại ĐV.docx", "BHXH/xl.dv", "scan-docx"),
            F("QĐ xếp loại chi bộ.pdf", "BHXH/xl.tc", "scan-rot", dpi=150, rotate={"0": 180})])
    S.mail("t48", "2024-03-07T15:10:02+07:00", "outlook", fb, "Bao cao KL01 - DU BHXH tinh",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy BHXH tỉnh gửi báo cáo số 31-BC/ĐU.\nTrân trọng.",
           [F("31-BC KL01.rtf", "BHXH/kl01", "rtf")])

    # ============================================================== DPTTH (Apple Mail NFD; split; late 2nd half)
    std("DPTTH", date="24 tháng 02 năm 2024", layout="list", tt_no="Số 19-TTr/ĐU")
    d("DPTTH/kt.tt", T.qd_khen, "DPTTH/kt.tt", "DPTTH", "Số 08-QĐ/ĐU", "16 tháng 5 năm 2023", 2023,
      [("Chi bộ Phòng Thời sự", "Đảng bộ Đài"), ("Đồng chí Lục Minh Hoàng", "Phòng Chuyên đề")], st="mac")
    d("DPTTH/xl.tc", T.qd_xl_tc, "DPTTH/xl.tc", "DPTTH", "Số 51-QĐ/ĐU", "26 tháng 12 năm 2023",
      [("Chi bộ Phòng Thời sự", T.LEVELS[0]), ("Chi bộ Phòng Chuyên đề", T.LEVELS[0]),
       ("Chi bộ Phòng Kỹ thuật", T.LEVELS[1])], st="mac")
    d("DPTTH/xl.dv", T.qd_xl_dv, "DPTTH/xl.dv", "DPTTH", "Số 50-QĐ/ĐU", "26 tháng 12 năm 2023",
      cells("DPTTH", members_with(["Lục Minh Hoàng"], 9, 15)))
    d("DPTTH/misc.kh", T.misc_plan, "DPTTH", "Số 44-KH/ĐU", "12 tháng 3 năm 2024")
    fp = ("Lạc Thị Mai Anh", UNITS["DPTTH"][2][0])
    S.mail("t15", "2024-02-25T20:31:09+07:00", "apple", fp, "Hồ sơ khen thưởng Đài PT-TH (phần tập thể)",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Đài gửi Tờ trình và hồ sơ tập thể Chi bộ Phòng Thời sự.\n"
           "Hồ sơ của đồng chí Lục Minh Hoàng đang hoàn thiện, sẽ gửi sau.\n\nLạc Thị Mai Anh\nBí thư Đảng ủy Đài PT-TH tỉnh",
           [F("Tờ trình 19 Đảng ủy Đài.pdf", "DPTTH/tt", "pdf"),
            F("Báo cáo thành tích Chi bộ Thời sự.pdf", "DPTTH/bctt.ts", "pdf"),
            F("Tóm tắt thành tích Chi bộ Thời sự.pdf", "DPTTH/tom.ts", "pdf"),
            F("Quyết định khen thưởng 2023.pdf", "DPTTH/kt.tt", "scan", dpi=150),
            F("Quyết định xếp loại tổ chức đảng.pdf", "DPTTH/xl.tc", "scan", dpi=150)])
    S.mail("t16", "2024-02-29T08:05:51+07:00", "apple", fp, "Hồ sơ khen thưởng Đài PT-TH (phần cá nhân)",
           "Kính gửi Ban,\nĐảng ủy Đài gửi tiếp hồ sơ của đồng chí Lục Minh Hoàng.\nMai Anh",
           [F("Báo cáo thành tích Lục Minh Hoàng.pdf", "DPTTH/bctt.hoang", "pdf"),
            F("Tóm tắt Lục Minh Hoàng.pdf", "DPTTH/tom.hoang", "pdf"),
            F("Quyết định xếp loại đảng viên 2023 - Lục Minh Hoàng.pdf", "DPTTH/xl.dv", "scan", dpi=150)], in_reply_to="t15",
           date="2024-02-28T23:52:10+07:00")
    S.mail("t49", "2024-03-13T16:44:30+07:00", "apple", fp, "Báo cáo thực hiện Kết luận 01",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Đài gửi báo cáo.\nMai Anh", [F("Báo cáo KL01 Đài PTTH.pdf", "DPTTH/misc.kh", "pdf")])

    # ============================================================== BAOTN (mutt, odt; summary just over; reply quoting)
    std("BAOTN", date="25 tháng 02 năm 2024", layout="list", tt_no="Số 14-TTr/ĐU")
    d("BAOTN/tom.nhung2", T.tom_tat, "BAOTN", n_of("BAOTN", "nhung"), 11, dkey="BAOTN/tom.nhung2")
    d("BAOTN/kt.dt", T.qd_khen, "BAOTN/kt.dt", "bloc", "Số 1219-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Ban Điện tử", "Đảng bộ Báo Thái Nguyên")], fillers=FILL_P[1:3])
    d("BAOTN/kt.nhung", T.qd_khen, "BAOTN/kt.nhung", "BAOTN", "Số 05-QĐ/ĐU", "11 tháng 5 năm 2023", 2023,
      [("Đồng chí Vũ Thị Hồng Nhung", "Ban Phóng viên")], st="lo", fillers=[("Đồng chí Ngô Văn Bảo", "Ban Thư ký")])
    d("BAOTN/xl.dv", T.qd_xl_dv, "BAOTN/xl.dv", "BAOTN", "Số 33-QĐ/ĐU", "27 tháng 12 năm 2023",
      cells("BAOTN", members_with(["Vũ Thị Hồng Nhung"], 7, 20)))
    d("BAOTN/xl.tc", T.qd_xl_tc, "BAOTN/xl.tc", "BAOTN", "Số 34-QĐ/ĐU", "27 tháng 12 năm 2023",
      [("Chi bộ Ban Điện tử", T.LEVELS[0]), ("Chi bộ Ban Phóng viên", T.LEVELS[1])], st="lo")
    d("BAOTN/kl01", T.kl01, "BAOTN", "Số 22-BC/ĐU", "15 tháng 3 năm 2024", omit=("IV",))
    fbt = ("Chu Văn Định", UNITS["BAOTN"][2][0])
    S.mail("t17", "2024-02-26T11:02:37+07:00", "mutt", fbt, "Dang uy Bao Thai Nguyen gui ho so khen thuong 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Báo Thái Nguyên gửi hồ sơ đề nghị khen thưởng: Tờ trình, "
           "báo cáo thành tích, tóm tắt của Chi bộ Ban Điện tử và đồng chí Vũ Thị Hồng Nhung, quyết định xếp loại.\n"
           "Các quyết định khen thưởng đang tìm bản lưu, sẽ gửi bổ sung.\n\nChu Văn Định\nBí thư Đảng ủy Báo Thái Nguyên",
           [F("TTr_14_DU_BaoTN.odt", "BAOTN/tt", "odt"),
            F("BCTT_ChiboBanDientu.odt", "BAOTN/bctt.dt", "odt"), F("BCTT_HongNhung.odt", "BAOTN/bctt.nhung", "odt"),
            F("TomTat_ChiboBanDientu.odt", "BAOTN/tom.dt", "odt"), F("TomTat_HongNhung.odt", "BAOTN/tom.nhung2", "odt"),
            F("QD_XL_DangVien_2023.pdf", "BAOTN/xl.dv", "pdf"), F("QD_XL_ToChucDang_2023.pdf", "BAOTN/xl.tc", "pdf")])
    S.mail("t18", "2024-02-27T16:45:03+07:00", "mutt", fbt, "Re: Dang uy Bao Thai Nguyen gui ho so khen thuong 2024",
           "Kính gửi Ban,\nĐảng ủy Báo gửi bổ sung 02 quyết định khen thưởng (bản scan).\n\nChu Văn Định\n\n"
           "On Mon, Feb 26, 2024 at 11:02:37AM +0700, Chu Văn Định wrote:\n"
           "> Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n>\n> Đảng ủy Báo Thái Nguyên gửi hồ sơ đề nghị khen thưởng: Tờ trình,\n"
           "> báo cáo thành tích, tóm tắt của Chi bộ Ban Điện tử và đồng chí Vũ Thị Hồng Nhung, quyết định xếp loại.\n"
           "> Các quyết định khen thưởng đang tìm bản lưu, sẽ gửi bổ sung.",
           [F("QD_GK_2023_TapThe.pdf", "BAOTN/kt.dt", "scan", dpi=150),
            F("QD_GK_2023_HongNhung.pdf", "BAOTN/kt.nhung", "scan", dpi=150)], in_reply_to="t17")
    S.mail("t50", "2024-03-15T17:20:15+07:00", "mutt", fbt, "Bao cao thuc hien KL 01-KL/TW",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Báo Thái Nguyên gửi báo cáo số 22-BC/ĐU.\nChu Văn Định",
           [F("BC_22_KL01.odt", "BAOTN/kl01", "odt")])

    # ============================================================== SKHDT (s-nail; wrong attachment then right)
    std("SKHDT", date="23 tháng 02 năm 2024", layout="table", tt_no="Số 33-TTr/ĐU")
    d("SKHDT/misc.dautu", T.unrelated, "SKHDT", "Số 215/BC-SKHĐT", "05 tháng 02 năm 2024")
    d("SKHDT/kt.all", T.qd_khen, "SKHDT/kt.all", "bloc", "Số 1230-QĐ/ĐUK", "19 tháng 4 năm 2023", 2023,
      [("Chi bộ Phòng Đăng ký kinh doanh", "Đảng bộ Sở KH&ĐT"), ("Đồng chí Đinh Công Tráng", "Đảng bộ Sở KH&ĐT")],
      fillers=FILL_P[:1] + FILL_O[:1])
    d("SKHDT/xl.dv", T.qd_xl_dv, "SKHDT/xl.dv", "SKHDT", "Số 80-QĐ/ĐU", "26 tháng 12 năm 2023",
      cells("SKHDT", members_with(["Đinh Công Tráng"], 10, 25)), kind="thong_bao")
    d("SKHDT/xl.tc", T.qd_xl_tc, "SKHDT/xl.tc", "SKHDT", "Số 81-QĐ/ĐU", "26 tháng 12 năm 2023",
      [("Chi bộ Phòng Đăng ký kinh doanh", T.LEVELS[0]), ("Chi bộ Văn phòng Sở", T.LEVELS[0])], st="formal")
    d("SKHDT/kl01", T.kl01, "SKHDT", "Số 59-BC/ĐU", "06 tháng 3 năm 2024")
    fk = ("Vi Thị Ngọc", UNITS["SKHDT"][2][0])
    S.mail("t19", "2024-02-24T08:31:00+07:00", "snail", fk, "Ho so khen thuong - DU So KH&DT",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở KH&ĐT gửi hồ sơ đề nghị khen thưởng.\nVi Thị Ngọc",
           [F("Ho so khen thuong.docx", "SKHDT/misc.dautu")])
    S.mail("t20", "2024-02-24T09:47:22+07:00", "snail", fk, "Gui lai ho so khen thuong (gui nham file)",
           "Kính gửi Ban,\nSáng nay em gửi nhầm báo cáo thu hút đầu tư, xin gửi lại đúng hồ sơ khen thưởng ạ.\nVi Thị Ngọc",
           [F("TTr 33 khen thuong.docx", "SKHDT/tt"), F("BCTT CB Phong DKKD.docx", "SKHDT/bctt.dkkd"),
            F("BCTT Dinh Cong Trang.docx", "SKHDT/bctt.trang"), F("Tom tat CB DKKD.docx", "SKHDT/tom.dkkd"),
            F("Tom tat Dinh Cong Trang.docx", "SKHDT/tom.trang"),
            F("QD 1230 khen thuong 2023.pdf", "SKHDT/kt.all", "scan", dpi=150),
            F("TB xep loai DV 2023.pdf", "SKHDT/xl.dv", "scan", dpi=150),
            F("QD xep loai chi bo 2023.pdf", "SKHDT/xl.tc", "scan", dpi=150)])
    S.mail("t51", "2024-03-07T10:20:00+07:00", "snail", fk, "Bao cao KL01 - DU So KH&DT",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở KH&ĐT gửi báo cáo KL01 (bản Word và bản PDF).\nVi Thị Ngọc",
           [F("59-BC-DU KL01.docx", "SKHDT/kl01"), F("59-BC-DU KL01.pdf", "SKHDT/kl01", "pdf")])

    # ============================================================== TCT (minutes attached; scanned KL01)
    std("TCT", date="26 tháng 02 năm 2024", layout="list", tt_no="Số 27-TTr/ĐU")
    d("TCT/bb", T.bien_ban, "TCT", NOM["TCT"], "23 tháng 02 năm 2024")
    d("TCT/kt.phuong", T.qd_khen, "TCT/kt.phuong", "TCT", "Số 15-QĐ/ĐU", "19 tháng 5 năm 2023", 2023,
      [("Đồng chí Quách Thị Lan Phương", "Khoa Xây dựng Đảng"), ("Chi bộ Khoa Lý luận cơ sở", "Đảng bộ Trường")],
      st="outlook_user")
    d("TCT/xl.dv", T.qd_xl_dv, "TCT/xl.dv", "TCT", "Số 40-QĐ/ĐU", "28 tháng 12 năm 2023",
      cells("TCT", members_with(["Quách Thị Lan Phương"], 9, 30)))
    d("TCT/xl.tc", T.qd_xl_tc, "TCT/xl.tc", "TCT", "Số 41-QĐ/ĐU", "28 tháng 12 năm 2023",
      [("Chi bộ Khoa Lý luận cơ sở", T.LEVELS[0]), ("Chi bộ Khoa Xây dựng Đảng", T.LEVELS[0])], st="outlook_user")
    d("TCT/kl01", T.kl01, "TCT", "Số 36-BC/ĐU", "14 tháng 3 năm 2024")
    ft = ("Văn phòng Đảng ủy Trường Chính trị", UNITS["TCT"][2][0])
    S.mail("t21", "2024-02-27T14:05:39+07:00", "outlook", ft, "Đảng ủy Trường Chính trị gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy Trường gửi Tờ trình, Biên bản họp xét và hồ sơ của 01 tập thể, "
           "01 cá nhân.\nTrân trọng.",
           [F("1. Tờ trình.docx", "TCT/tt"), F("2. Biên bản họp xét.docx", "TCT/bb"),
            F("3. BCTT Khoa LLCS.docx", "TCT/bctt.llcs"), F("4. Tóm tắt Khoa LLCS.docx", "TCT/tom.llcs"),
            F("5. BCTT Lan Phương.docx", "TCT/bctt.phuong"), F("6. Tóm tắt Lan Phương.docx", "TCT/tom.phuong"),
            F("7. QĐ khen thưởng 2023.doc", "TCT/kt.phuong", "doc"),
            F("8. QĐ xếp loại ĐV.pdf", "TCT/xl.dv", "scan", dpi=200),
            F("9. QĐ xếp loại chi bộ.pdf", "TCT/xl.tc", "scan", dpi=200)])
    S.mail("t52", "2024-03-14T11:11:11+07:00", "outlook", ft, "Báo cáo KL01 (bản ký đóng dấu)",
           "Kính gửi Ban Tuyên giáo,\nĐảng ủy Trường gửi báo cáo đã ký, đóng dấu.\nTrân trọng.",
           [F("BC 36 KL01 - scan.pdf", "TCT/kl01", "scan", dpi=150, gray=True)])

    # ============================================================== NHNN (swaks; individual only; corrupt KL01)
    std("NHNN", date="27 tháng 02 năm 2024", layout="sentence", tt_no="Số 11-TTr/ĐU")
    d("NHNN/kt.huy", T.qd_khen, "NHNN/kt.huy", "NHNN", "Số 06-QĐ/ĐU", "15 tháng 5 năm 2023", 2023,
      [("Đồng chí Trần Quang Huy", "Phòng Thanh tra, giám sát")], st="formal_arial",
      fillers=[("Đồng chí Hồ Thị Kim Oanh", "Phòng Tổng hợp")])
    d("NHNN/xl.dv", T.qd_xl_dv, "NHNN/xl.dv", "NHNN", "Số 21-TB/ĐU", "29 tháng 12 năm 2023",
      cells("NHNN", members_with(["Trần Quang Huy"], 8, 33)), kind="thong_bao")
    d("NHNN/kl01", T.kl01, "NHNN", "Số 17-BC/ĐU", "05 tháng 3 năm 2024")
    fn = ("Dang uy NHNN chi nhanh Thai Nguyen", UNITS["NHNN"][2][0])
    S.mail("t22", "2024-02-28T10:00:24+07:00", "swaks", fn, "Ho so de nghi khen thuong - Dang uy NHNN chi nhanh tinh",
           "Kinh gui Ban Tuyen giao Dang uy Khoi,\nDang uy NHNN chi nhanh tinh de nghi khen thuong 01 ca nhan, "
           "ho so gui kem.\nTran trong.", 
           [F("TTr 11 NHNN.pdf", "NHNN/tt", "pdf"), F("BCTT TQ Huy.pdf", "NHNN/bctt.huy", "pdf"),
            F("TomTat TQ Huy.pdf", "NHNN/tom.huy", "pdf"), F("QD khen 2023.pdf", "NHNN/kt.huy", "scan", dpi=150),
            F("TB xep loai 2023.pdf", "NHNN/xl.dv", "scan", dpi=150)],
           helo="mail.nhnn-tng.local", msgid_host="mail.thainguyen.gov.vn")
    S.mail("t53", "2024-03-05T09:02:18+07:00", "swaks", fn, "Bao cao KL01 Dang uy NHNN",
           "Kinh gui Ban Tuyen giao,\nDang uy NHNN gui bao cao KL01.\nTran trong.",
           [F("BC 17 KL01.docx", "NHNN/kl01", "corrupt", base="docx", frac=0.55)],
           helo="mail.nhnn-tng.local", msgid_host="mail.thainguyen.gov.vn")
    S.mail("t54", "2024-03-06T08:15:40+07:00", "swaks", fn, "Gui lai Bao cao KL01 (file loi)",
           "Kinh gui Ban,\nBan bao file hom qua khong mo duoc, Dang uy gui lai bao cao KL01.\nTran trong.",
           [F("BC 17 KL01 (gui lai).docx", "NHNN/kl01")],
           helo="mail.nhnn-tng.local", msgid_host="mail.thainguyen.gov.vn")

    # ============================================================== LMHTX (chi bộ collective itself; rar)
    d("LMHTX/tt", T.to_trinh, "LMHTX", NOM["LMHTX"], "Số 04-TTr/CB", "26 tháng 02 năm 2024", "sentence")
    d("LMHTX/bctt.cb", T.bctt, "LMHTX", n_of("LMHTX", "cb"), "26 tháng 02 năm 2024", confirm=False)
    d("LMHTX/tom.cb", T.tom_tat, "LMHTX", n_of("LMHTX", "cb"), 6)
    d("LMHTX/kt.cb", T.qd_khen, "LMHTX/kt.cb", "bloc", "Số 1102-QĐ/ĐUK", "14 tháng 4 năm 2022", 2022,
      [("Chi bộ Liên minh Hợp tác xã tỉnh", "Khối các cơ quan tỉnh")], fillers=FILL_P[2:] + FILL_O[1:])
    d("LMHTX/xl.tc", T.qd_xl_tc, "LMHTX/xl.tc", "bloc", "Số 1530-QĐ/ĐUK", "10 tháng 01 năm 2024",
      [("Chi bộ Liên minh Hợp tác xã tỉnh", T.LEVELS[0]), ("Chi bộ Sở Ngoại vụ", T.LEVELS[1]),
       ("Chi bộ Hội Nông dân tỉnh", T.LEVELS[0]), ("Chi bộ Cục Thống kê tỉnh", T.LEVELS[0])])
    d("LMHTX/kl01", T.kl01, "LMHTX", "Số 09-BC/CB", "11 tháng 3 năm 2024")
    fm = ("Chi bộ Liên minh HTX", UNITS["LMHTX"][2][0])
    S.mail("t23", "2024-02-27T09:18:26+07:00", "zimbra", fm, "Chi bo Lien minh HTX gui ho so khen thuong",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ đề nghị khen thưởng tập thể chi bộ (file nén).\nMạc Văn Lâm",
           [A("LMHTX - ho so khen thuong.rar", "rar", [
               ("To trinh.docx", F("x", "LMHTX/tt")), ("Bao cao thanh tich chi bo.docx", F("x", "LMHTX/bctt.cb")),
               ("Tom tat thanh tich.docx", F("x", "LMHTX/tom.cb")),
               ("QD khen thuong 2022.pdf", F("x", "LMHTX/kt.cb", "scan", dpi=150)),
               ("QD xep loai to chuc co so dang 2023.pdf", F("x", "LMHTX/xl.tc", "scan", dpi=150))])])
    S.mail("t55", "2024-03-11T14:30:08+07:00", "zimbra", fm, "Bao cao KL01 - Chi bo LMHTX",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo.\nMạc Văn Lâm", [F("Bao cao 09.rtf", "LMHTX/kl01", "rtf")])

    # ============================================================== HLHPN (personal gmail; Hoà/Hòa; photos)
    d("HLHPN/tt", T.to_trinh, "HLHPN", NOM["HLHPN"], "Số 03-TTr/CB", "25 tháng 02 năm 2024", "list")
    d("HLHPN/bctt.hoa", T.bctt, "HLHPN", n_of("HLHPN", "hoa"), "25 tháng 02 năm 2024", confirm=True)
    d("HLHPN/tom.hoa", T.tom_tat, "HLHPN", n_of("HLHPN", "hoa"), 6)
    d("HLHPN/kt.hoa", T.qd_khen, "HLHPN/kt.hoa", "bloc", "Số 1211-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Bùi Thị Hoà", "Chi bộ Hội LHPN tỉnh")], fillers=FILL_P)
    d("HLHPN/xl.dv", T.qd_xl_dv, "HLHPN/xl.dv", "HLHPN", "Số 02-QĐ/CB", "25 tháng 12 năm 2023",
      [("Triệu Thị Hằng", "Chi bộ Hội LHPN tỉnh", T.LEVELS[0]), ("Bùi Thị Hoà", "Chi bộ Hội LHPN tỉnh", T.LEVELS[0]),
       ("Lý Thị Sen", "Chi bộ Hội LHPN tỉnh", T.LEVELS[1]), ("Cao Thị Loan", "Chi bộ Hội LHPN tỉnh", T.LEVELS[1])])
    d("HLHPN/kl01", T.kl01, "HLHPN", "Số 05-BC/CB", "14 tháng 3 năm 2024")
    S.mail("t24", "2024-02-26T21:47:33+07:00", "gmail", PERSONAL["HLHPN"], "gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nEm gửi hồ sơ khen thưởng của đồng chí Bùi Thị Hòa ạ.\n\n--\n"
           "Triệu Thị Hằng\nBí thư Chi bộ Hội Liên hiệp Phụ nữ tỉnh Thái Nguyên\n0983 221 507",
           [F("TTr chi bo.pdf", "HLHPN/tt", "scan", dpi=150),
            F("BCTT Bui Thi Hoa.docx", "HLHPN/bctt.hoa"), F("Tóm tắt Bùi Thị Hòa.docx", "HLHPN/tom.hoa"),
            F("IMG_20240226_203114.jpg", "HLHPN/kt.hoa", "photo", model=("OPPO", "CPH2239")),
            F("IMG_20240226_203152.jpg", "HLHPN/xl.dv", "photo", model=("OPPO", "CPH2239"))])
    S.mail("t56", "2024-03-14T08:55:41+07:00", "outlook", ("Chi bộ Hội LHPN tỉnh", UNITS["HLHPN"][2][0]),
           "Báo cáo Kết luận 01 - Chi bộ Hội LHPN tỉnh", "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo.\nTrân trọng.",
           [F("BC 05 - KL01.pdf", "HLHPN/kl01", "pdf-web")])

    # ============================================================== MTTQ (proposes no one; KL01 without III)
    d("MTTQ/misc.cv", T.cong_van_khong, "MTTQ", "Số 07-CV/CB", "27 tháng 02 năm 2024")
    d("MTTQ/kl01", T.kl01, "MTTQ", "Số 08-BC/CB", "12 tháng 3 năm 2024", omit=("III.1", "III.2", "III.3"))
    fq = ("Chi bộ Cơ quan UBMTTQ tỉnh", UNITS["MTTQ"][2][0])
    S.mail("t25", "2024-02-27T10:40:00+07:00", "outlook", fq, "V/v không đề nghị khen thưởng năm 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nChi bộ Cơ quan UBMTTQ tỉnh gửi công văn báo cáo năm nay chi bộ không "
           "đề nghị khen thưởng.\nTrân trọng.", [F("CV 07 khong de nghi khen thuong.docx", "MTTQ/misc.cv")])
    S.mail("t57", "2024-03-12T15:25:19+07:00", "outlook", fq, "Báo cáo thực hiện Kết luận 01-KL/TW",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo số 08-BC/CB.\nTrân trọng.", [F("BC 08 KL01.docx", "MTTQ/kl01")])

    # ============================================================== QDTPT (s-nail; correction; OOO; no KL01)
    d("QDTPT/tt", T.to_trinh, "QDTPT", NOM["QDTPT"], "Số 02-TTr/CB", "22 tháng 02 năm 2024", "list")
    d("QDTPT/bctt.thinh", T.bctt, "QDTPT", n_of("QDTPT", "thinh"), "22 tháng 02 năm 2024", confirm=False)
    d("QDTPT/bctt.thinh2", T.bctt, "QDTPT", n_of("QDTPT", "thinh"), "24 tháng 02 năm 2024", confirm=True,
      dkey="QDTPT/bctt.thinh2")
    d("QDTPT/tom.thinh", T.tom_tat, "QDTPT", n_of("QDTPT", "thinh"), 5)
    d("QDTPT/kt.thinh", T.qd_khen, "QDTPT/kt.thinh", "bloc", "Số 1208-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí La Văn Thịnh", "Chi bộ Quỹ Đầu tư phát triển")], fillers=FILL_P[:3])
    d("QDTPT/xl.dv", T.qd_xl_dv, "QDTPT/xl.dv", "QDTPT", "Số 05-QĐ/CB", "26 tháng 12 năm 2023",
      [("Âu Thị Thanh", "Chi bộ Quỹ", T.LEVELS[0]), ("La Văn Thịnh", "Chi bộ Quỹ", T.LEVELS[0]),
       ("Mai Văn Toản", "Chi bộ Quỹ", T.LEVELS[1])])
    fd = ("Âu Thị Thanh", UNITS["QDTPT"][2][0])
    S.mail("t02", "2024-02-23T15:33:50+07:00", "snail", fd, "Ho so khen thuong Chi bo Quy DTPT",
           "Kính gửi Ban Tuyên giáo,\nChi bộ Quỹ Đầu tư phát triển gửi hồ sơ đề nghị khen thưởng đ/c La Văn Thịnh.\nÂu Thị Thanh",
           [F("TTr.docx", "QDTPT/tt"), F("BCTT.docx", "QDTPT/bctt.thinh"), F("Tom tat.docx", "QDTPT/tom.thinh"),
            F("QDKT.pdf", "QDTPT/kt.thinh", "scan", dpi=150), F("QDXL.pdf", "QDTPT/xl.dv", "scan", dpi=150)])
    S.mail("t03", "2024-02-25T08:12:09+07:00", "snail", fd, "Gui lai BCTT da co xac nhan",
           "Kính gửi Ban,\nChi bộ gửi lại báo cáo thành tích của đ/c Thịnh đã bổ sung phần xác nhận, thay bản gửi hôm 23/2.\n"
           "Âu Thị Thanh", [F("BCTT (co xac nhan).docx", "QDTPT/bctt.thinh2")])
    S.mail("t58", "2024-03-14T08:00:31+07:00", "ooo-outlook", fd, "Trả lời tự động: Nhắc nộp báo cáo KL01",
           "Tôi đang đi công tác đến hết ngày 20/3/2024. Việc gấp xin liên hệ đồng chí Mai Văn Toản, ĐT 0208.3651.772.",
           in_reply_to="reminder-kl01-qdtpt-0314@thainguyen.gov.vn")

    # ============================================================== QLTT (mpack; encrypted zip, pw in body; resend)
    d("QLTT/tt", T.to_trinh, "QLTT", NOM["QLTT"], "Số 06-TTr/CB", "26 tháng 02 năm 2024", "table")
    d("QLTT/bctt.cb", T.bctt, "QLTT", n_of("QLTT", "cb"), "26 tháng 02 năm 2024", confirm=False)
    d("QLTT/tom.cb", T.tom_tat, "QLTT", n_of("QLTT", "cb"), 7)
    d("QLTT/xl.tc", T.qd_xl_tc, "QLTT/xl.tc", "bloc", "Số 1531-QĐ/ĐUK", "10 tháng 01 năm 2024",
      [("Chi bộ Cục Quản lý thị trường tỉnh", T.LEVELS[0]), ("Chi bộ Quỹ Đầu tư phát triển tỉnh", T.LEVELS[0])],
      style_="cong_nhan")
    d("QLTT/kt.cb", T.qd_khen, "QLTT/kt.cb", "bloc", "Số 1213-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Cục Quản lý thị trường tỉnh", "Khối các cơ quan tỉnh")], fillers=FILL_O)
    d("QLTT/kl01", T.kl01, "QLTT", "Số 10-BC/CB", "14 tháng 3 năm 2024", heads="phan")
    fq2 = ("Doan Van Khai", UNITS["QLTT"][2][0])
    S.mail("t26", "2024-02-27T08:20:00+07:00", "mpack", fq2, "To trinh khen thuong - Chi bo Cuc QLTT",
           "Kính gửi Ban Tuyên giáo, Chi bộ Cục QLTT gửi Tờ trình. Hồ sơ kèm theo gửi ở thư sau.",
           [F("To trinh 06.doc", "QLTT/tt", "doc")])
    S.mail("t27", "2024-02-27T08:24:30+07:00", "mpack", fq2, "Ho so kem theo To trinh - Chi bo Cuc QLTT",
           "Kính gửi Ban Tuyên giáo, hồ sơ kèm Tờ trình. Mật khẩu giải nén: QLTT@2024",
           [A("Ho so CB Cuc QLTT.zip", "zip", [
               ("BCTT chi bo.doc", F("x", "QLTT/bctt.cb", "doc")), ("Tom tat chi bo.doc", F("x", "QLTT/tom.cb", "doc")),
               ("QD khen 2023.pdf", F("x", "QLTT/kt.cb", "scan", dpi=150)),
               ("QD HTXSNV 2023.pdf", F("x", "QLTT/xl.tc", "scan", dpi=150))], password="QLTT@2024")])
    S.mail("t28", "2024-02-28T09:05:12+07:00", "mpack", fq2, "Gui lai ho so (khong dat mat khau)",
           "Kính gửi Ban, theo đề nghị của Ban, Chi bộ gửi lại file nén không đặt mật khẩu.",
           [A("Ho so CB Cuc QLTT (gui lai).zip", "zip", [
               ("BCTT chi bo.doc", F("x", "QLTT/bctt.cb", "doc")), ("Tom tat chi bo.doc", F("x", "QLTT/tom.cb", "doc")),
               ("QD khen 2023.pdf", F("x", "QLTT/kt.cb", "scan", dpi=150)),
               ("QD HTXSNV 2023.pdf", F("x", "QLTT/xl.tc", "scan", dpi=150))])])
    S.mail("t59", "2024-03-14T10:41:27+07:00", "mpack", fq2, "Bao cao KL01 Chi bo Cuc QLTT",
           "Kính gửi Ban Tuyên giáo, Chi bộ gửi báo cáo KL01.", [F("BC 10 KL01.pdf", "QLTT/kl01", "pdf")])

    # ============================================================== VHNT (double inline forward; late KL01)
    d("VHNT/tt", T.to_trinh, "VHNT", NOM["VHNT"], "Số 05-TTr/CB", "27 tháng 02 năm 2024", "sentence")
    d("VHNT/bctt.khue", T.bctt, "VHNT", n_of("VHNT", "khue"), "24 tháng 02 năm 2024", confirm=True)
    d("VHNT/tom.khue", T.tom_tat, "VHNT", n_of("VHNT", "khue"), 6)
    d("VHNT/kt.khue", T.qd_khen, "VHNT/kt.khue", "bloc", "Số 1215-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Dương Thị Khuê", "Chi bộ Hội VHNT tỉnh")], fillers=FILL_P[1:])
    d("VHNT/xl.dv", T.qd_xl_dv, "VHNT/xl.dv", "VHNT", "Số 03-QĐ/CB", "27 tháng 12 năm 2023",
      [("Khổng Minh Đức", "Chi bộ Hội VHNT", T.LEVELS[0]), ("Dương Thị Khuê", "Chi bộ Hội VHNT", T.LEVELS[0]),
       ("Tăng Thị Nga", "Chi bộ Hội VHNT", T.LEVELS[1])])
    d("VHNT/kl01", T.kl01, "VHNT", "Số 06-BC/CB", "18 tháng 3 năm 2024")
    fh = ("Chi bo Hoi VHNT", UNITS["VHNT"][2][0])
    S.mail("t29", "2024-02-26T09:14:52+07:00", "gmail", fh, "Fwd: Fwd: ho so khen thuong Khue",
           "Chuyển Ban Tuyên giáo hồ sơ của đồng chí Dương Thị Khuê. Tờ trình của chi bộ sẽ gửi sau khi đồng chí Bí thư ký.\n\n"
           "---------- Forwarded message ---------\nFrom: Khổng Minh Đức <khongminhduc56@gmail.com>\n"
           "Date: Sun, 25 Feb 2024 at 21:03\nSubject: Fwd: ho so khen thuong Khue\nTo: <hoivhnt.chibo@gmail.com>\n\n"
           "Văn thư gửi Ban giúp anh nhé.\n\n---------- Forwarded message ---------\n"
           "From: Khuê Dương <duongkhue.tapchivn@gmail.com>\nDate: Sat, 24 Feb 2024 at 16:40\n"
           "Subject: ho so khen thuong Khue\nTo: <khongminhduc56@gmail.com>\n\n"
           "Em gửi anh Đức báo cáo thành tích, tóm tắt và ảnh chụp quyết định ạ.",
           [F("BCTT Duong Thi Khue.docx", "VHNT/bctt.khue"), F("tom tat Khue.docx", "VHNT/tom.khue"),
            F("20240224_160122.jpg", "VHNT/kt.khue", "photo", model=("samsung", "SM-A346E")),
            F("20240224_160210.jpg", "VHNT/xl.dv", "photo", model=("samsung", "SM-A346E"))])
    S.mail("t30", "2024-02-27T16:30:00+07:00", "gmail", ("Đức Khổng Minh", "khongminhduc56@gmail.com"), "TTr",
           "Gửi Ban ạ.", [F("scan_TTr05.pdf", "VHNT/tt", "scan", dpi=300, gray=True)])
    S.mail("t60", "2024-03-19T10:02:45+07:00", "gmail", fh, "Bao cao KL01 Chi bo Hoi VHNT",
           "Kính gửi Ban, Chi bộ gửi báo cáo KL01 (chậm, mong Ban thông cảm).", [F("BC KL01 Hoi VHNT.docx", "VHNT/kl01")])

    # ============================================================== CTD (Drive link; late dossier; evening KL01)
    d("CTD/tt", T.to_trinh, "CTD", NOM["CTD"], "Số 04-TTr/CB", "27 tháng 02 năm 2024", "list")
    d("CTD/bctt.sy", T.bctt, "CTD", n_of("CTD", "sy"), "27 tháng 02 năm 2024", confirm=True)
    d("CTD/tom.sy", T.tom_tat, "CTD", n_of("CTD", "sy"), 6)
    d("CTD/kt.sy", T.qd_khen, "CTD/kt.sy", "bloc", "Số 1209-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Hoàng Văn Sỹ", "Chi bộ Hội Chữ thập đỏ tỉnh")], fillers=FILL_P[:2])
    d("CTD/xl.dv", T.qd_xl_dv, "CTD/xl.dv", "CTD", "Số 04-QĐ/CB", "26 tháng 12 năm 2023",
      [("Lường Thị Duyên", "Chi bộ Hội CTĐ", T.LEVELS[0]), ("Hoàng Văn Sỹ", "Chi bộ Hội CTĐ", T.LEVELS[0]),
       ("Kha Văn Nội", "Chi bộ Hội CTĐ", T.LEVELS[1]), ("Đường Thị Thủy", "Chi bộ Hội CTĐ", T.LEVELS[1])])
    d("CTD/kl01", T.kl01, "CTD", "Số 07-BC/CB", "15 tháng 3 năm 2024", heads="runin")
    fc = ("Chi bo Hoi Chu thap do tinh", UNITS["CTD"][2][0])
    S.mail("t31", "2024-02-28T17:10:00+07:00", "gmail", fc, "Ho so khen thuong Chi bo Hoi CTD",
           "Kính gửi Ban Tuyên giáo,\nFile nặng nên chi bộ gửi qua Google Drive:\n"
           "https://drive.google.com/drive/folders/1xQ7ctdHoSoKhenThuong2024?usp=sharing\nTrân trọng.")
    S.mail("t32", "2024-02-29T08:32:17+07:00", "gmail", fc, "Re: Ho so khen thuong Chi bo Hoi CTD",
           "Kính gửi Ban,\nBan không mở được đường dẫn nên chi bộ gửi đính kèm trực tiếp ạ.\n\n"
           "Vào Th 4, 28 thg 2, 2024 lúc 17:10 Chi bo Hoi Chu thap do tinh <chibo.chuthapdo@thainguyen.gov.vn> đã viết:\n"
           "> Kính gửi Ban Tuyên giáo,\n> File nặng nên chi bộ gửi qua Google Drive:\n"
           "> https://drive.google.com/drive/folders/1xQ7ctdHoSoKhenThuong2024?usp=sharing",
           [F("To trinh CTD.docx", "CTD/tt"), F("BCTT Hoang Van Sy.docx", "CTD/bctt.sy"),
            F("Tom tat Hoang Van Sy.docx", "CTD/tom.sy"), F("QD khen thuong Sy.pdf", "CTD/kt.sy", "scan", dpi=150),
            F("QD xep loai dang vien 2023 - Hoang Van Sy.pdf", "CTD/xl.dv", "scan", dpi=150)], in_reply_to="t31")
    S.mail("t61", "2024-03-15T20:41:06+07:00", "gmail", fc, "Bao cao KL01",
           "Kính gửi Ban Tuyên giáo, chi bộ gửi báo cáo.", [F("Bao cao 07 KL01.docx", "CTD/kl01", "docx-lo")])

    # ============================================================== LHHKH (chi bộ over quota 1+1)
    d("LHHKH/tt", T.to_trinh, "LHHKH", NOM["LHHKH"], "Số 08-TTr/CB", "26 tháng 02 năm 2024", "table")
    d("LHHKH/bctt.cb", T.bctt, "LHHKH", n_of("LHHKH", "cb"), "26 tháng 02 năm 2024", confirm=False)
    d("LHHKH/bctt.thao", T.bctt, "LHHKH", n_of("LHHKH", "thao"), "26 tháng 02 năm 2024", confirm=True)
    d("LHHKH/tom.cb", T.tom_tat, "LHHKH", n_of("LHHKH", "cb"), 6)
    d("LHHKH/tom.thao", T.tom_tat, "LHHKH", n_of("LHHKH", "thao"), 6)
    d("LHHKH/kt.all", T.qd_khen, "LHHKH/kt.all", "bloc", "Số 1218-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Khối các cơ quan tỉnh"),
       ("Đồng chí Ninh Thị Thảo", "Chi bộ Liên hiệp các Hội KH&KT tỉnh")], fillers=FILL_O[:1])
    d("LHHKH/xl.dv", T.qd_xl_dv, "LHHKH/xl.dv", "LHHKH", "Số 06-QĐ/CB", "27 tháng 12 năm 2023",
      [("Tống Văn Hải", "Chi bộ", T.LEVELS[0]), ("Ninh Thị Thảo", "Chi bộ", T.LEVELS[0]), ("Vũ Văn Hậu", "Chi bộ", T.LEVELS[1])])
    d("LHHKH/xl.tc", T.qd_xl_tc, "LHHKH/xl.tc", "bloc", "Số 1532-QĐ/ĐUK", "10 tháng 01 năm 2024",
      [("Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", T.LEVELS[0]), ("Chi bộ Hội Chữ thập đỏ tỉnh", T.LEVELS[1])])
    d("LHHKH/kl01", T.kl01, "LHHKH", "Số 11-BC/CB", "13 tháng 3 năm 2024")
    fo = ("Chi bộ Liên hiệp hội", UNITS["LHHKH"][2][0])
    S.mail("t33", "2024-02-27T11:50:00+07:00", "outlook", fo, "Hồ sơ đề nghị khen thưởng - Chi bộ Liên hiệp hội",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nChi bộ gửi hồ sơ đề nghị khen thưởng tập thể chi bộ và đồng chí Chánh Văn phòng.\n"
           "Trân trọng.",
           [F("TTr 08.docx", "LHHKH/tt"), F("BCTT tap the.docx", "LHHKH/bctt.cb"), F("BCTT Ninh Thi Thao.docx", "LHHKH/bctt.thao"),
            F("Tom tat tap the.docx", "LHHKH/tom.cb"), F("Tom tat Ninh Thi Thao.docx", "LHHKH/tom.thao"),
            F("QD 1218 khen 2023.pdf", "LHHKH/kt.all", "scan", dpi=150),
            F("QD xep loai DV 2023.pdf", "LHHKH/xl.dv", "scan", dpi=150),
            F("QD 1532 xep loai TCCSD.pdf", "LHHKH/xl.tc", "scan", dpi=150)])
    S.mail("t62", "2024-03-13T09:09:09+07:00", "outlook", fo, "Báo cáo KL01 - Chi bộ Liên hiệp hội",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo số 11-BC/CB.\nTrân trọng.", [F("BC 11.pdf", "LHHKH/kl01", "pdf-web")])

    # ============================================================== BQLDA (promise; 7z; never KL01)
    d("BQLDA/tt", T.to_trinh, "BQLDA", NOM["BQLDA"], "Số 03-TTr/CB", "27 tháng 02 năm 2024", "list")
    d("BQLDA/bctt.hung", T.bctt, "BQLDA", n_of("BQLDA", "hung"), "27 tháng 02 năm 2024", confirm=True)
    d("BQLDA/tom.hung", T.tom_tat, "BQLDA", n_of("BQLDA", "hung"), 6)
    d("BQLDA/kt.hung", T.qd_khen, "BQLDA/kt.hung", "bloc", "Số 1099-QĐ/ĐUK", "14 tháng 4 năm 2022", 2022,
      [("Đồng chí Lý Văn Hưng", "Chi bộ Ban QLDA ĐTXD tỉnh")], fillers=FILL_P[:2])
    d("BQLDA/xl.dv", T.qd_xl_dv, "BQLDA/xl.dv", "BQLDA", "Số 07-QĐ/CB", "28 tháng 12 năm 2023",
      [("Nông Đức Mạnh", "Chi bộ", T.LEVELS[0]), ("Lý Văn Hưng", "Chi bộ", T.LEVELS[0]), ("Lại Văn Thuần", "Chi bộ", T.LEVELS[1]),
       ("Quan Thị Nhàn", "Chi bộ", T.LEVELS[1])])
    fq3 = ("Chi bo Ban QLDA DTXD tinh", UNITS["BQLDA"][2][0])
    S.mail("t34", "2024-02-26T15:00:00+07:00", "zimbra", fq3, "Ve ho so khen thuong",
           "Kính gửi Ban Tuyên giáo,\nChi bộ đang hoàn thiện hồ sơ đề nghị khen thưởng đồng chí Lý Văn Hưng, "
           "sẽ gửi Ban trước ngày 28/02.\nTrân trọng.")
    S.mail("t35", "2024-02-28T14:25:00+07:00", "zimbra", fq3, "Ho so khen thuong Chi bo Ban QLDA",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ (file 7z).\nTrân trọng.",
           [A("HoSo_LyVanHung.7z", "7z", [
               ("TTr_03.docx", F("x", "BQLDA/tt")), ("BCTT_LyVanHung.docx", F("x", "BQLDA/bctt.hung")),
               ("TomTat_LyVanHung.docx", F("x", "BQLDA/tom.hung")),
               ("QDKT_2022.pdf", F("x", "BQLDA/kt.hung", "scan", dpi=150)),
               ("QDXL_2023.pdf", F("x", "BQLDA/xl.dv", "scan", dpi=150))])], in_reply_to="t34")

    # ============================================================== HCC (Apple; date-only filenames)
    d("HCC/tt", T.to_trinh, "HCC", NOM["HCC"], "Số 02-TTr/CB", "26 tháng 02 năm 2024", "list")
    d("HCC/bctt.cb", T.bctt, "HCC", n_of("HCC", "cb"), "26 tháng 02 năm 2024", confirm=False)
    d("HCC/tom.cb", T.tom_tat, "HCC", n_of("HCC", "cb"), 5)
    d("HCC/kt.cb", T.qd_khen, "HCC/kt.cb", "bloc", "Số 1225-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Trung tâm Phục vụ hành chính công tỉnh", "Khối các cơ quan tỉnh")], fillers=FILL_O + FILL_P[:1])
    d("HCC/xl.tc", T.qd_xl_tc, "HCC/xl.tc", "bloc", "Số 1533-QĐ/ĐUK", "10 tháng 01 năm 2024",
      [("Chi bộ Trung tâm Phục vụ hành chính công tỉnh", T.LEVELS[0]), ("Chi bộ Cục Quản lý thị trường tỉnh", T.LEVELS[0]),
       ("Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh", T.LEVELS[1])])
    d("HCC/kl01", T.kl01, "HCC", "Số 04-BC/CB", "12 tháng 3 năm 2024")
    fcc = ("Thân Thị Lý", UNITS["HCC"][2][0])
    S.mail("t36", "2024-02-27T13:37:48+07:00", "apple", fcc, "Hồ sơ khen thưởng Chi bộ Trung tâm HCC",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ ạ.\n\nThân Thị Lý\nBí thư Chi bộ Trung tâm Phục vụ hành chính công tỉnh",
           [F("26.2.2024.pdf", "HCC/tt", "scan", dpi=150), F("26.2.2024 (1).pdf", "HCC/bctt.cb", "scan", dpi=150),
            F("26.2.2024 (2).pdf", "HCC/tom.cb", "scan", dpi=150), F("20240227_0915.pdf", "HCC/kt.cb", "scan", dpi=150),
            F("20240227_0916.pdf", "HCC/xl.tc", "scan", dpi=150)])
    S.mail("t63", "2024-03-12T09:47:03+07:00", "apple", fcc, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo.\nThân Thị Lý", [F("Báo cáo 04.doc", "HCC/kl01", "doc")])

    # ============================================================== VPDBQH (extension request; late dossier + KL01)
    d("VPDBQH/tt", T.to_trinh, "VPDBQH", NOM["VPDBQH"], "Số 05-TTr/CB", "04 tháng 3 năm 2024", "list")
    d("VPDBQH/bctt.huyen", T.bctt, "VPDBQH", n_of("VPDBQH", "huyen"), "01 tháng 3 năm 2024", confirm=True)
    d("VPDBQH/tom.huyen", T.tom_tat, "VPDBQH", n_of("VPDBQH", "huyen"), 6)
    d("VPDBQH/kt.huyen", T.qd_khen, "VPDBQH/kt.huyen", "bloc", "Số 1222-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Đoàn Thị Thu Huyền", "Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh")], fillers=FILL_P[2:])
    d("VPDBQH/xl.dv", T.qd_xl_dv, "VPDBQH/xl.dv", "VPDBQH", "Số 09-QĐ/CB", "27 tháng 12 năm 2023",
      [("Lã Văn Toàn", "Chi bộ", T.LEVELS[0]), ("Đoàn Thị Thu Huyền", "Chi bộ", T.LEVELS[0]),
       ("Sầm Văn Khải", "Chi bộ", T.LEVELS[1]), ("Y Thị Hoa", "Chi bộ", T.LEVELS[1]), ("Chúc Văn Định", "Chi bộ", T.LEVELS[0])])
    d("VPDBQH/kl01", T.kl01, "VPDBQH", "Số 12-BC/CB", "04 tháng 3 năm 2024", heads="phan")
    fvp = ("Chi bộ VP Đoàn ĐBQH và HĐND tỉnh", UNITS["VPDBQH"][2][0])
    S.mail("t37", "2024-02-27T10:05:00+07:00", "outlook", fvp, "Xin gia hạn nộp hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nDo cơ quan đang phục vụ kỳ họp HĐND tỉnh, chi bộ kính đề nghị Ban cho "
           "gia hạn nộp hồ sơ khen thưởng đến ngày 05/3/2024.\nTrân trọng.")
    S.mail("t38", "2024-03-04T16:18:29+07:00", "outlook", fvp, "Hồ sơ khen thưởng và Báo cáo KL01 - Chi bộ VP Đoàn ĐBQH",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ đề nghị khen thưởng đồng chí Đoàn Thị Thu Huyền và báo cáo KL01 "
           "(file báo cáo có mật khẩu: vp2024).\n"
           "Trân trọng.",
           [F("TTr 05.docx", "VPDBQH/tt"), F("BCTT Thu Huyen.docx", "VPDBQH/bctt.huyen"),
            F("TT Thu Huyen.docx", "VPDBQH/tom.huyen"), F("QD KT 1222.pdf", "VPDBQH/kt.huyen", "scan", dpi=150),
            F("QD XL 09.pdf", "VPDBQH/xl.dv", "scan", dpi=150),
            F("BC 12 KL01.pdf", "VPDBQH/kl01", "encrypted", password="vp2024")], in_reply_to="t37")

    # ============================================================== TKTN (question; mutt; KL01 300 dpi gray)
    d("TKTN/tt", T.to_trinh, "TKTN", NOM["TKTN"], "Số 03-TTr/CB", "26 tháng 02 năm 2024", "list")
    d("TKTN/bctt.cb", T.bctt, "TKTN", n_of("TKTN", "cb"), "26 tháng 02 năm 2024", confirm=False)
    d("TKTN/tom.cb", T.tom_tat, "TKTN", n_of("TKTN", "cb"), 7)
    d("TKTN/xl.tc", T.qd_xl_tc, "TKTN/xl.tc", "bloc", "Số 1530-QĐ/ĐUK", "10 tháng 01 năm 2024",
      [("Chi bộ Liên minh Hợp tác xã tỉnh", T.LEVELS[0]), ("Chi bộ Sở Ngoại vụ", T.LEVELS[1]),
       ("Chi bộ Hội Nông dân tỉnh", T.LEVELS[0]), ("Chi bộ Cục Thống kê tỉnh", T.LEVELS[0])])
    d("TKTN/kt.cb", T.qd_khen, "TKTN/kt.cb", "bloc", "Số 1226-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Chi bộ Cục Thống kê tỉnh", "Khối các cơ quan tỉnh")], fillers=FILL_P[:2])
    d("TKTN/kl01", T.kl01, "TKTN", "Số 05-BC/CB", "14 tháng 3 năm 2024")
    fs = ("Ong Thi Bich", UNITS["TKTN"][2][0])
    S.mail("t39", "2024-02-23T16:40:00+07:00", "mutt", fs, "Hoi ve ho so khen thuong",
           "Kính gửi Ban Tuyên giáo,\nChi bộ đề nghị khen thưởng tập thể chi bộ thì có cần gửi quyết định xếp loại đảng "
           "viên không, hay chỉ quyết định xếp loại tổ chức đảng ạ?\nOng Thị Bích")
    S.mail("t41", "2024-02-27T09:55:00+07:00", "mutt", fs, "Ho so khen thuong - Chi bo Cuc Thong ke",
           "Kính gửi Ban Tuyên giáo,\nChi bộ Cục Thống kê gửi hồ sơ đề nghị khen thưởng tập thể chi bộ.\nOng Thị Bích",
           [F("TTr-CB-CTK.docx", "TKTN/tt"), F("BCTT-CB-CTK.docx", "TKTN/bctt.cb"), F("TomTat-CB-CTK.docx", "TKTN/tom.cb"),
            F("QD1226-KhenThuong.pdf", "TKTN/kt.cb", "scan", dpi=150),
            F("QD1530-XepLoai.pdf", "TKTN/xl.tc", "scan", dpi=150)])
    S.mail("t64", "2024-03-14T15:03:00+07:00", "mutt", fs, "Bao cao KL01 - Chi bo Cuc Thong ke",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo đã ký.\nOng Thị Bích",
           [F("BC05_KL01_signed.pdf", "TKTN/kl01", "scan", dpi=300, gray=True)])

    # ============================================================== CCBK (đoàn thể 2 CN; Gmail personal; photos)
    d("CCBK/tt", T.to_trinh, "CCBK", NOM["CCBK"], "Số 02-TTr/CCB", "25 tháng 02 năm 2024", "list")
    for n in NOM["CCBK"]:
        d(f"CCBK/bctt.{n['key']}", T.bctt, "CCBK", n, "25 tháng 02 năm 2024", confirm=True)
        d(f"CCBK/tom.{n['key']}", T.tom_tat, "CCBK", n, 6)
    d("CCBK/kt.all", T.qd_khen, "CCBK/kt.all", "bloc", "Số 1216-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Nguyễn Văn Tỵ", "Hội CCB Khối"), ("Đồng chí Triệu Đức Thành", "Hội CCB Khối")], fillers=FILL_P[3:])
    d("CCBK/xl.ty", T.qd_xl_dv, "CCBK/xl.ty", "CCBK", "Số 03-TB/CCB", "28 tháng 12 năm 2023",
      [("Nguyễn Văn Tỵ", "Chi bộ Sở Nội vụ", T.LEVELS[0]), ("Triệu Đức Thành", "Chi bộ Báo Thái Nguyên", T.LEVELS[0]),
       ("Bạch Văn Tài", "Chi bộ Sở Nội vụ", T.LEVELS[1])], kind="thong_bao")
    d("CCBK/kl01", T.kl01, "CCBK", "Số 04-BC/CCB", "15 tháng 3 năm 2024", omit=("II",))
    fcb = ("Hội CCB Khối các cơ quan tỉnh", UNITS["CCBK"][2][0])
    S.mail("t42", "2024-02-26T10:22:00+07:00", "gmail", PERSONAL["CCBK"], "Hoi CCB Khoi gui ho so khen thuong",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nHội CCB Khối gửi hồ sơ 02 đồng chí hội viên.\n\nHoàng Văn Khang\n"
           "Chủ tịch Hội CCB Khối các cơ quan tỉnh",
           [F("To trinh Hoi CCB.doc", "CCBK/tt", "doc"), F("BCTT dc Ty.doc", "CCBK/bctt.ty", "doc"),
            F("BCTT dc Thanh.doc", "CCBK/bctt.thanh", "doc"), F("Tom tat dc Ty.doc", "CCBK/tom.ty", "doc"),
            F("Tom tat dc Thanh.doc", "CCBK/tom.thanh", "doc"),
            F("QD khen 2023 hai dong chi.jpg", "CCBK/kt.all", "photo", model=("Apple", "iPhone 8")),
            F("Thong bao xep loai.jpg", "CCBK/xl.ty", "photo", model=("Apple", "iPhone 8"))])
    S.mail("t65", "2024-03-15T16:00:00+07:00", "outlook", fcb, "FW: Bao cao KL01 Hoi CCB",
           "Kính chuyển Ban Tuyên giáo báo cáo của Hội CCB Khối.\n\n"
           "From: Hoàng Văn Khang <hoangkhang.ccb@gmail.com>\nSent: Friday, March 15, 2024 3:41 PM\n"
           "To: hoiccb.khoicqt@thainguyen.gov.vn\nSubject: Bao cao KL01 Hoi CCB\n\n"
           "Văn phòng gửi giúp báo cáo lên Ban Tuyên giáo nhé.", [F("BC 04 CCB.docx", "CCBK/kl01")])

    # ============================================================== CDVCT (đoàn thể over quota with a collective; late KL01)
    d("CDVCT/tt", T.to_trinh, "CDVCT", NOM["CDVCT"], "Số 09-TTr/CĐVC", "26 tháng 02 năm 2024", "table")
    for n in NOM["CDVCT"]:
        d(f"CDVCT/bctt.{n['key']}", T.bctt, "CDVCT", n, "26 tháng 02 năm 2024", confirm=True)
        d(f"CDVCT/tom.{n['key']}", T.tom_tat, "CDVCT", n, 6)
    d("CDVCT/kt.all", T.qd_khen, "CDVCT/kt.all", "bloc", "Số 1220-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Công đoàn Bảo hiểm xã hội tỉnh", "Công đoàn Viên chức tỉnh"), ("Đồng chí Hà Thị Phượng", "Công đoàn Viên chức tỉnh"),
       ("Đồng chí Tô Văn Mạnh", "Công đoàn Viên chức tỉnh")])
    d("CDVCT/xl.dv", T.qd_xl_dv, "CDVCT/xl.dv", "CDVCT", "Số 14-TB/CĐVC", "27 tháng 12 năm 2023",
      [("Hà Thị Phượng", "Chi bộ Sở Nội vụ", T.LEVELS[0]), ("Tô Văn Mạnh", "Chi bộ Công đoàn Viên chức", T.LEVELS[0]),
       ("Đàm Thị Quyên", "Chi bộ Công đoàn Viên chức", T.LEVELS[0])], kind="thong_bao")
    d("CDVCT/kl01", T.kl01, "CDVCT", "Số 15-BC/CĐVC", "15 tháng 3 năm 2024")
    fcd = ("Công đoàn Viên chức tỉnh", UNITS["CDVCT"][2][0])
    S.mail("t43", "2024-02-27T15:45:00+07:00", "outlook", fcd, "CĐVC tỉnh gửi hồ sơ khen thưởng HT&LT Bác 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nCông đoàn Viên chức tỉnh gửi hồ sơ đề nghị khen thưởng 01 tập thể, 02 cá nhân.\n"
           "Trân trọng.",
           [F("TTr 09 CDVC.docx", "CDVCT/tt"),
            F("BCTT CĐ BHXH.docx", "CDVCT/bctt.cdbh"), F("TT CĐ BHXH.docx", "CDVCT/tom.cdbh"),
            F("BCTT Hà Thị Phượng.docx", "CDVCT/bctt.phuong"), F("TT Hà Thị Phượng.docx", "CDVCT/tom.phuong"),
            F("BCTT Tô Văn Mạnh.docx", "CDVCT/bctt.manh"), F("TT Tô Văn Mạnh.docx", "CDVCT/tom.manh"),
            F("QĐ 1220 khen thưởng 2023.pdf", "CDVCT/kt.all", "scan", dpi=200),
            F("TB xếp loại đảng viên.pdf", "CDVCT/xl.dv", "scan", dpi=150)])
    S.mail("t66", "2024-03-16T08:10:00+07:00", "outlook", fcd, "Báo cáo KL01 - CĐVC tỉnh",
           "Kính gửi Ban Tuyên giáo,\nCông đoàn Viên chức tỉnh gửi báo cáo.\nTrân trọng.", [F("BC 15 KL01.docx", "CDVCT/kl01")])

    # ============================================================== DTN (personal Gmail, unit in subject only; rar folders)
    d("DTN/tt", T.to_trinh, "DTN", NOM["DTN"], "Số 21-TTr/ĐTN", "27 tháng 02 năm 2024", "list")
    for n in NOM["DTN"]:
        d(f"DTN/bctt.{n['key']}", T.bctt, "DTN", n, "27 tháng 02 năm 2024", confirm=True)
        d(f"DTN/tom.{n['key']}", T.tom_tat, "DTN", n, 6)
    d("DTN/kt.trang", T.qd_khen, "DTN/kt.trang", "bloc", "Số 1224-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Đồng chí Mông Thị Thu Trang", "Đoàn Khối")], fillers=FILL_P[:2])
    d("DTN/kt.kiet", T.qd_khen, "DTN/kt.kiet", "bloc", "Số 1100-QĐ/ĐUK", "14 tháng 4 năm 2022", 2022,
      [("Đồng chí Đỗ Tuấn Kiệt", "Đoàn Khối")], fillers=FILL_P[2:])
    d("DTN/xl.all", T.qd_xl_dv, "DTN/xl.all", "DTN", "Số 30-TB/ĐTN", "28 tháng 12 năm 2023",
      [("Mông Thị Thu Trang", "Chi bộ Sở Xây dựng", T.LEVELS[0]), ("Đỗ Tuấn Kiệt", "Chi bộ Cơ quan Đảng ủy Khối", T.LEVELS[0])],
      kind="thong_bao")
    S.mail("t44", "2024-02-28T21:05:00+07:00", "gmail", PERSONAL["DTN"], "DTN Khoi - ho so khen thuong HTLT Bac",
           "Em gửi Ban hồ sơ ạ. Em cảm ơn!",
           [A("HS khen thuong Doan Khoi.rar", "rar", [
               ("To trinh 21.docx", F("x", "DTN/tt")),
               ("Mong Thi Thu Trang/BCTT.docx", F("x", "DTN/bctt.trang")),
               ("Mong Thi Thu Trang/Tom tat.docx", F("x", "DTN/tom.trang")),
               ("Mong Thi Thu Trang/QD khen.pdf", F("x", "DTN/kt.trang", "scan", dpi=150)),
               ("Do Tuan Kiet/BCTT.docx", F("x", "DTN/bctt.kiet")),
               ("Do Tuan Kiet/Tom tat.docx", F("x", "DTN/tom.kiet")),
               ("Do Tuan Kiet/QD khen.pdf", F("x", "DTN/kt.kiet", "scan", dpi=150)),
               ("Thong bao xep loai dang vien 2023.pdf", F("x", "DTN/xl.all", "scan", dpi=150))])])

    # ============================================================== spam, bounces, out-of-office
    S.mail("t04", "2024-02-25T03:12:44+07:00", "gmail", ("Thong bao Hop thu", "security-noreply@mailbox-verify.top"),
           "Hộp thư của bạn sắp đầy - xác minh ngay",
           "Hộp thư banbientapduk@thainguyen.gov.vn đã vượt 98% dung lượng. Nhấn vào liên kết để nâng cấp miễn phí:\n"
           "http://mailbox-verify.top/upgrade?u=banbientapduk")
    S.mail("t11", "2024-02-28T02:40:10+07:00", "gmail", ("Vay von nhanh", "vayvon.online24h@gmail.com"),
           "Vay tín chấp lãi suất 0% cho cán bộ công chức",
           "Hỗ trợ vay đến 500 triệu chỉ cần CCCD, giải ngân trong 30 phút. Liên hệ Zalo 09xx.")
    S.mail("t67", "2024-03-12T08:01:30+07:00", "bounce-postfix", ("", "MAILER-DAEMON@mail.thainguyen.gov.vn"),
           "Undelivered Mail Returned to Sender", "",
           failed_rcpt="chibo.bqlda@thainguyen.gov.vn", reason="host mail.thainguyen.gov.vn said: 552 5.2.2 Mailbox full",
           diag="smtp; 552 5.2.2 <chibo.bqlda@thainguyen.gov.vn>: Mailbox full", status="5.2.2",
           orig_date="2024-03-12T08:00:05+07:00",
           original=dict(subject="Nhắc nộp Báo cáo tình hình thực hiện Kết luận số 01-KL/TW",
                         body="Kính gửi Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh,\nBan Tuyên giáo nhắc ...",
                         date="2024-03-12T08:00:05+07:00", to="chibo.bqlda@thainguyen.gov.vn",
                         mid="reminder-kl01-bqlda-0312@thainguyen.gov.vn"))
    S.mail("t68", "2024-03-08T08:02:10+07:00", "ooo-zimbra", ("Doan Van Khai", UNITS["QLTT"][2][0]),
           "Tự động trả lời: Nhắc nộp Báo cáo KL01",
           "Tôi đang nghỉ phép đến ngày 11/3/2024. Xin cảm ơn.", in_reply_to="reminder-kl01-qltt-0308@thainguyen.gov.vn")

    # ============================================================== added mails
    d("CDVCT/kt.allb", T.qd_khen, "CDVCT/kt.allb", "bloc", "Số 1220-QĐ/ĐUK", "18 tháng 4 năm 2023", 2023,
      [("Công đoàn Bảo hiểm xã hội tỉnh", "Công đoàn Viên chức tỉnh"), ("Đồng chí Hà Thị Phượng", "Công đoàn Viên chức tỉnh"),
       ("Đồng chí Tô Văn Mạnh", "Công đoàn Viên chức tỉnh")])
    S.mail("t69", "2024-02-28T11:30:00+07:00", "outlook", fcd, "Gửi lại hồ sơ khen thưởng (bản ký, đóng dấu) - thay thế bản ngày 27/02",
           "Kính gửi Ban Tuyên giáo,\nCông đoàn Viên chức tỉnh gửi lại toàn bộ hồ sơ đã ký, đóng dấu, thay thế các tệp "
           "gửi ngày 27/02/2024.\nTrân trọng.",
           [A("HS CDVC ban ky.zip", "zip", [
               ("01 TTr 09.pdf", F("x", "CDVCT/tt", "scan", dpi=150)),
               ("02 BCTT CD BHXH.pdf", F("x", "CDVCT/bctt.cdbh", "scan", dpi=150)),
               ("03 TT CD BHXH.pdf", F("x", "CDVCT/tom.cdbh", "scan", dpi=150)),
               ("04 BCTT Ha Thi Phuong.pdf", F("x", "CDVCT/bctt.phuong", "scan", dpi=150)),
               ("05 TT Ha Thi Phuong.pdf", F("x", "CDVCT/tom.phuong", "scan", dpi=150)),
               ("06 BCTT To Van Manh.pdf", F("x", "CDVCT/bctt.manh", "scan", dpi=150)),
               ("07 TT To Van Manh.pdf", F("x", "CDVCT/tom.manh", "scan", dpi=150)),
               ("08 QD 1220.pdf", F("x", "CDVCT/kt.allb", "scan", dpi=150, gray=True)),
               ("09 TB xep loai.pdf", F("x", "CDVCT/xl.dv", "scan", dpi=150, gray=True))])], in_reply_to="t43")
    S.mail("t72", "2024-02-27T22:10:00+07:00", "gmail", PERSONAL["DTN"], "DTN Khoi - xin gui ho so toi 28/2",
           "Em chào Ban ạ, hồ sơ đang xin chữ ký, em sẽ gửi trong tối mai 28/2 ạ.")
    S.mail("t73", "2024-03-14T16:20:00+07:00", "zimbra", fq3, "Xin gia han bao cao KL01",
           "Kính gửi Ban Tuyên giáo,\nĐồng chí Bí thư chi bộ đang điều trị tại bệnh viện, chi bộ xin gia hạn nộp báo cáo "
           "thực hiện Kết luận 01 đến ngày 22/3/2024.\nTrân trọng.")
    S.mail("t74", "2024-03-13T10:00:00+07:00", "mutt", fs, "Bao cao KL01 (link OneDrive)",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi báo cáo KL01 qua OneDrive:\nhttps://1drv.ms/w/s!AkTkCtk2024bcKL01?e=Qx7pLm\n"
           "Ong Thị Bích")
    S.mail("t75", "2024-03-08T08:01:12+07:00", "bounce-gmail", ("", "mailer-daemon@googlemail.com"),
           "Delivery Status Notification (Failure)", "",
           failed_rcpt="hoivhnt.chibo@gmail.com", diag="552 5.2.2 The recipient's inbox is out of storage space.",
           status="5.2.2", orig_date="2024-03-08T08:00:03+07:00", in_reply_to="reminder-kl01-vhnt-0308@thainguyen.gov.vn",
           original=dict(subject="Nhắc nộp Báo cáo tình hình thực hiện Kết luận số 01-KL/TW",
                         body="Kính gửi Chi bộ Hội Văn học Nghệ thuật tỉnh,\nBan Tuyên giáo nhắc ...",
                         date="2024-03-08T08:00:03+07:00", to="hoivhnt.chibo@gmail.com",
                         mid="reminder-kl01-vhnt-0308@thainguyen.gov.vn"))
    return S
