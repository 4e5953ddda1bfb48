"""Document texts of the fresh corpus (written for eval/fresh, independent of eval/independent's texts).

Every generator returns an evalcorpus.docmodel.Doc.  `U` is a unit dict of scenario.UNITS:
  up    the upper body line ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH")
  org   the unit's own header line ("ĐẢNG ỦY SỞ Y TẾ")
  abbr  number suffix ("ĐU", "CB", "CĐVC")
  who   how the unit calls itself in the text ("Đảng ủy Sở Y tế")
  agency the agency ("Sở Y tế")
  sign  (capacity line, title line, signer name)
  style the author's style name (evalcorpus.styles)
"""
from __future__ import annotations

import random

from evalcorpus.docmodel import Doc, Header, Line
from evalcorpus.styles import style

PARTY = [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True)]
STATE = [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), Line("Độc lập - Tự do - Hạnh phúc", bold=True,
                                                                      underline=True)]
MONTH_DAY = lambda d: "ngày {} tháng {} năm {}".format(*d.split("/"))  # noqa: E731


def header(U, number, date, motto=None, up=None, org=None):
    left = [Line(up or U["up"]), Line(org or U["org"], bold=True), Line("*"), Line(number)]
    return ("header", Header(left=left, right=motto or (STATE if U.get("state") else PARTY),
                             date=f"{U.get('place', 'Thái Nguyên')}, {MONTH_DAY(date)}"))


def signature(U, left=None, cap=None, confirm=None):
    c, t, n = U["sign"]
    right = [Line(cap or c, bold=True), Line(t, bold=True), Line(""), Line(""), Line(""), Line(n, bold=True)]
    lf = left or [Line("Nơi nhận:", bold=True, italic=True), Line("- Ban Tuyên giáo Đảng ủy Khối,"),
                  Line("- Lưu Văn phòng.")]
    return ("sign", lf, right)


def _doc(key, U, st=None):
    return Doc(key=key, style=style(st or U["style"]))


# ------------------------------------------------------------------------------------ Tờ trình
def to_trinh(key, U, noms, no, date, layout="table", count_text=None, st=None):
    """noms: list of dicts (kind, name, role).  layouts: table | numbered | breaks | prose."""
    d = _doc(key, U, st)
    d.blocks.append(header(U, no, date))
    d.add("title", [Line("TỜ TRÌNH", bold=True, size=15),
                    Line("Đề nghị tặng Giấy khen trong học tập và làm theo tư tưởng,", bold=True),
                    Line("đạo đức, phong cách Hồ Chí Minh năm 2023 - 2024", bold=True), Line("-----")])
    d.p("Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", align="center", italic=True)
    d.p("Căn cứ Kế hoạch số 120-KH/ĐUK ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh về tổ "
        "chức sơ kết, biểu dương, khen thưởng tập thể, cá nhân tiêu biểu trong thực hiện Kết luận số 01-KL/TW "
        "của Bộ Chính trị năm 2023 - 2024;")
    d.p(f"Căn cứ kết quả bình xét của {U['who_lower']} tại hội nghị ngày {U.get('meet', '24/02/2024')},")
    nt = sum(1 for n in noms if n["kind"] == "tap_the")
    nc = len(noms) - nt
    parts = []
    if nt:
        parts.append(f"{nt:02d} tập thể")
    if nc:
        parts.append(f"{nc:02d} cá nhân")
    cnt = count_text or " và ".join(parts)
    lead = f"{U['who']} trân trọng đề nghị Ban Thường vụ Đảng ủy Khối xem xét, tặng Giấy khen cho"
    if layout == "breaks":
        # the clerk's line breaks, typed with Shift+Enter where the line looked full in Word
        text = lead + "\n" + cnt + " đã có thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức,\n" \
            "phong cách Hồ Chí Minh năm 2023 - 2024, gồm:"
        d.p(text)
        for i, n in enumerate(noms, 1):
            if n["kind"] == "tap_the":
                d.p(f"{i}. Tập thể {n['name']}\n({n.get('role', '')}).", indent=False)
            else:
                first, _, rest = n["name"].partition(" ")
                d.p(f"{i}. Đồng chí {first}\n{rest} - {n['role']}.", indent=False)
    elif layout == "prose":
        names = []
        for n in noms:
            names.append(("tập thể " + n["name"]) if n["kind"] == "tap_the" else f"đồng chí {n['name']}, {n['role']}")
        d.p(lead + " " + cnt + ", cụ thể: " + "; ".join(names) + ".")
    elif layout == "numbered":
        d.p(lead + " " + cnt + " sau:")
        tt = [n for n in noms if n["kind"] == "tap_the"]
        cn = [n for n in noms if n["kind"] == "ca_nhan"]
        if tt:
            d.h("a) Tập thể:", level=2)
            for i, n in enumerate(tt, 1):
                d.p(f"{i}. {n['name']}", indent=False)
        if cn:
            d.h("b) Cá nhân:", level=2)
            for i, n in enumerate(cn, 1):
                d.p(f"{i}. Đồng chí {n['name']}, {n['role']}", indent=False)
    else:
        d.p(lead + " " + cnt + " (có danh sách kèm theo).")
        rows = [["STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị", "Hình thức"]]
        for i, n in enumerate(noms, 1):
            rows.append([str(i), n["name"], n.get("role", ""), "Giấy khen"])
        d.table(rows, header=True, widths=[1, 6, 7, 2.5])
    d.p(f"Hồ sơ kèm theo gồm: báo cáo thành tích, bản tóm tắt thành tích, các quyết định khen thưởng và quyết "
        f"định xếp loại đảng viên năm 2023 của {'các tập thể, cá nhân' if len(noms) > 1 else 'người được đề nghị'}.")
    d.p(f"{U['who']} kính trình Ban Thường vụ Đảng ủy Khối xem xét, quyết định./.")
    d.blocks.append(signature(U))
    return d


