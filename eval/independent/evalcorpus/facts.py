"""The world of the scenario: what each unit is, who works there, whom it nominates.

Codes, names, kinds and registered addresses come from ../units.csv (the hand-made unit list);
this module adds what the documents need: header lines, signers, the nominees and their
particulars.  Everything here is invented for the evaluation corpus (no real persons).
"""
from __future__ import annotations

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS_CSV = os.path.join(os.path.dirname(HERE), "units.csv")


def load_units_csv():
    with open(UNITS_CSV, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["code"]: r for r in rows}


def T(name, short=None, members=8, secretary=None, field=None, upper=None, **kw):
    """A collective nominee (tập thể)."""
    return dict(kind="tap_the", name=name, short=short or name, members=members,
                secretary=secretary, field=field, upper=upper or name.upper(), **kw)


def P(name, gender, born, position, cell, field, ethnic="Kinh", hometown=None, edu="Đại học",
      llct="Trung cấp", joined="03/02/2010", **kw):
    """An individual nominee (cá nhân)."""
    return dict(kind="ca_nhan", name=name, gender=gender, born=born, position=position, cell=cell,
                field=field, ethnic=ethnic, hometown=hometown or "tỉnh Thái Nguyên", edu=edu,
                llct=llct, joined=joined, **kw)


# Header conventions ---------------------------------------------------------------------------
KHOI = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"
DCS = "ĐẢNG CỘNG SẢN VIỆT NAM"
CHXH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DLTD = "Độc lập - Tự do - Hạnh phúc"

