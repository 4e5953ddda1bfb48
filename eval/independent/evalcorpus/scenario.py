"""The scenario: what each of the 40 units sends, when, how and with what files.

Written by hand, unit by unit, as the secretaries and clerks would plausibly behave.  Mail ids are
grouped by unit (m001... for the first unit) and say nothing to the system under test; the order in
which mails reach the server is by INTERNALDATE (manifest.json).

The ground truth is NOT derived from this file: it is written separately in ../labels.toml.
"""
from __future__ import annotations

from . import text as T
from .dsl import A, E, F, Sc
from .facts import unit

KL_DEADLINE_REMINDER = "[Ban Tuyên giáo ĐUK] Nhắc gửi Báo cáo tình hình thực hiện Kết luận số 01-KL/TW (hạn 15/3/2024)"
HS_REMINDER = "[Ban Tuyên giáo ĐUK] Nhắc gửi hồ sơ đề nghị khen thưởng theo Kế hoạch 120-KH/ĐUK (hạn 28/02/2024)"
BOT = "banbientapduk@thainguyen.gov.vn"


def rid(kind, date, code):
    return f"{kind}.{date}.{code.lower()}@banbientapduk.thainguyen.gov.vn"


def quote(lines, style="gmail", who="Ban Tuyên giáo Đảng ủy Khối", when=""):
    if style == "gmail":
        head = f"Vào {when}, {who} <{BOT}> đã viết:"
    elif style == "outlook":
        return ("\n\nFrom: Ban Tuyên giáo Đảng ủy Khối <" + BOT + ">\nSent: " + when + "\nTo: " + who +
                "\nSubject: " + lines[0] + "\n\n" + "\n".join(lines[1:]))
    else:  # mutt / zimbra
        head = f"On {when}, {who} wrote:"
    return "\n\n" + head + "\n" + "\n".join("> " + l if l else ">" for l in lines)


def reminder_hs_text(u):
    return [f"Kính gửi: {u['name']},",
            "",
            "Thực hiện Kế hoạch số 120-KH/ĐUK ngày 22/02/2024 của Ban Thường vụ Đảng ủy Khối, đề nghị đơn vị gửi hồ sơ "
            "đề nghị khen thưởng (Tờ trình, Báo cáo thành tích, Bản tóm tắt thành tích, Quyết định khen thưởng, Quyết "
            "định xếp loại đảng viên năm 2023) về Ban Tuyên giáo trước ngày 28/02/2024.",
            "",
            "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"]


def reminder_kl_text(u):
    return [f"Kính gửi: {u['name']},",
            "",
            "Đề nghị đơn vị gửi Báo cáo tình hình thực hiện Kết luận số 01-KL/TW (theo đề cương kèm Kế hoạch số "
            "120-KH/ĐUK) về Ban Tuyên giáo trước ngày 15/3/2024.",
            "",
            "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"]