# --------------------------------------------------------------------------- Báo cáo thành tích
ACH = [
    "Tổ chức quán triệt chuyên đề năm 2023 \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về "
    "tinh thần đoàn kết, xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh\" đến 100% đảng viên.",
    "Đăng ký và thực hiện việc làm theo gương Bác gắn với nhiệm vụ chuyên môn; cuối năm có tổng kết, đánh giá "
    "kết quả thực hiện bản đăng ký.",
    "Chủ động đề xuất cải cách thủ tục hành chính, rút ngắn thời gian giải quyết hồ sơ của tổ chức, công dân.",
    "Tích cực tham gia các phong trào thi đua, hoạt động từ thiện, ủng hộ đồng bào vùng lũ và quỹ \"Vì người "
    "nghèo\" do Ủy ban Mặt trận Tổ quốc tỉnh phát động.",
    "Giữ gìn phẩm chất đạo đức, lối sống giản dị, gần gũi quần chúng; không có biểu hiện suy thoái về tư tưởng "
    "chính trị, đạo đức, lối sống.",
    "Thực hiện nghiêm túc việc sinh hoạt chi bộ định kỳ hằng tháng, sinh hoạt chuyên đề hằng quý với nội dung "
    "gắn với việc học tập và làm theo Bác.",
    "Xây dựng mô hình \"Mỗi tuần một việc tốt\" được cơ quan ghi nhận, nhân rộng trong các phòng chuyên môn.",
    "Hoàn thành xuất sắc nhiệm vụ được giao năm 2023; được bình xét đảng viên hoàn thành xuất sắc nhiệm vụ.",
]


def _pick(seed, k):
    r = random.Random(seed)
    return r.sample(ACH, k)


