"""What the documents say.  One function per kind of document; each returns a docmodel.Doc.

The texts follow the conventions of Party documents in Vietnam (two-column header, "ĐẢNG CỘNG SẢN
VIỆT NAM", số/ký hiệu, place and date, signature block) and of Mẫu 07 (Decree 91/2017/NĐ-CP) for
achievement reports.  Variation between units comes from the author style, from the options a
scenario passes (how nominees are listed, line breaks, which outline sections a report has) and
from a random generator seeded by the document's key, so every build says the same thing.
"""
from __future__ import annotations

import random

from .docmodel import Doc, Header, Line
from .facts import CHXH, DCS, DLTD, KHOI
from .styles import style as get_style

PLAN = ("Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh về đánh giá "
        "tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị "
        "số 05-CT/TW “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm 2023 - 2024 "
        "và biểu dương các tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh năm 2024")
HCM = "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
CHUYEN_DE = ("chuyên đề toàn khóa “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, "
             "tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc”")

RATING = {"xs": "Hoàn thành xuất sắc nhiệm vụ", "tot": "Hoàn thành tốt nhiệm vụ", "ht": "Hoàn thành nhiệm vụ"}

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Ngô", "Dương", "Lương", "Ma", "Nông", "Hà",
            "Đinh", "Đặng", "Bùi", "Trịnh", "Lưu", "Mai", "Tạ", "Chu", "Cao", "Lý", "Phan", "Đào", "Triệu", "Hứa"]
MIDDLE_M = ["Văn", "Đức", "Quang", "Minh", "Hữu", "Xuân", "Thanh", "Mạnh", "Công", "Ngọc", "Trung"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Minh", "Thị Thanh", "Thị Hồng", "Thị Ngọc", "Thu", "Thị Kim", "Thị Lan"]
GIVEN_M = ["An", "Bắc", "Công", "Duy", "Hiếu", "Hòa", "Hưng", "Kiên", "Lâm", "Nam", "Phương", "Quang", "Sơn",
           "Tuấn", "Thành", "Thịnh", "Trung", "Việt", "Vũ", "Đông", "Hoàn", "Tùng", "Khánh", "Bình"]
GIVEN_F = ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Huyền", "Hương", "Lan", "Liên", "Mai", "Ngân",
           "Nhàn", "Oanh", "Phượng", "Quyên", "Thảo", "Thúy", "Trang", "Tuyết", "Vân", "Xuân", "Yến", "Hằng"]


def rng(key):
    return random.Random("eval-independent:" + key)


def fake_names(r, n, exclude=()):
    out = []
    while len(out) < n:
        if r.random() < 0.5:
            nm = f"{r.choice(SURNAMES)} {r.choice(MIDDLE_M)} {r.choice(GIVEN_M)}"
        else:
            nm = f"{r.choice(SURNAMES)} {r.choice(MIDDLE_F)} {r.choice(GIVEN_F)}"
        if nm not in out and nm not in exclude:
            out.append(nm)
    return out


def vn_date(day, month, year=2024, fmt="long", place="Thái Nguyên"):
    if fmt == "long":
        return f"{place}, ngày {day:02d} tháng {month:02d} năm {year}"
    if fmt == "nozero":
        return f"{place}, ngày {day} tháng {month} năm {year}"
    if fmt == "slash":
        return f"TP. {place}, ngày {day:02d}/{month:02d}/{year}"
    raise ValueError(fmt)


# ----------------------------------------------------------------------------------------------
# who issues what: header lines, signature blocks
# ----------------------------------------------------------------------------------------------
def is_dangbo(u):
    return u["kind"] == "dang_bo_co_so"


def is_chibo(u):
    return u["kind"] == "chi_bo_co_so"


def body_upper(u):
    """Second header line of the unit's own documents."""
    if is_dangbo(u):
        return "ĐẢNG ỦY " + u["agency"].upper()
    if is_chibo(u):
        return "CHI BỘ " + u["agency"].upper()
    return {"CCBK": "HỘI CỰU CHIẾN BINH KHỐI CÁC CƠ QUAN TỈNH",
            "CDVCT": "CÔNG ĐOÀN VIÊN CHỨC TỈNH",
            "DOANKHOI": "BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH"}[u["code"]]


def upper_line(u):
    if is_dangbo(u) or is_chibo(u):
        return KHOI
    return {"CCBK": "HỘI CCB TỈNH THÁI NGUYÊN", "CDVCT": "LĐLĐ TỈNH THÁI NGUYÊN",
            "DOANKHOI": "BCH ĐOÀN TỈNH THÁI NGUYÊN"}[u["code"]]


def motto(u):
    if is_dangbo(u) or is_chibo(u):
        return [Line(DCS, bold=True, underline=True)]
    if u["code"] == "DOANKHOI":
        return [Line("ĐOÀN TNCS HỒ CHÍ MINH", bold=True, underline=True)]
    return [Line(CHXH, bold=True), Line(DLTD, bold=True, underline=True)]


def number(u, kind, n):
    """Số/ký hiệu: Party style "Số 45-TTr/ĐU", mass organisations "Số: 12/TTr-CĐVC"."""
    if is_dangbo(u) or is_chibo(u):
        return f"Số {n}-{kind}/{u['sym']}"
    if u["code"] == "DOANKHOI":
        return f"Số: {n}-{kind}/ĐTN"
    return f"Số: {n:02d}/{kind}-{u['sym']}"


def unit_header(u, kind, n, date, star="*"):
    left = [Line(upper_line(u)), Line(body_upper(u), bold=True), Line(star), Line(number(u, kind, n))]
    return Header(left=left, right=motto(u), date=date)


def sub_header(u, nom, kind, n, date):
    """Header of a document written by a chi bộ trực thuộc of a đảng bộ cơ sở."""
    left = [Line("ĐẢNG BỘ " + u["agency"].upper()), Line(nom["upper"], bold=True), Line("*"),
            Line(f"Số {n}-{kind}/CB") if n else Line("")]
    return Header(left=left, right=[Line(DCS, bold=True, underline=True)], date=date)


def khoi_header(kind, n, date):
    left = [Line("ĐẢNG BỘ TỈNH THÁI NGUYÊN"), Line("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", bold=True), Line("*"),
            Line(f"Số {n}-{kind}/ĐUK")]
    return Header(left=left, right=[Line(DCS, bold=True, underline=True)], date=date)


