"""Bot settings: the TOML file an operator edits, validated once into frozen models.

``load_settings(path)`` is the only entry point.  It reads ``bot.toml``, checks every key
(unknown keys are errors, so a typo never silently falls back to a default), resolves
secrets from the environment or a secrets file, loads the campaign the settings point
to, and raises :class:`~bot.errors.ConfigError` naming the file and the key otherwise.

Passwords never live in the TOML: the file names an environment variable
(``password_env``), and the value is read from the environment or from the secrets
file given by ``secrets_file`` / ``INTAKE_SECRETS_FILE`` (``KEY=VALUE`` lines).  The
value is held as a :class:`pydantic.SecretStr`, so it is masked in reprs and logs.
"""

from __future__ import annotations

import ipaddress
import os
from datetime import time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pydantic import BeforeValidator, Field, SecretStr, ValidationError, field_validator

from bot.errors import ConfigError
from bot.validation import Frozen, TimeZoneName, raise_validation, read_toml

TlsMode = Literal["implicit", "starttls", "none"]


class MailboxSettings(Frozen):
    host: str
    port: int = Field(993, ge=1, le=65535)
    tls: TlsMode = "implicit"
    # Plaintext is only for loopback test servers; the operator has to say so explicitly.
    allow_plaintext: bool = False
    verify_certificate: bool = True
    ca_file: str | None = None
    user: str
    password_env: str = "INTAKE_IMAP_PASSWORD"
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    batch_size: int = Field(50, ge=1, le=1000)
    poll_interval_minutes: float = Field(5, gt=0)
    use_idle: bool = True
    timeout_seconds: float = Field(60, gt=0)
    # Worker processes that parse mail and read documents while the poller records the
    # previous mails: "auto" is one per CPU (at most 4) on a machine with more than one
    # CPU; 0 reads everything in the polling process.
    analysis_workers: int | Literal["auto"] = "auto"
    # The authserv-id under which the office's receiving server writes its
    # Authentication-Results (RFC 8601).  Set: a registered address counts only when
    # that server proves the From domain (dmarc=pass, or an aligned dkim/spf pass);
    # README "Security model".  Unset: the server is trusted to refuse forged mail.
    trusted_authserv_id: str | None = Field(None, min_length=1, pattern=r"^[A-Za-z0-9._-]+$")

    @field_validator("analysis_workers")
    @classmethod
    def _workers_range(cls, v: int | str) -> int | str:
        if isinstance(v, int) and not 0 <= v <= 32:
            raise ValueError('must be between 0 and 32, or "auto"')
        return v

    def worker_count(self) -> int:
        if self.analysis_workers == "auto":
            cpus = os.cpu_count() or 1
            return min(cpus, 4) if cpus > 1 else 0
        return int(self.analysis_workers)


class SmtpSettings(Frozen):
    host: str
    port: int = Field(587, ge=1, le=65535)
    tls: TlsMode = "starttls"
    allow_plaintext: bool = False
    verify_certificate: bool = True
    ca_file: str | None = None
    user: str | None = None
    password_env: str = "INTAKE_SMTP_PASSWORD"
    from_address: str
    from_name: str = "Ban Tuyên giáo Đảng ủy Khối"
    timeout_seconds: float = Field(60, gt=0)
    # Acknowledgments to one sender within an hour beyond this are held back (mail floods).
    max_acks_per_sender_per_hour: int = Field(20, ge=1)
    # Holding replies to unregistered senders (one per sender and day at most) beyond this
    # many in an hour, all senders together, are not sent: strangers cannot make the bot
    # write to the world.
    max_holding_replies_per_hour: int = Field(10, ge=0)


class DatabaseSettings(Frozen):
    """Where the records live.  A PostgreSQL password is a secret like the others: named by
    ``password_env`` and read from the environment or the secrets file, never in ``url``."""

    url: str = "sqlite:///var/intake.sqlite3"
    password_env: str = "INTAKE_DATABASE_PASSWORD"

    @field_validator("url")
    @classmethod
    def _no_password(cls, v: str) -> str:
        parts = urlsplit(v)
        userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
        query = {k.lower() for k, _ in parse_qsl(parts.query)}
        if ":" in userinfo or "password" in query:
            raise ValueError(
                "passwords are not allowed in database.url; set database.password_env "
                "(default INTAKE_DATABASE_PASSWORD) and put the value in the environment or the secrets file"
            )
        return v


class StorageSettings(Frozen):
    directory: str = "var/files"
    max_attachment_mb: float = Field(25, gt=0)
    max_message_mb: float = Field(60, gt=0)
    max_archive_depth: int = Field(2, ge=0, le=5)
    max_archive_files: int = Field(200, ge=1)
    max_archive_total_mb: float = Field(200, gt=0)
    max_compression_ratio: float = Field(100, gt=1)


class StaffSettings(Frozen):
    digest_recipients: list[str] = []
    office_name: str = "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh"
    office_phone: str = ""
    # The person units may call about their dossier, named in every mail's signature
    # ("Người liên hệ: đồng chí …, điện thoại …") when set.
    contact_name: str = ""
    contact_phone: str = ""
    # Where staff reach the dashboard ("https://hoso.example.gov.vn"); the digest links to it.
    dashboard_url: str = ""


class ScheduleSettings(Frozen):
    digest_time: time = time(7, 30)
    outbox_interval_minutes: float = Field(2, gt=0)
    # Reminders move to the working day before a weekend or a Vietnamese public holiday,
    # overdue notices to the working day after: nothing goes out on a Saturday.
    skip_weekends: bool = True
    skip_public_holidays: bool = True


