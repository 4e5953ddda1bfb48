"""One intake pass: new UIDs → parse → store files → analyse → record → move on the server.

The order is what makes intake exactly-once:

1. files are written and fsynced (content-addressed, so rewriting is harmless);
2. one DB transaction records the message, keyed by ``(mailbox, uidvalidity, uid)``;
3. only then is the server copy moved to the processed (or quarantine) folder;
4. the folder's high-water UID is advanced.

A crash between any two steps leaves the message in the inbox; the next pass finds its
UID already recorded and only moves it.  A copy that comes back under a new UID (or a
new UIDVALIDITY) is recognised by Message-ID plus content fingerprint.

A message that cannot be understood is quarantined with its reason; a storage or
database failure stops the pass and leaves the message on the server for later.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.app import App
from bot.errors import MailboxError, MessageRejected, StorageError
from bot.intake.fingerprint import content_fingerprint
from bot.intake.mailbox import FetchedMail, Mailbox, MailHeader
from bot.mail import InboundMessage
from bot.pipeline.prefetch import MIN_MAILS_FOR_POOL, Prefetcher, Prepared
from bot.store import repo
from bot.store.models import MailboxState, Message

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    fetched: int = 0
    recorded: int = 0
    duplicates: int = 0
    ignored: int = 0
    quarantined: int = 0
    review: int = 0
    outcomes: list[str] = field(default_factory=list)
    stopped_by: str | None = None

    def summary(self) -> str:
        s = (
            f"poll: {self.fetched} fetched, {self.recorded} recorded, {self.review} for review, "
            f"{self.ignored} ignored, {self.duplicates} duplicates, {self.quarantined} quarantined"
        )
        return s + (f"; stopped: {self.stopped_by}" if self.stopped_by else "")


@dataclass(frozen=True)
class Outcome:
    state: str  # processed | quarantined | ignored | duplicate
    folder_kind: str  # processed | quarantine
    message_db_id: int | None
    detail: str
    review: bool = False
    already_recorded: bool = False
    message_id: str | None = None  # the mail's Message-ID, to find a copy already moved


def _parse(app: App, raw: bytes) -> InboundMessage:
    from bot.intake.mime import parse_message

    return parse_message(raw, app.parse_limits, own_addresses=app.own_addresses)


def _bot_message_ids(session, msg: InboundMessage) -> dict[str, str]:
    """The bot's own outgoing Message-IDs this mail refers to, mapped to their unit code.

    Only the mail's ``In-Reply-To``/``References`` are looked up (one indexed query),
    never the whole outbox: that grows with every acknowledgment ever sent.
    """
    from bot.store.models import OutboxMail, Unit

    refs = {r.strip().strip("<>").strip() for r in [msg.in_reply_to or "", *(msg.references or [])]}
    refs.discard("")
    if not refs:
        return {}
    forms = [f for r in refs for f in (r, f"<{r}>")]
    rows = session.execute(
        select(OutboxMail.message_id_header, Unit.code)
        .join(Unit, OutboxMail.unit_id == Unit.id)
        .where(OutboxMail.message_id_header.in_(forms))
    ).all()
    return {mid: code for mid, code in rows if code}


def process_mail(
    app: App,
    mailbox: str,
    uidvalidity: int,
    mail: FetchedMail,
    now: dt.datetime,
    units: list | None = None,
    prepared: Prepared | None = None,
) -> Outcome:
    """Record one fetched mail exactly once.  Raises StorageError / SQLAlchemyError to stop.

    ``units`` (``repo.unit_infos``) may be loaded once per pass by the caller; by
    default they are read for this mail.  ``prepared`` is the parse and file analysis
    a worker already did (``bot.pipeline.prefetch``); by default they are done here.
    """
    from bot.pipeline import understand as A
    from bot.pipeline.record import message_row, record_analysis

    with app.db.session() as s:
        existing = s.execute(
            select(Message.id, Message.state, Message.message_id_header).where(
                Message.mailbox == mailbox, Message.uidvalidity == uidvalidity, Message.uid == mail.uid
            )
        ).first()
    if existing is not None:
        row_id, state, message_id = existing
        kind = "quarantine" if state == "quarantined" else "processed"
        return Outcome(state, kind, row_id, "already recorded", already_recorded=True, message_id=message_id)

    fingerprint = content_fingerprint(mail.raw)
    _, raw_path = app.files.put(mail.raw, kind="raw")
    if prepared is None:
        try:
            msg, files = _parse(app, mail.raw), None
        except MessageRejected as e:
            return _record_simple(
                app, mailbox, uidvalidity, mail, now, fingerprint, raw_path, None, "quarantined", e.reason
            )
    elif prepared.msg is None:
        reason = prepared.rejected or prepared.crashed or "internal_error: no result from the document worker"
        return _record_simple(
            app, mailbox, uidvalidity, mail, now, fingerprint, raw_path, None, "quarantined", reason
        )
    else:
        msg, files = prepared.msg, prepared.files

    with app.db.session() as s:
        dup = _find_duplicate(s, msg.message_id, fingerprint)
        if units is None:
            units = repo.unit_infos(repo.load_units(s))
        bot_ids = _bot_message_ids(s, msg)
    if dup is not None:
        return _record_simple(
            app,
            mailbox,
            uidvalidity,
            mail,
            now,
            fingerprint,
            raw_path,
            msg,
            "duplicate",
            f"duplicate_of:{dup}",
        )

    try:
        analysis = A.analyze(msg, app.campaign, units, bot_ids, files=files)
    except MessageRejected as e:
        return _record_simple(
            app, mailbox, uidvalidity, mail, now, fingerprint, raw_path, msg, "quarantined", e.reason
        )
    except Exception as e:  # noqa: BLE001 - a bug on one mail must not stop intake; keep it for staff
        log.exception("analysis failed for uid %s", mail.uid)
        reason = f"internal_error: {type(e).__name__}: {e}"
        return _record_simple(
            app, mailbox, uidvalidity, mail, now, fingerprint, raw_path, msg, "quarantined", reason
        )

    if analysis.category in (A.OWN_MAIL, A.AUTO_REPLY, A.BOUNCE):
        reason = analysis.category
        if msg.bounced_recipients:
            reason += ":" + ",".join(msg.bounced_recipients)
        return _record_simple(
            app, mailbox, uidvalidity, mail, now, fingerprint, raw_path, msg, "ignored", reason
        )

    stored = []
    for fa in analysis.files:
        if fa.attachment.data and not fa.attachment.problem:
            stored.append(app.files.put(fa.attachment.data))
        else:
            stored.append((None, None))

    try:
        with app.db.session() as s:
            row = message_row(
                mailbox, uidvalidity, mail.uid, mail.internaldate, fingerprint, now, msg, raw_path, mail.size
            )
            recorded = record_analysis(s, app.campaign, row, msg, analysis, stored, now)
            _after_record(app, s, row, msg, analysis, now, recorded)
            msg_id, review = row.id, row.needs_review
    except IntegrityError:
        # Another instance recorded the same UID in the meantime: it is theirs.
        return Outcome("processed", "processed", None, "recorded by another instance", already_recorded=True)
    detail = f"unit={analysis.unit_code or '-'} ({analysis.unit_rule or 'none'}), files={len(analysis.files)}"
    return Outcome("processed", "processed", msg_id, detail, review=review)


def _after_record(
    app: App, session, row: Message, msg: InboundMessage, analysis, now: dt.datetime, recorded=None
) -> None:
    """Hook for work that must commit with the message (the acknowledgment in the outbox)."""
    try:
        from bot.outgoing.acks import queue_ack
    except ImportError:
        return
    queue_ack(app, session, row, msg, analysis, now, recorded)


def _find_duplicate(session, message_id: str | None, fingerprint: str) -> int | None:
    q = select(Message.id).where(Message.content_sha256 == fingerprint, Message.state != "duplicate")
    if message_id:
        q = q.where(Message.message_id_header == message_id)
    return session.scalars(q.limit(1)).first()


def _record_simple(
    app: App,
    mailbox: str,
    uidvalidity: int,
    mail: FetchedMail | MailHeader,
    now: dt.datetime,
    fingerprint: str,
    raw_path: str | None,
    msg: InboundMessage | None,
    state: str,
    reason: str,
) -> Outcome:
    from bot.pipeline.record import message_row

    size = getattr(mail, "size", 0)
    try:
        with app.db.session() as s:
            row = message_row(
                mailbox, uidvalidity, mail.uid, mail.internaldate, fingerprint, now, msg, raw_path, size
            )
            row.state = state
            row.reason = reason
            row.category = reason.split(":", 1)[0] if state == "ignored" else "submission"
            if state == "quarantined":
                row.needs_review = True
                row.review_reason = f"quarantined: {reason}"
            s.add(row)
            s.flush()
            repo.audit(s, now, "bot", f"message_{state}", "message", row.id, reason=reason)
            row_id = row.id
    except IntegrityError:
        return Outcome(state, "processed", None, "recorded by another instance", already_recorded=True)
    folder = "quarantine" if state == "quarantined" else "processed"
    return Outcome(state, folder, row_id, reason)


def _state(session, mailbox: str, uidvalidity: int, now: dt.datetime) -> MailboxState:
    st = repo.mailbox_state(session, mailbox)
    if st is None:
        st = MailboxState(mailbox=mailbox, uidvalidity=uidvalidity, last_uid=0)
        session.add(st)
    elif st.uidvalidity != uidvalidity:
        # The server renumbered the folder: rescan everything; dedupe keeps it exactly-once.
        log.warning("UIDVALIDITY of %s changed %s -> %s: rescanning", mailbox, st.uidvalidity, uidvalidity)
        st.uidvalidity, st.last_uid = uidvalidity, 0
    st.last_poll_at = now
    return st


def poll_connected(
    app: App,
    mb: Mailbox,
    now: dt.datetime,
    progress: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
) -> PollReport:
    """One pass on an open mailbox."""
    cfg = app.settings.mailbox
    report = PollReport()
    for folder in (cfg.processed_folder, cfg.quarantine_folder):
        mb.ensure_folder(folder)
    uidvalidity = mb.select()
    with app.db.session() as s:
        last_uid = _state(s, mb.name, uidvalidity, now).last_uid
    headers = mb.headers(mb.uids_after(last_uid))
    limit = app.parse_limits.max_message_bytes
    big = [h for h in headers if h.size > limit]
    small = [h for h in headers if h.size <= limit]

    units = None
    bar = _progress(len(headers)) if progress and len(headers) > 20 else None
    workers = cfg.worker_count() if len(small) >= MIN_MAILS_FOR_POOL else 0
    ahead = Prefetcher(workers, app.parse_limits, app.own_addresses, app.campaign)
    prepared_mails = ahead.run(mb.fetch(small))
    moves = _Moves(app, mb, uidvalidity, [h.uid for h in headers])
    try:
        for h in big:
            # Too big to fetch safely: recorded from its envelope and quarantined on the server.
            out = _record_simple(
                app,
                mb.name,
                uidvalidity,
                h,
                now,
                f"oversize:{mb.name}:{uidvalidity}:{h.uid}",
                None,
                None,
                "quarantined",
                f"too_large: {h.size} bytes",
            )
            _finish(app, mb, h.uid, out, report, moves)
            if bar:
                bar.advance(1)
        for mail, prepared in prepared_mails:
            if should_stop():
                report.stopped_by = "shutdown requested"
                break
            report.fetched += 1
            try:
                if units is None:
                    # Once per pass, not per mail: the unit list is the same for the whole
                    # batch (an address added meanwhile counts from the next pass).
                    with app.db.session() as s:
                        units = repo.unit_infos(repo.load_units(s))
                out = process_mail(app, mb.name, uidvalidity, mail, now, units, prepared)
            except StorageError as e:
                log.error("uid %s left on the server: %s", mail.uid, e)
                report.stopped_by = f"storage: {e}"
                _note_error(app, mb.name, str(e))
                break
            except SQLAlchemyError as e:
                log.error("uid %s left on the server: database error: %s", mail.uid, e)
                report.stopped_by = f"database: {type(e).__name__}"
                break
            _finish(app, mb, mail.uid, out, report, moves)
            del mail, prepared  # not held while the next one is fetched
            if bar:
                bar.advance(1)
    finally:
        prepared_mails.close()  # stops the workers; unread mail stays on the server
        if bar:
            bar.stop()
    # Not in the finally: after a mailbox error the connection is gone, and the mails
    # recorded meanwhile are moved by the next pass.
    moves.flush()
    if report.stopped_by is None:
        with app.db.session() as s:
            st = repo.mailbox_state(s, mb.name)
            st.last_success_at = now
            st.last_error = None
    return report


class _Moves:
    """Recorded mails waiting to leave the watched folder, moved a batch at a time.

    One ``UID MOVE`` per folder and one ``last_uid`` update per batch instead of one
    round trip and one commit per mail.  Safe to defer: a mail recorded but not yet
    moved when the process dies is found again next pass, seen as already recorded,
    and only moved (``_finish``'s recovery path).  ``last_uid`` only ever advances over
    a run of finished UIDs, so a mail of this pass not yet finished (oversize mails go
    first) is never skipped by the next pass's ``UID SEARCH``.
    """

    BATCH = 50

    def __init__(self, app: App, mb: Mailbox, uidvalidity: int, uids: list[int]) -> None:
        self.app, self.mb, self.uidvalidity = app, mb, uidvalidity
        self.todo = sorted(uids)
        self.finished: set[int] = set()
        self.pending: dict[str, list[int]] = {}

    def add(self, uid: int, folder: str) -> None:
        self.pending.setdefault(folder, []).append(uid)
        if sum(len(v) for v in self.pending.values()) >= self.BATCH:
            self.flush()

    def done(self, uid: int) -> None:
        """``uid`` has left the folder already (moved or deleted on its own)."""
        self.finished.add(uid)

    def flush(self) -> None:
        for folder, uids in self.pending.items():
            self.mb.move(uids, folder)
            self.finished.update(uids)
        self.pending = {}
        top = 0
        for uid in self.todo:
            if uid not in self.finished:
                break
            top = uid
        if top:
            with self.app.db.session() as s:
                st = repo.mailbox_state(s, self.mb.name)
                if st.uidvalidity == self.uidvalidity and top > st.last_uid:
                    st.last_uid = top


def _finish(app: App, mb: Mailbox, uid: int, out: Outcome, report: PollReport, moves: _Moves) -> None:
    cfg = app.settings.mailbox
    folder = cfg.quarantine_folder if out.folder_kind == "quarantine" else cfg.processed_folder
    if out.already_recorded and out.message_id and mb.has_copy(folder, out.message_id):
        # A MOVE interrupted by a crash or a server restart can leave the mail in both
        # folders; drop the inbox copy instead of moving a second one.
        mb.delete(uid)
        moves.done(uid)
    else:
        moves.add(uid, folder)
    counter = {
        "processed": "recorded",
        "duplicate": "duplicates",
        "ignored": "ignored",
        "quarantined": "quarantined",
    }
    setattr(report, counter[out.state], getattr(report, counter[out.state]) + 1)
    if out.review:
        report.review += 1
    line = f"uid={uid} {out.state}: {out.detail}"
    report.outcomes.append(line)
    log.info(line)


def _note_error(app: App, mailbox: str, error: str) -> None:
    try:
        with app.db.session() as s:
            st = repo.mailbox_state(s, mailbox)
            if st is not None:
                st.last_error = error[:2000]
    except SQLAlchemyError:
        log.exception("could not record the poll error")


class _Progress:
    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self._p = Progress(transient=True)
        self._p.start()
        self._task = self._p.add_task("Đang xử lý thư", total=total)

    def advance(self, n: int) -> None:
        self._p.advance(self._task, n)

    def stop(self) -> None:
        self._p.stop()


def _progress(total: int) -> _Progress:
    return _Progress(total)


def poll_once(app: App, now: dt.datetime, progress: bool = False) -> PollReport:
    """Take the intake lock, connect, do one pass, disconnect.

    When another instance holds the lock nothing is done and the report says so
    (``stopped_by``).  MailboxError propagates to the caller.
    """
    from bot.pipeline.leader import intake_lock

    password = app.settings.secret(app.settings.mailbox.password_env)
    name = Mailbox(app.settings.mailbox, None).name
    started = time.monotonic()
    with intake_lock(app.db, name) as active:
        if not active:
            # A running service is the active poller: this pass would only race it.
            log.warning("another instance is polling %s; nothing done", name)
            return PollReport(stopped_by="another instance is polling this mailbox")
        try:
            with Mailbox(app.settings.mailbox, password) as mb:
                report = poll_connected(app, mb, now, progress)
        except MailboxError as e:
            _note_error(app, name, str(e))
            raise
    log.info("%s in %.1fs", report.summary(), time.monotonic() - started)
    return report
