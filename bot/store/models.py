"""SQLAlchemy 2.0 typed models: units, messages, attachments, submissions, outbox, audit.

The schema is created and upgraded only through Alembic (``bot/store/migrations``);
``intake-bot init`` runs the migrations.  Times are stored as UTC and always come back
timezone-aware (:class:`UTCDateTime`), because SQLite has no time-zone type and a naive
datetime compared with a deadline is a bug waiting to happen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; stored naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
        bytes: LargeBinary,
    }


class Unit(Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))
    secretary: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    addresses: Mapped[list[UnitAddress]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAddress.id"
    )
    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.id"
    )


class UnitAddress(Base):
    __tablename__ = "unit_addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    unit: Mapped[Unit] = relationship(back_populates="addresses")


class UnitAlias(Base):
    __tablename__ = "unit_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    unit: Mapped[Unit] = relationship(back_populates="aliases")


class MailboxState(Base):
    """Per mailbox folder: where the bot is, so a poll asks only for newer UIDs."""

    __tablename__ = "mailbox_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(400), unique=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_poll_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class Message(Base):
    """One mail taken from the mailbox.  ``state``: processed | quarantined | ignored."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_message_uid"),
        Index("ix_message_dedupe", "message_id_header", "content_sha256"),
        Index("ix_message_sha", "content_sha256"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(400))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id_header: Mapped[str | None] = mapped_column(String(998))
    content_sha256: Mapped[str] = mapped_column(String(64))
    raw_path: Mapped[str | None] = mapped_column(String(400))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    received_at: Mapped[datetime]  # IMAP INTERNALDATE: when the server received it
    date_header: Mapped[datetime | None]
    sender: Mapped[str | None] = mapped_column(String(320))
    sender_name: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(Text, default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[Any]] = mapped_column(default=list)
    body_excerpt: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20))
    # Why: quarantine reason, auto_reply, bounce, own_mail, duplicate_of:<id>, ...
    reason: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(20), default="submission")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    match_rule: Mapped[str | None] = mapped_column(String(40))
    match_evidence: Mapped[list[Any]] = mapped_column(default=list)
    suggested_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reason: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[list[Any]] = mapped_column(default=list)
    drive_links: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime]
    unit: Mapped[Unit | None] = relationship(foreign_keys=[unit_id])
    suggested_unit: Mapped[Unit | None] = relationship(foreign_keys=[suggested_unit_id])
    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="message", cascade="all, delete-orphan", order_by="AttachmentRow.id"
    )


# The key of ``AttachmentRow.facts`` holding ``Attachment.locked_members`` (absent: not locked).
LOCKED_MEMBERS_KEY = "locked_members"
# ... holding ``Attachment.locked_in``: the locked archive that lists this (unread) file.
LOCKED_IN_KEY = "locked_in"
# ... holding what other paper it is ("biên bản"), when its title says it is none of the plan's.
OTHER_PAPER_KEY = "other_paper"
WRONG_DOCUMENT_KEY = "wrong_document"


class AttachmentRow(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_filename: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(300))
    stored_path: Mapped[str | None] = mapped_column(String(400))
    size: Mapped[int] = mapped_column(BigInteger)
    declared_type: Mapped[str] = mapped_column(String(200))
    sniffed_type: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(400), default="mail")
    text_excerpt: Mapped[str] = mapped_column(Text, default="")
    page_count: Mapped[int | None] = mapped_column(Integer)
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    problem: Mapped[str | None] = mapped_column(String(40))
    problem_detail: Mapped[str | None] = mapped_column(Text)
    message: Mapped[Message] = relationship(back_populates="attachments")

    @property
    def locked_members(self) -> tuple[str, ...] | None:
        """For an archive a password kept closed, the file names it lists (``()``: hidden)."""
        names = (self.facts or {}).get(LOCKED_MEMBERS_KEY)
        return None if names is None else tuple(names)

    @property
    def locked_in(self) -> str | None:
        """For a file a locked archive lists (unread), that archive's name."""
        return (self.facts or {}).get(LOCKED_IN_KEY)

    @property
    def other_paper(self) -> str | None:
        """The kind of paper it is when it is none of the plan's documents ("biên bản")."""
        return (self.facts or {}).get(OTHER_PAPER_KEY)

    @property
    def wrong_document(self) -> dict[str, str] | None:
        """``{"title", "named_as"}`` when its name says one of the plan's documents and its
        own title says another paper (:data:`WRONG_DOCUMENT_KEY`)."""
        return (self.facts or {}).get(WRONG_DOCUMENT_KEY)


