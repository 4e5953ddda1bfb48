"""Authentication-Results from the trusted server only (RFC 8601), and the verdict on the
From domain: the layouts real servers write, and the forgeries a sender can put in."""

from __future__ import annotations

import pytest

from bot.intake.authres import authentication, parse_authentication_results, received_by
from bot.intake.mime import parse_message

ID = "mx.thainguyen.gov.vn"
DOMAIN = "thainguyen.gov.vn"
OWN_RECEIVED = (
    "Received",
    "from mail.evil.example (mail.evil.example [203.0.113.9])\r\n\tby mx.thainguyen.gov.vn (Postfix) "
    "with ESMTPS id 4Tk; Mon, 26 Feb 2024 09:00:00 +0700",
)
LMTP_RECEIVED = ("Received", "from mx.thainguyen.gov.vn by imap.thainguyen.gov.vn with LMTP id x")
FOREIGN_RECEIVED = ("Received", "from laptop (unknown [10.0.0.9]) by mail.evil.example (Postfix)")


def ar(value: str, authserv: str = ID) -> tuple[str, str]:
    return ("Authentication-Results", f"{authserv};\r\n\t{value}")


def verdict(headers, domain=DOMAIN, authserv=ID) -> str:
    return authentication(headers, authserv, domain).verdict


def test_parse_results_comments_versions_and_properties():
    authserv, results = parse_authentication_results(
        "MX.Thainguyen.gov.vn 1; dkim=pass (2048-bit key; unprotected) header.d=thainguyen.gov.vn "
        'header.s=mail header.b="AbC;d"; spf=pass (sender SPF authorized) smtp.mailfrom=a@thainguyen.gov.vn; '
        "dmarc/1=pass (p=reject dis=none) header.from=thainguyen.gov.vn"
    )
    assert authserv == ID
    assert [(r.method, r.result) for r in results] == [("dkim", "pass"), ("spf", "pass"), ("dmarc", "pass")]
    assert results[0].properties["header.d"] == DOMAIN
    assert parse_authentication_results("mx.example; none") == ("mx.example", [])
    assert received_by(OWN_RECEIVED[1]) == ID


@pytest.mark.parametrize(
    "layout",
    [
        "milter at the top (OpenDMARC, rspamd)",
        "below its own Received (Gmail, Postfix index 1)",
        "below an internal LMTP hop",
    ],
)
def test_the_servers_own_dmarc_pass_proves_the_domain(layout):
    result = ar("dmarc=pass (p=reject) header.from=thainguyen.gov.vn")
    headers = {
        "milter at the top (OpenDMARC, rspamd)": [result, OWN_RECEIVED],
        "below its own Received (Gmail, Postfix index 1)": [OWN_RECEIVED, result],
        "below an internal LMTP hop": [LMTP_RECEIVED, OWN_RECEIVED, result],
    }[layout]
    assert verdict(headers + [("From", "dangbo.syt@thainguyen.gov.vn")]) == "pass"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dkim=pass header.d=thainguyen.gov.vn header.s=mail", "pass"),
        ("dkim=pass header.d=evil.example header.s=mail", "none"),  # not aligned
        ("dkim=pass header.d=gov.vn", "none"),  # a parent domain is not the domain
        ("spf=pass smtp.mailfrom=dangbo.syt@thainguyen.gov.vn", "pass"),
        ("spf=pass smtp.mailfrom=bounce@evil.example", "none"),
        ("dmarc=pass header.from=evil.example", "none"),  # DMARC of another From
        ("dmarc=none header.from=thainguyen.gov.vn; spf=softfail smtp.mailfrom=x@thainguyen.gov.vn", "none"),
        ("dmarc=fail (p=reject) header.from=thainguyen.gov.vn", "fail"),
        # A claim of failure beats a claim of success among the trusted ones.
        ("dkim=pass header.d=thainguyen.gov.vn; dmarc=fail header.from=thainguyen.gov.vn", "fail"),
        ("none", "none"),
    ],
)
def test_verdicts(value, expected):
    assert verdict([OWN_RECEIVED, ar(value)]) == expected


def test_another_authserv_id_is_ignored():
    headers = [ar("dmarc=pass header.from=thainguyen.gov.vn", "mx.google.com"), OWN_RECEIVED]
    assert verdict(headers) == "none"


def test_a_forged_pass_below_a_foreign_received_is_ignored():
    """The sender relayed through its own server, with our authserv-id in its headers."""
    headers = [
        OWN_RECEIVED,
        FOREIGN_RECEIVED,
        ar("dmarc=pass header.from=thainguyen.gov.vn"),
        ("From", "dangbo.syt@thainguyen.gov.vn"),
    ]
    assert verdict(headers) == "none"


def test_a_forged_pass_beside_the_servers_fail_loses():
    """Sent straight to our server: its own verdict (fail) sits above the forged one."""
    headers = [
        OWN_RECEIVED,
        ar("dmarc=fail (p=reject) header.from=thainguyen.gov.vn"),
        ar("dmarc=pass header.from=thainguyen.gov.vn"),
    ]
    assert verdict(headers) == "fail"


def test_without_the_servers_received_only_results_above_every_received_count():
    elsewhere = "mx9.other.example"
    assert verdict([ar("dmarc=pass"), FOREIGN_RECEIVED], authserv=elsewhere) == "none"  # other id
    headers = [ar("dmarc=pass", elsewhere), FOREIGN_RECEIVED]
    assert verdict(headers, authserv=elsewhere) == "pass"
    headers = [FOREIGN_RECEIVED, ar("dmarc=pass", elsewhere)]
    assert verdict(headers, authserv=elsewhere) == "none"


def test_not_checked_without_a_trusted_authserv_id():
    assert authentication([ar("dmarc=pass")], None, DOMAIN) is None


FORWARDED = b"""Received: from mail.evil.example by mx.thainguyen.gov.vn (Postfix); Mon, 26 Feb 2024 09:00:00 +0700\r
From: dangbo.syt@thainguyen.gov.vn\r
To: banbientapduk@thainguyen.gov.vn\r
Subject: Fwd: ho so\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary="b"\r
\r
--b\r
Content-Type: text/plain\r
\r
Chuyen tiep.\r
--b\r
Content-Type: message/rfc822\r
\r
Authentication-Results: mx.thainguyen.gov.vn; dmarc=pass header.from=thainguyen.gov.vn\r
From: dangbo.syt@thainguyen.gov.vn\r
Subject: ho so\r
\r
Noi dung.\r
--b--\r
"""


def test_results_inside_a_forwarded_mail_are_never_read():
    msg = parse_message(FORWARDED, trusted_authserv_id=ID)
    assert msg.from_address == "dangbo.syt@thainguyen.gov.vn"
    assert msg.authentication == "none"
    top = b"Authentication-Results: mx.thainguyen.gov.vn; dmarc=pass header.from=thainguyen.gov.vn\r\n"
    assert parse_message(top + FORWARDED, trusted_authserv_id=ID).authentication == "pass"
    assert parse_message(top + FORWARDED).authentication is None  # not asked for
