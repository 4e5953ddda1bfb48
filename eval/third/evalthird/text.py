"""What the third corpus's documents say (document generators returning evalcorpus.docmodel.Doc).

Written for this corpus: Tờ trình in three layouts, achievement reports on Mẫu 07 (individual, collective)
with or without the đảng ủy's xác nhận, summaries of a chosen length, award decisions and rating decisions
listing several people or organisations, KL01 reports in three heading styles with chosen sections left
out, an appendix of figures, meeting minutes, a letter proposing no one, an unrelated report.
Every choice of wording is seeded by the document key.
"""
from __future__ import annotations

import dataclasses
import random

from evalcorpus.docmodel import Doc, Header, Line
from evalcorpus.styles import style

from .units import UNITS

KHOI = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
BLOC_SIGNER = "Bế Văn Thụy"             # invented deputy secretary of the Bloc signing old decisions
PLAN = "Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"
HCM = "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def _st(name, **kw):
    st = style(name)
    return dataclasses.replace(st, **kw) if kw else st


def party(code):
    return UNITS[code][1] != "doan_the"


def header(code, number, date, right_party=None):
    name, kind, _, _, _, hdr, _, _ = UNITS[code]
    sup = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH" if party(code) else "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    left = [Line(sup), Line(hdr, bold=True), Line("*"), Line(number)]
    if right_party is None:
        right_party = party(code)
    if right_party:
        right = [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True)]
    else:
        right = [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True),
                 Line("Độc lập - Tự do - Hạnh phúc", bold=True, underline=True)]
    return Header(left, right, f"Thái Nguyên, ngày {date}")


def bloc_header(number, date):
    return Header([Line("ĐẢNG BỘ TỈNH THÁI NGUYÊN"), Line(KHOI, bold=True), Line("*"), Line(number)],
                  [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True)], f"Thái Nguyên, ngày {date}")


def authority(code):
    kind = UNITS[code][1]
    return {"dang_bo_co_so": "T/M ĐẢNG ỦY", "chi_bo_co_so": "T/M CHI BỘ", "doan_the": "T/M BAN THƯỜNG VỤ"}[kind]


def sign_block(code, left=None, signer=None, title=None, auth=None):
    _, _, _, sec, _, _, stitle, _ = UNITS[code]
    left = left if left is not None else [Line("Nơi nhận:", bold=True, italic=True), Line("- Ban Tuyên giáo ĐUK,"),
                                          Line("- Lưu VP.")]
    right = [Line(auth or authority(code), bold=True), Line(title or stitle, bold=True), Line(""), Line(""),
             Line(""), Line(signer or sec, bold=True)]
    return ("sign", left, right)


def who(n):
    """How a nominee is written in running text."""
    return n["name"] if n["kind"] == "tap_the" else "đồng chí " + n["name"]


