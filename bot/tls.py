"""TLS contexts for the mail servers: verification on unless the operator turns it off.

One function for IMAP and SMTP so both sides verify certificates the same way; a private
CA is configured with ``ca_file`` rather than by switching verification off.
"""

from __future__ import annotations

import ssl


def client_context(verify: bool = True, ca_file: str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    if not verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx
