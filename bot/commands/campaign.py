"""``intake-bot campaign draft PLAN [-o FILE]``: a campaign file drafted from the plan itself.

See :mod:`bot.staff.plan_draft` (reading) and :mod:`bot.campaign.draft` (parsing).  Needs
no settings, database or mailbox.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.commands.context import handle_errors


@click.group("campaign")
def campaign_group() -> None:
    """The plan as a campaign file."""


@campaign_group.command("draft")
@click.argument("plan", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout)."
)
@handle_errors
def draft_command(plan: Path, output: Path | None) -> None:
    """Draft a campaign TOML from PLAN (.docx/.pdf/.doc/.txt; scans through OCR) to review."""
    from bot.staff.plan_draft import draft_from_bytes

    made = draft_from_bytes(plan.read_bytes(), plan.name)
    if output is None:
        click.echo(made.toml, nl=False)
        return
    output.write_text(made.toml, encoding="utf-8")
    d = made.draft
    click.echo(
        f"draft written to {output} (plan read as {made.method}): {len(d.deadlines)} deadlines, "
        f"{len(d.deliverables)} deliverables, {len(d.unit_kinds)} unit kinds, {len(d.outline)} outline "
        f"sections, {len(d.milestones)} milestones, {len(d.todos)} TODO",
        err=True,
    )