def signer(u):
    """(T/M line, role line, name) of the unit's own documents."""
    if is_dangbo(u):
        tm = "T/M BAN THƯỜNG VỤ" if u.get("btv") else "T/M ĐẢNG ỦY"
        return tm, "BÍ THƯ", u["secretary"]
    if is_chibo(u):
        return "T/M CHI BỘ", "BÍ THƯ", u["secretary"]
    return {"CCBK": ("T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", u["secretary"]),
            "CDVCT": ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", u["secretary"]),
            "DOANKHOI": ("TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "BÍ THƯ", u["secretary"])}[u["code"]]


def sign_lines(tm, role, name, signed=False):
    out = [Line(tm, bold=True), Line(role, bold=True), Line("")]
    out.append(Line("(Đã ký)", italic=True) if signed else Line(""))
    out += [Line(""), Line(name, bold=True)]
    return out


def noi_nhan(items):
    return [Line("Nơi nhận:", bold=True, italic=True, size=12)] + [Line(i, size=11) for i in items]


def who(u):
    """How the report names its members."""
    if u["code"] == "CCBK":
        return "hội viên"
    if u["code"] == "CDVCT":
        return "cán bộ công đoàn, đoàn viên"
    if u["code"] == "DOANKHOI":
        return "cán bộ, đoàn viên thanh niên"
    return "cán bộ, đảng viên"


def head(st, text):
    return text.upper() if st.heading_case == "upper" else text


def own_name(u):
    """How the unit names itself in running text."""
    if is_dangbo(u):
        return u["body"]
    if is_chibo(u):
        return u["body"]
    return u["body"]


def org_of(u):
    if is_dangbo(u):
        return "Đảng bộ " + u["agency"]
    return u["name"]


# ----------------------------------------------------------------------------------------------
# Tờ trình
# ----------------------------------------------------------------------------------------------
def count_phrase(noms):
    tt = sum(1 for n in noms if n["kind"] == "tap_the")
    cn = sum(1 for n in noms if n["kind"] == "ca_nhan")
    parts = []
    if tt:
        parts.append(f"{tt:02d} tập thể")
    if cn:
        parts.append(f"{cn:02d} cá nhân")
    return " và ".join(parts)


def describe_nominee(u, n, honor="Đồng chí"):
    if n["kind"] == "tap_the":
        if is_dangbo(u):
            return f"{n['name']}, Đảng bộ {u['agency']}"
        return n["name"]
    return f"{honor} {n['name']}, {n['position']}"


def to_trinh(key, u, noms, day, month, no, st=None, listing="prose", linebreak=False, signed=False,
             attachments_sentence=True, honor="Đồng chí"):
    st = get_style(st or u["style"])
    r = rng(key)
    d = Doc(key, st)
    d.add("header", unit_header(u, "TTr", no, vn_date(day, month)))
    subj = r.choice([
        f"về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích tiêu biểu trong {HCM} năm 2024",
        f"đề nghị khen thưởng tập thể, cá nhân điển hình tiêu biểu trong {HCM} năm 2024",
        f"V/v đề nghị Ban Thường vụ Đảng ủy Khối tặng Giấy khen trong {HCM} năm 2024",
    ])
    d.add("title", [Line("TỜ TRÌNH", bold=True, size=st.size + 1), Line(subj, bold=True)])
    d.p("Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh.", align="center", indent=False)
    d.p(f"Căn cứ {PLAN};")
    if is_dangbo(u):
        basis = r.choice([f"Căn cứ kết quả bình xét của các chi bộ trực thuộc và Nghị quyết Hội nghị Ban Chấp hành "
                          f"Đảng bộ {u['agency']} tháng 02/2024;",
                          f"Căn cứ thành tích đạt được trong năm 2023 và hai tháng đầu năm 2024 của các tập thể, "
                          f"cá nhân thuộc Đảng bộ {u['agency']},"])
        proposer = ("Ban Thường vụ " if u.get("btv") else "") + u["body"]
    elif is_chibo(u):
        basis = "Căn cứ kết quả bình xét tại hội nghị chi bộ thường kỳ tháng 02/2024,"
        proposer = u["body"]
    else:
        basis = f"Căn cứ kết quả bình xét của Ban Chấp hành {u['agency']},"
        proposer = u["body"]
    d.p(basis)
    lead = (f"{proposer} đề nghị Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh xem xét, tặng Giấy khen cho")
    cp = count_phrase(noms)
    tail = f" có thành tích tiêu biểu trong {HCM} năm 2024, cụ thể như sau:"
    d.p(lead + ("\n" if linebreak else " ") + cp + tail)
    if listing == "table":
        rows = [["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị công tác", "Hình thức đề nghị"]]
        for i, n in enumerate(noms, 1):
            if n["kind"] == "tap_the":
                rows.append([str(i), n["name"], org_of(u), "Giấy khen"])
            else:
                rows.append([str(i), f"{honor} {n['name']}" if honor else n["name"], n["position"], "Giấy khen"])
        d.table(rows, header=True, widths=[1.5, 5.0, 7.0, 2.8])
    else:
        tts = [n for n in noms if n["kind"] == "tap_the"]
        cns = [n for n in noms if n["kind"] == "ca_nhan"]
        i = 1
        if tts:
            if len(tts) == 1:
                d.p(f"{i}. Tập thể: {describe_nominee(u, tts[0])}.")
            else:
                d.p(f"{i}. Tập thể:")
                for n in tts:
                    d.p(f"- {describe_nominee(u, n)};")
            i += 1
        if cns:
            if len(cns) == 1:
                d.p(f"{i}. Cá nhân: {describe_nominee(u, cns[0], honor)}.")
            else:
                d.p(f"{i}. Cá nhân:")
                for n in cns:
                    d.p(f"- {describe_nominee(u, n, honor)};")
    if attachments_sentence:
        d.p(r.choice(["(Có hồ sơ đề nghị khen thưởng kèm theo).",
                      "Hồ sơ kèm theo gồm: báo cáo thành tích, bản tóm tắt thành tích, bản sao các quyết định khen "
                      "thưởng và quyết định xếp loại đảng viên năm 2023.",
                      "(Gửi kèm báo cáo thành tích và các tài liệu có liên quan)."]))
    d.p(f"{proposer} kính trình Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh xem xét, quyết định./.")
    tm, role, name = signer(u)
    d.add("sign", noi_nhan(["- Như kính gửi,", "- Ban Tuyên giáo ĐUK,", "- Lưu VP."]),
          sign_lines(tm, role, name, signed))
    return d


# ----------------------------------------------------------------------------------------------
# Báo cáo thành tích (Mẫu 07)
# ----------------------------------------------------------------------------------------------
def awards_table(u, n, r):
    rows = [["Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định", "Cơ quan ban hành"]]
    for a in award_history(u, n):
        rows.append([str(a["year"]), a["form"], f"{a['no']}, ngày {a['date']}", a["issuer"]])
    return rows


def award_history(u, n):
    """The earlier awards a nominee received (the decisions units attach are among these)."""
    r = rng("awards:" + u["code"] + ":" + n["name"])
    out = []
    if n["kind"] == "tap_the":
        out.append(dict(year=2022, form=f"Giấy khen của Ban Thường vụ Đảng ủy Khối về thành tích trong {HCM}",
                        no=f"Quyết định số {r.randint(1800, 2400)}-QĐ/ĐUK", date=f"{r.randint(10, 28)}/5/2022",
                        issuer="Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", who="khoi"))
        out.append(dict(year=2023, form="Tập thể lao động xuất sắc",
                        no=f"Quyết định số {r.randint(100, 900)}/QĐ-UBND", date=f"{r.randint(10, 28)}/01/2023",
                        issuer="Ủy ban nhân dân tỉnh", who="state"))
    else:
        out.append(dict(year=2021, form="Chiến sĩ thi đua cơ sở",
                        no=f"Quyết định số {r.randint(50, 400)}/QĐ", date=f"{r.randint(10, 28)}/12/2021",
                        issuer=u["agency"], who="state"))
        out.append(dict(year=2023, form=f"Giấy khen của Ban Thường vụ Đảng ủy Khối về thành tích trong {HCM}",
                        no=f"Quyết định số {r.randint(2400, 3100)}-QĐ/ĐUK", date=f"{r.randint(10, 28)}/5/2023",
                        issuer="Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", who="khoi"))
    return out


def achievements(u, n, r, count=4):
    f = n["field"]
    pool = [
        f"Chủ động cụ thể hóa {CHUYEN_DE} thành các việc làm cụ thể gắn với nhiệm vụ {f}.",
        f"Đăng ký và thực hiện tốt cam kết tu dưỡng, rèn luyện, phấn đấu năm 2023; đăng ký việc làm theo Bác "
        f"được công khai và đánh giá định kỳ hằng quý.",
        f"Triển khai có hiệu quả mô hình “Mỗi tháng một việc làm theo Bác” với {r.randint(8, 30)} việc làm cụ thể "
        f"được chi bộ ghi nhận.",
        f"Đề xuất {r.randint(2, 6)} sáng kiến, giải pháp cải tiến quy trình làm việc, rút ngắn thời gian xử lý hồ sơ "
        f"từ {r.randint(10, 15)} ngày xuống còn {r.randint(5, 9)} ngày.",
        f"Tham gia tích cực các hoạt động an sinh xã hội: ủng hộ Quỹ Vì người nghèo, tặng {r.randint(20, 120)} suất "
        f"quà cho hộ nghèo xã đặc biệt khó khăn huyện Võ Nhai.",
        f"Thực hành tiết kiệm, chống lãng phí trong sử dụng văn phòng phẩm, điện, nước; tỷ lệ văn bản điện tử "
        f"có chữ ký số đạt {r.randint(92, 99)}%.",
        f"Hoàn thành {r.randint(100, 100)}% chỉ tiêu, nhiệm vụ được giao; không có đơn thư khiếu nại, tố cáo liên quan.",
    ]
    r.shuffle(pool)
    return pool[:count]


def bctt_tap_the(key, u, n, day, month, no=None, st=None, signed=False, confirm=True):
    st = get_style(st or u["style"])
    r = rng(key)
    d = Doc(key, st)
    if is_dangbo(u):
        d.add("header", sub_header(u, n, "BC", no or r.randint(5, 40), vn_date(day, month)))
    else:
        d.add("header", unit_header(u, "BC", no or r.randint(20, 90), vn_date(day, month)))
    d.add("title", [Line("BÁO CÁO THÀNH TÍCH", bold=True, size=st.size + 1),
                    Line("Đề nghị tặng Giấy khen của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", bold=True),
                    Line(f"(Tập thể có thành tích tiêu biểu trong {HCM} từ tháng 01/2023 đến tháng 02/2024)",
                         italic=True)])
    d.p(f"Tên tập thể đề nghị khen thưởng: {n['name']}" + (f", Đảng bộ {u['agency']}." if is_dangbo(u) else "."),
        bold=True)
    d.h(head(st, "I. Đặc điểm, tình hình"))
    nu = r.randint(2, max(3, n["members"] // 2))
    d.p(f"{n['name']} hiện có {n['members']:02d} đảng viên (trong đó {nu:02d} đồng chí nữ, "
        f"{r.randint(0, 2):02d} đảng viên dự bị). Chi bộ lãnh đạo thực hiện nhiệm vụ {n['field']}.")
    d.p(r.choice([
        "Thuận lợi: chi bộ luôn nhận được sự quan tâm lãnh đạo, chỉ đạo của cấp ủy cấp trên; đội ngũ cán bộ, "
        "đảng viên có trình độ chuyên môn vững vàng, đoàn kết, tâm huyết với công việc.",
        "Khó khăn: khối lượng công việc lớn, nhiều nhiệm vụ đột xuất, trong khi biên chế còn thiếu; một số "
        "đảng viên kiêm nhiệm nhiều việc nên thời gian dành cho học tập, nghiên cứu còn hạn chế."]))
    d.h(head(st, "II. Thành tích đạt được"))
    d.h("1. Công tác lãnh đạo, chỉ đạo việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        level=2)
    d.p(f"Chi bộ đã ban hành kế hoạch thực hiện {CHUYEN_DE} và chuyên đề năm 2023; đưa nội dung {HCM} vào "
        f"sinh hoạt chi bộ thường kỳ; {r.randint(90, 100)}% đảng viên xây dựng kế hoạch làm theo Bác.")
    d.h("2. Kết quả thực hiện nhiệm vụ chính trị", level=2)
    for a in achievements(u, n, r, 3):
        d.p("- " + a)
    d.h("3. Công tác xây dựng Đảng", level=2)
    d.p(f"Duy trì nghiêm nền nếp sinh hoạt chi bộ; tổ chức {r.randint(2, 4)} buổi sinh hoạt chuyên đề; "
        f"kết nạp {r.randint(1, 3):02d} đảng viên mới. Năm 2022 và năm 2023 chi bộ được xếp loại "
        f"“Hoàn thành xuất sắc nhiệm vụ”.")
    d.h(head(st, "III. Các hình thức đã được khen thưởng"))
    d.table(awards_table(u, n, r), header=True, widths=[1.5, 6.0, 5.0, 4.0])
    tm, role, name = ("T/M CHI BỘ", "BÍ THƯ", n.get("secretary") or u["secretary"])
    left = [Line(f"XÁC NHẬN CỦA ĐẢNG ỦY {u['agency'].upper()}", bold=True)] if (confirm and is_dangbo(u)) else [Line("")]
    d.add("sign", left, sign_lines(tm, role, name, signed))
    return d


def bctt_ca_nhan(key, u, n, day, month, st=None, signed=False, state_header=False, confirm=True):
    st = get_style(st or u["style"])
    r = rng(key)
    d = Doc(key, st)
    if state_header or not (is_dangbo(u) or is_chibo(u)):
        left = [Line(upper_line(u) if not (is_dangbo(u) or is_chibo(u)) else "UBND TỈNH THÁI NGUYÊN"),
                Line(body_upper(u) if not (is_dangbo(u) or is_chibo(u)) else u["agency"].upper(), bold=True),
                Line("")]
        d.add("header", Header(left=left, right=[Line(CHXH, bold=True), Line(DLTD, bold=True, underline=True)],
                               date=vn_date(day, month)))
    elif is_dangbo(u):
        left = [Line("ĐẢNG BỘ " + u["agency"].upper()), Line(n["cell"].upper(), bold=True), Line("*")]
        d.add("header", Header(left=left, right=[Line(DCS, bold=True, underline=True)], date=vn_date(day, month)))
    else:
        d.add("header", Header(left=[Line(KHOI), Line(body_upper(u), bold=True), Line("*")],
                               right=[Line(DCS, bold=True, underline=True)], date=vn_date(day, month)))
    d.add("title", [Line("BÁO CÁO THÀNH TÍCH", bold=True, size=st.size + 1),
                    Line("ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", bold=True),
                    Line(f"(Cá nhân tiêu biểu trong {HCM} năm 2024)", italic=True)])
    d.h(head(st, "I. Sơ lược lý lịch"))
    rows = [("Họ và tên", n["name"]), ("Giới tính", n["gender"]), ("Ngày, tháng, năm sinh", n["born"]),
            ("Dân tộc", n["ethnic"]), ("Quê quán", n["hometown"]),
            ("Đơn vị công tác", n.get("workplace", u["agency"])),
            ("Chức vụ (Đảng, chính quyền, đoàn thể)", n["position"]),
            ("Trình độ chuyên môn, nghiệp vụ", n["edu"]), ("Lý luận chính trị", n["llct"]),
            ("Ngày vào Đảng", n["joined"]), ("Chi bộ sinh hoạt", n["cell"])]
    for k, v in rows:
        d.p(f"- {k}: {v}", indent=False)
    d.h(head(st, "II. Thành tích đạt được"))
    d.h("1. Quyền hạn, nhiệm vụ được giao", level=2)
    d.p(f"Đồng chí được giao phụ trách lĩnh vực {n['field']}; trực tiếp tham mưu, tổ chức thực hiện các nhiệm vụ "
        f"chuyên môn được phân công và tham gia sinh hoạt tại {n['cell']}.")
    d.h(f"2. Thành tích trong {HCM}", level=2)
    for a in achievements(u, n, r, 4):
        d.p("- " + a)
    d.h("3. Việc thực hiện nhiệm vụ được giao", level=2)
    d.p(f"Năm 2023 đồng chí hoàn thành xuất sắc nhiệm vụ được giao; được xếp loại đảng viên "
        f"“Hoàn thành xuất sắc nhiệm vụ”; tích cực tham gia các phong trào thi đua do cơ quan, đơn vị phát động.")
    d.h(head(st, "III. Các hình thức đã được khen thưởng"))
    d.table(awards_table(u, n, r), header=True, widths=[1.5, 6.0, 5.0, 4.0])
    if is_dangbo(u):
        left = [Line(f"XÁC NHẬN CỦA ĐẢNG ỦY {u['agency'].upper()}", bold=True)] if confirm else [Line("")]
    elif is_chibo(u):
        left = [Line("XÁC NHẬN CỦA CHI BỘ", bold=True)] if confirm else [Line("")]
    else:
        left = [Line(f"XÁC NHẬN CỦA {body_upper(u)}", bold=True)] if confirm else [Line("")]
    right = [Line("NGƯỜI BÁO CÁO THÀNH TÍCH", bold=True), Line("(Ký, ghi rõ họ và tên)", italic=True), Line(""),
             Line("(Đã ký)", italic=True) if signed else Line(""), Line(""), Line(n["name"], bold=True)]
    d.add("sign", left, right)
    return d


# ----------------------------------------------------------------------------------------------
# Bản tóm tắt thành tích
# ----------------------------------------------------------------------------------------------
def summary_text(u, n, r, long=False):
    if n["kind"] == "tap_the":
        first = (f"{n['name']}" + (f" thuộc Đảng bộ {u['agency']}" if is_dangbo(u) else "") +
                 f" có {n['members']:02d} đảng viên, lãnh đạo thực hiện nhiệm vụ {n['field']}. "
                 f"Năm 2023, chi bộ cụ thể hóa chuyên đề năm thành việc làm gắn với nhiệm vụ chuyên môn; "
                 f"{r.randint(95, 100)}% đảng viên đăng ký và thực hiện tốt việc làm theo Bác.")
        second = (f"Chi bộ có {r.randint(2, 5)} mô hình, cách làm hay được cấp trên ghi nhận; năm 2023 được xếp loại "
                  f"“Hoàn thành xuất sắc nhiệm vụ”.")
    else:
        first = (f"Đồng chí {n['name']}, sinh năm {n['born'][-4:]}, {n['position']}, phụ trách lĩnh vực {n['field']}. "
                 f"Từ tháng 01/2023 đến tháng 02/2024, đồng chí luôn gương mẫu, đi đầu trong học tập và làm theo Bác.")
        second = (f"Đồng chí có {r.randint(2, 5)} sáng kiến cải tiến công việc; năm 2023 được xếp loại đảng viên "
                  f"“Hoàn thành xuất sắc nhiệm vụ”.")
    if long:
        # the over-long summaries of the scenario open with the full wording of the report
        if n["kind"] == "tap_the":
            first = (f"{n['name']}" + (f" thuộc Đảng bộ {u['agency']}" if is_dangbo(u) else "") +
                     f" có {n['members']:02d} đảng viên, được giao lãnh đạo thực hiện nhiệm vụ {n['field']}. "
                     f"Từ tháng 01/2023 đến tháng 02/2024, chi bộ đã cụ thể hóa {CHUYEN_DE} thành các việc làm cụ thể "
                     f"gắn với nhiệm vụ chuyên môn; {r.randint(95, 100)}% đảng viên đăng ký và thực hiện tốt việc làm "
                     f"theo Bác.")
        else:
            first = (f"Đồng chí {n['name']}, sinh năm {n['born'][-4:]}, {n['position']}. Trong thời gian từ tháng "
                     f"01/2023 đến tháng 02/2024, đồng chí luôn gương mẫu, đi đầu trong {HCM}, phụ trách lĩnh vực "
                     f"{n['field']}.")
    paras = [first, second]
    if long:
        extra = achievements(u, n, r, 7)
        paras = [first]
        paras += ["- " + a for a in extra]
        paras.append(
            f"Bên cạnh đó, {'chi bộ' if n['kind'] == 'tap_the' else 'đồng chí'} thường xuyên quan tâm công tác tuyên truyền "
            f"về tấm gương đạo đức Hồ Chí Minh trên trang thông tin điện tử của cơ quan, nhóm Zalo của chi bộ và các "
            f"buổi sinh hoạt chuyên đề; tổ chức cho {who(u)} tham quan Khu di tích lịch sử ATK Định Hóa, Đền thờ "
            f"liệt sĩ Đồi Độc Lập, Khu di tích Hồng Thái; phát động phong trào “Nói không với tiêu cực”, "
            f"“Văn phòng xanh - sạch - đẹp”, “Mỗi tuần một ngày không sử dụng đồ nhựa dùng một lần”.")
        paras.append(
            f"Kết quả thực hiện nhiệm vụ năm 2023: hoàn thành {r.randint(100, 100)}% chỉ tiêu được giao, trong đó "
            f"{r.randint(3, 6)} chỉ tiêu vượt kế hoạch; giải quyết đúng hạn {r.randint(97, 100)}% hồ sơ; tham gia "
            f"{r.randint(3, 7)} đoàn kiểm tra, giám sát; không có cán bộ, đảng viên vi phạm kỷ luật; không có đơn thư "
            f"khiếu nại, tố cáo. Các tổ chức đoàn thể trong cơ quan được xếp loại vững mạnh; 100% gia đình "
            f"{who(u)} đạt danh hiệu “Gia đình văn hóa”.")
        paras.append(
            "Các hình thức khen thưởng đã đạt được: " + "; ".join(
                f"{a['form']} năm {a['year']} ({a['no']})" for a in award_history(u, n)) + ".")
        paras.append(second)
    return paras


def tom_tat(key, u, noms, day, month, st=None, long=False, layout="prose", with_header=True, signed=False):
    st = get_style(st or u["style"])
    r = rng(key)
    d = Doc(key, st)
    if with_header:
        d.add("header", Header(left=[Line(upper_line(u)), Line(body_upper(u), bold=True), Line("*")],
                               right=motto(u), date=vn_date(day, month)))
    if len(noms) == 1:
        n = noms[0]
        who_ = n["name"] if n["kind"] == "tap_the" else f"đồng chí {n['name']}"
        d.add("title", [Line("TÓM TẮT THÀNH TÍCH", bold=True, size=st.size + 1),
                        Line(f"Đề nghị tặng Giấy khen cho {who_}", bold=True),
                        Line(f"(Thành tích tiêu biểu trong {HCM} năm 2024)", italic=True)])
        for ptxt in summary_text(u, n, r, long):
            d.p(ptxt)
    elif layout == "table":
        d.add("title", [Line("BẢNG TÓM TẮT THÀNH TÍCH", bold=True, size=st.size + 1),
                        Line(f"các cá nhân đề nghị tặng Giấy khen trong {HCM} năm 2024", bold=True)])
        rows = [["STT", "Họ và tên, chức vụ", "Tóm tắt thành tích"]]
        for i, n in enumerate(noms, 1):
            first, second = summary_text(u, n, r, False)
            rows.append([str(i), f"{n['name']}\n{n['position']}", first.split(". ")[0] + ". " + second])
        d.table(rows, header=True, widths=[1.4, 5.0, 10.0])
    else:
        d.add("title", [Line("TÓM TẮT THÀNH TÍCH", bold=True, size=st.size + 1),
                        Line(f"của tập thể, cá nhân đề nghị tặng Giấy khen trong {HCM} năm 2024", bold=True)])
        for i, n in enumerate(noms, 1):
            label = "Tập thể" if n["kind"] == "tap_the" else "Cá nhân"
            d.h(f"{i}. {label}: {n['name']}")
            for ptxt in summary_text(u, n, r, False):
                d.p(ptxt)
    if signed or with_header:
        tm, role, name = signer(u)
        d.add("sign", [Line("")], sign_lines(tm, role, name, signed))
    return d


# ----------------------------------------------------------------------------------------------
# Quyết định khen thưởng (copies of earlier award decisions)
# ----------------------------------------------------------------------------------------------
def qd_khen_thuong(key, u, noms, issuer="khoi", year=2023, list_others=True, st=None, signed=False):
    """An earlier award decision naming the nominee(s), usually among other awardees."""
    r = rng(key)
    d = Doc(key, get_style(st or ("khoi" if issuer == "khoi" else u["style"])))
    day, month = r.randint(8, 28), r.choice([5, 6, 12] if issuer != "state" else [1, 12])
    date = vn_date(day, month, year)
    if issuer == "khoi":
        no = r.randint(1800, 3200)
        d.add("header", khoi_header("QĐ", no, date))
        issuer_name = "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
        tm = ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hoàng Minh Đạo")
        basis = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                 "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh nhiệm kỳ 2020 - 2025;",
                 f"Xét đề nghị của Ban Tuyên giáo Đảng ủy Khối,"]
    elif issuer == "unit":
        no = r.randint(100, 400)
        d.add("header", unit_header(u, "QĐ", no, date))
        issuer_name = ("BAN THƯỜNG VỤ " if u.get("btv") else "") + body_upper(u)
        tm = signer(u)
        basis = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                 f"Căn cứ Quy chế làm việc của {u['body']};",
                 "Xét đề nghị của các chi bộ trực thuộc,"]
    elif issuer == "mass":
        no = r.randint(50, 300)
        up = {"CDVCT": "LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN", "CCBK": "HỘI CỰU CHIẾN BINH TỈNH THÁI NGUYÊN",
              "DOANKHOI": "BCH ĐOÀN TỈNH THÁI NGUYÊN"}[u["code"]]
        d.add("header", Header(left=[Line(up, bold=True), Line(""), Line(f"Số: {no}/QĐ-KT")],
                               right=[Line(CHXH, bold=True), Line(DLTD, bold=True, underline=True)], date=date))
        issuer_name = {"CDVCT": "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH", "CCBK": "BAN THƯỜNG VỤ HỘI CỰU CHIẾN BINH TỈNH",
                       "DOANKHOI": "BAN THƯỜNG VỤ TỈNH ĐOÀN THÁI NGUYÊN"}[u["code"]]
        tm = ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH" if u["code"] != "DOANKHOI" else "BÍ THƯ", "Trần Văn Khôi")
        basis = ["Căn cứ Điều lệ và Quy chế khen thưởng hiện hành;", "Xét đề nghị của Ban Tổ chức - Kiểm tra,"]
    else:
        raise ValueError(issuer)
    d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=14.5),
                    Line(f"tặng Giấy khen cho tập thể, cá nhân có thành tích tiêu biểu trong {HCM} năm {year}",
                         bold=True),
                    Line("-----", bold=False), Line(issuer_name, bold=True)])
    for b in basis:
        d.p("- " + b, italic=True)
    d.add("title", [Line("QUYẾT ĐỊNH:", bold=True)])
    tts = [n for n in noms if n["kind"] == "tap_the"]
    cns = [n for n in noms if n["kind"] == "ca_nhan"]
    extra_t = r.randint(6, 14) if list_others else 0
    extra_c = r.randint(10, 22) if list_others else 0
    nt, nc = len(tts) + (extra_t if tts or list_others else 0), len(cns) + extra_c
    d.p(f"Điều 1. Tặng Giấy khen cho {nt:02d} tập thể và {nc:02d} cá nhân (có danh sách kèm theo) đã có thành tích "
        f"tiêu biểu trong {HCM} năm {year}." if list_others else
        f"Điều 1. Tặng Giấy khen cho " + "; ".join(describe_nominee(u, n) for n in noms) +
        f" đã có thành tích tiêu biểu trong {HCM} năm {year}.")
    d.p("Điều 2. Kèm theo Giấy khen là tiền thưởng theo quy định hiện hành, trích từ nguồn kinh phí khen thưởng "
        "của cơ quan.")
    d.p("Điều 3. Văn phòng, các ban, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định "
        "thi hành./.")
    d.add("sign", noi_nhan(["- Như Điều 3,", "- Lưu VP."]), sign_lines(*tm, signed=signed))
    if list_others:
        d.add("pagebreak")
        d.add("title", [Line("DANH SÁCH", bold=True),
                        Line(f"tập thể, cá nhân được tặng Giấy khen trong {HCM} năm {year}", bold=True),
                        Line(f"(Kèm theo Quyết định số {no}, ngày {day:02d}/{month:02d}/{year})", italic=True)])
        rows = [["STT", "Tên tập thể, cá nhân", "Đơn vị"]]
        others_t = [f"Chi bộ {x}" for x in r.sample(
            ["Phòng Tổ chức cán bộ", "Văn phòng", "Phòng Kế hoạch - Tài chính", "Thanh tra", "Phòng Pháp chế",
             "Trung tâm Khuyến công", "Phòng Nghiệp vụ 1", "Phòng Hành chính - Tổng hợp", "Ban Biên tập",
             "Phòng Kỹ thuật", "Trung tâm Dịch vụ", "Phòng Quản lý chất lượng", "Khoa Khám bệnh", "Phòng Đào tạo"],
            k=min(extra_t, 14))]
        i = 1
        rows.append(["I", "TẬP THỂ", ""])
        items_t = [(n["name"], org_of(u)) for n in tts] + [(x, r.choice(["Đảng bộ Sở Tư pháp", "Đảng bộ Sở Y tế",
                                                                         "Đảng bộ Cục Thuế tỉnh", "Đảng bộ Sở Tài chính"]))
                                                           for x in others_t]
        r.shuffle(items_t)
        for a, b in items_t:
            rows.append([str(i), a, b])
            i += 1
        rows.append(["II", "CÁ NHÂN", ""])
        items_c = [(f"Đồng chí {n['name']}", n["position"]) for n in cns]
        for nm in fake_names(r, extra_c, exclude=[n["name"] for n in cns]):
            items_c.append((f"Đồng chí {nm}", r.choice(["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng",
                                                        "Kế toán", "Giảng viên", "Phóng viên"]) + ", " +
                            r.choice(["Sở Tư pháp", "Sở Y tế", "Cục Thuế tỉnh", "Sở Tài chính", "Kho bạc Nhà nước tỉnh"])))
        r.shuffle(items_c)
        i = 1
        for a, b in items_c:
            rows.append([str(i), a, b])
            i += 1
        d.table(rows, header=True, widths=[1.5, 7.0, 8.0])
    return d


