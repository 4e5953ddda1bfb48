"""Loopback-only mail servers for ``make demo`` and the test suite.

A real Dovecot IMAP server (its own config, passwd file and maildirs in a scratch
directory) and an aiosmtpd SMTP sink that keeps what it receives.  Both bind to
127.0.0.1 only; nothing here is used in production.
"""
