"""Big documents for the speed tests: a 300-page PDF and a 200-page .docx, made fast.

The PDF is written directly (standard Helvetica font, ASCII Vietnamese without
diacritics) because converting 300 pages through LibreOffice would dominate the test
run; pdfplumber and PDFium read it like any other text PDF.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK

_LINE = "Bao cao tinh hinh thuc hien Ket luan so 01-KL/TW - trang {page}, dong {line}"


def big_pdf(pages: int = 300, lines: int = 45) -> bytes:
    """A text PDF of ``pages`` A4 pages, ``lines`` lines each."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for p in range(pages):
        text = ["BT /F1 11 Tf 14 TL 72 790 Td"]
        text += [f"({_LINE.format(page=p + 1, line=i + 1)}) '" for i in range(lines)]
        stream = "\n".join([*text, "ET"]).encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * p} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def big_docx(pages: int = 200, paragraphs_per_page: int = 12) -> bytes:
    """A .docx of about ``pages`` pages: title, header table, then long paragraphs."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\nĐẢNG ỦY SỞ Y TẾ"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("tình hình thực hiện Kết luận số 01-KL/TW năm 2023 - 2024")
    body = (
        "Cấp ủy đã quán triệt, triển khai thực hiện Kết luận số 01-KL/TW gắn với nhiệm vụ chính trị của đơn vị; "
        "cán bộ, đảng viên tích cực học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
    )
    for page in range(pages):
        for i in range(paragraphs_per_page):
            document.add_paragraph(f"{page + 1}.{i + 1}. {body}")
        document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
        if page % 20 == 0:
            inner = document.add_table(rows=3, cols=3)
            for cell in inner._cells:
                cell.text = "Số liệu"
    document.add_paragraph("KẾT THÚC BÁO CÁO")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
