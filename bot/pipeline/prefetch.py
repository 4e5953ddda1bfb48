"""Parsing and document reading in worker processes, ahead of the poller.

The poller records mail strictly in UID order, one transaction per mail (see
``bot.pipeline.poll``).  What takes the time before that — the MIME parse and reading
every document (text layer, OCR, the half-page measure, the outline of a 50-page
report) — needs neither the database nor the mailbox, so :class:`Prefetcher` hands the
raw bytes of the next few mails to a pool of worker processes while the poller stores,
records and acknowledges the current one.  Nothing about exactly-once changes: a
worker's result is only data, and a mail is recorded (or not) by the poller alone.

Workers are also a wall around the document readers: a PDF or image that crashes
PDFium or Pillow kills a worker, not the service.  The mails whose results were lost
with it are read again one at a time in a fresh pool; the one that kills that pool too
is quarantined as ``document_crash``.

Workers are started with ``forkserver`` (never ``fork``: the poller holds SQLite and
IMAP connections a forked child must not inherit).  Each worker watches the poller's
pid (``pidfd``) and exits with it, so a ``kill -9`` of the service leaves no orphan
behind; ``PR_SET_PDEATHSIG`` also ends it should the fork server die first.

The poller never waits on the pool without a time limit.  CPython 3.11's
``ProcessPoolExecutor`` can deadlock when a worker is killed while it holds a queue
lock: killed half-way through writing its result, it leaves the executor's manager
thread blocked for ever reading the rest of that message, so the executor never learns
that the worker is gone, ``Future.result()`` without a timeout never returns and
``shutdown(wait=True)`` (which joins that thread) never returns either.  So the poller
waits on a result in short slices and between them looks at the workers itself: one
that has exited means the pool is broken, whether or not the executor has noticed.  A
mail that takes longer than a generous deadline (:data:`MAIL_DEADLINE_S`) counts as
breaking the pool too.  A broken pool, and every pool at the end of a pass, is
discarded without waiting on it: its workers are killed (``SIGKILL``), it is shut down
with ``wait=False``, and the poller's own copy of the result pipe's write end is
closed, so that the manager thread, if it is stuck, reads end-of-file and exits rather
than holding up the interpreter's exit (which joins it).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from bot.campaign.model import Campaign
from bot.documents.signatures import SignaturePolicy
from bot.errors import MessageRejected
from bot.intake.limits import ParseLimits
from bot.intake.mime import parse_message
from bot.intake.spool import Spool
from bot.mail import InboundMessage
from bot.pipeline.read import FileAnalysis
from bot.pipeline.understand import understand_files

log = logging.getLogger(__name__)

# Below this many mails in a pass the pool's start-up (~0.3 s) costs more than it saves;
# a single mail woken by IDLE is read in the poller itself.
MIN_MAILS_FOR_POOL = 8
# Large mails are read in the poller: shipping them to a worker and back would hold
# extra copies of the attachments at once (the memory target is per service).
MAX_BYTES_FOR_POOL = 8 * 1024 * 1024
# Read-ahead is bounded by bytes as well as by count: a pass of big mails must not hold
# several of them (and their decoded files) at once.
MAX_BYTES_AHEAD = 48 * 1024 * 1024
# How long the poller waits on one mail's result before it treats the pool as broken
# (the mail is then read again alone, and quarantined if that does not finish either).
# Only a backstop for a worker that hangs: a dead worker is noticed within a slice
# (below).  Generous, because a slow mail is legitimate: every external tool has its own
# timeout, but one mail may carry several scanned reports of up to 30 OCR pages each.
MAIL_DEADLINE_S = 600.0
# The slices in which the poller waits, checking between them that every worker lives.
WAIT_SLICE_S = 0.5
# How long discarding a pool waits for its killed workers and its manager thread (they
# end within milliseconds of SIGKILL; this only bounds the wait should one not).
DISCARD_WAIT_S = 5.0


@dataclass
class Prepared:
    """A worker's result for one raw mail: parsed and its files analysed, or why not."""

    msg: InboundMessage | None = None
    files: list[FileAnalysis] | None = None
    rejected: str | None = None  # MessageRejected reason: quarantine
    crashed: str | None = None  # the worker died reading it: quarantine


