"""Where the files found in mail wait on disk during one intake pass.

A 4 MB mail can carry a zip that expands to 200 MB inside every configured limit.  Held
in memory, with the copies the parser, the document workers and the process boundary
make, that was half a gigabyte per process.  So the files a mail carries are *spooled*:
each archive member (and every attachment beyond a small in-memory allowance per mail,
:data:`MEMORY_PER_MAIL`) is written, as it is unpacked, to a file in the pass's spool
directory under the storage volume; the rest of intake passes around a small
:class:`~bot.mail.SpooledFile` record (path, size, sha256), reads a file back only to
inspect it, one at a time, and the poller *moves* a kept file into the content-addressed
store (:meth:`bot.intake.storage.FileStore.adopt`, a rename on the same volume).

One directory per pass, ``<storage>/spool/pass-XXXXXXXX/``, locked (``flock``) by the
poller for as long as the pass runs and removed at its end.  A pass that was killed
leaves its directory unlocked; the next pass on this machine removes it
(:func:`sweep_orphans`).  Files are created mode 0600 (``mkstemp``).
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.errors import StorageError
from bot.mail import Attachment, SpooledFile

log = logging.getLogger(__name__)

# Files of one mail kept in memory, in total, before the rest go to disk: small files
# stay cheap, and no mail holds more than this of them whatever its archives hold.
MEMORY_PER_MAIL = 4 * 1024 * 1024
# A file this small never goes to disk while the allowance lasts.
SMALL_FILE = 256 * 1024
_LOCK = ".lock"
_PREFIX = "pass-"
# A directory without its lock file is one being created (or a broken one): left alone
# until it is this old.
_UNLOCKED_GRACE_SECONDS = 3600


class Spool:
    """Writes file contents into one directory; see the module docstring."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def keep(self, data: bytes | bytearray | memoryview) -> SpooledFile:
        """Write ``data`` to a new spool file (hashing it on the way); raises StorageError."""
        view = memoryview(data).cast("B")
        try:
            fd, path = tempfile.mkstemp(dir=self.directory, prefix="f-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(view)
        except OSError as e:
            raise StorageError(f"cannot spool a file in {self.directory}: {e.strerror}") from e
        return SpooledFile(path, len(view), hashlib.sha256(view).hexdigest())

    def writer(self) -> SpoolWriter:
        """A file to stream into (archive extraction); :meth:`SpoolWriter.done` gives its record."""
        return SpoolWriter(self.directory)


class SpoolWriter:
    """One spool file written in chunks, hashed as it is written."""

    def __init__(self, directory: Path) -> None:
        try:
            fd, self.path = tempfile.mkstemp(dir=directory, prefix="f-")
        except OSError as e:
            raise StorageError(f"cannot spool a file in {directory}: {e.strerror}") from e
        self._fh = os.fdopen(fd, "w+b")
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes | bytearray | memoryview) -> int:
        self._hash.update(chunk)
        self.size += len(chunk)
        return self._fh.write(chunk)

    def read_back(self) -> bytes:
        self._fh.flush()
        self._fh.seek(0)
        return self._fh.read()

    def done(self) -> SpooledFile:
        self._fh.close()
        return SpooledFile(self.path, self.size, self._hash.hexdigest())

    def discard(self) -> None:
        self._fh.close()
        Path(self.path).unlink(missing_ok=True)


def discard(files: Iterable[Attachment]) -> None:
    """Remove the spool files of ``files`` that are still there (kept ones were moved)."""
    for att in files:
        if att.spooled is not None:
            Path(att.spooled.path).unlink(missing_ok=True)


def sweep_orphans(root: Path) -> int:
    """Remove the pass directories no running pass holds; returns how many."""
    removed = 0
    for d in root.glob(f"{_PREFIX}*"):
        try:
            fh = open(d / _LOCK, "rb")  # noqa: SIM115 - held across the flock test below
        except FileNotFoundError:
            try:
                young = time.time() - d.stat().st_mtime < _UNLOCKED_GRACE_SECONDS
            except OSError:
                continue
            if not young:
                shutil.rmtree(d, ignore_errors=True)
                removed += 1
            continue
        except OSError:
            continue
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a pass is running
            shutil.rmtree(d, ignore_errors=True)
            removed += 1
    if removed:
        log.info("removed %d spool directories left by stopped passes", removed)
    return removed


@contextmanager
def pass_spool(root: str | Path) -> Iterator[Spool]:
    """A fresh locked spool directory for one pass under ``root``, removed afterwards."""
    root = Path(root)
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        sweep_orphans(root)
        directory = Path(tempfile.mkdtemp(dir=root, prefix=_PREFIX))
        lock = open(directory / _LOCK, "wb")  # noqa: SIM115 - held for the whole pass
    except OSError as e:
        raise StorageError(f"cannot make a spool directory in {root}: {e.strerror}") from e
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield Spool(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        lock.close()
