"""``status`` output: the JSON contract external tools read, and the table staff read.

The JSON shape is a published contract (README, "status --json"); change it only by
adding keys.
"""

from __future__ import annotations

import datetime as dt

from rich.table import Table

from bot.campaign.model import Campaign
from bot.reporting.snapshot import Snapshot


def _iso(value: dt.datetime | None, tz) -> str | None:
    return None if value is None else value.astimezone(tz).isoformat()


def status_json(campaign: Campaign, snap: Snapshot, now: dt.datetime) -> dict:
    tz = campaign.tz
    units = []
    for st in snap.units:
        deliverables = [
            {
                "type": d.type,
                "deadline": _iso(d.due, tz),
                "status": d.status,
                "late": d.late,
                "received_at": _iso(d.received_at, tz),
                "files": [{"filename": f.filename, "sha256": f.sha256} for f in d.files],
                "problems": [p.as_dict() for p in d.problems],
            }
            for d in st.deliverables
        ]
        nominations = [
            {
                "kind": n.nomination.kind,
                "nominee": n.nomination.name,
                "documents": n.documents,
                "missing": n.missing,
            }
            for n in st.nominations
        ]
        units.append(
            {
                "code": st.unit.code,
                "name": st.unit.name,
                "kind": st.unit.kind,
                "deliverables": deliverables,
                "nominations": nominations,
                "problems": [p.as_dict() for p in st.problems],
            }
        )
    review = [
        {
            "message_id": m.message_id_header,
            "from": m.sender,
            "subject": m.subject,
            "reason": m.review_reason,
            "suggested_unit": m.suggested_unit.code if m.suggested_unit else None,
        }
        for m in snap.review
    ]
    return {
        "campaign": campaign.id,
        "as_of": now.astimezone(tz).isoformat(),
        "units": units,
        "review_queue": review,
        "counts": snap.counts,
    }


_MARK = {"received": "[green]✔[/]", "missing": "[red]✘[/]", "needs_review": "[yellow]?[/]"}


def status_table(campaign: Campaign, snap: Snapshot) -> Table:
    """Units × deliverables; ✔ received, ✘ missing, ? waiting for review, ! late."""
    table = Table(title=f"{campaign.reference} — tình hình nộp hồ sơ", show_lines=False)
    table.add_column("Đơn vị", no_wrap=True)
    for d in campaign.deliverables:
        table.add_column(d.short_name, justify="center")
    table.add_column("Đề cử")
    table.add_column("Vấn đề")
    for st in snap.units:
        cells = []
        for d in st.deliverables:
            mark = _MARK[d.status]
            if d.late:
                mark += "[magenta]![/]"
            cells.append(mark)
        noms = ", ".join(n.nomination.name for n in st.nominations) or "—"
        probs = {p.code for d in st.deliverables for p in d.problems} | {p.code for p in st.problems}
        table.add_row(st.unit.code, *cells, noms, ", ".join(sorted(probs)) or "")
    c = snap.counts
    table.caption = (
        f"Thư đã nhận: {c['messages_seen']} · đã xử lý: {c['messages_processed']} · "
        f"cách ly: {c['messages_quarantined']} · chờ xem xét: {len(snap.review)}"
    )
    return table
