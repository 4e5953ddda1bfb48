"""What a reply without files asks for, pure: "xin gửi hồ sơ sau", "sẽ gửi bổ sung".

A unit that cannot send its dossier yet often writes so, with no attachment.  Such a mail
is a request for staff to decide (grant more time or keep the deadline), not a submission
that forgot its files: :func:`asks_for_time` tells the two apart from the sender's own
lines (quoted replies, which mostly quote the bot itself, are left out) and the subject.
"""

from __future__ import annotations

import re

from bot.matching.zones import body_parts, strip_subject_prefixes
from bot.text import fold

# Folded phrases (lower case, no diacritics) a unit uses to ask for time or to announce a
# later dispatch.  Whole words only: "gui sau" must not match inside "gui sau khi".
_ASKS = (
    r"xin (?:phep )?(?:\w+ ){0,5}(?:gui|nop|bo sung) (?:\w+ ){0,4}(?:sau|cham|muon)(?! khi)",
    r"(?:se|xin|xin phep) (?:gui|nop) (?:\w+ ){0,5}(?:sau|bo sung|muon|cham)",
    r"(?:gui|nop) (?:\w+ ){0,3}(?:sau|bo sung sau)(?: a)?$",
    r"se (?:gui |nop )?bo sung",
    r"bo sung sau",
    r"xin (?:duoc )?(?:gia han|lui (?:thoi )?han|hoan|them thoi gian|nop cham|gui cham|nop muon|gui muon)",
    r"de nghi (?:ban )?(?:cho )?(?:gia han|lui (?:thoi )?han)",
    r"chua (?:kip|the) (?:gui|nop|hoan thien|hoan thanh)",
    r"(?:dang|chua) hoan (?:thien|chinh|thanh) (?:\w+ ){0,4}(?:se|roi) (?:gui|nop)",
)
_ASK = re.compile(r"(?:^| )(?:" + "|".join(_ASKS) + r")(?: |$)")
# A refusal to wait is not a request for time: "không xin gia hạn".
_NOT = re.compile(r"(?:^| )khong (?:xin|de nghi) (?:gia han|lui)")


def asks_for_time(subject: str, body: str) -> bool:
    """Whether the sender's own words (subject, body without quotes) ask to send later."""
    own, signature, _forwarded = body_parts(body or "")
    lines = [strip_subject_prefixes(subject or ""), *own, *signature]
    for line in lines:
        folded = " ".join(fold(line).split())
        if folded and _ASK.search(folded) and not _NOT.search(folded):
            return True
    return False
