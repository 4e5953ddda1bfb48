"""The IMAP side: one small adapter over imapclient.

:class:`Mailbox` is the only code that talks IMAP.  It connects with implicit TLS or
STARTTLS and certificate verification (plaintext only when the config allows it, for
loopback test servers), fetches with ``BODY.PEEK[]`` so nothing is marked read before it
is recorded, and moves handled mail with ``MOVE`` or, where the server lacks it,
``COPY`` + ``\\Deleted`` + ``UID EXPUNGE``.  Every imapclient/socket error is wrapped in
:class:`~bot.errors.MailboxError`.

Methods raise MailboxError on any network or server failure; callers reconnect.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from bot.config import MailboxSettings
from bot.errors import MailboxError
from bot.tls import client_context

log = logging.getLogger(__name__)

# A batch of bodies is bounded by bytes as well as count, so a run of 40 MB mails
# never sits in memory together.
BATCH_BYTES = 32 * 1024 * 1024
# imapclient sets imaplib's debug level to 5 and routes it to logging, but imaplib builds
# its level-5 messages before logging can drop them: the repr() of every fetched literal,
# twice, which is 110 MB of strings for a 54 MB mail.  Level 4 still logs each protocol
# line (logger "imapclient.imaplib"), only not the message bodies.
_IMAPLIB_DEBUG = 4
_NETWORK_ERRORS = (IMAPClientError, OSError, socket.timeout, ssl.SSLError, EOFError)


@dataclass(frozen=True)
class FetchedMail:
    uid: int
    raw: bytes
    internaldate: datetime  # aware; when the server received the mail
    size: int


@dataclass(frozen=True)
class MailHeader:
    uid: int
    size: int
    internaldate: datetime


class Mailbox:
    """A connection to one IMAP account.  Use as a context manager."""

    def __init__(self, settings: MailboxSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._client: IMAPClient | None = None
        self.capabilities: frozenset[str] = frozenset()

    # -- connection -------------------------------------------------------------------
    def _connect(self) -> IMAPClient:
        """The one place a network connection is made (tests may subclass this)."""
        s = self.settings
        if s.tls == "none" and not s.allow_plaintext:
            raise MailboxError("mailbox.tls is 'none' but mailbox.allow_plaintext is not set")
        ctx = client_context(s.verify_certificate, s.ca_file)
        client = IMAPClient(
            s.host, port=s.port, ssl=s.tls == "implicit", ssl_context=ctx, timeout=s.timeout_seconds
        )
        if s.tls == "starttls":
            try:
                client.starttls(ctx)
            except BaseException:
                _quietly_shutdown(client)
                raise
        return client

    def open(self) -> Mailbox:
        if self._password is None:
            raise MailboxError(f"no password for {self.settings.user}: set ${self.settings.password_env}")
        client = None
        try:
            client = self._connect()
            client.normalise_times = False  # keep INTERNALDATE's own offset
            _quiet_literals(client)
            client.login(self.settings.user, self._password)
            self.capabilities = frozenset(c.decode().upper() for c in client.capabilities())
        except _NETWORK_ERRORS as e:
            if client is not None:
                _quietly_shutdown(client)
            raise MailboxError(f"cannot log in to {self.settings.host}:{self.settings.port}: {e}") from e
        self._client = client
        return self

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - a dead connection cannot log out; nothing to save
            _quietly_shutdown(client)

    def __enter__(self) -> Mailbox:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def client(self) -> IMAPClient:
        if self._client is None:
            raise MailboxError("mailbox is not connected")
        return self._client

    @property
    def name(self) -> str:
        """Stable identity of the watched folder, used as the dedupe key's first part."""
        return f"{self.settings.user}@{self.settings.host}/{self.settings.folder}"

    def has(self, capability: str) -> bool:
        return capability.upper() in self.capabilities

    # -- folders ----------------------------------------------------------------------
    def ensure_folder(self, folder: str) -> None:
        try:
            if not self.client.folder_exists(folder):
                self.client.create_folder(folder)
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"cannot create folder {folder}: {e}") from e

    def select(self, folder: str | None = None) -> int:
        """Select the folder (read-write); return its UIDVALIDITY."""
        folder = folder or self.settings.folder
        try:
            info = self.client.select_folder(folder)
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"cannot select {folder}: {e}") from e
        return int(info[b"UIDVALIDITY"])

    # -- reading ----------------------------------------------------------------------
    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs greater than ``last_uid``.

        ``UID SEARCH UID n:*`` always includes the highest message even when its UID is
        below n (RFC 3501 §6.4.8), so the result is filtered again.
        """
        try:
            uids = self.client.search(["UID", f"{last_uid + 1}:*"])
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"UID SEARCH failed: {e}") from e
        return sorted(u for u in uids if u > last_uid)

    def headers(self, uids: list[int]) -> list[MailHeader]:
        """Sizes and arrival times, so bodies can be fetched in bounded batches."""
        out = []
        try:
            for i in range(0, len(uids), 500):
                resp = self.client.fetch(uids[i : i + 500], ["RFC822.SIZE", "INTERNALDATE"])
                for uid, data in resp.items():
                    out.append(MailHeader(uid, int(data[b"RFC822.SIZE"]), _aware(data[b"INTERNALDATE"])))
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"FETCH sizes failed: {e}") from e
        return sorted(out, key=lambda h: h.uid)

    def fetch(self, headers: list[MailHeader]) -> Iterator[FetchedMail]:
        """Bodies with BODY.PEEK[] (nothing marked \\Seen), in batches bounded by count and bytes."""
        batch: list[MailHeader] = []
        size = 0
        for h in headers:
            if batch and (len(batch) >= self.settings.batch_size or size + h.size > BATCH_BYTES):
                yield from self._fetch_batch(batch)
                batch, size = [], 0
            batch.append(h)
            size += h.size
        if batch:
            yield from self._fetch_batch(batch)

    def _fetch_batch(self, batch: list[MailHeader]) -> Iterator[FetchedMail]:
        try:
            resp = self.client.fetch([h.uid for h in batch], ["BODY.PEEK[]"])
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"FETCH bodies failed: {e}") from e
        for h in batch:
            # Popped, so that a body is freed as soon as the caller is done with it
            # instead of when the whole batch is.
            data = resp.pop(h.uid, None)
            if data is None:  # expunged by someone else meanwhile
                continue
            raw = data.get(b"BODY[]") or b""
            yield FetchedMail(h.uid, raw, h.internaldate, len(raw))

    # -- moving -----------------------------------------------------------------------
    def move(self, uid: int | list[int], folder: str) -> None:
        """Move messages out of the selected folder (one command for a list of UIDs)."""
        uids = [uid] if isinstance(uid, int) else sorted(uid)
        if not uids:
            return
        try:
            if self.has("MOVE"):
                self.client.move(uids, folder)
                return
            self.client.copy(uids, folder)
            self.client.add_flags(uids, [b"\\Deleted"], silent=True)
            if self.has("UIDPLUS"):
                self.client.uid_expunge(uids)
            else:
                # Without UIDPLUS a plain EXPUNGE would also remove other \Deleted mail;
                # leave it flagged, it is already recorded and will be skipped.
                log.warning("server lacks MOVE and UIDPLUS; uids %s left flagged \\Deleted", uids)
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"cannot move uids {uids} to {folder}: {e}") from e

    def has_copy(self, folder: str, message_id: str) -> bool:
        """Whether ``folder`` holds a mail with this Message-ID (recovery path only).

        Selects ``folder`` read-only and then the watched folder again, so it costs two
        round trips; it is used only for a mail already recorded but still in the inbox.
        """
        try:
            self.client.select_folder(folder, readonly=True)
            try:
                found = self.client.search(["HEADER", "Message-ID", message_id])
            finally:
                self.client.select_folder(self.settings.folder)
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"cannot search {folder}: {e}") from e
        return bool(found)

    def delete(self, uid: int) -> None:
        """Remove one message from the selected folder (flag and expunge it)."""
        try:
            self.client.add_flags([uid], [b"\\Deleted"], silent=True)
            if self.has("UIDPLUS"):
                self.client.uid_expunge([uid])
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"cannot delete uid {uid}: {e}") from e

    def append(
        self, folder: str, raw: bytes, when: datetime | None = None, flags: tuple[bytes, ...] = ()
    ) -> None:
        try:
            self.client.append(folder, raw, flags=flags, msg_time=when)
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"APPEND to {folder} failed: {e}") from e

    # -- waiting ----------------------------------------------------------------------
    def idle_wait(self, seconds: float, should_stop: Callable[[], bool] = lambda: False) -> bool:
        """Wait in IDLE up to ``seconds``; True when the server announced new mail.

        The wait is checked every second so a shutdown request is honoured quickly;
        callers keep ``seconds`` under 29 minutes (RFC 2177 servers drop longer IDLEs).
        """
        deadline = time.monotonic() + seconds
        got_mail = False
        try:
            self.client.idle()
            try:
                while not got_mail and not should_stop() and time.monotonic() < deadline:
                    responses = self.client.idle_check(timeout=1)
                    got_mail = any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)
            finally:
                self.client.idle_done()
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"IDLE failed: {e}") from e
        return got_mail

    def noop(self) -> None:
        try:
            self.client.noop()
        except _NETWORK_ERRORS as e:
            raise MailboxError(f"NOOP failed: {e}") from e


def _quiet_literals(client: IMAPClient) -> None:
    imap = getattr(client, "_imap", None)  # imaplib.IMAP4 inside; tests may hand in fakes
    if imap is not None and getattr(imap, "debug", 0) > _IMAPLIB_DEBUG:
        imap.debug = _IMAPLIB_DEBUG


def _quietly_shutdown(client: IMAPClient) -> None:
    with contextlib.suppress(Exception):
        client.shutdown()


def _aware(value: datetime) -> datetime:
    # Servers always send an offset; a naive value would only come from a broken server.
    return value if value.tzinfo else value.replace(tzinfo=UTC)
