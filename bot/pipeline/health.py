"""Is intake alive?  A fetch that silently stopped is the worst failure of an intake bot.

``check_health`` is ok when the last successful poll is newer than three poll intervals
and the latest pass did not stop on an error.  The digest shows the same verdict (and the
error) to the staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.app import App
from bot.intake.mailbox import Mailbox
from bot.store import repo


@dataclass(frozen=True)
class Health:
    ok: bool
    message: str
    last_success_at: dt.datetime | None
    last_error: str | None

    def as_dict(self) -> dict[str, Any]:
        """The verdict as the staff digest shows it."""
        return {"ok": self.ok, "last_success_at": self.last_success_at, "last_error": self.last_error}


def evaluate(
    last_success: dt.datetime | None,
    last_error: str | None,
    interval_minutes: float,
    now: dt.datetime,
    last_poll: dt.datetime | None = None,
) -> Health:
    """Pure verdict from the stored poll times.

    Besides age, a pass that reached the mailbox and then stopped on an error (the
    storage is full, say) makes the verdict false at once: that mail waits on the server
    until someone acts, however recent the last good pass was.
    """
    limit = dt.timedelta(minutes=3 * interval_minutes)
    if last_success is None:
        return Health(False, "no successful poll yet", None, last_error)
    if last_error and last_poll is not None and last_poll > last_success:
        return Health(False, f"the last poll stopped: {last_error}", last_success, last_error)
    age = now - last_success
    if age > limit:
        minutes = int(age.total_seconds() // 60)
        msg = f"last successful poll {minutes} min ago (limit {int(limit.total_seconds() // 60)} min)"
        if last_error:
            msg += f"; last error: {last_error}"
        return Health(False, msg, last_success, last_error)
    return Health(True, f"ok: last successful poll at {last_success.isoformat()}", last_success, last_error)


def check_health(app: App, now: dt.datetime) -> Health:
    name = Mailbox(app.settings.mailbox, None).name
    with app.db.session() as s:
        st = repo.mailbox_state(s, name)
        last, err, polled = (st.last_success_at, st.last_error, st.last_poll_at) if st else (None, None, None)
    return evaluate(last, err, app.settings.mailbox.poll_interval_minutes, now, polled)