class Nomination(Base):
    """A collective (tap_the) or individual (ca_nhan) a unit proposes."""

    __tablename__ = "nominations"
    __table_args__ = (UniqueConstraint("campaign", "unit_id", "kind", "name_key", name="uq_nomination"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime]
    # Set when the unit dropped the nominee (a whole-dossier resend without it, or staff):
    # its files stay as history and no longer count.
    withdrawn_at: Mapped[datetime | None] = mapped_column()
    # Set while the nominee is known only from a mail whose sender staff have not confirmed
    # (an address not registered for the unit): shown as such, outside quotas and exports;
    # cleared when staff record that mail or the unit's own address names the nominee.
    pending_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", name="fk_nominations_pending_message")
    )
    unit: Mapped[Unit] = relationship()


class Submission(Base):
    """One file counted (or proposed) as one deliverable of one unit (and nominee).

    ``status``: received | needs_review | rejected | redo.  A newer file for the same
    unit, deliverable and nominee sets ``superseded_by_id`` on the older one: history is
    kept, status uses the latest.
    """

    __tablename__ = "submissions"
    __table_args__ = (Index("ix_submission_lookup", "campaign", "unit_id", "deliverable"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    deliverable: Mapped[str | None] = mapped_column(String(64))
    nomination_id: Mapped[int | None] = mapped_column(ForeignKey("nominations.id"))
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"))
    received_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    problems: Mapped[list[Any]] = mapped_column(default=list)
    # For a file waiting for review: the nominations it may be for (ids), best first.
    candidates: Mapped[list[Any] | None] = mapped_column()
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    verdict: Mapped[str | None] = mapped_column(String(20))
    verdict_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    attachment: Mapped[AttachmentRow] = relationship()
    message: Mapped[Message] = relationship()
    nomination: Mapped[Nomination | None] = relationship()
    unit: Mapped[Unit | None] = relationship()


class Extension(Base):
    """A later deadline granted to one unit, for one deliverable or all of a deadline's."""

    __tablename__ = "extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    campaign: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    deliverable: Mapped[str | None] = mapped_column(String(64))
    deadline_id: Mapped[str] = mapped_column(String(64))
    until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))


class OutboxMail(Base):
    """A rendered mail waiting to be sent (or sent).  The idempotency key makes every
    mail the bot decides to send exist at most once, whatever crashes in between."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_rate", "kind", "rate_key", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(400), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    campaign: Mapped[str | None] = mapped_column(String(64))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    message_id_header: Mapped[str] = mapped_column(String(400), unique=True)
    recipients: Mapped[list[Any]] = mapped_column(default=list)
    subject: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes | None] = mapped_column()
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sending|sent|failed|held
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    in_reply_to_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    # The first recipient, normalised (bot.campaign.units.normalize_email): the
    # per-address flood limit counts on it through ix_outbox_rate.
    rate_key: Mapped[str | None] = mapped_column(String(320))


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(100))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class StaffSession(Base):
    """A logged-in dashboard session, checked on every request (``bot/web/sessions.py``).

    The cookie holds a random token; only its sha256 is stored.  Logging out sets
    ``ended_at``, so a copied cookie stops working at once, whatever its signature says.
    """

    __tablename__ = "staff_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_name: Mapped[str] = mapped_column(String(100))
    client: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class JobRun(Base):
    """Last run of each scheduled job (poll, digest, remind), for health and catch-up."""

    __tablename__ = "job_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(60), unique=True)
    last_run_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
