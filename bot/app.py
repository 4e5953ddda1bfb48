"""The wired application: settings, campaign, database and file store, built once.

Only the command line (``bot.cli``, ``bot.commands``) builds an :class:`App`.  The pipeline,
the jobs, the dashboard and outgoing mail receive it; the layers below it (the store, the
plan, the matchers, intake) receive only the pieces they need, as arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from bot.campaign.model import Campaign, load_campaign
from bot.config import Settings, load_settings, pem_certificates_der
from bot.documents.signatures import SignaturePolicy
from bot.intake.limits import ParseLimits
from bot.intake.storage import FileStore
from bot.store.db import Database, open_database

MB = 1024 * 1024


@dataclass
class App:
    settings: Settings
    campaign: Campaign

    @cached_property
    def db(self) -> Database:
        return open_database(self.settings.database.url)

    @cached_property
    def files(self) -> FileStore:
        return FileStore(self.settings.storage.directory)

    @cached_property
    def parse_limits(self) -> ParseLimits:
        s = self.settings.storage
        return ParseLimits(
            max_attachment_bytes=int(s.max_attachment_mb * MB),
            max_message_bytes=int(s.max_message_mb * MB),
            max_archive_depth=s.max_archive_depth,
            max_archive_files=s.max_archive_files,
            max_archive_total_bytes=int(s.max_archive_total_mb * MB),
            max_compression_ratio=s.max_compression_ratio,
        )

    @cached_property
    def signature_policy(self) -> SignaturePolicy:
        """The roots the office trusts for digital signatures (validated when settings load)."""
        d = self.settings.documents
        return SignaturePolicy(
            roots_der=tuple(der for path in d.trusted_signature_roots for der in pem_certificates_der(path)),
            check_revocation=d.check_revocation,
            revocation_timeout_seconds=d.revocation_timeout_seconds,
        )

    @property
    def own_addresses(self) -> frozenset[str]:
        return frozenset({self.settings.smtp.from_address.lower(), self.settings.mailbox.user.lower()})


def build_app(config_path: str) -> App:
    """Load and validate everything; raises ConfigError naming the file and key."""
    settings = load_settings(config_path)
    campaign = load_campaign(settings.campaign_file)
    return App(settings, campaign)
