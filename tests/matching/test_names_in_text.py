"""A known nominee's whole name in a document's text as OCR leaves it (pure)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.matching.dossier import FileReading, Nominee, resolve
from bot.matching.names_in_text import ONE_LETTER_OFF, WHOLE, WRAPPED, find_name
from bot.text import fold, fold_lines


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in fold_lines(text)]


def words(name: str) -> list[str]:
    return fold(name).split()


def test_the_whole_name_across_any_spacing_or_line_break():
    assert find_name(words("Lường Thị Hoa"), lines("3 | Lường  Thị\nHoa Phó Trưởng phòng")) == WHOLE


def test_a_letter_lost_at_a_cells_edge_is_still_the_name():
    text = "3 ường Thị Hoa Phó Trưởng phòng Tổ chức cán bộ, sở Ytế"
    assert find_name(words("Lường Thị Hoa"), lines(text)) == ONE_LETTER_OFF


def test_a_short_word_misread_is_another_name():
    # "Thu" for "Thị": a three-letter word with one letter changed is another word.
    assert find_name(words("Lường Thị Hoa"), lines("Lường Thu Hoa")) is None
    assert find_name(words("Phạm Thu Giang"), lines("Phạm Thị Giang")) is None


def test_two_words_misread_is_not_the_name():
    assert find_name(words("Nguyễn Thị Hương"), lines("Nguyn Thị Hưng")) is None


def test_a_name_wrapped_in_its_table_cell_is_the_name():
    text = (
        "1__ | Chỉ bộ Văn phòng Đảng bộ Sở Tài chính\n"
        "Chi bộ Phòng Quần lý ngân _ | Chỉ bộ trực thuộc Đảng bộ Sở Tài chính\n"
        '"| sách :\n'
        "Điều 2: Văn phòng, các ban"
    )
    assert find_name(words("Chi bộ Phòng Quản lý ngân sách"), lines(text)) == WRAPPED


def test_a_row_number_opening_the_next_line_does_not_complete_a_name():
    text = "2 | Chi bộ Phòng Kiểm tra số | Đảng bộ Cục Thuế\n1 | Chi bộ Văn phòng"
    assert find_name(words("Chi bộ Phòng Kiểm tra số 1"), lines(text)) is None


def test_names_of_fewer_than_three_words_are_not_looked_for():
    assert find_name(words("Lê Hoa"), lines("Lê Hoa")) is None


NAME_WORD = st.sampled_from(["nguyen", "tran", "luong", "hoang", "phuong", "thanh", "giang", "duong"])
OTHER_WORD = st.sampled_from(["dang", "vien", "so", "y", "te", "phong", "chi", "bo", "1", "2", "truong"])


@given(st.lists(NAME_WORD, min_size=3, max_size=5), st.lists(OTHER_WORD, max_size=12), st.data())
def test_a_name_put_into_any_text_is_found(name, around, data):
    cut = data.draw(st.integers(0, len(around)))
    text = " ".join([*around[:cut], *name, *around[cut:]])
    assert find_name(name, [text]) == WHOLE


@given(st.lists(NAME_WORD, min_size=3, max_size=5), st.data())
def test_a_name_with_one_letter_lost_is_found_as_misread(name, data):
    i = data.draw(st.integers(0, len(name) - 1))
    j = data.draw(st.integers(0, len(name[i]) - 1))
    misread = [*name[:i], name[i][:j] + name[i][j + 1 :], *name[i + 1 :]]
    assert find_name(name, ["dang vien", " ".join(misread), "so y te"]) in (ONE_LETTER_OFF, WHOLE)


def test_a_scanned_decision_listing_both_nominees_as_ocr_reads_them_is_each_ones():
    # Two decisions scanned into one file: the collective's name wrapped in its cell, the
    # individual's first letter lost at the table's border.
    text = "\n".join(
        [
            "QUYẾT ĐỊNH",
            "Về việc khen thưởng tập thể có thành tích trong học tập và làm theo Bác",
            "Điều 1. Tặng Giấy khen cho 02 các tập thể có tên sau:",
            "1__ | Chỉ bộ Văn phòng Đảng bộ Sở Tài chính",
            "Chi bộ Phòng Quần lý ngân _ | Chỉ bộ trực thuộc Đảng bộ Sở Tài chính",
            '"| sách :',
            "QUYẾT ĐỊNH",
            "Về việc tặng Giấy khen cho cá nhân tiêu biểu",
            "Điều 1. Tặng Giấy khen cho 04 các đồng chí có tên sau:",
            "1_ | Trần Đức Mạnh Đảng viên Sở Tài chính",
            "3 | ịnh Công Tráng Trưởng phòng Tin học và Thống kê",
        ]
    )
    collective = Nominee("tap_the", "Chi bộ Phòng Quản lý ngân sách")
    person = Nominee("ca_nhan", "Đinh Công Tráng")
    f = FileReading(
        "quyet_dinh_khen_thuong", frozenset({"tap_the", "ca_nhan"}), text="\n".join(lines(text)), several=True
    )
    [a] = resolve([f], [collective, person]).assignments
    assert a.certain and {a.nominee, *a.also} == {0, 1}


def test_words_glued_at_a_cells_border_and_a_wrapped_name_are_the_name():
    text = "1 |Chibộ Phòng Quản lý chất lượng công | Đẳng bộ Sở Xây dựng\ntrình xây dựng\n2__ | Chi bộ Phòng Kế hoạch"
    name = words("Chi bộ Phòng Quản lý chất lượng công trình xây dựng")
    assert find_name(name, lines(text)) == WRAPPED


def test_a_reference_to_article_one_is_not_a_second_decision():
    from bot.pipeline.read import _several_documents

    one = "Điều 1. Tặng Giấy khen cho 03 tập thể\nĐiều 2. Văn phòng và các tập thể có tên tại\nĐiều 1 chịu trách nhiệm thi hành"
    assert not _several_documents(one)
    assert _several_documents("Điều 1. Tặng Giấy khen cho A\nĐiều 1: Công nhận Chi bộ B hoàn thành xuất sắc")
