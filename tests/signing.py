"""A private PKI and real PDF signatures for the signature tests.

:func:`make_pki` builds a root CA, an intermediate CA and signer certificates with the
``cryptography`` package (RSA 2048, SHA-256), like the government's specialised CA
issues them to an official: the signer's name in CN, the organisation in O.  A second,
unrelated root (an "untrusted" CA) and an expired signer are made too.
:func:`sign_pdf` signs a PDF with pyHanko (invisible, or visible with a stamp box);
:func:`append_update` adds an incremental update after a signature (an allowed one: a
new annotation-free form field value; or a disallowed one: page content replaced).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Identity:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...]  # issuing CAs, nearest first


@dataclass(frozen=True)
class Pki:
    root: Identity
    intermediate: Identity
    other_root: Identity
    signer: Identity  # Nguyễn Văn An, Đảng ủy Sở Y tế
    second_signer: Identity  # Trần Thị Bình, Đảng ủy Khối
    expired_signer: Identity
    untrusted_signer: Identity  # issued by other_root

    def write_root(self, path: Path, which: str = "root") -> Path:
        ident: Identity = getattr(self, which)
        path.write_bytes(ident.cert.public_bytes(serialization.Encoding.PEM))
        return path


def _name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


_KEYS: list[rsa.RSAPrivateKey] = []


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _issue(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: Identity | None,
    ca: bool,
    not_before: dt.datetime,
    not_after: dt.datetime,
    crl_url: str | None = None,
) -> Identity:
    issuer_name = issuer.cert.subject if issuer else subject
    signing_key = issuer.key if issuer else key
    b = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        b = b.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False
        )
    if ca:
        usage = dict(key_cert_sign=True, crl_sign=True, digital_signature=False, content_commitment=False)
    else:
        usage = dict(key_cert_sign=False, crl_sign=False, digital_signature=True, content_commitment=True)
    b = b.add_extension(
        x509.KeyUsage(
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            encipher_only=False,
            decipher_only=False,
            **usage,
        ),  # fmt: skip
        critical=True,
    )
    if crl_url:
        point = x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)
        b = b.add_extension(x509.CRLDistributionPoints([point]), critical=False)
    cert = b.sign(signing_key, hashes.SHA256())
    chain = (issuer.cert, *issuer.chain) if issuer else ()
    return Identity(cert, key, chain)


def make_pki(crl_url: str | None = None) -> Pki:
    """A fresh PKI; ``crl_url`` goes into the signer certificates' CRL distribution point."""
    long_ago, far = NOW - dt.timedelta(days=3650), NOW + dt.timedelta(days=3650)
    root = _issue(
        _name("Test Root CA Chính phủ", "Ban Cơ yếu Chính phủ (thử nghiệm)"),
        _key(),
        None,
        True,
        long_ago,
        far,
    )
    inter = _issue(_name("Test CA phục vụ các cơ quan Đảng", "Ban Cơ yếu Chính phủ (thử nghiệm)"), _key(), root, True,
                   long_ago, far)  # fmt: skip
    other = _issue(_name("Untrusted Test Root", "Somebody Else"), _key(), None, True, long_ago, far)
    year = dt.timedelta(days=365)
    signer = _issue(
        _name("Nguyễn Văn An", "Đảng ủy Sở Y tế"), _key(), inter, False, NOW - year, NOW + year, crl_url
    )
    second = _issue(_name("Trần Thị Bình", "Đảng ủy Khối các cơ quan tỉnh"), _key(), inter, False, NOW - year,
                    NOW + year, crl_url)  # fmt: skip
    expired = _issue(
        _name("Lê Văn Cũ", "Chi bộ Sở Ngoại vụ"), _key(), inter, False, NOW - 3 * year, NOW - year
    )
    untrusted = _issue(_name("Phạm Văn Lạ", "Không rõ"), _key(), other, False, NOW - year, NOW + year)
    return Pki(root, inter, other, signer, second, expired, untrusted)


def _signer(ident: Identity):
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der_key = ident.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    to_asn1 = lambda c: asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))  # noqa: E731
    return signers.SimpleSigner(
        signing_cert=to_asn1(ident.cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([to_asn1(c) for c in ident.chain]),
    )


def sign_pdf(pdf: bytes, ident: Identity, field: str = "Signature1", visible: bool = False) -> bytes:
    """``pdf`` with one more signature by ``ident`` (an incremental update, as every signer does)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    spec = fields.SigFieldSpec(field, on_page=0, box=(380, 60, 560, 130) if visible else None)
    meta = signers.PdfSignatureMetadata(field_name=field, reason="Ký số văn bản", location="Thái Nguyên")
    out = signers.PdfSigner(meta, signer=_signer(ident), new_field_spec=spec).sign_pdf(w)
    return out.getvalue()


def append_update(pdf: bytes, allowed: bool) -> bytes:
    """An incremental update after the signatures: ``allowed`` adds document info metadata
    (an update signature policies permit); otherwise the first page's content is replaced."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if allowed:
        # A second, empty signature field for the next signer: an update the policy allows.
        from pyhanko.sign import fields

        fields.append_signature_field(w, fields.SigFieldSpec("Signature_next", on_page=0))
    else:
        page = w.root["/Pages"]["/Kids"][0].get_object()
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (SUA DOI SAU KHI KY) Tj ET")
        page["/Contents"] = w.add_object(stream)
        w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def flip_byte_in_signed_range(pdf: bytes) -> bytes:
    """The same file with one byte of the signed content changed (not the signature itself)."""
    i = pdf.index(b"stream\n", 200) + 20  # inside the first content stream: signed bytes
    return pdf[:i] + bytes([pdf[i] ^ 0x01]) + pdf[i + 1 :]


def libreoffice_pdfs(cache_root: Path) -> dict[str, bytes]:
    """Real LibreOffice PDFs of the corpus' Tờ trình and KL01 report of Đảng bộ Sở Y tế."""
    from tests.corpus.docxgen import render_docx
    from tests.corpus.make_corpus import _Cache, load_units, soffice_convert
    from tests.corpus.texts import Nominee, kl01_blocks, to_trinh_blocks

    unit = next(u for u in load_units() if u.code == "SYT")
    nominees = [Nominee("Nguyễn Thị Hoa", "ca_nhan", "Phó Trưởng phòng Nghiệp vụ Y, Sở Y tế")]
    docx = {
        "sig-to-trinh": render_docx(to_trinh_blocks(unit, nominees)),
        "sig-kl01": render_docx(kl01_blocks(unit)),
    }
    cache_root.mkdir(parents=True, exist_ok=True)
    return soffice_convert(docx, "pdf", _Cache(cache_root))


def crl_der(issuer: Identity, revoked: list[x509.Certificate]) -> bytes:
    """A CRL of ``issuer`` listing ``revoked``."""
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW - dt.timedelta(days=1))
        .next_update(NOW + dt.timedelta(days=30))
    )
    for cert in revoked:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(NOW - dt.timedelta(days=2))
            .build()
        )
    return b.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
