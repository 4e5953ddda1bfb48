"""Turn one attached file into the documents it carries.

:func:`collect_files` is the single place where a file found in a mail becomes
:class:`~bot.mail.Attachment` objects: it sniffs the real type, refuses
executables/scripts/macros, caps the size, and opens containers (``.zip``, ``.7z``,
``.rar``, Outlook ``winmail.dat``), recursing into nested ones up to
``ParseLimits.max_archive_depth``.

Hostile archives are the point of this module.  Before anything is decompressed the
declared member count, sizes and compression ratios are checked against the limits;
while decompressing, bytes are counted chunk by chunk, because headers can lie.  One
:class:`Budget` is shared by every container of a message, so splitting a bomb over
several archives does not help.  An archive that breaks a limit is listed itself with
``problem="archive_limit"`` and none of its members (all or nothing, so the sender is
asked for a clean resend instead of the bot silently keeping half a dossier).  A
password-protected archive is opened with the password its mail gives ("mật khẩu: …",
:mod:`bot.intake.passwords`) when one does; otherwise it is listed with
``unreadable_file`` and the names of the files it lists (``Attachment.locked_members``: a zip always lists them, a 7z or rar unless its
headers are encrypted too), so the unit can be told which documents to resend.

Memory stays bounded whatever the archives hold: members are read one at a time (the
readers are generators), and with a :class:`~bot.intake.spool.Spool` each file beyond
the mail's small in-memory allowance is written to disk as soon as it is known to be a
file, not a container (:func:`_hold`); 7z members are extracted straight to spool files.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from bot.intake.limits import ParseLimits
from bot.mail import Attachment, SpooledFile

from .htmltext import digest_html
from .sanitize import safe_filename, zip_member_name
from .sniff import ENCRYPTED_OOXML, EXTENSION_OF, RAR, SEVEN_ZIP, TNEF, ZIP, refusal_reason, sniff_type
from .spool import MEMORY_PER_MAIL, SMALL_FILE, Spool, SpoolWriter, discard

_CHUNK = 64 * 1024
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
class Collected:
    """Result of :func:`collect_files`: the files, body text found in containers, notes."""

    attachments: list[Attachment] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)

    def extend(self, other: Collected) -> None:
        self.attachments += other.attachments
        self.texts += other.texts
        self.defects += other.defects


@dataclass
class _Member:
    name: str
    data: bytes | bytearray | None  # None: not extracted because it is over max_attachment_bytes
    size: int


_Found = _Member | str  # what a reader yields: members one at a time, or body text (TNEF)


class _LimitExceeded(Exception):
    pass


class _Encrypted(Exception):
    """A password blocks reading; ``members`` are the names the archive lists (none: hidden)."""

    def __init__(self, detail: str, members: list[str]) -> None:
        super().__init__(detail)
        self.members = members


class _NoBackend(Exception):
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
            raise _LimitExceeded(f"content is larger than its header declares ({self.declared} bytes)")
        if n > self.budget.bytes_left:
            raise _LimitExceeded(
                f"more than {self.limits.max_archive_total_bytes} bytes unpacked from this message"
            )
        self.budget.bytes_left -= n
        if self.total > _RATIO_FLOOR and self.total > self.compressed * self.limits.max_compression_ratio:
            raise _LimitExceeded(f"compression ratio above {self.limits.max_compression_ratio:g}")


def _read_metered(stream: IO[bytes], meter: _Meter) -> bytearray:
    out = bytearray()
    while chunk := stream.read(_CHUNK):
        meter.spend(len(chunk))
        out += chunk
    return out


def _check_declared(count: int, total: int, compressed: int, limits: ParseLimits, budget: Budget) -> None:
    if count > budget.files_left:
        raise _LimitExceeded(f"more than {limits.max_archive_files} files")
    if total > budget.bytes_left:
        raise _LimitExceeded(f"declares {total} bytes, over the {limits.max_archive_total_bytes} byte limit")
    if total > _RATIO_FLOOR and total > max(compressed, 1) * limits.max_compression_ratio:
        raise _LimitExceeded(f"declared compression ratio above {limits.max_compression_ratio:g}")
    budget.files_left -= count


def _read_zip(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[_Found]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if password is not None:
            zf.setpassword(password.encode("utf-8"))  # a wrong one fails the read (and its CRC)
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_declared(len(infos), sum(i.file_size for i in infos), len(data), limits, budget)
        for info in infos:
            name = zip_member_name(info)
            locked = info.flag_bits & 0x1 and password is None
            if locked or info.compress_type == 99:  # 99: WinZip AES, which zipfile cannot read
                raise _Encrypted(
                    f"member {name!r} is password-protected", [zip_member_name(i) for i in infos]
                )
            if info.file_size > limits.max_attachment_bytes:
                yield _Member(name, None, info.file_size)
                continue
            meter = _Meter(budget, limits, info.file_size, info.compress_size)
            with zf.open(info) as stream:
                member = _Member(name, _read_metered(stream, meter), info.file_size)
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
) -> Iterator[_Found]:
    # The archive libraries are imported when such an archive arrives: most mail has none,
    # and they cost 0.07 s (py7zr), 0.02 s (rarfile, tnefparse) at every start.
    import py7zr  # noqa: PLC0415
    import py7zr.exceptions  # noqa: PLC0415
    import py7zr.io  # noqa: PLC0415

    try:
        archive = py7zr.SevenZipFile(io.BytesIO(data), password=password)
    except py7zr.exceptions.PasswordRequired as e:  # the headers are encrypted too
        raise _Encrypted("the archive and its list of files are password-protected", []) from e
    with archive:
        infos = [i for i in archive.list() if not i.is_directory]
        if archive.needs_password() and password is None:
            raise _Encrypted("the archive is password-protected", [i.filename for i in infos])
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
                    yield _Member(info.filename, None, info.uncompressed or 0)
                else:
                    yield _Member(info.filename, writer.take(), info.uncompressed or 0)
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
) -> Iterator[_Found]:
    import rarfile  # noqa: PLC0415 - see _read_7z

    if rar_backend() is None:
        raise _NoBackend("no RAR extraction tool (unrar or unar) is installed on the server")
    with rarfile.RarFile(io.BytesIO(data)) as rf:
        if password is not None:
            rf.setpassword(password)
        # Encrypted headers stop the listing at the start: no names then.
        infos = [i for i in rf.infolist() if not i.is_dir()]
        if rf.needs_password() and password is None:
            raise _Encrypted("the archive is password-protected", [i.filename for i in infos])
        _check_declared(len(infos), sum(i.file_size for i in infos), len(data), limits, budget)
        for info in infos:
            name = info.filename
            if info.file_size > limits.max_attachment_bytes:
                yield _Member(name, None, info.file_size)
                continue
            meter = _Meter(budget, limits, info.file_size, max(info.compress_size, 1))
            with rf.open(info) as stream:
                member = _Member(name, _read_metered(stream, meter), info.file_size)
            yield member
            del member


def _read_tnef(
    data: bytes, limits: ParseLimits, budget: Budget, spool: Spool | None, password: str | None = None
) -> Iterator[_Found]:
    import tnefparse  # noqa: PLC0415 - see _read_7z

    # tnefparse reads the whole winmail.dat (itself within max_attachment_bytes) at once.
    tnef = tnefparse.TNEF(data)
    members = []
    for att in tnef.attachments:
        payload = att.data if isinstance(att.data, bytes) else bytes(att.data or b"")
        name = att.long_filename() or att.name or ""
        members.append(_Member(name, payload, len(payload)))
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


_Reader = Callable[[bytes, ParseLimits, Budget, Spool | None, str | None], Iterator[_Found]]
_READERS: dict[str, tuple[str, _Reader]] = {
    ZIP: ("zip", _read_zip),
    SEVEN_ZIP: ("7z", _read_7z),
    RAR: ("rar", _read_rar),
    TNEF: ("tnef", _read_tnef),
}


def child_origin(origin: str, kind: str, name: str) -> str:
    """``"zip:bundle.zip"`` for a top-level container, nested ones joined with ``/``."""
    here = f"{kind}:{name}"
    return here if origin == "mail" else f"{origin}/{here}"


def _hold(data: bytes, budget: Budget, spool: Spool | None) -> tuple[bytes, SpooledFile | None]:
    """Keep a file's content in memory while the mail's allowance lasts, else in the spool."""
    if spool is None or len(data) <= SMALL_FILE and len(data) <= budget.memory_left:
        budget.memory_left -= len(data)
        return data, None
    return b"", spool.keep(data)


def _take(member: _Member) -> bytes:
    """The member's bytes as ``bytes``; the member lets go of its buffer."""
    data, member.data = member.data, None
    return data if isinstance(data, bytes) else bytes(data or b"")