# ----------------------------------------------------------------------------------------------
# Quyết định xếp loại
# ----------------------------------------------------------------------------------------------
def qd_xep_loai_dang_vien(key, u, noms, others=12, st=None, form="qd", day=None, month=None, signed=False):
    """Rating decision listing several party members (the nominees among them)."""
    r = rng(key)
    d = Doc(key, get_style(st or u["style"]))
    day = day or r.randint(10, 29)
    month = month or r.choice([12, 1])
    year = 2023 if month == 12 else 2024
    date = vn_date(day, month, year)
    no = r.randint(150, 420)
    if is_dangbo(u):
        d.add("header", unit_header(u, "QĐ", no, date))
        tm = signer(u)
        title = "công nhận kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023"
        issuer = ("BAN THƯỜNG VỤ " if u.get("btv") else "") + body_upper(u)
    elif is_chibo(u):
        d.add("header", unit_header(u, "QĐ" if form == "qd" else "TB", no, date))
        tm = signer(u)
        title = "về việc xếp loại chất lượng đảng viên năm 2023"
        issuer = body_upper(u)
    else:
        # đoàn thể nominees are rated by their own party cells; the unit sends a copy per person
        n = noms[0]
        cell = n["cell"]
        d.add("header", Header(left=[Line("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"), Line(cell.upper(), bold=True), Line("*"),
                                     Line(f"Số {no}-TB/CB")], right=[Line(DCS, bold=True, underline=True)], date=date))
        tm = ("T/M CHI BỘ", "BÍ THƯ", fake_names(r, 1)[0])
        title = "kết quả đánh giá, xếp loại chất lượng đảng viên năm 2023"
        issuer = None
        form = "tb"
    word = "QUYẾT ĐỊNH" if form == "qd" else "THÔNG BÁO"
    lines = [Line(word, bold=True, size=14.5), Line(title, bold=True)]
    if issuer:
        lines += [Line("-----"), Line(issuer, bold=True)]
    d.add("title", lines)
    members = [n["name"] for n in noms] + fake_names(r, others, exclude=[n["name"] for n in noms])
    r.shuffle(members)
    ratings = {}
    for m in members:
        ratings[m] = r.choice(["xs", "tot", "tot", "tot", "ht"])
    for n in noms:
        ratings[n["name"]] = "xs"
    counts = {k: sum(1 for v in ratings.values() if v == k) for k in RATING}
    if form == "qd":
        d.p("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", italic=True)
        d.p("- Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
            "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;", italic=True)
        d.p("- Căn cứ Hướng dẫn của Ban Tổ chức Đảng ủy Khối về kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, "
            "đảng viên năm 2023;", italic=True)
        d.p("- Xét đề nghị của các chi bộ trực thuộc,", italic=True)
        d.add("title", [Line("QUYẾT ĐỊNH:", bold=True)])
        d.p(f"Điều 1. Công nhận kết quả đánh giá, xếp loại chất lượng năm 2023 đối với {len(members):02d} đảng viên "
            f"(có danh sách kèm theo), trong đó: Hoàn thành xuất sắc nhiệm vụ: {counts['xs']:02d} đồng chí; Hoàn thành "
            f"tốt nhiệm vụ: {counts['tot']:02d} đồng chí; Hoàn thành nhiệm vụ: {counts['ht']:02d} đồng chí.")
        d.p("Điều 2. Các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành./.")
    else:
        d.p(f"Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị; căn cứ kết quả kiểm điểm, đánh giá tại "
            f"hội nghị chi bộ, chi bộ thông báo kết quả xếp loại chất lượng đảng viên năm 2023 như sau:")
    rows = [["STT", "Họ và tên", "Chức vụ", "Xếp loại"]]
    posts = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán", "Nhân viên", "Phó Giám đốc", "Văn thư"]
    nom_by = {n["name"]: n for n in noms}
    for i, m in enumerate(members, 1):
        post = nom_by[m]["position"].split(",")[-1].strip() if m in nom_by else r.choice(posts)
        rows.append([str(i), m, post, RATING[ratings[m]]])
    d.table(rows, header=True, widths=[1.5, 5.5, 6.0, 4.5])
    d.add("sign", noi_nhan(["- Các chi bộ trực thuộc,", "- Lưu VP."]), sign_lines(*tm, signed=signed))
    return d


