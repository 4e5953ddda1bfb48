"""The pass over the mailbox: new UIDs → parse → store files → understand → record → move.

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

Per mail, :func:`process_mail` is the path a newcomer can follow: ``parse_message``
(:mod:`bot.intake.mime`, or already done in :mod:`bot.pipeline.prefetch`) →
:func:`~bot.pipeline.understand.understand` → :func:`~bot.pipeline.record.record_mail` →
``on_recorded`` (the acknowledgment, wired by ``bot.cli``) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.units import UnitInfo
from bot.errors import MailboxError, MessageRejected, StorageError
from bot.intake.fingerprint import content_fingerprint
from bot.intake.mailbox import FetchedMail, Mailbox
from bot.intake.mime import parse_message
from bot.intake.spool import Spool, discard, pass_spool
from bot.mail import Attachment, InboundMessage
from bot.pipeline.leader import intake_lock
from bot.pipeline.prefetch import MIN_MAILS_FOR_POOL, Prefetcher, Prepared
from bot.pipeline.read import FileAnalysis
from bot.pipeline.record import Arrival, OnRecorded, record_mail, record_set_aside
from bot.pipeline.understand import SetAside, duplicate_of, quarantined, understand
from bot.pipeline.whose import Nominee, UnitRecords
from bot.store import repo
from bot.store.models import MailboxState

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


def process_mail(
    app: App,
    mailbox: str,
    uidvalidity: int,
    mail: FetchedMail,
    now: dt.datetime,
    on_recorded: OnRecorded,
    units: list[UnitInfo] | None = None,
    prepared: Prepared | None = None,
    spool: Spool | None = None,
) -> Outcome:
    """Record one fetched mail exactly once.  Raises StorageError / SQLAlchemyError to stop.

    ``on_recorded`` runs in the transaction that records the mail (the acknowledgment).
    ``units`` (``repo.unit_infos``) may be loaded once per pass by the caller; by
    default they are read for this mail.  ``prepared`` is the parse and file analysis
    a worker already did (:mod:`bot.pipeline.prefetch`); by default they are done here,
    with the mail's files spooled in ``spool`` when given.  Whatever happens, the mail's
    spooled files are gone when this returns: moved into the store, or removed.
    """
    try:
        return _process_mail(app, mailbox, uidvalidity, mail, now, on_recorded, units, prepared, spool)
    finally:
        if prepared is not None and prepared.msg is not None:
            discard(prepared.msg.attachments)


def _process_mail(
    app: App,
    mailbox: str,
    uidvalidity: int,
    mail: FetchedMail,
    now: dt.datetime,
    on_recorded: OnRecorded,
    units: list[UnitInfo] | None,
    prepared: Prepared | None,
    spool: Spool | None,
) -> Outcome:
    with app.db.session() as s:
        existing = repo.recorded_uid(s, mailbox, uidvalidity, mail.uid)
    if existing is not None:
        row_id, state, message_id = existing
        kind = "quarantine" if state == "quarantined" else "processed"
        return Outcome(state, kind, row_id, "already recorded", already_recorded=True, message_id=message_id)

    _, raw_path = app.files.put(mail.raw, kind="raw")
    arrival = Arrival(
        mailbox, uidvalidity, mail.uid, mail.internaldate, mail.size, content_fingerprint(mail.raw), raw_path
    )
    if prepared is None:
        try:
            msg = parse_message(
                mail.raw,
                app.parse_limits,
                own_addresses=app.own_addresses,
                trusted_authserv_id=app.settings.mailbox.trusted_authserv_id,
                spool=spool,
            )
        except MessageRejected as e:
            return _record_set_aside(app, arrival, None, quarantined(e.reason), now)
        try:
            return _understand_and_record(app, arrival, mail, msg, None, now, on_recorded, units)
        finally:
            discard(msg.attachments)
    elif prepared.msg is None:
        reason = prepared.rejected or prepared.crashed or "internal_error: no result from the document worker"
        return _record_set_aside(app, arrival, None, quarantined(reason), now)
    return _understand_and_record(app, arrival, mail, prepared.msg, prepared.files, now, on_recorded, units)


def _understand_and_record(
    app: App,
    arrival: Arrival,
    mail: FetchedMail,
    msg: InboundMessage,
    files: list[FileAnalysis] | None,
    now: dt.datetime,
    on_recorded: OnRecorded,
    units: list[UnitInfo] | None,
) -> Outcome:
    with app.db.session() as s:
        dup = repo.duplicate_of(s, msg.message_id, arrival.fingerprint)
        if units is None:
            units = repo.unit_infos(repo.load_units(s))
        bot_ids = repo.bot_message_units(s, msg.in_reply_to, msg.references or [])
    if dup is not None:
        return _record_set_aside(app, arrival, msg, duplicate_of(dup), now)

    try:
        u = understand(
            msg,
            app.campaign,
            units,
            bot_ids,
            mail.internaldate,
            partial(_unit_records, app),
            files,
            signatures=app.signature_policy,
        )
    except MessageRejected as e:
        return _record_set_aside(app, arrival, msg, quarantined(e.reason), now)
    except SQLAlchemyError:
        raise  # reading the unit's records failed: the database's fault, not the mail's
    except Exception as e:  # noqa: BLE001 - a bug on one mail must not stop intake; keep it for staff
        log.exception("analysis failed for uid %s", mail.uid)
        return _record_set_aside(
            app, arrival, msg, quarantined(f"internal_error: {type(e).__name__}: {e}"), now
        )
    if isinstance(u, SetAside):
        return _record_set_aside(app, arrival, msg, u, now)

    stored = [_store(app, f.attachment) if f.kept else None for f in u.files]
    try:
        with app.db.session() as s:
            recorded = record_mail(s, app.campaign, arrival, msg, u, stored, now)
            on_recorded(s, recorded, now)
            msg_id, review = recorded.message.id, recorded.message.needs_review
    except IntegrityError:
        # Another instance recorded the same UID in the meantime: it is theirs.
        return Outcome("processed", "processed", None, "recorded by another instance", already_recorded=True)
    return Outcome("processed", "processed", msg_id, u.describe(), review=review)


def _store(app: App, att: Attachment) -> tuple[str, str]:
    """Keep a file in the store: a spooled one is moved there, one in memory written."""
    if att.spooled is not None:
        return app.files.adopt(att.spooled)
    return app.files.put(att.data)


def _unit_records(app: App, unit_id: int) -> UnitRecords:
    """The unit's nominations, extensions and whether its proposal is on file, read just
    before its mail is understood."""
    campaign = app.campaign.id
    proposal = app.campaign.with_role("proposal")
    with app.db.session() as s:
        nominations = tuple(
            Nominee(kind, name, key, nid)
            for nid, kind, name, key in repo.unit_nomination_rows(s, campaign, unit_id)
        )
        has_proposal = proposal is not None and repo.unit_has_current(s, campaign, unit_id, proposal.id)
        return UnitRecords(nominations, repo.unit_extensions(s, campaign, unit_id), has_proposal)


def _record_set_aside(
    app: App, arrival: Arrival, msg: InboundMessage | None, aside: SetAside, now: dt.datetime
) -> Outcome:
    try:
        with app.db.session() as s:
            row_id = record_set_aside(s, arrival, msg, aside, now)
    except IntegrityError:
        return Outcome(aside.state, "processed", None, "recorded by another instance", already_recorded=True)
    folder = "quarantine" if aside.state == "quarantined" else "processed"
    return Outcome(aside.state, folder, row_id, aside.reason)


def _state(session: Session, mailbox: str, uidvalidity: int, now: dt.datetime) -> MailboxState:
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
    on_recorded: OnRecorded,
    progress: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
) -> PollReport:
    """One pass on an open mailbox; the files of its mails wait in one spool directory."""
    with pass_spool(app.files.spool_root) as spool:
        return _poll_connected(app, mb, now, on_recorded, progress, should_stop, spool)


def _poll_connected(
    app: App,
    mb: Mailbox,
    now: dt.datetime,
    on_recorded: OnRecorded,
    progress: bool,
    should_stop: Callable[[], bool],
    spool: Spool,
) -> PollReport:
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
    bar = ProgressLine(len(headers)) if progress and len(headers) >= PROGRESS_FROM else None
    workers = cfg.worker_count() if len(small) >= MIN_MAILS_FOR_POOL else 0
    ahead = Prefetcher(
        workers,
        app.parse_limits,
        app.own_addresses,
        app.campaign,
        app.signature_policy,
        cfg.trusted_authserv_id,
        spool,
    )
    prepared_mails = ahead.run(mb.fetch(small))
    moves = _Moves(app, mb, uidvalidity, [h.uid for h in headers])
    try:
        for h in big:
            # Too big to fetch safely: recorded from its envelope and quarantined on the server.
            arrival = Arrival(
                mb.name,
                uidvalidity,
                h.uid,
                h.internaldate,
                h.size,
                f"oversize:{mb.name}:{uidvalidity}:{h.uid}",
                None,
            )
            if bar:
                bar.show(f"thư quá lớn, uid {h.uid}")
            out = _record_set_aside(app, arrival, None, quarantined(f"too_large: {h.size} bytes"), now)
            _finish(app, mb, h.uid, out, report, moves)
        for mail, prepared in prepared_mails:
            if should_stop():
                report.stopped_by = "shutdown requested"
                break
            report.fetched += 1
            if bar:
                bar.show(_current(mail.uid, prepared))
            try:
                if units is None:
                    # Once per pass, not per mail: the unit list is the same for the whole
                    # batch (an address added meanwhile counts from the next pass).
                    with app.db.session() as s:
                        units = repo.unit_infos(repo.load_units(s))
                out = process_mail(app, mb.name, uidvalidity, mail, now, on_recorded, units, prepared, spool)
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
    finally:
        prepared_mails.close()  # stops the workers; unread mail stays on the server
        if bar:
            bar.close()
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


PROGRESS_FROM = 10  # mails in a pass from which a terminal shows the progress line


class ProgressLine:
    """One line on a terminal, rewritten in place: "Thư 12/240: BCTT Nguyen Van A.docx".

    ``poll --once`` shows it only when stderr is a terminal (never in cron or the journal)
    and the pass is long; it disappears when the pass ends, leaving the one summary line.
    """

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr

    def show(self, current: str) -> None:
        self.done += 1
        width = shutil.get_terminal_size((100, 20)).columns - 1
        line = f"Thư {self.done}/{self.total}: {current}"
        if len(line) > width:
            line = line[: width - 1] + "…"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def _current(uid: int, prepared: Prepared | None) -> str:
    """What a mail is, for the progress line: its files, else its subject."""
    msg = prepared.msg if prepared is not None else None
    if msg is None:
        return f"uid {uid}"
    names = [a.filename for a in msg.attachments]
    if names:
        return ", ".join(names[:3]) + (f" (+{len(names) - 3})" if len(names) > 3 else "")
    return msg.subject or f"uid {uid}"


def poll_once(app: App, now: dt.datetime, on_recorded: OnRecorded, progress: bool = False) -> PollReport:
    """Take the intake lock, connect, do one pass, disconnect.

    When another instance holds the lock nothing is done and the report says so
    (``stopped_by``).  MailboxError propagates to the caller.
    """
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
                report = poll_connected(app, mb, now, on_recorded, progress)
        except MailboxError as e:
            _note_error(app, name, str(e))
            raise
    log.info("%s in %.1fs", report.summary(), time.monotonic() - started)
    return report
