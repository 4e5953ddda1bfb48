"""Whether the office's own mail server proved the From domain: ``Authentication-Results``.

Anyone can write ``From: dangbo.syt@thainguyen.gov.vn``.  What proves it is the office's
receiving server checking DMARC, DKIM and SPF and recording the result in an
``Authentication-Results`` header (RFC 8601) under its own *authserv-id*.  When
``mailbox.trusted_authserv_id`` is set, :func:`authentication` reads those results:

* only top-level headers count: a forwarded mail (``message/rfc822``) carries the
  headers of another delivery, and they are never looked at;
* only instances whose authserv-id is the trusted one, and only those the trusted server
  can have added: above the first ``Received`` header *below* the server's own (the one
  whose ``by`` host is the authserv-id).  Every header below that line was written before
  the mail reached the office, by the sender or a server on the way.  When no
  ``Received`` header names the server, only instances above every ``Received`` count;
* among those, the verdict is ``pass`` when one says ``dmarc=pass`` for the From domain
  (``header.from``, when given, must be it), or ``dkim=pass`` with ``header.d`` equal to
  the From domain, or ``spf=pass`` with the ``smtp.mailfrom`` domain equal to it (strict
  alignment: the same domain, not merely a parent); ``fail`` when one says ``dmarc=fail``
  (a claim of a failure always wins over a claim of a pass); ``none`` otherwise.

The server must add its results to every mail and remove instances that claim its
authserv-id on arrival (RFC 8601 §5); README "Security model" says what else it must do.
Pure; never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .headers import decode_bytes, raw_to_bytes

Verdict = Literal["pass", "fail", "none"]
_FOLD = re.compile(r"\r?\n[ \t]*")
_BY_HOST = re.compile(r"(?:^|[\s)])by\s+([A-Za-z0-9._-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Result:
    """One ``method=result`` of an Authentication-Results header, with its properties."""

    method: str  # dkim | spf | dmarc | ...
    result: str  # pass | fail | none | ...
    properties: dict[str, str]


@dataclass(frozen=True)
class Authentication:
    """The verdict on the From domain, and the results it rests on (for the log)."""

    verdict: Verdict
    evidence: str = ""


def _strip_comments(value: str) -> str:
    out, depth, quoted, escaped = [], 0, False, False
    for ch in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(ch)
            continue
        if ch == "\\" and (quoted or depth):
            escaped = True
            if depth == 0:
                out.append(ch)
            continue
        if ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "(" and not quoted:
            depth += 1
            continue
        elif ch == ")" and not quoted and depth:
            depth -= 1
            out.append(" ")
            continue
        if depth == 0:
            out.append(ch)
    return "".join(out)


def _split_outside_quotes(value: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_authentication_results(value: str) -> tuple[str, list[Result]]:
    """``(authserv-id, results)`` of one header value (RFC 8601 §2.2); junk gives no results.

    >>> parse_authentication_results("mx.example; dkim=pass header.d=example.org; spf=none")[0]
    'mx.example'
    """
    text = _strip_comments(_FOLD.sub(" ", value))
    pieces = _split_outside_quotes(text, ";")
    head = pieces[0].split()
    if not head:
        return "", []
    authserv = head[0].strip().lower()
    results = []
    for piece in pieces[1:]:
        words = piece.split()
        if not words or "=" not in words[0]:
            continue
        method, _, result = words[0].partition("=")
        props: dict[str, str] = {}
        for word in words[1:]:
            key, eq, val = word.partition("=")
            if eq and "." in key:
                props.setdefault(key.lower(), val.strip('"').lower())
        results.append(Result(method.split("/")[0].lower(), result.lower(), props))
    return authserv, results


def received_by(value: str) -> str | None:
    """The ``by`` host of a Received header, lower-case, or None."""
    found = _BY_HOST.search(_strip_comments(_FOLD.sub(" ", value)))
    return found.group(1).lower().rstrip(".") if found else None


def trusted_results(headers: Sequence[tuple[str, str]], authserv_id: str) -> list[Result]:
    """The results the trusted server added, from the top-level headers in order."""
    wanted = authserv_id.strip().lower()
    names = [name.strip().lower() for name, _ in headers]
    received = [i for i, name in enumerate(names) if name == "received"]
    own = next((i for i in received if received_by(headers[i][1]) == wanted), None)
    if own is None:
        end = received[0] if received else len(headers)
    else:
        end = next((i for i in received if i > own), len(headers))
    found: list[Result] = []
    for i in range(end):
        if names[i] != "authentication-results":
            continue
        authserv, results = parse_authentication_results(decode_bytes(raw_to_bytes(headers[i][1])))
        if authserv == wanted:
            found += results
    return found


def _domain_of(value: str) -> str:
    return value.rpartition("@")[2].strip().strip("<>").lower().rstrip(".")


def _passes(r: Result, domain: str) -> bool:
    if r.result != "pass":
        return False
    if r.method == "dmarc":
        claimed = r.properties.get("header.from")
        return claimed is None or _domain_of(claimed) == domain
    if r.method == "dkim":
        return _domain_of(r.properties.get("header.d", "")) == domain
    if r.method == "spf":
        return _domain_of(r.properties.get("smtp.mailfrom", "")) == domain
    return False


def judge(results: Iterable[Result], from_domain: str | None) -> Authentication:
    """The verdict on ``from_domain`` from the trusted results (see the module docstring)."""
    results = list(results)
    shown = "; ".join(
        f"{r.method}={r.result}" + "".join(f" {k}={v}" for k, v in sorted(r.properties.items()))
        for r in results
    )
    if not from_domain:
        return Authentication("none", shown)
    domain = from_domain.lower().rstrip(".")
    if any(r.method == "dmarc" and r.result == "fail" for r in results):
        return Authentication("fail", shown)
    if any(_passes(r, domain) for r in results):
        return Authentication("pass", shown)
    return Authentication("none", shown)


def authentication(
    headers: Sequence[tuple[str, str]], authserv_id: str | None, from_domain: str | None
) -> Authentication | None:
    """The trusted server's verdict on ``from_domain``; None when no authserv-id is trusted."""
    if not authserv_id:
        return None
    return judge(trusted_results(headers, authserv_id), from_domain)
