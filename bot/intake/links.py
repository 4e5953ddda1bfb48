"""Cloud-drive links in a mail, for units that share a folder instead of attaching files.

:func:`find_drive_links` scans the body text and the ``href`` targets of HTML bodies for
links to the file-sharing services Vietnamese offices use (Google Drive first, then
OneDrive/SharePoint, Dropbox, Fshare, Mega, MediaFire, Box, iCloud Drive, WeTransfer).
The bot cannot fetch them, but it can tell staff that the dossier is behind a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

# (host suffix, required path prefix); a host matches itself and any subdomain.
_SERVICES: tuple[tuple[str, str], ...] = (
    ("drive.google.com", ""),
    ("docs.google.com", ""),
    ("onedrive.live.com", ""),
    ("1drv.ms", ""),
    ("sharepoint.com", ""),
    ("dropbox.com", ""),
    ("db.tt", ""),
    ("fshare.vn", ""),
    ("mega.nz", ""),
    ("mega.co.nz", ""),
    ("mediafire.com", ""),
    ("box.com", ""),
    ("icloud.com", "/iclouddrive"),
    ("wetransfer.com", ""),
    ("we.tl", ""),
)
_URL = re.compile(
    r"(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{1,5})?/[^\s<>\"'`{}|\\^\[\]]*",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}>'\"*"


def _drive_url(candidate: str) -> str | None:
    candidate = candidate.strip().rstrip(_TRAILING)
    if not candidate.lower().startswith(("http://", "https://")):
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.path in ("", "/") and not parts.query:
        return None  # a bare service name in a signature shares nothing
    for suffix, prefix in _SERVICES:
        if (host == suffix or host.endswith("." + suffix)) and parts.path.lower().startswith(prefix):
            return candidate
    return None


def find_drive_links(text: str, hrefs: Iterable[str] = ()) -> list[str]:
    """Cloud-drive URLs found in ``text`` and ``hrefs``, deduplicated, in order of appearance."""
    seen: dict[str, None] = {}
    candidates = [m.group(0) for m in _URL.finditer(text or "")]
    candidates += [h for h in hrefs if h]
    for candidate in candidates:
        url = _drive_url(candidate)
        if url and url not in seen:
            seen[url] = None
    return list(seen)
