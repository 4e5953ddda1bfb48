"""What a received mail said, as plain data: independent of IMAP, MIME and the database.

``bot.intake.mime.parse_message(raw, limits)`` builds an :class:`InboundMessage`; everything
downstream (matching, the pipeline's understand and record steps) reads these objects and
never the raw MIME again.  Intake and matching both import this module, neither the other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class SpooledFile:
    """A file's content waiting on disk (``bot.intake.spool``) instead of in memory.

    Files unpacked from archives, and large attachments, are written to the pass's spool
    directory in the storage volume while the mail is parsed; the worker reads them back
    one at a time to inspect them, and the poller moves the kept ones into the file
    store.  Only this small record travels between processes.
    """

    path: str
    size: int
    sha256: str

    def read(self) -> bytes:
        return Path(self.path).read_bytes()


@dataclass(frozen=True)
class Attachment:
    """One file found in a message, after unpacking archives/TNEF/forwards.

    ``filename`` is safe to show and to use as a download name (sanitised, NFC);
    ``original_filename`` is what the mail said, decoded, for the record.
    ``origin`` says where the file was found: ``"mail"``, ``"zip:bundle.zip"``,
    ``"tnef:winmail.dat"``, ``"rfc822:Fwd subject"`` (nested origins joined with ``/``).
    ``problem`` is a stable code when the file is refused or unusable
    (``refused_type``, ``too_large``, ``archive_limit``, ``unsupported_archive``,
    ``unreadable_file``) with ``problem_detail`` in plain English for the log; a file
    with a problem is still listed so the sender can be told about it.

    The content is ``data``, or ``spooled`` on disk (then ``data`` is empty): read it
    with :meth:`content`, which never keeps what it reads.

    ``locked_members`` is set only for an archive a password kept closed
    (``unreadable_file``): the file names it lists, or ``()`` when its list of files is
    encrypted too.  Each file it lists is a file of the mail too, unread (no content,
    ``unreadable_file``), with ``locked_in`` the archive's name and ``locked_members`` its
    list: the unit owes those documents, and staff see which they were.
    """

    filename: str
    original_filename: str | None
    declared_type: str
    sniffed_type: str
    data: bytes
    origin: str = "mail"
    problem: str | None = None
    problem_detail: str | None = None
    spooled: SpooledFile | None = None
    locked_members: tuple[str, ...] | None = None
    locked_in: str | None = None

    @property
    def size(self) -> int:
        return self.spooled.size if self.spooled is not None else len(self.data)

    @property
    def sha256(self) -> str:
        return self.spooled.sha256 if self.spooled is not None else hashlib.sha256(self.data).hexdigest()

    @property
    def folder(self) -> str | None:
        """The archive folder the file was in ("zip:Ho so.zip/Ho so/2. Tap the"), or None for
        a file at an archive's top or not from an archive.  Units zip a dossier with a
        folder per nominee or per kind, so the folder speaks for the files in it."""
        if not self.origin.split("/")[-1].startswith(("zip:", "7z:", "rar:")):
            return None
        path = (self.original_filename or "").replace("\\", "/").strip("/")
        folder = path.rpartition("/")[0]
        return f"{self.origin}/{folder}" if folder else None

    def content(self) -> bytes:
        """The file's bytes: ``data``, or read from the spool (the caller drops them when done)."""
        return self.spooled.read() if self.spooled is not None else self.data


@dataclass(frozen=True)
class InboundMessage:
    """A parsed mail.  ``defects`` lists parser complaints that did not stop parsing."""

    message_id: str | None
    subject: str
    from_address: str | None
    from_name: str | None
    to: list[str]
    cc: list[str]
    reply_to: str | None
    date_header: datetime | None
    in_reply_to: str | None
    references: list[str]
    body_text: str
    attachments: list[Attachment]
    drive_links: list[str] = field(default_factory=list)
    # Loop protection: set when the mail must never be counted or answered.
    auto_reply: bool = False
    bounce: bool = False
    bounced_recipients: list[str] = field(default_factory=list)
    own_mail: bool = False
    spam: bool = False  # the mail server's filter says so: recorded, never answered
    # Sender trust (bot.intake.sender, bot.intake.authres): why the From header does not
    # name one sender cleanly (a bot.vocabulary.SenderDoubt code), and the verdict of the
    # office's server on the From domain: "pass" | "fail" | "none", None when not checked
    # (no mailbox.trusted_authserv_id).  ``from_address`` is None unless one mailbox was read,
    # and is never to be trusted while ``sender_doubt`` is set.
    sender_doubt: str | None = None
    authentication: str | None = None
    authentication_evidence: str = ""
    # What the parser did not read because of one of its limits (parts, nesting), one
    # line each; such a mail waits for staff.
    unread_parts: list[str] = field(default_factory=list)  # the first names
    unread_part_count: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    defects: list[str] = field(default_factory=list)
    # Parts deliberately not treated as documents (signature images, cid-inline images,
    # S/MIME signatures, calendar parts...), one line each: "name (type, size): why".
    skipped_parts: list[str] = field(default_factory=list)