def bctt(key, U, n, confirm=True, st=None, sub=None):
    """Báo cáo thành tích (Mẫu 07, Nghị định 91/2017/NĐ-CP).  sub: (up, org) when a sub-unit wrote it."""
    d = _doc(key, U, st)
    up, org = sub or (U["up"], U["org"])
    d.blocks.append(("header", Header(left=[Line(up), Line(org, bold=True), Line("*")], right=STATE,
                                      date=f"Thái Nguyên, {MONTH_DAY(n.get('date', '23/02/2024'))}")))
    who = ("tập thể " + n["name"]) if n["kind"] == "tap_the" else ("đồng chí " + n["name"])
    d.add("title", [Line("BÁO CÁO THÀNH TÍCH", bold=True),
                    Line(f"Đề nghị tặng Giấy khen cho {who}", bold=True),
                    Line("trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", bold=True),
                    Line("(Từ tháng 01/2023 đến tháng 02/2024)", italic=True)])
    if n["kind"] == "tap_the":
        d.h("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
        d.p(f"Tên tập thể: {n['name']}. {n.get('role', '')}")
        d.p(f"Tổng số đảng viên: {n.get('members', 14)} đồng chí; tổ chức gồm {n.get('subs', 3)} tổ đảng. Chức năng, "
            "nhiệm vụ được giao theo quyết định của cấp có thẩm quyền.")
    else:
        d.h("I. SƠ LƯỢC LÝ LỊCH")
        d.p(f"Họ và tên: {n['name']}. Năm sinh: {n.get('born', '1979')}. Giới tính: {n.get('sex', 'Nam')}.")
        d.p(f"Chức vụ, đơn vị công tác: {n['role']}. Ngày vào Đảng: {n.get('joined', '12/5/2006')}.")
        d.p("Trình độ chuyên môn: Đại học. Lý luận chính trị: Trung cấp.")
    d.h("II. THÀNH TÍCH ĐẠT ĐƯỢC")
    for s in _pick(key, 5):
        d.p("- " + s)
    d.h("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN")
    d.p(n.get("prior", "Năm 2021: Giấy khen của Ban Thường vụ Đảng ủy Khối về học tập và làm theo Bác."))
    if n["kind"] == "ca_nhan":
        left = [Line(f"XÁC NHẬN CỦA {U['confirmer']}", bold=True)] if confirm else [Line("")]
        if confirm:
            left += [Line("(Ký tên, đóng dấu)", italic=True), Line(""), Line(""), Line(U["sign"][2], bold=True)]
        right = [Line("NGƯỜI BÁO CÁO", bold=True), Line(""), Line(""), Line(""), Line(n["name"], bold=True)]
        d.add("sign", left, right)
    else:
        subunit = U["kind"] == "dang_bo_co_so"
        left = [Line(f"XÁC NHẬN CỦA {U['confirmer']}", bold=True), Line(""), Line(""),
                Line(U["sign"][2], bold=True)] if (subunit and confirm) else [Line("")]
        right = [Line("T/M CHI ỦY" if subunit else U["sign"][0], bold=True),
                 Line("BÍ THƯ", bold=True), Line(""), Line(""),
                 Line(n.get("leader", U["sign"][2]) if subunit else U["sign"][2], bold=True)]
        d.add("sign", left, right)
    return d


# ------------------------------------------------------------------------------------ Tóm tắt
def tom_tat(key, U, noms, long=False, st=None, table=False):
    d = _doc(key, U, st)
    d.blocks.append(("header", Header(left=[Line(U["up"]), Line(U["org"], bold=True), Line("*")], right=PARTY,
                                      date="")))
    for i, n in enumerate(noms):
        if i:
            d.add("pagebreak")
        who = ("TẬP THỂ " + n["name"].upper()) if n["kind"] == "tap_the" else ("ĐỒNG CHÍ " + n["name"].upper())
        d.add("title", [Line("TÓM TẮT THÀNH TÍCH", bold=True), Line(who, bold=True)])
        if n["kind"] == "ca_nhan":
            d.p(f"{n['role']}.", italic=True)
        if table:
            rows = [["Nội dung", "Kết quả nổi bật"], ["Học tập, quán triệt", _pick(key + n["name"], 1)[0]],
                    ["Làm theo", _pick(key + n["name"] + "x", 1)[0]], ["Khen thưởng", n.get("prior", "Giấy khen năm 2021")]]
            d.table(rows, header=True, widths=[4, 12])
            continue
        for s in _pick(key + n["name"], 3):
            d.p("- " + s)
        if long:
            for s in ACH + ACH[:5]:
                d.p("+ " + s + " Kết quả được cấp ủy đánh giá cao, tiêu biểu trong toàn đảng bộ, được biểu dương "
                    "tại hội nghị sơ kết và hội nghị tổng kết công tác xây dựng Đảng năm 2023.")
    return d


# --------------------------------------------------------------------------------- decisions
def qd_khen_thuong(key, issuer, no, date, subject, rows, st="khoi", kind="ca_nhan"):
    """issuer: dict(up, org, sign=(cap, title, name), state?).  rows: list of (name, role)."""
    d = Doc(key=key, style=style(st))
    d.blocks.append(header(issuer, no, date))
    d.add("title", [Line("QUYẾT ĐỊNH", bold=True), Line(subject, bold=True), Line("-----")])
    d.p(f"{issuer['org'].capitalize() if issuer['org'].isupper() else issuer['org']} quyết định:", align="center",
        bold=True)
    who = "các tập thể" if kind == "tap_the" else "các đồng chí"
    d.p(f"Điều 1. Tặng Giấy khen cho {len(rows):02d} {who} có tên sau:", bold=False)
    tb = [["TT", "Tập thể" if kind == "tap_the" else "Họ và tên", "Đơn vị"]]
    for i, (nm, role) in enumerate(rows, 1):
        tb.append([str(i), nm, role])
    d.table(tb, header=True, widths=[1, 6, 9])
    d.p("Điều 2. Văn phòng, các ban và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.")
    d.blocks.append(("sign", [Line("Nơi nhận:", bold=True, italic=True), Line("- Như Điều 2,"), Line("- Lưu.")],
                     [Line(issuer["sign"][0], bold=True), Line(issuer["sign"][1], bold=True), Line(""), Line(""),
                      Line(issuer["sign"][2], bold=True)]))
    return d


def qd_xep_loai(key, issuer, no, date, rows, org_level=False, st="khoi", notice=False):
    """Party members' rating (rows: (name, rating)) or organisations' rating (org_level)."""
    d = Doc(key=key, style=style(st))
    d.blocks.append(header(issuer, no, date))
    if notice:
        d.add("title", [Line("THÔNG BÁO", bold=True), Line("Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023",
                                                          bold=True)])
    elif org_level:
        d.add("title", [Line("QUYẾT ĐỊNH", bold=True),
                        Line("Về việc xếp loại chất lượng tổ chức đảng năm 2023", bold=True)])
    else:
        d.add("title", [Line("QUYẾT ĐỊNH", bold=True),
                        Line("Về việc công nhận kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023", bold=True)])
    d.p("Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất "
        "lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;")
    d.p("Xét đề nghị của cấp ủy và kết quả kiểm điểm cuối năm,")
    d.p(("Điều 1. Xếp loại chất lượng năm 2023 đối với các tổ chức đảng sau:" if org_level else
         "Điều 1. Công nhận kết quả xếp loại chất lượng năm 2023 đối với các đảng viên sau:"), indent=False)
    tb = [["STT", "Tổ chức đảng" if org_level else "Họ và tên đảng viên", "Xếp loại"]]
    for i, (nm, rt) in enumerate(rows, 1):
        tb.append([str(i), nm, rt])
    d.table(tb, header=True, widths=[1.2, 10, 5])
    d.p("Điều 2. Các tổ chức đảng, đảng viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    d.blocks.append(("sign", [Line("Nơi nhận:", bold=True, italic=True), Line("- Như Điều 2,"), Line("- Lưu.")],
                     [Line(issuer["sign"][0], bold=True), Line(issuer["sign"][1], bold=True), Line(""), Line(""),
                      Line(issuer["sign"][2], bold=True)]))
    return d


