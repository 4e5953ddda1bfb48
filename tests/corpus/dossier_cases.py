"""Documents of the shapes that need the whole dossier to be read right (case classes).

Each builder returns the blocks of one document (rendered like the rest of the corpus by
``docxgen``; PDFs and scans by LibreOffice and img2pdf through ``make_corpus``):

* a Tờ trình whose count runs across a line break ("tặng Giấy khen cho" / "01 tập thể và
  01 cá nhân, cụ thể:"), which must never become a nominee;
* a rating decision listing several party members in rows, one of whom is the nominee;
* the decision rating a collective's party organisation (the collective's counterpart
  of the member-rating decision: "hoàn thành xuất sắc nhiệm vụ");
* a proposal of one collective only (a chi bộ);
* the bloc's award decision whose table lists the unit's collective among other units'
  collectives and comrades (the one person it names is another unit's);
* a report of ordinary work sent under a dossier file's name by mistake.

``tests/test_dossier_cases.py`` sends them in mails through the real pipeline; the
generated corpus of :mod:`tests.corpus.make_corpus` keeps its per-file documents.
"""

from __future__ import annotations

from tests.corpus.docxgen import Block, Rows, header, para
from tests.corpus.texts import TOPIC, Nominee, Unit, _sign, party_header


def to_trinh_with_count(unit: Unit, nominees: list[Nominee], title: str | None = None) -> list[Block]:
    """A Tờ trình saying how many it proposes, the count on a line of its own."""
    collectives = sum(1 for n in nominees if n.kind == "tap_the")
    persons = len(nominees) - collectives
    count = " và ".join(
        part
        for part in (
            f"{collectives:02d} tập thể" if collectives else "",
            f"{persons:02d} cá nhân" if persons else "",
        )
        if part
    )
    blocks = [
        party_header(unit, f"16-TTr/{unit.ref_suffix}", day=24),
        para("TỜ TRÌNH", bold=True, center=True, size=14, before=12),
        para(title or f"Về việc đề nghị khen thưởng trong {TOPIC} năm 2024", bold=True, center=True),
        para("Kính gửi: Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh", center=True, before=6),
        para(
            f"Thực hiện Kế hoạch số 120-KH/ĐUK, ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, "
            f"{unit.committee} kính đề nghị Ban Thường vụ Đảng ủy Khối xem xét, tặng Giấy khen cho",
            indent=True,
        ),
        para(f"{count}, cụ thể như sau:", indent=True),
    ]
    for i, n in enumerate(nominees, 1):
        what = "Tập thể" if n.kind == "tap_the" else "Đồng chí"
        tail = f", {n.position}" if n.position else ""
        blocks.append(para(f"{i}. {what} {n.name}{tail}.", indent=True))
    blocks.append(para(f"{unit.committee} kính trình Ban Thường vụ Đảng ủy Khối xem xét./.", indent=True))
    blocks.append(_sign(unit))
    return blocks


def member_rating_rows(unit: Unit, members: list[str]) -> list[Block]:
    """A committee's decision rating several party members, one row each."""
    ratings = ["Hoàn thành tốt nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"]
    return [
        header(
            ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.committee.upper(), "*", f"Số: 230-QĐ/{unit.ref_suffix}"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 29 tháng 12 năm 2023"],
        ),
        para("QUYẾT ĐỊNH", bold=True, center=True, size=14, before=12),
        para("Về việc công nhận kết quả xếp loại chất lượng đảng viên năm 2023", bold=True, center=True),
        para("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=True),
        para("- Căn cứ kết quả kiểm điểm, đánh giá, xếp loại đảng viên cuối năm 2023,", indent=True),
        para("QUYẾT ĐỊNH:", bold=True, center=True),
        para(
            "Điều 1. Công nhận kết quả xếp loại chất lượng năm 2023 đối với các đảng viên sau:", indent=True
        ),
        *(para(f"{i}\t{name}\tĐảng viên\t{ratings[i % 2]}") for i, name in enumerate(members, 1)),
        para("Điều 2. Các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.", indent=True),
        _sign(unit),
    ]


def organisation_rating(unit: Unit, collective: str) -> list[Block]:
    """The decision rating the party organisation of a collective ("hoàn thành xuất sắc")."""
    return [
        header(
            ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.committee.upper(), "*", f"Số: 231-QĐ/{unit.ref_suffix}"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 29 tháng 12 năm 2023"],
        ),
        para("QUYẾT ĐỊNH", bold=True, center=True, size=14, before=12),
        para("Về việc xếp loại chất lượng tổ chức cơ sở đảng năm 2023", bold=True, center=True),
        para("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", indent=True),
        para(
            "- Căn cứ Quy định số 124-QĐ/TW của Bộ Chính trị về kiểm điểm, đánh giá, xếp loại chất lượng;",
            indent=True,
        ),
        para("QUYẾT ĐỊNH:", bold=True, center=True),
        para(f"Điều 1. Công nhận {collective} hoàn thành xuất sắc nhiệm vụ năm 2023.", indent=True),
        para("Điều 2. Văn phòng và tổ chức đảng có tên tại Điều 1 thi hành Quyết định này.", indent=True),
        _sign(unit),
    ]


def bloc_award_decision(rows: list[tuple[str, str]]) -> list[Block]:
    """The Standing Committee of the bloc's award decision: one table of every unit's
    collectives and comrades, ``(name, unit)`` each (a comrade's name with "Đồng chí")."""
    return [
        header(
            ["ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số 1225-QĐ/ĐUK"],
            ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Thái Nguyên, ngày 18 tháng 4 năm 2023"],
        ),
        para("QUYẾT ĐỊNH", bold=True, center=True, size=14, before=12),
        para("tặng Giấy khen cho tập thể, cá nhân có thành tích tiêu biểu", bold=True, center=True),
        para(f"trong {TOPIC} năm 2023", bold=True, center=True),
        para("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", bold=True, center=True, before=6),
        para("- Căn cứ Điều lệ Đảng; Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương;", indent=True),
        para(f"- Xét đề nghị của Ban Tuyên giáo về kết quả {TOPIC} năm 2023,", indent=True),
        para("QUYẾT ĐỊNH:", bold=True, center=True),
        para(
            f"Điều 1. Tặng Giấy khen cho {len(rows):02d} tập thể, cá nhân đã có thành tích tiêu biểu "
            f"trong {TOPIC} năm 2023:",
            indent=True,
        ),
        Rows(["STT", "Tập thể, cá nhân", "Đơn vị"], [[str(i), n, u] for i, (n, u) in enumerate(rows, 1)]),
        para("Điều 2. Văn phòng, Ban Tuyên giáo và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", indent=True),
    ]  # fmt: skip


def work_report(unit: Unit, subject: str = "Công tác dân vận năm 2023") -> list[Block]:
    """A report of the unit's ordinary work: attached under a dossier file's name by mistake."""
    body = (
        "Năm 2023, công tác được triển khai đồng bộ, bám sát chương trình công tác của cấp ủy cấp "
        "trên; các nhiệm vụ trọng tâm cơ bản hoàn thành đúng tiến độ. Tồn tại: một số nội dung còn "
        "chậm, chất lượng báo cáo định kỳ chưa cao. Phương hướng năm 2024: tiếp tục thực hiện "
        "nghiêm các văn bản chỉ đạo, nâng cao chất lượng tham mưu."
    )
    return [
        party_header(unit, f"08-BC/{unit.ref_suffix}", day=20, month="12"),
        para("BÁO CÁO", bold=True, center=True, size=14, before=12),
        para(subject, bold=True, center=True),
        para(body, indent=True, before=6),
        _sign(unit),
    ]