def pem_certificates_der(path: str) -> list[bytes]:
    """The certificates of a PEM file, DER-encoded; ValueError when there is none or one is bad."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise ValueError(f"cannot read {path}: {e.strerror}") from e
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError as e:
        raise ValueError(f"{path} is not a PEM certificate file: {e}") from e
    return [c.public_bytes(serialization.Encoding.DER) for c in certs]


class DocumentsSettings(Frozen):
    """Reading documents: the roots trusted for digital signatures (chữ ký số) on PDFs."""

    # PEM files of root certificates (the government's specialised CA, public CAs); read
    # and checked at start.  Empty: signatures are read, not trusted.
    trusted_signature_roots: list[str] = []
    # Ask the CRL / OCSP responders named in the certificates (network); off by default.
    check_revocation: bool = False
    revocation_timeout_seconds: float = Field(10, gt=0, le=120)

    @field_validator("trusted_signature_roots")
    @classmethod
    def _roots_are_certificates(cls, v: list[str]) -> list[str]:
        for path in v:
            pem_certificates_der(path)
        return v


ProxyNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _proxy_network(v: object) -> object:
    """``"127.0.0.1"`` or ``"10.0.0.0/8"`` as a network, parsed once when the file is read."""
    if isinstance(v, ipaddress.IPv4Network | ipaddress.IPv6Network):
        return v
    if not isinstance(v, str):
        raise ValueError(f"{v!r} is not an IP address or network (a string)")
    try:
        return ipaddress.ip_network(v, strict=False)
    except ValueError as e:
        raise ValueError(f"{v!r} is not an IP address or network") from e


class WebSettings(Frozen):
    """The staff dashboard behind a reverse proxy: whom to believe about the client's address.

    Failed logins are counted per client address and per user name.  Behind a reverse
    proxy every request comes from the proxy's address, so the real client is read from
    ``client_address_header`` (``X-Forwarded-For``: the rightmost address no trusted
    proxy wrote; ``X-Real-IP``: the address itself), and only when the request comes
    from one of ``trusted_proxies``; a header from anyone else is ignored.  This is the
    only place the proxy is trusted: ``intake-bot web`` has no option of its own for it.
    """

    client_address_header: str | None = Field(None, pattern=r"^[A-Za-z0-9-]+$")
    trusted_proxies: list[Annotated[ProxyNetwork, BeforeValidator(_proxy_network)]] = [
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("::1/128"),
    ]
    session_hours: float = Field(8, gt=0, le=24 * 7)
    login_failures_per_client: int = Field(5, ge=1)
    login_failures_per_user: int = Field(10, ge=1)
    login_window_minutes: float = Field(15, gt=0)


class Settings(Frozen):
    """Everything the bot needs to run, validated."""

    timezone: TimeZoneName = "Asia/Ho_Chi_Minh"
    campaign_file: str = "config/campaigns/120-KH-DUK-2024.toml"
    secrets_file: str | None = None
    # A directory of mail templates that replace the shipped ones of the same name
    # (e.g. only ack.txt); the others still come from mail_templates/.
    templates_directory: str | None = None
    mailbox: MailboxSettings
    smtp: SmtpSettings
    database: DatabaseSettings = DatabaseSettings()
    storage: StorageSettings = StorageSettings()
    staff: StaffSettings = StaffSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    web: WebSettings = WebSettings()
    documents: DocumentsSettings = DocumentsSettings()

    @field_validator("templates_directory")
    @classmethod
    def _templates_exist(cls, v: str | None) -> str | None:
        if v is not None and not Path(v).is_dir():
            raise ValueError(f"{v} is not a directory")
        return v

    # Set by load_settings: where the file came from and the secrets it resolved.
    source: str = ""
    secrets: dict[str, SecretStr] = {}

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def secret(self, env_name: str) -> str | None:
        """The secret named ``env_name``: environment first, then the secrets file."""
        value = os.environ.get(env_name)
        if value is not None:
            return value
        stored = self.secrets.get(env_name)
        return stored.get_secret_value() if stored else None


def _read_secrets_file(path: Path) -> dict[str, SecretStr]:
    """``KEY=VALUE`` lines; ``#`` comments and blank lines ignored."""
    out: dict[str, SecretStr] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(str(path), "secrets_file", f"cannot read secrets file: {e.strerror}") from e
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ConfigError(str(path), f"line {n}", "expected KEY=VALUE")
        key, value = line.split("=", 1)
        out[key.strip()] = SecretStr(value.strip().strip('"').strip("'"))
    return out


_PASSWORD_KEYS = {"password", "pass", "secret"}


def load_settings(path: str | Path) -> Settings:
    """Load and validate ``bot.toml``; raise ConfigError with file and key on any problem."""
    path = Path(path)
    data = read_toml(path)
    # A password written into the TOML is refused outright, so it cannot end up in git.
    for section, body in data.items():
        if isinstance(body, dict):
            for key in body:
                if key.lower() in _PASSWORD_KEYS:
                    raise ConfigError(
                        str(path),
                        f"{section}.{key}",
                        "passwords are not allowed in the config file; set password_env "
                        "and put the value in the environment or the secrets file",
                    )
    try:
        settings = Settings.model_validate(data)
    except ValidationError as e:
        raise_validation(str(path), e)
    secrets_path = os.environ.get("INTAKE_SECRETS_FILE") or settings.secrets_file
    secrets = _read_secrets_file(Path(secrets_path)) if secrets_path else {}
    return settings.model_copy(update={"source": str(path), "secrets": secrets})