# -------------------------------------------------------------------------------------- KL01
KL_HEAD = {
    # style: (I, II, III, III.1, III.2, III.3, IV)
    "roman": ("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW",
              "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm và nguyên nhân",
              "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân", "3. Bài học kinh nghiệm",
              "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ"),
    "phan": ("PHẦN THỨ NHẤT: Công tác lãnh đạo, chỉ đạo triển khai Kết luận 01-KL/TW",
             "PHẦN THỨ HAI: Kết quả thực hiện", "PHẦN THỨ BA: Đánh giá chung", "a) Ưu điểm, nguyên nhân",
             "b) Hạn chế, khó khăn, vướng mắc và nguyên nhân", "c) Những bài học kinh nghiệm rút ra",
             "PHẦN THỨ TƯ: Nhiệm vụ, giải pháp thời gian tới và kiến nghị, đề xuất"),
    "arabic": ("1. Công tác lãnh đạo, chỉ đạo", "2. Kết quả thực hiện Kết luận 01", "3. Đánh giá chung",
               "3.1. Ưu điểm và nguyên nhân", "3.2. Hạn chế, khó khăn và nguyên nhân", "3.3. Bài học kinh nghiệm",
               "4. Nhiệm vụ, giải pháp và kiến nghị"),
    "letters": ("A. LÃNH ĐẠO, CHỈ ĐẠO", "B. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG", "C. ĐÁNH GIÁ CHUNG",
                "1/ Ưu điểm:", "2/ Hạn chế, khó khăn, vướng mắc:", "3/ Bài học kinh nghiệm:",
                "D. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ"),
}
KL_TEXT = {
    "I": ["Ngay sau khi có Kết luận số 01-KL/TW và các văn bản hướng dẫn của Đảng ủy Khối, cấp ủy đã ban hành kế "
          "hoạch thực hiện, cụ thể hóa chuyên đề năm 2023 thành các tiêu chí sát với nhiệm vụ chính trị của cơ quan.",
          "Nội dung học tập và làm theo Bác được đưa vào chương trình công tác toàn khóa và nghị quyết hằng tháng "
          "của chi bộ, gắn với thực hiện Nghị quyết Trung ương 4 khóa XII, khóa XIII về xây dựng, chỉnh đốn Đảng."],
    "II": ["Tổ chức học tập, quán triệt chuyên đề năm 2023 cho 100% cán bộ, đảng viên bằng hình thức trực tiếp kết "
           "hợp trực tuyến; 100% đảng viên viết bài thu hoạch và xây dựng bản đăng ký làm theo.",
           "Biểu dương 05 tập thể, 12 cá nhân điển hình; nhân rộng mô hình \"Chi bộ bốn tốt\" và \"Phòng làm việc "
           "không giấy\". Người đứng đầu gương mẫu nêu gương; công tác tuyên truyền được đẩy mạnh trên cổng thông tin "
           "điện tử của cơ quan; công tác kiểm tra, giám sát được lồng ghép trong chương trình kiểm tra năm 2023."],
    "III.1": ["Cấp ủy quan tâm lãnh đạo, chỉ đạo; cán bộ, đảng viên có nhận thức đầy đủ hơn về ý nghĩa của việc "
              "học tập và làm theo Bác. Nguyên nhân: người đứng đầu gương mẫu, phân công rõ người, rõ việc."],
    "III.2": ["Một số đảng viên còn đăng ký làm theo chung chung, chưa gắn với nhiệm vụ; việc phát hiện, nhân rộng "
              "điển hình có lúc chưa kịp thời. Nguyên nhân: khối lượng công việc chuyên môn lớn, thời gian hạn chế."],
    "III.3": ["Phải gắn học tập với làm theo, lấy kết quả thực hiện nhiệm vụ chính trị làm thước đo; phát huy vai trò "
              "nêu gương của người đứng đầu; thường xuyên kiểm tra, đôn đốc."],
    "IV": ["Tiếp tục quán triệt chuyên đề năm 2024; đổi mới hình thức sinh hoạt chuyên đề; biểu dương kịp thời các "
           "điển hình. Kiến nghị Đảng ủy Khối tiếp tục cung cấp tài liệu, tổ chức tập huấn cho cán bộ làm công tác "
           "tuyên giáo cơ sở."],
}


