"""What each unit of the fresh corpus sends, when and how (written for eval/fresh).

Document keys are "<UNIT>/<kind>.<n>" with kind tt | bctt | tom | kt | xl | kl01 | misc | bb (check_labels.py
maps them to deliverables).  Mail ids f01..f66.  Times are INTERNALDATEs (+07:00).
"""
from __future__ import annotations

from evalcorpus.dsl import A, E, F, Sc

from . import text as T
from .units import KHOI, UNITS

INTAKE = "banbientapduk@thainguyen.gov.vn"


def N(kind, name, role="", **kw):
    return dict(kind=kind, name=name, role=role, **kw)


# the nominees of each unit (canonical names exactly as in the unit's Tờ trình)
NOM = {
    "SYT": [N("tap_the", "Chi bộ Phòng Nghiệp vụ Y", "Chi bộ trực thuộc Đảng bộ Sở Y tế", leader="Vũ Thị Ngần"),
            N("ca_nhan", "Lường Thị Hoa", "Phó Trưởng phòng Tổ chức cán bộ, Sở Y tế", sex="Nữ", born="1981")],
    "STP": [N("tap_the", "Chi bộ Phòng Công chứng số 1", "Chi bộ trực thuộc Đảng bộ Sở Tư pháp", leader="Đoàn Văn Lợi"),
            N("ca_nhan", "Hà Thị Nguyệt Ánh", "Chuyên viên Phòng Hành chính tư pháp", sex="Nữ", born="1988")],
    "STC": [N("tap_the", "Chi bộ Phòng Quản lý ngân sách", "Chi bộ trực thuộc Đảng bộ Sở Tài chính", leader="Mẫn Văn Tiến"),
            N("ca_nhan", "Đinh Công Tráng", "Trưởng phòng Tin học và Thống kê, Sở Tài chính", born="1975")],
    "SGDDT": [N("tap_the", "Chi bộ Phòng Giáo dục Trung học", "Chi bộ trực thuộc Đảng bộ Sở GD&ĐT", leader="Lưu Thị Dịu"),
              N("ca_nhan", "Đinh Văn Khải", "Phó Chánh Văn phòng Sở Giáo dục và Đào tạo", born="1983")],
    "SNN": [N("tap_the", "Chi bộ Chi cục Thủy lợi", "Chi bộ trực thuộc Đảng bộ Sở NN&PTNT", leader="Hà Văn Tư"),
            N("ca_nhan", "Hoàng Văn Páo", "Đội trưởng Đội Kiểm lâm cơ động, Chi cục Kiểm lâm", born="1979"),
            N("ca_nhan", "Nguyễn Thị Lan Hương", "Kế toán trưởng, Phòng Kế hoạch - Tài chính", sex="Nữ", born="1986")],
    "SKHCN": [N("ca_nhan", "Nông Văn Tuyển", "Trưởng phòng Quản lý chuyên ngành, Sở KH&CN", born="1977")],
    "CTHUE": [N("tap_the", "Chi bộ Phòng Kiểm tra số 1", "Chi bộ trực thuộc Đảng bộ Cục Thuế tỉnh", leader="Lục Văn Đông"),
              N("ca_nhan", "Trịnh Thu Phương", "Phó Chánh Văn phòng Cục Thuế tỉnh", sex="Nữ", born="1984")],
    "VPUB": [N("tap_the", "Chi bộ Phòng Tổng hợp - Thư ký", "Chi bộ trực thuộc Đảng bộ Văn phòng UBND tỉnh",
               leader="Đồng Văn Khánh"),
             N("ca_nhan", "Vi Thị Thắm", "Chuyên viên Phòng Hành chính - Tổ chức, Văn phòng UBND tỉnh", sex="Nữ")],
    "KBNN": [N("tap_the", "Chi bộ Phòng Kế toán nhà nước", "Chi bộ trực thuộc Đảng bộ KBNN tỉnh", leader="Lã Thị Vân"),
             N("ca_nhan", "Dương Quốc Huy", "Phó Trưởng phòng Kiểm soát chi, KBNN tỉnh", born="1980")],
    "LDLD": [N("tap_the", "Chi bộ Ban Tổ chức - Kiểm tra", "Chi bộ trực thuộc Đảng bộ LĐLĐ tỉnh", leader="Mai Xuân Hòa"),
             N("ca_nhan", "Sầm Thị Duyên", "Phó Trưởng Ban Tuyên giáo - Nữ công, LĐLĐ tỉnh", sex="Nữ")],
    "SNGV": [N("tap_the", "Chi bộ Sở Ngoại vụ", "chi bộ cơ sở trực thuộc Đảng bộ Khối các cơ quan tỉnh")],
    "BDT": [N("ca_nhan", "Lục Thị Mến", "Phó Trưởng phòng Chính sách dân tộc, Ban Dân tộc tỉnh", sex="Nữ", born="1987")],
    "TTRA": [N("tap_the", "Phòng Nghiệp vụ 2", "Thanh tra tỉnh"),
             N("ca_nhan", "Ôn Văn Chiêm", "Thanh tra viên chính, Phòng Nghiệp vụ 1", born="1974")],
    "HNB": [N("ca_nhan", "Quách Thị Thu Hà", "Phó Chủ tịch Thường trực Hội Nhà báo tỉnh", sex="Nữ", born="1972")],
    "HCCBT": [N("tap_the", "Chi bộ Hội Cựu chiến binh tỉnh", "chi bộ cơ sở trực thuộc Đảng bộ Khối")],
    "XTTM": [N("ca_nhan", "Cù Thị Phượng", "Trưởng phòng Thông tin - Hội chợ, Trung tâm XTTM", sex="Nữ")],
    "CNTT": [N("tap_the", "Chi bộ Trung tâm Công nghệ thông tin và Truyền thông tỉnh",
               "chi bộ cơ sở trực thuộc Đảng bộ Khối")],
    "HKH": [N("ca_nhan", "Mạc Văn Trường", "Phó Chủ tịch Hội Khuyến học tỉnh", born="1962")],
    "VPDK": [N("tap_the", "Chi bộ Văn phòng Đăng ký đất đai tỉnh", "chi bộ cơ sở trực thuộc Đảng bộ Khối")],
    "BQLRPH": [N("ca_nhan", "Hà Văn Khiêm", "Trạm trưởng Trạm Quản lý bảo vệ rừng Phúc Xuân", born="1976")],
    "HCCBK": [N("ca_nhan", "Triệu Đình Nhất", "Chủ tịch Hội CCB cơ sở Sở Xây dựng", born="1960"),
              N("ca_nhan", "Phạm Thị Oanh", "Ủy viên Ban Chấp hành Hội CCB Khối", sex="Nữ", born="1963")],
    "CDVC": [N("ca_nhan", "Dương Thị Thu Trang", "Chủ tịch Công đoàn cơ sở Bệnh viện Đa khoa tỉnh", sex="Nữ"),
             N("ca_nhan", "Lâm Văn Bình", "Chủ tịch Công đoàn cơ sở Trường CĐ Thương mại và Du lịch"),
             N("ca_nhan", "Hứa Thị Kim Oanh", "Ủy viên Ban Thường vụ Công đoàn Viên chức tỉnh", sex="Nữ")],
    "DTNK": [N("ca_nhan", "Hoàng Gia Bảo", "Bí thư Chi đoàn Sở Tài nguyên và Môi trường", born="1994"),
             N("ca_nhan", "Tạ Thu Uyên", "Phó Bí thư Đoàn Khối các cơ quan tỉnh", sex="Nữ", born="1992")],
}

OTHERS = ["Lê Văn Khoa", "Hoàng Thị Nhung", "Trần Đức Mạnh", "Phạm Thu Giang", "Nguyễn Văn Sỹ", "Bùi Thị Hiền",
          "Đỗ Minh Châu", "Tô Văn Quý", "Lý Thị Ngọc Bích", "Đặng Hữu Phúc"]
OTHER_ORGS = ["Chi bộ Văn phòng", "Chi bộ Phòng Kế hoạch - Tài chính", "Chi bộ Thanh tra", "Chi bộ Phòng Tổ chức cán bộ"]
OTHER_CB = ["Chi bộ Sở Xây dựng", "Chi bộ Hội Nông dân tỉnh", "Chi bộ Ban Thi đua - Khen thưởng",
            "Chi bộ Liên minh Hợp tác xã", "Chi bộ Hội Luật gia tỉnh"]


def issuer_of(code):
    u = UNITS[code]
    return dict(up=u["up"], org=u["org"], sign=u["sign"], state=u["state"])