def qd_xep_loai_to_chuc(key, u, nom=None, st=None, signed=False):
    """The organisation's rating: by the đảng ủy cơ sở for a chi bộ trực thuộc, by the Bloc for a chi bộ cơ sở."""
    r = rng(key)
    if is_dangbo(u):
        d = Doc(key, get_style(st or u["style"]))
        no = r.randint(150, 420)
        d.add("header", unit_header(u, "QĐ", no, vn_date(r.randint(15, 29), 12, 2023)))
        issuer = ("BAN THƯỜNG VỤ " if u.get("btv") else "") + body_upper(u)
        tm = signer(u)
        subj = "về việc xếp loại chất lượng các chi bộ trực thuộc năm 2023"
        noms = nom if isinstance(nom, list) else [nom]
        orgs = [n["name"] for n in noms] + [f"Chi bộ {x}" for x in r.sample(
            ["Văn phòng", "Phòng Kế hoạch - Tài chính", "Thanh tra", "Phòng Pháp chế", "Phòng Tổ chức cán bộ",
             "Trung tâm Dịch vụ", "Phòng Nghiệp vụ"], k=min(6, max(3, u.get("cells", 6) - 1)))]
    else:
        d = Doc(key, get_style(st or "khoi"))
        no = r.randint(3100, 3400)
        d.add("header", khoi_header("QĐ", no, vn_date(r.randint(15, 29), 12, 2023)))
        issuer = "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
        tm = ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Quang Tiến")
        subj = "về việc xếp loại chất lượng tổ chức cơ sở đảng năm 2023"
        orgs = [u["name"]] + r.sample(
            ["Đảng bộ Sở Y tế", "Đảng bộ Sở Tư pháp", "Chi bộ Sở Ngoại vụ", "Chi bộ Ban Dân tộc tỉnh",
             "Đảng bộ Kho bạc Nhà nước tỉnh", "Chi bộ Thanh tra tỉnh", "Đảng bộ Cục Thuế tỉnh",
             "Chi bộ Sở Khoa học và Công nghệ", "Đảng bộ Sở Tài chính"], k=7)
    r.shuffle(orgs)
    d.add("title", [Line("QUYẾT ĐỊNH", bold=True, size=14.5), Line(subj, bold=True), Line("-----"),
                    Line(issuer, bold=True)])
    d.p("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", italic=True)
    d.p("- Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
        "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;", italic=True)
    d.p("- Xét đề nghị của Ban Tổ chức,", italic=True)
    d.add("title", [Line("QUYẾT ĐỊNH:", bold=True)])
    d.p(f"Điều 1. Xếp loại chất lượng năm 2023 đối với {len(orgs):02d} tổ chức đảng (có danh sách kèm theo).")
    d.p("Điều 2. Các tổ chức đảng có tên tại Điều 1 căn cứ Quyết định thi hành./.")
    rows = [["STT", "Tên tổ chức đảng", "Xếp loại chất lượng năm 2023"]]
    targets = [n["name"] for n in (nom if isinstance(nom, list) else [nom])] if nom else [u["name"]]
    for i, o in enumerate(orgs, 1):
        rows.append([str(i), o, RATING["xs"] if o in targets else r.choice([RATING["xs"], RATING["tot"], RATING["tot"]])])
    d.table(rows, header=True, widths=[1.5, 9.0, 6.0])
    d.add("sign", noi_nhan(["- Như Điều 2,", "- Lưu VP."]), sign_lines(*tm, signed=signed))
    return d


