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
``unreadable_file`` and the names of the files it lists (``Attachment.locked_members``:
a zip always lists them, a 7z or rar unless its headers are encrypted too), so the unit
can be told which documents to resend; each file it lists follows it as an unread file
of the mail (``Attachment.locked_in``), which the pipeline types by its name.

Memory stays bounded whatever the archives hold: members are read one at a time (the
readers are generators), and with a :class:`~bot.intake.spool.Spool` each file beyond
the mail's small in-memory allowance is written to disk as soon as it is known to be a
file, not a container (:func:`_hold`); 7z members are extracted straight to spool files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.intake.limits import ParseLimits
from bot.mail import Attachment, SpooledFile

from .containers import CHUNK, READERS, Budget, Encrypted, LimitExceeded, Member, NoBackend
from .sanitize import safe_filename
from .sniff import ENCRYPTED_OOXML, EXTENSION_OF, refusal_reason, sniff_type
from .spool import SMALL_FILE, Spool, discard


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


def _take(member: Member) -> bytes:
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
    sniffed = sniff_type(data[:CHUNK] if head_only else data, declared, name or "")
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
    if sniffed not in READERS:
        return listed(data)
    kind, reader = READERS[sniffed]
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
    except LimitExceeded as e:
        return _refused(archive, result, budget, saved, listed, "archive_limit", str(e))
    except Encrypted as e:
        opened = _with_passwords(read, passwords, result, budget, saved, safe)
        if opened is not None:
            return opened
        names = tuple(dict.fromkeys(safe_filename(m) for m in e.members))  # file names only
        refused = _refused(archive, result, budget, saved, listed, "unreadable_file", str(e), names)
        refused.attachments += _locked_members(e.members, names, inner_origin, safe, limits)
        return refused
    except NoBackend as e:
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


def _locked_members(
    members: Sequence[str], names: tuple[str, ...], origin: str, archive: str, limits: ParseLimits
) -> list[Attachment]:
    """Each file a locked archive lists, as an unread file of the mail: no content, the
    archive's problem.  The unit owes those documents; staff see which they were."""
    out = []
    for member in list(dict.fromkeys(m for m in members if not m.endswith("/")))[: limits.max_archive_files]:
        out.append(
            Attachment(
                safe_filename(member),
                member,
                "application/octet-stream",
                "application/octet-stream",
                b"",
                origin,
                "unreadable_file",
                f"listed by {archive}, which a password keeps closed",
                locked_members=names,
                locked_in=archive,
            )
        )
    return out


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
    member: Member,
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
