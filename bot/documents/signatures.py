"""Digital signatures (chữ ký số) on a PDF, verified with pyHanko: who, when, intact, trusted.

:func:`verify_signatures` reads every signature field of a PDF and answers, per
signature, as :class:`SignatureFacts`:

* ``signer`` and ``organisation``: the signing certificate's common name and
  organisation (O, else OU);
* ``signed_at``: the time of a signature timestamp when there is one, else the time the
  signer's software claims (``/M`` or the signed ``signingTime`` attribute);
* ``intact``: the signed bytes hash to what was signed, the signature covers the whole
  revision it signed, and whatever was appended after it (incremental updates) is of a
  kind signature policies allow (pyHanko's difference analysis: new signatures, form
  fields, annotations — not page content);
* ``trusted``: the certificate chains to one of the office's trusted roots
  (:class:`SignaturePolicy`, from ``documents.trusted_signature_roots``), valid at the
  signing time; ``None`` when no root is configured (nothing to check against);
* ``checks``: which checks were made — ``integrity``, ``modifications``, ``chain``,
  ``validity`` (the certificate's period, part of the chain check), ``revocation``
  (only when configured *and* the CRL/OCSP responder answered);
* ``problem``: what is wrong in a word: ``altered``, ``expired``, ``untrusted``,
  ``revoked``, ``unreadable`` (``None`` when nothing is).

Pure over the bytes, except that revocation checking, when configured, fetches CRLs or
OCSP answers over HTTP with a short timeout; without it nothing leaves the process.
A PDF without a ``/ByteRange`` has no signature and costs one substring search.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

ALTERED = "altered"
EXPIRED = "expired"
UNTRUSTED = "untrusted"
REVOKED = "revoked"
UNREADABLE = "unreadable"
MAX_SIGNATURES = 20


@dataclass(frozen=True)
class SignaturePolicy:
    """What to trust: root certificates (DER) and whether to check revocation online."""

    roots_der: tuple[bytes, ...] = ()
    check_revocation: bool = False
    revocation_timeout_seconds: float = 10.0


@dataclass(frozen=True)
class SignatureFacts:
    field: str
    signer: str | None
    organisation: str | None
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool | None
    checks: tuple[str, ...] = ()
    problem: str | None = None
    detail: str | None = None  # English, for logs and staff
    coverage: str | None = None  # entire_file | entire_revision | partial
    modified_after: bool = False  # an incremental update follows the signature

    @property
    def valid(self) -> bool:
        """Intact and trusted: what the acknowledgment calls "hợp lệ"."""
        return self.intact and self.trusted is True and self.problem is None

    def as_dict(self) -> dict[str, Any]:
        """The ``status --json`` / stored form (keys of the published contract first)."""
        return {
            "signer": self.signer,
            "organisation": self.organisation,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "intact": self.intact,
            "trusted": self.trusted,
            "checks": list(self.checks),
            "problem": self.problem,
            "field": self.field,
            "coverage": self.coverage,
            "modified_after": self.modified_after,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SignatureFacts:
        when = d.get("signed_at")
        return cls(
            field=str(d.get("field") or ""),
            signer=d.get("signer"),
            organisation=d.get("organisation"),
            signed_at=dt.datetime.fromisoformat(when) if when else None,
            intact=bool(d.get("intact")),
            trusted=d.get("trusted"),
            checks=tuple(d.get("checks") or ()),
            problem=d.get("problem"),
            coverage=d.get("coverage"),
            modified_after=bool(d.get("modified_after")),
        )


def might_be_signed(data: bytes) -> bool:
    """Cheap pre-check: a signed PDF has a ``/ByteRange`` (and a ``/Sig`` dictionary)."""
    return data[:5] == b"%PDF-" and b"/ByteRange" in data


def verify_signatures(data: bytes, policy: SignaturePolicy | None = None) -> tuple[SignatureFacts, ...]:
    """Every signature of the PDF ``data`` (empty when it has none).  Never raises."""
    if not might_be_signed(data):
        return ()
    policy = policy or SignaturePolicy()
    try:
        return _verify(data, policy)
    except Exception as e:  # a hostile or odd PDF must not break intake
        log.info("signatures of a PDF could not be read: %s: %s", type(e).__name__, e)
        return (
            SignatureFacts(
                field="",
                signer=None,
                organisation=None,
                signed_at=None,
                intact=False,
                trusted=None,
                problem=UNREADABLE,
                detail=f"{type(e).__name__}: {e}",
            ),
        )


def _verify(data: bytes, policy: SignaturePolicy) -> tuple[SignatureFacts, ...]:
    # pyHanko costs ~0.4 s to import: only documents that carry a signature pay it.
    from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: PLC0415

    # pyHanko logs a traceback for every certificate it cannot chain; the result says it.
    logging.getLogger("pyhanko").setLevel(logging.ERROR)
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    out = []
    for emb in reader.embedded_regular_signatures[:MAX_SIGNATURES]:
        out.append(_one(emb, policy))
    return tuple(out)


async def _validate(
    emb: Any, policy: SignaturePolicy, moment: dt.datetime | None
) -> tuple[Any, list[Exception]]:
    """pyHanko's status of one signature, and the revocation look-ups that failed softly."""
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415
    from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature  # noqa: PLC0415
    from pyhanko_certvalidator import ValidationContext  # noqa: PLC0415

    kwargs: dict[str, Any] = {
        "trust_roots": [asn1_x509.Certificate.load(der) for der in policy.roots_der],
        "allow_fetching": policy.check_revocation,
        "revocation_mode": "soft-fail",
    }
    if moment is not None:
        # The certificate must have been valid when the document was signed (without a
        # timestamp authority: the signer's claimed time; a later expiry does not spoil it).
        kwargs["moment"] = moment
    backend = None
    if policy.check_revocation:
        from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend  # noqa: PLC0415

        backend = kwargs["fetcher_backend"] = AIOHttpFetcherBackend(
            per_request_timeout=policy.revocation_timeout_seconds
        )
    vc = ValidationContext(**kwargs)
    try:
        status = await async_validate_pdf_signature(emb, signer_validation_context=vc)
        return status, list(vc.soft_fail_exceptions)
    finally:
        await vc.aclose()
        if backend is not None:
            await backend.close()


