"""Vietnamese text of the corpus documents, as block lists for :mod:`tests.corpus.docxgen`.

Each ``*_blocks`` function returns the blocks of one document type of Plan
120-KH/ĐUK: the two-column Party header, the place/date line, the title and a body
written the way grassroots party committees write them.  Wording is fixed (no
randomness), so the corpus is reproducible and its cache stays valid.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.corpus.docxgen import Block, PageBreak, Para, Rows, header, para, signature


@dataclass(frozen=True)
class Unit:
    """A submitting unit as the documents need it (from ``config/units.example.csv``)."""

    code: str
    name: str  # "Đảng bộ Sở Y tế"
    kind: str  # dang_bo_co_so | chi_bo_co_so | doan_the
    secretary: str

    @property
    def committee(self) -> str:
        """The issuing body as printed in the header: "Đảng ủy Sở Y tế", "Chi bộ Sở Ngoại vụ"."""
        if self.name.startswith("Đảng bộ "):
            return "Đảng ủy " + self.name.removeprefix("Đảng bộ ")
        return self.name

    @property
    def short(self) -> str:
        """The agency the unit belongs to: "Sở Y tế"."""
        for prefix in ("Đảng bộ ", "Chi bộ "):
            if self.name.startswith(prefix):
                return self.name.removeprefix(prefix)
        return self.name

    @property
    def ref_suffix(self) -> str:
        return {"dang_bo_co_so": "ĐU", "chi_bo_co_so": "CB", "doan_the": "BTV"}[self.kind]

    @property
    def leader_title(self) -> list[str]:
        if self.kind == "doan_the":
            return ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH" if "Hội" in self.name else "BÍ THƯ"]
        return ["T/M ĐẢNG ỦY" if self.kind == "dang_bo_co_so" else "T/M CHI BỘ", "BÍ THƯ"]


@dataclass(frozen=True)
class Nominee:
    name: str
    kind: str  # tap_the | ca_nhan
    position: str = ""  # for individuals: "Phó Trưởng phòng Nghiệp vụ Y, Sở Y tế"
    born: str = ""


PLACE_DATE = "Thái Nguyên, ngày {day} tháng {month} năm 2024"
TOPIC = "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
PERIOD = "từ tháng 01/2023 đến tháng 02/2024"


def party_header(unit: Unit, number: str, day: int = 20, month: str = "02") -> Block:
    """The two-column header: issuing body left, Party name and place/date right."""
    if unit.kind == "doan_the":
        left = ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.name.upper(), "*"]
    else:
        left = ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.committee.upper(), "*"]
    if number:
        left.append(f"Số: {number}")
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "", PLACE_DATE.format(day=f"{day:02d}", month=month)]
    return header(left, right)


def _sign(unit: Unit) -> Block:
    left = ["Nơi nhận:", "- Ban Tuyên giáo Đảng ủy Khối,", "- Lưu Văn phòng."]
    right = [*unit.leader_title, "", "", unit.secretary]
    return signature(left, right)


def to_trinh_blocks(unit: Unit, nominees: list[Nominee]) -> list[Block]:
    blocks = [
        party_header(unit, f"15-TTr/{unit.ref_suffix}", day=23),
        para("TỜ TRÌNH", bold=True, center=True, size=14, before=12),
        para(
            f"Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân tiêu biểu trong {TOPIC} năm 2024",
            bold=True,
            center=True,
        ),
        para("Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", center=True, before=6),
        para(
            "Căn cứ Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh "
            f"về đánh giá tình hình thực hiện Kết luận số 01-KL/TW và biểu dương tập thể, cá nhân tiêu biểu trong {TOPIC} "
            f"năm 2024; căn cứ kết quả bình xét của {unit.committee}, {unit.committee} kính đề nghị Ban Thường vụ "
            "Đảng ủy Khối xem xét, tặng Giấy khen cho các tập thể, cá nhân sau:",
            indent=True,
        ),
    ]
    for i, n in enumerate(nominees, 1):
        what = "Tập thể" if n.kind == "tap_the" else "Đồng chí"
        tail = f", {n.position}" if n.position else ""
        blocks.append(para(f"{i}. {what} {n.name}{tail}.", indent=True))
    blocks.append(
        para(
            "(Có báo cáo thành tích, bản tóm tắt thành tích và các quyết định khen thưởng kèm theo).",
            italic=True,
            indent=True,
        )
    )
    blocks.append(
        para(f"{unit.committee} kính trình Ban Thường vụ Đảng ủy Khối xem xét, quyết định./.", indent=True)
    )
    blocks.append(_sign(unit))
    return blocks


_ACHIEVEMENTS_TT = [
    "Chi ủy, lãnh đạo đơn vị đã cụ thể hóa chuyên đề năm 2023 thành các tiêu chí sát với nhiệm vụ chuyên môn; "
    "100% đảng viên xây dựng kế hoạch học tập và làm theo Bác gắn với bản cam kết rèn luyện.",
    "Đơn vị hoàn thành xuất sắc các chỉ tiêu được giao, thực hành tiết kiệm, cải cách thủ tục hành chính, "
    "rút ngắn thời gian giải quyết hồ sơ, không để xảy ra sai sót hay đơn thư khiếu nại.",
    "Xây dựng mô hình “Mỗi tháng một việc làm theo lời Bác”, được Đảng ủy cơ sở đánh giá cao và nhân rộng.",
    "Tổ chức Đảng được công nhận hoàn thành xuất sắc nhiệm vụ năm 2023; nội bộ đoàn kết, thống nhất.",
]
_ACHIEVEMENTS_CN = [
    "Là đảng viên gương mẫu, có lập trường tư tưởng vững vàng, luôn chấp hành nghiêm chủ trương của Đảng, "
    "chính sách, pháp luật của Nhà nước và quy định của cơ quan.",
    "Chủ động đề xuất sáng kiến cải tiến quy trình làm việc, được Hội đồng sáng kiến cơ sở công nhận năm 2023, "
    "góp phần nâng cao hiệu quả công tác chuyên môn của đơn vị.",
    "Thực hiện nghiêm trách nhiệm nêu gương, sống giản dị, gần gũi, tận tụy với công việc, "
    "được đồng nghiệp và nhân dân tin yêu.",
    "Năm 2023 được xếp loại đảng viên hoàn thành xuất sắc nhiệm vụ và đạt danh hiệu Chiến sĩ thi đua cơ sở.",
]


def _subject_lines(n: Nominee) -> list[Block]:
    if n.kind == "tap_the":
        return [para(f"Tên tập thể đề nghị khen thưởng: {n.name}", bold=True)]
    return [
        para(f"Họ và tên: {n.name}", bold=True),
        para(f"Ngày, tháng, năm sinh: {n.born}"),
        para(f"Chức vụ, đơn vị công tác: {n.position}"),
    ]


def bao_cao_thanh_tich_blocks(unit: Unit, n: Nominee) -> list[Block]:
    """Mẫu 07 (Nghị định 91/2017/NĐ-CP) achievement report with the committee's confirmation."""
    blocks = [
        party_header(unit, "", day=21),
        para("Mẫu số 07", italic=True, right=True),
        para("BÁO CÁO THÀNH TÍCH", bold=True, center=True, size=14, before=12),
        para(
            "Đề nghị tặng Giấy khen của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", bold=True, center=True
        ),
        para(f"(Thành tích trong {TOPIC}, {PERIOD})", italic=True, center=True),
        *_subject_lines(n),
        para("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" if n.kind == "tap_the" else "I. SƠ LƯỢC LÝ LỊCH", bold=True),
        para(
            f"{n.name} thuộc {unit.name}, thực hiện chức năng tham mưu, giúp việc trong lĩnh vực được giao; "
            "tổng số cán bộ, công chức, người lao động 18 người, trong đó 15 đảng viên."
            if n.kind == "tap_the"
            else f"Đồng chí {n.name} vào Đảng năm 2008, trình độ chuyên môn thạc sĩ, lý luận chính trị cao cấp; "
            f"hiện là {n.position}.",
            indent=True,
        ),
        para("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True),
    ]
    items = _ACHIEVEMENTS_TT if n.kind == "tap_the" else _ACHIEVEMENTS_CN
    blocks += [para(f"{i}. {text}", indent=True) for i, text in enumerate(items, 1)]
    blocks += [
        para("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True),
        para(f"- Năm 2023: Giấy khen của {unit.committee} về thành tích trong {TOPIC}.", indent=True),
    ]
    confirm = [f"XÁC NHẬN CỦA {unit.committee.upper()}", *unit.leader_title, "", "", unit.secretary]
    reporter = ["THỦ TRƯỞNG ĐƠN VỊ" if n.kind == "tap_the" else "NGƯỜI BÁO CÁO THÀNH TÍCH", "", "", ""]
    reporter.append("Nguyễn Văn Hải" if n.kind == "tap_the" else n.name)
    blocks.append(signature(confirm, reporter))
    return blocks


_SUMMARY_EXTRA = [
    "Trong năm, đã tổ chức 04 buổi sinh hoạt chuyên đề, 100% đảng viên tham gia, nhiều ý kiến tham luận chất lượng, "
    "gắn nội dung học tập với giải quyết những vấn đề bức xúc tại đơn vị.",
    "Thực hiện tốt công tác dân vận chính quyền, tinh thần, thái độ phục vụ người dân và doanh nghiệp có chuyển biến rõ "
    "nét; tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 99,6%.",
    "Tích cực tham gia các phong trào thi đua, hoạt động thiện nguyện, ủng hộ Quỹ “Vì người nghèo”, "
    "quỹ đền ơn đáp nghĩa với tổng số tiền trên 25 triệu đồng.",
    "Chủ động nghiên cứu, học tập nâng cao trình độ, ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, "
    "điều hành; xây dựng cơ sở dữ liệu dùng chung của đơn vị.",
    "Đoàn kết, giúp đỡ đồng nghiệp, phối hợp chặt chẽ với các phòng, đơn vị liên quan; "
    "không có cán bộ, đảng viên vi phạm kỷ luật.",
    "Được Ban Thường vụ Đảng ủy cơ sở lựa chọn giới thiệu điển hình tiêu biểu trong học tập và làm theo Bác, "
    "tham gia giao lưu, chia sẻ kinh nghiệm tại hội nghị sơ kết của Đảng bộ.",
]


def tom_tat_blocks(unit: Unit, n: Nominee, long: bool) -> list[Block]:
    """Summary of achievements; short fits well under half an A4 page, long well over."""
    who = f"tập thể {n.name}" if n.kind == "tap_the" else f"đồng chí {n.name}, {n.position}"
    blocks = [
        party_header(unit, "", day=21),
        para("TÓM TẮT THÀNH TÍCH", bold=True, center=True, size=14, before=6),
        para(f"Đề nghị tặng Giấy khen trong {TOPIC} năm 2024 của {who}", bold=True, center=True),
        para(
            f"Trong thời gian {PERIOD}, {who} đã tích cực {TOPIC}, hoàn thành xuất sắc nhiệm vụ được giao; "
            "có mô hình, cách làm hay được nhân rộng.",
            indent=True,
        ),
    ]
    if long:
        items = (_ACHIEVEMENTS_TT if n.kind == "tap_the" else _ACHIEVEMENTS_CN) + _SUMMARY_EXTRA
        blocks += [para(f"- {text}", indent=True) for text in items]
    return blocks


def quyet_dinh_khen_thuong_blocks(unit: Unit, n: Nominee) -> list[Block]:
    """An earlier award decision (2023) of the unit's own committee."""
    who = f"tập thể {n.name}" if n.kind == "tap_the" else f"đồng chí {n.name}, {n.position}"
    issuer = unit.leader_title[0].removeprefix("T/M ") + " " + unit.short.upper()
    return [
        header(
            ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.committee.upper(), "*", f"Số: 45-QĐ/{unit.ref_suffix}"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 19 tháng 5 năm 2023"],
        ),
        para("QUYẾT ĐỊNH", bold=True, center=True, size=14, before=12),
        para("Về việc tặng Giấy khen", bold=True, center=True),
        para(f"cho tập thể, cá nhân có thành tích xuất sắc trong {TOPIC} năm 2023", bold=True, center=True),
        para(issuer, bold=True, center=True, before=6),
        para("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=True),
        para("- Căn cứ Quy định số 123-QĐ/TW ngày 21/10/2019 của Ban Bí thư về khen thưởng tổ chức đảng và đảng viên;", indent=True),
        para(f"- Xét đề nghị của Ban Tuyên giáo, Văn phòng {unit.committee},", indent=True),
        para("QUYẾT ĐỊNH:", bold=True, center=True),
        para(f"Điều 1. Tặng Giấy khen cho {who} đã có thành tích xuất sắc trong {TOPIC} năm 2023.", indent=True),
        para("Điều 2. Kèm theo Giấy khen là tiền thưởng theo quy định hiện hành.", indent=True),
        para("Điều 3. Văn phòng và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", indent=True),
        _sign(unit),
    ]  # fmt: skip


def quyet_dinh_khen_thuong_annex_blocks(unit: Unit, listed: list[Nominee]) -> list[Block]:
    """An award decision whose people are on its attached list (page 2), not in Điều 1."""
    collectives = [n for n in listed if n.kind == "tap_the"]
    people = [n for n in listed if n.kind == "ca_nhan"]
    decision = [
        para(
            f"Điều 1. Tặng Giấy khen cho {len(collectives):02d} tập thể và {len(people):02d} cá nhân "
            f"(có danh sách kèm theo) đã có thành tích xuất sắc trong {TOPIC} năm 2023.",
            indent=True,
        )
        if isinstance(b, Para) and b.text.startswith("Điều 1.")
        else b
        for b in quyet_dinh_khen_thuong_blocks(unit, listed[0])
    ]
    rows = [["I", "TẬP THỂ", ""]]
    rows += [[str(i), n.name, unit.committee] for i, n in enumerate(collectives, 1)]
    rows += [["II", "CÁ NHÂN", ""]]
    rows += [[str(i), f"Đồng chí {n.name}", n.position] for i, n in enumerate(people, 1)]
    return [
        *decision,
        PageBreak(),
        para("DANH SÁCH", bold=True, center=True, size=14),
        para(f"tập thể, cá nhân được tặng Giấy khen trong {TOPIC} năm 2023", bold=True, center=True),
        para(f"(Kèm theo Quyết định số 45-QĐ/{unit.ref_suffix})", italic=True, center=True),
        Rows(["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị"], rows),
    ]


def quyet_dinh_xep_loai_blocks(unit: Unit, n: Nominee) -> list[Block]:
    """The 2023 party-member rating decision (individuals only)."""
    return [
        header(
            ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.committee.upper(), "*", f"Số: 212-QĐ/{unit.ref_suffix}"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 28 tháng 12 năm 2023"],
        ),
        para("QUYẾT ĐỊNH", bold=True, center=True, size=14, before=12),
        para("Về việc xếp loại chất lượng đảng viên năm 2023", bold=True, center=True),
        para("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=True),
        para("- Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm;", indent=True),
        para("- Xét đề nghị của chi bộ và kết quả kiểm điểm, đánh giá cuối năm,", indent=True),
        para("QUYẾT ĐỊNH:", bold=True, center=True),
        para(f"Điều 1. Xếp loại chất lượng đảng viên năm 2023 đối với đồng chí {n.name}, {n.position}: Hoàn thành xuất sắc nhiệm vụ.", indent=True),
        para("Điều 2. Các chi bộ trực thuộc và đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.", indent=True),
        _sign(unit),
    ]  # fmt: skip


KL01_SECTIONS: dict[str, tuple[str, list[str]]] = {
    "I": (
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VIỆC TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 01-KL/TW",
        [
            "Ngay sau khi nhận được Kế hoạch của Đảng ủy Khối, cấp ủy đã ban hành kế hoạch thực hiện, đưa nội dung học tập "
            "và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào chương trình công tác toàn khóa và hằng năm."
        ],
    ),
    "II": (
        "II. KẾT QUẢ THỰC HIỆN",
        [
            "1. Việc tổ chức nghiên cứu, học tập, quán triệt: tổ chức 02 hội nghị với 100% đảng viên tham gia.",
            "2. Kết hợp giữa học tập với làm theo: xây dựng 03 mô hình, cách làm hiệu quả được biểu dương.",
            "3. Trách nhiệm nêu gương: người đứng đầu gương mẫu, đi đầu trong thực hiện nhiệm vụ.",
            "4. Công tác tuyên truyền: đăng tải 25 tin, bài trên trang thông tin điện tử của cơ quan.",
            "5. Việc nghiên cứu, vận dụng sáng tạo tư tưởng Hồ Chí Minh: lồng ghép trong sinh hoạt chuyên đề.",
            "6. Công tác kiểm tra, giám sát: kiểm tra 02 chi bộ trực thuộc, không phát hiện vi phạm.",
        ],
    ),
    "III": ("III. ĐÁNH GIÁ CHUNG", []),
    "III.1": (
        "1. Ưu điểm và nguyên nhân",
        ["Cấp ủy quan tâm lãnh đạo, chỉ đạo; đảng viên nhận thức đầy đủ, tự giác thực hiện."],
    ),
    "III.2": (
        "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân",
        ["Một số mô hình chưa được duy trì thường xuyên; việc sơ kết, nhân rộng điển hình còn chậm."],
    ),
    "III.3": (
        "3. Bài học kinh nghiệm",
        [
            "Phát huy vai trò nêu gương của người đứng đầu; gắn việc làm theo Bác với nhiệm vụ chính trị của đơn vị."
        ],
    ),
    "IV": (
        "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TIẾP THEO VÀ KIẾN NGHỊ",
        [
            "1. Nhiệm vụ, giải pháp: tiếp tục thực hiện có hiệu quả Kết luận số 01-KL/TW gắn với chuyên đề năm 2024.",
            "2. Đề xuất, kiến nghị: đề nghị Đảng ủy Khối tiếp tục tổ chức tập huấn, giao lưu điển hình tiêu biểu.",
        ],
    ),
}


# Other ways units number and label the same outline ("A. LÃNH ĐẠO, CHỈ ĐẠO", "1/ Ưu điểm:").
KL01_LETTER_TITLES = {
    "I": "A. LÃNH ĐẠO, CHỈ ĐẠO",
    "II": "B. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG",
    "III": "C. ĐÁNH GIÁ CHUNG",
    "III.1": "1/ Ưu điểm:",
    "III.2": "2/ Hạn chế, khó khăn, vướng mắc:",
    "III.3": "3/ Bài học kinh nghiệm:",
    "IV": "D. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ KIẾN NGHỊ",
}
KL01_INLINE_LABELS = {"III.1": "Ưu điểm", "III.2": "Hạn chế, khó khăn", "III.3": "Bài học kinh nghiệm"}
# Every section as an unnumbered label in the writer's own words, however long.
KL01_PROSE_LABELS = {
    "I": "Về công tác lãnh đạo, chỉ đạo triển khai Kết luận 01-KL/TW",
    "II": "Về kết quả thực hiện",
    "III": "Đánh giá chung",
    "III.1": "Ưu điểm, nguyên nhân",
    "III.2": "Hạn chế, khó khăn và nguyên nhân",
    "III.3": "Bài học rút ra",
    "IV": "Nhiệm vụ, giải pháp thời gian tới; kiến nghị",
}


KL01_FORMAL_TITLE = (
    "tình hình thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện "
    "Chỉ thị số 05-CT/TW “Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” "
    "năm 2023 - 2024"
)
# The report titled by the plan's topic, the Conclusion not cited.
KL01_TOPIC_TITLE = "kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023"


def kl01_blocks(
    unit: Unit, missing: tuple[str, ...] = (), style: str = "roman", title: str = KL01_FORMAL_TITLE
) -> list[Block]:
    """Report on Conclusion 01-KL/TW following the plan's outline, minus ``missing`` sections.

    ``style``: "roman" (I-IV as the plan writes them), "letters" (A-D and "1/ Ưu điểm:"),
    "labels" (the assessment's parts as labels opening their paragraph, "Ưu điểm: …"), or
    "prose-labels" (every section so, in the writer's own words, unnumbered).  ``title``:
    the words under "BÁO CÁO" (:data:`KL01_TOPIC_TITLE`: the plan's topic only)."""
    blocks = [
        party_header(unit, f"38-BC/{unit.ref_suffix}", day=12, month="03"),
        para("BÁO CÁO", bold=True, center=True, size=14, before=12),
        para(title, bold=True, center=True),
        para(
            "Thực hiện Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, "
            f"{unit.committee} báo cáo kết quả thực hiện như sau:",
            indent=True,
        ),
    ]
    for sid, (title, body) in KL01_SECTIONS.items():
        if sid in missing:
            continue
        if style == "labels" and sid in KL01_INLINE_LABELS:
            blocks.append(para(f"{KL01_INLINE_LABELS[sid]}: {' '.join(body)}", indent=True))
            continue
        if style == "prose-labels":
            blocks.append(para(f"{KL01_PROSE_LABELS[sid]}: {' '.join(body)}", indent=True))
            continue
        blocks.append(para(KL01_LETTER_TITLES[sid] if style == "letters" else title, bold=True))
        blocks += [para(text, indent=True) for text in body]
    blocks.append(_sign(unit))
    return blocks
