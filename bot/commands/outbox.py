"""Outgoing mail on the command line: ``outbox flush|list|release``, ``remind``, ``digest``, ``preview``.

Registered by ``bot/cli.py`` with ``main.add_command(...)`` (:data:`ALL`).
"""

from __future__ import annotations

import json

import click

from bot.commands.context import Ctx, console, handle_errors, pass_ctx


@click.group("outbox")
def outbox() -> None:
    """Outgoing mail: send what is pending, list it, release held acknowledgments."""


@outbox.command("flush")
@click.option("--limit", default=200, show_default=True, help="At most this many mails in one run.")
@pass_ctx
@handle_errors
def outbox_flush(c: Ctx, limit: int) -> None:
    """Send the pending mails whose time has come."""
    from bot.outgoing.sender import flush_outbox

    report = flush_outbox(c.app, c.now, limit=limit)
    c.say(report.summary())
    for err in report.errors:
        click.echo(f"  {err}", err=True)


@outbox.command("list")
@click.option("--state", "state", default=None, help="pending | sending | sent | failed | held")
@click.option("--kind", "kind", default=None, help="ack | holding | reminder | overdue | digest | notice")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handle_errors
def outbox_list(c: Ctx, state: str | None, kind: str | None, limit: int, as_json: bool) -> None:
    """Show the outbox, newest first."""
    from rich.table import Table
    from sqlalchemy import select

    from bot.store.models import OutboxMail

    q = select(OutboxMail).order_by(OutboxMail.id.desc()).limit(limit)
    if state:
        q = q.where(OutboxMail.state == state)
    if kind:
        q = q.where(OutboxMail.kind == kind)
    tz = c.app.settings.tz
    with c.app.db.session() as s:
        rows = [
            {
                "id": r.id,
                "key": r.idempotency_key,
                "kind": r.kind,
                "state": r.state,
                "attempts": r.attempts,
                "recipients": r.recipients,
                "subject": r.subject,
                "created_at": r.created_at.astimezone(tz).isoformat(),
                "sent_at": r.sent_at.astimezone(tz).isoformat() if r.sent_at else None,
                "next_attempt_at": r.next_attempt_at.astimezone(tz).isoformat()
                if r.next_attempt_at
                else None,
                "last_error": r.last_error,
                "message_id": r.message_id_header,
            }
            for r in s.scalars(q)
        ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    t = Table("#", "Loại", "Trạng thái", "Lần", "Người nhận", "Tiêu đề", "Lỗi gần nhất")
    for r in rows:
        t.add_row(
            str(r["id"]),
            r["kind"],
            r["state"],
            str(r["attempts"]),
            "\n".join(r["recipients"]),
            r["subject"],
            r["last_error"] or "",
        )
    console.print(t)


@outbox.command("release")
@click.argument("ids", nargs=-1, type=int)
@click.option("--all-held", is_flag=True, help="Release every held acknowledgment.")
@pass_ctx
@handle_errors
def outbox_release(c: Ctx, ids: tuple[int, ...], all_held: bool) -> None:
    """Let held acknowledgments (mail-flood limit) go out with the next flush."""
    from sqlalchemy import update

    from bot.store import repo
    from bot.store.models import OutboxMail

    if not ids and not all_held:
        raise click.UsageError("give outbox ids or --all-held")
    q = update(OutboxMail).where(OutboxMail.state == "held")
    if not all_held:
        q = q.where(OutboxMail.id.in_(ids))
    with c.app.db.session() as s:
        n = s.execute(q.values(state="pending", next_attempt_at=c.now)).rowcount
        repo.audit(
            s, c.now, "cli", "outbox_release", "outbox", None, ids=list(ids), all_held=all_held, count=n
        )
    click.echo(f"{n} held mail(s) released")


@click.command("remind")
@click.option("--dry-run", is_flag=True, help="Show what would be queued; queue nothing.")
@pass_ctx
@handle_errors
def remind_cmd(c: Ctx, dry_run: bool) -> None:
    """Queue the reminders and overdue notices due at --now (each exactly once)."""
    from bot.outgoing.reminders import remind

    plans = remind(c.app, c.now, dry_run=dry_run)
    for p in plans:
        c.say(("would queue " if dry_run else "queued ") + p.describe())
    c.say(f"{len(plans)} reminder(s) {'due' if dry_run else 'queued'}")


@click.command("digest")
@click.option("--dry-run", is_flag=True, help="Print the digest; queue nothing.")
@click.option("--force", is_flag=True, help="Queue today's digest even before the configured hour.")
@click.option(
    "--xlsx", "xlsx_path", type=click.Path(dir_okay=False), default=None, help="Also save the matrix here."
)
@pass_ctx
@handle_errors
def digest_cmd(c: Ctx, dry_run: bool, force: bool, xlsx_path: str | None) -> None:
    """Queue today's staff digest (once per day, from the configured hour)."""
    from bot.intake.storage import write_private
    from bot.outgoing.digest import queue_digest
    from bot.pipeline.health import check_health

    health = check_health(c.app, c.now).as_dict()
    result = queue_digest(c.app, c.now, health, dry_run=dry_run, force=force)
    if result.digest is not None and xlsx_path:
        write_private(xlsx_path, result.digest.xlsx)
    if dry_run and result.digest is not None:
        click.echo(f"To: {', '.join(result.digest.recipients)}")
        click.echo(f"Subject: {result.digest.subject}\n")
        click.echo(result.digest.text)
        return
    c.say(f"digest {result.key}: {result.status}")


@click.command("preview")
@click.argument("kind", type=click.Choice(["ack", "holding", "reminder", "overdue", "digest", "notice"]))
@click.option("--unit", "unit_code", default=None, help="Unit code (ack, reminder, overdue).")
@click.option("--html", "show_html", is_flag=True, help="Print the HTML part instead of the text.")
@pass_ctx
@handle_errors
def preview_cmd(c: Ctx, kind: str, unit_code: str | None, show_html: bool) -> None:
    """Render one mail template with data from the database (or sample data) and print it."""
    from bot.outgoing.preview import preview
    from bot.pipeline.health import check_health

    health = check_health(c.app, c.now).as_dict()
    subject, text, html, source = preview(c.app, kind, unit_code, c.now, health)
    click.echo(f"Subject: {subject}")
    click.echo(f"(data: {source})\n")
    click.echo(html if show_html else text)


ALL = (outbox, remind_cmd, digest_cmd, preview_cmd)