def prepare(
    raw: bytes,
    limits: ParseLimits,
    own: frozenset[str],
    campaign: Campaign,
    signatures: SignaturePolicy | None = None,
    trusted_authserv_id: str | None = None,
    spool: Spool | None = None,
) -> Prepared:
    """Parse one raw mail and analyse its files (the part that needs no database).

    With a ``spool``, the mail's larger files are left there for the poller, which
    moves the kept ones into the store and removes the rest.
    """
    try:
        msg = parse_message(
            raw, limits, own_addresses=own, trusted_authserv_id=trusted_authserv_id, spool=spool
        )
    except MessageRejected as e:
        return Prepared(rejected=e.reason)
    return Prepared(msg=msg, files=understand_files(msg, campaign, signatures))


# -- worker side ---------------------------------------------------------------------

_WORKER: dict = {}
_PRELOAD = ["bot.pipeline.prefetch", "bot.pipeline.understand", "bot.intake.mime", "bot.documents.inspect"]


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:  # not glibc: the pool's own shutdown still applies
            pass
    # Ctrl-C reaches the whole process group; the poller handles it and shuts the pool
    # down.  SIGTERM is left alone: the executor terminates workers with it when it
    # notices that the pool broke (deploy/intake-bot.service sends the service's own
    # SIGTERM to the poller only, KillMode=mixed); the poller itself ends them with
    # SIGKILL when it discards a pool (_discard, below).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_with_poller(poller_pid: int) -> None:
    """End this worker when the poller ends, however it ends (``kill -9`` included).

    The fork server is the worker's parent, not the poller, and every worker holds the
    write ends of the pool's pipes and of the fork server's "alive" pipe: none of them
    ever sees EOF when the poller dies, so without this the worker, the fork server and
    the resource tracker would wait for each other forever.
    """

    def watch() -> None:
        try:
            fd = os.pidfd_open(poller_pid)
        except (AttributeError, OSError):  # no pidfd (old kernel): check once a second
            while True:
                try:
                    os.kill(poller_pid, 0)
                except ProcessLookupError:
                    os._exit(1)
                except PermissionError:
                    pass
                time.sleep(1)
        select.select([fd], [], [])  # readable once the poller has exited
        os._exit(1)

    threading.Thread(target=watch, name="poller-watch", daemon=True).start()


def _init(
    limits: ParseLimits,
    own: frozenset[str],
    campaign: Campaign,
    poller_pid: int,
    signatures: SignaturePolicy | None = None,
    authserv: str | None = None,
    spool_dir: str | None = None,
) -> None:
    _die_with_parent()
    _exit_with_poller(poller_pid)
    spool = Spool(spool_dir) if spool_dir else None
    _WORKER.update(
        limits=limits, own=own, campaign=campaign, signatures=signatures, authserv=authserv, spool=spool
    )


def _work(raw: bytes) -> Prepared:
    w = _WORKER
    return prepare(raw, w["limits"], w["own"], w["campaign"], w["signatures"], w["authserv"], w["spool"])


# -- poller side ---------------------------------------------------------------------


class _Overdue(BrokenProcessPool):
    """A mail's result did not come within the deadline: the pool is treated as broken."""


