"""Scale of the plan side: ``status --json``, ``remind --dry-run`` and the digest at 500 and 5,000 units.

A SQLite database is seeded directly (bulk inserts) with N units, each with an address
and 3 nominees (1 collective, 2 individuals) and one submitted file, so every unit has 6
deliverables to track, most of them missing.  Each operation runs in-process, the way the
CLI runs it, timed, with every SQL statement counted by a SQLAlchemy
``before_cursor_execute`` listener.  Targets: each under 2 s at 5,000 units, and a
statement count that does not grow with the number of units.

    .venv/bin/python bench/plan_scale.py [--units 5000] [--small 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from _harness import REPO, machine

from tests.conftest import write_config

NOW = dt.datetime(2024, 2, 27, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
TARGET_S = 2.0


def seed(app, n: int) -> None:
    from sqlalchemy import insert, select

    from bot.store.models import AttachmentRow, Message, Nomination, Submission, Unit, UnitAddress

    when = NOW.astimezone(dt.UTC)
    with app.db.session() as s:
        s.execute(
            insert(Unit),
            [
                {
                    "code": f"U{i:05d}",
                    "name": f"Đảng bộ đơn vị số {i}",
                    "kind": "dang_bo_co_so",
                    "secretary": f"Bí thư {i}",
                }
                for i in range(n)
            ],
        )
        ids = dict(s.execute(select(Unit.code, Unit.id)).all())
        s.execute(
            insert(UnitAddress),
            [{"unit_id": uid, "email": f"{code.lower()}@units.example"} for code, uid in ids.items()],
        )
        noms = []
        for uid in ids.values():
            noms.append(
                {
                    "campaign": app.campaign.id,
                    "unit_id": uid,
                    "kind": "tap_the",
                    "name": "Chi bộ Văn phòng",
                    "name_key": "chi bo van phong",
                    "created_at": when,
                }
            )
            for j in range(2):
                noms.append(
                    {
                        "campaign": app.campaign.id,
                        "unit_id": uid,
                        "kind": "ca_nhan",
                        "name": f"Nguyễn Văn {j}",
                        "name_key": f"nguyen van {j}",
                        "created_at": when,
                    }
                )
        s.execute(insert(Nomination), noms)
        # One processed mail with one counted file per unit (the cover proposal).
        msgs = [
            {"mailbox": "bench/INBOX", "uidvalidity": 1, "uid": k + 1, "content_sha256": f"{k:064x}", "size": 1000, "received_at": when,
             "subject": "Tờ trình", "state": "processed", "category": "submission", "unit_id": uid, "created_at": when}
            for k, uid in enumerate(ids.values())
        ]  # fmt: skip
        s.execute(insert(Message), msgs)
        mids = dict(s.execute(select(Message.unit_id, Message.id)).all())
        s.execute(
            insert(AttachmentRow),
            [
                {
                    "message_id": mid,
                    "filename": "To trinh.docx",
                    "sha256": f"{mid:064x}",
                    "size": 1000,
                    "declared_type": "application/msword",
                    "sniffed_type": "application/msword",
                }
                for mid in mids.values()
            ],
        )
        aids = dict(s.execute(select(AttachmentRow.message_id, AttachmentRow.id)).all())
        s.execute(
            insert(Submission),
            [
                {"campaign": app.campaign.id, "unit_id": uid, "message_id": mid, "attachment_id": aids[mid],
                 "deliverable": "to_trinh", "status": "received", "received_at": when, "created_at": when, "late": False}
                for uid, mid in mids.items()
            ],
        )  # fmt: skip


def measure(n: int) -> dict[str, tuple[float, int]]:
    from sqlalchemy import event

    from bot.app import build_app
    from bot.outgoing.digest import queue_digest
    from bot.outgoing.reminders import remind
    from bot.pipeline.health import check_health
    from bot.reporting.snapshot import load_snapshot
    from bot.reporting.status import status_json

    with tempfile.TemporaryDirectory(prefix="intake-plan-") as tmp:
        cfg = write_config(Path(tmp), 1, "bench@test.example", 1)
        app = build_app(str(cfg))
        app.db.migrate()
        seed(app, n)
        app.db.dispose()
        count = [0]
        event.listen(app.db.engine, "before_cursor_execute", lambda *a: count.__setitem__(0, count[0] + 1))

        def status():
            with app.db.session() as s:
                return json.dumps(
                    status_json(app.campaign, load_snapshot(s, app.campaign), NOW), ensure_ascii=False
                )

        ops = {
            "status --json": status,
            "remind --dry-run": lambda: remind(app, NOW, dry_run=True),
            "digest --dry-run": lambda: queue_digest(
                app, NOW, check_health(app, NOW).as_dict(), dry_run=True
            ),
        }
        out = {}
        for name, fn in ops.items():
            fn()  # warm: imports, template compilation
            count[0] = 0
            t = time.perf_counter()
            fn()
            out[name] = (time.perf_counter() - t, count[0])
        app.db.dispose()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=5000)
    ap.add_argument("--small", type=int, default=500)
    args = ap.parse_args()
    small, big = measure(args.small), measure(args.units)
    print(f"machine: {machine()}")
    print(f"{'operation':18} {f'{args.small} units':>16} {f'{args.units} units':>16} {'statements':>14}")
    ok = True
    for name in small:
        (ts, cs), (tb, cb) = small[name], big[name]
        met = tb < TARGET_S and cb == cs
        ok &= met
        print(f"{name:18} {ts:13.2f} s {tb:13.2f} s {cs:6d} → {cb:<6d}{'' if met else '  ✗ MISSED'}")
    print(
        f"SUMMARY plan side at {args.units} units × 6 deliverables × 3 nominees: "
        + ", ".join(f"{k} {v[0]:.2f} s / {v[1]} SQL" for k, v in big.items())
        + f" (target < {TARGET_S:.0f} s each, statements constant) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