def collect_files(
    data: bytes,
    name: str | None,
    declared: str,
    origin: str,
    limits: ParseLimits,
    budget: Budget,
    *,
    default_stem: str = "attachment",
    depth: int = 0,
    spool: Spool | None = None,
    passwords: Sequence[str] = (),
) -> Collected:
    """Attachments for one file found in a mail (several if it is a container).

    ``passwords`` are those the mail gives (:func:`bot.intake.passwords.passwords_in`):
    tried, in order, on a locked archive before it is listed as unreadable.

    ``name`` is the decoded file name the mail gave (``None`` when it gave none: the
    name becomes ``default_stem`` plus an extension from the sniffed type).  ``depth``
    is the number of containers already opened around this file.  With a ``spool``,
    files beyond the mail's memory allowance are returned spooled (``Attachment.spooled``);
    the caller owns those files (:func:`bot.intake.spool.discard`).
    """
    head_only = len(data) > limits.max_attachment_bytes
    sniffed = sniff_type(data[:_CHUNK] if head_only else data, declared, name or "")
    shown = name or f"{default_stem}{EXTENSION_OF.get(sniffed, '.bin')}"
    safe = safe_filename(shown)

    def listed(
        payload: bytes,
        problem: str | None = None,
        detail: str | None = None,
        locked: tuple[str, ...] | None = None,
    ) -> Collected:
        content, spooled = _hold(payload, budget, spool) if payload else (b"", None)
        att = Attachment(safe, name, declared, sniffed, content, origin, problem, detail, spooled, locked)
        return Collected(attachments=[att])

    if head_only:
        return listed(b"", "too_large", f"{len(data)} bytes, limit {limits.max_attachment_bytes}")
    reason = refusal_reason(sniffed, shown)
    if reason:
        return listed(b"", "refused_type", f"{reason}; {len(data)} bytes")
    if not data:
        return listed(data, "unreadable_file", "empty file (0 bytes)")
    if sniffed == ENCRYPTED_OOXML:
        return listed(data, "unreadable_file", "password-protected Office document")
    if sniffed not in _READERS:
        return listed(data)
    kind, reader = _READERS[sniffed]
    if depth >= limits.max_archive_depth:
        return listed(data, "archive_limit", f"containers nested deeper than {limits.max_archive_depth}")
    saved = budget.saved()
    inner_origin = child_origin(origin, kind, safe)
    archive = data

    def read(result: Collected, password: str | None) -> Collected:
        index = 0
        for found in reader(archive, limits, budget, spool, password):
            if isinstance(found, str):
                result.texts.append(found)
                continue
            index += 1
            result.extend(_member_files(found, index, inner_origin, limits, budget, depth, spool, passwords))
            del found
        return result

    result = Collected()
    try:
        return read(result, None)
    except _LimitExceeded as e:
        return _refused(archive, result, budget, saved, listed, "archive_limit", str(e))
    except _Encrypted as e:
        opened = _with_passwords(read, passwords, result, budget, saved, safe)
        if opened is not None:
            return opened
        names = tuple(dict.fromkeys(safe_filename(m) for m in e.members))  # file names only
        return _refused(archive, result, budget, saved, listed, "unreadable_file", str(e), names)
    except _NoBackend as e:
        return _refused(archive, result, budget, saved, listed, "unsupported_archive", str(e))
    except Exception as e:  # third-party readers raise anything on damaged input
        detail = f"damaged {kind} container: {type(e).__name__}: {e}"[:300]
        return _refused(archive, result, budget, saved, listed, "unreadable_file", detail)
    return result