def _names(cert: Any) -> tuple[str | None, str | None]:
    subject = cert.subject.native
    org = subject.get("organization_name") or subject.get("organizational_unit_name")
    if isinstance(org, list):
        org = ", ".join(org)
    return subject.get("common_name"), org


def _one(emb: Any, policy: SignaturePolicy) -> SignatureFacts:
    name = str(emb.field_name or "")
    claimed = emb.self_reported_timestamp
    signer, org = _names(emb.signer_cert)
    status, soft_failures = asyncio.run(_validate(emb, policy, claimed))
    checks = ["integrity", "modifications"]
    coverage = status.coverage.name.lower() if status.coverage is not None else None
    modified_after = coverage != "entire_file"
    level = status.modification_level
    allowed_updates = level is None or level.name in ("NONE", "LTA_UPDATES", "FORM_FILLING", "ANNOTATIONS")
    intact = bool(status.intact and status.valid) and coverage in ("entire_file", "entire_revision")
    intact = intact and allowed_updates and status.docmdp_ok is not False
    signed_at = (
        status.timestamp_validity.timestamp if status.timestamp_validity else status.signer_reported_dt
    )
    signed_at = signed_at or claimed
    trusted: bool | None = None
    problem = None if intact else ALTERED
    detail = None if intact else f"coverage={coverage}, modifications={level.name if level else None}"
    if policy.roots_der:
        checks += ["chain", "validity"]
        trusted = bool(status.trusted)
        if not trusted and problem is None:
            problem, detail = _trust_problem(status)
        if policy.check_revocation and not soft_failures:
            checks.append("revocation")
            if status.revocation_details is not None:
                trusted, problem, detail = False, problem or REVOKED, "the certificate was revoked"
    return SignatureFacts(
        field=name,
        signer=signer,
        organisation=org,
        signed_at=signed_at,
        intact=intact,
        trusted=trusted,
        checks=tuple(checks),
        problem=problem,
        detail=detail,
        coverage=coverage,
        modified_after=modified_after,
    )


def _trust_problem(status: Any) -> tuple[str, str]:
    indic = status.trust_problem_indic
    name = indic.name if indic is not None else ""
    if status.revocation_details is not None or "REVOKED" in name:
        return REVOKED, "the certificate was revoked"
    if "EXPIRED" in name or "OUT_OF_BOUNDS" in name or "NOT_YET_VALID" in name:
        return EXPIRED, f"the certificate was not valid at the signing time ({name})"
    return UNTRUSTED, f"no path to a trusted root ({name or 'unknown'})"