# ------------------------------------------------------------------------------------ Tờ trình
def to_trinh(code, nominees, number, date, layout="list", st=None, signer=None, stitle=None, extra_line=None):
    d = Doc(f"{code}/tt", st or _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    d.add("title", [Line("TỜ TRÌNH", bold=True, size=15),
                    Line(f"đề nghị tặng Giấy khen cho tập thể, cá nhân tiêu biểu trong {HCM} năm 2024",
                         bold=True)])
    d.p(f"Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", align="center")
    d.p(f"Thực hiện {PLAN} về đánh giá tình hình thực hiện Kết luận số 01-KL/TW và biểu dương các tập thể, "
        f"cá nhân tiêu biểu trong {HCM} năm 2024;")
    unitname = UNITS[code][0]
    tt = [n for n in nominees if n["kind"] == "tap_the"]
    cn = [n for n in nominees if n["kind"] == "ca_nhan"]
    cnt = []
    if tt:
        cnt.append(f"{len(tt):02d} tập thể")
    if cn:
        cnt.append(f"{len(cn):02d} cá nhân")
    d.p(f"Căn cứ kết quả bình xét của {unitname}, {unitname} kính đề nghị Ban Thường vụ Đảng ủy Khối xem xét, "
        f"tặng Giấy khen cho {' và '.join(cnt)} đã có thành tích tiêu biểu trong {HCM}, cụ thể như sau:")
    if layout == "table":
        rows = [["STT", "Tên tập thể/Họ và tên cá nhân", "Chức vụ, đơn vị công tác", "Ghi chú"]]
        for i, n in enumerate(nominees, 1):
            rows.append([str(i), n["name"] if n["kind"] == "tap_the" else "Đồng chí " + n["name"],
                         n.get("pos", ""), "Tập thể" if n["kind"] == "tap_the" else "Cá nhân"])
        d.table(rows, header=True, widths=[1, 6, 6, 2])
    elif layout == "list":
        if tt:
            d.h("1. Tập thể:" if cn else "Tập thể:")
            for n in tt:
                d.p(f"- {n['name']}" + (f" ({n['pos']})" if n.get("pos") else "") + ".")
        if cn:
            d.h("2. Cá nhân:" if tt else "Cá nhân:")
            for n in cn:
                d.p(f"- Đồng chí {n['name']}, {n['pos']}.")
    else:  # one sentence
        parts = [(n["name"] if n["kind"] == "tap_the" else f"đồng chí {n['name']}, {n['pos']}") for n in nominees]
        d.p("Đề nghị tặng Giấy khen cho: " + "; ".join(parts) + ".")
    if extra_line:
        d.p(extra_line)
    d.p(f"(Có hồ sơ, báo cáo thành tích và bản tóm tắt thành tích kèm theo)")
    d.p(f"{unitname} kính trình Ban Thường vụ Đảng ủy Khối xem xét, quyết định./.")
    d.add(*sign_block(code, signer=signer, title=stitle))
    return d


# --------------------------------------------------------------------------- achievement reports
POOL_STUDY = [
    "Tham gia đầy đủ các buổi học tập chuyên đề năm 2023 “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa công vụ”, viết bài thu hoạch đạt loại khá trở lên.",
    "Xây dựng kế hoạch làm theo cá nhân với các nội dung cụ thể, gắn với nhiệm vụ chuyên môn được giao và được chi bộ thông qua từ đầu năm.",
    "Thường xuyên tự nghiên cứu các tác phẩm của Chủ tịch Hồ Chí Minh, nhất là những bài nói, bài viết về đạo đức cách mạng, cần, kiệm, liêm, chính, chí công vô tư.",
    "Tích cực tham gia cuộc thi tìm hiểu về Đảng bộ tỉnh và các cuộc thi trực tuyến do Ban Tuyên giáo Tỉnh ủy phát động.",
    "Gương mẫu thực hiện Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới.",
]
POOL_DO = [
    "Chủ động đề xuất giải pháp rút ngắn thời gian giải quyết thủ tục hành chính, 100% hồ sơ được giải quyết đúng và trước hạn.",
    "Thực hành tiết kiệm, chống lãng phí trong sử dụng văn phòng phẩm, điện, nước; vận động đồng nghiệp sử dụng văn bản điện tử thay cho văn bản giấy.",
    "Tham gia xây dựng 02 sáng kiến cải tiến quy trình công tác được Hội đồng sáng kiến cấp cơ sở công nhận.",
    "Tích cực ủng hộ Quỹ Vì người nghèo, chương trình xóa nhà tạm cho hộ nghèo và các đợt ủng hộ đồng bào bị thiên tai.",
    "Giữ gìn đoàn kết nội bộ, tận tình hướng dẫn, giúp đỡ đồng nghiệp trẻ, được quần chúng tín nhiệm.",
    "Hoàn thành xuất sắc nhiệm vụ được giao, không để xảy ra sai sót, khiếu nại trong lĩnh vực phụ trách.",
    "Đi đầu trong chuyển đổi số, ứng dụng phần mềm quản lý văn bản và chữ ký số trong toàn bộ quy trình công việc.",
]
POOL_COLL = [
    "Chi bộ ban hành nghị quyết chuyên đề về học tập và làm theo Bác năm 2023, phân công cụ thể đến từng đảng viên.",
    "100% đảng viên xây dựng và thực hiện kế hoạch làm theo, cuối năm tự kiểm điểm, đánh giá kết quả trước chi bộ.",
    "Duy trì sinh hoạt chi bộ định kỳ có nội dung học tập, kể chuyện về tấm gương đạo đức Hồ Chí Minh.",
    "Xây dựng mô hình “Mỗi tháng một việc tốt” được cơ quan ghi nhận và nhân rộng trong toàn đơn vị.",
    "Cơ quan, đơn vị hoàn thành 100% chỉ tiêu, nhiệm vụ chuyên môn năm 2023; nhiều chỉ tiêu vượt kế hoạch.",
    "Làm tốt công tác phát triển đảng viên, năm 2023 kết nạp được 02 đảng viên mới.",
    "Không có đảng viên vi phạm kỷ luật; nội bộ đoàn kết, thống nhất cao.",
]


def _pick(r, pool, k):
    idx = sorted(r.sample(range(len(pool)), k))
    return [pool[i] for i in idx]


def bctt(code, n, date, confirm=True, st=None, dkey=None, confirm_by=None, sub_unit_party=None):
    """Mẫu 07 report of one nominee; confirm: the đảng ủy's xác nhận (left of the signatures)."""
    key = dkey or f"{code}/bctt.{n['key']}"
    r = random.Random(key)
    d = Doc(key, st or _st(UNITS[code][7]))
    hdr = UNITS[code][5]
    if n["kind"] == "tap_the":
        d.add("header", Header([Line(hdr, bold=True), Line(n["name"].upper(), bold=True), Line("*"), Line("")],
                               [Line("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True)],
                               f"Thái Nguyên, ngày {date}"))
    else:
        d.add("header", Header([Line(hdr, bold=True), Line(""), Line(""), Line("")],
                               [Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True),
                                Line("Độc lập - Tự do - Hạnh phúc", bold=True, underline=True)],
                               f"Thái Nguyên, ngày {date}"))
    d.add("title", [Line("BÁO CÁO THÀNH TÍCH", bold=True, size=15),
                    Line("ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI", bold=True),
                    Line(f"(Thành tích tiêu biểu trong {HCM} từ tháng 01/2023 đến tháng 02/2024)", italic=True)])
    if n["kind"] == "ca_nhan":
        d.h("I. SƠ LƯỢC LÝ LỊCH")
        d.p(f"- Họ và tên: {n['name']}", indent=False)
        d.p(f"- Sinh ngày: {n.get('born', '12/5/1978')}; Giới tính: {n.get('sex', 'Nam')}; Dân tộc: {n.get('eth', 'Kinh')}", indent=False)
        d.p(f"- Quê quán: {n.get('home', 'xã Phú Xuyên, huyện Đại Từ, tỉnh Thái Nguyên')}", indent=False)
        d.p(f"- Chức vụ, đơn vị công tác: {n['pos']}", indent=False)
        d.p(f"- Ngày vào Đảng: {n.get('joined', '03/02/2005')}; Ngày chính thức: {n.get('official', '03/02/2006')}", indent=False)
        d.p("- Trình độ chuyên môn: Đại học; Lý luận chính trị: Cao cấp", indent=False)
        d.h("II. THÀNH TÍCH ĐẠT ĐƯỢC")
        d.h("1. Việc học tập, quán triệt tư tưởng, đạo đức, phong cách Hồ Chí Minh", level=2)
        for s in _pick(r, POOL_STUDY, 3):
            d.p("- " + s)
        d.h("2. Việc làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", level=2)
        for s in _pick(r, POOL_DO, 4):
            d.p("- " + s)
        d.p(f"- Kết quả xếp loại: năm 2023 được xếp loại đảng viên hoàn thành xuất sắc nhiệm vụ.")
    else:
        d.h("I. ĐẶC ĐIỂM, TÌNH HÌNH")
        d.p(f"{n['name']} có {r.randint(9, 38)} đảng viên, sinh hoạt tại {n.get('pos', UNITS[code][0])}. "
            f"Chi bộ được giao lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị.")
        d.h("II. THÀNH TÍCH ĐẠT ĐƯỢC")
        for s in _pick(r, POOL_COLL, 5):
            d.p("- " + s)
        d.p("- Năm 2023, chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ.")
    d.h("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    d.table([["Năm", "Hình thức khen thưởng", "Số, ngày quyết định"],
             ["2022", "Giấy khen của Ban Thường vụ Đảng ủy Khối", "Số 402-QĐ/ĐUK ngày 14/4/2022"],
             ["2023", "Giấy khen của Đảng ủy cơ sở" if n["kind"] == "ca_nhan" else "Tập thể HTXSNV",
              "Số 57-QĐ/ĐU ngày 20/01/2024"]], header=True, widths=[2, 7, 6])
    _, _, _, sec, _, _, stitle, _ = UNITS[code]
    if confirm:
        by = confirm_by or (sec, stitle)
        left = [Line(f"XÁC NHẬN CỦA {UNITS[code][5]}", bold=True), Line(authority(code), bold=True),
                Line(by[1], bold=True), Line(""), Line(""), Line(by[0], bold=True)]
    else:
        left = [Line("")]
    if n["kind"] == "ca_nhan":
        right = [Line("NGƯỜI BÁO CÁO THÀNH TÍCH", bold=True), Line(""), Line(""), Line(""), Line(n["name"], bold=True)]
    else:
        right = [Line("T/M CHI BỘ", bold=True), Line("BÍ THƯ", bold=True), Line(""), Line(""),
                 Line(n.get("leader", sec), bold=True)]
    d.add("sign", left, right)
    return d


# ------------------------------------------------------------------------------------ summaries
SUMMARY_LINES = [
    "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; giữ gìn phẩm chất đạo đức, lối sống trong sáng.",
    "Xây dựng và thực hiện nghiêm túc kế hoạch làm theo năm 2023, gắn với nhiệm vụ chuyên môn được giao.",
    "Hoàn thành xuất sắc nhiệm vụ; chủ động tham mưu nhiều giải pháp đổi mới, nâng cao hiệu quả công việc.",
    "Có 01 sáng kiến được công nhận cấp cơ sở, áp dụng hiệu quả trong cơ quan.",
    "Tích cực tham gia các hoạt động xã hội, từ thiện; ủng hộ Quỹ Vì người nghèo, Quỹ Đền ơn đáp nghĩa.",
    "Thực hành tiết kiệm, chống lãng phí; không để xảy ra sai phạm trong lĩnh vực phụ trách.",
    "Được xếp loại đảng viên hoàn thành xuất sắc nhiệm vụ năm 2023.",
    "Đoàn kết, giúp đỡ đồng nghiệp, được cán bộ, đảng viên và quần chúng tín nhiệm.",
    "Thực hiện tốt trách nhiệm nêu gương theo Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương.",
    "Tham gia đầy đủ các lớp bồi dưỡng, tập huấn nghiệp vụ do cấp trên tổ chức, đạt kết quả tốt.",
    "Chủ động ứng dụng công nghệ thông tin, chuyển đổi số trong xử lý công việc hằng ngày.",
    "Tích cực tuyên truyền, vận động gia đình và nhân dân nơi cư trú thực hiện tốt các phong trào thi đua.",
    "Được Ban Thường vụ Đảng ủy Khối tặng Giấy khen năm 2022 vì có thành tích trong học tập và làm theo Bác.",
    "Tham gia hiến máu tình nguyện 02 lần trong năm 2023.",
    "Hướng dẫn, kèm cặp 03 công chức trẻ nắm vững chuyên môn, nghiệp vụ.",
    "Tham gia biên soạn tài liệu hướng dẫn nghiệp vụ được áp dụng trong toàn ngành.",
]
SUMMARY_COLL = [
    "Chi bộ lãnh đạo cơ quan hoàn thành toàn diện các nhiệm vụ chính trị năm 2023.",
    "100% đảng viên xây dựng kế hoạch làm theo, cam kết tu dưỡng, rèn luyện đạo đức cách mạng.",
    "Xây dựng và duy trì hiệu quả mô hình học tập và làm theo Bác gắn với nhiệm vụ chuyên môn.",
    "Nội bộ đoàn kết; không có đảng viên vi phạm; kết nạp 01 đảng viên mới.",
    "Năm 2023 chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ.",
    "Tổ chức sinh hoạt chuyên đề hằng quý, nội dung thiết thực, thu hút đảng viên tham gia.",
    "Thực hiện tốt quy chế dân chủ ở cơ sở, công khai, minh bạch trong quản lý tài chính, tài sản.",
    "Phối hợp tổ chức các hoạt động an sinh xã hội, tặng quà gia đình chính sách, hộ nghèo.",
    "Cơ quan đạt danh hiệu Tập thể lao động tiên tiến năm 2023.",
    "Đảng viên tích cực tham gia cải cách hành chính, chuyển đổi số trong cơ quan.",
]


def tom_tat(code, n, lines=6, st=None, dkey=None, with_header=False, date="26 tháng 02 năm 2024", signed=True):
    key = dkey or f"{code}/tom.{n['key']}"
    r = random.Random(key)
    d = Doc(key, st or _st(UNITS[code][7]))
    if with_header:
        d.add("header", header(code, "", date))
    d.add("title", [Line("TÓM TẮT THÀNH TÍCH", bold=True),
                    Line(f"của {who(n)}" + (f", {n['pos']}" if n["kind"] == "ca_nhan" else ""), bold=True)])
    pool = SUMMARY_COLL if n["kind"] == "tap_the" else SUMMARY_LINES
    lines_ = [pool[i % len(pool)] for i in r.sample(range(len(pool)), min(lines, len(pool)))]
    while len(lines_) < lines:
        lines_.append(pool[len(lines_) % len(pool)])
    for s in lines_:
        d.p("- " + s)
    if signed:
        right = [Line("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ" if n["kind"] == "ca_nhan" else authority(code), bold=True),
                 Line(""), Line(""), Line(UNITS[code][3], bold=True)]
        d.add("sign", [Line("")], right)
    return d


# ---------------------------------------------------------------------------- award decisions
def qd_khen(key, issuer, number, date, year, entries, st="khoi", fillers=()):
    """entries/fillers: [(name, unit)] - the awarded; fillers are other units' people in the same decision."""
    d = Doc(key, _st(st))
    if issuer == "bloc":
        d.add("header", bloc_header(number, date))
        body = "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
        auth, title, signer = "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", BLOC_SIGNER
    else:
        d.add("header", header(issuer, number, date))
        body = UNITS[issuer][5]
        auth, title, signer = authority(issuer), UNITS[issuer][6], UNITS[issuer][3]
    d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=15),
                    Line(f"tặng Giấy khen cho tập thể, cá nhân có thành tích tiêu biểu", bold=True),
                    Line(f"trong {HCM} năm {year}", bold=True)])
    d.p(body, align="center", bold=True)
    d.p("- Căn cứ Điều lệ Đảng; Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;")
    d.p(f"- Xét đề nghị của Ban Tuyên giáo về kết quả {HCM} năm {year},")
    d.p("QUYẾT ĐỊNH:", align="center", bold=True)
    allrows = list(entries) + list(fillers)
    d.p(f"Điều 1. Tặng Giấy khen cho {len(allrows):02d} tập thể, cá nhân đã có thành tích tiêu biểu trong {HCM} "
        f"năm {year} (có danh sách kèm theo).")
    rows = [["STT", "Tập thể, cá nhân", "Đơn vị"]] + [[str(i), a, b] for i, (a, b) in enumerate(allrows, 1)]
    d.table(rows, header=True, widths=[1, 8, 7])
    d.p("Điều 2. Văn phòng, Ban Tuyên giáo và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này.")
    d.add("sign", [Line("Nơi nhận:", bold=True, italic=True), Line("- Như Điều 2,"), Line("- Lưu VP.")],
          [Line(auth, bold=True), Line(title, bold=True), Line(""), Line(""), Line(""), Line(signer, bold=True)])
    return d


