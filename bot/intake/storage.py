"""Content-addressed file storage under one directory.

Files are stored as ``<kind>/<aa>/<bb>/<sha256>`` — never under a name a sender chose —
written to a temporary file, fsynced, renamed into place and the directory fsynced,
so a file that the database points to is always complete on disk.  Storing the same
bytes twice is a no-op, which is what makes re-processing after a crash safe.

:meth:`FileStore.put` takes any bytes-like object and never copies it: hashing and the
buffered write both read the caller's buffer (a 40 MB attachment costs no second 40 MB).
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import time
from pathlib import Path

from bot.errors import StorageError
from bot.mail import SpooledFile


def write_private(path: str | Path, data: bytes, mode: int = 0o640) -> Path:
    """Write ``data`` to ``path`` atomically (a temp file renamed over it), created ``mode``.

    For exports and other files people ask for: they hold names and dossiers, so they
    are never world-readable whatever the umask; a half-written file never has the name.
    """
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, mode)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise StorageError(f"cannot write {out}: {e.strerror}") from e
    return out


def sha256_hex(data: bytes | bytearray | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    def __init__(self, directory: str | Path) -> None:
        self.root = Path(directory).resolve()

    def _path_for(self, kind: str, digest: str) -> Path:
        if (
            kind not in ("files", "raw")
            or len(digest) != 64
            or not all(c in "0123456789abcdef" for c in digest)
        ):
            raise StorageError(f"refusing to build a storage path from {kind!r}/{digest!r}")
        return self.root / kind / digest[:2] / digest[2:4] / digest

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def resolve(self, relative: str) -> Path:
        """The absolute path of a stored file; refuses anything outside the root."""
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            raise StorageError(f"path {relative!r} escapes the storage directory")
        return path

    def put(self, data: bytes | bytearray | memoryview, kind: str = "files") -> tuple[str, str]:
        """Store ``data`` (any bytes-like object); return ``(sha256, relative_path)``.  Durable on return."""
        view = memoryview(data).cast("B")  # byte length and slicing without a copy
        digest = sha256_hex(view)
        path = self._path_for(kind, digest)
        if path.exists() and path.stat().st_size == len(view):
            return digest, self.relative(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(view)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as e:
            what = "storage is full" if e.errno in (errno.ENOSPC, errno.EDQUOT) else "cannot write file"
            raise StorageError(f"{what}: {path.parent}: {e.strerror}") from e
        return digest, self.relative(path)

    @property
    def spool_root(self) -> Path:
        """Where intake passes spool the files of mail (:mod:`bot.intake.spool`): same volume."""
        return self.root / "spool"

    def adopt(self, spooled: SpooledFile, kind: str = "files") -> tuple[str, str]:
        """Move a spooled file into the store under its sha256; return ``(sha256, relative_path)``.

        A rename on the same volume instead of a second copy of the bytes; the spool file
        is fsynced first, so the stored file is complete on disk when this returns.
        """
        path = self._path_for(kind, spooled.sha256)
        source = Path(spooled.path)
        try:
            if path.exists() and path.stat().st_size == spooled.size:
                source.unlink(missing_ok=True)
                return spooled.sha256, self.relative(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(source, path)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as e:
            what = "storage is full" if e.errno in (errno.ENOSPC, errno.EDQUOT) else "cannot store file"
            raise StorageError(f"{what}: {path.parent}: {e.strerror}") from e
        return spooled.sha256, self.relative(path)

    def sweep_temp(self, older_than_seconds: float = 600) -> int:
        """Remove temp files left by killed writes; returns how many.

        Only old ones: another instance may be writing a young one right now.
        """
        limit = time.time() - older_than_seconds
        n = 0
        for kind in ("files", "raw"):
            base = self.root / kind
            for p in base.rglob(".tmp-*") if base.exists() else ():
                if p.stat().st_mtime <= limit:
                    p.unlink(missing_ok=True)
                    n += 1
        return n

    def read(self, relative: str) -> bytes:
        try:
            return self.resolve(relative).read_bytes()
        except OSError as e:
            raise StorageError(f"cannot read stored file {relative}: {e.strerror}") from e