UBND = dict(up="", org="ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", sign=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Việt Hùng"),
            state=True)


def register(S, code, tt=dict(), bctt=dict(), tom=dict(), kt=dict(), xl=dict(), kl=None, tt_noms=None):
    """Register the usual documents of a unit's dossier.  Per-kind overrides by nominee index (1-based)."""
    U = UNITS[code]
    noms = NOM[code]
    S.doc(f"{code}/tt", T.to_trinh, f"{code}/tt", U, tt_noms or noms, **tt)
    for i, n in enumerate(noms, 1):
        S.doc(f"{code}/bctt.{i}", T.bctt, f"{code}/bctt.{i}", U, n, **bctt.get(i, {}))
        if "all" not in tom:
            S.doc(f"{code}/tom.{i}", T.tom_tat, f"{code}/tom.{i}", U, [n], **tom.get(i, {}))
        ko = kt.get(i, {})
        if n["kind"] == "tap_the":
            if U["kind"] == "dang_bo_co_so":
                rows = [(OTHER_ORGS[0], "Đảng bộ " + U["name"].split(" ", 2)[-1])]
            else:
                rows = [(OTHER_CB[3], "chi bộ cơ sở trực thuộc Đảng bộ Khối")]
            rows.insert(ko.get("pos", 1), (n["name"], n["role"]))
            S.doc(f"{code}/kt.{i}", T.qd_khen_thuong, f"{code}/kt.{i}", ko.get("issuer", KHOI),
                  ko.get("no", "Số 1902-QĐ/ĐUK"), ko.get("date", "16/05/2023"),
                  "Về việc khen thưởng tập thể có thành tích trong học tập và làm theo Bác năm 2022", rows,
                  kind="tap_the")
        else:
            rows = [(OTHERS[(i + j) % len(OTHERS)], "Đảng viên " + U["agency_short"]) for j in range(3)]
            rows.insert(ko.get("pos", 2), (n["name"], n["role"]))
            S.doc(f"{code}/kt.{i}", T.qd_khen_thuong, f"{code}/kt.{i}", ko.get("issuer", KHOI),
                  ko.get("no", "Số 1903-QĐ/ĐUK"), ko.get("date", "16/05/2023"),
                  "Về việc tặng Giấy khen cho cá nhân tiêu biểu trong học tập và làm theo Bác năm 2022", rows)
        xo = xl.get(i, {})
        if n["kind"] == "tap_the":
            if U["kind"] == "dang_bo_co_so":
                rows = [(OTHER_ORGS[1], "Hoàn thành tốt nhiệm vụ"), (n["name"], "Hoàn thành xuất sắc nhiệm vụ"),
                        (OTHER_ORGS[2], "Hoàn thành tốt nhiệm vụ")]
                S.doc(f"{code}/xl.{i}", T.qd_xep_loai, f"{code}/xl.{i}", issuer_of(code), "Số 88-QĐ/ĐU",
                      "29/12/2023", rows, org_level=True, st=U["style"])
            else:
                rows = [(c, "Hoàn thành tốt nhiệm vụ") for c in OTHER_CB[:3]]
                rows.insert(xo.get("pos", 2), (n["name"], "Hoàn thành xuất sắc nhiệm vụ"))
                S.doc(f"{code}/xl.{i}", T.qd_xep_loai, f"{code}/xl.{i}", KHOI, "Số 2417-QĐ/ĐUK", "10/01/2024", rows,
                      org_level=True)
        elif "skip" not in xo:
            members = xo.get("members") or [n["name"]]
            rows = [(OTHERS[(i * 3 + j) % len(OTHERS)], "Hoàn thành tốt nhiệm vụ") for j in range(4)]
            for k, m in enumerate(members):
                rows.insert(1 + 2 * k, (m, "Hoàn thành xuất sắc nhiệm vụ"))
            iss = xo.get("issuer", issuer_of(code) if U["kind"] != "doan_the" else dict(
                up=KHOI["org"], org="ĐẢNG ỦY " + xo.get("party", "SỞ XÂY DỰNG"),
                sign=("T/M ĐẢNG ỦY", "BÍ THƯ", "Hoàng Mạnh Cường"), state=False))
            S.doc(f"{code}/xl.{i}", T.qd_xep_loai, f"{code}/xl.{i}", iss, xo.get("no", "Số 91-QĐ/ĐU"), "28/12/2023",
                  rows, st=xo.get("st", "khoi"), notice=xo.get("notice", False))
    if "all" in tom:
        S.doc(f"{code}/tom.all", T.tom_tat, f"{code}/tom.all", U, noms, **tom["all"])
    if kl is not None:
        S.doc(f"{code}/kl01", T.kl01, f"{code}/kl01", U, f"Số {kl.pop('no', '21')}-BC/{U['abbr']}", kl.pop("date"),
              **kl)