class Prefetcher:
    """Yields ``(mail, Prepared | None)`` in the order of ``mails``, reading ahead in workers.

    ``None`` means "not prepared, read it in the poller" (large mail, no pool).  At most
    ``2 × workers`` mails and :data:`MAX_BYTES_AHEAD` bytes are in flight; closing the generator early (shutdown, storage
    error) discards what is in flight, and those mails stay on the server unrecorded.
    ``mail_deadline`` is how long one mail may take in a worker (:data:`MAIL_DEADLINE_S`).
    """

    def __init__(
        self,
        workers: int,
        limits: ParseLimits,
        own: frozenset[str],
        campaign: Campaign,
        signatures: SignaturePolicy | None = None,
        trusted_authserv_id: str | None = None,
        spool: Spool | None = None,
        mail_deadline: float = MAIL_DEADLINE_S,
    ) -> None:
        self.workers = workers
        self.mail_deadline = mail_deadline
        spool_dir = str(spool.directory) if spool is not None else None
        self._args = (limits, own, campaign, os.getpid(), signatures, trusted_authserv_id, spool_dir)
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        # Imported once in the fork server, so each worker starts with them loaded.
        ctx.set_forkserver_preload(_PRELOAD)
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init,
            initargs=self._args,
        )
        # Every worker is started now, before the executor's manager thread runs (it
        # starts with the first submit), so that submit() never starts one: in 3.11 a
        # worker started by submit() while the manager thread is marking the pool broken
        # is handed the call queue's pipe as that thread closes it (submit() fails with
        # EBADF and the fork server, sent a bad request, exits), or is added to the map
        # of workers that thread is iterating over (it dies with "dictionary changed
        # size during iteration").
        try:
            pool._launch_processes()
        except BaseException:
            _discard(pool)
            raise
        return pool

    def _start_pool(self, workers: int) -> ProcessPoolExecutor | None:
        """A new pool, or None (mail is then read in the poller) if it cannot be started."""
        try:
            return self._new_pool(workers)
        except OSError as e:
            # No processes or pipes to be had (limits, a locked-down sandbox): the mail
            # is not lost, the poller reads it itself.
            log.warning("cannot start document workers (%s); reading mail in the poller", e)
            return None

    def run(self, mails: Iterable, size_of=lambda m: len(m.raw)) -> Iterator[tuple[object, Prepared | None]]:
        if self.workers <= 0:
            for mail in mails:
                yield mail, None
            return
        self._pool = self._start_pool(self.workers)
        window: deque[tuple[object, Future | None]] = deque()
        held = 0  # raw bytes in the window
        try:
            for mail in mails:
                size = size_of(mail)
                if size > MAX_BYTES_FOR_POOL:
                    # Read in the poller, alone: everything before it goes out first.
                    while window:
                        held -= size_of(window[0][0])
                        yield self._result(window)
                    yield mail, None
                    continue
                window.append((mail, self._submit(mail)))
                held += size
                while len(window) > 2 * self.workers or (len(window) > 1 and held > MAX_BYTES_AHEAD):
                    held -= size_of(window[0][0])
                    yield self._result(window)
            while window:
                yield self._result(window)
        finally:
            self.close()

    def _submit(self, mail) -> Future | None:
        if self._pool is None:  # workers could not be started: read in the poller
            return None
        # A pool seen broken gets no more work: besides being pointless, a submit() racing
        # the manager thread as it fails the pending work can kill that thread (3.11
        # iterates over the pending work without the lock submit() holds).
        dead = _dead_worker(self._pool)
        try:
            if dead is not None:
                raise BrokenProcessPool(dead)
            return self._pool.submit(_work, mail.raw)
        except (BrokenProcessPool, RuntimeError) as e:
            # The pool broke between two results (RuntimeError: the manager thread marked
            # it shut down as well as broken between submit()'s two checks); treat this
            # mail like the ones in flight.
            failed: Future = Future()
            failed.set_exception(BrokenProcessPool(str(e)))
            return failed
        except OSError as e:
            # The pool's pipes failed: the mail is not lost, the poller reads this one
            # and the rest itself.
            log.warning("document workers unusable (%s); reading mail in the poller", e)
            self.close()
            return None

    def _result(self, window: deque) -> tuple[object, Prepared | None]:
        mail, fut = window.popleft()
        if fut is None:
            return mail, None
        if self._pool is None:
            # Its pool was discarded and no new one could be started (_submit, _recover):
            # a result it finished is used, anything else is read in the poller.
            done = fut.done() and not fut.cancelled() and fut.exception() is None
            return mail, fut.result() if done else None
        try:
            return mail, self._wait(fut, self._pool)
        except _Overdue as e:
            log.warning("uid %s: %s; reading the mails in flight again one at a time", _uid(mail), e)
            return mail, self._recover(mail, window)
        except BrokenProcessPool:
            log.warning("a document worker died; reading the mails it held again one at a time")
            return mail, self._recover(mail, window)

    def _wait(self, fut: Future, pool: ProcessPoolExecutor) -> Prepared:
        """``fut``'s result; :class:`BrokenProcessPool` as soon as ``pool`` is seen broken.

        Never ``fut.result()`` without a timeout: should the executor's manager thread be
        stuck (module docstring), the future would never complete.  Between slices the
        workers are checked here instead: any that has exited breaks the pool (the
        executor itself treats any exit that way: workers never exit on their own).
        """
        deadline = time.monotonic() + self.mail_deadline
        while True:
            done, _ = wait_futures([fut], timeout=WAIT_SLICE_S)
            if done:
                return fut.result()
            dead = _dead_worker(pool)
            if dead is not None:
                raise BrokenProcessPool(dead)
            if time.monotonic() >= deadline:
                raise _Overdue(f"no result within {self.mail_deadline:g} s")

    def _recover(self, mail, window: deque) -> Prepared | None:
        """The pool is gone: re-read ``mail`` alone, then resubmit the rest of the window."""
        self.close()
        result = self._alone(mail)
        self._pool = self._start_pool(self.workers)
        for i, (m, f) in enumerate(window):
            if f is not None:
                window[i] = (m, self._submit(m))
        return result

    def _alone(self, mail) -> Prepared | None:
        try:
            pool = self._new_pool(1)
        except OSError as e:
            log.warning("cannot start a document worker (%s); reading uid %s in the poller", e, _uid(mail))
            return None
        try:
            return self._wait(pool.submit(_work, mail.raw), pool)
        except OSError as e:
            log.warning("cannot start a document worker (%s); reading uid %s in the poller", e, _uid(mail))
            return None
        except _Overdue as e:
            log.error(
                "uid %s: a document in this mail hangs the reader (%s, twice); quarantined", _uid(mail), e
            )
            return Prepared(
                crashed=f"document_crash: a file in this mail hangs the document reader ({e}, twice)"
            )
        except BrokenProcessPool:
            log.error("uid %s: a document in this mail crashes the reader; quarantined", _uid(mail))
            return Prepared(crashed="document_crash: a file in this mail crashed the document reader")
        finally:
            _discard(pool)

    def close(self) -> None:
        """Discard the pool without waiting on it (:func:`_discard`): this cannot hang."""
        pool, self._pool = self._pool, None
        if pool is not None:
            _discard(pool)


