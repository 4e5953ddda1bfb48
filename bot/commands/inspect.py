"""``intake-bot inspect``: what the bot makes of documents on disk, without mailbox or database.

Each file goes through the same two steps as an attachment of a mail: the intake's
:func:`~bot.intake.unpack.collect_files` (type sniffing, refusals, archives opened, so a
``.zip`` gives one result per document inside it) and the per-file analysis of the
pipeline (document text, deliverable type with its score and evidence, nominee, the
plan's rules).  Nothing is stored.  Staff use it to see why a file was classified as it
was; tests and benchmarks use it as a stable JSON Lines interface.

One result per document (:func:`inspect_paths`), as a dict with the keys ``filename``
(``bundle.zip/inner.docx`` for archive members), ``media_type``, ``pages``, ``method``
(how the text was read: ``pdf-text``, ``pdf-text-pdfplumber``, ``pdf-ocr``,
``image-ocr``, ``docx``, ``doc-antiword``, …), ``legacy_encoding`` (``tcvn3``/``vni``
when the text was converted from a legacy font), ``deliverable``, ``score``,
``evidence``, ``needs_review``, ``nominee`` (``{"kind", "name"}`` or null),
``problems`` (``[{"code", "message"}]``), ``signatures`` (a PDF's digital signatures:
``signer``, ``organisation``, ``signed_at``, ``intact``, ``trusted``, ``checks``, …;
trusted against the settings' roots, not checked with ``--campaign``) and ``text`` (the full extracted text, only
when asked).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from bot.campaign.model import Campaign, load_campaign
from bot.commands.context import Ctx, handle_errors, pass_ctx
from bot.documents.inspect import inspect_document
from bot.documents.signatures import SignaturePolicy
from bot.intake.containers import Budget
from bot.intake.limits import ParseLimits
from bot.intake.unpack import collect_files
from bot.mail import Attachment, InboundMessage
from bot.outgoing.signed import signature_line
from bot.pipeline.read import FileAnalysis
from bot.pipeline.understand import understand_files
from bot.vocabulary import nominee_kind_vi


def _attachments(path: Path, limits: ParseLimits) -> list[Attachment]:
    collected = collect_files(
        path.read_bytes(), path.name, "application/octet-stream", "mail", limits, Budget.from_limits(limits)
    )
    return collected.attachments


def _shown_name(att: Attachment) -> str:
    """``bundle.zip/inner.docx`` for a member of an archive, the file name otherwise."""
    if att.origin == "mail":
        return att.filename
    containers = [part.split(":", 1)[1] for part in att.origin.split("/") if ":" in part]
    return "/".join([*containers, att.filename])


def _record(fa: FileAnalysis, with_text: bool) -> dict:
    att, facts = fa.attachment, fa.facts
    record = {
        "filename": _shown_name(att),
        "media_type": att.sniffed_type,
        "pages": facts.page_count if facts else None,
        "method": facts.method if facts else None,
        "legacy_encoding": facts.legacy_encoding if facts else None,
        "deliverable": fa.deliverable,
        "score": round(fa.score, 3),
        "evidence": list(fa.evidence),
        "needs_review": fa.needs_review,
        "nominee": {"kind": fa.nominee_kind, "name": fa.nominee_name} if fa.nominee_name else None,
        "problems": [p.as_dict() for p in fa.problems],
        "signatures": [sig.as_dict() for sig in facts.signatures] if facts else [],
    }
    if with_text:
        text = None
        if facts is not None and not att.problem:
            full = inspect_document(att.content(), att.filename, att.sniffed_type, need_full_text=True)
            text = full.full_text if full.full_text is not None else full.head_text
        record["text"] = text
    return record


def inspect_paths(
    paths: Iterable[Path],
    campaign: Campaign,
    limits: ParseLimits,
    with_text: bool = False,
    signatures: SignaturePolicy | None = None,
) -> Iterator[dict]:
    """One record per document found in ``paths`` (see the module docstring), in order."""
    for path in paths:
        attachments = _attachments(path, limits)
        # A mail with nothing but this file: the subject and body say nothing.
        msg = InboundMessage(None, "", None, None, [], [], None, None, None, [], "", attachments)
        for fa in understand_files(msg, campaign, signatures) or []:
            yield _record(fa, with_text)


@click.command("inspect")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per document.")
@click.option("--text", "with_text", is_flag=True, help="Also the full extracted text.")
@click.option(
    "--campaign",
    "campaign_file",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="Campaign file (default: the one of the settings; no settings needed with this).",
)
@pass_ctx
@handle_errors
def inspect_command(
    c: Ctx, files: tuple[str, ...], as_json: bool, with_text: bool, campaign_file: str | None
) -> None:
    """What the bot makes of documents on disk: type, nominee, problems (nothing is stored)."""
    if campaign_file:
        campaign, limits, policy = load_campaign(campaign_file), ParseLimits(), None
    else:
        campaign, limits, policy = c.app.campaign, c.app.parse_limits, c.app.signature_policy
    for record in inspect_paths([Path(f) for f in files], campaign, limits, with_text, policy):
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_inspect_text(record, campaign))


def _inspect_text(r: dict, campaign) -> str:
    """One document, for a person (Vietnamese labels, like the rest of what staff read)."""
    names = {d.id: d.name for d in campaign.deliverables}
    read = r["method"] or "không đọc được"
    if r["legacy_encoding"]:
        read += f", chuyển từ phông {r['legacy_encoding'].upper()}"
    pages = f", {r['pages']} trang" if r["pages"] else ""
    kind = names.get(r["deliverable"], "chưa xác định") if r["deliverable"] else "chưa xác định"
    lines = [
        f"{r['filename']}  ({r['media_type']}{pages}; cách đọc: {read})",
        f"  loại hồ sơ: {kind}"
        + (f" [{r['deliverable']}], độ tin cậy {r['score']:.2f}" if r["deliverable"] else ""),
    ]
    if r["nominee"]:
        lines.append(f"  đề nghị cho: {nominee_kind_vi(r['nominee']['kind'])} {r['nominee']['name']}".strip())
    if r["needs_review"]:
        lines.append("  cần cán bộ xem xét")
    lines += [f"  căn cứ: {e}" for e in r["evidence"]]
    lines += [f"  vấn đề: {p['message']}" for p in r["problems"]]
    if r["signatures"]:
        lines.append("  " + signature_line(r["filename"], r["signatures"], campaign.tz).split(": ", 1)[1])
    if r.get("text") is not None:
        lines += ["  --- nội dung ---", *("  " + line for line in r["text"].splitlines())]
    return "\n".join(lines)