def build():
    S = Sc()
    for code, u in UNITS.items():
        u["agency_short"] = u["aliases"][1]
    reg = {c: (u["secretary"], u["emails"][0]) for c, u in UNITS.items()}

    # ======================================================================================= SYT
    register(S, "SYT", tt=dict(no="Số 37-TTr/ĐU", date="23/02/2024", layout="table"), tom={"all": {}},
             kl=dict(no="45", date="08/03/2024", heads="roman"))
    S.doc("SYT/bb", T.bien_ban, "SYT/bb", UNITS["SYT"], NOM["SYT"], "22/02/2024")
    S.doc("SYT/misc.tg", T.other_report, "SYT/misc.tg", UNITS["SYT"], "Kết quả công tác tuyên giáo năm 2023",
          "05/01/2024")
    S.mail("f01", "2024-02-24T09:12:40+07:00", "outlook", ("Văn phòng Đảng ủy Sở Y tế", reg["SYT"][1]),
           "V/v gửi hồ sơ đề nghị khen thưởng học tập và làm theo Bác năm 2024",
           "Kính gửi: Ban Tuyên giáo Đảng ủy Khối.\n\nĐảng ủy Sở Y tế gửi hồ sơ đề nghị tặng Giấy khen cho 01 tập thể "
           "và 01 cá nhân theo Kế hoạch 120-KH/ĐUK (kèm biên bản họp xét).\n\nTrân trọng.\nVăn phòng Đảng ủy Sở Y tế\n"
           "ĐT: 0208.3855.146",
           [F("01. TTr DU So Y te.docx", "SYT/tt"), F("02a. BCTT CB Phong Nghiep vu Y.docx", "SYT/bctt.1"),
            F("02b. BCTT đc Lường Thị Hoa.docx", "SYT/bctt.2"), F("03. Tom tat TT + CN.docx", "SYT/tom.all"),
            F("04. QĐ khen thưởng.pdf", ["SYT/kt.1", "SYT/kt.2"], "scan", stamp=True),
            F("05. QĐ xếp loại TCĐ 2023.pdf", "SYT/xl.1", "scan", stamp=True),
            F("05b. QĐ xếp loại đảng viên 2023 - Lường Thị Hoa.pdf", "SYT/xl.2", "scan", stamp=True),
            F("Bien ban hop xet.docx", "SYT/bb")])
    S.mail("f02", "2024-03-11T10:05:12+07:00", "outlook", ("Văn phòng Đảng ủy Sở Y tế", reg["SYT"][1]),
           "Báo cáo thực hiện Kết luận 01-KL/TW", "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở Y tế gửi báo cáo KL01.\nTrân trọng.",
           [F("Báo cáo KL01.docx", "SYT/misc.tg")])
    S.mail("f03", "2024-03-11T15:31:02+07:00", "outlook", ("Văn phòng Đảng ủy Sở Y tế", reg["SYT"][1]),
           "RE: Báo cáo thực hiện Kết luận 01-KL/TW (gửi lại do đính kèm nhầm)",
           "Kính gửi Ban Tuyên giáo,\nSáng nay văn phòng đính kèm nhầm báo cáo công tác tuyên giáo. Xin gửi lại đúng "
           "báo cáo KL01, đề nghị Ban bỏ file gửi trước.\nTrân trọng.", [F("BC 01-KL.docx", "SYT/kl01")],
           in_reply_to="f02")

    # ======================================================================================= STP
    register(S, "STP", tt=dict(no="Số 12-TTr/ĐU", date="24/02/2024", layout="prose"),
             kt={1: dict(issuer=UBND, no="Số 905/QĐ-UBND", date="20/04/2023")},
             kl=dict(no="19", date="16/03/2024", heads="arabic", missing=("III.3",)))
    ngat = ("Phan Thị Ngát", "phanngat87@gmail.com")
    S.mail("f04", "2024-02-26T10:40:05+07:00", "gmail", ngat, "Đảng ủy Sở Tư pháp gửi Tờ trình và hồ sơ tập thể",
           "Em gửi Ban Tuyên giáo hồ sơ ạ. Hồ sơ cá nhân em gửi sau.\n\nNgát",
           [F("To trinh.docx", "STP/tt"), F("BCTT Chi bo Phong cong chung so.docx", "STP/bctt.1"),
            F("Tom tat Chi bo Phong cong chung so.docx", "STP/tom.1"),
            F("QD khen thuong - tap the.pdf", "STP/kt.1", "scan", stamp=True),
            F("QD xep loai to chuc dang 2023.pdf", "STP/xl.1", "scan", stamp=True)])
    S.mail("f05", "2024-02-27T14:22:31+07:00", "gmail", ngat, "STP - ho so ca nhan (tiep)",
           "Em gửi tiếp hồ sơ cá nhân đ/c Ánh ạ.\n\nNgát", [
               F("Ánh Hà Thị Nguyệt - BCTT.docx", "STP/bctt.2"), F("Tóm tắt TT Ánh.docx", "STP/tom.2"),
               F("QĐ KT 2022.jpg", "STP/kt.2", "photo", stamp=True),
               F("QĐ XL ĐV.pdf", "STP/xl.2", "scan", stamp=True)])
    S.mail("f06", "2024-03-18T08:30:44+07:00", "snail", (UNITS["STP"]["secretary"], reg["STP"][1]), "Bao cao KL01",
           "Dang uy So Tu phap gui bao cao KL01, xin loi Ban vi gui muon.", [F("BC KL01 - DU STP.docx", "STP/kl01")])

    # ======================================================================================= STC
    register(S, "STC", tt=dict(no="Số 08-TTr/ĐU", date="23/02/2024", layout="numbered"),
             tom={2: dict(long=True)}, kl=dict(no="27", date="12/03/2024", heads="roman"))
    S.doc("STC/tom.2b", T.tom_tat, "STC/tom.2b", UNITS["STC"], [NOM["STC"][1]], st="formal")
    stc = ("Đảng ủy Sở Tài chính", reg["STC"][1])
    S.mail("f07", "2024-02-25T15:10:09+07:00", "zimbra", stc, "Hồ sơ khen thưởng HT&LT Bác 2024 - ĐU Sở Tài chính",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Sở Tài chính gửi hồ sơ đề nghị khen thưởng 01 tập thể, "
           "01 cá nhân (file PDF).\n\nTrân trọng!", [
               F("TTr.pdf", "STC/tt", "pdf"), F("BCTT_ChiboPhongQLNS.pdf", "STC/bctt.1", "pdf"),
               F("BCTT_DinhCongTrang.pdf", "STC/bctt.2", "pdf"), F("TomTat_ChiboPhongQLNS.pdf", "STC/tom.1", "pdf"),
               F("TomTat_DinhCongTrang.pdf", "STC/tom.2", "pdf"),
               F("QD_KT.pdf", ["STC/kt.1", "STC/kt.2"], "scan", stamp=True, gray=True),
               F("QD_XL_TCD.pdf", "STC/xl.1", "scan", stamp=True, gray=True),
               F("QD_XL_DV.pdf", "STC/xl.2", "scan", stamp=True, gray=True)])
    S.mail("f08", "2024-02-27T09:20:50+07:00", "zimbra", stc,
           "Re: Hồ sơ khen thưởng HT&LT Bác 2024 - gửi lại bản tóm tắt đ/c Tráng",
           "Kính gửi Ban,\n\nTheo góp ý của Ban, bản tóm tắt của đồng chí Đinh Công Tráng dài quá nửa trang. Đảng ủy "
           "gửi lại bản đã rút gọn để thay bản cũ.\n\nTrân trọng!", [F("TomTat_DinhCongTrang_rutgon.docx", "STC/tom.2b")],
           in_reply_to="f07")
    S.mail("f09", "2024-03-14T16:45:30+07:00", "zimbra", stc, "Báo cáo thực hiện KL 01-KL/TW",
           "Kính gửi Ban,\nĐảng ủy Sở Tài chính gửi báo cáo (bản ký, đóng dấu).\nTrân trọng!",
           [F("BC KL01 (ban ky).pdf", "STC/kl01", "scan", stamp=True)])

    # ===================================================================================== SGDDT
    register(S, "SGDDT", tt=dict(no="Số 15-TTr/ĐU", date="26/02/2024", layout="table"),
             kl=dict(no="33", date="15/03/2024", heads="phan"))
    hs = "HO SO KHEN THUONG/"
    S.mail("f10", "2024-02-27T20:15:00+07:00", "gmail", ("Trần Huyền", "tranhuyen.1990@gmail.com"),
           "Gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nEm là văn thư Đảng ủy Sở Giáo dục và Đào tạo. Em gửi hồ sơ đề "
           "nghị khen thưởng của Đảng ủy Sở (file nén). Mail cơ quan đang lỗi nên em gửi bằng mail cá nhân ạ.\n\n"
           "Em cảm ơn!", [A("HO SO KHEN THUONG.zip", "zip", [
               (hs + "TO TRINH.docx", F("TO TRINH.docx", "SGDDT/tt", "docx-lo")),
               (hs + "TAP THE/BAO CAO THANH TICH TAP THE.docx", F("x.docx", "SGDDT/bctt.1", "docx-lo")),
               (hs + "TAP THE/TOM TAT TAP THE.docx", F("x.docx", "SGDDT/tom.1", "docx-lo")),
               (hs + "TAP THE/QD KHEN THUONG TAP THE.pdf", F("x.pdf", "SGDDT/kt.1", "scan", stamp=True)),
               (hs + "TAP THE/QD XEP LOAI.pdf", F("x.pdf", "SGDDT/xl.1", "scan", stamp=True)),
               (hs + "CA NHAN/BCTT DINH VAN KHAI.docx", F("x.docx", "SGDDT/bctt.2", "docx-lo")),
               (hs + "CA NHAN/TOM TAT DC KHAI.docx", F("x.docx", "SGDDT/tom.2", "docx-lo")),
               (hs + "CA NHAN/QD KT DC KHAI.pdf", F("x.pdf", "SGDDT/kt.2", "scan", stamp=True)),
               (hs + "CA NHAN/QD XL DANG VIEN.pdf", F("x.pdf", "SGDDT/xl.2", "scan", stamp=True))])])
    S.mail("f11", "2024-03-15T21:40:18+07:00", "mutt", ("Dang uy So GD&DT", reg["SGDDT"][1]),
           "Bao cao KL01 - Dang uy So GD&DT", "Kinh gui Ban Tuyen giao,\nDang uy So GD&DT gui bao cao KL01.\nTran trong.",
           [F("Bao cao ket qua thuc hien KL01.odt", "SGDDT/kl01", "odt")])

    # ======================================================================================= SNN
    register(S, "SNN", tt=dict(no="Số 21-TTr/ĐU", date="22/02/2024", layout="numbered"), tom={"all": {}},
             xl={2: dict(members=[NOM["SNN"][1]["name"], NOM["SNN"][2]["name"]]), 3: dict(skip=True)})
    S.mail("f12", "2024-02-23T16:00:21+07:00", "outlook", ("Đảng ủy Sở NN&PTNT", reg["SNN"][1]),
           "Đảng ủy Sở Nông nghiệp và PTNT gửi hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nĐảng ủy Sở gửi hồ sơ đề nghị khen thưởng 01 tập thể và 02 cá nhân "
           "(file nén 7z).\nTrân trọng.", [A("Ho so de nghi khen thuong.7z", "7z", [
               ("To trinh SNN.docx", F("a.docx", "SNN/tt")),
               ("BCTT Chi cuc Thuy loi.docx", F("a.docx", "SNN/bctt.1")),
               ("BCTT Hoang Van Pao.docx", F("a.docx", "SNN/bctt.2")),
               ("BCTT Nguyen Thi Lan Huong.docx", F("a.docx", "SNN/bctt.3")),
               ("Tom tat 03.docx", F("a.docx", "SNN/tom.all")),
               ("QD khen thuong (3).pdf", F("a.pdf", ["SNN/kt.1", "SNN/kt.2", "SNN/kt.3"], "scan", stamp=True)),
               ("QD xep loai.pdf", F("a.pdf", ["SNN/xl.1", "SNN/xl.2"], "scan", stamp=True))])])
    S.mail("f13", "2024-03-05T08:02:11+07:00", "ooo-outlook", ("Đảng ủy Sở NN&PTNT", reg["SNN"][1]),
           "Trả lời tự động: [Nhắc] Báo cáo thực hiện Kết luận 01-KL/TW",
           "Tôi đang đi công tác từ 04/3 đến 08/3/2024, sẽ trả lời thư khi trở về.\nViệc gấp xin liên hệ "
           "đ/c Hầu Văn Dũng, ĐT 0912 447 305.", in_reply_to="reminder-0304-snn@thainguyen.gov.vn")

    # ===================================================================================== SKHCN
    register(S, "SKHCN", tt=dict(no="Số 06-TTr/ĐU", date="24/02/2024", layout="breaks"),
             xl={1: dict(notice=True)}, kl=dict(no="14", date="12/03/2024", heads="arabic"))
    kh = ("Đảng ủy Sở KH&CN", reg["SKHCN"][1])
    S.mail("f14", "2024-02-26T09:30:00+07:00", "mutt", kh, "Hồ sơ đề nghị khen thưởng cá nhân - Đảng ủy Sở KH&CN",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Sở Khoa học và Công nghệ gửi hồ sơ đề nghị tặng Giấy "
           "khen cho 01 cá nhân. Quyết định khen thưởng và thông báo xếp loại chụp bằng điện thoại.\n\nTrân trọng.", [
               F("Tờ trình đề nghị khen thưởng.docx", "SKHCN/tt"),
               F("Báo cáo thành tích Đồng chí Nông Văn Tuyển.docx", "SKHCN/bctt.1", "corrupt", base="docx", frac=0.55),
               F("Tóm tắt thành tích Đồng chí Tuyển.docx", "SKHCN/tom.1"),
               F("IMG_20240223_143015.jpg", "SKHCN/kt.1", "photo", stamp=True),
               F("IMG_20240223_143102.jpg", "SKHCN/xl.1", "photo", stamp=True, model=("Apple", "iPhone 11"))])
    S.mail("f15", "2024-02-26T16:12:45+07:00", "mutt", kh,
           "Re: Hồ sơ đề nghị khen thưởng cá nhân - gửi lại báo cáo thành tích",
           "Kính gửi Ban,\nFile báo cáo thành tích gửi sáng nay bị lỗi không mở được, Đảng ủy gửi lại.\nTrân trọng.",
           [F("Báo cáo thành tích Đồng chí Nông Văn Tuyển.docx", "SKHCN/bctt.1")], in_reply_to="f14")
    S.mail("f16", "2024-03-13T10:00:05+07:00", "mutt", kh, "Báo cáo KL01", "Kính gửi Ban Tuyên giáo,\nĐảng ủy Sở KH&CN "
           "gửi báo cáo thực hiện Kết luận 01.\nTrân trọng.", [F("BC_KL01_SoKHCN.odt", "SKHCN/kl01", "odt")])

    # ===================================================================================== CTHUE
    register(S, "CTHUE", tt=dict(no="Số 11-TTr/ĐU", date="24/02/2024", layout="table"),
             bctt={1: dict(sub=("ĐẢNG BỘ CỤC THUẾ TỈNH", "CHI BỘ PHÒNG KIỂM TRA SỐ 1"))},
             xl={2: dict(members=[NOM["CTHUE"][1]["name"]])}, kl=dict(no="40", date="11/03/2024", heads="roman"))
    S.mail("f17", "2024-02-24T08:50:33+07:00", "gmail", ("Lục Văn Đông", "lucdong.thue@gmail.com"),
           "Gui ho so tap the Chi bo Phong Kiem tra 1",
           "Kính gửi Ban Tuyên giáo,\nChi bộ Phòng Kiểm tra số 1 gửi hồ sơ đề nghị khen thưởng tập thể chi bộ.\n"
           "Lục Văn Đông - Bí thư chi bộ", [
               F("BCTT Chi bo Phong Kiem tra so.docx", "CTHUE/bctt.1"), F("Tom tat CB KT1.docx", "CTHUE/tom.1"),
               F("scan QD khen 2022.pdf", "CTHUE/kt.1", "scan", stamp=True)])
    ct = ("Văn phòng Đảng ủy Cục Thuế", reg["CTHUE"][1])
    S.mail("f18", "2024-02-26T14:30:12+07:00", "outlook", ct, "V/v đề nghị khen thưởng HT&LT Bác năm 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Cục Thuế tỉnh gửi Tờ trình và hồ sơ cá nhân. Hồ sơ tập "
           "thể Chi bộ Phòng Kiểm tra số 1 đã do chi bộ gửi trực tiếp ngày 24/02; Đảng ủy gửi kèm quyết định xếp loại "
           "tổ chức đảng.\n\nTrân trọng.", [
               F("To trinh 2024.docx", "CTHUE/tt"), F("Bao cao thanh tich - Trinh Thu Phuong.docx", "CTHUE/bctt.2"),
               F("Tom tat - Trinh Thu Phuong.docx", "CTHUE/tom.2"),
               F("QD khen thuong - Phuong.pdf", "CTHUE/kt.2", "scan", stamp=True),
               F("QD xep loai DV 2023 (trich).pdf", "CTHUE/xl.2", "scan", stamp=True),
               F("QD xep loai TCD 2023.pdf", "CTHUE/xl.1", "scan", stamp=True)])
    S.mail("f19", "2024-03-12T09:15:40+07:00", "outlook", ct, "Báo cáo KL01 - Đảng ủy Cục Thuế",
           "Kính gửi Ban,\nĐảng ủy Cục Thuế gửi báo cáo.\nTrân trọng.", [F("Báo cáo KL01.pdf", "CTHUE/kl01", "pdf-web")])

    # ====================================================================================== VPUB
    register(S, "VPUB", tt=dict(no="Số 09-TTr/ĐU", date="27/02/2024", layout="table"), tom={"all": {}},
             kl=dict(no="52", date="14/03/2024", heads="roman", eval_table=True))
    vp = ("Đảng ủy Văn phòng UBND tỉnh", reg["VPUB"][1])
    S.mail("f20", "2024-02-28T16:10:27+07:00", "outlook", vp, "Hồ sơ đề nghị khen thưởng - Đảng ủy VP UBND tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Văn phòng UBND tỉnh gửi hồ sơ. File Tờ trình có mật khẩu: vpub2024\n\n"
           "Trân trọng.", [
               F("TTr_VPUB_khenthuong.pdf", "VPUB/tt", "encrypted", password="vpub2024"),
               F("BCTT tap the Phong TH-TK.doc", "VPUB/bctt.1", "doc"),
               F("BCTT ca nhan Vi Thi Tham.doc", "VPUB/bctt.2", "doc"),
               F("Tom tat thanh tich (02).doc", "VPUB/tom.all", "doc"),
               F("QĐ khen thưởng Phòng TH-TK.pdf", "VPUB/kt.1", "scan", stamp=True),
               F("QĐ khen thưởng đ.c Thắm.pdf", "VPUB/kt.2", "scan", stamp=True),
               F("QĐ xếp loại.pdf", ["VPUB/xl.1", "VPUB/xl.2"], "scan", stamp=True)])
    S.mail("f21", "2024-02-29T08:15:03+07:00", "outlook", vp, "RE: Hồ sơ đề nghị khen thưởng - gửi lại Tờ trình",
           "Kính gửi Ban,\nBan báo không mở được Tờ trình, Đảng ủy gửi lại bản Word không đặt mật khẩu.\nTrân trọng.",
           [F("TTr_VPUB_khenthuong.docx", "VPUB/tt")], in_reply_to="f20")
    S.mail("f22", "2024-03-14T17:20:00+07:00", "outlook", vp, "Báo cáo kết quả thực hiện Kết luận 01",
           "Kính gửi Ban,\nĐảng ủy Văn phòng UBND tỉnh gửi báo cáo.\nTrân trọng.",
           [F("BC KL01 VPUB.rtf", "VPUB/kl01", "rtf")])

    # ====================================================================================== KBNN
    register(S, "KBNN", tt=dict(no="Số 05-TTr/ĐU", date="22/02/2024", layout="numbered"),
             kl=dict(no="17", date="14/03/2024", heads="roman", missing=("IV",)))
    S.doc("KBNN/bb", T.bien_ban, "KBNN/bb", UNITS["KBNN"], NOM["KBNN"], "21/02/2024")
    kb = ("Dang uy KBNN tinh", reg["KBNN"][1])
    S.mail("f23", "2024-02-23T10:30:45+07:00", "snail", kb, "Ho so khen thuong - Dang uy KBNN tinh",
           "Kinh gui Ban Tuyen giao Dang uy Khoi,\nDang uy Kho bac Nha nuoc tinh gui ho so de nghi khen thuong "
           "(01 tap the, 01 ca nhan) va bien ban hop xet.\nTran trong.", [
               F("To trinh KBNN.docx", "KBNN/tt", "docx-lo"), F("BCTT Phong KTNN.docx", "KBNN/bctt.1", "docx-lo"),
               F("BCTT Duong Quoc Huy.docx", "KBNN/bctt.2", "docx-lo"), F("TT Phong KTNN.docx", "KBNN/tom.1", "docx-lo"),
               F("TT Duong Quoc Huy.docx", "KBNN/tom.2", "docx-lo"),
               F("QDKT.pdf", ["KBNN/kt.1", "KBNN/kt.2"], "scan", stamp=True),
               F("QDXL.pdf", ["KBNN/xl.1", "KBNN/xl.2"], "scan", stamp=True),
               F("BB hop xet khen thuong.docx", "KBNN/bb", "docx-lo")])
    S.mail("f24", "2024-02-27T11:00:10+07:00", "snail", kb, "Gui lai toan bo ho so (ban co chu ky, dau do)",
           "Kinh gui Ban,\nDang uy KBNN gui lai toan bo ho so ban scan co chu ky, dong dau de thay the ban gui ngay "
           "23/02.\nTran trong.", [A("Ho so KBNN (ban scan).rar", "rar", [
               ("01_ToTrinh.pdf", F("b.pdf", "KBNN/tt", "scan", stamp=True)),
               ("02_BCTT_PhongKTNN.pdf", F("b.pdf", "KBNN/bctt.1", "scan", stamp=True)),
               ("03_BCTT_DuongQuocHuy.pdf", F("b.pdf", "KBNN/bctt.2", "scan", stamp=True)),
               ("04_TomTat_PhongKTNN.pdf", F("b.pdf", "KBNN/tom.1", "scan")),
               ("05_TomTat_DuongQuocHuy.pdf", F("b.pdf", "KBNN/tom.2", "scan")),
               ("06_QD_KT.pdf", F("b.pdf", ["KBNN/kt.1", "KBNN/kt.2"], "scan", stamp=True, dpi=120)),
               ("07_QD_XL.pdf", F("b.pdf", ["KBNN/xl.1", "KBNN/xl.2"], "scan", stamp=True, dpi=120))])])
    S.mail("f25", "2024-03-15T10:30:00+07:00", "snail", kb, "Bao cao KL01", "Kinh gui Ban,\nDang uy KBNN gui bao cao "
           "KL01.\nTran trong.", [F("BC KL01.doc", "KBNN/kl01", "doc")])

    # ====================================================================================== LDLD
    register(S, "LDLD", tt=dict(no="Số 03-TTr/ĐU", date="29/02/2024", layout="prose"), tom={"all": {}},
             bctt={2: dict(confirm=False)})
    ld = ("Đảng ủy LĐLĐ tỉnh", reg["LDLD"][1])
    S.mail("f26", "2024-02-27T15:45:00+07:00", "outlook", ld, "Xin lùi thời hạn gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nDo đồng chí phụ trách đi công tác, Đảng ủy Liên đoàn Lao động "
           "tỉnh xin được gửi hồ sơ đề nghị khen thưởng chậm nhất ngày 04/3/2024.\n\nTrân trọng.")
    inner = dict(id="f27-inner", idate="2024-03-01T16:40:00+07:00", client="gmail",
                 frm=("Văn phòng LĐLĐ", "vanphongldld.tn@gmail.com"), to="dangbo.ldld@thainguyen.gov.vn",
                 subject="Hồ sơ khen thưởng HT&LT Bác - LĐLĐ tỉnh",
                 body="Em gửi anh hồ sơ để anh chuyển Ban Tuyên giáo Đảng ủy Khối ạ.")
    S.mail("f27", "2024-03-02T09:10:55+07:00", "outlook", ld, "TL: Hồ sơ khen thưởng HT&LT Bác - LĐLĐ tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy LĐLĐ tỉnh chuyển hồ sơ đề nghị khen thưởng (văn phòng gửi kèm thư "
           "bên dưới).\n\nTrân trọng.", [E("Hồ sơ khen thưởng HT&LT Bác - LĐLĐ tỉnh.eml", inner, [
               F("TTr LĐLĐ.docx", "LDLD/tt", "doc"), F("BCTT Ban ToChuc-KiemTra.docx", "LDLD/bctt.1"),
               F("BCTT Sam Thi Duyen.docx", "LDLD/bctt.2"), F("Tom tat.docx", "LDLD/tom.all"),
               F("QD KT.pdf", ["LDLD/kt.1", "LDLD/kt.2"], "scan", stamp=True),
               F("QD XL.pdf", ["LDLD/xl.1", "LDLD/xl.2"], "scan", stamp=True)])])

    # ====================================================================================== SNGV
    register(S, "SNGV", tt=dict(no="Số 04-TTr/CB", date="27/02/2024", layout="breaks"),
             kt={1: dict(issuer=UBND, no="Số 1120/QĐ-UBND", date="05/06/2023")},
             kl=dict(no="07", date="14/03/2024", heads="letters"))
    ng = ("Hoàng Thị Mai Anh", reg["SNGV"][1])
    S.mail("f28", "2024-02-28T23:41:30+07:00", "apple", ng, "Hồ sơ đề nghị khen thưởng tập thể Chi bộ Sở Ngoại vụ",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Sở Ngoại vụ gửi hồ sơ đề nghị khen thưởng tập thể chi bộ.\n\n"
           "Trân trọng,\nMai Anh\n\nGửi từ iPhone của tôi", [
               F("Tờ trình.pdf", "SNGV/tt", "pdf"), F("Báo cáo thành tích tập thể.pdf", "SNGV/bctt.1", "pdf"),
               F("Tóm tắt thành tích tập thể.pdf", "SNGV/tom.1", "pdf"),
               F("QĐ khen thưởng - tập thể.pdf", "SNGV/kt.1", "scan", stamp=True),
               F("QĐ xếp loại TCCS đảng 2023.pdf", "SNGV/xl.1", "scan", stamp=True)])
    S.mail("f29", "2024-03-15T09:05:00+07:00", "apple", ng, "Báo cáo KL01 Chi bộ Sở Ngoại vụ",
           "Kính gửi Ban,\nChi bộ gửi báo cáo KL01.\n\nMai Anh", [F("Báo cáo KL01.pdf", "SNGV/kl01", "pdf")])

    # ======================================================================================= BDT
    register(S, "BDT", tt=dict(no="Số 02-TTr/CB", date="24/02/2024", layout="prose"),
             kl=dict(no="05", date="13/03/2024", heads="roman"))
    S.mail("f30", "2024-02-26T10:20:00+07:00", "gmail", ("Lục Mến", "lucthimen88@gmail.com"), "ho so",
           "Em gửi hồ sơ ạ", [
               F("Document1.docx", "BDT/tt"), F("Tai lieu gui.docx", "BDT/bctt.1"),
               F("scan0001.pdf", "BDT/tom.1", "scan"),
               F("IMG_20240225_091144.jpg", "BDT/kt.1", "photo", stamp=True),
               F("IMG_20240225_091210.jpg", "BDT/xl.1", "photo", stamp=True)])
    S.mail("f31", "2024-03-15T16:00:00+07:00", "mpack", ("", reg["BDT"][1]), "BC KL01",
           "", [F("scan_0315.pdf", "BDT/kl01", "scan", stamp=True, gray=True)])

    # ====================================================================================== TTRA
    register(S, "TTRA", tt=dict(no="Số 03-TTr/CB", date="26/02/2024", layout="numbered"))
    tr = ("Chi bộ Thanh tra tỉnh", reg["TTRA"][1])
    S.mail("f32", "2024-02-27T10:00:00+07:00", "outlook", tr, "Hồ sơ đề nghị khen thưởng - Chi bộ Thanh tra tỉnh",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Thanh tra tỉnh gửi hồ sơ đề nghị khen thưởng 01 tập thể "
           "và 01 cá nhân.\n\nTrân trọng.", [
               F("Tờ trình khen thưởng 2024.docx", "TTRA/tt"), F("BCTT P.NV2.docx", "TTRA/bctt.1"),
               F("BCTT Ôn Văn Chiêm.docx", "TTRA/bctt.2"), F("Tóm tắt P.NV2.docx", "TTRA/tom.1"),
               F("Tóm tắt Chiêm.docx", "TTRA/tom.2"),
               F("QĐ KT P.NV2 + đc Chiêm.pdf", ["TTRA/kt.1", "TTRA/kt.2"], "scan", stamp=True),
               F("QĐ XL ĐV 2023 - Ôn Văn Chiêm.pdf", "TTRA/xl.2", "scan", stamp=True)])
    S.mail("f33", "2024-03-14T08:40:00+07:00", "outlook", tr, "Báo cáo KL01 - Chi bộ Thanh tra tỉnh",
           "Kính gửi Ban,\nChi bộ gửi link báo cáo KL01 trên Google Drive:\n"
           "https://drive.google.com/file/d/1qTtr4KL01bcXb9Zr0aVwE2mH/view?usp=sharing\nTrân trọng.")

    # ======================================================================================= HNB
    register(S, "HNB", tt=dict(no="Số 01-TTr/CB", date="27/02/2024", layout="breaks"),
             kl=dict(no="03", date="15/03/2024", heads="roman"))
    hn = ("Chi bo Hoi Nha bao", reg["HNB"][1])
    S.mail("f34", "2024-02-26T08:30:00+07:00", "mutt", hn, "Ve ho so khen thuong",
           "Kinh gui Ban Tuyen giao,\nChi bo Hoi Nha bao dang trinh ky ho so, se gui trong ngay 28/02.\nTran trong.")
    S.mail("f35", "2024-02-28T22:50:14+07:00", "mutt", hn, "Ho so khen thuong - Chi bo Hoi Nha bao tinh",
           "Kinh gui Ban Tuyen giao,\nChi bo gui ho so de nghi khen thuong 01 ca nhan.\nTran trong.", [
               F("TTr CB Hoi Nha bao.docx", "HNB/tt"), F("BCTT Quach Thi Thu Ha.docx", "HNB/bctt.1"),
               F("Tom tat Thu Ha.docx", "HNB/tom.1"), F("QĐ khen thưởng Thu Hà.pdf", "HNB/kt.1", "scan", stamp=True),
               F("QĐ xếp loại đảng viên 2023 - Quách Thị Thu Hà.pdf", "HNB/xl.1", "scan", stamp=True)])
    S.mail("f36", "2024-03-16T09:00:00+07:00", "mutt", hn, "Bao cao KL01 (gui muon)",
           "Kinh gui Ban,\nChi bo xin gui bao cao KL01.\nTran trong.", [F("BC KL01 Hoi Nha bao.docx", "HNB/kl01")])

    # ===================================================================================== HCCBT
    register(S, "HCCBT", tt=dict(no="Số 02-TTr/CB", date="24/02/2024", layout="table"), tom={1: dict(long=True)},
             kl=dict(no="04", date="12/03/2024", heads="roman", inline_labels=True))
    hc = ("Chi bộ Hội CCB tỉnh", reg["HCCBT"][1])
    S.mail("f37", "2024-02-23T14:00:00+07:00", "snail", hc, "Hoi ve ho so khen thuong tap the",
           "Kinh gui Ban Tuyen giao,\nChi bo de nghi khen thuong tap the chi bo thi co phai gui quyet dinh xep loai "
           "dang vien khong, hay chi can quyet dinh xep loai to chuc dang?\nXin cam on.")
    S.mail("f38", "2024-02-25T09:45:00+07:00", "snail", hc, "Ho so de nghi khen thuong - Chi bo Hoi CCB tinh",
           "Kinh gui Ban,\nChi bo Hoi CCB tinh gui ho so tap the.\nTran trong.", [
               F("To trinh.odt", "HCCBT/tt", "odt"), F("Bao cao thanh tich Chi bo.odt", "HCCBT/bctt.1", "odt"),
               F("Tom tat thanh tich.doc", "HCCBT/tom.1", "doc"),
               F("QĐ khen thưởng - tập thể.pdf", "HCCBT/kt.1", "scan", stamp=True),
               F("QĐ xếp loại 2023.pdf", "HCCBT/xl.1", "scan", stamp=True)], in_reply_to="f37")
    S.mail("f39", "2024-03-13T08:20:00+07:00", "snail", hc, "Bao cao KL01", "Kinh gui Ban,\nChi bo gui bao cao.\n",
           [F("Bao cao KL01.odt", "HCCBT/kl01", "odt")])

    # ====================================================================================== XTTM
    register(S, "XTTM", tt=dict(no="Số 02-TTr/CB", date="25/02/2024", layout="prose"))
    S.doc("XTTM/misc.dv", T.other_report, "XTTM/misc.dv", UNITS["XTTM"], "Công tác dân vận năm 2023", "20/12/2023")
    xt = ("Chi bộ Trung tâm XTTM", reg["XTTM"][1])
    S.mail("f40", "2024-02-26T11:30:00+07:00", "outlook", xt, "Hồ sơ khen thưởng - Chi bộ Trung tâm XTTM",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ đề nghị khen thưởng đ/c Cù Thị Phượng.\nTrân trọng.", [
               F("TTr XTTM.rtf", "XTTM/tt", "rtf"), F("BCTT Cù Thị Phượng.docx", "XTTM/misc.dv"),
               F("Tóm tắt Cù Thị Phượng.docx", "XTTM/tom.1"), F("QĐ KT Phượng.pdf", "XTTM/kt.1", "scan", stamp=True),
               F("QĐ xếp loại đảng viên 2023 - Cù Thị Phượng.pdf", "XTTM/xl.1", "scan", stamp=True)])
    S.mail("f41", "2024-02-27T08:05:00+07:00", "outlook", xt, "RE: Hồ sơ khen thưởng - gửi lại BCTT đúng file",
           "Kính gửi Ban,\nHôm qua chi bộ đính kèm nhầm báo cáo dân vận, xin gửi lại báo cáo thành tích.\nTrân trọng.",
           [F("BCTT Cù Thị Phượng (đúng).docx", "XTTM/bctt.1")], in_reply_to="f40")

    # ====================================================================================== CNTT
    register(S, "CNTT", tt=dict(no="Số 03-TTr/CB", date="26/02/2024", layout="table"),
             kl=dict(no="06", date="14/03/2024", heads="roman", missing=("I",)))
    cn = ("Chi bộ Trung tâm CNTT&TT", reg["CNTT"][1])
    S.mail("f42", "2024-02-26T09:10:00+07:00", "zimbra", cn, "Hỏi về mẫu tóm tắt thành tích",
           "Kính gửi Ban Tuyên giáo,\nXin hỏi bản tóm tắt thành tích có bắt buộc theo mẫu không, và có cần đóng dấu "
           "không ạ?\nTrân trọng.")
    S.mail("f43", "2024-02-27T14:10:00+07:00", "zimbra", cn, "Hồ sơ khen thưởng tập thể - Chi bộ Trung tâm CNTT&TT",
           "Kính gửi Ban,\nChi bộ gửi hồ sơ (nén 7z).\nTrân trọng.", [A("HoSo_CNTT.7z", "7z", [
               ("ToTrinh.pdf", F("c.pdf", "CNTT/tt", "pdf-web")),
               ("BaoCaoThanhTich.pdf", F("c.pdf", "CNTT/bctt.1", "pdf-web")),
               ("TomTat.pdf", F("c.pdf", "CNTT/tom.1", "pdf-web")),
               ("QĐ khen thưởng - tập thể.pdf", F("c.pdf", "CNTT/kt.1", "scan", stamp=True)),
               ("QĐ xếp loại TCĐ.pdf", F("c.pdf", "CNTT/xl.1", "scan", stamp=True))])])
    S.mail("f44", "2024-03-15T11:20:00+07:00", "zimbra", cn, "Báo cáo KL01", "Kính gửi Ban,\nChi bộ gửi báo cáo.\n",
           [F("BaoCao_KL01.pdf", "CNTT/kl01", "pdf-web")])

    # ======================================================================================= HKH
    register(S, "HKH", tt=dict(no="Số 01-TTr/CB", date="27/02/2024", layout="numbered"))
    hk = ("Chi bộ Hội Khuyến học", reg["HKH"][1])
    S.mail("f45", "2024-02-28T17:20:00+07:00", "zimbra", hk, "Fwd: Ho so khen thuong dong chi Truong",
           "---------- Forwarded message ---------\nFrom: Mạc Văn Trường <macvantruong62@gmail.com>\n"
           "Date: Wed, 28 Feb 2024 at 15:02\nSubject: Ho so khen thuong dong chi Truong\nTo: "
           f"<{reg['HKH'][1]}>\n\nGửi chi bộ hồ sơ của tôi để chuyển lên Đảng ủy Khối.\nTrường\n",
           [F("To trinh Hoi Khuyen hoc.doc", "HKH/tt", "doc"), F("BCTT dong chi Truong.doc", "HKH/bctt.1", "doc"),
            F("Tom tat dong chi Truong.doc", "HKH/tom.1", "doc"), F("QD khen thuong.pdf", "HKH/kt.1", "scan", stamp=True),
            F("QD xep loai dang vien.pdf", "HKH/xl.1", "scan", stamp=True)],
           date="2024-02-29T08:10:00+07:00")
    S.mail("f46", "2024-03-05T08:03:00+07:00", "ooo-zimbra", hk, "Trả lời tự động: [Nhắc] Báo cáo KL01",
           "Tôi đang nghỉ phép đến hết ngày 10/3/2024.", in_reply_to="reminder-0304-hkh@thainguyen.gov.vn")

    # ====================================================================================== KTTV
    S.mail("f47", "2024-02-27T09:00:00+07:00", "mutt", ("Chi bo Dai KTTV", reg["KTTV"][1]), "Xin gia han nop ho so",
           "Kinh gui Ban Tuyen giao,\nChi bo Dai KTTV tinh xin gia han nop ho so khen thuong den ngay 05/3 do "
           "dong chi bi thu dang nam vien.\nTran trong.")
    S.mail("f48", "2024-03-02T07:00:05+07:00", "bounce-postfix", ("", "MAILER-DAEMON@mail.thainguyen.gov.vn"), "",
           "", failed_rcpt=reg["KTTV"][1], reason="host mail.thainguyen.gov.vn said: 552 5.2.2 Mailbox full",
           status="5.2.2", diag="smtp; 552 5.2.2 <chibo.kttv@thainguyen.gov.vn>: Mailbox quota exceeded",
           orig_date="2024-03-02T06:59:58+07:00",
           original=dict(subject="[Nhắc] Hồ sơ đề nghị khen thưởng quá hạn", to=reg["KTTV"][1],
                         date="2024-03-02T06:59:55+07:00", mid="reminder-0302-kttv@thainguyen.gov.vn",
                         body="Kính gửi Chi bộ Đài KTTV tỉnh,\nBan chưa nhận được hồ sơ đề nghị khen thưởng..."))

    # ====================================================================================== VPDK
    register(S, "VPDK", tt=dict(no="Số 02-TTr/CB", date="26/02/2024", layout="numbered"),
             kl=dict(no="08", date="13/03/2024", heads="phan"))
    S.mail("f49", "2024-02-27T16:30:00+07:00", "gmail", ("Đỗ Thị Quỳnh", "quynhdo.tn@gmail.com"),
           "Link ho so khen thuong",
           "Dạ em chào Ban,\nHồ sơ khen thưởng của Chi bộ Văn phòng Đăng ký đất đai tỉnh em để trên Drive ạ: "
           "https://drive.google.com/drive/folders/1VpDk-HoSo2024xQ7?usp=sharing\nEm cảm ơn.")
    vk = ("Chi bộ VP Đăng ký đất đai", reg["VPDK"][1])
    S.mail("f50", "2024-02-29T00:20:40+07:00", "zimbra", vk, "Hồ sơ khen thưởng tập thể - Chi bộ VPĐKĐĐ",
           "Kính gửi Ban Tuyên giáo,\nChi bộ gửi hồ sơ bằng file đính kèm (Ban không mở được link Drive).\nTrân trọng.",
           [F("TTr VPĐKĐĐ.docx", "VPDK/tt"), F("BCTT tập thể chi bộ.docx", "VPDK/bctt.1"),
            F("Tóm tắt tập thể chi bộ.docx", "VPDK/tom.1"),
            F("QĐ khen thưởng - tập thể.jpg", "VPDK/kt.1", "photo", stamp=True),
            F("QĐ xếp loại TCCSĐ.pdf", "VPDK/xl.1", "scan", stamp=True)], date="2024-02-28T23:55:00+07:00")
    S.mail("f51", "2024-03-14T09:40:00+07:00", "zimbra", vk, "Báo cáo KL01 - Chi bộ VPĐKĐĐ",
           "Kính gửi Ban,\nChi bộ gửi báo cáo KL01.\nTrân trọng.", [F("Báo cáo KL01 VPĐKĐĐ.docx", "VPDK/kl01")])

    # ==================================================================================== BQLRPH
    register(S, "BQLRPH", tt=dict(no="Số 01-TTr/CB", date="23/02/2024", layout="table"), tom={1: dict(table=True)},
             kl=dict(no="02", date="24/02/2024", heads="roman"))
    S.mail("f52", "2024-02-26T15:00:00+07:00", "outlook", ("Chi bộ Ban QL rừng phòng hộ", reg["BQLRPH"][1]),
           "Hồ sơ khen thưởng và báo cáo KL01 - Chi bộ Ban QLRPH hồ Núi Cốc",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ gửi hồ sơ đề nghị khen thưởng 01 cá nhân, đồng thời gửi "
           "luôn báo cáo thực hiện Kết luận 01.\n\nTrân trọng.", [
               F("Tờ trình.docx", "BQLRPH/tt"), F("Báo cáo thành tích.docx", "BQLRPH/bctt.1"),
               F("Tóm tắt thành tích.docx", "BQLRPH/tom.1"), F("QĐ khen thưởng.pdf", "BQLRPH/kt.1", "scan", stamp=True),
               F("QĐ xếp loại.pdf", "BQLRPH/xl.1", "scan", stamp=True), F("Báo cáo KL01.docx", "BQLRPH/kl01")])

    # ===================================================================================== HCCBK
    register(S, "HCCBK", tt=dict(no="Số 05-TTr/CCB", date="24/02/2024", layout="numbered"), tom={"all": {}},
             xl={1: dict(members=[NOM["HCCBK"][0]["name"]], party="SỞ XÂY DỰNG"),
                 2: dict(members=[NOM["HCCBK"][1]["name"]], party="SỞ NỘI VỤ")},
             kl=dict(no="06", date="15/03/2024", heads="roman"))
    vinh = ("Hà Quang Vịnh", "vinhhq1958@gmail.com")
    sigv = "\n\n--\nHà Quang Vịnh\nPhó Chủ tịch Hội Cựu chiến binh Khối các cơ quan tỉnh\nĐT: 0987 215 630"
    S.mail("f53", "2024-02-26T09:00:00+07:00", "gmail", vinh, "Gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nGửi hồ sơ đề nghị khen thưởng 02 đồng chí." + sigv,
           [A("Ho so CCB.rar", "rar", [
               ("TTr Hoi CCB Khoi.docx", F("d.docx", "HCCBK/tt")),
               ("BCTT Đc Triệu Đình Nhất.docx", F("d.docx", "HCCBK/bctt.1")),
               ("BCTT Đc Phạm Thị Oanh.docx", F("d.docx", "HCCBK/bctt.2")),
               ("Tom tat 02 dong chi.docx", F("d.docx", "HCCBK/tom.all")),
               ("QĐ KT đc Nhất.pdf", F("d.pdf", "HCCBK/kt.1", "scan", stamp=True)),
               ("QĐ KT đc Oanh.pdf", F("d.pdf", "HCCBK/kt.2", "scan", stamp=True)),
               ("QĐ XL ĐV 2023.pdf", F("d.pdf", ["HCCBK/xl.1", "HCCBK/xl.2"], "scan", stamp=True))])])
    S.mail("f54", "2024-02-27T15:30:00+07:00", "gmail", vinh, "Gửi lại hồ sơ khen thưởng (bản scan có dấu)",
           "Kính gửi Ban,\nGửi lại toàn bộ hồ sơ bản scan có chữ ký, dấu đỏ, thay cho bản gửi hôm qua." + sigv,
           [A("Ho so CCB Khoi (scan).zip", "zip", [
               ("TTr.pdf", F("e.pdf", "HCCBK/tt", "scan", stamp=True)),
               ("BCTT Nhat.pdf", F("e.pdf", "HCCBK/bctt.1", "scan", stamp=True)),
               ("BCTT Oanh.pdf", F("e.pdf", "HCCBK/bctt.2", "scan", stamp=True)),
               ("Tom tat.pdf", F("e.pdf", "HCCBK/tom.all", "scan")),
               ("QD KT Nhat.pdf", F("e.pdf", "HCCBK/kt.1", "scan", stamp=True, dpi=120)),
               ("QD KT Oanh.pdf", F("e.pdf", "HCCBK/kt.2", "scan", stamp=True, dpi=120)),
               ("QD XL.pdf", F("e.pdf", ["HCCBK/xl.1", "HCCBK/xl.2"], "scan", stamp=True, dpi=120))])])
    S.mail("f55", "2024-03-15T20:05:00+07:00", "gmail", vinh, "Báo cáo KL01 Hội CCB Khối",
           "Kính gửi Ban,\nGửi báo cáo KL01 của Hội." + sigv, [F("Báo cáo KL01 Hội CCB Khối.docx", "HCCBK/kl01")])

    # ====================================================================================== CDVC
    register(S, "CDVC", tt=dict(no="Số 14-TTr/CĐVC", date="23/02/2024", layout="table"), tom={"all": {}},
             xl={1: dict(members=[n["name"] for n in NOM["CDVC"]], party="BỆNH VIỆN ĐA KHOA TỈNH"),
                 2: dict(skip=True), 3: dict(skip=True)},
             kl=dict(no="09", date="13/03/2024", heads="letters"))
    members = [("TTr CĐVC.docx", F("g.docx", "CDVC/tt")),
               ("BCTT Duong Thi Thu Trang.docx", F("g.docx", "CDVC/bctt.1")),
               ("BCTT Lam Van Binh.docx", F("g.docx", "CDVC/bctt.2")),
               ("BCTT Hua Thi Kim Oanh.docx", F("g.docx", "CDVC/bctt.3")),
               ("Tom tat 03 ca nhan.docx", F("g.docx", "CDVC/tom.all")),
               ("QD KT.pdf", F("g.pdf", ["CDVC/kt.1", "CDVC/kt.2", "CDVC/kt.3"], "scan", stamp=True)),
               ("QD XL DV.pdf", F("g.pdf", "CDVC/xl.1", "scan", stamp=True))]
    S.mail("f56", "2024-02-25T10:00:00+07:00", "outlook", ("Công đoàn Viên chức tỉnh", UNITS["CDVC"]["emails"][0]),
           "Hồ sơ đề nghị khen thưởng - CĐVC tỉnh",
           "Kính gửi Ban Tuyên giáo,\nCông đoàn Viên chức tỉnh gửi hồ sơ (file nén, mật khẩu: cdvc@2024).\nTrân trọng.",
           [A("HoSo_CDVC.zip", "zip", members, password="cdvc@2024")])
    S.mail("f57", "2024-02-25T14:40:00+07:00", "outlook", ("Văn phòng CĐVC tỉnh", UNITS["CDVC"]["emails"][1]),
           "Gửi lại hồ sơ đề nghị khen thưởng - CĐVC tỉnh (không nén)",
           "Kính gửi Ban,\nVăn phòng gửi lại hồ sơ không nén, không mật khẩu thay cho file nén sáng nay.\nTrân trọng.",
           [F(n, f["doc"], f["fmt"], **{k: v for k, v in f.items() if k not in ("type", "name", "doc", "fmt")})
            for n, f in members])
    S.mail("f58", "2024-03-14T10:00:00+07:00", "outlook", ("Công đoàn Viên chức tỉnh", UNITS["CDVC"]["emails"][0]),
           "Báo cáo KL01 - CĐVC tỉnh", "Kính gửi Ban,\nCĐVC tỉnh gửi báo cáo.\nTrân trọng.",
           [F("BC KL01 CĐVC.docx", "CDVC/kl01")])

    # ====================================================================================== DTNK
    register(S, "DTNK", tt=dict(no="Số 18-TTr/ĐTN", date="23/02/2024", layout="table"),
             xl={1: dict(party="SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"), 2: dict(party="KHỐI CÁC CƠ QUAN TỈNH")},
             kl=dict(no="11", date="14/03/2024", heads="arabic"))
    yen = ("Lê Hoàng Yến", "hoangyen.dtn@gmail.com")
    S.mail("f59", "2024-02-24T09:30:00+07:00", "gmail", yen, "Tờ trình + hồ sơ đ.c Bảo",
           "Kính gửi Ban Tuyên giáo,\nĐoàn Khối các cơ quan tỉnh gửi Tờ trình và hồ sơ đ.c Bảo, hồ sơ đ.c Uyên em gửi "
           "sau ạ.\nYến", [
               F("Tờ trình Đoàn Khối.docx", "DTNK/tt"), F("BCTT đ.c Hoàng Gia Bảo.docx", "DTNK/bctt.1"),
               F("Tóm tắt đ.c Bảo.docx", "DTNK/tom.1"), F("QĐ KT đ.c Bảo.pdf", "DTNK/kt.1", "scan", stamp=True),
               F("QĐ XL đ.c Bảo.pdf", "DTNK/xl.1", "scan", stamp=True)])
    S.mail("f60", "2024-02-27T10:10:00+07:00", "gmail", yen, "Hồ sơ đ.c Uyên",
           "Em gửi tiếp hồ sơ đ.c Uyên (Đoàn Khối) ạ.\nYến", [
               F("BCTT đ.c Tạ Thu Uyên.docx", "DTNK/bctt.2"), F("Tóm tắt đ.c Uyên.docx", "DTNK/tom.2"),
               F("QĐ KT đ.c Uyên.jpg", "DTNK/kt.2", "photo", stamp=True),
               F("QĐ XL đ.c Uyên.pdf", "DTNK/xl.2", "scan", stamp=True)])
    dk = ("Đoàn Khối các cơ quan tỉnh", reg["DTNK"][1])
    S.mail("f61", "2024-03-12T15:00:00+07:00", "mutt", dk, "Ve bao cao KL01",
           "Kinh gui Ban,\nDoan Khoi dang hoan thien bao cao KL01, se gui truoc ngay 15/3.\nTran trong.")
    S.mail("f62", "2024-03-14T16:00:00+07:00", "mutt", dk, "Bao cao KL01 - Doan Khoi",
           "Kinh gui Ban,\nDoan Khoi gui bao cao KL01.\nTran trong.",
           [F("BC KL01 Doan Khoi.pdf", "DTNK/kl01", "corrupt", base="pdf", frac=0.4)])
    S.mail("f63", "2024-03-15T08:30:00+07:00", "mutt", dk, "Re: Bao cao KL01 - Doan Khoi (gui lai)",
           "Kinh gui Ban,\nFile hom qua bi loi, Doan Khoi gui lai.\nTran trong.",
           [F("BC KL01 Doan Khoi.pdf", "DTNK/kl01", "pdf")], in_reply_to="f62")

    # ========================================================================== spam and bounces
    S.mail("f64", "2024-02-25T03:12:00+07:00", "swaks", ("Hỗ trợ tài khoản", "no-reply@mail-quota-check.top"),
           "Hộp thư của bạn sắp đầy - xác minh ngay",
           "Hộp thư banbientapduk@thainguyen.gov.vn đã dùng 99% dung lượng. Nhấn vào liên kết để nâng cấp miễn phí:\n"
           "http://mail-quota-check.top/verify?u=banbientapduk\n", helo="mail-quota-check.top",
           msgid_host="mail-quota-check.top")
    S.mail("f65", "2024-03-06T11:40:00+07:00", "swaks", ("Vay nhanh 24h", "khuyenmai@vaytien-nhanh.vip"),
           "Vay tín chấp lãi suất 0% cho cán bộ công chức",
           "Giải ngân trong 24h, không cần thế chấp. Liên hệ Zalo 0868 000 111.\n", helo="vaytien-nhanh.vip",
           msgid_host="vaytien-nhanh.vip")
    S.mail("f66", "2024-02-27T08:00:30+07:00", "bounce-gmail", ("", "mailer-daemon@googlemail.com"), "", "",
           failed_rcpt="lucthimen88@gmaill.com", diag="The domain gmaill.com does not exist",
           orig_date="2024-02-27T08:00:20+07:00", in_reply_to="ack-0227-bdt@thainguyen.gov.vn",
           original=dict(subject="Đã nhận hồ sơ - Chi bộ Ban Dân tộc tỉnh", to="lucthimen88@gmaill.com",
                         date="2024-02-27T08:00:18+07:00", mid="ack-0227-bdt@thainguyen.gov.vn",
                         body="Ban Tuyên giáo đã nhận hồ sơ của đồng chí..."))
    return S
