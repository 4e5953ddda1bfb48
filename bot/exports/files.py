"""Every accepted file in one ``.zip``, arranged ``unit/deliverable/nominee/filename``.

Only current files (not superseded) with status ``received`` are included: what the
tracking counts is what the Standing Committee gets.  Folder and file names are the
readable Vietnamese ones (diacritics kept, NFC, so Windows Explorer and macOS show
the same name); path separators and characters Windows forbids are replaced, and a
name used twice in one folder gets `` (2)``.  Unit-level deliverables (the Tờ trình)
have no nominee folder.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.campaign.model import Campaign
from bot.intake.storage import FileStore, write_private
from bot.store.models import Submission

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_MAX_PART = 120


def safe_part(name: str, fallback: str = "_") -> str:
    """One path component: NFC, no separators or Windows-forbidden characters, no
    leading dots (``..`` must never climb out of the folder), at most 120 characters."""
    s = unicodedata.normalize("NFC", name or "")
    s = _FORBIDDEN.sub("-", s)
    s = " ".join(s.split()).strip(" .")
    if len(s) > _MAX_PART:
        stem, dot, ext = s.rpartition(".")
        if dot and len(ext) <= 8:
            s = stem[: _MAX_PART - len(ext) - 1].rstrip() + "." + ext
        else:
            s = s[:_MAX_PART].rstrip()
    return s or fallback


def _dedupe(path: str, used: set[str]) -> str:
    if path.lower() not in used:
        used.add(path.lower())
        return path
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = f"{folder}/{stem} ({n}){'.' + ext if ext else ''}"
        if candidate.lower() not in used:
            used.add(candidate.lower())
            return candidate
        n += 1


def accepted_submissions(session: Session, campaign: Campaign) -> list[Submission]:
    q = (
        select(Submission)
        .where(
            Submission.campaign == campaign.id,
            Submission.superseded_by_id.is_(None),
            Submission.status == "received",
            Submission.unit_id.is_not(None),
            Submission.deliverable.is_not(None),
        )
        .options(
            selectinload(Submission.attachment),
            selectinload(Submission.unit),
            selectinload(Submission.nomination),
        )
        .order_by(Submission.unit_id, Submission.id)
    )
    return list(session.scalars(q))


def archive_path(campaign: Campaign, s: Submission) -> str:
    d = campaign.deliverable(s.deliverable)
    kind = s.nomination.kind if s.nomination else None
    parts = [safe_part(s.unit.name, s.unit.code), safe_part(d.name_for(kind), d.id)]
    if d.scope == "nominee":
        parts.append(safe_part(s.nomination.name if s.nomination else "Chưa xác định"))
    parts.append(safe_part(s.attachment.filename, f"tep-{s.attachment_id}"))
    return "/".join(parts)


def build_files_zip(
    session: Session, campaign: Campaign, files: FileStore, now: dt.datetime
) -> tuple[bytes, list[str]]:
    """The zip bytes and the archive paths written, in order."""
    buf = io.BytesIO()
    used: set[str] = set()
    names: list[str] = []
    stamp = now.astimezone(campaign.tz).timetuple()[:6]
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for s in accepted_submissions(session, campaign):
            if not s.attachment.stored_path:
                continue
            name = _dedupe(archive_path(campaign, s), used)
            info = zipfile.ZipInfo(name, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files.read(s.attachment.stored_path))
            names.append(name)
    return buf.getvalue(), names


def write_files_zip(
    path: str | Path, session: Session, campaign: Campaign, files: FileStore, now: dt.datetime
) -> list[str]:
    data, names = build_files_zip(session, campaign, files, now)
    write_private(path, data)
    return names
