"""``export`` command group: the matrix (.xlsx), the nominee list (.docx), the files (.zip).

Registered in ``bot/cli.py`` with ``main.add_command(export_group)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click
from sqlalchemy.orm import Session

from bot.app import App
from bot.commands.context import Ctx, handle_errors, pass_ctx
from bot.intake.storage import write_private


@click.group("export")
def export_group() -> None:
    """Exports for the Standing Committee and the staff."""


def _write(path: str, data: bytes) -> Path:
    # Atomic (a half-written file is never mistaken for the export) and mode 0640.
    return write_private(path, data)


def _export(c: Ctx, make: Callable[[Session, App, dt.datetime], bytes], path: str) -> None:
    with c.app.db.session() as s:
        data = make(s, c.app, c.now)
    click.echo(f"written {_write(path, data)}")


@export_group.command("matrix")
@click.option("--xlsx", "path", required=True, type=click.Path(dir_okay=False))
@pass_ctx
@handle_errors
def export_matrix(c: Ctx, path: str) -> None:
    """Units × deliverables workbook, one sheet per deadline."""
    from bot.exports.build import matrix_export

    _export(c, matrix_export, path)


@export_group.command("nominees")
@click.option("--docx", "path", required=True, type=click.Path(dir_okay=False))
@pass_ctx
@handle_errors
def export_nominees(c: Ctx, path: str) -> None:
    """The list of collectives and individuals proposed, with dossier completeness."""
    from bot.exports.build import nominees_export

    _export(c, nominees_export, path)


@export_group.command("files")
@click.option("--zip", "path", required=True, type=click.Path(dir_okay=False))
@pass_ctx
@handle_errors
def export_files(c: Ctx, path: str) -> None:
    """Every accepted file, arranged unit/deliverable/nominee/filename."""
    from bot.exports.files import build_files_zip

    with c.app.db.session() as s:
        data, names = build_files_zip(s, c.app.campaign, c.app.files, c.now)
    click.echo(f"written {_write(path, data)} ({len(names)} files)")