def _uid(mail) -> object:
    return getattr(mail, "uid", "?")


def _dead_worker(pool: ProcessPoolExecutor) -> str | None:
    """Why ``pool`` is broken if one of its workers has exited (the executor may not know)."""
    processes = pool._processes  # the executor's own map, pid -> Process
    if processes is None:
        return "the pool was shut down"
    for p in list(processes.values()):
        code = p.exitcode
        if code is not None or not p.is_alive():
            return f"document worker {p.pid} exited ({code})"
    return None


def _discard(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` and its workers without ever blocking for long.

    ``shutdown(wait=True)`` could block for ever (module docstring), so: SIGKILL every
    worker (what they hold in flight is discarded: results, half-written spool files the
    pass's spool directory removes), shut down with ``wait=False``, then close this
    process's write end of the result pipe.  With every writer gone, a manager thread
    stuck reading a half-written result reads end-of-file, marks the pool broken and
    exits; otherwise it would keep the interpreter from exiting (it is not a daemon).
    The waits for the workers and the thread to end are bounded (:data:`DISCARD_WAIT_S`).
    """
    processes = list((pool._processes or {}).values())
    results = pool._result_queue
    manager = pool._executor_manager_thread
    for p in processes:
        with contextlib.suppress(OSError, ValueError):  # already gone, or closed
            p.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    end = time.monotonic() + DISCARD_WAIT_S
    for p in processes:
        with contextlib.suppress(OSError, ValueError):
            p.join(max(0.0, end - time.monotonic()))
    if results is not None:
        results._writer.close()
    if manager is not None:
        manager.join(max(0.0, end - time.monotonic()))
        if manager.is_alive():
            log.warning("the document workers' manager thread did not stop; leaving it behind")
