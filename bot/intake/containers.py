"""The readers of each container format, metered against one message's budget.

A reader takes an archive's bytes and yields its members one at a time
(:class:`Member`, or a str for body text a winmail.dat carries), checking the declared
member count, sizes and compression ratio before anything is decompressed and counting
bytes chunk by chunk while it is (headers can lie).  :mod:`bot.intake.unpack` decides
what a member becomes; this module only reads.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from bot.intake.limits import ParseLimits

from .htmltext import digest_html
from .sanitize import zip_member_name
from .sniff import RAR, SEVEN_ZIP, TNEF, ZIP
from .spool import MEMORY_PER_MAIL, Spool, SpoolWriter

CHUNK = 64 * 1024
# Below this size a high compression ratio is harmless (a blank form compresses 500:1).
_RATIO_FLOOR = 1024 * 1024


@dataclass
class Budget:
    """What is left to unpack for one message; shared by all its containers.

    ``memory_left`` is what the message's files may still hold in memory before the
    rest go to the spool (when there is one).
    """

    files_left: int
    bytes_left: int
    memory_left: int = MEMORY_PER_MAIL

    @classmethod
    def from_limits(cls, limits: ParseLimits) -> Budget:
        return cls(files_left=limits.max_archive_files, bytes_left=limits.max_archive_total_bytes)

    def saved(self) -> tuple[int, int, int]:
        return self.files_left, self.bytes_left, self.memory_left

    def restore(self, saved: tuple[int, int, int]) -> None:
        self.files_left, self.bytes_left, self.memory_left = saved


@dataclass
class Member:
    name: str
    data: bytes | bytearray | None  # None: not extracted because it is over max_attachment_bytes
    size: int


Found = Member | str  # what a reader yields: members one at a time, or body text (TNEF)


class LimitExceeded(Exception):
    pass


class Encrypted(Exception):
    """A password blocks reading; ``members`` are the names the archive lists (none: hidden)."""

    def __init__(self, detail: str, members: list[str]) -> None:
        super().__init__(detail)
        self.members = members


class NoBackend(Exception):
    pass


class _Meter:
    """Counts decompressed bytes against the budget, the declared sizes and the ratio."""

    def __init__(self, budget: Budget, limits: ParseLimits, declared: int, compressed: int) -> None:
        self.budget, self.limits = budget, limits
        self.declared, self.compressed = declared, compressed
        self.total = 0

    def spend(self, n: int) -> None:
        self.total += n
        if self.total > self.declared:
            raise LimitExceeded(f"content is larger than its header declares ({self.declared} bytes)")
        if n > self.budget.bytes_left:
            raise LimitExceeded(
                f"more than {self.limits.max_archive_total_bytes} bytes unpacked from this message"
            )
        self.budget.bytes_left -= n
        if self.total > _RATIO_FLOOR and self.total > self.compressed * self.limits.max_compression_ratio:
            raise LimitExceeded(f"compression ratio above {self.limits.max_compression_ratio:g}")


def _read_metered(stream: IO[bytes], meter: _Meter) -> bytearray:
    out = bytearray()
    while chunk := stream.read(CHUNK):
        meter.spend(len(chunk))
        out += chunk
    return out


def _check_declared(count: int, total: int, compressed: int, limits: ParseLimits, budget: Budget) -> None:
    if count > budget.files_left:
        raise LimitExceeded(f"more than {limits.max_archive_files} files")
    if total > budget.bytes_left:
        raise LimitExceeded(f"declares {total} bytes, over the {limits.max_archive_total_bytes} byte limit")
    if total > _RATIO_FLOOR and total > max(compressed, 1) * limits.max_compression_ratio:
        raise LimitExceeded(f"declared compression ratio above {limits.max_compression_ratio:g}")
    budget.files_left -= count


def _read_zip(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[Found]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if password is not None:
            zf.setpassword(password.encode("utf-8"))  # a wrong one fails the read (and its CRC)
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_declared(len(infos), sum(i.file_size for i in infos), len(data), limits, budget)
        for info in infos:
            name = zip_member_name(info)
            locked = info.flag_bits & 0x1 and password is None
            if locked or info.compress_type == 99:  # 99: WinZip AES, which zipfile cannot read
                raise Encrypted(f"member {name!r} is password-protected", [zip_member_name(i) for i in infos])
            if info.file_size > limits.max_attachment_bytes:
                yield Member(name, None, info.file_size)
                continue
            meter = _Meter(budget, limits, info.file_size, info.compress_size)
            with zf.open(info) as stream:
                member = Member(name, _read_metered(stream, meter), info.file_size)
            yield member
            del member  # gone before the next member is read


class _MeteredWriter:
    """py7zr output sink that refuses to grow past the meter (duck-typed Py7zIO).

    With a spool the member goes straight to a spool file; without one, to memory.
    """

    def __init__(self, meter: _Meter, spool: Spool | None) -> None:
        self.meter = meter
        self.file: SpoolWriter | None = spool.writer() if spool is not None else None
        self.buffer = io.BytesIO() if spool is None else None

    def write(self, s: bytes | bytearray) -> int:
        self.meter.spend(len(s))
        if self.file is not None:
            return self.file.write(s)
        assert self.buffer is not None
        return self.buffer.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self.buffer.read(size) if self.buffer is not None else b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.buffer.seek(offset, whence) if self.buffer is not None else 0

    def flush(self) -> None:
        pass

    def size(self) -> int:
        if self.file is not None:
            return self.file.size
        assert self.buffer is not None
        return self.buffer.getbuffer().nbytes

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        """The member's bytes (read back from its spool file, which is then removed)."""
        if self.file is not None:
            data = self.file.read_back()
            self.file.discard()
            return data
        assert self.buffer is not None
        return self.buffer.getvalue()

    def drop(self) -> None:
        if self.file is not None:
            self.file.discard()


