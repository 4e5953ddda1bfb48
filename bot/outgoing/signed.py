"""One line per digitally signed file, for the acknowledgment and the dashboard.

``“tep.pdf”: Đã ký số: Nguyễn Văn An (Đảng ủy Sở Y tế), 09:15 26/02/2024, hợp lệ`` — or,
instead of "hợp lệ", what is wrong (:func:`bot.vocabulary.signature_verdict_vi`).  Several
signatures on one file share its line, separated by ``;``.  Read from the file's stored
facts (``attachments.facts["signatures"]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from bot.store.models import AttachmentRow
from bot.vocabulary import SIGNED_VI, signature_verdict_vi


def _one(sig: dict[str, Any], tz: ZoneInfo) -> str:
    who = sig.get("signer") or "(không rõ người ký)"
    if sig.get("organisation"):
        who += f" ({sig['organisation']})"
    when = sig.get("signed_at")
    moment = (
        dt.datetime.fromisoformat(when).astimezone(tz).strftime("%H:%M %d/%m/%Y")
        if when
        else "không rõ thời điểm"
    )
    return f"{who}, {moment}, {signature_verdict_vi(sig.get('problem'), sig.get('trusted'))}"


def signature_line(filename: str, signatures: Sequence[dict[str, Any]], tz: ZoneInfo) -> str:
    return f"“{filename}”: {SIGNED_VI}: " + "; ".join(_one(s, tz) for s in signatures)


def signature_lines(attachments: Iterable[AttachmentRow], tz: ZoneInfo) -> list[str]:
    """One line per attachment that carries signatures, in the mail's order."""
    return [
        signature_line(a.filename, (a.facts or {})["signatures"], tz)
        for a in attachments
        if (a.facts or {}).get("signatures")
    ]