def build():
    S = Sc()
    d = S.doc

    # ========================================================================== U01 SCT
    u = unit("SCT")
    tt_, cn = u["nominees"]
    d("SCT/tt", T.to_trinh, "SCT/tt", u, [tt_, cn], 23, 2, 45, listing="table")
    d("SCT/bctt/tt", T.bctt_tap_the, "SCT/bctt/tt", u, tt_, 20, 2)
    d("SCT/bctt/cn", T.bctt_ca_nhan, "SCT/bctt/cn", u, cn, 20, 2)
    d("SCT/tom/tt", T.tom_tat, "SCT/tom/tt", u, [tt_], 20, 2)
    d("SCT/tom/cn", T.tom_tat, "SCT/tom/cn", u, [cn], 20, 2)
    d("SCT/kt/tt", T.qd_khen_thuong, "SCT/kt/tt", u, [tt_], "khoi", 2022)
    d("SCT/kt/cn", T.qd_khen_thuong, "SCT/kt/cn", u, [cn], "unit", 2023)
    d("SCT/xl/tt", T.qd_xep_loai_to_chuc, "SCT/xl/tt", u, tt_)
    d("SCT/xl/cn", T.qd_xep_loai_dang_vien, "SCT/xl/cn", u, [cn], 14)
    d("SCT/kl01", T.kl01, "SCT/kl01", u, 12, 3)
    sig = ("\n\n--\nMa Thị Nguyệt\nVăn phòng Đảng ủy Sở Công Thương tỉnh Thái Nguyên\n"
           "Số 2 đường Quang Trung, TP. Thái Nguyên - ĐT: 0208.3855.412")
    logo = F("image001.png", None, "logo", inline=True, text="SỞ CÔNG THƯƠNG THÁI NGUYÊN")
    S.mail("m001", "2024-02-26T10:12:37+07:00", "outlook",
           ("Văn phòng Đảng ủy Sở Công Thương", "dangbo.sct@thainguyen.gov.vn"),
           "V/v gửi hồ sơ đề nghị khen thưởng học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024",
           "Kính gửi: Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh.\n\nThực hiện Kế hoạch số 120-KH/ĐUK, Đảng ủy Sở "
           "Công Thương gửi hồ sơ đề nghị khen thưởng 01 tập thể và 01 cá nhân (Tờ trình, báo cáo thành tích, bản tóm "
           "tắt và các quyết định kèm theo).\n\nTrân trọng!" + sig,
           [F("Tờ trình đề nghị khen thưởng.pdf", "SCT/tt", "scan", stamp=True),
            F("Báo cáo thành tích Chi bộ Phòng Quản lý thương mại.docx", "SCT/bctt/tt", "docx"),
            F("Báo cáo thành tích đồng chí Dương Văn Khải.docx", "SCT/bctt/cn", "docx"),
            F("Tóm tắt thành tích Chi bộ Phòng QLTM.docx", "SCT/tom/tt", "docx"),
            F("Tóm tắt thành tích đồng chí Dương Văn Khải.docx", "SCT/tom/cn", "docx"),
            F("Quyết định khen thưởng Chi bộ Phòng QLTM năm 2022.pdf", "SCT/kt/tt", "scan", copy_stamp=True),
            F("Quyết định khen thưởng đồng chí Khải.pdf", "SCT/kt/cn", "scan", copy_stamp=True, gray=True),
            F("Quyết định xếp loại chất lượng tổ chức đảng 2023.pdf", "SCT/xl/tt", "scan"),
            F("Quyết định xếp loại đảng viên năm 2023.pdf", "SCT/xl/cn", "scan"),
            logo])
    S.mail("m002", "2024-03-13T09:05:12+07:00", "outlook",
           ("Văn phòng Đảng ủy Sở Công Thương", "dangbo.sct@thainguyen.gov.vn"),
           "Báo cáo tình hình thực hiện Kết luận 01-KL/TW",
           "Kính gửi: Ban Tuyên giáo Đảng ủy Khối.\n\nĐảng ủy Sở Công Thương gửi Báo cáo tình hình thực hiện Kết "
           "luận số 01-KL/TW năm 2023 - 2024 theo đề cương của Kế hoạch 120-KH/ĐUK.\n\nTrân trọng!" + sig,
           [F("Báo cáo KL01 - Đảng bộ Sở Công Thương.docx", "SCT/kl01", "docx"), logo])

    # ========================================================================== U02 SGTVT
    u = unit("SGTVT")
    tt_, cn = u["nominees"]
    d("SGTVT/tt", T.to_trinh, "SGTVT/tt", u, [tt_, cn], 22, 2, 18, listing="table")
    d("SGTVT/bctt/tt", T.bctt_tap_the, "SGTVT/bctt/tt", u, tt_, 22, 2)
    d("SGTVT/tom/tt", T.tom_tat, "SGTVT/tom/tt", u, [tt_], 22, 2, with_header=False)
    d("SGTVT/kt/tt", T.qd_khen_thuong, "SGTVT/kt/tt", u, [tt_], "khoi", 2022)
    d("SGTVT/xl/tt", T.qd_xep_loai_to_chuc, "SGTVT/xl/tt", u, tt_)
    d("SGTVT/bctt/cn", T.bctt_ca_nhan, "SGTVT/bctt/cn", u, cn, 26, 2)
    d("SGTVT/tom/cn.long", T.tom_tat, "SGTVT/tom/cn.long", u, [cn], 26, 2, long=True, with_header=False)
    d("SGTVT/tom/cn", T.tom_tat, "SGTVT/tom/cn", u, [cn], 28, 2, with_header=False)
    d("SGTVT/kt/cn", T.qd_khen_thuong, "SGTVT/kt/cn", u, [cn], "khoi", 2023)
    d("SGTVT/xl/cn", T.qd_xep_loai_dang_vien, "SGTVT/xl/cn", u, [cn], 11)
    d("SGTVT/kl01", T.kl01, "SGTVT/kl01", u, 13, 3)
    frm = ("Van phong Dang uy So GTVT", "dangbo.sgtvt@thainguyen.gov.vn")
    S.mail("m003", "2024-02-23T15:40:02+07:00", "mutt", frm, "Gửi hồ sơ đề nghị khen thưởng (đợt 1)",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Sở Giao thông vận tải gửi Tờ trình và hồ sơ của tập thể "
           "chi bộ trực thuộc đề nghị khen thưởng. Hồ sơ cá nhân đơn vị sẽ gửi bổ sung sau.\n\n"
           "Lương Văn Thịnh\nĐảng ủy Sở GTVT",
           [F("To trinh.odt", "SGTVT/tt", "odt"),
            F("BCTT Chi bo Tram KTTTX so.odt", "SGTVT/bctt/tt", "odt"),
            F("Tom tat Chi bo Tram kiem tra tai trong xe so.odt", "SGTVT/tom/tt", "odt"),
            F("QD khen thuong Chi bo Tram KTTTX.pdf", "SGTVT/kt/tt", "scan", gray=True),
            F("QD xep loai to chuc dang 2023.pdf", "SGTVT/xl/tt", "scan", gray=True)])
    S.mail("m004", "2024-02-27T10:22:45+07:00", "mutt", frm,
           "Gửi hồ sơ cá nhân đề nghị khen thưởng - đ/c Hoàng Thị Minh Nguyệt",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Sở GTVT gửi tiếp hồ sơ cá nhân đồng chí Hoàng Thị Minh Nguyệt, "
           "Phó Trưởng phòng Quản lý vận tải, phương tiện và người lái.\n\nLương Văn Thịnh",
           [F("BCTT Hoang Thi Minh Nguyet.odt", "SGTVT/bctt/cn", "odt"),
            F("Tom tat Hoang Thi Minh Nguyet.odt", "SGTVT/tom/cn.long", "odt"),
            F("QD khen thuong Nguyet.pdf", "SGTVT/kt/cn", "scan", gray=True, copy_stamp=True),
            F("QD xep loai dang vien 2023 - Hoang Thi Minh Nguyet.pdf", "SGTVT/xl/cn", "scan", gray=True)])
    S.mail("m005", "2024-02-28T16:41:30+07:00", "mutt", frm, "Gửi lại bản sửa tóm tắt thành tích đ/c Nguyệt",
           "Kính gửi Ban Tuyên giáo,\n\nTheo hướng dẫn của Ban (bản tóm tắt không quá 1/2 trang A4), đơn vị gửi lại "
           "bản tóm tắt thành tích của đồng chí Hoàng Thị Minh Nguyệt đã rút gọn, thay cho bản gửi ngày 27/02.\n\n"
           "Lương Văn Thịnh",
           [F("Tom tat Hoang Thi Minh Nguyet (ban sua).odt", "SGTVT/tom/cn", "odt")],
           in_reply_to="m004")
    S.mail("m006", "2024-03-14T14:18:09+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Sở GTVT gửi báo cáo tình hình thực hiện Kết luận 01-KL/TW.\n\n"
           "Lương Văn Thịnh",
           [F("Bao cao KL01 Dang bo So GTVT.odt", "SGTVT/kl01", "odt")])

    # ========================================================================== U03 SXD
    u = unit("SXD")
    tt_, cn = u["nominees"]
    d("SXD/tt", T.to_trinh, "SXD/tt", u, [tt_, cn], 26, 2, 31)
    d("SXD/bctt/tt", T.bctt_tap_the, "SXD/bctt/tt", u, tt_, 26, 2)
    d("SXD/bctt/cn", T.bctt_ca_nhan, "SXD/bctt/cn", u, cn, 26, 2)
    d("SXD/tom", T.tom_tat, "SXD/tom", u, [tt_, cn], 26, 2)
    d("SXD/kt/tt", T.qd_khen_thuong, "SXD/kt/tt", u, [tt_], "khoi", 2022)
    d("SXD/kt/cn", T.qd_khen_thuong, "SXD/kt/cn", u, [cn], "unit", 2023, False)
    d("SXD/xl/cn", T.qd_xep_loai_dang_vien, "SXD/xl/cn", u, [cn], 9)
    d("SXD/xl/tt", T.qd_xep_loai_to_chuc, "SXD/xl/tt", u, tt_)
    d("SXD/kl01", T.kl01, "SXD/kl01", u, 15, 3, merged_iii=True)
    frm = ("Thủy Phạm", "phamthuy.sxd87@gmail.com")
    S.mail("m007", "2024-02-24T15:20:05+07:00", "gmail", frm, "Hỏi về mẫu báo cáo thành tích",
           "Dạ em chào Ban Tuyên giáo ạ,\nEm ở văn phòng Đảng ủy Sở Xây dựng. Cho em hỏi báo cáo thành tích của "
           "tập thể chi bộ trực thuộc thì dùng mẫu 07 hay mẫu của Đảng ủy Khối ạ? Và có cần xác nhận của Đảng ủy "
           "không ạ?\nEm cảm ơn ạ.")
    S.mail("m008", "2024-02-27T21:47:10+07:00", "gmail", frm,
           "Đảng ủy Sở Xây dựng gửi hồ sơ khen thưởng học tập và làm theo Bác",
           "Em gửi Ban hồ sơ ạ.\nEm cảm ơn.",
           [F("TTr.docx", "SXD/tt", "docx-lo"),
            F("BCTT tap the.docx", "SXD/bctt/tt", "docx-lo"),
            F("BCTT ca nhan.docx", "SXD/bctt/cn", "docx-lo"),
            F("Tom tat thanh tich.docx", "SXD/tom", "docx-lo"),
            F("scan0001.pdf", "SXD/kt/tt", "scan", copy_stamp=True),
            F("scan0002.pdf", "SXD/kt/cn", "scan", copy_stamp=True),
            F("scan0003.pdf", "SXD/xl/cn", "scan"),
            F("IMG_20240227_160512.jpg", "SXD/xl/tt", "photo", page=1)])
    S.mail("m111", "2024-02-28T08:31:20+07:00", "gmail", frm,
           "Re: Đảng ủy Sở Xây dựng gửi hồ sơ khen thưởng học tập và làm theo Bác",
           "Dạ Ban đã nhận được hồ sơ em gửi tối qua chưa ạ? Em gửi 8 file ạ." +
           quote(["Em gửi Ban hồ sơ ạ.", "Em cảm ơn."], "gmail", who="Thủy Phạm",
                 when="Th 3, 27 thg 2, 2024 vào lúc 21:47"), in_reply_to="m008")
    S.mail("m009", "2024-03-15T23:20:44+07:00", "gmail", frm, "Bao cao KL01 - DU So Xay dung",
           "Em gửi báo cáo ạ.",
           [F("Bao cao KL01.doc", "SXD/kl01", "doc")])

    # ========================================================================== U04 STNMT
    u = unit("STNMT")
    tt_, cn = u["nominees"]
    d("STNMT/tt", T.to_trinh, "STNMT/tt", u, [tt_, cn], 27, 2, 52)
    d("STNMT/bctt/tt", T.bctt_tap_the, "STNMT/bctt/tt", u, tt_, 26, 2)
    d("STNMT/tom/tt", T.tom_tat, "STNMT/tom/tt", u, [tt_], 26, 2)
    d("STNMT/kt/tt", T.qd_khen_thuong, "STNMT/kt/tt", u, [tt_], "khoi", 2022)
    d("STNMT/xl/tt", T.qd_xep_loai_to_chuc, "STNMT/xl/tt", u, tt_)
    d("STNMT/bctt/cn", T.bctt_ca_nhan, "STNMT/bctt/cn", u, cn, 26, 2)
    d("STNMT/tom/cn", T.tom_tat, "STNMT/tom/cn", u, [cn], 26, 2)
    d("STNMT/kt/cn", T.qd_khen_thuong, "STNMT/kt/cn", u, [cn], "khoi", 2023)
    d("STNMT/xl/cn", T.qd_xep_loai_dang_vien, "STNMT/xl/cn", u, [cn], 15)
    d("STNMT/kl01", T.kl01, "STNMT/kl01", u, 15, 3)
    frm = ("Văn phòng Sở TN&MT", "vp.stnmt@thainguyen.gov.vn")
    base = "Ho so khen thuong STNMT/"
    S.mail("m010", "2024-02-28T22:55:18+07:00", "zimbra", frm, "Ho so de nghi khen thuong - Dang bo So TN&MT",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nVăn phòng Sở Tài nguyên và Môi trường gửi hồ sơ đề nghị khen "
           "thưởng của Đảng bộ Sở (file nén kèm theo).\n\nTrân trọng,\nTrần Thị Thoa",
           [A("Ho so khen thuong STNMT.zip", "zip", [
               (base + "1. To trinh.pdf", F("1. To trinh.pdf", "STNMT/tt", "pdf")),
               (base + "2. Tap the/BCTT Chi bo VPDKDD.docx", F("x", "STNMT/bctt/tt", "docx")),
               (base + "2. Tap the/Tom tat Chi bo VPDKDD.docx", F("x", "STNMT/tom/tt", "docx")),
               (base + "2. Tap the/QD khen thuong.pdf", F("x", "STNMT/kt/tt", "scan", copy_stamp=True)),
               (base + "2. Tap the/QD xep loai chi bo 2023.pdf", F("x", "STNMT/xl/tt", "scan")),
               (base + "3. Ca nhan/BCTT Nong Van Thang.docx", F("x", "STNMT/bctt/cn", "docx")),
               (base + "3. Ca nhan/Tom tat Nong Van Thang.docx", F("x", "STNMT/tom/cn", "docx")),
               (base + "3. Ca nhan/QD khen thuong Nong Van Thang.pdf", F("x", "STNMT/kt/cn", "scan", copy_stamp=True)),
               (base + "3. Ca nhan/QD xep loai dang vien 2023.pdf", F("x", "STNMT/xl/cn", "scan")),
           ])])
    S.mail("m011", "2024-03-18T08:31:50+07:00", "zimbra", frm, "Báo cáo kết quả thực hiện KL 01",
           "Kính gửi Ban Tuyên giáo,\n\nĐơn vị xin gửi báo cáo kết quả thực hiện Kết luận 01-KL/TW (gửi chậm do "
           "lãnh đạo đi công tác chưa ký được).\n\nTrần Thị Thoa",
           [F("BC KL01 STNMT.pdf", "STNMT/kl01", "pdf")])

    # ========================================================================== U05 SLDTBXH (over quota)
    u = unit("SLDTBXH")
    t1, t2, cn = u["nominees"]
    d("SLDTBXH/tt", T.to_trinh, "SLDTBXH/tt", u, [t1, t2, cn], 26, 2, 27, listing="table")
    for i, n in enumerate([t1, t2]):
        d(f"SLDTBXH/bctt/t{i}", T.bctt_tap_the, f"SLDTBXH/bctt/t{i}", u, n, 26, 2)
        d(f"SLDTBXH/tom/t{i}", T.tom_tat, f"SLDTBXH/tom/t{i}", u, [n], 26, 2)
    d("SLDTBXH/bctt/cn", T.bctt_ca_nhan, "SLDTBXH/bctt/cn", u, cn, 26, 2)
    d("SLDTBXH/tom/cn", T.tom_tat, "SLDTBXH/tom/cn", u, [cn], 26, 2)
    d("SLDTBXH/kt", T.qd_khen_thuong, "SLDTBXH/kt", u, [t1, t2, cn], "khoi", 2023)
    d("SLDTBXH/xl", T.qd_xep_loai_to_chuc, "SLDTBXH/xl", u, [t1, t2])
    d("SLDTBXH/kl01", T.kl01, "SLDTBXH/kl01", u, 14, 3)
    frm = ("Dang uy So LDTBXH", "dangbo.sldtbxh@thainguyen.gov.vn")
    S.mail("m012", "2024-02-27T14:03:55+07:00", "snail", frm,
           "Đảng bộ Sở LĐ-TB&XH gửi hồ sơ đề nghị khen thưởng năm 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nĐảng bộ Sở Lao động - Thương binh và Xã hội gửi hồ sơ đề nghị "
           "khen thưởng 02 tập thể và 01 cá nhân. Đề nghị Ban xem xét.\n\nHoàng Văn Lợi",
           [F("01. To trinh de nghi khen thuong.doc", "SLDTBXH/tt", "doc"),
            F("02. BCTT Chi bo Phong Nguoi co cong.doc", "SLDTBXH/bctt/t0", "doc"),
            F("03. Tom tat Chi bo Phong Nguoi co cong.doc", "SLDTBXH/tom/t0", "doc"),
            F("04. BCTT Chi bo Trung tam DVVL.doc", "SLDTBXH/bctt/t1", "doc"),
            F("05. Tom tat Chi bo TT DVVL.doc", "SLDTBXH/tom/t1", "doc"),
            F("06. BCTT Trieu Thi Hong Nhung.doc", "SLDTBXH/bctt/cn", "doc"),
            F("07. Tom tat Trieu Thi Hong Nhung.doc", "SLDTBXH/tom/cn", "doc"),
            F("08. QD khen thuong.pdf", "SLDTBXH/kt", "scan", gray=True, copy_stamp=True),
            F("09. QD xep loai.pdf", "SLDTBXH/xl", "scan", gray=True)])
    S.mail("m013", "2024-03-14T16:45:00+07:00", "snail", frm, "Báo cáo KL01-KL/TW",
           "Kính gửi Ban Tuyên giáo\n\nĐảng bộ Sở LĐ-TB&XH gửi báo cáo thực hiện Kết luận 01.\n\nHoàng Văn Lợi",
           [F("BC KL01.doc", "SLDTBXH/kl01", "doc")])

    # ========================================================================== U06 SVHTTDL (7z, KL01 scan)
    u = unit("SVHTTDL")
    tt_, cn = u["nominees"]
    d("SVHTTDL/tt", T.to_trinh, "SVHTTDL/tt", u, [tt_, cn], 23, 2, 64)
    d("SVHTTDL/bctt/tt", T.bctt_tap_the, "SVHTTDL/bctt/tt", u, tt_, 23, 2)
    d("SVHTTDL/tom/tt", T.tom_tat, "SVHTTDL/tom/tt", u, [tt_], 23, 2)
    d("SVHTTDL/bctt/cn", T.bctt_ca_nhan, "SVHTTDL/bctt/cn", u, cn, 23, 2)
    d("SVHTTDL/tom/cn", T.tom_tat, "SVHTTDL/tom/cn", u, [cn], 23, 2)
    d("SVHTTDL/kt/tt", T.qd_khen_thuong, "SVHTTDL/kt/tt", u, [tt_], "khoi", 2023)
    d("SVHTTDL/kt/cn", T.qd_khen_thuong, "SVHTTDL/kt/cn", u, [cn], "unit", 2022)
    d("SVHTTDL/xl/tt", T.qd_xep_loai_to_chuc, "SVHTTDL/xl/tt", u, tt_)
    d("SVHTTDL/xl/cn", T.qd_xep_loai_dang_vien, "SVHTTDL/xl/cn", u, [cn], 12)
    d("SVHTTDL/kl01", T.kl01, "SVHTTDL/kl01", u, 11, 3)
    frm = ("Đảng ủy Sở VHTTDL", "dangbo.svhttdl@thainguyen.gov.vn")
    S.mail("m014", "2024-02-26T16:20:11+07:00", "mutt", frm, "Hồ sơ khen thưởng học tập và làm theo Bác - ĐB Sở VHTTDL",
           "Kính gửi Ban Tuyên giáo ĐUK,\n\nĐảng bộ Sở Văn hóa, Thể thao và Du lịch gửi hồ sơ đề nghị khen thưởng "
           "(file nén 7z). Trân trọng.\n\nPhạm Văn Sơn",
           [A("Ho so khen thuong 2024.7z", "7z", [
               ("Tờ trình.docx", F("x", "SVHTTDL/tt", "docx")),
               ("Báo cáo thành tích Chi bộ Bảo tàng.docx", F("x", "SVHTTDL/bctt/tt", "docx")),
               ("Tóm tắt Chi bộ Bảo tàng.docx", F("x", "SVHTTDL/tom/tt", "docx")),
               ("Báo cáo thành tích Đàm Quang Vinh.docx", F("x", "SVHTTDL/bctt/cn", "docx")),
               ("Tóm tắt Đàm Quang Vinh.docx", F("x", "SVHTTDL/tom/cn", "docx")),
               ("QĐ khen thưởng Chi bộ Bảo tàng.pdf", F("x", "SVHTTDL/kt/tt", "scan", copy_stamp=True)),
               ("QĐ khen thưởng Đàm Quang Vinh.pdf", F("x", "SVHTTDL/kt/cn", "scan", copy_stamp=True)),
               ("QĐ xếp loại tổ chức đảng.pdf", F("x", "SVHTTDL/xl/tt", "scan")),
               ("QĐ xếp loại đảng viên 2023.pdf", F("x", "SVHTTDL/xl/cn", "scan")),
           ])])
    S.mail("m015", "2024-03-12T10:11:40+07:00", "mutt", frm, "Báo cáo kết quả thực hiện Kết luận số 01-KL/TW",
           "Kính gửi Ban Tuyên giáo ĐUK,\n\nĐảng ủy Sở VHTTDL gửi bản scan báo cáo đã ký.\n\nPhạm Văn Sơn",
           [F("BC KL01 DB So VHTTDL.pdf", "SVHTTDL/kl01", "scan", stamp=True)])

    # ========================================================================== U07 SKHDT (corrupt then good)
    u = unit("SKHDT")
    tt_, cn = u["nominees"]
    d("SKHDT/tt", T.to_trinh, "SKHDT/tt", u, [tt_, cn], 22, 2, 24)
    d("SKHDT/bctt/tt", T.bctt_tap_the, "SKHDT/bctt/tt", u, tt_, 22, 2)
    d("SKHDT/bctt/cn", T.bctt_ca_nhan, "SKHDT/bctt/cn", u, cn, 22, 2)
    d("SKHDT/tom/tt", T.tom_tat, "SKHDT/tom/tt", u, [tt_], 22, 2)
    d("SKHDT/tom/cn", T.tom_tat, "SKHDT/tom/cn", u, [cn], 22, 2)
    d("SKHDT/kt/tt", T.qd_khen_thuong, "SKHDT/kt/tt", u, [tt_], "khoi", 2023)
    d("SKHDT/kt/cn", T.qd_khen_thuong, "SKHDT/kt/cn", u, [cn], "khoi", 2022)
    d("SKHDT/xl/tt", T.qd_xep_loai_to_chuc, "SKHDT/xl/tt", u, tt_)
    d("SKHDT/xl/cn", T.qd_xep_loai_dang_vien, "SKHDT/xl/cn", u, [cn], 10)
    d("SKHDT/kl01", T.kl01, "SKHDT/kl01", u, 8, 3)
    frm = ("Đặng Thị Hương - VP Sở KH&ĐT", "dangbo.skhdt@thainguyen.gov.vn")
    sig = "\n\n--\nĐặng Thị Hương\nVăn phòng Sở Kế hoạch và Đầu tư Thái Nguyên"
    S.mail("m016", "2024-02-23T09:30:27+07:00", "outlook", frm,
           "Hồ sơ đề nghị khen thưởng - Đảng bộ Sở Kế hoạch và Đầu tư",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng bộ Sở Kế hoạch và Đầu tư gửi hồ sơ đề nghị khen thưởng "
           "tập thể Chi bộ Phòng Đăng ký kinh doanh và cá nhân đồng chí Lã Thị Phương Thảo.\n\nTrân trọng." + sig,
           [F("To trinh 24-TTr.pdf", "SKHDT/tt", "pdf"),
            F("BCTT CB P.DKKD.docx", "SKHDT/bctt/tt", "docx"),
            F("BCTT Phuong Thao.docx", "SKHDT/bctt/cn", "corrupt", base="docx", frac=0.46),
            F("Tom tat CB P.DKKD.docx", "SKHDT/tom/tt", "docx"),
            F("Tom tat Phuong Thao.docx", "SKHDT/tom/cn", "docx"),
            F("QD KT Chi bo DKKD 2023.pdf", "SKHDT/kt/tt", "scan", copy_stamp=True),
            F("QD KT Phuong Thao.pdf", "SKHDT/kt/cn", "scan", copy_stamp=True),
            F("QD xep loai TCD 2023.pdf", "SKHDT/xl/tt", "scan"),
            F("QD xep loai DV 2023.pdf", "SKHDT/xl/cn", "scan")], thread="skhdt-hs")
    S.mail("m017", "2024-02-27T15:12:03+07:00", "outlook", frm,
           "TL: Hồ sơ đề nghị khen thưởng - Đảng bộ Sở Kế hoạch và Đầu tư",
           "Kính gửi Ban Tuyên giáo,\n\nBan báo file báo cáo thành tích của đồng chí Thảo bị lỗi không mở được, đơn "
           "vị xin gửi lại file.\n\nTrân trọng." + sig +
           quote(["Hồ sơ đề nghị khen thưởng - Đảng bộ Sở Kế hoạch và Đầu tư",
                  "Kính gửi Ban Tuyên giáo Đảng ủy Khối,", "", "Đảng bộ Sở Kế hoạch và Đầu tư gửi hồ sơ đề nghị khen "
                  "thưởng..."], "outlook", who="dangbo.skhdt@thainguyen.gov.vn",
                 when="Friday, February 23, 2024 9:30 AM"),
           [F("BCTT Phuong Thao.docx", "SKHDT/bctt/cn", "docx")], in_reply_to="m016", thread="skhdt-hs")
    S.mail("m018", "2024-03-11T14:50:30+07:00", "outlook", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Sở KH&ĐT gửi Báo cáo tình hình thực hiện Kết luận số 01-KL/TW.\n\n"
           "Trân trọng." + sig,
           [F("Bao cao ket qua thuc hien KL 01.docx", "SKHDT/kl01", "docx-lo")])

    # ========================================================================== U08 SNOIVU (whole resend, nominee change)
    u = unit("SNOIVU")
    tt_, cn = u["nominees"]
    old = u["withdrawn"][0]
    d("SNOIVU/tt.v1", T.to_trinh, "SNOIVU/tt.v1", u, [tt_, old], 22, 2, 9)
    d("SNOIVU/bctt/tt.v1", T.bctt_tap_the, "SNOIVU/bctt/tt.v1", u, tt_, 22, 2, confirm=False)
    d("SNOIVU/tom/tt.v1", T.tom_tat, "SNOIVU/tom/tt.v1", u, [tt_], 22, 2)
    d("SNOIVU/bctt/old", T.bctt_ca_nhan, "SNOIVU/bctt/old", u, old, 22, 2)
    d("SNOIVU/tom/old", T.tom_tat, "SNOIVU/tom/old", u, [old], 22, 2)
    d("SNOIVU/kt/tt", T.qd_khen_thuong, "SNOIVU/kt/tt", u, [tt_], "khoi", 2023)
    d("SNOIVU/kt/old", T.qd_khen_thuong, "SNOIVU/kt/old", u, [old], "unit", 2022)
    d("SNOIVU/xl/dv", T.qd_xep_loai_dang_vien, "SNOIVU/xl/dv", u, [old, cn], 12)
    d("SNOIVU/tt", T.to_trinh, "SNOIVU/tt", u, [tt_, cn], 27, 2, 11, listing="table")
    d("SNOIVU/bctt/tt", T.bctt_tap_the, "SNOIVU/bctt/tt", u, tt_, 27, 2)
    d("SNOIVU/tom/tt", T.tom_tat, "SNOIVU/tom/tt", u, [tt_], 27, 2)
    d("SNOIVU/bctt/cn", T.bctt_ca_nhan, "SNOIVU/bctt/cn", u, cn, 27, 2)
    d("SNOIVU/tom/cn", T.tom_tat, "SNOIVU/tom/cn", u, [cn], 27, 2)
    d("SNOIVU/kt/cn", T.qd_khen_thuong, "SNOIVU/kt/cn", u, [cn], "khoi", 2023)
    d("SNOIVU/xl/tt", T.qd_xep_loai_to_chuc, "SNOIVU/xl/tt", u, tt_)
    d("SNOIVU/kl01", T.kl01, "SNOIVU/kl01", u, 11, 3)
    frm = ("Dang uy So Noi vu", "dangbo.snoivu@thainguyen.gov.vn")
    S.mail("m019", "2024-02-22T16:05:44+07:00", "mutt", frm, "Đảng bộ Sở Nội vụ gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nĐảng bộ Sở Nội vụ gửi hồ sơ đề nghị khen thưởng theo Kế hoạch "
           "120-KH/ĐUK.\n\nDương Thị Hải\nVăn phòng Đảng ủy Sở Nội vụ",
           [F("To trinh.docx", "SNOIVU/tt.v1", "docx"),
            F("BCTT Chi bo Phong XDCQ&CTTN.docx", "SNOIVU/bctt/tt.v1", "docx"),
            F("Tom tat Chi bo Phong XDCQ&CTTN.docx", "SNOIVU/tom/tt.v1", "docx"),
            F("BCTT Mac Van Tien.docx", "SNOIVU/bctt/old", "docx"),
            F("Tom tat Mac Van Tien.docx", "SNOIVU/tom/old", "docx"),
            F("QD KT Chi bo Phong XDCQ.pdf", "SNOIVU/kt/tt", "scan", copy_stamp=True),
            F("QD KT Mac Van Tien.pdf", "SNOIVU/kt/old", "scan", copy_stamp=True),
            F("QD xep loai dang vien 2023.pdf", "SNOIVU/xl/dv", "scan")])
    S.mail("m020", "2024-02-27T17:30:15+07:00", "mutt", frm,
           "Gửi lại toàn bộ hồ sơ (thay thế hồ sơ gửi ngày 22/02)",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nNgày 22/02 Đảng bộ Sở Nội vụ đã gửi hồ sơ đề nghị khen thưởng. "
           "Tại hội nghị Ban Chấp hành ngày 26/02, Đảng ủy thống nhất thay đổi cá nhân đề nghị khen thưởng từ đồng chí "
           "Mạc Văn Tiến sang đồng chí Phùng Thị Kim Oanh, Trưởng phòng Công chức, viên chức. Đơn vị gửi lại toàn bộ "
           "hồ sơ thay thế hồ sơ đã gửi ngày 22/02, đề nghị Ban không sử dụng hồ sơ cũ.\n\n"
           "Dương Thị Hải\nVăn phòng Đảng ủy Sở Nội vụ",
           [F("To trinh (thay the).docx", "SNOIVU/tt", "docx"),
            F("BCTT Chi bo Phong XDCQ&CTTN.docx", "SNOIVU/bctt/tt", "docx"),
            F("Tom tat Chi bo Phong XDCQ&CTTN.docx", "SNOIVU/tom/tt", "docx"),
            F("BCTT Phung Thi Kim Oanh.docx", "SNOIVU/bctt/cn", "docx"),
            F("Tom tat Phung Thi Kim Oanh.docx", "SNOIVU/tom/cn", "docx"),
            F("QD KT Chi bo Phong XDCQ.pdf", "SNOIVU/kt/tt", "scan", copy_stamp=True),
            F("QD KT Phung Thi Kim Oanh.pdf", "SNOIVU/kt/cn", "scan", copy_stamp=True),
            F("QD xep loai to chuc dang 2023.pdf", "SNOIVU/xl/tt", "scan"),
            F("QD xep loai dang vien 2023.pdf", "SNOIVU/xl/dv", "scan")])
    S.mail("m021", "2024-03-12T08:47:33+07:00", "mutt", frm, "Bao cao KL01 Dang bo So Noi vu",
           "Kính gửi Ban Tuyên giáo\n\nĐảng ủy Sở Nội vụ gửi báo cáo KL01.\n\nDương Thị Hải",
           [F("BC KL01.pdf", "SNOIVU/kl01", "pdf")])

    # ========================================================================== U09 STTTT (browser PDFs)
    u = unit("STTTT")
    tt_, cn = u["nominees"]
    d("STTTT/tt", T.to_trinh, "STTTT/tt", u, [tt_, cn], 24, 2, 12)
    d("STTTT/bctt/tt", T.bctt_tap_the, "STTTT/bctt/tt", u, tt_, 24, 2)
    d("STTTT/tom/tt", T.tom_tat, "STTTT/tom/tt", u, [tt_], 24, 2)
    d("STTTT/bctt/cn", T.bctt_ca_nhan, "STTTT/bctt/cn", u, cn, 24, 2)
    d("STTTT/tom/cn", T.tom_tat, "STTTT/tom/cn", u, [cn], 24, 2)
    d("STTTT/kt/tt", T.qd_khen_thuong, "STTTT/kt/tt", u, [tt_], "khoi", 2023)
    d("STTTT/kt/cn", T.qd_khen_thuong, "STTTT/kt/cn", u, [cn], "khoi", 2022)
    d("STTTT/xl", T.qd_xep_loai_dang_vien, "STTTT/xl", u, [cn], 8)
    d("STTTT/xl/tt", T.qd_xep_loai_to_chuc, "STTTT/xl/tt", u, tt_)
    d("STTTT/kl01", T.kl01, "STTTT/kl01", u, 14, 3)
    frm = ("Đảng ủy Sở Thông tin và Truyền thông", "dangbo.stttt@thainguyen.gov.vn")
    S.mail("m022", "2024-02-25T20:14:51+07:00", "zimbra", frm,
           "Gửi hồ sơ khen thưởng HT&LT tư tưởng, đạo đức, phong cách HCM 2024",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh,\n\nĐảng ủy Sở TT&TT gửi hồ sơ đề nghị khen thưởng "
           "(08 file PDF).\n\nTrương Văn Quân",
           [F("1-To trinh.pdf", "STTTT/tt", "pdf-web"),
            F("2-BCTT tap the.pdf", "STTTT/bctt/tt", "pdf-web"),
            F("3-Tom tat tap the.pdf", "STTTT/tom/tt", "pdf-web"),
            F("4-BCTT ca nhan Hua Van Bang.pdf", "STTTT/bctt/cn", "pdf-web"),
            F("5-Tom tat ca nhan.pdf", "STTTT/tom/cn", "pdf-web"),
            F("6-QD khen thuong tap the.pdf", "STTTT/kt/tt", "scan-web", copy_stamp=True),
            F("7-QD khen thuong ca nhan.pdf", "STTTT/kt/cn", "scan-web", copy_stamp=True),
            F("8-QD xep loai.pdf", ["STTTT/xl/tt", "STTTT/xl"], "scan-web")])
    S.mail("m023", "2024-03-15T08:30:05+07:00", "zimbra", frm, "Báo cáo tình hình thực hiện Kết luận 01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Sở TT&TT gửi báo cáo.\n\nTrương Văn Quân",
           [F("Báo cáo KL01.pdf", "STTTT/kl01", "pdf-web")])

    # ========================================================================== U10 BHXH (split, two addresses, KL01 missing III.2)
    u = unit("BHXH")
    tt_, cn = u["nominees"]
    d("BHXH/tt", T.to_trinh, "BHXH/tt", u, [tt_, cn], 23, 2, 33, linebreak=True)
    d("BHXH/bctt/cn", T.bctt_ca_nhan, "BHXH/bctt/cn", u, cn, 23, 2)
    d("BHXH/tom/cn", T.tom_tat, "BHXH/tom/cn", u, [cn], 23, 2)
    d("BHXH/kt/cn", T.qd_khen_thuong, "BHXH/kt/cn", u, [cn], "khoi", 2023)
    d("BHXH/xl/cn", T.qd_xep_loai_dang_vien, "BHXH/xl/cn", u, [cn], 16)
    d("BHXH/bctt/tt", T.bctt_tap_the, "BHXH/bctt/tt", u, tt_, 27, 2)
    d("BHXH/tom/tt", T.tom_tat, "BHXH/tom/tt", u, [tt_], 27, 2)
    d("BHXH/kt/tt", T.qd_khen_thuong, "BHXH/kt/tt", u, [tt_], "khoi", 2022)
    d("BHXH/xl/tt", T.qd_xep_loai_to_chuc, "BHXH/xl/tt", u, tt_)
    d("BHXH/kl01", T.kl01, "BHXH/kl01", u, 13, 3, omit=("III.2",))
    sig = "\n\n--\nHoàng Thị Thu Hà\nVăn phòng Bảo hiểm xã hội tỉnh Thái Nguyên"
    S.mail("m024", "2024-02-26T11:00:03+07:00", "outlook",
           ("Văn phòng BHXH tỉnh", "vanphong.bhxh@thainguyen.gov.vn"),
           "Hồ sơ khen thưởng (cá nhân) - Đảng bộ BHXH tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng bộ BHXH tỉnh gửi Tờ trình và hồ sơ cá nhân đồng chí Ninh Thị Vân Anh. "
           "Hồ sơ tập thể sẽ gửi trong ngày 28/02.\n\nTrân trọng!" + sig,
           [F("Tờ trình.docx", "BHXH/tt", "docx"),
            F("BCTT đ.c Ninh Thị Vân Anh.docx", "BHXH/bctt/cn", "docx"),
            F("Tóm tắt đc Vân Anh.docx", "BHXH/tom/cn", "docx"),
            F("QĐ khen thưởng đc Vân Anh.pdf", "BHXH/kt/cn", "scan", copy_stamp=True),
            F("QĐ xếp loại đảng viên 2023 - Ninh Thị Vân Anh.pdf", "BHXH/xl/cn", "scan")])
    S.mail("m025", "2024-02-28T09:45:21+07:00", "outlook",
           ("Đảng ủy BHXH tỉnh Thái Nguyên", "dangbo.bhxh@thainguyen.gov.vn"),
           "Hồ sơ khen thưởng (tập thể) - Đảng bộ BHXH tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng bộ BHXH tỉnh gửi tiếp hồ sơ tập thể Chi bộ Phòng Quản lý thu - Sổ, thẻ.\n\n"
           "Trân trọng!" + sig,
           [F("BCTT Chi bộ Phòng Quản lý thu - Sổ, thẻ.docx", "BHXH/bctt/tt", "docx"),
            F("Tóm tắt CB P.QL thu - Sổ thẻ.docx", "BHXH/tom/tt", "docx"),
            F("QĐ khen thưởng - tập thể.pdf", "BHXH/kt/tt", "scan", copy_stamp=True),
            F("QĐ xếp loại chi bộ 2023.pdf", "BHXH/xl/tt", "scan")])
    S.mail("m026", "2024-03-14T10:20:47+07:00", "outlook",
           ("Đảng ủy BHXH tỉnh Thái Nguyên", "dangbo.bhxh@thainguyen.gov.vn"), "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy BHXH tỉnh gửi báo cáo thực hiện Kết luận 01-KL/TW.\n\nTrân trọng!" + sig,
           [F("Báo cáo thực hiện KL01.docx", "BHXH/kl01", "docx")])

    # ========================================================================== U11 QLTT (gmail, signature only; digit lost)
    u = unit("QLTT")
    tt_, cn = u["nominees"]
    d("QLTT/tt", T.to_trinh, "QLTT/tt", u, [tt_, cn], 26, 2, 14)
    d("QLTT/bctt/tt", T.bctt_tap_the, "QLTT/bctt/tt", u, tt_, 26, 2)
    d("QLTT/tom/tt", T.tom_tat, "QLTT/tom/tt", u, [tt_], 26, 2, with_header=False)
    d("QLTT/bctt/cn", T.bctt_ca_nhan, "QLTT/bctt/cn", u, cn, 26, 2)
    d("QLTT/tom/cn", T.tom_tat, "QLTT/tom/cn", u, [cn], 26, 2, with_header=False)
    d("QLTT/kt", T.qd_khen_thuong, "QLTT/kt", u, [tt_, cn], "unit", 2023)
    d("QLTT/xl/cn", T.qd_xep_loai_dang_vien, "QLTT/xl/cn", u, [cn], 13)
    d("QLTT/kl01", T.kl01, "QLTT/kl01", u, 18, 3)
    frm = ("Vương Thị Thu", "vuongthu.tn@gmail.com")
    sig = "\n\n-- \nVương Thị Thu\nVăn phòng Cục Quản lý thị trường tỉnh Thái Nguyên\nĐT: 0912 468 215"
    S.mail("m027", "2024-02-27T08:52:16+07:00", "gmail", frm, "Gửi hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nEm xin gửi hồ sơ đề nghị khen thưởng theo Kế hoạch 120 ạ.\n"
           "Trân trọng!" + sig,
           [F("To trinh Dang uy Cuc QLTT.docx", "QLTT/tt", "docx"),
            F("BCTT Chi bo Doi QLTT so.docx", "QLTT/bctt/tt", "docx"),
            F("Tom tat Chi bo Doi Quan ly thi truong so.docx", "QLTT/tom/tt", "docx"),
            F("BCTT Lang Van Hai.docx", "QLTT/bctt/cn", "docx"),
            F("Tom tat Lang Van Hai.docx", "QLTT/tom/cn", "docx"),
            F("QD khen thuong.pdf", "QLTT/kt", "scan", copy_stamp=True),
            F("QD xep loai.pdf", "QLTT/xl/cn", "scan")])
    S.mail("m028", "2024-03-19T15:33:12+07:00", "gmail", frm, "Báo cáo KL01 Cục QLTT",
           "Em gửi Ban báo cáo KL01 ạ. Đơn vị gửi chậm, mong Ban thông cảm." + sig,
           [F("BC KL01 - DU Cuc QLTT.docx", "QLTT/kl01", "docx")])

    # ========================================================================== U12 DPTTH (whole dossier resend as zip)
    u = unit("DPTTH")
    tt_, cn = u["nominees"]
    d("DPTTH/tt", T.to_trinh, "DPTTH/tt", u, [tt_, cn], 22, 2, 16)
    d("DPTTH/bctt/tt", T.bctt_tap_the, "DPTTH/bctt/tt", u, tt_, 22, 2, confirm=False)
    d("DPTTH/tom/tt", T.tom_tat, "DPTTH/tom/tt", u, [tt_], 22, 2)
    d("DPTTH/bctt/cn", T.bctt_ca_nhan, "DPTTH/bctt/cn", u, cn, 22, 2, confirm=False)
    d("DPTTH/tom/cn", T.tom_tat, "DPTTH/tom/cn", u, [cn], 22, 2)
    d("DPTTH/kt/tt", T.qd_khen_thuong, "DPTTH/kt/tt", u, [tt_], "khoi", 2023)
    d("DPTTH/kt/cn", T.qd_khen_thuong, "DPTTH/kt/cn", u, [cn], "khoi", 2023)
    d("DPTTH/xl/tt", T.qd_xep_loai_to_chuc, "DPTTH/xl/tt", u, tt_)
    d("DPTTH/xl/cn", T.qd_xep_loai_dang_vien, "DPTTH/xl/cn", u, [cn], 15)
    d("DPTTH/tt.v2", T.to_trinh, "DPTTH/tt.v2", u, [tt_, cn], 26, 2, 19)
    d("DPTTH/bctt/tt.v2", T.bctt_tap_the, "DPTTH/bctt/tt.v2", u, tt_, 26, 2)
    d("DPTTH/tom/tt.v2", T.tom_tat, "DPTTH/tom/tt.v2", u, [tt_], 26, 2)
    d("DPTTH/bctt/cn.v2", T.bctt_ca_nhan, "DPTTH/bctt/cn.v2", u, cn, 26, 2)
    d("DPTTH/tom/cn.v2", T.tom_tat, "DPTTH/tom/cn.v2", u, [cn], 26, 2)
    d("DPTTH/kl01", T.kl01, "DPTTH/kl01", u, 13, 3)
    frm = ("Đảng ủy Đài PT-TH Thái Nguyên", "dangbo.ptth@thainguyen.gov.vn")
    S.mail("m029", "2024-02-23T14:25:30+07:00", "mutt", frm, "Hồ sơ khen thưởng Đảng bộ Đài PT-TH tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng bộ Đài Phát thanh - Truyền hình tỉnh gửi hồ sơ đề nghị khen thưởng.\n\n"
           "Lê Thị Quyên",
           [F("To trinh.docx", "DPTTH/tt", "docx"),
            F("BCTT Chi bo Phong Thoi su.docx", "DPTTH/bctt/tt", "docx"),
            F("Tom tat Chi bo Phong Thoi su.docx", "DPTTH/tom/tt", "docx"),
            F("BCTT Nguyen Huu Trong.docx", "DPTTH/bctt/cn", "docx"),
            F("Tom tat Nguyen Huu Trong.docx", "DPTTH/tom/cn", "docx"),
            F("QD KT Chi bo Thoi su.pdf", "DPTTH/kt/tt", "scan", copy_stamp=True),
            F("QD KT Nguyen Huu Trong.pdf", "DPTTH/kt/cn", "scan", copy_stamp=True),
            F("QD XL Chi bo 2023.pdf", "DPTTH/xl/tt", "scan"),
            F("QD XL DV 2023.pdf", "DPTTH/xl/cn", "scan")])
    base = "Ho so thay the 27.02/"
    S.mail("m030", "2024-02-27T09:10:10+07:00", "mutt", frm,
           "Gửi lại toàn bộ hồ sơ (thay thế hồ sơ gửi ngày 23/02)",
           "Kính gửi Ban Tuyên giáo,\n\nDo bổ sung xác nhận của Đảng ủy vào các báo cáo thành tích và sửa một số số "
           "liệu, Đảng bộ Đài PT-TH gửi lại toàn bộ hồ sơ (bản scan có chữ ký, đóng dấu) thay thế hồ sơ đã gửi ngày "
           "23/02/2024.\n\nLê Thị Quyên",
           [A("Ho so khen thuong Dai PTTH (thay the).zip", "zip", [
               (base + "To trinh.pdf", F("x", "DPTTH/tt.v2", "scan", stamp=True)),
               (base + "BCTT Chi bo Phong Thoi su.pdf", F("x", "DPTTH/bctt/tt.v2", "scan")),
               (base + "Tom tat Chi bo Phong Thoi su.pdf", F("x", "DPTTH/tom/tt.v2", "scan")),
               (base + "BCTT Nguyen Huu Trong.pdf", F("x", "DPTTH/bctt/cn.v2", "scan")),
               (base + "Tom tat Nguyen Huu Trong.pdf", F("x", "DPTTH/tom/cn.v2", "scan")),
               (base + "QD KT Chi bo Thoi su.pdf", F("x", "DPTTH/kt/tt", "scan", copy_stamp=True)),
               (base + "QD KT Nguyen Huu Trong.pdf", F("x", "DPTTH/kt/cn", "scan", copy_stamp=True)),
               (base + "QD XL Chi bo 2023.pdf", F("x", "DPTTH/xl/tt", "scan")),
               (base + "QD XL DV 2023.pdf", F("x", "DPTTH/xl/cn", "scan")),
           ])])
    S.mail("m031", "2024-03-13T16:00:00+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Đài PT-TH gửi báo cáo KL01.\n\nLê Thị Quyên",
           [F("Bao cao KL01-KL-TW.docx", "DPTTH/kl01", "docx-lo")])

    # ========================================================================== U13 BQLKCN (Apple Mail, NFD)
    u = unit("BQLKCN")
    tt_, cn = u["nominees"]
    d("BQLKCN/tt", T.to_trinh, "BQLKCN/tt", u, [tt_, cn], 26, 2, 7)
    d("BQLKCN/bctt/tt", T.bctt_tap_the, "BQLKCN/bctt/tt", u, tt_, 26, 2)
    d("BQLKCN/bctt/cn", T.bctt_ca_nhan, "BQLKCN/bctt/cn", u, cn, 26, 2)
    d("BQLKCN/tom/tt", T.tom_tat, "BQLKCN/tom/tt", u, [tt_], 26, 2)
    d("BQLKCN/tom/cn", T.tom_tat, "BQLKCN/tom/cn", u, [cn], 26, 2)
    d("BQLKCN/kt/tt", T.qd_khen_thuong, "BQLKCN/kt/tt", u, [tt_], "khoi", 2023)
    d("BQLKCN/kt/cn", T.qd_khen_thuong, "BQLKCN/kt/cn", u, [cn], "khoi", 2023)
    d("BQLKCN/xl/tt", T.qd_xep_loai_to_chuc, "BQLKCN/xl/tt", u, tt_)
    d("BQLKCN/xl/cn", T.qd_xep_loai_dang_vien, "BQLKCN/xl/cn", u, [cn], 9)
    d("BQLKCN/kl01", T.kl01, "BQLKCN/kl01", u, 15, 3)
    frm = ("Vũ Văn Phong", "dangbo.bqlkcn@thainguyen.gov.vn")
    S.mail("m032", "2024-02-27T16:05:48+07:00", "apple", frm,
           "Hồ sơ khen thưởng năm 2024 - Đảng bộ Ban Quản lý các KCN",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng bộ Ban Quản lý các Khu công nghiệp tỉnh gửi hồ sơ đề nghị "
           "khen thưởng năm 2024.\n\nTrân trọng,\nVũ Văn Phong\n\nSent from my MacBook",
           [F("Tờ trình.pdf", "BQLKCN/tt", "pdf"),
            F("Báo cáo thành tích tập thể.pdf", "BQLKCN/bctt/tt", "pdf"),
            F("Báo cáo thành tích cá nhân.pdf", "BQLKCN/bctt/cn", "pdf"),
            F("Tóm tắt thành tích tập thể.pdf", "BQLKCN/tom/tt", "pdf"),
            F("Tóm tắt thành tích cá nhân.pdf", "BQLKCN/tom/cn", "pdf"),
            F("QĐ khen thưởng tập thể.pdf", "BQLKCN/kt/tt", "scan", copy_stamp=True),
            F("QĐ khen thưởng cá nhân.pdf", "BQLKCN/kt/cn", "scan", copy_stamp=True),
            F("QĐ xếp loại tổ chức đảng 2023.pdf", "BQLKCN/xl/tt", "scan"),
            F("QĐ xếp loại đảng viên 2023 - Tạ Thị Ngọc Ánh.pdf", "BQLKCN/xl/cn", "scan")])
    S.mail("m033", "2024-03-15T22:41:09+07:00", "apple", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Ban Quản lý các KCN gửi báo cáo thực hiện Kết luận 01-KL/TW.\n\n"
           "Vũ Văn Phong",
           [F("Báo cáo KL01.pdf", "BQLKCN/kl01", "pdf")])

    # ========================================================================== U14 TCT (extension request, late dossier, rtf)
    u = unit("TCT")
    tt_, cn = u["nominees"]
    d("TCT/tt", T.to_trinh, "TCT/tt", u, [tt_, cn], 29, 2, 21)
    d("TCT/bctt/tt", T.bctt_tap_the, "TCT/bctt/tt", u, tt_, 29, 2)
    d("TCT/tom/tt", T.tom_tat, "TCT/tom/tt", u, [tt_], 29, 2)
    d("TCT/bctt/cn", T.bctt_ca_nhan, "TCT/bctt/cn", u, cn, 29, 2)
    d("TCT/tom/cn", T.tom_tat, "TCT/tom/cn", u, [cn], 29, 2)
    d("TCT/kt/tt", T.qd_khen_thuong, "TCT/kt/tt", u, [tt_], "khoi", 2023)
    d("TCT/kt/cn", T.qd_khen_thuong, "TCT/kt/cn", u, [cn], "khoi", 2022)
    d("TCT/xl/tt", T.qd_xep_loai_to_chuc, "TCT/xl/tt", u, tt_)
    d("TCT/xl/cn", T.qd_xep_loai_dang_vien, "TCT/xl/cn", u, [cn], 10)
    d("TCT/kl01", T.kl01, "TCT/kl01", u, 13, 3)
    frm = ("Ha Thi Kim Dung", "dangbo.truongchinhtri@thainguyen.gov.vn")
    S.mail("m034", "2024-02-27T10:40:20+07:00", "mutt", frm, "Xin gia hạn thời gian nộp hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nHiện nay Trường Chính trị tỉnh đang tổ chức lớp bồi dưỡng kết "
           "nạp đảng cho các đơn vị nên việc họp xét và hoàn thiện hồ sơ đề nghị khen thưởng chưa kịp. Đảng ủy Trường "
           "xin phép Ban cho gia hạn thời gian nộp hồ sơ đến hết ngày 01/3/2024.\n\nTrân trọng cảm ơn!\n\n"
           "Hà Thị Kim Dung\nVăn phòng Đảng ủy Trường Chính trị tỉnh")
    S.mail("m035", "2024-03-01T15:55:07+07:00", "mutt", frm, "Hồ sơ đề nghị khen thưởng - Đảng bộ Trường Chính trị tỉnh",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nĐảng ủy Trường Chính trị tỉnh gửi hồ sơ đề nghị khen thưởng như "
           "đã báo cáo Ban.\n\nHà Thị Kim Dung",
           [F("TTr de nghi khen thuong.docx", "TCT/tt", "docx"),
            F("BCTT Chi bo Khoa XDD.docx", "TCT/bctt/tt", "docx"),
            F("TT thanh tich Chi bo Khoa XDD.docx", "TCT/tom/tt", "docx"),
            F("BCTT Mong Thi Hanh.docx", "TCT/bctt/cn", "docx"),
            F("TT thanh tich Mong Thi Hanh.docx", "TCT/tom/cn", "docx"),
            F("QDKT Khoa XDD.pdf", "TCT/kt/tt", "scan", copy_stamp=True),
            F("QDKT Mong Thi Hanh.pdf", "TCT/kt/cn", "scan", copy_stamp=True),
            F("QDXL.pdf", ["TCT/xl/tt", "TCT/xl/cn"], "scan")])
    S.mail("m036", "2024-03-14T09:12:40+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Trường Chính trị gửi báo cáo KL01.\n\nHà Thị Kim Dung",
           [F("Bao cao KL01.rtf", "TCT/kl01", "rtf")])

    # ========================================================================== U15 CDYT (no attachment; nominee sends himself)
    u = unit("CDYT")
    tt_, cn = u["nominees"]
    d("CDYT/tt", T.to_trinh, "CDYT/tt", u, [tt_, cn], 28, 2, 15)
    d("CDYT/bctt/tt", T.bctt_tap_the, "CDYT/bctt/tt", u, tt_, 27, 2)
    d("CDYT/tom/tt", T.tom_tat, "CDYT/tom/tt", u, [tt_], 27, 2)
    d("CDYT/bctt/cn.self", T.bctt_ca_nhan, "CDYT/bctt/cn.self", u, cn, 27, 2, confirm=False)
    d("CDYT/bctt/cn", T.bctt_ca_nhan, "CDYT/bctt/cn", u, cn, 27, 2)
    d("CDYT/tom/cn", T.tom_tat, "CDYT/tom/cn", u, [cn], 27, 2)
    d("CDYT/kt", T.qd_khen_thuong, "CDYT/kt", u, [tt_, cn], "unit", 2023)
    d("CDYT/xl/tt", T.qd_xep_loai_to_chuc, "CDYT/xl/tt", u, tt_)
    d("CDYT/xl/cn", T.qd_xep_loai_dang_vien, "CDYT/xl/cn", u, [cn], 11)
    frm = ("Dang uy Truong CD Y te", "dangbo.cdyt@thainguyen.gov.vn")
    S.mail("m037", "2024-02-26T08:15:33+07:00", "snail", frm, "V/v hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nĐảng bộ Trường Cao đẳng Y tế Thái Nguyên xin báo cáo: hồ sơ đề "
           "nghị khen thưởng của đơn vị đang trình lãnh đạo ký duyệt, đơn vị sẽ gửi sau, trước ngày 28/02/2024.\n\n"
           "Phí Văn Tài")
    S.mail("m038", "2024-02-27T20:03:11+07:00", "gmail", ("Chu Văn Thành", "chuvanthanh.cdyt@gmail.com"),
           "BCTT ca nhan - Chu Van Thanh",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nEm là Chu Văn Thành, giảng viên Khoa Dược, Trường Cao đẳng Y tế "
           "Thái Nguyên. Theo hướng dẫn của Đảng ủy Trường, em gửi báo cáo thành tích cá nhân của em ạ.\n"
           "Em cảm ơn!",
           [F("BCTT Chu Van Thanh.docx", "CDYT/bctt/cn.self", "docx")])
    S.mail("m039", "2024-02-28T23:35:50+07:00", "snail", frm, "Hồ sơ khen thưởng - Đảng bộ Trường CĐ Y tế",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nĐảng bộ Trường Cao đẳng Y tế Thái Nguyên gửi hồ sơ đề nghị "
           "khen thưởng.\n\nPhí Văn Tài",
           [F("To trinh.pdf", "CDYT/tt", "scan", stamp=True, gray=True),
            F("BCTT Chi bo Khoa Dieu duong.docx", "CDYT/bctt/tt", "docx-lo"),
            F("Tom tat Chi bo Khoa Dieu duong.docx", "CDYT/tom/tt", "docx-lo"),
            F("BCTT Chu Van Thanh.docx", "CDYT/bctt/cn", "docx-lo"),
            F("Tom tat Chu Van Thanh.docx", "CDYT/tom/cn", "docx-lo"),
            F("QD khen thuong.pdf", "CDYT/kt", "scan", gray=True, copy_stamp=True),
            F("QD xep loai.pdf", ["CDYT/xl/tt", "CDYT/xl/cn"], "scan", gray=True)])
    S.mail("m108", "2024-03-15T17:45:03+07:00", "snail", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối\n\nĐảng ủy Trường Cao đẳng Y tế gửi Báo cáo tình hình thực hiện Kết "
           "luận 01-KL/TW theo đường link sau (Ban có thể xem và tải về):\n"
           "https://docs.google.com/document/d/1hV8cQm2TzR5yKp0LwXn4sJd7uEaBf3GiO9Nq6Yt/edit?usp=sharing\n\nPhí Văn Tài")

    # ========================================================================== U16 BTN (Drive link; late rar)
    u = unit("BTN")
    tt_, cn = u["nominees"]
    d("BTN/tt", T.to_trinh, "BTN/tt", u, [tt_, cn], 26, 2, 8)
    d("BTN/bctt/tt", T.bctt_tap_the, "BTN/bctt/tt", u, tt_, 26, 2)
    d("BTN/tom/tt", T.tom_tat, "BTN/tom/tt", u, [tt_], 26, 2)
    d("BTN/bctt/cn", T.bctt_ca_nhan, "BTN/bctt/cn", u, cn, 26, 2)
    d("BTN/tom/cn", T.tom_tat, "BTN/tom/cn", u, [cn], 26, 2)
    d("BTN/kt/tt", T.qd_khen_thuong, "BTN/kt/tt", u, [tt_], "khoi", 2022)
    d("BTN/kt/cn", T.qd_khen_thuong, "BTN/kt/cn", u, [cn], "khoi", 2023)
    d("BTN/xl/tt", T.qd_xep_loai_to_chuc, "BTN/xl/tt", u, tt_)
    d("BTN/xl/cn", T.qd_xep_loai_dang_vien, "BTN/xl/cn", u, [cn], 12)
    d("BTN/kl01", T.kl01, "BTN/kl01", u, 13, 3)
    S.mail("m040", "2024-02-27T11:11:11+07:00", "gmail", ("Trần Quang Tùng", "tung.baothainguyen@gmail.com"),
           "Hồ sơ khen thưởng Báo Thái Nguyên",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nDo file scan dung lượng lớn, em gửi hồ sơ đề nghị khen thưởng của "
           "Đảng bộ Báo Thái Nguyên qua đường link Google Drive ạ:\n"
           "https://drive.google.com/drive/folders/1qZ7vK3mT9xWbN2pLr8sYd4FhJ6cUe0aG?usp=sharing\n"
           "Em cảm ơn ạ.\n\n-- \nTrần Quang Tùng\nPhòng Hành chính - Trị sự, Báo Thái Nguyên")
    frm = ("Đảng ủy Báo Thái Nguyên", "dangbo.baothainguyen@thainguyen.gov.vn")
    S.mail("m041", "2024-02-29T09:25:31+07:00", "outlook", frm, "TL: Hồ sơ khen thưởng Báo Thái Nguyên",
           "Kính gửi Ban Tuyên giáo,\n\nTheo đề nghị của Ban, Đảng ủy Báo Thái Nguyên gửi hồ sơ dưới dạng file đính "
           "kèm (file nén), thay cho đường link đã gửi ngày 27/02.\n\nTrân trọng!\nTrần Quang Tùng",
           [A("Ho so khen thuong Bao TN.rar", "rar", [
               ("To trinh.pdf", F("x", "BTN/tt", "scan", stamp=True)),
               ("BCTT Chi bo Phong PV.docx", F("x", "BTN/bctt/tt", "docx")),
               ("Tom tat Chi bo Phong PV.docx", F("x", "BTN/tom/tt", "docx")),
               ("BCTT Nghiem Thu Trang.docx", F("x", "BTN/bctt/cn", "docx")),
               ("Tom tat Nghiem Thu Trang.docx", F("x", "BTN/tom/cn", "docx")),
               ("QD khen thuong Chi bo PV.pdf", F("x", "BTN/kt/tt", "scan", copy_stamp=True)),
               ("QD khen thuong Thu Trang.pdf", F("x", "BTN/kt/cn", "scan", copy_stamp=True)),
               ("QD xep loai chi bo.pdf", F("x", "BTN/xl/tt", "scan")),
               ("QD xep loai dang vien.pdf", F("x", "BTN/xl/cn", "scan")),
           ])])
    S.mail("m042", "2024-03-14T15:37:02+07:00", "outlook", frm, "Báo cáo KL01 - Đảng bộ Báo Thái Nguyên",
           "Kính gửi Ban Tuyên giáo,\n\nĐảng ủy Báo Thái Nguyên gửi báo cáo KL01.\n\nTrân trọng!",
           [F("BC KL01.docx", "BTN/kl01", "docx")])

    # ========================================================================== U17 VPDBQH (honorifics)
    u = unit("VPDBQH")
    cn, = u["nominees"]
    d("VPDBQH/tt", T.to_trinh, "VPDBQH/tt", u, [cn], 23, 2, 4, honor="đồng chí")
    d("VPDBQH/bctt", T.bctt_ca_nhan, "VPDBQH/bctt", u, cn, 23, 2)
    d("VPDBQH/tom", T.tom_tat, "VPDBQH/tom", u, [cn], 23, 2)
    d("VPDBQH/kt", T.qd_khen_thuong, "VPDBQH/kt", u, [cn], "khoi", 2023)
    d("VPDBQH/xl", T.qd_xep_loai_dang_vien, "VPDBQH/xl", u, [cn], 14)
    d("VPDBQH/kl01", T.kl01, "VPDBQH/kl01", u, 11, 3)
    frm = ("Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh", "chibo.vpdbqh@thainguyen.gov.vn")
    S.mail("m043", "2024-02-26T14:44:44+07:00", "outlook", frm, "Hồ sơ đề nghị khen thưởng đ/c Vi Văn Quyết",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh gửi hồ sơ đề nghị tặng "
           "Giấy khen cho đồng chí Vi Văn Quyết.\n\nTrân trọng!\nTrịnh Thị Yến",
           [F("Tờ trình đề nghị khen thưởng đ.c Vi Văn Quyết.docx", "VPDBQH/tt", "docx"),
            F("BCTT đ.c Vi Văn Quyết.docx", "VPDBQH/bctt", "docx"),
            F("Tóm tắt thành tích đồng chí Quyết.docx", "VPDBQH/tom", "docx"),
            F("QĐ khen thưởng đ.c Quyết.pdf", "VPDBQH/kt", "scan", copy_stamp=True),
            F("QĐ xếp loại đảng viên 2023 - Vi Văn Quyết.pdf", "VPDBQH/xl", "scan")])
    S.mail("m044", "2024-03-12T11:30:27+07:00", "outlook", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo thực hiện Kết luận 01-KL/TW.\n\nTrịnh Thị Yến",
           [F("Báo cáo KL01.docx", "VPDBQH/kl01", "docx")])

    # ========================================================================== U18 MTTQ (collective only, "QĐ khen thưởng - tập thể")
    u = unit("MTTQ")
    tt_, = u["nominees"]
    d("MTTQ/tt", T.to_trinh, "MTTQ/tt", u, [tt_], 26, 2, 3, linebreak=True)
    d("MTTQ/bctt", T.bctt_tap_the, "MTTQ/bctt", u, tt_, 26, 2)
    d("MTTQ/tom", T.tom_tat, "MTTQ/tom", u, [tt_], 26, 2)
    d("MTTQ/kt", T.qd_khen_thuong, "MTTQ/kt", u, [tt_], "khoi", 2023)
    d("MTTQ/xl", T.qd_xep_loai_to_chuc, "MTTQ/xl", u)
    d("MTTQ/kl01", T.kl01, "MTTQ/kl01", u, 12, 3)
    d("MTTQ/danvan", T.bc_dan_van, "MTTQ/danvan", u, 18, 1)
    frm = ("Chi bo co quan UBMTTQ tinh", "chibo.mttq@thainguyen.gov.vn")
    S.mail("m045", "2024-02-27T10:05:00+07:00", "mutt", frm, "Hồ sơ đề nghị khen thưởng tập thể",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Cơ quan Ủy ban MTTQ Việt Nam tỉnh gửi hồ sơ đề nghị khen "
           "thưởng tập thể chi bộ.\n\nNguyễn Thị Loan",
           [F("To trinh.docx", "MTTQ/tt", "docx"),
            F("Bao cao thanh tich Chi bo.docx", "MTTQ/bctt", "docx"),
            F("Tom tat thanh tich Chi bo.docx", "MTTQ/tom", "docx"),
            F("QĐ khen thưởng - tập thể.pdf", "MTTQ/kt", "scan", copy_stamp=True),
            F("QĐ xếp loại tổ chức đảng 2023.pdf", "MTTQ/xl", "scan")])
    S.mail("m046", "2024-03-13T08:40:40+07:00", "mutt", frm, "Bao cao KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nNguyễn Thị Loan",
           [F("BC KL01 Chi bo MTTQ.docx", "MTTQ/danvan", "docx")])
    S.mail("m110", "2024-03-13T14:02:19+07:00", "mutt", frm, "Gửi lại báo cáo KL01 (gửi nhầm file)",
           "Kính gửi Ban Tuyên giáo,\n\nSáng nay chi bộ gửi nhầm file báo cáo công tác dân vận. Chi bộ gửi lại đúng "
           "Báo cáo tình hình thực hiện Kết luận 01-KL/TW.\n\nNguyễn Thị Loan",
           [F("BC KL01 Chi bo MTTQ (dung).docx", "MTTQ/kl01", "docx")])

    # ========================================================================== U19 HND (phone photos; soft copies late)
    u = unit("HND")
    cn, = u["nominees"]
    d("HND/tt", T.to_trinh, "HND/tt", u, [cn], 26, 2, 6)
    d("HND/bctt", T.bctt_ca_nhan, "HND/bctt", u, cn, 26, 2)
    d("HND/tom", T.tom_tat, "HND/tom", u, [cn], 26, 2)
    d("HND/kt", T.qd_khen_thuong, "HND/kt", u, [cn], "khoi", 2023, False)
    d("HND/xl", T.qd_xep_loai_dang_vien, "HND/xl", u, [cn], 9)
    d("HND/kl01", T.kl01, "HND/kl01", u, 14, 3)
    frm = ("Hoàng Thị Nga", "nga.hoind@gmail.com")
    ph = dict(model=("samsung", "SM-A525F"))
    S.mail("m047", "2024-02-27T17:30:09+07:00", "gmail", frm, "Ho so khen thuong",
           "Chi bộ Hội Nông dân tỉnh gửi Ban hồ sơ đề nghị khen thưởng đồng chí Lành Văn Cường ạ. Do máy tính hỏng nên "
           "em chụp ảnh gửi trước, bản mềm em gửi sau ạ.\n\nSent from my Galaxy",
           [F("IMG_20240227_170102.jpg", "HND/tt", "photo", page=1, stamp=True, **ph),
            F("IMG_20240227_170118.jpg", "HND/bctt", "photo", page=1, **ph),
            F("IMG_20240227_170125.jpg", "HND/bctt", "photo", page=2, **ph),
            F("IMG_20240227_170140.jpg", "HND/tom", "photo", page=1, **ph),
            F("IMG_20240227_170201.jpg", "HND/kt", "photo", page=1, copy_stamp=True, **ph),
            F("IMG_20240227_170215.jpg", "HND/xl", "photo", page=1, **ph)])
    S.mail("m048", "2024-03-01T10:12:30+07:00", "gmail", frm, "Re: Ho so khen thuong",
           "Em gửi bổ sung bản mềm tờ trình, báo cáo thành tích và tóm tắt của đ/c Cường ạ." +
           quote(["Chi bộ Hội Nông dân tỉnh gửi Ban hồ sơ đề nghị khen thưởng đồng chí Lành Văn Cường ạ..."],
                 "gmail", who="Hoàng Thị Nga", when="Th 3, 27 thg 2, 2024 vào lúc 17:30"),
           [F("To trinh.docx", "HND/tt", "docx"),
            F("BCTT Lanh Van Cuong.docx", "HND/bctt", "docx"),
            F("Tom tat Lanh Van Cuong.docx", "HND/tom", "docx")], in_reply_to="m047")
    S.mail("m049", "2024-03-15T10:00:45+07:00", "gmail", frm, "Bao cao KL01 Chi bo Hoi Nong dan",
           "Em gửi Ban báo cáo ạ.",
           [F("KL01.docx", "HND/kl01", "docx")])

    # ========================================================================== U20 HLHPN (rtf)
    u = unit("HLHPN")
    tt_, = u["nominees"]
    d("HLHPN/tt", T.to_trinh, "HLHPN/tt", u, [tt_], 23, 2, 5)
    d("HLHPN/bctt", T.bctt_tap_the, "HLHPN/bctt", u, tt_, 23, 2)
    d("HLHPN/tom", T.tom_tat, "HLHPN/tom", u, [tt_], 23, 2)
    d("HLHPN/kt", T.qd_khen_thuong, "HLHPN/kt", u, [tt_], "khoi", 2022)
    d("HLHPN/xl", T.qd_xep_loai_to_chuc, "HLHPN/xl", u)
    d("HLHPN/kl01", T.kl01, "HLHPN/kl01", u, 11, 3)
    frm = ("Chi bo Hoi LHPN tinh", "chibo.hoiphunu@thainguyen.gov.vn")
    S.mail("m050", "2024-02-26T09:20:15+07:00", "mutt", frm, "Hồ sơ đề nghị khen thưởng tập thể Chi bộ Hội LHPN tỉnh",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Hội LHPN tỉnh gửi hồ sơ đề nghị khen thưởng.\n\nLê Thị Bích Thủy",
           [F("To trinh.rtf", "HLHPN/tt", "rtf"),
            F("BCTT Chi bo Hoi LHPN tinh.rtf", "HLHPN/bctt", "rtf"),
            F("Tom tat thanh tich.rtf", "HLHPN/tom", "rtf"),
            F("QD khen thuong.pdf", "HLHPN/kt", "scan", copy_stamp=True),
            F("QD xep loai to chuc dang nam 2023.pdf", "HLHPN/xl", "scan")])
    S.mail("m051", "2024-03-11T15:15:15+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Hội LHPN tỉnh gửi báo cáo KL01.\n\nLê Thị Bích Thủy",
           [F("BC KL01.odt", "HLHPN/kl01", "odt")])

    # ========================================================================== U21 TDOAN (inline forward; thread reply)
    u = unit("TDOAN")
    cn, = u["nominees"]
    d("TDOAN/tt", T.to_trinh, "TDOAN/tt", u, [cn], 26, 2, 3)
    d("TDOAN/bctt", T.bctt_ca_nhan, "TDOAN/bctt", u, cn, 26, 2)
    d("TDOAN/tom", T.tom_tat, "TDOAN/tom", u, [cn], 26, 2)
    d("TDOAN/kt", T.qd_khen_thuong, "TDOAN/kt", u, [cn], "khoi", 2023, False)
    d("TDOAN/xl", T.qd_xep_loai_dang_vien, "TDOAN/xl", u, [cn], 12)
    d("TDOAN/kl01", T.kl01, "TDOAN/kl01", u, 13, 3)
    fwd = ("\n\n---------- Forwarded message ---------\nFrom: Lục Văn Sơn <sonlv.tinhdoan@gmail.com>\n"
           "Date: Th 2, 26 thg 2, 2024 vào lúc 16:02\nSubject: Hồ sơ khen thưởng Chi bộ Tỉnh đoàn\n"
           "To: Nông Thị Huyền <huyennong.tinhdoan@gmail.com>\n\n\nHuyền gửi giúp anh hồ sơ khen thưởng của Chi bộ "
           "Tỉnh đoàn lên Ban Tuyên giáo Đảng ủy Khối nhé. Hạn 28/2.\nSơn")
    S.mail("m052", "2024-02-26T19:48:22+07:00", "gmail", ("Nông Thị Huyền", "huyennong.tinhdoan@gmail.com"),
           "Fwd: Hồ sơ khen thưởng Chi bộ Tỉnh đoàn",
           "Em chuyển tiếp hồ sơ khen thưởng của Chi bộ Tỉnh đoàn ạ." + fwd,
           [F("Tờ trình chi bộ.docx", "TDOAN/tt", "docx"),
            F("Báo cáo thành tích Bế Thị Lan.docx", "TDOAN/bctt", "docx"),
            F("Tóm tắt thành tích.docx", "TDOAN/tom", "docx"),
            F("QĐ khen thưởng.jpg", "TDOAN/kt", "photo", page=1, copy_stamp=True, model=("Apple", "iPhone 11")),
            F("QĐ xếp loại đảng viên 2023 - Bế Thị Lan.pdf", "TDOAN/xl", "scan")])
    S.mail("m053", "2024-03-14T08:55:12+07:00", "zimbra", ("Chi bộ Tỉnh đoàn", "chibo.tinhdoan@thainguyen.gov.vn"),
           "Re: " + KL_DEADLINE_REMINDER,
           "Chi bộ Tỉnh đoàn gửi báo cáo KL01 ạ." +
           quote(reminder_kl_text(u), "zimbra", who="Ban Tuyên giáo Đảng ủy Khối", when="Tue, 12 Mar 2024 08:00"),
           [F("Bao cao KL01 chi bo Tinh doan.docx", "TDOAN/kl01", "docx")],
           in_reply_to=rid("nhac-kl01", "20240312", "TDOAN"))

    # ========================================================================== U22 LMHTX (summary too long)
    u = unit("LMHTX")
    tt_, = u["nominees"]
    d("LMHTX/tt", T.to_trinh, "LMHTX/tt", u, [tt_], 23, 2, 2)
    d("LMHTX/bctt", T.bctt_tap_the, "LMHTX/bctt", u, tt_, 23, 2)
    d("LMHTX/tom", T.tom_tat, "LMHTX/tom", u, [tt_], 23, 2, long=True)
    d("LMHTX/kt", T.qd_khen_thuong, "LMHTX/kt", u, [tt_], "khoi", 2022)
    d("LMHTX/xl", T.qd_xep_loai_to_chuc, "LMHTX/xl", u)
    d("LMHTX/kl01", T.kl01, "LMHTX/kl01", u, 19, 3)
    frm = ("Chi bộ Liên minh HTX tỉnh", "chibo.lmhtx@thainguyen.gov.vn")
    S.mail("m054", "2024-02-24T10:30:00+07:00", "outlook", frm, "Gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Liên minh Hợp tác xã tỉnh gửi hồ sơ đề nghị khen thưởng "
           "tập thể.\n\nTrân trọng!\nĐào Văn Khang",
           [F("Tờ trình.docx", "LMHTX/tt", "docx"),
            F("Báo cáo thành tích tập thể.docx", "LMHTX/bctt", "docx"),
            F("Tóm tắt thành tích tập thể.docx", "LMHTX/tom", "docx"),
            F("QĐ khen thưởng.pdf", "LMHTX/kt", "scan", copy_stamp=True),
            F("QĐ xếp loại chi bộ.pdf", "LMHTX/xl", "scan")])
    S.mail("m055", "2024-03-20T16:02:41+07:00", "outlook", frm, "Báo cáo KL01 (gửi muộn)",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ xin lỗi Ban vì gửi báo cáo muộn.\n\nĐào Văn Khang",
           [F("Báo cáo KL01.docx", "LMHTX/kl01", "docx")])

    # ========================================================================== U23 HCTD (over quota; after midnight; KL01 missing III.3)
    u = unit("HCTD")
    tt_, cn = u["nominees"]
    d("HCTD/tt", T.to_trinh, "HCTD/tt", u, [tt_, cn], 28, 2, 7, listing="table")
    d("HCTD/bctt/tt", T.bctt_tap_the, "HCTD/bctt/tt", u, tt_, 28, 2)
    d("HCTD/tom/tt", T.tom_tat, "HCTD/tom/tt", u, [tt_], 28, 2)
    d("HCTD/bctt/cn", T.bctt_ca_nhan, "HCTD/bctt/cn", u, cn, 28, 2)
    d("HCTD/tom/cn", T.tom_tat, "HCTD/tom/cn", u, [cn], 28, 2)
    d("HCTD/kt/tt", T.qd_khen_thuong, "HCTD/kt/tt", u, [tt_], "khoi", 2022)
    d("HCTD/kt/cn", T.qd_khen_thuong, "HCTD/kt/cn", u, [cn], "khoi", 2023)
    d("HCTD/xl/cn", T.qd_xep_loai_dang_vien, "HCTD/xl/cn", u, [cn], 13)
    d("HCTD/kl01", T.kl01, "HCTD/kl01", u, 12, 3, omit=("III.3",))
    frm = ("Chi bo Hoi Chu thap do tinh", "chibo.chuthapdo@thainguyen.gov.vn")
    S.mail("m056", "2024-02-29T00:07:52+07:00", "mutt", frm, "Hồ sơ đề nghị khen thưởng Chi bộ Hội Chữ thập đỏ tỉnh",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Hội Chữ thập đỏ tỉnh gửi hồ sơ đề nghị khen thưởng tập "
           "thể chi bộ và đồng chí Đoàn Thị Bích Ngọc.\n\nNguyễn Thị Kim Liên",
           [F("To trinh.docx", "HCTD/tt", "docx"),
            F("BCTT Chi bo.docx", "HCTD/bctt/tt", "docx"),
            F("Tom tat Chi bo.docx", "HCTD/tom/tt", "docx"),
            F("BCTT Doan Thi Bich Ngoc.docx", "HCTD/bctt/cn", "docx"),
            F("Tom tat Doan Thi Bich Ngoc.docx", "HCTD/tom/cn", "docx"),
            F("QD khen thuong Chi bo.pdf", "HCTD/kt/tt", "scan", copy_stamp=True),
            F("QD khen thuong Bich Ngoc.pdf", "HCTD/kt/cn", "scan", copy_stamp=True),
            F("QD xep loai.pdf", "HCTD/xl/cn", "scan")],
           date="2024-02-28T23:52:10+07:00")
    S.mail("m057", "2024-03-13T14:14:14+07:00", "mutt", frm, "BC KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Hội CTĐ tỉnh gửi báo cáo KL01.\n\nNguyễn Thị Kim Liên",
           [F("BC KL01.docx", "HCTD/kl01", "docx")])

    # ========================================================================== U24 LHHKHKT (forward as attachment)
    u = unit("LHHKHKT")
    cn, = u["nominees"]
    d("LHHKHKT/tt", T.to_trinh, "LHHKHKT/tt", u, [cn], 26, 2, 4)
    d("LHHKHKT/bctt", T.bctt_ca_nhan, "LHHKHKT/bctt", u, cn, 25, 2)
    d("LHHKHKT/tom", T.tom_tat, "LHHKHKT/tom", u, [cn], 25, 2, with_header=False)
    d("LHHKHKT/kt", T.qd_khen_thuong, "LHHKHKT/kt", u, [cn], "khoi", 2022, False, signed=True)
    d("LHHKHKT/xl", T.qd_xep_loai_dang_vien, "LHHKHKT/xl", u, [cn], 10)
    d("LHHKHKT/kl01", T.kl01, "LHHKHKT/kl01", u, 12, 3)
    inner = dict(id="m058-inner", idate="2024-02-25T21:14:05+07:00", client="gmail",
                 frm=("Phạm Ngọc Toản", "toanpn.lhh@gmail.com"), to="chibo.lienhiephoi@thainguyen.gov.vn",
                 subject="Hồ sơ cá nhân đề nghị khen thưởng",
                 body="Gửi Văn phòng Chi bộ,\nAnh gửi báo cáo thành tích, bản tóm tắt và các quyết định để chi bộ "
                      "tổng hợp gửi Đảng ủy Khối.\nToản")
    S.mail("m058", "2024-02-27T11:47:30+07:00", "mutt",
           ("Chi bo Lien hiep cac Hoi KH&KT tinh", "chibo.lienhiephoi@thainguyen.gov.vn"),
           "Fwd: Hồ sơ cá nhân đ/c Phạm Ngọc Toản",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Liên hiệp các Hội KH&KT tỉnh gửi Tờ trình đề nghị khen "
           "thưởng đồng chí Phạm Ngọc Toản (đính kèm); hồ sơ cá nhân của đồng chí Toản gửi kèm trong thư chuyển tiếp.\n\n"
           "Đỗ Trọng Nghĩa",
           [F("To trinh Chi bo LHH.pdf", "LHHKHKT/tt", "scan", stamp=True),
            E("Hồ sơ cá nhân đc Phạm Ngọc Toản.eml", inner, [
                F("BCTT Pham Ngoc Toan.docx", "LHHKHKT/bctt", "docx"),
                F("Tom tat thanh tich.docx", "LHHKHKT/tom", "docx"),
                F("QD khen thuong 2022.pdf", "LHHKHKT/kt", "pdf"),
                F("QD xep loai DV 2023.pdf", "LHHKHKT/xl", "scan")])])
    S.mail("m059", "2024-03-13T10:01:12+07:00", "mutt",
           ("Chi bo Lien hiep cac Hoi KH&KT tinh", "chibo.lienhiephoi@thainguyen.gov.vn"), "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nĐỗ Trọng Nghĩa",
           [F("Bao cao KL01.pdf", "LHHKHKT/kl01", "corrupt", base="pdf", frac=0.38)])
    S.mail("m109", "2024-03-13T15:26:40+07:00", "mutt",
           ("Chi bo Lien hiep cac Hoi KH&KT tinh", "chibo.lienhiephoi@thainguyen.gov.vn"),
           "Re: Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nBan báo file báo cáo sáng nay không mở được, Chi bộ gửi lại file báo cáo KL01."
           "\n\nĐỗ Trọng Nghĩa",
           [F("Bao cao KL01.pdf", "LHHKHKT/kl01", "pdf")], in_reply_to="m059")

    # ========================================================================== U25 HVHNT (unregistered gov address)
    u = unit("HVHNT")
    cn, = u["nominees"]
    d("HVHNT/tt", T.to_trinh, "HVHNT/tt", u, [cn], 24, 2, 2)
    d("HVHNT/bctt", T.bctt_ca_nhan, "HVHNT/bctt", u, cn, 24, 2)
    d("HVHNT/tom", T.tom_tat, "HVHNT/tom", u, [cn], 24, 2)
    d("HVHNT/kt", T.qd_khen_thuong, "HVHNT/kt", u, [cn], "khoi", 2023)
    d("HVHNT/xl", T.qd_xep_loai_dang_vien, "HVHNT/xl", u, [cn], 9)
    d("HVHNT/kl01", T.kl01, "HVHNT/kl01", u, 13, 3)
    frm = ("Văn phòng Hội", "vanphong.hoivhnt@thainguyen.gov.vn")
    S.mail("m060", "2024-02-26T15:32:18+07:00", "zimbra", frm, "Hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo,\n\nVăn phòng Hội gửi hồ sơ đề nghị khen thưởng của Chi bộ.\n\nTrân trọng!\n"
           "Văn phòng Hội",
           [F("TTr.docx", "HVHNT/tt", "docx-lo"),
            F("BCTT.docx", "HVHNT/bctt", "docx-lo"),
            F("Tom tat.docx", "HVHNT/tom", "docx-lo"),
            F("QDKT.pdf", "HVHNT/kt", "scan", copy_stamp=True),
            F("QDXL 2023.pdf", "HVHNT/xl", "scan")])
    S.mail("m061", "2024-03-14T09:09:09+07:00", "zimbra", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nGửi Ban báo cáo KL01 của Chi bộ.\n\nVăn phòng Hội",
           [F("KL01.docx", "HVHNT/kl01", "docx-lo")])

    # ========================================================================== U26 CTK (Gmail, no unit named in the mail)
    u = unit("CTK")
    tt_, = u["nominees"]
    d("CTK/tt", T.to_trinh, "CTK/tt", u, [tt_], 27, 2, 9)
    d("CTK/bctt", T.bctt_tap_the, "CTK/bctt", u, tt_, 27, 2)
    d("CTK/tom", T.tom_tat, "CTK/tom", u, [tt_], 27, 2)
    d("CTK/kt", T.qd_khen_thuong, "CTK/kt", u, [tt_], "khoi", 2023)
    d("CTK/xl", T.qd_xep_loai_to_chuc, "CTK/xl", u)
    d("CTK/kl01", T.kl01, "CTK/kl01", u, 15, 3)
    frm = ("Lý Thị Hoa", "hoaly1985@gmail.com")
    S.mail("m062", "2024-02-28T09:12:44+07:00", "gmail", frm, "Gửi hồ sơ",
           "Kính gửi Ban Tuyên giáo.\nEm gửi các file đính kèm ạ.",
           [F("Document1.docx", "CTK/tt", "docx"),
            F("Document2.docx", "CTK/bctt", "docx"),
            F("tom tat.docx", "CTK/tom", "docx"),
            F("scan0001.pdf", "CTK/kt", "scan", copy_stamp=True),
            F("scan0002.pdf", "CTK/xl", "scan")])
    S.mail("m063", "2024-03-15T17:10:26+07:00", "gmail", frm, "Bao cao KL01",
           "Em gửi báo cáo KL01 ạ.",
           [F("Bao cao KL01.docx", "CTK/kl01", "docx")])

    # ========================================================================== U27 NHNN (encrypted PDF, late clear copy)
    u = unit("NHNN")
    cn, = u["nominees"]
    d("NHNN/tt", T.to_trinh, "NHNN/tt", u, [cn], 26, 2, 5)
    d("NHNN/bctt", T.bctt_ca_nhan, "NHNN/bctt", u, cn, 26, 2)
    d("NHNN/tom", T.tom_tat, "NHNN/tom", u, [cn], 26, 2)
    d("NHNN/kt", T.qd_khen_thuong, "NHNN/kt", u, [cn], "khoi", 2023)
    d("NHNN/xl", T.qd_xep_loai_dang_vien, "NHNN/xl", u, [cn], 12)
    d("NHNN/kl01", T.kl01, "NHNN/kl01", u, 12, 3)
    frm = ("Phạm Thị Ngân - Chi bộ NHNN", "chibo.nhnn@thainguyen.gov.vn")
    S.mail("m064", "2024-02-27T16:16:16+07:00", "outlook", frm,
           "Hồ sơ đề nghị khen thưởng - Chi bộ NHNN chi nhánh tỉnh Thái Nguyên",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Ngân hàng Nhà nước chi nhánh tỉnh gửi hồ sơ đề nghị khen "
           "thưởng đồng chí Trần Thị Hải Yến.\nFile báo cáo thành tích có đặt mật khẩu theo quy định bảo mật của ngành, "
           "mật khẩu mở file: Nhnn@2024\n\nTrân trọng!\nPhạm Thị Ngân",
           [F("To trinh.pdf", "NHNN/tt", "pdf"),
            F("Bao cao thanh tich - Tran Thi Hai Yen.pdf", "NHNN/bctt", "encrypted", password="Nhnn@2024"),
            F("Tom tat thanh tich - Tran Thi Hai Yen.pdf", "NHNN/tom", "pdf"),
            F("QD khen thuong.pdf", "NHNN/kt", "scan", copy_stamp=True),
            F("QD xep loai dang vien 2023.pdf", "NHNN/xl", "scan")], thread="nhnn-hs")
    S.mail("m065", "2024-02-29T10:45:00+07:00", "outlook", frm,
           "TL: Hồ sơ đề nghị khen thưởng - Chi bộ NHNN chi nhánh tỉnh Thái Nguyên",
           "Kính gửi Ban Tuyên giáo,\n\nTheo đề nghị của Ban, đơn vị gửi lại báo cáo thành tích của đồng chí Hải Yến "
           "không đặt mật khẩu.\n\nTrân trọng!\nPhạm Thị Ngân",
           [F("Bao cao thanh tich - Tran Thi Hai Yen.pdf", "NHNN/bctt", "pdf")], in_reply_to="m064", thread="nhnn-hs")
    S.mail("m066", "2024-03-12T14:20:00+07:00", "outlook", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ NHNN chi nhánh tỉnh gửi báo cáo KL01.\n\nPhạm Thị Ngân",
           [F("BC KL01 NHNN.pdf", "NHNN/kl01", "pdf")])

    # ========================================================================== U28 BQLDA (wrong attachment)
    u = unit("BQLDA")
    cn, = u["nominees"]
    d("BQLDA/tt", T.to_trinh, "BQLDA/tt", u, [cn], 24, 2, 6)
    d("BQLDA/danvan", T.bc_dan_van, "BQLDA/danvan", u, 20, 1)
    d("BQLDA/bctt", T.bctt_ca_nhan, "BQLDA/bctt", u, cn, 24, 2)
    d("BQLDA/tom", T.tom_tat, "BQLDA/tom", u, [cn], 24, 2)
    d("BQLDA/kt", T.qd_khen_thuong, "BQLDA/kt", u, [cn], "khoi", 2022)
    d("BQLDA/xl", T.qd_xep_loai_dang_vien, "BQLDA/xl", u, [cn], 13)
    d("BQLDA/kl01", T.kl01, "BQLDA/kl01", u, 13, 3)
    frm = ("Chi bo Ban QLDA DTXD tinh", "chibo.bqlda@thainguyen.gov.vn")
    S.mail("m067", "2024-02-26T10:10:10+07:00", "mutt", frm, "Hồ sơ khen thưởng đ/c Kiều Minh Tâm",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Ban QLDA đầu tư xây dựng tỉnh gửi hồ sơ đề nghị khen thưởng đồng chí "
           "Kiều Minh Tâm.\n\nHoàng Minh Tuấn",
           [F("To trinh.docx", "BQLDA/tt", "docx-lo"),
            F("Bao cao thanh tich.docx", "BQLDA/danvan", "docx-lo"),
            F("Tom tat thanh tich Kieu Minh Tam.docx", "BQLDA/tom", "docx-lo"),
            F("QD khen thuong Kieu Minh Tam.pdf", "BQLDA/kt", "scan", copy_stamp=True),
            F("QD xep loai dang vien.pdf", "BQLDA/xl", "scan")])
    S.mail("m068", "2024-02-27T08:20:00+07:00", "mutt", frm, "Re: Hồ sơ khen thưởng đ/c Kiều Minh Tâm",
           "Kính gửi Ban Tuyên giáo,\n\nHôm qua đơn vị gửi nhầm file báo cáo thành tích (file báo cáo công tác dân "
           "vận). Đơn vị xin gửi lại báo cáo thành tích của đồng chí Kiều Minh Tâm.\n\nHoàng Minh Tuấn",
           [F("BCTT Kieu Minh Tam.docx", "BQLDA/bctt", "docx-lo")], in_reply_to="m067")
    S.mail("m069", "2024-03-14T11:11:11+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nHoàng Minh Tuấn",
           [F("BC KL01.docx", "BQLDA/kl01", "docx-lo")])

    # ========================================================================== U29 HLG (s-nail, odt; KL01 late)
    u = unit("HLG")
    tt_, = u["nominees"]
    d("HLG/tt", T.to_trinh, "HLG/tt", u, [tt_], 26, 2, 3)
    d("HLG/bctt", T.bctt_tap_the, "HLG/bctt", u, tt_, 26, 2)
    d("HLG/tom", T.tom_tat, "HLG/tom", u, [tt_], 26, 2)
    d("HLG/kt", T.qd_khen_thuong, "HLG/kt", u, [tt_], "khoi", 2023)
    d("HLG/xl", T.qd_xep_loai_to_chuc, "HLG/xl", u)
    d("HLG/kl01", T.kl01, "HLG/kl01", u, 20, 3)
    frm = ("Chi bo Hoi Luat gia", "chibo.hoiluatgia@thainguyen.gov.vn")
    S.mail("m107", "2024-02-26T16:30:12+07:00", "snail", frm, "Về việc gửi hồ sơ khen thưởng",
           "Kính gửi Ban Tuyên giáo\n\nChi bộ Hội Luật gia tỉnh xin gửi hồ sơ sau do đang hoàn thiện báo cáo thành "
           "tích của chi bộ. Chi bộ sẽ gửi trước hạn 28/02.\n\nDương Văn Thái")
    S.mail("m070", "2024-02-27T15:00:00+07:00", "snail", frm, "Hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo\n\nChi bộ Hội Luật gia tỉnh gửi hồ sơ đề nghị khen thưởng tập thể chi bộ.\n\n"
           "Dương Văn Thái",
           [F("To trinh.odt", "HLG/tt", "odt"),
            F("BCTT.odt", "HLG/bctt", "odt"),
            F("Tom tat.odt", "HLG/tom", "odt"),
            F("QD khen thuong - tap the.pdf", "HLG/kt", "scan", copy_stamp=True),
            F("QD xep loai 2023.pdf", "HLG/xl", "scan")])
    S.mail("m071", "2024-03-21T09:30:00+07:00", "snail", frm, "Báo cáo KL01 (gửi chậm)",
           "Kính gửi Ban Tuyên giáo\n\nChi bộ gửi chậm báo cáo KL01, mong Ban thông cảm.\n\nDương Văn Thái",
           [F("Bao cao KL01.odt", "HLG/kl01", "odt")])

    # ========================================================================== U30 QDTPT (partial, never completed)
    u = unit("QDTPT")
    cn, = u["nominees"]
    d("QDTPT/tt", T.to_trinh, "QDTPT/tt", u, [cn], 27, 2, 4)
    d("QDTPT/bctt", T.bctt_ca_nhan, "QDTPT/bctt", u, cn, 27, 2)
    d("QDTPT/kl01", T.kl01, "QDTPT/kl01", u, 11, 3)
    frm = ("Chi bộ Quỹ Đầu tư phát triển", "chibo.quydautu@thainguyen.gov.vn")
    S.mail("m072", "2024-02-28T14:30:30+07:00", "outlook", frm, "Hồ sơ đề nghị khen thưởng đ/c Vũ Thị Hoài Thương",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Quỹ Đầu tư phát triển tỉnh gửi Tờ trình và báo cáo thành tích đồng chí "
           "Vũ Thị Hoài Thương. Các quyết định đơn vị đang sao y, sẽ gửi bổ sung sau.\n\nNguyễn Thị Thanh Xuân",
           [F("Tờ trình.docx", "QDTPT/tt", "docx"),
            F("Báo cáo thành tích đ.c Thương.docx", "QDTPT/bctt", "docx")])
    S.mail("m073", "2024-03-12T09:00:00+07:00", "outlook", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nNguyễn Thị Thanh Xuân",
           [F("Báo cáo KL01 - Chi bộ Quỹ ĐTPT.docx", "QDTPT/kl01", "docx")])

    # ========================================================================== U31 BTDKT (password zip, then loose files)
    u = unit("BTDKT")
    cn, = u["nominees"]
    d("BTDKT/tt", T.to_trinh, "BTDKT/tt", u, [cn], 26, 2, 3)
    d("BTDKT/bctt", T.bctt_ca_nhan, "BTDKT/bctt", u, cn, 26, 2)
    d("BTDKT/tom", T.tom_tat, "BTDKT/tom", u, [cn], 26, 2)
    d("BTDKT/kt", T.qd_khen_thuong, "BTDKT/kt", u, [cn], "khoi", 2023)
    d("BTDKT/xl", T.qd_xep_loai_dang_vien, "BTDKT/xl", u, [cn], 10)
    d("BTDKT/kl01", T.kl01, "BTDKT/kl01", u, 12, 3)
    frm = ("Chi bo Ban Thi dua - Khen thuong", "chibo.btdkt@thainguyen.gov.vn")
    files = [("To trinh.docx", "BTDKT/tt", "docx"), ("BCTT To Minh Duc.docx", "BTDKT/bctt", "docx"),
             ("Tom tat To Minh Duc.docx", "BTDKT/tom", "docx"), ("QD KT.pdf", "BTDKT/kt", "scan"),
             ("QD XL.pdf", "BTDKT/xl", "scan")]
    S.mail("m074", "2024-02-26T16:45:00+07:00", "mutt", frm, "Hồ sơ khen thưởng - Chi bộ Ban Thi đua - Khen thưởng",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Ban Thi đua - Khen thưởng tỉnh gửi hồ sơ đề nghị khen thưởng (file nén)."
           "\n\nLê Văn Hưng",
           [A("Ho so.zip", "zip", [(n, F("x", k, f)) for n, k, f in files], password="btdkt2024")])
    S.mail("m075", "2024-02-27T08:05:00+07:00", "mutt", frm, "Re: Hồ sơ khen thưởng - Chi bộ Ban Thi đua - Khen thưởng",
           "Kính gửi Ban Tuyên giáo,\n\nXin lỗi Ban, file nén hôm qua có đặt mật khẩu nên Ban không mở được. Đơn vị "
           "gửi lại các file không nén.\n\nLê Văn Hưng",
           [F(n, k, f) for n, k, f in files], in_reply_to="m074")
    S.mail("m076", "2024-03-13T13:13:13+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nLê Văn Hưng",
           [F("BC KL01.pdf", "BTDKT/kl01", "pdf")])

    # ========================================================================== U32 TTPTQD (wrong PC clock; mpack KL01 scan late)
    u = unit("TTPTQD")
    tt_, = u["nominees"]
    d("TTPTQD/tt", T.to_trinh, "TTPTQD/tt", u, [tt_], 26, 2, 4)
    d("TTPTQD/bctt", T.bctt_tap_the, "TTPTQD/bctt", u, tt_, 26, 2)
    d("TTPTQD/tom", T.tom_tat, "TTPTQD/tom", u, [tt_], 26, 2)
    d("TTPTQD/kt", T.qd_khen_thuong, "TTPTQD/kt", u, [tt_], "khoi", 2022)
    d("TTPTQD/xl", T.qd_xep_loai_to_chuc, "TTPTQD/xl", u)
    d("TTPTQD/kl01", T.kl01, "TTPTQD/kl01", u, 16, 3)
    frm = ("Chi bo TT Phat trien quy dat", "chibo.ttptqd@thainguyen.gov.vn")
    S.mail("m077", "2024-02-27T09:47:02+07:00", "snail", frm, "Ho so de nghi khen thuong Chi bo TT PTQD",
           "Kinh gui Ban Tuyen giao\n\nChi bo Trung tam Phat trien quy dat tinh gui ho so de nghi khen thuong tap the "
           "chi bo.\n\nBui Thi Thanh",
           [F("To trinh.docx", "TTPTQD/tt", "docx"),
            F("Bao cao thanh tich.docx", "TTPTQD/bctt", "docx"),
            F("Tom tat thanh tich.docx", "TTPTQD/tom", "docx"),
            F("QD khen thuong - tap the.pdf", "TTPTQD/kt", "scan", copy_stamp=True),
            F("QD xep loai chi bo 2023.pdf", "TTPTQD/xl", "scan")],
           date="2024-02-29T09:45:30+07:00")
    S.mail("m078", "2024-03-18T10:20:00+07:00", "mpack", frm, "Bao cao KL01",
           "Chi bo TT Phat trien quy dat gui bao cao KL01 (ban scan).",
           [F("Báo cáo KL01.pdf", "TTPTQD/kl01", "scan", stamp=True, gray=True)])

    # ========================================================================== U33 TVT (gmail, documents only, split + Re:)
    u = unit("TVT")
    cn, = u["nominees"]
    d("TVT/tt", T.to_trinh, "TVT/tt", u, [cn], 24, 2, 3)
    d("TVT/bctt", T.bctt_ca_nhan, "TVT/bctt", u, cn, 24, 2)
    d("TVT/tom", T.tom_tat, "TVT/tom", u, [cn], 24, 2)
    d("TVT/kt", T.qd_khen_thuong, "TVT/kt", u, [cn], "khoi", 2023)
    d("TVT/xl", T.qd_xep_loai_dang_vien, "TVT/xl", u, [cn], 11)
    d("TVT/kl01", T.kl01, "TVT/kl01", u, 14, 3)
    frm = ("Khổng Thị Lụa", "luakhong89@gmail.com")
    S.mail("m079", "2024-02-26T10:00:00+07:00", "gmail", frm, "Hồ sơ khen thưởng", "Em gửi hồ sơ ạ.",
           [F("To trinh.docx", "TVT/tt", "docx"),
            F("BCTT.docx", "TVT/bctt", "docx"),
            F("Tom tat.docx", "TVT/tom", "docx")])
    S.mail("m080", "2024-02-26T10:07:00+07:00", "gmail", frm, "Re: Hồ sơ khen thưởng",
           "Em gửi bổ sung các quyết định ạ." +
           quote(["Em gửi hồ sơ ạ."], "gmail", who="Khổng Thị Lụa", when="Th 2, 26 thg 2, 2024 vào lúc 10:00"),
           [F("QD khen thuong.pdf", "TVT/kt", "scan", copy_stamp=True),
            F("QD xep loai dang vien 2023.pdf", "TVT/xl", "scan")], in_reply_to="m079")
    S.mail("m081", "2024-03-14T16:16:00+07:00", "gmail", frm, "Fwd: Báo cáo KL01",
           "Em chuyển báo cáo ạ.\n\n---------- Forwarded message ---------\nFrom: Hứa Thị Nhàn "
           "<chibo.thuvien@thainguyen.gov.vn>\nDate: Th 5, 14 thg 3, 2024 vào lúc 15:02\nSubject: Báo cáo KL01\n"
           "To: Khổng Thị Lụa <luakhong89@gmail.com>\n\n\nLụa gửi báo cáo này lên Ban Tuyên giáo giúp chị nhé.\n",
           [F("Bao cao KL 01.docx", "TVT/kl01", "docx")])

    # ========================================================================== U34 HNM (out-of-office; late partial)
    u = unit("HNM")
    cn, = u["nominees"]
    d("HNM/tt", T.to_trinh, "HNM/tt", u, [cn], 1, 3, 2)
    d("HNM/bctt", T.bctt_ca_nhan, "HNM/bctt", u, cn, 1, 3)
    frm = ("Tran Van Tam", "chibo.hoinguoimu@thainguyen.gov.vn")
    ooo = ("Tôi đang đi công tác tại Hà Nội từ ngày 24/02 đến hết ngày 03/3/2024, sẽ trả lời thư khi trở về.\n"
           "Việc gấp xin liên hệ số điện thoại 0208 3856 207.\nTrần Văn Tám")
    S.mail("m082", "2024-02-25T08:01:10+07:00", "ooo-zimbra", frm, "Re: " + HS_REMINDER, ooo,
           in_reply_to=rid("nhac-hs", "20240225", "HNM"))
    S.mail("m083", "2024-02-27T08:01:05+07:00", "ooo-zimbra", frm, "Re: " + HS_REMINDER, ooo,
           in_reply_to=rid("nhac-hs", "20240227", "HNM"))
    S.mail("m084", "2024-03-04T14:00:00+07:00", "mutt", frm, "Hồ sơ khen thưởng (gửi muộn)",
           "Kính gửi Ban Tuyên giáo,\n\nDo đi công tác nên Chi bộ Hội Người mù tỉnh gửi muộn hồ sơ. Các quyết định "
           "đơn vị sẽ bổ sung sau.\n\nTrần Văn Tám",
           [F("To trinh.docx", "HNM/tt", "docx"),
            F("BCTT Luc Van Khoa.docx", "HNM/bctt", "docx")])

    # ========================================================================== U35 TTHCC (count across line break; TL:)
    u = unit("TTHCC")
    tt_, = u["nominees"]
    d("TTHCC/tt", T.to_trinh, "TTHCC/tt", u, [tt_], 26, 2, 5, linebreak=True)
    d("TTHCC/bctt", T.bctt_tap_the, "TTHCC/bctt", u, tt_, 26, 2)
    d("TTHCC/tom", T.tom_tat, "TTHCC/tom", u, [tt_], 26, 2)
    d("TTHCC/kt", T.qd_khen_thuong, "TTHCC/kt", u, [tt_], "khoi", 2023)
    d("TTHCC/xl", T.qd_xep_loai_to_chuc, "TTHCC/xl", u)
    d("TTHCC/kl01", T.kl01, "TTHCC/kl01", u, 15, 3)
    frm = ("Chi bộ Trung tâm PVHCC tỉnh", "chibo.hccong@thainguyen.gov.vn")
    sig = "\n\n--\nĐinh Văn Hậu\nTrung tâm Phục vụ hành chính công tỉnh Thái Nguyên\nHotline: 0208 1022"
    logo = F("image001.png", None, "logo", inline=True, text="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
    icon = F("image002.png", None, "icon", inline=True)
    S.mail("m085", "2024-02-27T14:40:00+07:00", "outlook", frm, "Hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nChi bộ Trung tâm Phục vụ hành chính công tỉnh gửi hồ sơ đề nghị "
           "khen thưởng tập thể chi bộ.\n\nTrân trọng!" + sig,
           [F("Tờ trình Chi bộ TTPVHCC.docx", "TTHCC/tt", "docx"),
            F("BCTT tập thể.docx", "TTHCC/bctt", "docx"),
            F("Tóm tắt tập thể.docx", "TTHCC/tom", "docx"),
            F("QĐ khen thưởng - tập thể.pdf", "TTHCC/kt", "scan", copy_stamp=True),
            F("QĐ xếp loại TCĐ 2023.pdf", "TTHCC/xl", "scan"),
            logo, icon])
    S.mail("m086", "2024-03-15T16:20:00+07:00", "outlook", frm, "TL: " + KL_DEADLINE_REMINDER,
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Trung tâm PVHCC gửi báo cáo KL01 ạ.\n\nTrân trọng!" + sig +
           quote([KL_DEADLINE_REMINDER] + reminder_kl_text(u), "outlook", who=u["name"],
                 when="Thursday, March 14, 2024 8:00 AM"),
           [F("Báo cáo KL01.docx", "TTHCC/kl01", "docx"), logo],
           in_reply_to=rid("nhac-kl01", "20240314", "TTHCC"))

    # ========================================================================== U36 HDY (request for time, then on time)
    u = unit("HDY")
    cn, = u["nominees"]
    d("HDY/tt", T.to_trinh, "HDY/tt", u, [cn], 28, 2, 2, honor="đ/c")
    d("HDY/bctt", T.bctt_ca_nhan, "HDY/bctt", u, cn, 28, 2)
    d("HDY/tom", T.tom_tat, "HDY/tom", u, [cn], 28, 2)
    d("HDY/kt", T.qd_khen_thuong, "HDY/kt", u, [cn], "khoi", 2022, False)
    d("HDY/xl", T.qd_xep_loai_dang_vien, "HDY/xl", u, [cn], 7)
    frm = ("Hội Đông y tỉnh Thái Nguyên", "hoidongy.tn@gmail.com")
    S.mail("m087", "2024-02-27T09:00:00+07:00", "gmail", frm, "Xin lùi thời gian nộp hồ sơ",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\nChi bộ Hội Đông y tỉnh xin phép Ban cho lùi thời gian nộp hồ sơ "
           "đề nghị khen thưởng đến ngày 01/3/2024 vì đồng chí Bí thư chi bộ đang đi công tác.\nTrân trọng cảm ơn Ban!")
    S.mail("m088", "2024-02-28T20:10:00+07:00", "gmail", frm, "Hồ sơ khen thưởng Chi bộ Hội Đông y",
           "Kính gửi Ban Tuyên giáo,\nChi bộ Hội Đông y tỉnh đã hoàn thiện và gửi hồ sơ đề nghị khen thưởng đồng chí "
           "Lò Văn Phúc ạ.\nTrân trọng!",
           [F("To trinh.docx", "HDY/tt", "docx"),
            F("Bao cao thanh tich Lo Van Phuc.docx", "HDY/bctt", "docx"),
            F("Tom tat.docx", "HDY/tom", "docx"),
            F("QD khen thuong.jpg", "HDY/kt", "photo", page=1, copy_stamp=True, model=("OPPO", "CPH2239")),
            F("QD xep loai.jpg", "HDY/xl", "photo", page=1, model=("OPPO", "CPH2239"))])

    # ========================================================================== U37 LTLS (TCVN3 old decision; KL01 missing IV)
    u = unit("LTLS")
    tt_, = u["nominees"]
    d("LTLS/tt", T.to_trinh, "LTLS/tt", u, [tt_], 23, 2, 3)
    d("LTLS/bctt", T.bctt_tap_the, "LTLS/bctt", u, tt_, 23, 2)
    d("LTLS/tom", T.tom_tat, "LTLS/tom", u, [tt_], 23, 2)
    d("LTLS/kt", T.qd_khen_thuong, "LTLS/kt", u, [tt_], "khoi", 2021, False, "tcvn3", signed=True)
    d("LTLS/xl", T.qd_xep_loai_to_chuc, "LTLS/xl", u)
    d("LTLS/kl01", T.kl01, "LTLS/kl01", u, 13, 3, omit=("IV",))
    frm = ("Chi bo TT Luu tru lich su", "chibo.luutru@thainguyen.gov.vn")
    S.mail("m089", "2024-02-26T11:20:00+07:00", "mutt", frm, "Hồ sơ khen thưởng tập thể",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ Trung tâm Lưu trữ lịch sử tỉnh gửi hồ sơ đề nghị khen thưởng tập thể "
           "chi bộ. Quyết định khen thưởng năm 2021 là file cũ đánh bằng phông .VnTime, nếu Ban không đọc được đề nghị "
           "cài phông ABC.\n\nHoàng Thị Vân",
           [F("To trinh.docx", "LTLS/tt", "docx"),
            F("BCTT Chi bo.docx", "LTLS/bctt", "docx"),
            F("Tom tat.docx", "LTLS/tom", "docx"),
            F("QĐ khen thưởng - tập thể.doc", "LTLS/kt", "tcvn3-doc"),
            F("QD xep loai to chuc dang 2023.pdf", "LTLS/xl", "scan")])
    S.mail("m090", "2024-03-14T10:45:00+07:00", "mutt", frm, "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nChi bộ gửi báo cáo KL01.\n\nHoàng Thị Vân",
           [F("BC KL01.docx", "LTLS/kl01", "docx")])

    # ========================================================================== U38 CCBK (two individuals, scans)
    u = unit("CCBK")
    a, b = u["nominees"]
    d("CCBK/tt", T.to_trinh, "CCBK/tt", u, [a, b], 24, 2, 5)
    d("CCBK/bctt/a", T.bctt_ca_nhan, "CCBK/bctt/a", u, a, 24, 2)
    d("CCBK/bctt/b", T.bctt_ca_nhan, "CCBK/bctt/b", u, b, 24, 2)
    d("CCBK/tom", T.tom_tat, "CCBK/tom", u, [a, b], 24, 2, layout="table")
    d("CCBK/kt/a", T.qd_khen_thuong, "CCBK/kt/a", u, [a], "mass", 2023)
    d("CCBK/kt/b", T.qd_khen_thuong, "CCBK/kt/b", u, [b], "khoi", 2022, False, "tcvn3", signed=True)
    d("CCBK/xl/a", T.qd_xep_loai_dang_vien, "CCBK/xl/a", u, [a], 8)
    d("CCBK/xl/b", T.qd_xep_loai_dang_vien, "CCBK/xl/b", u, [b], 9)
    d("CCBK/kl01", T.kl01, "CCBK/kl01", u, 11, 3)
    frm = ("Hoi CCB Khoi cac co quan tinh", "cuuchienbinh.khoicq@thainguyen.gov.vn")
    S.mail("m091", "2024-02-26T15:00:00+07:00", "zimbra", frm,
           "Hội CCB Khối gửi hồ sơ đề nghị khen thưởng 02 hội viên",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nBan Thường vụ Hội Cựu chiến binh Khối gửi hồ sơ đề nghị khen thưởng "
           "02 đồng chí hội viên: Đặng Văn Thụ và Lê Xuân Trường.\n\nNguyễn Đình Lực\nChủ tịch Hội CCB Khối",
           [F("To trinh Hoi CCB.pdf", "CCBK/tt", "scan", stamp=True),
            F("BCTT Dang Van Thu.pdf", "CCBK/bctt/a", "scan"),
            F("BCTT Le Xuan Truong.pdf", "CCBK/bctt/b", "scan"),
            F("Tom tat thanh tich 2 dong chi.docx", "CCBK/tom", "docx"),
            F("QD khen thuong Dang Van Thu.pdf", "CCBK/kt/a", "scan", copy_stamp=True, gray=True),
            F("QD khen thuong Le Xuan Truong.doc", "CCBK/kt/b", "tcvn3-doc"),
            F("QD xep loai dang vien 2023 - Dang Van Thu.pdf", "CCBK/xl/a", "scan", gray=True),
            F("QD xep loai dang vien 2023 - Le Xuan Truong.pdf", "CCBK/xl/b", "scan", gray=True)])
    inner = dict(id="m092-inner", idate="2024-03-12T09:41:00+07:00", client="zimbra",
                 frm=("Đặng Văn Thụ", "dangvanthu.stp@thainguyen.gov.vn"), to="cuuchienbinh.khoicq@thainguyen.gov.vn",
                 subject="Báo cáo KL01 của Hội CCB Khối (dự thảo đã sửa)",
                 body="Kính gửi đồng chí Chủ tịch,\nTôi gửi báo cáo KL01 đã sửa theo ý kiến của Thường trực Hội.\nThụ")
    S.mail("m092", "2024-03-12T16:30:00+07:00", "zimbra", frm, "Fwd: Báo cáo KL01 của Hội CCB Khối (dự thảo đã sửa)",
           "Kính gửi Ban Tuyên giáo,\n\nHội CCB Khối chuyển Ban báo cáo KL01 (file trong thư chuyển tiếp kèm theo).\n\n"
           "Nguyễn Đình Lực",
           [E("", inner, [F("BC KL01 Hoi CCB.doc", "CCBK/kl01", "doc")])])

    # ========================================================================== U39 CDVCT (over quota 3 individuals; correction)
    u = unit("CDVCT")
    a, b, c = u["nominees"]
    d("CDVCT/tt", T.to_trinh, "CDVCT/tt", u, [a, b, c], 26, 2, 14, listing="table", linebreak=True)
    d("CDVCT/bctt/a", T.bctt_ca_nhan, "CDVCT/bctt/a", u, a, 26, 2)
    d("CDVCT/bctt/b", T.bctt_ca_nhan, "CDVCT/bctt/b", u, b, 26, 2, confirm=False)
    d("CDVCT/bctt/b2", T.bctt_ca_nhan, "CDVCT/bctt/b2", u, b, 28, 2)
    d("CDVCT/bctt/c", T.bctt_ca_nhan, "CDVCT/bctt/c", u, c, 26, 2)
    d("CDVCT/tom", T.tom_tat, "CDVCT/tom", u, [a, b, c], 26, 2, layout="table")
    d("CDVCT/kt", T.qd_khen_thuong, "CDVCT/kt", u, [a, b, c], "mass", 2023)
    d("CDVCT/xl/a", T.qd_xep_loai_dang_vien, "CDVCT/xl/a", u, [a], 9)
    d("CDVCT/xl/b", T.qd_xep_loai_dang_vien, "CDVCT/xl/b", u, [b], 10)
    d("CDVCT/xl/c", T.qd_xep_loai_dang_vien, "CDVCT/xl/c", u, [c], 8)
    d("CDVCT/kl01", T.kl01, "CDVCT/kl01", u, 12, 3)
    sig = "\n\n--\nĐồng Thị Hiền\nVăn phòng Công đoàn Viên chức tỉnh Thái Nguyên"
    S.mail("m093", "2024-02-27T10:30:00+07:00", "outlook", ("Công đoàn Viên chức tỉnh", "cdvc.thainguyen@thainguyen.gov.vn"),
           "Công đoàn Viên chức tỉnh gửi hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nBan Thường vụ Công đoàn Viên chức tỉnh gửi hồ sơ đề nghị khen "
           "thưởng 03 cá nhân.\n\nTrân trọng!" + sig,
           [F("Tờ trình.docx", "CDVCT/tt", "docx"),
            F("BCTT Hoang Van Dat.docx", "CDVCT/bctt/a", "docx"),
            F("BCTT Nguyen Thi Thu Hien.docx", "CDVCT/bctt/b", "docx"),
            F("BCTT Cao Thi Men.docx", "CDVCT/bctt/c", "docx"),
            F("Tom tat 03 ca nhan.docx", "CDVCT/tom", "docx"),
            F("QD khen thuong.pdf", "CDVCT/kt", "scan", copy_stamp=True),
            F("QD xep loai dang vien.pdf", ["CDVCT/xl/a", "CDVCT/xl/b", "CDVCT/xl/c"], "scan", gray=True)],
           thread="cdvc-hs")
    S.mail("m094", "2024-02-28T15:20:00+07:00", "outlook", ("Văn phòng CĐVC tỉnh", "vanphong.cdvc@thainguyen.gov.vn"),
           "TL: Công đoàn Viên chức tỉnh gửi hồ sơ đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo,\n\nCông đoàn Viên chức tỉnh gửi lại bản sửa báo cáo thành tích của đồng chí "
           "Nguyễn Thị Thu Hiền (đã bổ sung xác nhận), thay cho bản gửi ngày 27/02.\n\nTrân trọng!" + sig,
           [F("BCTT Nguyen Thi Thu Hien (sua).docx", "CDVCT/bctt/b2", "docx")], in_reply_to="m093", thread="cdvc-hs")
    S.mail("m095", "2024-03-13T11:00:00+07:00", "outlook", ("Công đoàn Viên chức tỉnh", "cdvc.thainguyen@thainguyen.gov.vn"),
           "Báo cáo KL01",
           "Kính gửi Ban Tuyên giáo,\n\nCông đoàn Viên chức tỉnh gửi báo cáo KL01.\n\nTrân trọng!" + sig,
           [F("Báo cáo KL01 CĐVC.pdf", "CDVCT/kl01", "pdf-web")])

    # ========================================================================== U40 DOANKHOI (split per nominee, 7z)
    u = unit("DOANKHOI")
    a, b = u["nominees"]
    d("DOANKHOI/tt", T.to_trinh, "DOANKHOI/tt", u, [a, b], 23, 2, 12)
    for k, n in (("a", a), ("b", b)):
        d(f"DOANKHOI/bctt/{k}", T.bctt_ca_nhan, f"DOANKHOI/bctt/{k}", u, n, 24, 2)
        d(f"DOANKHOI/tom/{k}", T.tom_tat, f"DOANKHOI/tom/{k}", u, [n], 24, 2)
        d(f"DOANKHOI/kt/{k}", T.qd_khen_thuong, f"DOANKHOI/kt/{k}", u, [n], "mass", 2023)
        d(f"DOANKHOI/xl/{k}", T.qd_xep_loai_dang_vien, f"DOANKHOI/xl/{k}", u, [n], 9)
    d("DOANKHOI/kl01", T.kl01, "DOANKHOI/kl01", u, 15, 3)
    frm = ("Đoàn Khối các cơ quan tỉnh", "doankhoi.ccq@thainguyen.gov.vn")
    S.mail("m096", "2024-02-24T09:30:00+07:00", "zimbra", frm, "Tờ trình đề nghị khen thưởng",
           "Kính gửi Ban Tuyên giáo Đảng ủy Khối,\n\nBan Thường vụ Đoàn Khối gửi Tờ trình đề nghị khen thưởng 02 cá "
           "nhân. Hồ sơ từng đồng chí sẽ gửi ở các thư tiếp theo.\n\nVương Đức Anh",
           [F("TTr Doan Khoi.pdf", "DOANKHOI/tt", "pdf")])
    for mid, idate, k, n, nm in (("m097", "2024-02-26T14:10:00+07:00", "a", a, "Dieu Linh"),
                                 ("m098", "2024-02-26T14:25:00+07:00", "b", b, "Tong Van Kien")):
        S.mail(mid, idate, "zimbra", frm, f"Hồ sơ đ/c {n['name']}",
               f"Kính gửi Ban Tuyên giáo,\n\nĐoàn Khối gửi hồ sơ đồng chí {n['name']}.\n\nVương Đức Anh",
               [A(f"Ho so {nm}.7z", "7z", [
                   (f"BCTT {nm}.docx", F("x", f"DOANKHOI/bctt/{k}", "docx")),
                   (f"Tom tat {nm}.docx", F("x", f"DOANKHOI/tom/{k}", "docx")),
                   (f"QD khen thuong {nm}.pdf", F("x", f"DOANKHOI/kt/{k}", "scan", copy_stamp=True)),
                   (f"QD xep loai {nm}.pdf", F("x", f"DOANKHOI/xl/{k}", "scan")),
               ])])
    S.mail("m099", "2024-03-15T22:58:30+07:00", "zimbra", frm, "Báo cáo KL01 Đoàn Khối",
           "Kính gửi Ban Tuyên giáo,\n\nĐoàn Khối gửi báo cáo KL01.\n\nVương Đức Anh",
           [F("Bao cao KL01 Doan Khoi.docx", "DOANKHOI/kl01", "docx")])

    # ========================================================================== noise: spam, bounces, out-of-office
    S.mail("m100", "2024-02-23T03:12:40+07:00", "swaks",
           ("Quản trị hệ thống thư điện tử", "admin@thalnguyen-gov.vn.info"),
           "Thông báo: Hộp thư của bạn đã vượt quá dung lượng cho phép",
           "Kính gửi người dùng,\n\nHộp thư banbientapduk@thainguyen.gov.vn đã sử dụng 98% dung lượng. Để tránh bị "
           "khóa, vui lòng xác thực tài khoản trong 24 giờ tại:\nhttp://thainguyen-gov-vn.mail-verify.top/login\n\n"
           "Bộ phận kỹ thuật", helo="mail.thalnguyen-gov.vn.info", msgid_host="thalnguyen-gov.vn.info",
           x_mailer="Microsoft Outlook Express 6.00.2900.5512")
    S.mail("m101", "2024-03-05T13:47:12+07:00", "swaks",
           ("Hóa đơn điện tử VNPT", "hoadon@vnpt-invoice-online.com"),
           "Hóa đơn điện tử tháng 02/2024 - MST 4600347xxx",
           "Quý khách hàng thân mến,\nVNPT gửi Quý khách hóa đơn điện tử tháng 02/2024. Vui lòng giải nén tệp đính kèm "
           "để xem chi tiết (mật khẩu: 2024).\nTrân trọng.",
           [A("HoaDon_T02_2024.rar", "rar", [("HoaDon_T02_2024.pdf.exe", F("x", None, "bytes", data="MZ-spam"))],
              password="2024")],
           helo="smtp.vnpt-invoice-online.com", msgid_host="vnpt-invoice-online.com")
    S.mail("m102", "2024-03-19T09:03:33+07:00", "swaks",
           ("Học viện Đào tạo Lãnh đạo Quản lý", "tuyensinh@hocvien-lanhdao.edu.vn.com"),
           "Thư mời tham gia khóa bồi dưỡng Quản lý nhà nước ngạch chuyên viên chính 2024",
           "Kính gửi Quý cơ quan,\nHọc viện trân trọng thông báo chiêu sinh lớp bồi dưỡng QLNN ngạch chuyên viên chính, "
           "học online 100%, cấp chứng chỉ sau 6 tuần. Học phí ưu đãi 2.500.000đ.\nĐăng ký: 0986 xxx xxx (Ms Hạnh).",
           helo="mx.hocvien-lanhdao.edu.vn.com", msgid_host="hocvien-lanhdao.edu.vn.com")

    rem_hs_ltls = rid("nhac-hs", "20240225", "LTLS")
    S.mail("m103", "2024-02-25T08:00:41+07:00", "bounce-postfix", ("", "MAILER-DAEMON@mail.thainguyen.gov.vn"),
           "Undelivered Mail Returned to Sender", "",
           failed_rcpt="chibo.luutru@thainguyen.gov.vn",
           reason="host mail.thainguyen.gov.vn[private/dovecot-lmtp] said: 552 5.2.2 <chibo.luutru@thainguyen.gov.vn> "
                  "Quota exceeded (mailbox for user is full) (in reply to end of DATA command)",
           diag="lmtp; 552 5.2.2 <chibo.luutru@thainguyen.gov.vn> Quota exceeded (mailbox for user is full)",
           status="5.2.2", orig_date="2024-02-25T08:00:02+07:00",
           original=dict(to="chibo.luutru@thainguyen.gov.vn", subject=HS_REMINDER, mid=rem_hs_ltls,
                         date="2024-02-25T08:00:02+07:00", body="\n".join(reminder_hs_text(unit("LTLS")))))
    rem_kl_sct = rid("nhac-kl01", "20240308", "SCT")
    S.mail("m104", "2024-03-08T08:00:37+07:00", "bounce-postfix", ("", "MAILER-DAEMON@mail.thainguyen.gov.vn"),
           "Undelivered Mail Returned to Sender", "",
           failed_rcpt="vanphong.sct@thainguyen.gov.vn",
           reason="host mail.thainguyen.gov.vn[private/dovecot-lmtp] said: 550 5.1.1 <vanphong.sct@thainguyen.gov.vn> "
                  "User doesn't exist: vanphong.sct@thainguyen.gov.vn (in reply to RCPT TO command)",
           diag="lmtp; 550 5.1.1 <vanphong.sct@thainguyen.gov.vn> User doesn't exist: vanphong.sct@thainguyen.gov.vn",
           status="5.1.1", orig_date="2024-03-08T08:00:03+07:00",
           original=dict(to="dangbo.sct@thainguyen.gov.vn, vanphong.sct@thainguyen.gov.vn",
                         subject=KL_DEADLINE_REMINDER, mid=rem_kl_sct, date="2024-03-08T08:00:03+07:00",
                         body="\n".join(reminder_kl_text(unit("SCT")))))
    ack = "ack.20240226.tdoan@banbientapduk.thainguyen.gov.vn"
    S.mail("m105", "2024-02-26T19:49:58+07:00", "bounce-gmail", ("Mail Delivery Subsystem", "mailer-daemon@googlemail.com"),
           "Delivery Status Notification (Failure)", "",
           failed_rcpt="huyennong.tinhdoan@gmail.com",
           diag="452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to "
                "https://support.google.com/mail/?p=OverQuotaTemp",
           status="4.2.2", orig_date="2024-02-26T19:49:02+07:00", in_reply_to=ack,
           original=dict(to="huyennong.tinhdoan@gmail.com", subject="Re: Fwd: Hồ sơ khen thưởng Chi bộ Tỉnh đoàn",
                         mid=ack, date="2024-02-26T19:49:02+07:00",
                         body="Ban Tuyên giáo Đảng ủy Khối đã nhận hồ sơ của Chi bộ Tỉnh đoàn."))
    S.mail("m106", "2024-03-08T08:02:14+07:00", "ooo-outlook",
           ("Đặng Thị Hương - VP Sở KH&ĐT", "dangbo.skhdt@thainguyen.gov.vn"),
           "Trả lời Tự động: " + KL_DEADLINE_REMINDER,
           "Tôi đang nghỉ phép đến hết ngày 10/3/2024. Công việc cần giải quyết xin liên hệ đồng chí Hồ Sỹ Nguyên, "
           "Phó Bí thư Đảng ủy, ĐT 0912 555 713.\nTrân trọng.",
           in_reply_to=rid("nhac-kl01", "20240308", "SKHDT"))
    return S