UNITS = {
    # ------------------------------------------------------------------ đảng bộ cơ sở
    "SCT": dict(
        agency="Sở Công Thương", body="Đảng ủy Sở Công Thương", btv=True, sym="ĐU",
        members=86, cells=9, deputy="Trần Quốc Hưng", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="formal", kl="K1",
        nominees=[
            T("Chi bộ Phòng Quản lý thương mại", short="Chi bộ Phòng QLTM", members=9,
              secretary="Đỗ Thanh Bình",
              field="quản lý nhà nước về thương mại nội địa, xuất nhập khẩu và xúc tiến thương mại"),
            P("Dương Văn Khải", "Nam", "12/5/1979", "Đảng ủy viên, Bí thư Chi bộ Văn phòng, Phó Chánh Văn phòng Sở Công Thương",
              "Chi bộ Văn phòng", "tham mưu tổng hợp, cải cách hành chính và chuyển đổi số của Sở",
              ethnic="Tày", hometown="xã Phú Đình, huyện Định Hóa, tỉnh Thái Nguyên",
              edu="Thạc sĩ Quản lý kinh tế", llct="Cao cấp", joined="19/5/2005"),
        ]),
    "SGTVT": dict(
        agency="Sở Giao thông vận tải", body="Đảng ủy Sở Giao thông vận tải", btv=True, sym="ĐU",
        members=112, cells=11, deputy="Phạm Ngọc Lâm", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="lo", kl="K2",
        nominees=[
            T("Chi bộ Trạm Kiểm tra tải trọng xe số 1", short="Chi bộ Trạm KTTTX số 1", members=14,
              secretary="Nguyễn Khắc Hiệp",
              field="kiểm tra tải trọng xe trên Quốc lộ 3 và xử lý vi phạm quá tải, bảo vệ kết cấu hạ tầng giao thông"),
            P("Hoàng Thị Minh Nguyệt", "Nữ", "23/8/1985", "Phó Trưởng phòng Quản lý vận tải, phương tiện và người lái",
              "Chi bộ Phòng Quản lý vận tải", "cấp đổi giấy phép lái xe và dịch vụ công trực tuyến",
              hometown="phường Túc Duyên, thành phố Thái Nguyên", edu="Thạc sĩ Kỹ thuật xây dựng công trình giao thông",
              llct="Trung cấp", joined="27/7/2011"),
        ]),
    "SXD": dict(
        agency="Sở Xây dựng", body="Đảng ủy Sở Xây dựng", btv=False, sym="ĐU",
        members=64, cells=7, deputy="Vũ Thị Lan Phương", secretary_title="Bí thư Đảng ủy, Phó Giám đốc Sở",
        style="sloppy", kl="K4",
        nominees=[
            T("Chi bộ Phòng Quản lý nhà và thị trường bất động sản", short="Chi bộ Phòng Quản lý nhà và TTBĐS",
              members=7, secretary="Lê Anh Tuấn",
              field="quản lý nhà ở, phát triển nhà ở xã hội và thị trường bất động sản"),
            P("Nguyễn Đức Mạnh", "Nam", "04/11/1982", "Chánh Thanh tra Sở Xây dựng", "Chi bộ Thanh tra",
              "thanh tra, kiểm tra trật tự xây dựng và chất lượng công trình",
              hometown="xã Tân Đức, thành phố Phổ Yên, tỉnh Thái Nguyên", edu="Kỹ sư Xây dựng dân dụng và công nghiệp",
              llct="Cao cấp", joined="15/10/2008"),
        ]),
    "STNMT": dict(
        agency="Sở Tài nguyên và Môi trường", body="Đảng ủy Sở Tài nguyên và Môi trường", btv=True, sym="ĐU",
        members=138, cells=12, deputy="Đinh Công Tuấn", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="formal_arial", kl="K3",
        nominees=[
            T("Chi bộ Văn phòng Đăng ký đất đai", short="Chi bộ VP Đăng ký đất đai", members=21,
              secretary="Phan Thị Hồng Vân",
              field="đăng ký, cấp giấy chứng nhận quyền sử dụng đất và xây dựng cơ sở dữ liệu đất đai"),
            P("Nông Văn Thắng", "Nam", "09/02/1980", "Trưởng phòng Quản lý đất đai", "Chi bộ Phòng Quản lý đất đai",
              "thẩm định hồ sơ giao đất, cho thuê đất và giải quyết tranh chấp đất đai",
              ethnic="Nùng", hometown="xã Quang Sơn, huyện Đồng Hỷ, tỉnh Thái Nguyên", edu="Thạc sĩ Quản lý đất đai",
              llct="Cao cấp", joined="02/9/2006"),
        ]),
    "SLDTBXH": dict(
        agency="Sở Lao động - Thương binh và Xã hội", body="Đảng ủy Sở Lao động - Thương binh và Xã hội", btv=True,
        sym="ĐU", members=97, cells=10, deputy="Lê Văn Tuyến", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="old_word", kl="K1",
        nominees=[
            T("Chi bộ Phòng Người có công", members=8, secretary="Hà Văn Thuận",
              field="thực hiện chính sách ưu đãi người có công với cách mạng"),
            T("Chi bộ Trung tâm Dịch vụ việc làm", short="Chi bộ Trung tâm DVVL", members=17, secretary="Đỗ Thị Thanh Hoa",
              field="tư vấn, giới thiệu việc làm và giải quyết bảo hiểm thất nghiệp"),
            P("Triệu Thị Hồng Nhung", "Nữ", "17/6/1987", "Phó Trưởng phòng Bảo trợ xã hội - Trẻ em và Bình đẳng giới",
              "Chi bộ Phòng Bảo trợ xã hội", "công tác bảo trợ xã hội, bảo vệ trẻ em",
              ethnic="Dao", hometown="xã Phú Thượng, huyện Võ Nhai, tỉnh Thái Nguyên", edu="Thạc sĩ Công tác xã hội",
              llct="Trung cấp", joined="03/02/2012"),
        ]),
    "SVHTTDL": dict(
        agency="Sở Văn hóa, Thể thao và Du lịch", body="Đảng ủy Sở Văn hóa, Thể thao và Du lịch", btv=True, sym="ĐU",
        members=121, cells=13, deputy="Ngô Thị Thu Hương", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="formal", kl="K1",
        nominees=[
            T("Chi bộ Bảo tàng tỉnh", short="Chi bộ Bảo tàng", members=12, secretary="Hoàng Đức Nam",
              field="sưu tầm, bảo quản, trưng bày hiện vật và giáo dục truyền thống"),
            P("Đàm Quang Vinh", "Nam", "30/3/1978", "Trưởng phòng Quản lý thể dục thể thao", "Chi bộ Phòng Quản lý TDTT",
              "phong trào thể dục thể thao quần chúng và thể thao thành tích cao",
              ethnic="Tày", hometown="xã Yên Ninh, huyện Phú Lương, tỉnh Thái Nguyên", edu="Thạc sĩ Giáo dục thể chất",
              llct="Cao cấp", joined="22/12/2004"),
        ]),
    "SKHDT": dict(
        agency="Sở Kế hoạch và Đầu tư", body="Đảng ủy Sở Kế hoạch và Đầu tư", btv=False, sym="ĐU",
        members=58, cells=6, deputy="Hồ Sỹ Nguyên", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="outlook_user", kl="K3",
        nominees=[
            T("Chi bộ Phòng Đăng ký kinh doanh", short="Chi bộ Phòng ĐKKD", members=7, secretary="Bạch Thị Thu",
              field="đăng ký doanh nghiệp, hỗ trợ doanh nghiệp khởi nghiệp"),
            P("Lã Thị Phương Thảo", "Nữ", "05/9/1986", "Phó Chánh Văn phòng Sở Kế hoạch và Đầu tư", "Chi bộ Văn phòng",
              "tham mưu công tác tổng hợp, thi đua khen thưởng và cải cách hành chính",
              hometown="phường Quang Trung, thành phố Thái Nguyên", edu="Thạc sĩ Kinh tế", llct="Trung cấp",
              joined="10/3/2013"),
        ]),
    "SNOIVU": dict(
        agency="Sở Nội vụ", body="Đảng ủy Sở Nội vụ", btv=False, sym="ĐU",
        members=72, cells=8, deputy="Trịnh Xuân Thủy", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="formal", kl="K3",
        nominees=[
            T("Chi bộ Phòng Xây dựng chính quyền và công tác thanh niên", short="Chi bộ Phòng XDCQ&CTTN", members=6,
              secretary="Lưu Thị Hạnh", field="xây dựng chính quyền cơ sở, địa giới hành chính và công tác thanh niên"),
            P("Phùng Thị Kim Oanh", "Nữ", "21/1/1984", "Trưởng phòng Công chức, viên chức", "Chi bộ Phòng Công chức, viên chức",
              "tuyển dụng, đào tạo, bồi dưỡng công chức, viên chức",
              hometown="xã Điềm Thụy, huyện Phú Bình, tỉnh Thái Nguyên", edu="Thạc sĩ Quản lý công", llct="Cao cấp",
              joined="08/11/2007"),
        ],
        # the individual first proposed on 22/02 and then withdrawn by the whole-dossier resend
        withdrawn=[
            P("Mạc Văn Tiến", "Nam", "14/7/1981", "Phó Trưởng phòng Tổ chức, biên chế và tổ chức phi chính phủ",
              "Chi bộ Phòng Tổ chức, biên chế", "thẩm định đề án vị trí việc làm và sắp xếp tổ chức bộ máy",
              hometown="xã Sơn Cẩm, thành phố Thái Nguyên", edu="Cử nhân Luật", llct="Trung cấp", joined="30/4/2009"),
        ]),
    "STTTT": dict(
        agency="Sở Thông tin và Truyền thông", body="Đảng ủy Sở Thông tin và Truyền thông", btv=False, sym="ĐU",
        members=47, cells=5, deputy="Kim Văn Hòa", secretary_title="Bí thư Đảng ủy, Giám đốc Sở",
        style="web", kl="K3",
        nominees=[
            T("Chi bộ Trung tâm Công nghệ thông tin và Truyền thông", short="Chi bộ Trung tâm CNTT&TT", members=11,
              secretary="Đoàn Minh Hiếu", field="vận hành Trung tâm dữ liệu tỉnh, hệ thống IOC và an toàn thông tin"),
            P("Hứa Văn Bằng", "Nam", "18/10/1988", "Phó Trưởng phòng Thông tin - Báo chí - Xuất bản",
              "Chi bộ Phòng Thông tin - Báo chí - Xuất bản", "quản lý báo chí, thông tin cơ sở và xử lý tin giả",
              ethnic="Nùng", hometown="xã Văn Lăng, huyện Đồng Hỷ, tỉnh Thái Nguyên", edu="Thạc sĩ Báo chí học",
              llct="Trung cấp", joined="19/5/2014"),
        ]),
    "BHXH": dict(
        agency="Bảo hiểm xã hội tỉnh", body="Đảng ủy Bảo hiểm xã hội tỉnh", btv=True, sym="ĐU",
        members=148, cells=13, deputy="Cù Văn Tân", secretary_title="Bí thư Đảng ủy, Giám đốc Bảo hiểm xã hội tỉnh",
        style="outlook_user", kl="K1",
        nominees=[
            T("Chi bộ Phòng Quản lý thu - Sổ, thẻ", short="Chi bộ Phòng QL thu - Sổ thẻ", members=13,
              secretary="Nguyễn Văn Toản", field="quản lý thu bảo hiểm xã hội, bảo hiểm y tế và cấp sổ, thẻ"),
            P("Ninh Thị Vân Anh", "Nữ", "02/4/1983", "Phó Trưởng phòng Giám định bảo hiểm y tế", "Chi bộ Phòng Giám định BHYT",
              "giám định chi phí khám, chữa bệnh bảo hiểm y tế",
              hometown="xã Kha Sơn, huyện Phú Bình, tỉnh Thái Nguyên", edu="Bác sĩ đa khoa, Thạc sĩ Y tế công cộng",
              llct="Trung cấp", joined="12/12/2010"),
        ]),
    "QLTT": dict(
        agency="Cục Quản lý thị trường tỉnh", body="Đảng ủy Cục Quản lý thị trường tỉnh", btv=False, sym="ĐU",
        members=76, cells=9, deputy="Bế Văn Chung", secretary_title="Bí thư Đảng ủy, Cục trưởng",
        style="sloppy", kl="K2",
        nominees=[
            T("Chi bộ Đội Quản lý thị trường số 3", short="Chi bộ Đội QLTT số 3", members=9, secretary="Dương Quốc Toàn",
              field="kiểm tra, kiểm soát thị trường, chống buôn lậu và hàng giả trên địa bàn huyện Phú Lương, Định Hóa"),
            P("Lăng Văn Hải", "Nam", "26/12/1981", "Phó Đội trưởng Đội Quản lý thị trường số 1", "Chi bộ Đội QLTT số 1",
              "kiểm tra hàng hóa nhập lậu, hàng giả, hàng kém chất lượng",
              ethnic="Tày", hometown="xã Bình Yên, huyện Định Hóa, tỉnh Thái Nguyên", edu="Cử nhân Kinh tế",
              llct="Trung cấp", joined="06/6/2008"),
        ]),
    "DPTTH": dict(
        agency="Đài Phát thanh - Truyền hình tỉnh", body="Đảng ủy Đài Phát thanh - Truyền hình tỉnh", btv=True, sym="ĐU",
        members=104, cells=10, deputy="Tạ Văn Lực", secretary_title="Bí thư Đảng ủy, Giám đốc Đài",
        style="formal", kl="K3",
        nominees=[
            T("Chi bộ Phòng Thời sự", members=16, secretary="Ngô Thị Hà Giang",
              field="sản xuất các chương trình thời sự, phóng sự chính luận trên sóng phát thanh và truyền hình"),
            P("Nguyễn Hữu Trọng", "Nam", "11/7/1983", "Trưởng phòng Chuyên đề", "Chi bộ Phòng Chuyên đề",
              "sản xuất chuyên mục về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
              hometown="xã Hóa Thượng, huyện Đồng Hỷ, tỉnh Thái Nguyên", edu="Thạc sĩ Báo chí", llct="Cao cấp",
              joined="03/02/2009"),
        ]),
    "BQLKCN": dict(
        agency="Ban Quản lý các Khu công nghiệp tỉnh", body="Đảng ủy Ban Quản lý các Khu công nghiệp tỉnh", btv=False,
        sym="ĐU", members=41, cells=5, deputy="Đặng Quang Huy", secretary_title="Bí thư Đảng ủy, Trưởng Ban",
        style="mac", kl="K1",
        nominees=[
            T("Chi bộ Văn phòng Ban", short="Chi bộ Văn phòng", members=10, secretary="Trần Thị Thanh Huyền",
              field="tham mưu tổng hợp, hành chính, quản trị và cải cách hành chính của Ban"),
            P("Tạ Thị Ngọc Ánh", "Nữ", "15/1/1990", "Phó Trưởng phòng Quản lý doanh nghiệp",
              "Chi bộ Phòng Quản lý doanh nghiệp", "hỗ trợ doanh nghiệp FDI và quan hệ lao động trong khu công nghiệp",
              hometown="phường Ba Hàng, thành phố Phổ Yên, tỉnh Thái Nguyên", edu="Thạc sĩ Quản trị kinh doanh",
              llct="Trung cấp", joined="19/5/2015"),
        ]),
    "TCT": dict(
        agency="Trường Chính trị tỉnh", body="Đảng ủy Trường Chính trị tỉnh", btv=False, sym="ĐU",
        members=52, cells=6, deputy="Lý Thị Thu Trang", secretary_title="Bí thư Đảng ủy, Hiệu trưởng",
        style="formal", kl="K1",
        nominees=[
            T("Chi bộ Khoa Xây dựng Đảng", short="Chi bộ Khoa XDĐ", members=8, secretary="Phạm Thị Huế",
              field="giảng dạy lý luận chính trị, xây dựng Đảng và nghiên cứu tư tưởng Hồ Chí Minh"),
            P("Mông Thị Hạnh", "Nữ", "08/3/1982", "Phó Trưởng khoa Lý luận cơ sở", "Chi bộ Khoa Lý luận cơ sở",
              "giảng dạy chuyên đề tư tưởng Hồ Chí Minh và bồi dưỡng lý luận chính trị",
              ethnic="Tày", hometown="xã Bảo Cường, huyện Định Hóa, tỉnh Thái Nguyên", edu="Thạc sĩ Triết học",
              llct="Cao cấp", joined="20/10/2006"),
        ]),
    "CDYT": dict(
        agency="Trường Cao đẳng Y tế Thái Nguyên", body="Đảng ủy Trường Cao đẳng Y tế Thái Nguyên", btv=False, sym="ĐU",
        members=68, cells=7, deputy="Đào Thị Minh", secretary_title="Bí thư Đảng ủy, Hiệu trưởng",
        style="lo", kl="K1",
        nominees=[
            T("Chi bộ Khoa Điều dưỡng", members=11, secretary="Nguyễn Thị Hồng Hạnh",
              field="đào tạo điều dưỡng, hộ sinh và thực hành lâm sàng"),
            P("Chu Văn Thành", "Nam", "29/9/1985", "Giảng viên Khoa Dược", "Chi bộ Khoa Dược",
              "giảng dạy và nghiên cứu khoa học về dược liệu", hometown="xã Tràng Xá, huyện Võ Nhai, tỉnh Thái Nguyên",
              ethnic="Tày", edu="Thạc sĩ Dược học", llct="Trung cấp", joined="07/11/2012"),
        ]),
    "BTN": dict(
        agency="Báo Thái Nguyên", body="Đảng ủy Báo Thái Nguyên", btv=False, sym="ĐU",
        members=61, cells=6, deputy="Đồng Văn Tâm", secretary_title="Bí thư Đảng ủy, Tổng Biên tập",
        style="formal", kl="K4",
        nominees=[
            T("Chi bộ Phòng Phóng viên", short="Chi bộ Phòng PV", members=13, secretary="Hoàng Văn Thông",
              field="thông tin, tuyên truyền về gương người tốt, việc tốt và điển hình học tập, làm theo Bác"),
            P("Nghiêm Thu Trang", "Nữ", "12/12/1989", "Phóng viên Phòng Thời sự - Chính trị", "Chi bộ Phòng Thời sự - Chính trị",
              "loạt bài về điển hình tiêu biểu trong học tập và làm theo Bác",
              hometown="phường Hoàng Văn Thụ, thành phố Thái Nguyên", edu="Cử nhân Báo chí", llct="Trung cấp",
              joined="02/9/2016"),
        ]),
    # ------------------------------------------------------------------ chi bộ cơ sở
    "VPDBQH": dict(
        agency="Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", short_agency="Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        body="Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", sym="CB", members=38,
        style="outlook_user", kl="K1",
        nominees=[P("Vi Văn Quyết", "Nam", "10/10/1980", "Trưởng phòng Công tác Quốc hội",
                    "Chi bộ Văn phòng Đoàn ĐBQH và HĐND tỉnh", "tham mưu hoạt động giám sát, tiếp xúc cử tri",
                    ethnic="Nùng", hometown="xã Nghinh Tường, huyện Võ Nhai, tỉnh Thái Nguyên", edu="Thạc sĩ Luật",
                    llct="Cao cấp", joined="03/02/2006")]),
    "MTTQ": dict(
        agency="Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", short_agency="Ủy ban MTTQ tỉnh",
        body="Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", sym="CB", members=27,
        style="formal", kl="K3",
        nominees=[T("Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", short="Chi bộ Cơ quan UBMTTQ tỉnh",
                    members=27, secretary="Nguyễn Thị Loan",
                    field="vận động Quỹ Vì người nghèo, xây nhà Đại đoàn kết và giám sát, phản biện xã hội")]),
    "HND": dict(
        agency="Hội Nông dân tỉnh", body="Chi bộ Hội Nông dân tỉnh", sym="CB", members=24, style="sloppy", kl="K4",
        nominees=[P("Lành Văn Cường", "Nam", "03/5/1979", "Trưởng ban Kinh tế - Xã hội, Hội Nông dân tỉnh",
                    "Chi bộ Hội Nông dân tỉnh", "hỗ trợ nông dân phát triển sản phẩm OCOP và liên kết chuỗi giá trị chè",
                    ethnic="Tày", hometown="xã Phượng Tiến, huyện Định Hóa, tỉnh Thái Nguyên", edu="Kỹ sư Nông học",
                    llct="Cao cấp", joined="15/8/2003")]),
    "HLHPN": dict(
        agency="Hội Liên hiệp Phụ nữ tỉnh", body="Chi bộ Hội Liên hiệp Phụ nữ tỉnh", sym="CB", members=26,
        style="lo", kl="K2",
        nominees=[T("Chi bộ Hội Liên hiệp Phụ nữ tỉnh", short="Chi bộ Hội LHPN tỉnh", members=26,
                    secretary="Lê Thị Bích Thủy",
                    field="thực hiện Đề án hỗ trợ phụ nữ khởi nghiệp và cuộc vận động xây dựng gia đình 5 không 3 sạch")]),
    "TDOAN": dict(
        agency="Tỉnh đoàn Thái Nguyên", body="Chi bộ Tỉnh đoàn", sym="CB", members=22, style="formal", kl="K1",
        nominees=[P("Bế Thị Lan", "Nữ", "27/4/1991", "Trưởng ban Phong trào, Tỉnh đoàn", "Chi bộ Tỉnh đoàn",
                    "phong trào thanh niên tình nguyện và chuyển đổi số trong tổ chức Đoàn",
                    ethnic="Tày", hometown="xã Quy Kỳ, huyện Định Hóa, tỉnh Thái Nguyên", edu="Thạc sĩ Quản lý giáo dục",
                    llct="Trung cấp", joined="19/5/2012")]),
    "LMHTX": dict(
        agency="Liên minh Hợp tác xã tỉnh", body="Chi bộ Liên minh Hợp tác xã tỉnh", sym="CB", members=19,
        style="outlook_user", kl="K1",
        nominees=[T("Chi bộ Liên minh Hợp tác xã tỉnh", short="Chi bộ Liên minh HTX tỉnh", members=19,
                    secretary="Đào Văn Khang",
                    field="tư vấn thành lập hợp tác xã kiểu mới và hỗ trợ hợp tác xã chè tiêu thụ sản phẩm")]),
    "HCTD": dict(
        agency="Hội Chữ thập đỏ tỉnh", body="Chi bộ Hội Chữ thập đỏ tỉnh", sym="CB", members=15, style="formal", kl="K3",
        nominees=[
            T("Chi bộ Hội Chữ thập đỏ tỉnh", short="Chi bộ Hội CTĐ tỉnh", members=15, secretary="Nguyễn Thị Kim Liên",
              field="vận động hiến máu tình nguyện và cứu trợ nhân đạo"),
            P("Đoàn Thị Bích Ngọc", "Nữ", "19/2/1987", "Trưởng ban Công tác xã hội, Hội Chữ thập đỏ tỉnh",
              "Chi bộ Hội Chữ thập đỏ tỉnh", "vận động hiến máu tình nguyện và chương trình Tết nhân ái",
              hometown="phường Phan Đình Phùng, thành phố Thái Nguyên", edu="Cử nhân Công tác xã hội", llct="Trung cấp",
              joined="26/3/2014"),
        ]),
    "LHHKHKT": dict(
        agency="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", short_agency="Liên hiệp các Hội KH&KT tỉnh",
        body="Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", sym="CB", members=14, style="formal", kl="K1",
        nominees=[P("Phạm Ngọc Toản", "Nam", "06/6/1976", "Chánh Văn phòng Liên hiệp các Hội KH&KT tỉnh",
                    "Chi bộ Liên hiệp các Hội KH&KT tỉnh", "tổ chức Hội thi sáng tạo kỹ thuật và tư vấn, phản biện",
                    hometown="xã Nga My, huyện Phú Bình, tỉnh Thái Nguyên", edu="Tiến sĩ Khoa học cây trồng",
                    llct="Cao cấp", joined="11/11/2002")]),
    "HVHNT": dict(
        agency="Hội Văn học Nghệ thuật tỉnh", body="Chi bộ Hội Văn học Nghệ thuật tỉnh", sym="CB", members=11,
        style="lo", kl="K1",
        nominees=[P("Đồng Văn Sinh", "Nam", "14/9/1975", "Phó Tổng Biên tập Tạp chí Văn nghệ Thái Nguyên",
                    "Chi bộ Hội Văn học Nghệ thuật tỉnh", "sáng tác, biên tập các tác phẩm về Bác Hồ với ATK Định Hóa",
                    ethnic="Tày", hometown="xã Trung Hội, huyện Định Hóa, tỉnh Thái Nguyên", edu="Cử nhân Văn học",
                    llct="Cao cấp", joined="03/02/2001")]),
    "CTK": dict(
        agency="Cục Thống kê tỉnh", body="Chi bộ Cục Thống kê tỉnh", sym="CB", members=29, style="sloppy", kl="K3",
        nominees=[T("Chi bộ Cục Thống kê tỉnh", short="Chi bộ Cục Thống kê", members=29, secretary="Trần Văn Hiếu",
                    field="tổ chức Tổng điều tra kinh tế và cung cấp số liệu thống kê phục vụ chỉ đạo, điều hành")]),
    "NHNN": dict(
        agency="Ngân hàng Nhà nước chi nhánh tỉnh Thái Nguyên", short_agency="NHNN chi nhánh tỉnh",
        body="Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh Thái Nguyên", sym="CB", members=33, style="outlook_user", kl="K1",
        nominees=[P("Trần Thị Hải Yến", "Nữ", "25/12/1984", "Phó Trưởng phòng Thanh tra, giám sát ngân hàng",
                    "Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh", "thanh tra, giám sát các tổ chức tín dụng",
                    hometown="phường Trưng Vương, thành phố Thái Nguyên", edu="Thạc sĩ Tài chính - Ngân hàng",
                    llct="Trung cấp", joined="18/8/2011")]),
    "BQLDA": dict(
        agency="Ban Quản lý dự án đầu tư xây dựng tỉnh", short_agency="Ban QLDA ĐTXD tỉnh",
        body="Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh", sym="CB", members=31, style="lo", kl="K3",
        nominees=[P("Kiều Minh Tâm", "Nam", "01/8/1983", "Trưởng phòng Kỹ thuật - Thẩm định",
                    "Chi bộ Ban Quản lý dự án đầu tư xây dựng tỉnh", "quản lý chất lượng các dự án giao thông trọng điểm",
                    hometown="xã Thuận Thành, thành phố Phổ Yên, tỉnh Thái Nguyên", edu="Thạc sĩ Kỹ thuật xây dựng",
                    llct="Trung cấp", joined="30/4/2010")]),
    "HLG": dict(
        agency="Hội Luật gia tỉnh", body="Chi bộ Hội Luật gia tỉnh", sym="CB", members=9, style="lo", kl="K2",
        nominees=[T("Chi bộ Hội Luật gia tỉnh", short="Chi bộ Hội Luật gia", members=9, secretary="Dương Văn Thái",
                    field="tư vấn pháp luật miễn phí cho người nghèo và đồng bào dân tộc thiểu số")]),
    "QDTPT": dict(
        agency="Quỹ Đầu tư phát triển tỉnh", body="Chi bộ Quỹ Đầu tư phát triển tỉnh", sym="CB", members=18,
        style="outlook_user", kl="K1",
        nominees=[P("Vũ Thị Hoài Thương", "Nữ", "09/9/1988", "Phó Trưởng phòng Tín dụng", "Chi bộ Quỹ Đầu tư phát triển tỉnh",
                    "thẩm định, cho vay các dự án hạ tầng và môi trường", hometown="xã Lương Sơn, thành phố Thái Nguyên",
                    edu="Thạc sĩ Tài chính", llct="Trung cấp", joined="19/5/2015")]),
    "BTDKT": dict(
        agency="Ban Thi đua - Khen thưởng tỉnh", body="Chi bộ Ban Thi đua - Khen thưởng tỉnh", sym="CB", members=12,
        style="formal", kl="K1",
        nominees=[P("Tô Minh Đức", "Nam", "22/2/1986", "Phó Trưởng phòng Nghiệp vụ thi đua", "Chi bộ Ban Thi đua - Khen thưởng tỉnh",
                    "thẩm định hồ sơ khen thưởng và phát hiện, nhân rộng điển hình tiên tiến",
                    hometown="xã Cù Vân, huyện Đại Từ, tỉnh Thái Nguyên", edu="Thạc sĩ Quản lý công", llct="Trung cấp",
                    joined="02/9/2012")]),
    "TTPTQD": dict(
        agency="Trung tâm Phát triển quỹ đất tỉnh", body="Chi bộ Trung tâm Phát triển quỹ đất tỉnh", sym="CB", members=23,
        style="sloppy", kl="K1",
        nominees=[T("Chi bộ Trung tâm Phát triển quỹ đất tỉnh", short="Chi bộ TT Phát triển quỹ đất", members=23,
                    secretary="Bùi Thị Thanh",
                    field="bồi thường, giải phóng mặt bằng các dự án trọng điểm và đấu giá quyền sử dụng đất")]),
    "TVT": dict(
        agency="Thư viện tỉnh", body="Chi bộ Thư viện tỉnh", sym="CB", members=13, style="sloppy", kl="K1",
        nominees=[P("Sầm Thị Quỳnh", "Nữ", "16/11/1986", "Trưởng phòng Phục vụ bạn đọc", "Chi bộ Thư viện tỉnh",
                    "xây dựng tủ sách Bác Hồ và phát triển văn hóa đọc trong trường học",
                    ethnic="Tày", hometown="xã Phú Tiến, huyện Định Hóa, tỉnh Thái Nguyên", edu="Thạc sĩ Khoa học thư viện",
                    llct="Trung cấp", joined="22/12/2013")]),
    "HNM": dict(
        agency="Hội Người mù tỉnh", body="Chi bộ Hội Người mù tỉnh", sym="CB", members=7, style="sloppy", kl="K1",
        nominees=[P("Lục Văn Khoa", "Nam", "05/5/1972", "Phó Chủ tịch Hội Người mù tỉnh", "Chi bộ Hội Người mù tỉnh",
                    "dạy chữ nổi, dạy nghề xoa bóp bấm huyệt cho người mù", ethnic="Nùng",
                    hometown="xã La Hiên, huyện Võ Nhai, tỉnh Thái Nguyên", edu="Cử nhân Công tác xã hội", llct="Trung cấp",
                    joined="01/01/2000")]),
    "TTHCC": dict(
        agency="Trung tâm Phục vụ hành chính công tỉnh", body="Chi bộ Trung tâm Phục vụ hành chính công tỉnh", sym="CB",
        members=17, style="outlook_user", kl="K2",
        nominees=[T("Chi bộ Trung tâm Phục vụ hành chính công tỉnh", short="Chi bộ Trung tâm PVHCC tỉnh", members=17,
                    secretary="Đinh Văn Hậu",
                    field="tiếp nhận, trả kết quả thủ tục hành chính và thanh toán trực tuyến")]),
    "HDY": dict(
        agency="Hội Đông y tỉnh", body="Chi bộ Hội Đông y tỉnh", sym="CB", members=8, style="sloppy", kl="K1",
        nominees=[P("Lò Văn Phúc", "Nam", "20/7/1968", "Phó Chủ tịch kiêm Tổng Thư ký Hội Đông y tỉnh", "Chi bộ Hội Đông y tỉnh",
                    "khám, chữa bệnh miễn phí bằng thuốc nam cho người nghèo", ethnic="Thái",
                    hometown="xã Tức Tranh, huyện Phú Lương, tỉnh Thái Nguyên", edu="Y sĩ Y học cổ truyền", llct="Trung cấp",
                    joined="12/10/1995")]),
    "LTLS": dict(
        agency="Trung tâm Lưu trữ lịch sử tỉnh", body="Chi bộ Trung tâm Lưu trữ lịch sử tỉnh", sym="CB", members=10,
        style="formal", kl="K1",
        nominees=[T("Chi bộ Trung tâm Lưu trữ lịch sử tỉnh", short="Chi bộ Trung tâm Lưu trữ", members=10,
                    secretary="Hoàng Thị Vân",
                    field="chỉnh lý, số hóa tài liệu lưu trữ và triển lãm tài liệu về Chủ tịch Hồ Chí Minh với Thái Nguyên")]),
    # ------------------------------------------------------------------ đoàn thể
    "CCBK": dict(
        agency="Hội Cựu chiến binh Khối các cơ quan tỉnh", body="Ban Thường vụ Hội Cựu chiến binh Khối các cơ quan tỉnh",
        sym="CCB", members=1240, style="veteran", kl="K4",
        nominees=[
            P("Đặng Văn Thụ", "Nam", "15/3/1962", "Chi hội trưởng Chi hội Cựu chiến binh Sở Tư pháp",
              "Chi bộ Sở Tư pháp", "xây dựng mô hình Cựu chiến binh gương mẫu, tham gia hòa giải ở cơ sở",
              hometown="xã Minh Tiến, huyện Đại Từ, tỉnh Thái Nguyên", edu="Cử nhân Luật", llct="Trung cấp",
              joined="06/01/1984", workplace="Sở Tư pháp"),
            P("Lê Xuân Trường", "Nam", "02/9/1964", "Chi hội trưởng Chi hội Cựu chiến binh Sở Giáo dục và Đào tạo",
              "Chi bộ Văn phòng Sở Giáo dục và Đào tạo", "giáo dục truyền thống cho đoàn viên thanh niên",
              hometown="xã Tân Khánh, huyện Phú Bình, tỉnh Thái Nguyên", edu="Cử nhân Sư phạm", llct="Cao cấp",
              joined="27/7/1986", workplace="Sở Giáo dục và Đào tạo"),
        ]),
    "CDVCT": dict(
        agency="Công đoàn Viên chức tỉnh Thái Nguyên", body="Ban Thường vụ Công đoàn Viên chức tỉnh", sym="CĐVC",
        members=5200, style="outlook_user", kl="K3",
        nominees=[
            P("Hoàng Văn Đạt", "Nam", "11/4/1980", "Chủ tịch Công đoàn cơ sở Sở Tài chính", "Chi bộ Phòng Tài chính - Ngân sách",
              "chăm lo đời sống đoàn viên và phong trào thi đua lao động giỏi", hometown="xã Hùng Sơn, huyện Đại Từ, tỉnh Thái Nguyên",
              edu="Thạc sĩ Tài chính", llct="Trung cấp", joined="03/02/2008", workplace="Sở Tài chính"),
            P("Nguyễn Thị Thu Hiền", "Nữ", "30/6/1985", "Chủ tịch Công đoàn cơ sở Bệnh viện Lao và Bệnh phổi",
              "Chi bộ Khoa Khám bệnh", "chăm sóc người bệnh theo tinh thần lương y như từ mẫu",
              hometown="phường Đồng Quang, thành phố Thái Nguyên", edu="Cử nhân Điều dưỡng", llct="Trung cấp",
              joined="19/5/2010", workplace="Bệnh viện Lao và Bệnh phổi tỉnh"),
            P("Cao Thị Mến", "Nữ", "14/10/1983", "Phó Chủ tịch Công đoàn cơ sở Sở Giáo dục và Đào tạo",
              "Chi bộ Phòng Giáo dục mầm non", "vận động quỹ khuyến học và hỗ trợ giáo viên vùng khó khăn",
              hometown="xã Úc Kỳ, huyện Phú Bình, tỉnh Thái Nguyên", edu="Thạc sĩ Quản lý giáo dục", llct="Trung cấp",
              joined="12/12/2009", workplace="Sở Giáo dục và Đào tạo"),
        ]),
    "DOANKHOI": dict(
        agency="Đoàn Thanh niên Khối các cơ quan tỉnh", body="Ban Thường vụ Đoàn Khối các cơ quan tỉnh", sym="ĐTN",
        members=3100, style="youth", kl="K2",
        nominees=[
            P("Lâm Thị Diệu Linh", "Nữ", "09/8/1994", "Bí thư Chi đoàn Sở Tư pháp", "Chi bộ Phòng Phổ biến, giáo dục pháp luật",
              "tuyên truyền pháp luật cho thanh niên vùng đồng bào dân tộc thiểu số",
              hometown="xã Hợp Thành, huyện Phú Lương, tỉnh Thái Nguyên", edu="Cử nhân Luật", llct="Sơ cấp",
              joined="03/02/2019", workplace="Sở Tư pháp"),
            P("Tống Văn Kiên", "Nam", "21/3/1993", "Bí thư Đoàn cơ sở Sở Thông tin và Truyền thông",
              "Chi bộ Trung tâm CNTT&TT", "công trình thanh niên số hóa và đội hình hỗ trợ dịch vụ công trực tuyến",
              hometown="xã Đắc Sơn, thành phố Phổ Yên, tỉnh Thái Nguyên", edu="Kỹ sư Công nghệ thông tin", llct="Sơ cấp",
              joined="19/5/2017", workplace="Sở Thông tin và Truyền thông"),
        ]),
}


def unit(code):
    """The merged view of one unit: CSV row + facts."""
    rows = load_units_csv()
    r = dict(rows[code])
    r.update(UNITS[code])
    r["emails"] = r["emails"].split(";")
    r["aliases"] = r["aliases"].split(";")
    r.setdefault("short_agency", r["agency"])
    return r


def all_units():
    return [unit(c) for c in load_units_csv()]


def nominee(code, key):
    """Nominee by index ("0", "1") or by name."""
    u = UNITS[code]
    pool = u["nominees"] + u.get("withdrawn", [])
    for n in pool:
        if n["name"] == key:
            return n
    return pool[int(key)]
