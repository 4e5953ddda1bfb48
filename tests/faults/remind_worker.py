"""A separate process for the concurrent-reminder test: wait for a start instant, remind, flush.

``python -m tests.faults.remind_worker CONFIG NOW START_EPOCH``: builds its own App (its
own engine and connections), sleeps until ``START_EPOCH`` so the two workers collide,
then runs ``remind`` and ``flush_outbox`` at ``NOW`` and prints one summary line.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from bot.app import build_app
from bot.outgoing.reminders import remind
from bot.outgoing.sender import flush_outbox


def main(config: str, now_iso: str, start: float) -> None:
    app = build_app(config)
    now = dt.datetime.fromisoformat(now_iso)
    try:
        with app.db.session() as s:
            s.connection()  # connect before the start line, so both race on the work itself
        time.sleep(max(0.0, start - time.time()))
        queued = remind(app, now)
        report = flush_outbox(app, now + dt.timedelta(minutes=1), limit=500)
        print(f"queued={len(queued)} sent={report.sent}")
    finally:
        app.db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