def kl01(key, U, no, date, heads="roman", missing=(), eval_table=False, st=None, inline_labels=False):
    d = _doc(key, U, st)
    d.blocks.append(header(U, no, date))
    d.add("title", [Line("BÁO CÁO", bold=True),
                    Line("Kết quả thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", bold=True),
                    Line("về tiếp tục thực hiện Chỉ thị số 05-CT/TW năm 2023 - 2024", bold=True), Line("-----")])
    d.p(f"Thực hiện Kế hoạch số 120-KH/ĐUK ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, "
        f"{U['who_lower']} báo cáo kết quả như sau:")
    H = KL_HEAD[heads]
    for sec, hd in (("I", H[0]), ("II", H[1])):
        if sec in missing:
            continue
        d.h(hd)
        for t in KL_TEXT[sec]:
            d.p(t)
    subs = [s for s in ("III.1", "III.2", "III.3") if s not in missing]
    if subs:
        d.h(H[2])
        if eval_table:
            rows = [["Nội dung", "Đánh giá"]]
            label = {"III.1": "Ưu điểm và nguyên nhân", "III.2": "Hạn chế, khó khăn và nguyên nhân",
                     "III.3": "Bài học kinh nghiệm"}
            for s in subs:
                rows.append([label[s], KL_TEXT[s][0]])
            d.table(rows, header=True, widths=[4, 12])
        elif inline_labels:
            label = {"III.1": "Ưu điểm:", "III.2": "Hạn chế, khó khăn:", "III.3": "Bài học kinh nghiệm:"}
            for s in subs:
                d.p(f"{label[s]} {KL_TEXT[s][0]}")
        else:
            idx = {"III.1": 3, "III.2": 4, "III.3": 5}
            for s in subs:
                d.h(H[idx[s]], level=2)
                d.p(KL_TEXT[s][0])
    if "IV" not in missing:
        d.h(H[6])
        d.p(KL_TEXT["IV"][0])
    d.blocks.append(signature(U))
    return d