# ----------------------------------------------------------------------------------------------
# Báo cáo KL01
# ----------------------------------------------------------------------------------------------
def kl01_parts(u, r):
    w = who(u)
    o = own_name(u)
    m = u.get("members", 40)
    pct = r.randint(96, 100)
    P = {}
    P["I"] = [
        f"Ngay sau khi có Kết luận số 01-KL/TW của Bộ Chính trị và các văn bản hướng dẫn của cấp trên, {o} đã ban "
        f"hành kế hoạch triển khai thực hiện, xác định việc {HCM} là nhiệm vụ thường xuyên, gắn với thực hiện Nghị "
        f"quyết Trung ương 4 khóa XII, Kết luận số 21-KL/TW khóa XIII về xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
        f"Năm 2023, {o} ban hành {r.randint(3, 7):02d} văn bản lãnh đạo, chỉ đạo; đưa nội dung {HCM} vào chương trình "
        f"công tác năm, nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị và kế hoạch kiểm tra, giám sát.",
    ]
    P["II.1"] = [
        f"Tổ chức quán triệt Kết luận số 01-KL/TW và {CHUYEN_DE} bằng hình thức trực tiếp kết hợp trực tuyến, với "
        f"{pct}% {w} tham gia. {o} đã cụ thể hóa chuyên đề toàn khóa thành chuyên đề riêng phù hợp với chức năng, "
        f"nhiệm vụ của cơ quan, đơn vị.",
        f"Tổ chức {r.randint(2, 5)} hội nghị học tập, quán triệt; {r.randint(90, 100)}% {w} viết bài thu hoạch.",
    ]
    P["II.2"] = [
        f"Việc học tập gắn với làm theo được thực hiện thông qua đăng ký việc làm theo Bác hằng năm. Năm 2023 có "
        f"{r.randint(3, 8)} mô hình, cách làm hay được xây dựng, nhân rộng; {r.randint(2, 6)} tập thể và "
        f"{r.randint(4, 12)} cá nhân được biểu dương, khen thưởng.",
    ]
    P["II.3"] = [
        f"{w.capitalize()} nhất là người đứng đầu gương mẫu thực hiện Quy định số 08-QĐi/TW về trách nhiệm nêu gương; "
        f"{r.randint(95, 100)}% {w} ký cam kết tu dưỡng, rèn luyện, không có trường hợp vi phạm phải xử lý kỷ luật.",
    ]
    P["II.4"] = [
        f"Công tác tuyên truyền được thực hiện đa dạng trên trang thông tin điện tử, nhóm Zalo, bản tin nội bộ; đăng "
        f"tải {r.randint(15, 60)} tin, bài về các tấm gương điển hình; tổ chức {r.randint(1, 3)} đợt tham quan, "
        f"về nguồn tại ATK Định Hóa.",
    ]
    P["II.5"] = [
        r.choice([f"Đơn vị không có chức năng nghiên cứu, giảng dạy tư tưởng Hồ Chí Minh; việc vận dụng được thực hiện "
                  f"thông qua sinh hoạt chuyên đề định kỳ hằng quý.",
                  f"Đổi mới hình thức sinh hoạt chuyên đề theo hướng đối thoại, nêu vấn đề; mời báo cáo viên của "
                  f"Đảng ủy Khối nói chuyện chuyên đề {r.randint(1, 2)} lần trong năm."]),
    ]
    P["II.6"] = [
        f"Kết hợp kiểm tra, giám sát việc thực hiện Chỉ thị số 05-CT/TW, Kết luận số 01-KL/TW với kiểm tra, giám sát "
        f"thường xuyên; năm 2023 tiến hành kiểm tra, giám sát {r.randint(2, 6)} tổ chức đảng và {r.randint(4, 12)} "
        f"đảng viên, qua đó kịp thời chấn chỉnh những thiếu sót.",
    ]
    P["III.1"] = [
        f"Nhận thức của {w} về ý nghĩa, tầm quan trọng của việc {HCM} được nâng lên rõ rệt; việc làm theo đã trở "
        f"thành nền nếp, gắn với nhiệm vụ chuyên môn.",
        "Nguyên nhân: có sự quan tâm lãnh đạo, chỉ đạo sát sao của cấp ủy; người đứng đầu gương mẫu; "
        "sự đồng thuận của tập thể.",
    ]
    P["III.2"] = [
        "Một số nơi việc cụ thể hóa chuyên đề còn chung chung; việc xây dựng, nhân rộng điển hình chưa thường "
        "xuyên; tuyên truyền trên không gian mạng còn hạn chế.",
        "Nguyên nhân: khối lượng công việc chuyên môn lớn; một số cấp ủy chưa quan tâm đúng mức; kinh phí cho "
        "hoạt động tuyên truyền còn hạn hẹp.",
    ]
    P["III.3"] = [
        "Một là, phải có sự lãnh đạo, chỉ đạo sát sao của cấp ủy, vai trò nêu gương của người đứng đầu. Hai là, "
        "việc làm theo phải cụ thể, thiết thực, gắn với nhiệm vụ chuyên môn. Ba là, thường xuyên kiểm tra, "
        "giám sát, kịp thời biểu dương, nhân rộng điển hình.",
    ]
    P["IV.1"] = [
        f"Tiếp tục thực hiện nghiêm túc Kết luận số 01-KL/TW gắn với Nghị quyết Trung ương 4 khóa XII, Kết luận số "
        f"21-KL/TW; đưa việc {HCM} trở thành việc làm tự giác, thường xuyên; chú trọng xây dựng, nhân rộng các "
        f"mô hình, điển hình tiêu biểu năm 2024.",
    ]
    P["IV.2"] = [
        "Đề nghị Ban Thường vụ Đảng ủy Khối tiếp tục cung cấp tài liệu sinh hoạt chuyên đề; quan tâm tổ chức "
        "tập huấn cho cán bộ làm công tác tuyên giáo ở cơ sở và kịp thời biểu dương các điển hình.",
    ]
    return P


