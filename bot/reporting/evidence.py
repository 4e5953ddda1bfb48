"""The matchers' evidence in Vietnamese, for the staff who decide (pure).

The matchers write their reasons in English (``bot.matching``: they are also the logs'
and the developers' reading, and the independent bench scores them).  Staff deciding a
review item read them here, turned into Vietnamese sentences: ids become the plan's and
the units' names, scores are left out.  A reason this module does not know is returned
apart, so the dashboard can show it under "chi tiết kỹ thuật" rather than as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from bot.campaign.model import Campaign
from bot.vocabulary import nominee_kind_vi

PLACES_VI = {
    "subject": "Tiêu đề thư",
    "sender name": "Tên người gửi",
    "body": "Nội dung thư",
    "signature": "Chữ ký cuối thư",
    "forwarded sender": "Người gửi thư được chuyển tiếp",
    "document header": "Phần đầu văn bản",
    "document text": "Nội dung văn bản",
}
SOURCES_VI = {"text": "Văn bản", "filename": "Tên tệp", "subject": "Tiêu đề thư"}
HOW_VI = {
    "same name": "trùng tên",
    "same name but for its number": "trùng tên, chỉ khác số thứ tự",
    "every word of the name is in it": "có đủ các chữ của tên",
    "the party cell of it": "là chi bộ của tập thể này",
    "spelt nearly the same": "viết gần giống",
}


@dataclass(frozen=True)
class Explained:
    sentences: list[str]  # in Vietnamese, in the order given, each once
    technical: list[str]  # the reasons not translated, as written


def _rules(
    campaign: Campaign, unit: Callable[[str], str]
) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    def d(i: str) -> str:
        return campaign.label(i.strip())

    def kind(k: str) -> str:
        return nominee_kind_vi(k.strip()) or k

    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (r"sender (\S+) is registered to (\S+)", lambda m: f"Địa chỉ {m[1]} đã đăng ký cho {unit(m[2])}."),
        (r"note: content rather names (\S+) \((.*)\)", lambda m: f"Lưu ý: nội dung lại nêu {unit(m[1])}."),
        (
            r"reply to the bot's mail (\S+) sent to (\S+)",
            lambda m: f"Trả lời thư hệ thống đã gửi {unit(m[2])}.",
        ),
        (r"but content names (\S+): (.*)", lambda m: f"Nhưng nội dung lại nêu {unit(m[1])}."),
        (
            r"(.+) is not registered and no unit is named",
            lambda m: f"Địa chỉ {m[1]} chưa đăng ký và thư không nêu tên đơn vị nào.",
        ),
        (r"sender (\S+) is not registered", lambda m: f"Địa chỉ {m[1]} chưa đăng ký cho đơn vị nào."),
        (
            r"(subject|sender name|body|signature|forwarded sender|document header|document text) "
            r"contains '(.*)' → (\S+)",
            lambda m: f"{PLACES_VI[m[1]]} có “{m[2]}”, là tên của {unit(m[3])}.",
        ),
        (
            r"(\S+) \([\d.]+\) and (\S+) \([\d.]+\) score too close to choose",
            lambda m: f"Khó phân biệt giữa {unit(m[1])} và {unit(m[2])}.",
        ),
        (
            r"title line \d+ '(.*)' has '(.*)'(?:, but '(.*)' on line \d+)? \(\+[\d.]+\) → (\S+)",
            lambda m: (
                f"Tiêu đề văn bản “{m[1]}” cho thấy đây là {d(m[4])}"
                + (f", nhưng có chữ “{m[3]}”." if m[3] else ".")
            ),
        ),
        (r"text has '(.*)' \(\+[\d.]+\) → (\S+)", lambda m: f"Nội dung văn bản có “{m[1]}”: {d(m[2])}."),
        (r"filename has '(.*)' \(\+[\d.]+\) → (\S+)", lambda m: f"Tên tệp có “{m[1]}”: {d(m[2])}."),
        (r"subject has '(.*)' \(\+[\d.]+\) → (\S+)", lambda m: f"Tiêu đề thư có “{m[1]}”: {d(m[2])}."),
        (r"score [\d.]+ is below [\d.]+", lambda m: "Căn cứ để xác định loại hồ sơ còn yếu."),
        (
            r"(\S+) \([\d.]+\) and (\S+) \([\d.]+\) are too close",
            lambda m: f"Khó phân biệt giữa {d(m[1])} và {d(m[2])}.",
        ),
        (
            r"the words are those of a (\S+) (\S+)",
            lambda m: f"Lời văn là của {campaign.label(m[2], kind=m[1])} ({kind(m[1])}).",
        ),
        (
            r"no title, filename or subject keyword of any deliverable",
            lambda m: "Tiêu đề, tên tệp và tiêu đề thư đều không cho biết loại hồ sơ.",
        ),
        (r"text of (.+) could not be read \(.*\)", lambda m: f"Không đọc được nội dung tệp “{m[1]}”."),
        (r"assigned by (\S+)", lambda m: f"Cán bộ {m[1].removeprefix('web:')} đã ghi nhận."),
        (r"moved by (\S+)", lambda m: f"Cán bộ {m[1].removeprefix('web:')} đã chuyển tệp về đây."),
        (
            r"(text|filename|subject) names '(.*)': (.+)",
            lambda m: f"{SOURCES_VI[m[1]]} nêu “{m[2]}” ({HOW_VI.get(m[3].strip(), m[3])}).",
        ),
        (
            r"(text|filename|subject) names '(.*)', not this nominee",
            lambda m: f"{SOURCES_VI[m[1]]} nêu “{m[2]}”, không phải người này.",
        ),
        (
            r"(text|filename|subject) names '(.*)', not yet a nominee of the unit: a new (\S+)",
            lambda m: (
                f"{SOURCES_VI[m[1]]} nêu “{m[2]}”, chưa có trong danh sách của đơn vị: {kind(m[3])} mới."
            ),
        ),
        (r"text names '(.*)': (.+)", lambda m: f"Văn bản nêu “{m[1]}” ({HOW_VI.get(m[2].strip(), m[2])})."),
        (r"the file speaks of a (\S+)", lambda m: f"Tệp nói về một {kind(m[1])}."),
        (r"the mail names it", lambda m: "Thư có nêu tên."),
        (r"the unit's only (\S+)", lambda m: f"Là {kind(m[1])} duy nhất của đơn vị."),
        (
            r"the unit's only nominee this document applies to",
            lambda m: "Là người được đề nghị duy nhất của đơn vị cần loại hồ sơ này.",
        ),
        (r"→ (.+) \([\d.]+ vs [\d.]+\)", lambda m: f"Kết luận: hồ sơ của {m[1]}."),
        (
            r"nominee uncertain; could be: (.*)",
            lambda m: (
                "Chưa chắc là hồ sơ của ai; có thể là: "
                + (
                    re.sub(r" \([\d.]+\)", "", m[1])
                    if m[1] != "none on file"
                    else "chưa có ai trong danh sách"
                )
                + "."
            ),
        ),
        (r"(\S+) is for (\S+)", lambda m: f"{d(m[1])} chỉ dành cho {kind(m[2])}."),
        (r"(\S+) does not fit (\S+)", lambda m: f"{kind(m[1])} không phù hợp với {d(m[2])}."),
        (r"filename rather names '(.*)'", lambda m: f"Tên tệp lại nêu “{m[1]}”."),
        (r"subject: (.*)", lambda m: "Theo tiêu đề thư: " + _one(m[1], campaign, unit)),
    ]
    return [(re.compile(f"^{p}$"), f) for p, f in rules]


def _one(line: str, campaign: Campaign, unit: Callable[[str], str]) -> str:
    for pattern, say in _rules(campaign, unit):
        m = pattern.match(line.strip())
        if m:
            return say(m)
    return line


def explain(lines: Iterable[str], campaign: Campaign, units: Mapping[str, str] | None = None) -> Explained:
    """``lines`` (the matchers' evidence) as Vietnamese sentences; ``units`` maps unit codes
    to names."""
    names = dict(units or {})

    def unit(code: str) -> str:
        return names.get(code.strip(), code.strip())

    rules = _rules(campaign, unit)
    sentences: list[str] = []
    technical: list[str] = []
    for raw in lines:
        line = str(raw).strip()
        if not line or line == "seeded":
            continue
        for pattern, say in rules:
            m = pattern.match(line)
            if m:
                sentences.append(say(m))
                break
        else:
            technical.append(line)
    return Explained(list(dict.fromkeys(sentences)), technical)
