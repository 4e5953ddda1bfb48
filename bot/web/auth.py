"""Staff authentication for the dashboard: password hashes, CSRF tokens, login rate limit.

Password hashes are ``pbkdf2_sha256$<iterations>$<salt>$<hash>`` (salt and hash in
URL-safe base64 without padding), made and checked with :mod:`hashlib`, compared in
constant time.  :func:`check_login` costs the same whether the user name exists or not:
the name is compared in constant time and the password is always hashed, against a
stand-in hash of the same cost when the name is wrong.  The CSRF token is random per
session and checked on every POST.  :class:`LoginLimiter` counts failures per key (a
client address, a user name) in a sliding window; time is passed in.
:func:`client_address` says which address a request comes from behind trusted proxies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
import threading
from collections import deque
from collections.abc import Sequence

ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str | None) -> bool:
    """True when ``password`` matches ``encoded``; a malformed or absent hash never matches."""
    if not encoded:
        return False
    try:
        algorithm, iterations, salt, expected = encoded.strip().split("$")
        if algorithm != ALGORITHM:
            return False
        rounds = int(iterations)
        if not 1_000 <= rounds <= 10_000_000:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), _unb64(salt), rounds)
        return hmac.compare_digest(digest, _unb64(expected))
    except (ValueError, TypeError):
        return False


def stand_in_hash(encoded: str | None) -> str:
    """A hash of a random password with the cost of ``encoded``: wrong names cost as much."""
    try:
        iterations = int((encoded or "").split("$")[1])
    except (IndexError, ValueError):
        iterations = DEFAULT_ITERATIONS
    return hash_password(secrets.token_urlsafe(16), min(max(iterations, 1_000), 10_000_000))


def check_login(user: str, password: str, expected_user: str, encoded: str | None, stand_in: str) -> bool:
    """Whether ``user``/``password`` log in, in the same time whichever is wrong."""
    name_ok = hmac.compare_digest(user.encode("utf-8"), expected_user.encode("utf-8"))
    password_ok = verify_password(password, encoded if name_ok and encoded else stand_in)
    return name_ok and password_ok and bool(encoded)


def client_address(
    peer: str,
    headers: dict[str, str],
    header: str | None,
    trusted: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network],
) -> str:
    """The client's address: the peer's, or the one a trusted proxy put in ``header``.

    ``headers`` are lower-cased names; ``header`` and ``trusted`` are the settings'
    ``[web]`` section, the one place a proxy is trusted.  With ``X-Forwarded-For`` the
    list is read from the right, skipping the trusted proxies, so what a client wrote at
    the left is never believed.  Anything unreadable gives the peer's address.
    """
    if not header:
        return peer

    def is_trusted(text: str) -> bool:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return False
        return any(address in n for n in trusted)

    value = headers.get(header.lower())
    if not value or not is_trusted(peer):
        return peer
    for item in reversed([v.strip() for v in value.split(",")]):
        try:
            ipaddress.ip_address(item)
        except ValueError:
            return peer
        if not is_trusted(item):
            return item
    return peer


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


class LoginLimiter:
    """At most ``max_failures`` failed logins per key within ``window`` seconds.

    The dashboard keeps two: per client address and per user name.  In memory, per
    process: the dashboard is one process, and a restart forgetting the counts is
    harmless next to the PBKDF2 cost of every guess.
    """

    def __init__(self, max_failures: int = 5, window: float = 300.0) -> None:
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        q = self._failures.setdefault(client, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, client: str, now: float) -> bool:
        with self._lock:
            return len(self._recent(client, now)) >= self.max_failures

    def failed(self, client: str, now: float) -> None:
        with self._lock:
            self._recent(client, now).append(now)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
