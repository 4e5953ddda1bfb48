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
"""

from __future__ import annotations

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
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from bot.campaign.model import Campaign
from bot.documents.signatures import SignaturePolicy
from bot.errors import MessageRejected
from bot.intake.limits import ParseLimits
from bot.intake.mime import parse_message
from bot.mail import InboundMessage
from bot.pipeline.understand import FileAnalysis, understand_files

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
) -> Prepared:
    """Parse one raw mail and analyse its files (the part that needs no database)."""
    try:
        msg = parse_message(raw, limits, own_addresses=own)
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
    # down.  SIGTERM is left alone: the executor terminates workers with it when the
    # pool breaks (deploy/intake-bot.service sends the service's own SIGTERM to the
    # poller only, KillMode=mixed).
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
) -> None:
    _die_with_parent()
    _exit_with_poller(poller_pid)
    _WORKER.update(limits=limits, own=own, campaign=campaign, signatures=signatures)


def _work(raw: bytes) -> Prepared:
    return prepare(raw, _WORKER["limits"], _WORKER["own"], _WORKER["campaign"], _WORKER["signatures"])


# -- poller side ---------------------------------------------------------------------


class Prefetcher:
    """Yields ``(mail, Prepared | None)`` in the order of ``mails``, reading ahead in workers.

    ``None`` means "not prepared, read it in the poller" (large mail, no pool).  At most
    ``2 × workers`` mails and :data:`MAX_BYTES_AHEAD` bytes are in flight; closing the generator early (shutdown, storage
    error) discards what is in flight, and those mails stay on the server unrecorded.
    """

    def __init__(
        self,
        workers: int,
        limits: ParseLimits,
        own: frozenset[str],
        campaign: Campaign,
        signatures: SignaturePolicy | None = None,
    ) -> None:
        self.workers = workers
        self._args = (limits, own, campaign, os.getpid(), signatures)
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        # Imported once in the fork server, so each worker starts with them loaded.
        ctx.set_forkserver_preload(_PRELOAD)
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init,
            initargs=self._args,
        )

    def run(self, mails: Iterable, size_of=lambda m: len(m.raw)) -> Iterator[tuple[object, Prepared | None]]:
        if self.workers <= 0:
            for mail in mails:
                yield mail, None
            return
        self._pool = self._new_pool(self.workers)
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
        try:
            return self._pool.submit(_work, mail.raw)
        except BrokenProcessPool as e:
            # The pool broke between two results; treat this mail like the ones in flight.
            failed: Future = Future()
            failed.set_exception(e)
            return failed
        except OSError as e:
            # No processes or pipes to be had (limits, a locked-down sandbox): the mail
            # is not lost, the poller reads this one and the rest itself.
            log.warning("cannot start document workers (%s); reading mail in the poller", e)
            self.close()
            return None

    def _result(self, window: deque) -> tuple[object, Prepared | None]:
        mail, fut = window.popleft()
        if fut is None:
            return mail, None
        try:
            return mail, fut.result()
        except BrokenProcessPool:
            log.warning("a document worker died; reading the mails it held again one at a time")
            return mail, self._recover(mail, window)

    def _recover(self, mail, window: deque) -> Prepared | None:
        """The pool is gone: re-read ``mail`` alone, then resubmit the rest of the window."""
        self.close()
        result = self._alone(mail)
        self._pool = self._new_pool(self.workers)
        for i, (m, f) in enumerate(window):
            if f is not None:
                window[i] = (m, self._submit(m))
        return result

    def _alone(self, mail) -> Prepared | None:
        pool = self._new_pool(1)
        try:
            return pool.submit(_work, mail.raw).result()
        except OSError as e:
            log.warning("cannot start a document worker (%s); reading uid %s in the poller", e, mail.uid)
            return None
        except BrokenProcessPool:
            log.error(
                "uid %s: a document in this mail crashes the reader; quarantined", getattr(mail, "uid", "?")
            )
            return Prepared(crashed="document_crash: a file in this mail crashed the document reader")
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
