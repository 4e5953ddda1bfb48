"""Writing a :class:`~bot.campaign.draft.Draft` as a campaign file an operator reviews.

The first line says the file is a draft.  Every value is preceded by a comment quoting
the plan's sentence it came from (``# « … »``); a value the plan does not give is a
placeholder marked ``# TODO`` and listed at the top, so the file still loads
(``intake-bot check-config`` accepts it) while nothing unreviewed looks certain.
Values the plan never holds (reminder offsets, the lateness basis) say so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap

from bot.campaign.draft_model import Draft, DraftDeliverable
from bot.text import strip_marks

DRAFT_MARK = "# BẢN NHÁP — DRAFT TO REVIEW"
_PLACEHOLDER_DATE = dt.date(2000, 1, 1)


def _s(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _lit(value: str) -> str:
    """A TOML literal string for a regular expression (no escaping inside)."""
    if "'" in value or "\n" in value:
        return _s(value)
    return f"'{value}'"


def _list(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def _quote(source: str, indent: str = "") -> list[str]:
    """``# « sentence »`` wrapped to a readable width."""
    text = re.sub(r"\s+", " ", source).strip()
    lines = textwrap.wrap(f"« {text} »", width=100, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}# {line}" for line in lines]


def _todo(what: str) -> str:
    return f"# TODO: {what}"


def campaign_id(draft: Draft) -> str | None:
    """``120-KH/ĐUK`` issued in 2024 → ``120-KH-DUK-2024``."""
    if draft.reference is None:
        return None
    ref = re.sub(r"[^A-Za-z0-9]+", "-", strip_marks(draft.reference.value)).strip("-").upper()
    year = draft.issued.value[-4:] if draft.issued else None
    return f"{ref}-{year}" if year else ref


def render_draft(draft: Draft, source_name: str) -> str:
    """The draft as campaign-file TOML (see the module docstring)."""
    out: list[str] = [
        f"{DRAFT_MARK}: written by `intake-bot campaign draft` from {source_name}; check every value",
        "# against the plan before use.  « … » quotes the plan's sentence each value was read from;",
        "# TODO marks what the plan does not say (a placeholder stands there so the file loads).",
    ]
    todos = list(draft.todos)
    out += [_todo(t) for t in todos]
    out.append("")
    out += _head(draft)
    out += _deadlines(draft)
    out += [
        "",
        "# Not in the plan: the office's practice (7, 3 and 1 days before, at 08:00; overdue the day after).",
        "[reminders]",
        "offsets_days = [7, 3, 1]",
        "time = 08:00:00",
        "overdue_after_days = 1",
    ]
    fallback = draft.deadlines[0].id if draft.deadlines else "todo"
    for d in draft.deliverables or ():
        out += _deliverable(d, fallback)
    if not draft.deliverables:
        out += _deliverable_placeholder(fallback)
    out += _unit_kinds(draft)
    out += _rules(draft)
    for m in draft.milestones:
        out += [
            "",
            *_quote(m.source),
            "[[milestones]]",
            f"date = {m.date.isoformat()}",
            f"label = {_s(m.label)}",
        ]
    return "\n".join(out) + "\n"


def _head(draft: Draft) -> list[str]:
    out = []
    ident = campaign_id(draft)
    if ident:
        out += ["# Made from the plan's number and year.", f"id = {_s(ident)}"]
    else:
        out += [_todo("the plan's number was not found; name the campaign"), 'id = "TODO-ke-hoach"']
    for key, value in (("reference", draft.reference), ("title", draft.title), ("issuer", draft.issuer)):
        if value is None:
            out += [_todo(f"{key} was not found in the plan"), f"{key} = {_s('TODO')}"]
        else:
            out += [*_quote(value.source), f"{key} = {_s(value.value)}"]
    if draft.intake_address:
        out += [
            *_quote(draft.intake_address.source),
            "# The mailbox units send to (the bot watches mailbox.user of the settings).",
            f"intake_address = {_s(draft.intake_address.value)}",
        ]
    else:
        out.append(_todo('the plan names no mailbox; add intake_address = "…"'))
    out += [
        "# Not in the plan: the office's time zone, and lateness by the mail server's receipt time.",
        'timezone = "Asia/Ho_Chi_Minh"',
        'lateness_basis = "server_received"',
        "# A correction sent after the deadline of a document first received in time is not late.",
        'late_when = "first_copy"',
    ]
    return out


