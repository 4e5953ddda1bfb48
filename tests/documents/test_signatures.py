"""Digital signatures on real LibreOffice PDFs, signed by pyHanko with a PKI made here.

Every case the office meets: one signer (invisible and visible), two signers, a signature
followed by an allowed incremental update, a page changed after signing, a byte changed
inside the signed range, an expired certificate, an untrusted root, no trusted root
configured, revocation configured but unreachable, and an unsigned PDF.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from bot.documents.signatures import SignaturePolicy, verify_signatures
from tests.signing import append_update, flip_byte_in_signed_range, libreoffice_pdfs, make_pki, sign_pdf

REPO = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.tools,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return libreoffice_pdfs(REPO / "var" / "test-signing")["sig-to-trinh"]


@pytest.fixture(scope="module")
def policy(pki) -> SignaturePolicy:
    return SignaturePolicy(roots_der=(pki.root.cert.public_bytes(serialization.Encoding.DER),))


def _one(data: bytes, policy: SignaturePolicy):
    [sig] = verify_signatures(data, policy)
    return sig


@pytest.mark.parametrize("visible", [False, True])
def test_one_signer_is_read_intact_and_trusted(pki, pdf, policy, visible):
    sig = _one(sign_pdf(pdf, pki.signer, visible=visible), policy)
    assert (sig.signer, sig.organisation) == ("Nguyễn Văn An", "Đảng ủy Sở Y tế")
    assert sig.intact and sig.trusted is True and sig.problem is None and sig.valid
    assert sig.signed_at is not None and sig.signed_at.tzinfo is not None
    assert sig.checks == ("integrity", "modifications", "chain", "validity")
    assert sig.coverage == "entire_file" and not sig.modified_after


def test_two_signers(pki, pdf, policy):
    first = sign_pdf(pdf, pki.signer)
    both = verify_signatures(sign_pdf(first, pki.second_signer, field="Signature2"), policy)
    assert [(s.signer, s.organisation) for s in both] == [
        ("Nguyễn Văn An", "Đảng ủy Sở Y tế"),
        ("Trần Thị Bình", "Đảng ủy Khối các cơ quan tỉnh"),
    ]
    assert all(s.valid for s in both)
    # The first signature covers its revision; what followed (a signature) is allowed.
    assert both[0].coverage == "entire_revision" and both[0].modified_after


def test_an_allowed_incremental_update_keeps_the_signature_intact(pki, pdf, policy):
    sig = _one(append_update(sign_pdf(pdf, pki.signer), allowed=True), policy)
    assert sig.intact and sig.valid and sig.modified_after


def test_page_content_changed_after_signing_is_altered(pki, pdf, policy):
    sig = _one(append_update(sign_pdf(pdf, pki.signer), allowed=False), policy)
    assert not sig.intact and sig.problem == "altered" and not sig.valid


def test_a_byte_changed_inside_the_signed_range_is_altered(pki, pdf, policy):
    sig = _one(flip_byte_in_signed_range(sign_pdf(pdf, pki.signer)), policy)
    assert not sig.intact and sig.problem == "altered"


def test_expired_certificate(pki, pdf, policy):
    sig = _one(sign_pdf(pdf, pki.expired_signer), policy)
    assert sig.intact and sig.trusted is False and sig.problem == "expired"


def test_untrusted_root(pki, pdf, policy):
    sig = _one(sign_pdf(pdf, pki.untrusted_signer), policy)
    assert sig.intact and sig.trusted is False and sig.problem == "untrusted"
    assert sig.signer == "Phạm Văn Lạ"


def test_without_trusted_roots_the_chain_is_not_checked(pki, pdf):
    sig = _one(sign_pdf(pdf, pki.signer), SignaturePolicy())
    assert sig.intact and sig.trusted is None and sig.checks == ("integrity", "modifications")


def test_revocation_is_not_claimed_when_the_responder_is_unreachable(pdf, tmp_path):
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    pki = make_pki(crl_url=f"http://127.0.0.1:{port}/ca.crl")
    root = pki.root.cert.public_bytes(serialization.Encoding.DER)
    policy = SignaturePolicy(roots_der=(root,), check_revocation=True, revocation_timeout_seconds=2)
    sig = _one(sign_pdf(pdf, pki.signer), policy)
    assert sig.intact and "revocation" not in sig.checks and "chain" in sig.checks


def test_unsigned_and_broken_pdfs(pdf, policy):
    assert verify_signatures(pdf, policy) == ()
    assert verify_signatures(b"not a pdf", policy) == ()
    [broken] = verify_signatures(b"%PDF-1.7\n/ByteRange [0 1 2 3] garbage", policy)
    assert broken.problem == "unreadable" and not broken.intact


@pytest.fixture
def crl_server():
    """A loopback HTTP server answering ``/ca.crl`` with whatever ``serve.crl`` holds."""
    import http.server
    import threading

    class Serve:
        crl = b""
        hits = 0

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            Serve.hits += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/pkix-crl")
            self.send_header("Content-Length", str(len(Serve.crl)))
            self.end_headers()
            self.wfile.write(Serve.crl)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Serve.url = f"http://127.0.0.1:{server.server_address[1]}/ca.crl"
    yield Serve
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("revoked", [False, True])
def test_revocation_checked_against_a_reachable_crl(pdf, crl_server, revoked):
    from tests.signing import crl_der

    pki = make_pki(crl_url=crl_server.url)
    crl_server.crl = crl_der(pki.intermediate, [pki.signer.cert] if revoked else [])
    root = pki.root.cert.public_bytes(serialization.Encoding.DER)
    policy = SignaturePolicy(roots_der=(root,), check_revocation=True, revocation_timeout_seconds=5)
    sig = _one(sign_pdf(pdf, pki.signer), policy)
    assert crl_server.hits >= 1
    assert "revocation" in sig.checks
    if revoked:
        assert sig.trusted is False and sig.problem == "revoked"
    else:
        assert sig.valid