# ---------------------------------------------------------------------------- rating decisions
LEVELS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"]


def qd_xl_dv(key, code, number, date, members, kind="quyet_dinh", st=None):
    """Party-member rating 2023 listing members [(name, chi bộ, level)]; kind: quyet_dinh | thong_bao."""
    d = Doc(key, st or _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    if kind == "thong_bao":
        d.add("title", [Line("THÔNG BÁO", bold=True, size=15),
                        Line("kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023", bold=True)])
        d.p(f"{UNITS[code][0]} thông báo kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023 như sau:")
    else:
        d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=15),
                        Line("về việc xếp loại chất lượng đảng viên năm 2023", bold=True)])
        d.p(UNITS[code][5], align="center", bold=True)
        d.p("- Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, "
            "xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;")
        d.p("- Căn cứ kết quả kiểm điểm, đánh giá, xếp loại của các chi bộ,")
        d.p("QUYẾT ĐỊNH:", align="center", bold=True)
        d.p(f"Điều 1. Công nhận kết quả xếp loại chất lượng đảng viên năm 2023 đối với {len(members):02d} đồng chí "
            "có tên sau:")
    rows = [["STT", "Họ và tên", "Chi bộ", "Xếp loại"]] + [[str(i), a, b, c] for i, (a, b, c) in enumerate(members, 1)]
    d.table(rows, header=True, widths=[1, 5, 5, 5])
    if kind != "thong_bao":
        d.p("Điều 2. Các chi bộ và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
    d.add(*sign_block(code, left=[Line("Nơi nhận:", bold=True, italic=True), Line("- Các chi bộ,"), Line("- Lưu.")]))
    return d


def qd_xl_tc(key, issuer, number, date, orgs, style_="xep_loai", st="khoi"):
    """Rating of party organisations 2023 [(org, level)]; style_: xep_loai | cong_nhan (HTXSNV recognition)."""
    d = Doc(key, _st(st))
    if issuer == "bloc":
        d.add("header", bloc_header(number, date))
        body, auth, title, signer = "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", BLOC_SIGNER
    else:
        d.add("header", header(issuer, number, date))
        body, auth, title, signer = UNITS[issuer][5], authority(issuer), UNITS[issuer][6], UNITS[issuer][3]
    if style_ == "cong_nhan":
        d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=15),
                        Line("công nhận tổ chức đảng hoàn thành xuất sắc nhiệm vụ năm 2023", bold=True)])
    else:
        d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=15),
                        Line("về việc xếp loại chất lượng tổ chức đảng năm 2023", bold=True)])
    d.p(body, align="center", bold=True)
    d.p("- Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị;")
    d.p("- Căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng năm 2023,")
    d.p("QUYẾT ĐỊNH:", align="center", bold=True)
    if style_ == "cong_nhan":
        d.p(f"Điều 1. Công nhận {len(orgs):02d} tổ chức đảng hoàn thành xuất sắc nhiệm vụ năm 2023, gồm:")
        for i, (o, _) in enumerate(orgs, 1):
            d.p(f"{i}. {o}")
    else:
        d.p("Điều 1. Xếp loại chất lượng năm 2023 đối với các tổ chức đảng như sau:")
        d.table([["STT", "Tổ chức đảng", "Xếp loại"]] + [[str(i), o, l] for i, (o, l) in enumerate(orgs, 1)],
                header=True, widths=[1, 9, 6])
    d.p("Điều 2. Các tổ chức đảng có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
    d.add("sign", [Line("Nơi nhận:", bold=True, italic=True), Line("- Như Điều 2,"), Line("- Lưu VP.")],
          [Line(auth, bold=True), Line(title, bold=True), Line(""), Line(""), Line(""), Line(signer, bold=True)])
    return d


# ------------------------------------------------------------------------------------ KL01
KL_TEXT = {
    "I": ["Ngay sau khi có {plan}, {u} đã ban hành kế hoạch triển khai, phân công cấp ủy viên phụ trách, đưa nội dung học tập và làm theo Bác vào chương trình công tác năm 2024.",
          "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với thực hiện Nghị quyết Trung ương 4 khóa XII, khóa XIII về xây dựng, chỉnh đốn Đảng."],
    "II": ["1. Tổ chức học tập chuyên đề năm 2023 bằng hình thức trực tiếp, 100% cán bộ, đảng viên tham gia; chuyên đề được cụ thể hóa thành nội dung riêng phù hợp với nhiệm vụ của cơ quan.",
           "2. Kết hợp học tập với làm theo: 100% đảng viên đăng ký làm theo; biểu dương 03 tập thể, 07 cá nhân tiêu biểu; nhân rộng mô hình “Công sở văn minh, thân thiện”.",
           "3. Cấp ủy viên, người đứng đầu gương mẫu nêu gương, thực hiện nghiêm Quy định số 08-QĐi/TW, Quy định số 144-QĐ/TW.",
           "4. Công tác tuyên truyền được đẩy mạnh trên trang thông tin điện tử của cơ quan và các nhóm mạng xã hội.",
           "5. Việc nghiên cứu, vận dụng tư tưởng Hồ Chí Minh được thực hiện thông qua sinh hoạt chuyên đề (cơ quan không có nhiệm vụ giảng dạy).",
           "6. Kiểm tra, giám sát việc thực hiện Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW được đưa vào chương trình kiểm tra, giám sát năm 2023 của cấp ủy."],
    "III.1": ["Việc học tập và làm theo Bác đã trở thành nền nếp; nhận thức của cán bộ, đảng viên được nâng lên; nguyên nhân là sự quan tâm lãnh đạo của cấp ủy và sự gương mẫu của người đứng đầu."],
    "III.2": ["Một số đảng viên xây dựng kế hoạch làm theo còn chung chung; việc phát hiện, nhân rộng điển hình còn hạn chế; nguyên nhân một phần do nhiệm vụ chuyên môn nhiều."],
    "III.3": ["Cấp ủy phải thường xuyên quan tâm lãnh đạo; người đứng đầu phải gương mẫu; việc làm theo phải gắn với nhiệm vụ chính trị và được kiểm tra, đánh giá thường xuyên."],
    "IV": ["1. Nhiệm vụ, giải pháp: tiếp tục triển khai chuyên đề năm 2024; gắn học tập và làm theo Bác với công tác xây dựng, chỉnh đốn Đảng; kịp thời biểu dương điển hình.",
           "2. Đề xuất, kiến nghị: đề nghị Đảng ủy Khối tiếp tục tổ chức tập huấn, cung cấp tài liệu tuyên truyền về học tập và làm theo Bác."],
}
HEADS = {
    "roman": {"I": "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW",
              "II": "II. KẾT QUẢ THỰC HIỆN", "III": "III. ĐÁNH GIÁ CHUNG",
              "III.1": "1. Ưu điểm và nguyên nhân", "III.2": "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân",
              "III.3": "3. Bài học kinh nghiệm",
              "IV": "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ"},
    "phan": {"I": "PHẦN MỘT: CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "II": "PHẦN HAI: KẾT QUẢ THỰC HIỆN",
             "III": "PHẦN BA: ĐÁNH GIÁ CHUNG", "III.1": "a) Ưu điểm, nguyên nhân",
             "III.2": "b) Hạn chế, khó khăn, vướng mắc, nguyên nhân", "III.3": "c) Bài học kinh nghiệm",
             "IV": "PHẦN BỐN: NHIỆM VỤ, GIẢI PHÁP VÀ KIẾN NGHỊ"},
    "runin": {"I": "Về công tác lãnh đạo, chỉ đạo triển khai Kết luận 01-KL/TW", "II": "Về kết quả thực hiện",
              "III": "Đánh giá chung", "III.1": "Ưu điểm, nguyên nhân", "III.2": "Hạn chế, khó khăn và nguyên nhân",
              "III.3": "Bài học rút ra", "IV": "Nhiệm vụ, giải pháp thời gian tới; kiến nghị"},
}


def kl01(code, number, date, omit=(), heads="roman", st=None, dkey=None, appendix_note=False):
    key = dkey or f"{code}/kl01"
    d = Doc(key, st or _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    d.add("title", [Line("BÁO CÁO", bold=True, size=15),
                    Line("tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị", bold=True),
                    Line(f"về tiếp tục thực hiện Chỉ thị số 05-CT/TW năm 2023 - 2024", bold=True)])
    u = UNITS[code][0]
    d.p(f"Thực hiện {PLAN}, {u} báo cáo kết quả thực hiện như sau:")
    H = HEADS[heads]
    for sec in ["I", "II", "III", "III.1", "III.2", "III.3", "IV"]:
        if sec == "III":
            if all(s in omit for s in ("III.1", "III.2", "III.3")):
                continue
            if heads == "runin":
                d.h(H["III"] + ":")
            else:
                d.h(H["III"])
            continue
        if sec in omit:
            continue
        paras = [t.format(plan=PLAN, u=u) for t in KL_TEXT[sec]]
        if heads == "runin":
            d.p(f"{H[sec]}: " + paras[0])
            for t in paras[1:]:
                d.p(t)
        else:
            d.h(H[sec], level=2 if sec.startswith("III.") else 1)
            for t in paras:
                d.p(t)
    if appendix_note:
        d.p("(Số liệu chi tiết tại Phụ lục kèm theo)")
    d.add(*sign_block(code, left=[Line("Nơi nhận:", bold=True, italic=True), Line("- Ban Tuyên giáo ĐUK (b/c),"),
                                  Line("- Lưu VP.")]))
    return d


def kl01_brief(code, number, date, st=None):
    """A one-page note that follows none of the outline."""
    d = Doc(f"{code}/kl01", st or _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    d.add("title", [Line("BÁO CÁO NHANH", bold=True, size=15),
                    Line("kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", bold=True)])
    d.p(f"Thực hiện {PLAN}, {UNITS[code][0]} báo cáo nhanh: trong năm 2023 toàn đảng bộ đã tổ chức học tập "
        "chuyên đề năm 2023 cho 100% đảng viên; các chi bộ trực thuộc duy trì sinh hoạt chuyên đề định kỳ; "
        "không có đảng viên vi phạm. Đảng ủy sẽ tiếp tục chỉ đạo thực hiện trong năm 2024.")
    d.add(*sign_block(code))
    return d


def kl01_appendix(code, date, st=None):
    d = Doc(f"{code}/kl01.pl", st or _st(UNITS[code][7]))
    d.add("title", [Line("PHỤ LỤC", bold=True), Line("Số liệu kết quả thực hiện Kết luận số 01-KL/TW năm 2023 - 2024", bold=True),
                    Line(f"(Kèm theo Báo cáo của {UNITS[code][0]})", italic=True)])
    d.table([["STT", "Nội dung", "Số lượng", "Tỷ lệ (%)"],
             ["1", "Đảng viên học tập chuyên đề năm 2023", "142", "100"],
             ["2", "Đảng viên đăng ký kế hoạch làm theo", "142", "100"],
             ["3", "Tập thể, cá nhân được biểu dương, khen thưởng", "11", "-"],
             ["4", "Cuộc kiểm tra, giám sát có nội dung Chỉ thị 05", "3", "-"]], header=True, widths=[1, 9, 3, 3])
    return d


# ------------------------------------------------------------------------------------- others
def bien_ban(code, nominees, date, st=None):
    d = Doc(f"{code}/bb", st or _st(UNITS[code][7]))
    d.add("header", header(code, "", date))
    d.add("title", [Line("BIÊN BẢN", bold=True, size=15),
                    Line("Hội nghị Ban Chấp hành Đảng bộ xét đề nghị khen thưởng năm 2024", bold=True)])
    d.p(f"Thời gian: 14 giờ 00 phút, ngày {date}. Địa điểm: Phòng họp tầng 3.")
    d.p("Thành phần: 09/09 đồng chí ủy viên Ban Chấp hành Đảng bộ.")
    d.p("Hội nghị đã nghe dự thảo Tờ trình và thảo luận, bỏ phiếu kín. Kết quả:")
    d.table([["STT", "Tập thể, cá nhân", "Số phiếu đồng ý", "Tỷ lệ"]] +
            [[str(i), n["name"], "09/09", "100%"] for i, n in enumerate(nominees, 1)], header=True, widths=[1, 9, 3, 3])
    d.p("Biên bản kết thúc lúc 15 giờ 30 phút cùng ngày, đã đọc lại cho hội nghị cùng nghe và nhất trí.")
    d.add("sign", [Line("THƯ KÝ", bold=True), Line(""), Line(""), Line("Trần Thu Hà", bold=True)],
          [Line("CHỦ TRÌ", bold=True), Line(""), Line(""), Line(UNITS[code][3], bold=True)])
    return d


def cong_van_khong(code, number, date):
    d = Doc(f"{code}/misc.cv", _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    d.p("V/v không đề nghị khen thưởng học tập và làm theo Bác năm 2024", italic=True, indent=False)
    d.p("Kính gửi: Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh", align="center", bold=True)
    d.p(f"Thực hiện {PLAN}, sau khi rà soát, {UNITS[code][0]} không có tập thể, cá nhân đủ tiêu chuẩn đề nghị "
        "khen thưởng năm 2024. Chi bộ sẽ gửi báo cáo tình hình thực hiện Kết luận số 01-KL/TW theo đúng thời gian quy định.")
    d.p(f"{UNITS[code][0]} trân trọng báo cáo./.")
    d.add(*sign_block(code))
    return d


def unrelated(code, number, date):
    d = Doc(f"{code}/misc.dautu", _st(UNITS[code][7]))
    d.add("header", header(code, number, date, right_party=False))
    d.add("title", [Line("BÁO CÁO", bold=True, size=15),
                    Line("Kết quả thu hút đầu tư và giải ngân vốn đầu tư công tháng 01/2024", bold=True)])
    for s in ["Trong tháng 01/2024, toàn tỉnh thu hút 07 dự án đầu tư mới với tổng vốn đăng ký 2.140 tỷ đồng.",
              "Giải ngân vốn đầu tư công đạt 4,8% kế hoạch năm, cao hơn cùng kỳ năm 2023.",
              "Một số dự án còn chậm giải phóng mặt bằng; Sở đã tham mưu UBND tỉnh các giải pháp tháo gỡ."]:
        d.p(s)
    d.add("sign", [Line("")], [Line("KT. GIÁM ĐỐC", bold=True), Line("PHÓ GIÁM ĐỐC", bold=True), Line(""), Line(""),
                               Line("Lục Văn Tráng", bold=True)])
    return d


def misc_plan(code, number, date):
    d = Doc(f"{code}/misc.kh", _st(UNITS[code][7]))
    d.add("header", header(code, number, date))
    d.add("title", [Line("KẾ HOẠCH", bold=True, size=15),
                    Line("tổ chức Hội nghị sơ kết công tác xây dựng Đảng quý I năm 2024", bold=True)])
    for s in ["Thời gian: 08 giờ 00 phút, ngày 29/3/2024. Địa điểm: Hội trường tầng 2.",
              "Thành phần: Ban Chấp hành Đảng bộ, bí thư các chi bộ trực thuộc.",
              "Văn phòng Đảng ủy chuẩn bị tài liệu, hội trường; các chi bộ gửi báo cáo quý I trước ngày 25/3/2024."]:
        d.p(s)
    d.add(*sign_block(code))
    return d