def _deadlines(draft: Draft) -> list[str]:
    out: list[str] = []
    for d in draft.deadlines:
        out += ["", *_quote(d.source), "[[deadlines]]", f"id = {_s(d.id)}"]
        out += [f"date = {d.date.isoformat()}", f"label = {_s(d.label)}"]
    if not draft.deadlines:
        out += ["", _todo("no deadline found: give its date and label"), "[[deadlines]]", 'id = "todo"']
        out += [f"date = {_PLACEHOLDER_DATE.isoformat()}", 'label = "TODO"']
    return out


def _deliverable(d: DraftDeliverable, fallback_deadline: str) -> list[str]:
    out = ["", *_quote(d.source), "[[deliverables]]", f"id = {_s(d.id)}", f"name = {_s(d.name)}"]
    out += [f"short_name = {_s(d.short_name)}", f"scope = {_s(d.scope)}"]
    if d.role:
        out.append(f"role = {_s(d.role)}")
    if d.deadline:
        out.append(f"deadline = {_s(d.deadline)}")
    else:
        out += [_todo("the plan gives this document no deadline"), f"deadline = {_s(fallback_deadline)}"]
    if d.scope == "nominee":
        out.append(f"nominee_kinds = {_list(d.nominee_kinds)}")
    out.append("# Keywords and file-name spellings made from the name; add what units really write.")
    out += [f"keywords = {_list(d.keywords)}", f"filename_keywords = {_list(d.filename_keywords)}"]
    out.append(f"negative_keywords = {_list(d.negative_keywords)}")
    out.append("# require_signature = true   # when a digitally signed PDF is required")
    for v in d.per_kind:
        out += ["", *_quote(v.source), f"[deliverables.per_kind.{v.kind}]", f"name = {_s(v.name)}"]
        out += [f"short_name = {_s(v.short_name)}", f"keywords = {_list(v.keywords)}"]
        out.append(f"filename_keywords = {_list(v.filename_keywords)}")
    return out


def _deliverable_placeholder(deadline: str) -> list[str]:
    return [
        "",
        _todo("no document to submit was found: describe each one"),
        "[[deliverables]]",
        'id = "todo"',
        'name = "TODO"',
        'short_name = "TODO"',
        'scope = "unit"',
        f"deadline = {_s(deadline)}",
        'keywords = ["todo"]',
    ]


def _unit_kinds(draft: Draft) -> list[str]:
    out: list[str] = []
    for k in draft.unit_kinds:
        quota = f"{{ tap_the = {k.tap_the}, ca_nhan = {k.ca_nhan}, total = {k.total} }}"
        out += ["", *_quote(k.source), f"[unit_kinds.{k.id}]", f"name = {_s(k.name)}", f"quota = {quota}"]
    if not draft.unit_kinds:
        out += ["", _todo("no quota found: one table per kind of unit"), "[unit_kinds.todo]", 'name = "TODO"']
        out.append("quota = { tap_the = 0, ca_nhan = 0, total = 0 }")
    return out


def _rules(draft: Draft) -> list[str]:
    out: list[str] = []
    if draft.summary and draft.summary_deliverable:
        out += ["", *_quote(draft.summary.source), "[rules.summary]"]
        out += [f"deliverable = {_s(draft.summary_deliverable)}", f"max_a4_fraction = {draft.summary.value}"]
    if draft.outline and draft.outline_deliverable:
        out += ["", "# The outline (ĐỀ CƯƠNG BÁO CÁO) attached to the plan.", "[rules.outline]"]
        out.append(f"deliverable = {_s(draft.outline_deliverable)}")
        out.append("# Patterns run over folded lines (lower case, no diacritics, punctuation as spaces).")
        for s in draft.outline:
            out += ["", *_quote(s.source), "[[rules.outline.sections]]", f"id = {_s(s.id)}"]
            out += [f"title = {_s(s.title)}", "patterns = [" + ", ".join(_lit(p) for p in s.patterns) + "]"]
        if draft.outline_other:
            out += ["", "# Also in the outline, saying what to write under a section (not checked):"]
            out += [f"#   {s.title[:110]}" for s in draft.outline_other]
    elif draft.outline:
        out += ["", _todo("the outline was found but not the report it is for; add [rules.outline]")]
    return out
