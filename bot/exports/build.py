"""One call per export, from an open session to the file's bytes (CLI and dashboard share it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.app import App
from bot.campaign.model import Campaign
from bot.exports.files import build_files_zip
from bot.exports.matrix import BY_DEADLINE, matrix_bytes
from bot.exports.nominees import nominee_rows, nominees_docx_bytes
from bot.exports.xlsx import XLSX_TYPE
from bot.reporting.snapshot import load_snapshot

XLSX = XLSX_TYPE
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"


def matrix_export(session: Session, app: App, now: dt.datetime) -> bytes:
    return matrix_bytes(app.campaign, load_snapshot(session, app.campaign).units, now, BY_DEADLINE)


def nominees_export(session: Session, app: App, now: dt.datetime) -> bytes:
    rows = nominee_rows(session, app.campaign, load_snapshot(session, app.campaign))
    return nominees_docx_bytes(app.campaign, rows, now)


def files_export(session: Session, app: App, now: dt.datetime) -> bytes:
    data, _ = build_files_zip(session, app.campaign, app.files, now)
    return data


def export_filename(kind: str, campaign: Campaign, now: dt.datetime) -> str:
    """``danh-sach-de-nghi-khen-thuong-20240229.docx`` and the like (ASCII, for headers)."""
    day = now.astimezone(campaign.tz).strftime("%Y%m%d")
    return {
        "matrix": f"tinh-hinh-nop-ho-so-{day}.xlsx",
        "nominees": f"danh-sach-de-nghi-khen-thuong-{day}.docx",
        "files": f"ho-so-da-nhan-{day}.zip",
    }[kind]