II_TITLES = {
    "II.1": "Việc tổ chức nghiên cứu, học tập, quán triệt Kết luận số 01-KL/TW, chuyên đề toàn khóa",
    "II.2": "Kết hợp giữa học tập với làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "II.3": "Thực hiện trách nhiệm nêu gương của cán bộ, đảng viên",
    "II.4": "Công tác tuyên truyền về tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "II.5": "Việc đổi mới, nâng cao chất lượng nghiên cứu, học tập, vận dụng tư tưởng Hồ Chí Minh",
    "II.6": "Công tác kiểm tra, giám sát việc thực hiện Chỉ thị số 05-CT/TW, Kết luận số 01-KL/TW",
}


def kl01(key, u, day, month, kl=None, omit=(), st=None, signed=False, merged_iii=False):
    """The KL01 report.  kl: K1 roman, K2 "Phần thứ nhất/hai", K3 arabic, K4 unnumbered headings.

    omit: outline ids genuinely absent from the report ("III.2", "III.3", "IV").
    merged_iii: K4 only; one heading "Ưu điểm, hạn chế và nguyên nhân" covering III.1 and III.2.
    """
    st = get_style(st or u["style"])
    kl = kl or u["kl"]
    r = rng(key)
    P = kl01_parts(u, r)
    d = Doc(key, st)
    d.add("header", unit_header(u, "BC", r.randint(60, 190), vn_date(day, month)))
    d.add("title", [Line("BÁO CÁO", bold=True, size=st.size + 1),
                    Line("tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục "
                         "thực hiện Chỉ thị số 05-CT/TW năm 2023 - 2024", bold=True)])
    d.p(f"Thực hiện {PLAN.split(' về ')[0]} về đánh giá tình hình thực hiện Kết luận số 01-KL/TW, {own_name(u)} "
        f"báo cáo kết quả thực hiện như sau:")

    def paras(k):
        for t in P[k]:
            d.p(t)

    if kl == "K1":
        d.h("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW")
        paras("I")
        d.h("II. KẾT QUẢ THỰC HIỆN")
        for i in range(1, 7):
            d.h(f"{i}. {II_TITLES[f'II.{i}']}", level=2)
            paras(f"II.{i}")
        d.h("III. ĐÁNH GIÁ CHUNG")
        for k, t in (("III.1", "1. Ưu điểm và nguyên nhân"), ("III.2", "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân"),
                     ("III.3", "3. Bài học kinh nghiệm")):
            if k in omit:
                continue
            num = t.split(".")[0]
            if "III.2" in omit and k == "III.3":
                t = "2. Bài học kinh nghiệm"
            d.h(t, level=2)
            paras(k)
        if "IV" not in omit:
            d.h("IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ")
            d.h("1. Nhiệm vụ, giải pháp", level=2)
            paras("IV.1")
            d.h("2. Đề xuất, kiến nghị", level=2)
            paras("IV.2")
    elif kl == "K2":
        d.add("title", [Line("Phần thứ nhất", bold=True), Line("KẾT QUẢ THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW", bold=True)])
        d.h("I. Công tác lãnh đạo, chỉ đạo")
        paras("I")
        d.h("II. Kết quả thực hiện")
        for i in range(1, 7):
            d.h(f"{i}. {II_TITLES[f'II.{i}']}", level=2)
            paras(f"II.{i}")
        d.h("III. Đánh giá chung")
        n = 1
        for k, t in (("III.1", "Ưu điểm và nguyên nhân"), ("III.2", "Hạn chế, khó khăn, vướng mắc và nguyên nhân"),
                     ("III.3", "Bài học kinh nghiệm")):
            if k in omit:
                continue
            d.h(f"{n}. {t}", level=2)
            n += 1
            paras(k)
        if "IV" not in omit:
            d.add("title", [Line("Phần thứ hai", bold=True),
                            Line("NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ", bold=True)])
            d.h("I. Nhiệm vụ, giải pháp")
            paras("IV.1")
            d.h("II. Kiến nghị, đề xuất")
            paras("IV.2")
    elif kl == "K3":
        d.h("1. Công tác lãnh đạo, chỉ đạo triển khai thực hiện Kết luận số 01-KL/TW")
        paras("I")
        d.h("2. Kết quả thực hiện")
        for i in range(1, 7):
            d.h(f"2.{i}. {II_TITLES[f'II.{i}']}", level=2)
            paras(f"II.{i}")
        d.h("3. Đánh giá chung")
        n = 1
        for k, t in (("III.1", "Ưu điểm và nguyên nhân"), ("III.2", "Hạn chế, khó khăn, vướng mắc và nguyên nhân"),
                     ("III.3", "Bài học kinh nghiệm")):
            if k in omit:
                continue
            d.h(f"3.{n}. {t}", level=2)
            n += 1
            paras(k)
        if "IV" not in omit:
            d.h("4. Nhiệm vụ, giải pháp trong thời gian tới và kiến nghị")
            d.h("4.1. Nhiệm vụ, giải pháp", level=2)
            paras("IV.1")
            d.h("4.2. Kiến nghị", level=2)
            paras("IV.2")
    elif kl == "K4":
        d.h("Công tác lãnh đạo, chỉ đạo")
        paras("I")
        d.h("Kết quả thực hiện")
        for i, letter in zip(range(1, 7), "abcdef"):
            d.p(f"{letter}) {II_TITLES[f'II.{i}']}: " + " ".join(P[f"II.{i}"]))
        d.h("Đánh giá chung")
        if merged_iii:
            d.p("* Ưu điểm, hạn chế và nguyên nhân:", bold=True, indent=False)
            d.p(" ".join(P["III.1"]) + " Tuy nhiên, " + P["III.2"][0][0].lower() + P["III.2"][0][1:] + " " + P["III.2"][1])
        else:
            if "III.1" not in omit:
                d.p("* Ưu điểm:", bold=True, indent=False)
                paras("III.1")
            if "III.2" not in omit:
                d.p("* Hạn chế, khuyết điểm và nguyên nhân:", bold=True, indent=False)
                paras("III.2")
        if "III.3" not in omit:
            d.p("* Bài học kinh nghiệm:", bold=True, indent=False)
            paras("III.3")
        if "IV" not in omit:
            d.h("Phương hướng, nhiệm vụ thời gian tới")
            paras("IV.1")
            d.h("Kiến nghị, đề xuất")
            paras("IV.2")
    else:
        raise ValueError(kl)
    tm, role, name = signer(u)
    d.add("sign", noi_nhan(["- Ban Thường vụ ĐUK (b/c),", "- Ban Tuyên giáo ĐUK,", "- Lưu VP."]),
          sign_lines(tm, role, name, signed))
    return d