# --------------------------------------------------------------------------- other documents
def bien_ban(key, U, noms, date):
    """Minutes of the meeting that chose the nominees: not a deliverable, but it names them (a new shape)."""
    d = _doc(key, U)
    d.blocks.append(("header", Header(left=[Line(U["up"]), Line(U["org"], bold=True), Line("*")], right=PARTY,
                                      date=f"Thái Nguyên, {MONTH_DAY(date)}")))
    d.add("title", [Line("BIÊN BẢN", bold=True), Line("Họp xét đề nghị khen thưởng học tập và làm theo Bác", bold=True)])
    d.p(f"Thời gian: 14 giờ 00, {MONTH_DAY(date)}. Địa điểm: phòng họp cơ quan. Chủ trì: đồng chí {U['sign'][2]}.")
    d.p("Hội nghị đã nghe báo cáo tóm tắt thành tích và bỏ phiếu kín. Kết quả:")
    for n in noms:
        who = ("Tập thể " + n["name"]) if n["kind"] == "tap_the" else ("Đồng chí " + n["name"])
        d.p(f"- {who}: {n.get('votes', '11/11')} phiếu đồng ý (100%).", indent=False)
    d.p("Biên bản kết thúc lúc 15 giờ 30 cùng ngày, đã thông qua cho toàn thể hội nghị nghe và nhất trí./.")
    d.add("sign", [Line("THƯ KÝ", bold=True), Line(""), Line(""), Line(U.get("clerk", "Nguyễn Thu Trang"), bold=True)],
          [Line("CHỦ TRÌ", bold=True), Line(""), Line(""), Line(U["sign"][2], bold=True)])
    return d


def other_report(key, U, title, date):
    """An unrelated report of the unit (sent by mistake)."""
    d = _doc(key, U)
    d.blocks.append(header(U, "Số 08-BC/" + U["abbr"], date))
    d.add("title", [Line("BÁO CÁO", bold=True), Line(title, bold=True)])
    d.p("Năm 2023, công tác được triển khai đồng bộ, bám sát chương trình công tác của cấp ủy cấp trên; các nhiệm vụ "
        "trọng tâm cơ bản hoàn thành đúng tiến độ.")
    d.p("Tồn tại: một số nội dung còn chậm, chất lượng báo cáo định kỳ chưa cao. Phương hướng năm 2024: tiếp tục "
        "thực hiện nghiêm các văn bản chỉ đạo, nâng cao chất lượng tham mưu.")
    d.blocks.append(signature(U))
    return d
