"""Command line: the only place that wires the application together and reads the clock.

Global options: ``--config FILE`` (default ``config/bot.toml`` or ``$INTAKE_BOT_CONFIG``)
and ``--now ISO-8601`` which replaces the clock for every time-dependent command
(dry runs, backfills, tests).  Errors from the bot's own hierarchy print one clear
line and exit non-zero; anything else is a bug and shows a traceback.

The intake commands (``poll``, ``run``) get what follows the recording of each mail —
its acknowledgment — from :func:`acknowledge`, handed to the pipeline as a callable.
The other command groups live in :mod:`bot.commands`.

Commands import the services they run when they run: importing every service up front
doubles the start-up of each call (``intake-bot --help``: 0.38 s → 0.77 s, measured),
which cron pays every few minutes.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from typing import TYPE_CHECKING

import click

from bot.app import App
from bot.commands.campaign import campaign_group
from bot.commands.context import Ctx, console, handle_errors, pass_ctx
from bot.commands.exports import export_group
from bot.commands.inspect import inspect_command
from bot.commands.outbox import ALL as outgoing_commands
from bot.commands.staff import deadline_group, files_group, nominees_group, review_group
from bot.commands.web import web_group
from bot.errors import BotError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.pipeline.record import OnRecorded, Recorded

log = logging.getLogger("bot")


def acknowledge(app: App) -> OnRecorded:
    """What follows the recording of a mail, in the same transaction: its acknowledgment."""
    from bot.outgoing.acks import Written, queue_ack

    def on_recorded(session: Session, recorded: Recorded, now: dt.datetime) -> None:
        understood = recorded.understanding
        queue_ack(
            app,
            session,
            recorded.message,
            now,
            written=Written(recorded.submissions, recorded.attachments),
            problems=understood.problem_sentences,
            spam=understood.spam,
        )

    return on_recorded


# The services log what they do (the journal keeps it); a one-shot command prints its own
# summary once on stdout and logs only what went wrong.
SERVICES = ("run", "web")


def log_level(command: str | None, verbose: int, quiet: bool) -> int:
    """``-q``: errors only; ``-v``: what the bot does; ``-vv``: debugging.  Without either,
    the services log what they do and one-shot commands only warnings."""
    if quiet:
        return logging.ERROR
    if verbose >= 2:
        return logging.DEBUG
    if verbose == 1 or command in SERVICES:
        return logging.INFO
    return logging.WARNING


def setup_logging(level: int) -> None:
    """Logging to stderr (the journal, under systemd), unless the process configured it
    already (the bot embedded in another program, or the tests)."""
    root = logging.getLogger()
    if root.handlers:
        return
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # imapclient logs whole protocol lines (including LOGIN) at DEBUG; never let that out.
    logging.getLogger("imapclient").setLevel(logging.WARNING)
    # Alembic says which migration it runs at INFO: only for who asked to debug.
    if level > logging.DEBUG:
        logging.getLogger("alembic").setLevel(logging.WARNING)


@click.group()
@click.option(
    "--config",
    "config",
    default=lambda: os.environ.get("INTAKE_BOT_CONFIG", "config/bot.toml"),
    show_default="config/bot.toml or $INTAKE_BOT_CONFIG",
    help="Settings file.",
)
@click.option("--now", "now", default=None, help="Pretend the current time is this ISO-8601 moment.")
@click.option("-v", "--verbose", count=True, help="Log what the bot does (-vv: debugging).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors (for cron).")
@click.pass_context
def main(ctx: click.Context, config: str, now: str | None, verbose: int, quiet: bool) -> None:
    """Email intake and reminder bot for collecting documents from units."""
    setup_logging(log_level(ctx.invoked_subcommand, verbose, quiet))
    ctx.obj = Ctx(config, now, quiet=quiet)
    ctx.call_on_close(ctx.obj.close)


@main.command("check-config")
@pass_ctx
@handle_errors
def check_config(c: Ctx) -> None:
    """Validate the settings and the campaign; print a summary."""
    app = c.app
    s, camp = app.settings, app.campaign
    click.echo(f"settings: {s.source} OK")
    click.echo(f"campaign: {s.campaign_file} OK ({camp.id}: {len(camp.deliverables)} deliverables)")
    for d in camp.deadlines:
        click.echo(f"  deadline {d.id}: {d.date.isoformat()} {d.label}")
    missing = [
        env
        for env, needed in ((s.mailbox.password_env, True), (s.smtp.password_env, bool(s.smtp.user)))
        if needed and s.secret(env) is None
    ]
    for env in missing:
        click.echo(f"warning: secret ${env} is not set (environment or secrets file)", err=True)


@main.command("init")
@pass_ctx
@handle_errors
def init(c: Ctx) -> None:
    """Create or migrate the database and the storage directory (checked first: on a
    problem nothing is created or changed)."""
    from bot.app import setup_problems

    app = c.app
    problems = setup_problems(app)
    if problems:
        raise BotError("init changed nothing: " + "; ".join(problems))
    app.db.migrate()
    app.files.root.mkdir(mode=0o750, parents=True, exist_ok=True)
    c.say(f"database ready: {app.db.engine.url.render_as_string(hide_password=True)}")


@main.group("units")
def units_group() -> None:
    """Manage the submitting units."""


@units_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@pass_ctx
@handle_errors
def units_import(c: Ctx, file: str) -> None:
    """Import units from CSV or XLSX (columns code,name,kind,emails,secretary,aliases)."""
    from sqlalchemy.exc import IntegrityError

    from bot.campaign.units import read_unit_rows
    from bot.errors import UnitImportError
    from bot.store import repo

    app = c.app
    rows = read_unit_rows(file, set(app.campaign.unit_kinds))
    infos = [unit for _, unit in rows]
    listed = {unit.code for unit in infos}
    try:
        with app.db.session() as s:
            # An address may move between units the file lists (their addresses are all
            # replaced), never away from a unit the file leaves alone.
            owners = repo.address_owners(s, [e for unit in infos for e in unit.emails])
            for line, unit in rows:
                for email in unit.emails:
                    owner = owners.get(email)
                    if owner is not None and owner != unit.code and owner not in listed:
                        raise UnitImportError(
                            file,
                            line,
                            f"address {email} already belongs to unit {owner} in the database, "
                            "which this file does not list (list that unit too, or remove the address there)",
                        )
            added, updated = repo.import_units(s, infos, c.now)
    except IntegrityError as e:
        raise BotError(f"{file}: the units could not be saved: {e.orig}") from e
    c.say(f"{len(infos)} units imported ({added} new, {updated} updated)")


@units_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handle_errors
def units_list(c: Ctx, as_json: bool) -> None:
    """List units with their addresses."""
    from rich.table import Table

    from bot.store import repo

    with c.app.db.session() as s:
        units = repo.unit_infos(repo.load_units(s, active_only=False))
    if as_json:
        click.echo(json.dumps([u.__dict__ for u in units], ensure_ascii=False, indent=2))
        return
    t = Table("Mã", "Tên đơn vị", "Loại", "Địa chỉ thư", "Bí thư / phụ trách")
    for u in units:
        t.add_row(u.code, u.name, u.kind, "\n".join(u.emails), u.secretary)
    console.print(t)


@units_group.command("add-address")
@click.argument("code")
@click.argument("email")
@click.option("--by", "actor", default=lambda: os.environ.get("USER", "staff"))
@pass_ctx
@handle_errors
def units_add_address(c: Ctx, code: str, email: str, actor: str) -> None:
    """Register another sending address for a unit."""
    from sqlalchemy import select

    from bot.campaign.units import is_email_address
    from bot.store import repo
    from bot.store.models import Unit

    if not is_email_address(email.strip()):
        raise BotError(f"{email!r} is not an e-mail address (local@domain.tld)")
    email = email.strip()
    with c.app.db.session() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code)).first()
        if unit is None:
            raise BotError(f"no unit with code {code}")
        if not repo.add_unit_address(s, unit, email, c.now, actor):
            raise BotError(f"{email} is already registered")
    click.echo(f"{email} added to {code}")


@main.command("status")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (documented contract).")
@pass_ctx
@handle_errors
def status(c: Ctx, as_json: bool) -> None:
    """The submission matrix: who sent what, what is missing, what waits for review."""
    from bot.reporting.snapshot import load_snapshot
    from bot.reporting.status import status_json, status_table

    app = c.app
    with app.db.session() as s:
        snap = load_snapshot(s, app.campaign)
        if as_json:
            click.echo(json.dumps(status_json(app.campaign, snap, c.now), ensure_ascii=False, indent=2))
        else:
            console.print(status_table(app.campaign, snap))


@main.command("poll")
@click.option("--once", is_flag=True, required=True, help="One pass over new mail, then exit.")
@pass_ctx
@handle_errors
def poll(c: Ctx, once: bool) -> None:
    """Fetch and record new mail once (for cron and tests)."""
    from bot.pipeline.poll import poll_once

    app = c.app
    # A progress line on a terminal (N of M mails, the file in hand); nothing otherwise.
    report = poll_once(app, c.now, acknowledge(app), progress=sys.stderr.isatty() and not c.quiet)
    c.say(report.summary())
    if report.stopped_by:
        sys.exit(1)


@main.command("health")
@pass_ctx
@handle_errors
def health(c: Ctx) -> None:
    """Exit non-zero when the last successful poll is older than three intervals."""
    from bot.pipeline.health import check_health

    result = check_health(c.app, c.now)
    if not (c.quiet and result.ok):
        click.echo(result.message)
    sys.exit(0 if result.ok else 1)


@main.command("run")
@click.option("--no-scheduler", is_flag=True, help="Intake only; no outbox, reminders or digest jobs.")
@pass_ctx
@handle_errors
def run(c: Ctx, no_scheduler: bool) -> None:
    """Run the service: intake (IDLE or polling), outbox, reminders and the daily digest."""
    import signal
    import threading

    from bot.pipeline.health import check_health
    from bot.pipeline.run import run_intake

    app = c.app
    app.db.migrate()
    # --now here fixes the start of a simulated clock that then advances in real time.
    offset = c.now - dt.datetime.now(app.settings.tz)

    def clock() -> dt.datetime:
        return dt.datetime.now(app.settings.tz) + offset

    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        log.info("signal %s: finishing the message in hand, then stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sched = None
    on_poll = lambda: None  # noqa: E731
    if not no_scheduler:
        from bot.jobs.scheduler import build_scheduler, run_soon

        sched = build_scheduler(app, clock, lambda now: check_health(app, now).as_dict())
        sched.start()

        def on_poll() -> None:
            # New acknowledgments should leave now, not at the next outbox tick.
            run_soon(sched, "outbox")

    try:
        run_intake(app, clock, stop, acknowledge(app), on_poll)
    finally:
        if sched is not None:
            sched.shutdown(wait=True)


for _group in (
    review_group,
    files_group,
    nominees_group,
    deadline_group,
    inspect_command,
    campaign_group,
    export_group,
    web_group,
    *outgoing_commands,
):
    main.add_command(_group)

if __name__ == "__main__":  # pragma: no cover
    main()