# ----------------------------------------------------------------------------------------------
# Other documents people attach
# ----------------------------------------------------------------------------------------------
def bc_dan_van(key, u, day, month, st=None):
    """A report of another plan (mass-mobilisation work 2023), attached by mistake."""
    st = get_style(st or u["style"])
    r = rng(key)
    d = Doc(key, st)
    d.add("header", unit_header(u, "BC", r.randint(30, 80), vn_date(day, month)))
    d.add("title", [Line("BÁO CÁO", bold=True, size=st.size + 1),
                    Line("kết quả thực hiện công tác dân vận năm 2023, phương hướng, nhiệm vụ năm 2024", bold=True)])
    d.p(f"Thực hiện Hướng dẫn số 15-HD/BDVĐUK của Ban Dân vận Đảng ủy Khối về báo cáo công tác dân vận năm 2023, "
        f"{own_name(u)} báo cáo như sau:")
    d.h("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2023")
    d.p(f"Chi bộ đã lãnh đạo thực hiện tốt Quy chế dân chủ ở cơ sở; phong trào thi đua “Dân vận khéo” được triển khai "
        f"với {r.randint(2, 5)} mô hình được công nhận; phối hợp với các đoàn thể tham gia các hoạt động an sinh xã hội.")
    d.h("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024")
    d.p("Tiếp tục thực hiện hiệu quả Quy chế dân chủ ở cơ sở, phong trào “Dân vận khéo”; nâng cao chất lượng hoạt "
        "động của các đoàn thể trong cơ quan.")
    tm, role, name = signer(u)
    d.add("sign", noi_nhan(["- Ban Dân vận ĐUK,", "- Lưu VP."]), sign_lines(tm, role, name))
    return d


def cong_van_gia_han(key, u, day, month):
    """Not used as an attachment in this corpus (units ask for more time in the mail body)."""
    raise NotImplementedError
