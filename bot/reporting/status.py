"""``status`` output: the JSON contract external tools read, and the table staff read.

The JSON shape is a published contract (README, "status --json"); change it only by
adding keys.
"""

from __future__ import annotations

import datetime as dt

from rich.table import Table

from bot.campaign.model import Campaign
from bot.campaign.tracking import SubmissionView
from bot.reporting.snapshot import Snapshot, gc_paused

# The published keys of a file's signature (README, "status --json"); stored facts carry more.
SIGNATURE_KEYS = ("signer", "organisation", "signed_at", "intact", "trusted", "checks")


def _signatures(f: SubmissionView) -> dict:
    """``{"signatures": [...]}`` when the file carries digital signatures, else nothing."""
    if not f.signatures:
        return {}
    return {"signatures": [{k: s.get(k) for k in SIGNATURE_KEYS} for s in f.signatures]}


def status_json(campaign: Campaign, snap: Snapshot, now: dt.datetime) -> dict:
    with gc_paused():
        return _status_json(campaign, snap, now)


def _status_json(campaign: Campaign, snap: Snapshot, now: dt.datetime) -> dict:
    tz = campaign.tz
    # Every unit shares the same few deadline instants; formatting one in a ZoneInfo zone
    # costs microseconds, which thousands of units × deliverables turn into a second.
    seen: dict[dt.datetime, str] = {}

    def _iso(value: dt.datetime | None, tz) -> str | None:
        if value is None:
            return None
        text = seen.get(value)
        if text is None:
            text = seen[value] = value.astimezone(tz).isoformat()
        return text

    units = []
    for st in snap.units:
        names = {n.nomination.id: n.nomination.name for n in st.nominations}
        deliverables = [
            {
                "type": d.type,
                "deadline": _iso(d.due, tz),
                "status": d.status,
                "late": d.late,
                "received_at": _iso(d.received_at, tz),
                "files": [
                    {
                        "filename": f.filename,
                        "sha256": f.sha256,
                        "status": f.status,
                        "received_at": _iso(f.received_at, tz),
                        # When the document first arrived usable (an earlier copy this one
                        # replaced): what lateness is judged by (campaign ``late_when``).
                        "delivered_at": _iso(f.delivered_at, tz),
                        "nominee": names.get(f.nomination_id) if f.nomination_id is not None else None,
                        "candidates": [names[i] for i in f.candidates if i in names],
                        **_signatures(f),
                    }
                    for f in d.files
                ],
                "problems": [p.as_dict() for p in d.problems],
                "missing_nominees": d.missing_nominees,
                "pending_nominees": d.pending_nominees,
            }
            for d in st.deliverables
        ]
        nominations = [
            {
                "kind": n.nomination.kind,
                "nominee": n.nomination.name,
                "documents": n.documents,
                "missing": n.missing,
                "pending": n.pending,
                "awaiting_sender": n.nomination.awaiting_sender,
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
            "suggested_unit": m.suggested_unit_code,
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


def _cell(campaign: Campaign, st, d) -> str:
    """✔ / ✘ / ?, or have/need for a per-nominee deliverable partly received; ! when late."""
    mark = _MARK[d.status]
    spec = campaign.deliverable(d.type)
    if spec.scope == "nominee" and d.status == "missing":
        need = sum(1 for n in st.nominations if n.nomination.kind in spec.required_kinds)
        have = need - len(d.missing_nominees)
        if need and have:
            mark = f"[yellow]{have}/{need}[/]"
    return mark + ("[magenta]![/]" if d.late else "")


def status_table(campaign: Campaign, snap: Snapshot) -> Table:
    """Units × deliverables: ✔ received, ✘ missing, ? waiting for review, 1/2 nominees
    covered, ! late; the nominee column counts collectives (TT) and individuals (CN)."""
    table = Table(title=f"{campaign.reference} — tình hình nộp hồ sơ", show_lines=False)
    table.add_column("Đơn vị", no_wrap=True)
    for d in campaign.deliverables:
        table.add_column(d.short_name, justify="center")
    table.add_column("Đề cử", no_wrap=True)
    table.add_column("Vấn đề")
    for st in snap.units:
        cells = [_cell(campaign, st, d) for d in st.deliverables]
        kinds = [n.nomination.kind for n in st.nominations]
        noms = f"{kinds.count('tap_the')} TT, {kinds.count('ca_nhan')} CN" if kinds else "—"
        probs = {p.code for d in st.deliverables for p in d.problems} | {p.code for p in st.problems}
        table.add_row(st.unit.code, *cells, noms, ", ".join(sorted(probs)))
    c = snap.counts
    table.caption = (
        "✔ đã nhận · ✘ còn thiếu · ? chờ cán bộ xem xét · 1/2 số người được đề nghị đã có hồ sơ · ! nộp muộn\n"
        f"Thư đã nhận: {c['messages_seen']} · đã xử lý: {c['messages_processed']} · "
        f"cách ly: {c['messages_quarantined']} · chờ xem xét: {len(snap.review)}"
    )
    return table