def _read_7z(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[Found]:
    # The archive libraries are imported when such an archive arrives: most mail has none,
    # and they cost 0.07 s (py7zr), 0.02 s (rarfile, tnefparse) at every start.
    import py7zr  # noqa: PLC0415
    import py7zr.exceptions  # noqa: PLC0415
    import py7zr.io  # noqa: PLC0415

    try:
        archive = py7zr.SevenZipFile(io.BytesIO(data), password=password)
    except py7zr.exceptions.PasswordRequired as e:  # the headers are encrypted too
        raise Encrypted("the archive and its list of files are password-protected", []) from e
    with archive:
        infos = [i for i in archive.list() if not i.is_directory]
        if archive.needs_password() and password is None:
            raise Encrypted("the archive is password-protected", [i.filename for i in infos])
        total = sum(i.uncompressed or 0 for i in infos)
        _check_declared(len(infos), total, len(data), limits, budget)
        wanted = [i.filename for i in infos if (i.uncompressed or 0) <= limits.max_attachment_bytes]
        # Solid archives have no per-member compressed size, so the ratio is metered
        # over the whole archive.
        meter = _Meter(budget, limits, total, len(data))
        writers: dict[str, _MeteredWriter] = {}

        class Factory(py7zr.io.WriterFactory):
            def create(self, filename: str) -> py7zr.io.Py7zIO:
                writers[filename] = _MeteredWriter(meter, spool)
                return writers[filename]  # type: ignore[return-value]

        try:
            if wanted:
                archive.extract(targets=wanted, factory=Factory())
            for info in infos:
                writer = writers.pop(info.filename, None)
                if writer is None:
                    yield Member(info.filename, None, info.uncompressed or 0)
                else:
                    yield Member(info.filename, writer.take(), info.uncompressed or 0)
        finally:
            for writer in writers.values():
                writer.drop()


@functools.lru_cache(maxsize=1)
def rar_backend() -> str | None:
    """Name of the external tool rarfile will use (unrar, unar or 7z), or None.

    bsdtar is not accepted: rarfile 4.5 passes ``-f -- archive`` to it, which bsdtar
    reads as an archive named ``--`` and returns a few bytes of garbage.
    """
    import rarfile  # noqa: PLC0415 - see _read_7z

    try:
        setup = rarfile.tool_setup(bsdtar=False, force=True)
    except rarfile.RarCannotExec:
        return None
    return str(setup.get_cmdline("check_cmd", None)[0])


def _read_rar(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[Found]:
    import rarfile  # noqa: PLC0415 - see _read_7z

    if rar_backend() is None:
        raise NoBackend("no RAR extraction tool (unrar or unar) is installed on the server")
    with rarfile.RarFile(io.BytesIO(data)) as rf:
        if password is not None:
            rf.setpassword(password)
        # Encrypted headers stop the listing at the start: no names then.
        infos = [i for i in rf.infolist() if not i.is_dir()]
        if rf.needs_password() and password is None:
            raise Encrypted("the archive is password-protected", [i.filename for i in infos])
        _check_declared(len(infos), sum(i.file_size for i in infos), len(data), limits, budget)
        for info in infos:
            name = info.filename
            if info.file_size > limits.max_attachment_bytes:
                yield Member(name, None, info.file_size)
                continue
            meter = _Meter(budget, limits, info.file_size, max(info.compress_size, 1))
            with rf.open(info) as stream:
                member = Member(name, _read_metered(stream, meter), info.file_size)
            yield member
            del member


def _read_tnef(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[Found]:
    import tnefparse  # noqa: PLC0415 - see _read_7z

    # tnefparse reads the whole winmail.dat (itself within max_attachment_bytes) at once.
    tnef = tnefparse.TNEF(data)
    members = []
    for att in tnef.attachments:
        payload = att.data if isinstance(att.data, bytes) else bytes(att.data or b"")
        name = att.long_filename() or att.name or ""
        members.append(Member(name, payload, len(payload)))
    _check_declared(len(members), sum(m.size for m in members), len(data), limits, budget)
    budget.bytes_left -= sum(m.size for m in members)
    body = tnef.body or tnef.htmlbody
    if body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        if tnef.body is None:
            text = digest_html(text).text
        yield text
    del tnef
    while members:
        yield members.pop(0)


Reader = Callable[[bytes, ParseLimits, Budget, Spool | None, str | None], Iterator[Found]]
READERS: dict[str, tuple[str, Reader]] = {
    ZIP: ("zip", _read_zip),
    SEVEN_ZIP: ("7z", _read_7z),
    RAR: ("rar", _read_rar),
    TNEF: ("tnef", _read_tnef),
}