def _with_passwords(
    read: Callable[[Collected, str | None], Collected],
    passwords: Sequence[str],
    partial: Collected,
    budget: Budget,
    saved: tuple[int, int, int],
    name: str,
) -> Collected | None:
    """The locked archive read with the first of ``passwords`` that opens it, or None.

    A wrong password fails however the reader notices (a bad-password error, a CRC or
    decompression error): what it read is dropped and the next one is tried.
    """
    for password in passwords:
        discard(partial.attachments)
        budget.restore(saved)
        partial = Collected()
        try:
            result = read(partial, password)
        except Exception:  # noqa: BLE001, S112 - any failure means: not this password
            continue
        result.defects.append(f"{name}: opened with the password the mail gives")
        return result
    discard(partial.attachments)
    budget.restore(saved)
    return None


def _refused(
    archive: bytes,
    partial: Collected,
    budget: Budget,
    saved: tuple[int, int, int],
    listed: Callable[..., Collected],
    problem: str,
    detail: str,
    locked: tuple[str, ...] | None = None,
) -> Collected:
    """All or nothing: the members read so far are dropped, the archive is listed with ``problem``."""
    discard(partial.attachments)
    budget.restore(saved)
    return listed(archive, problem, detail, locked)


def _member_files(
    member: _Member,
    index: int,
    origin: str,
    limits: ParseLimits,
    budget: Budget,
    depth: int,
    spool: Spool | None,
    passwords: Sequence[str] = (),
) -> Collected:
    if member.data is None:
        att = Attachment(
            safe_filename(member.name or f"file-{index}"),
            member.name,
            "application/octet-stream",
            "application/octet-stream",
            b"",
            origin,
            "too_large",
            f"{member.size} bytes, limit {limits.max_attachment_bytes}",
        )
        return Collected(attachments=[att])
    return collect_files(
        _take(member),
        member.name or None,
        "application/octet-stream",
        origin,
        limits,
        budget,
        default_stem=f"file-{index}",
        depth=depth + 1,
        spool=spool,
        passwords=passwords,
    )
