"""Command-line staff tools: ``review``, ``files``, ``nominees`` and ``deadline`` command groups.

Registered in ``bot/cli.py`` with ``main.add_command(...)``.  Each command opens one
transaction, calls a service in :mod:`bot.staff`, and prints one line per decision.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import click

from bot.commands.context import Ctx, console, handle_errors, pass_ctx
from bot.staff.errors import StaffError
from bot.vocabulary import review_reason_vi


def parse_date(value: str) -> dt.date:
    """``2024-03-05`` or the Vietnamese ``05/03/2024``."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)")


def _date_option(ctx, param, value):
    return None if value is None else parse_date(value)


actor_option = click.option(
    "--by",
    "actor",
    default=lambda: os.environ.get("USER", "staff"),
    show_default="$USER",
    help="Who decides (written to the audit log).",
)


def _local(value: dt.datetime | None, tz) -> str:
    return "" if value is None else value.astimezone(tz).strftime("%d/%m/%Y %H:%M")


# -- review -------------------------------------------------------------------------------
@click.group("review")
def review_group() -> None:
    """The review queue: messages the matcher was unsure about."""


@review_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handle_errors
def review_list(c: Ctx, as_json: bool) -> None:
    """Messages waiting for a decision, oldest first."""
    from rich.table import Table

    from bot.staff.review import review_queue

    tz = c.app.campaign.tz
    with c.app.db.session() as s:
        rows = [
            {
                "id": m.id,
                "received_at": _local(m.received_at, tz),
                "from": m.sender or "",
                "subject": m.subject,
                "reason": m.review_reason,
                "suggested_unit": m.suggested_unit.code if m.suggested_unit else None,
                "files": len(m.attachments),
            }
            for m in review_queue(s)
        ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    t = Table("ID", "Nhận lúc", "Người gửi", "Tiêu đề", "Lý do", "Gợi ý", "Tệp", title="Hàng chờ xem xét")
    for r in rows:
        t.add_row(
            str(r["id"]),
            r["received_at"],
            r["from"],
            r["subject"],
            review_reason_vi(r["reason"]),
            r["suggested_unit"] or "",
            str(r["files"]),
        )
    console.print(t)
    click.echo(f"{len(rows)} message(s) waiting for review")


@review_group.command("show")
@click.argument("message_id", type=int)
@pass_ctx
@handle_errors
def review_show(c: Ctx, message_id: int) -> None:
    """Sender, subject, files, and the matcher's evidence and suggestion."""
    from bot.staff.review import message_detail

    tz = c.app.campaign.tz
    with c.app.db.session() as s:
        d = message_detail(s, message_id)
        m = d.message
        click.echo(f"Thư #{m.id}  nhận lúc {_local(m.received_at, tz)}")
        click.echo(f"Người gửi: {m.sender_name or ''} <{m.sender or ''}>")
        click.echo(f"Tiêu đề:   {m.subject}")
        click.echo(f"Đơn vị:    {m.unit.code if m.unit else '—'}")
        click.echo(
            f"Chờ xem xét: {'có' if m.needs_review else 'không'} ({review_reason_vi(m.review_reason)})"
        )
        click.echo(
            f"Gợi ý đơn vị: {m.suggested_unit.code if m.suggested_unit else '—'} (rule: {m.match_rule})"
        )
        click.echo("Căn cứ nhận diện:")
        for e in m.match_evidence or []:
            click.echo(f"  - {e}")
        for p in m.problems or []:
            click.echo(f"Vấn đề: {p.get('message', p)}")
        if m.drive_links:
            click.echo("Đường liên kết: " + ", ".join(m.drive_links))
        click.echo("Tệp:")
        for a in d.files:
            problem = f"  [{a.problem}]" if a.problem else ""
            click.echo(f"  [{a.id}] {a.filename}  {a.size} B  {a.sniffed_type}  ({a.origin}){problem}")
            click.echo("      facts: " + json.dumps(a.facts or {}, ensure_ascii=False, sort_keys=True))
            for sub in d.submissions.get(a.id, []):
                nominee = f" / {sub.nomination.name}" if sub.nomination else ""
                current = "" if sub.superseded_by_id is None else f" (thay bởi #{sub.superseded_by_id})"
                click.echo(f"      hồ sơ #{sub.id}: {sub.deliverable}{nominee} — {sub.status}{current}")
                if sub.candidates:
                    names = d.nominee_names
                    shown = "; ".join(names.get(i, f"#{i}") for i in sub.candidates)
                    click.echo(f"      có thể là hồ sơ của: {shown}")
        if m.body_excerpt:
            click.echo("Nội dung (trích):")
            click.echo("  " + m.body_excerpt[:800].replace("\n", "\n  "))


@review_group.command("assign")
@click.argument("message_id", type=int)
@click.option("--unit", "unit_code", required=True, help="Unit code.")
@click.option("--type", "deliverable", default=None, help="Deliverable id for the files.")
@click.option("--nominee", default=None, help="Nominee name (per-nominee deliverables).")
@click.option("--kind", "nominee_kind", type=click.Choice(["tap_the", "ca_nhan"]), default=None)
@click.option("--nominee-id", "nomination_id", type=int, default=None, help="An existing nominee, by id.")
@click.option("--file", "attachment_ids", type=int, multiple=True, help="Only these attachment ids.")
@click.option("--add-address", is_flag=True, help="Register the sender's address for the unit.")
@actor_option
@pass_ctx
@handle_errors
def review_assign(
    c: Ctx,
    message_id: int,
    unit_code: str,
    deliverable: str | None,
    nominee: str | None,
    nominee_kind: str | None,
    nomination_id: int | None,
    attachment_ids: tuple[int, ...],
    add_address: bool,
    actor: str,
) -> None:
    """Record the message's files for a unit (and type / nominee); when no file of it
    waits any more, the sender gets the acknowledgment."""
    from bot.staff.review import acknowledge_reviewed, assign_message, get_message

    app = c.app
    now = c.now
    with app.db.session() as s:
        r = assign_message(
            s,
            app.campaign,
            message_id,
            unit_code,
            now,
            actor,
            deliverable=deliverable,
            nominee=nominee,
            nominee_kind=nominee_kind,
            add_address=add_address,
            attachment_ids=list(attachment_ids) or None,
            nomination_id=nomination_id,
        )
        acknowledge_reviewed(app, s, get_message(s, message_id), now)
        for sub in r.submissions:
            nominee_name = f" / {sub.nomination.name}" if sub.nomination else ""
            late = " (late)" if sub.late else ""
            click.echo(f"submission {sub.id}: {r.unit_code} {sub.deliverable}{nominee_name}{late}")
    if r.address_added:
        click.echo(f"address added to {r.unit_code}")
    elif r.address_hint:
        click.echo(
            f"note: {r.address_hint} is not registered for {r.unit_code}; "
            f"repeat with --add-address or run: units add-address {r.unit_code} {r.address_hint}"
        )


@review_group.command("reject")
@click.argument("message_id", type=int)
@click.option("--reason", required=True, help="Why (kept in the audit log).")
@actor_option
@pass_ctx
@handle_errors
def review_reject(c: Ctx, message_id: int, reason: str, actor: str) -> None:
    """Take a message out of the queue without counting its files."""
    from bot.staff.review import reject_message

    with c.app.db.session() as s:
        n = reject_message(s, message_id, reason, c.now, actor)
    click.echo(f"message {message_id} rejected ({n} file(s))")


@review_group.command("reject-file")
@click.argument("message_id", type=int)
@click.argument("attachment_id", type=int)
@click.option("--reason", required=True, help="Why the file does not count.")
@actor_option
@pass_ctx
@handle_errors
def review_reject_file(c: Ctx, message_id: int, attachment_id: int, reason: str, actor: str) -> None:
    """Refuse one file of a mail waiting for review."""
    from bot.staff.review import acknowledge_reviewed, reject_file

    app = c.app
    with app.db.session() as s:
        m = reject_file(s, app.campaign, message_id, attachment_id, reason, c.now, actor)
        acknowledge_reviewed(app, s, m, c.now)
        left = "still waiting for review" if m.needs_review else "decided"
    click.echo(f"file {attachment_id} refused; message {message_id} {left}")


@review_group.command("time")
@click.argument("message_id", type=int)
@click.option("--until", default=None, callback=_date_option, help="Grant more time until this date.")
@click.option("--keep", is_flag=True, help="Keep the deadlines.")
@click.option("--no-notify", is_flag=True, help="Do not tell the unit.")
@actor_option
@pass_ctx
@handle_errors
def review_time(
    c: Ctx, message_id: int, until: dt.date | None, keep: bool, no_notify: bool, actor: str
) -> None:
    """Decide a unit's request for more time (--until DATE or --keep)."""
    from bot.staff.requests import decide_time_request

    if (until is None) == (not keep):
        raise StaffError("give --until DATE or --keep")
    app = c.app
    with app.db.session() as s:
        r = decide_time_request(app, s, message_id, c.now, actor, until=until, notify=not no_notify)
        told = "; the unit is told" if r.notice is not None else ""
    click.echo(
        f"message {message_id}: " + (f"extended to {until:%d/%m/%Y}" if until else "deadline kept") + told
    )


# -- files --------------------------------------------------------------------------------
@click.group("files")
def files_group() -> None:
    """Per-file verdicts on received files."""


@files_group.command("accept")
@click.argument("submission_id", type=int)
@actor_option
@pass_ctx
@handle_errors
def files_accept(c: Ctx, submission_id: int, actor: str) -> None:
    """Confirm a received file counts."""
    from bot.staff.verdicts import accept_file

    with c.app.db.session() as s:
        sub = accept_file(s, submission_id, c.now, actor)
        click.echo(f"submission {sub.id} accepted ({sub.attachment.filename})")


@files_group.command("redo")
@click.argument("submission_id", type=int)
@click.option("--comment", required=True, help="What is wrong (Vietnamese; sent to the unit).")
@click.option("--until", default=None, callback=_date_option, help="Resend by this date.")
@actor_option
@pass_ctx
@handle_errors
def files_redo(c: Ctx, submission_id: int, comment: str, until: dt.date | None, actor: str) -> None:
    """Send a file back for redoing; the unit gets a threaded notice."""
    from bot.staff.verdicts import redo_file

    app = c.app
    with app.db.session() as s:
        r = redo_file(s, app.campaign, app.settings, submission_id, comment, c.now, actor, until)
        queued = f"notice {r.notice.id} queued" if r.notice else "notice already queued"
        click.echo(f"submission {r.submission.id} marked for redoing until {r.until:%d/%m/%Y}; {queued}")


@files_group.command("move")
@click.argument("submission_id", type=int)
@click.option("--unit", "unit_code", default=None, help="Another unit (code).")
@click.option("--type", "deliverable", default=None, help="Another deliverable id.")
@click.option("--nominee-id", "nomination_id", type=int, default=None, help="An existing nominee, by id.")
@click.option("--nominee", "nominee_name", default=None, help="A nominee by name (new ones need --kind).")
@click.option("--kind", "nominee_kind", type=click.Choice(["tap_the", "ca_nhan"]), default=None)
@actor_option
@pass_ctx
@handle_errors
def files_move(
    c: Ctx,
    submission_id: int,
    unit_code: str | None,
    deliverable: str | None,
    nomination_id: int | None,
    nominee_name: str | None,
    nominee_kind: str | None,
    actor: str,
) -> None:
    """Put a file under another deliverable, nominee or unit."""
    from bot.staff.files import move_file

    app = c.app
    with app.db.session() as s:
        r = move_file(
            s,
            app.campaign,
            submission_id,
            c.now,
            actor,
            unit_code=unit_code,
            deliverable=deliverable,
            nomination_id=nomination_id,
            nominee_name=nominee_name,
            nominee_kind=nominee_kind,
        )
        whom = f" / {r.new.nomination.name}" if r.new.nomination else ""
        note = " (a newer file counts there: kept as history)" if r.shadowed else ""
        click.echo(f"submission {r.old.id} → {r.new.id}: {r.new.unit.code} {r.new.deliverable}{whom}{note}")


# -- nominees -----------------------------------------------------------------------------
@click.group("nominees")
def nominees_group() -> None:
    """A unit's nominees: list, rename, merge, withdraw, restore."""


@nominees_group.command("list")
@click.option("--unit", "unit_code", required=True)
@pass_ctx
@handle_errors
def nominees_list(c: Ctx, unit_code: str) -> None:
    """The unit's nominees with their ids (withdrawn ones marked)."""
    from sqlalchemy import select

    from bot.staff.review import unit_by_code
    from bot.store.models import Nomination
    from bot.vocabulary import nominee_kind_vi

    app = c.app
    with app.db.session() as s:
        unit = unit_by_code(s, unit_code)
        for n in s.scalars(
            select(Nomination)
            .where(Nomination.campaign == app.campaign.id, Nomination.unit_id == unit.id)
            .order_by(Nomination.id)
        ):
            gone = " (đã rút)" if n.withdrawn_at else ""
            click.echo(f"{n.id}\t{nominee_kind_vi(n.kind)}\t{n.name}{gone}")


@nominees_group.command("rename")
@click.argument("nomination_id", type=int)
@click.argument("name")
@click.option("--kind", type=click.Choice(["tap_the", "ca_nhan"]), default=None)
@actor_option
@pass_ctx
@handle_errors
def nominees_rename(c: Ctx, nomination_id: int, name: str, kind: str | None, actor: str) -> None:
    """Correct a nominee's name (and kind)."""
    from bot.staff.nominees import rename_nominee

    with c.app.db.session() as s:
        n = rename_nominee(s, nomination_id, name, c.now, actor, kind)
        click.echo(f"nominee {n.id}: {n.name}")


@nominees_group.command("merge")
@click.argument("nomination_id", type=int)
@click.option("--into", "target_id", type=int, required=True, help="The nominee kept.")
@actor_option
@pass_ctx
@handle_errors
def nominees_merge(c: Ctx, nomination_id: int, target_id: int, actor: str) -> None:
    """One nominee under two names: move its files to --into and withdraw it."""
    from bot.staff.nominees import merge_nominees

    app = c.app
    with app.db.session() as s:
        r = merge_nominees(s, app.campaign, nomination_id, target_id, c.now, actor)
        click.echo(f"{r.source.name} merged into {r.target.name} ({r.files} file(s) moved)")


@nominees_group.command("withdraw")
@click.argument("nomination_id", type=int)
@click.option("--reason", required=True)
@actor_option
@pass_ctx
@handle_errors
def nominees_withdraw(c: Ctx, nomination_id: int, reason: str, actor: str) -> None:
    """Take a nominee off the unit's list (its files become history)."""
    from bot.staff.nominees import withdraw_nominee

    with c.app.db.session() as s:
        n = withdraw_nominee(s, nomination_id, reason, c.now, actor)
        click.echo(f"nominee {n.id} withdrawn ({n.name})")


@nominees_group.command("restore")
@click.argument("nomination_id", type=int)
@actor_option
@pass_ctx
@handle_errors
def nominees_restore(c: Ctx, nomination_id: int, actor: str) -> None:
    """Undo a withdrawal."""
    from bot.staff.nominees import restore_nominee

    with c.app.db.session() as s:
        n = restore_nominee(s, nomination_id, c.now, actor)
        click.echo(f"nominee {n.id} restored ({n.name})")


# -- deadline -----------------------------------------------------------------------------
@click.group("deadline")
def deadline_group() -> None:
    """Deadline extensions for one unit."""


@deadline_group.command("extend")
@click.option("--unit", "unit_code", required=True)
@click.option("--type", "deliverable", default=None, help="Only this deliverable.")
@click.option("--deadline", "deadline_id", default=None, help="All deliverables of this deadline.")
@click.option("--until", required=True, callback=_date_option, help="New last day (inclusive).")
@actor_option
@pass_ctx
@handle_errors
def deadline_extend(
    c: Ctx, unit_code: str, deliverable: str | None, deadline_id: str | None, until: dt.date, actor: str
) -> None:
    """Grant a unit a later deadline; late flags are re-judged, reminders re-armed."""
    from bot.staff.extensions import extend_deadline

    if deliverable and deadline_id:
        raise StaffError("give --type or --deadline, not both")
    app = c.app
    with app.db.session() as s:
        rows = extend_deadline(
            s, app.campaign, unit_code, until, c.now, actor, deliverable=deliverable, deadline_id=deadline_id
        )
        for e in rows:
            what = e.deliverable or f"all of {e.deadline_id}"
            click.echo(f"{unit_code}: {what} extended to {e.until:%d/%m/%Y}")
