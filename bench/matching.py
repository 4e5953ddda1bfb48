"""Bench for the understanding layer on the labelled corpus (tests/corpus/make_corpus.py).

Builds (or reuses) the corpus, inspects every file with ``bot.documents``, then measures:
deliverable-type accuracy, nominee accuracy, the needs-review rate, and unit attribution
over simulated mails — from the registered address (with case and ``+tag`` variants),
from a clerk's personal address naming the unit only in the subject, only in the
signature, only through the documents' headers, or in a reply to the bot's reminder —
plus the number of wrong attributions presented as certain.  Targets: type ≥ 99%,
unit ≥ 99% registered / ≥ 95% unregistered, zero wrong-but-certain.

    .venv/bin/python bench/matching.py [--dest var/corpus]

Then, for each independent corpus that is built — eval/independent/, eval/fresh/ and
eval/third/, each made by another author who never read the matcher, each run blind once
and used for diagnosis after (their READMEs and bench/RESULTS.md give the blind figures) —
runs bench/independent.py on it and prints its table after this one: every corpus apart.

Exit status 1 when a target is missed.  The last line is a one-line summary.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.corpus is not an installed package

from bot.campaign.model import load_campaign  # noqa: E402
from bot.campaign.units import UnitInfo, read_units  # noqa: E402
from bot.documents.inspect import inspect_document  # noqa: E402
from bot.mail import InboundMessage  # noqa: E402
from bot.matching.nominees import extract_nominee, extract_proposal_nominees  # noqa: E402
from bot.matching.types import classify  # noqa: E402
from bot.matching.units import match_unit  # noqa: E402
from bot.text import nominee_key, strip_marks  # noqa: E402
from tests.corpus.make_corpus import CorpusDoc, build_corpus  # noqa: E402

DOSSIER_SUBJECTS = [
    "V/v gửi hồ sơ khen thưởng HT&LT Bác 2024",
    "Fwd: Ho so de nghi khen thuong 2024",
    "TL: Hồ sơ khen thưởng",
    "Gửi hồ sơ đề nghị khen thưởng",
]
REPORT_SUBJECTS = ["Bao cao KL01", "TL: Báo cáo kết quả thực hiện Kết luận 01", "Fwd: bao cao KL 01-KL/TW"]
GENERIC_BODY = (
    "Kính gửi Ban Tuyên giáo Đảng ủy Khối.\nEm xin gửi hồ sơ theo Kế hoạch 120-KH/ĐUK.\nTrân trọng."
)


def _message(
    sender: str, subject: str, body: str = GENERIC_BODY, in_reply_to: str | None = None
) -> InboundMessage:
    return InboundMessage(
        "<bench@example>", subject, sender, None, ["banbientapduk@thainguyen.gov.vn"], [], None, None,
        in_reply_to, [in_reply_to] if in_reply_to else [], body, [],
    )  # fmt: skip


def _rate(ok: int, n: int) -> str:
    return f"{ok}/{n} {100.0 * ok / n:5.1f}%" if n else "n/a"


def _scenarios(unit: UnitInfo, i: int, subject: str, heads: list[str]):
    """(group, message, doc_texts) for one mail of one unit; "safety" groups expect no unit."""
    names = [unit.name, *unit.aliases]
    alias = names[i % len(names)]
    if i % 3 == 2:
        alias = strip_marks(alias)  # typed without diacritics
    gmail = f"vanthu.{unit.code.lower()}@gmail.com"
    address = unit.emails[0]
    local, _, domain = address.partition("@")
    for variant in (address, address.upper(), f"{local}+hoso@{domain}"):
        yield "registered", _message(variant, subject), heads
    yield "unregistered: subject only", _message(gmail, f"{subject} - {alias}"), []
    signature = f"{GENERIC_BODY}\n\n{unit.secretary}\nVăn phòng {alias}\nĐT: 0912 345 678"
    yield "unregistered: signature only", _message(gmail, subject, signature), []
    if heads:
        yield "unregistered: documents only", _message(gmail, subject), heads
        yield "unregistered: subject + documents", _message(gmail, f"{subject} ({alias})"), heads
    yield "thread reply", _message(gmail, f"Re: {subject}", in_reply_to=f"<remind-{unit.code}@bot>"), []
    # Safety: nothing names the unit, or two units are named alike — expect no unit.
    yield "safety: nobody named", _message(gmail, subject), []
    other = "Sở Tư pháp" if unit.code != "STP" else "Sở Tài chính"
    yield "safety: two units named", _message(gmail, f"{subject} - {alias} và {other}"), []


def run(dest: Path) -> int:
    campaign = load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")
    units = read_units(REPO / "config/units.example.csv", set(campaign.unit_kinds))
    by_code = {u.code: u for u in units}
    docs: list[CorpusDoc] = build_corpus(dest)
    bot_ids = {f"<remind-{u.code}@bot>": u.code for u in units}

    readable = [d for d in docs if not (d.unreadable or d.encrypted)]
    heads = {
        d.path: inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type).head_text for d in readable
    }

    type_ok = review = nominee_ok = nominee_n = 0
    wrong_types: list[str] = []
    mails: dict[tuple[str, str], list[CorpusDoc]] = defaultdict(list)
    for i, d in enumerate(readable):
        mail = "report" if d.deliverable == "bao_cao_kl01" else "dossier"
        mails[(d.unit_code, mail)].append(d)
        subjects = REPORT_SUBJECTS if mail == "report" else DOSSIER_SUBJECTS
        t = classify(d.path.name, subjects[i % len(subjects)], heads[d.path], campaign)
        type_ok += t.deliverable == d.deliverable
        review += t.needs_review
        if t.deliverable != d.deliverable:
            wrong_types.append(f"  type: {d.path.name} ({d.format}) {d.deliverable} → {t.deliverable}")
        if d.nominee_name:
            nominee_n += 1
            kinds = campaign.deliverable(d.deliverable).nominee_kinds
            g = extract_nominee(d.deliverable, heads[d.path], d.path.name, subjects[0], allowed_kinds=kinds)
            expected = nominee_key(d.nominee_name.split(",")[0])
            if g.kind == d.nominee_kind and g.name and nominee_key(g.name) == expected:
                nominee_ok += 1
            else:
                wrong_types.append(
                    f"  nominee: {d.path.name} ({d.format}) {d.nominee_name} → {g.kind} {g.name}"
                )

    # Tờ trình: the proposed nominees must be exactly the unit's nominees in the corpus.
    expected_nominees: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for d in docs:
        if d.nominee_name and d.nominee_kind:
            expected_nominees[d.unit_code].add((d.nominee_kind, nominee_key(d.nominee_name.split(",")[0])))
    proposal_ok = proposal_n = 0
    for d in readable:
        if d.deliverable == "to_trinh":
            facts = inspect_document(d.path.read_bytes(), d.path.name, d.sniffed_type, need_full_text=True)
            found = {
                (g.kind, nominee_key(g.name or ""))
                for g in extract_proposal_nominees(facts.full_text or facts.head_text)
            }
            proposal_n += 1
            proposal_ok += found == expected_nominees[d.unit_code]
            if found != expected_nominees[d.unit_code]:
                wrong_types.append(f"  proposal: {d.path} ({d.format}) {sorted(found)}")

    unit_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong_certain = 0
    for i, ((code, mail), mail_docs) in enumerate(sorted(mails.items(), key=lambda kv: (kv[0][0], kv[0][1]))):
        subjects = REPORT_SUBJECTS if mail == "report" else DOSSIER_SUBJECTS
        mail_heads = [heads[d.path] for d in mail_docs if heads[d.path]]
        for group, msg, texts in _scenarios(by_code[code], i, subjects[i % len(subjects)], mail_heads):
            m = match_unit(msg, texts, units, bot_ids)
            expected = None if group.startswith("safety") else code
            unit_ok[group][0] += m.unit_code == expected
            unit_ok[group][1] += 1
            if m.unit_code != expected:
                wrong_types.append(
                    f"  unit: {group} {code} → {m.unit_code} (suggest {m.suggestion}) {m.evidence}"
                )
            if m.certain and m.unit_code != expected:
                wrong_certain += 1

    reg = unit_ok["registered"]
    unreg = [sum(v[k] for g, v in unit_ok.items() if g.startswith("unregistered")) for k in (0, 1)]
    n = len(readable)
    rows = [
        ("deliverable type", _rate(type_ok, n), "≥ 99%", type_ok >= 0.99 * n),
        ("nominee (kind and name)", _rate(nominee_ok, nominee_n), "—", True),
        ("proposal nominees (Tờ trình)", _rate(proposal_ok, proposal_n), "—", True),
        ("type needs_review rate", _rate(review, n), "low", True),
        ("unit: registered sender", _rate(*reg), "≥ 99%", reg[0] >= 0.99 * reg[1]),
        *[(f"unit: {g}", _rate(*v), "", True) for g, v in sorted(unit_ok.items()) if g.startswith("unreg")],
        ("unit: unregistered, all", _rate(*unreg), "≥ 95%", unreg[0] >= 0.95 * unreg[1]),
        ("unit: thread reply", _rate(*unit_ok["thread reply"]), "", True),
        *[
            (f"unit: {g} → none", _rate(*v), "", True)
            for g, v in sorted(unit_ok.items())
            if g.startswith("safety")
        ],
        ("wrong attribution shown as certain", str(wrong_certain), "0", wrong_certain == 0),
    ]
    print(f"corpus: {len(docs)} files in {dest}, {n} readable (unreadable/encrypted ones left out)")
    print(f"{'metric':38} {'result':>16}  target")
    for name, value, target, ok in rows:
        print(f"{name:38} {value:>16}  {target}{'' if ok else '  ✗ MISSED'}")
    for line in wrong_types[:20]:
        print(line)
    met = all(ok for *_, ok in rows)
    print(
        f"SUMMARY type {100 * type_ok / n:.1f}% · nominee {100 * nominee_ok / max(nominee_n, 1):.1f}% · "
        f"unit registered {100 * reg[0] / reg[1]:.1f}% / unregistered {100 * unreg[0] / unreg[1]:.1f}% · "
        f"review {100 * review / n:.1f}% · wrong-but-certain {wrong_certain} · "
        f"{'all targets met' if met else 'TARGETS MISSED'}"
    )
    return 0 if met else 1


# (built corpus, its units, what it is): reported in this order when built.
INDEPENDENT = [
    (
        REPO / "var/eval-independent",
        REPO / "eval/independent/units.csv",
        "eval/independent, used for diagnosis",
    ),
    (REPO / "var/eval-fresh", REPO / "eval/fresh/units.csv", "eval/fresh, used for diagnosis"),
    (REPO / "var/eval-third", REPO / "eval/third/units.csv", "eval/third, used for diagnosis"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dest", type=Path, default=REPO / "var/corpus", help="corpus directory (gitignored)"
    )
    args = parser.parse_args()
    print("== generated corpus (tests/corpus), per file")
    status = run(args.dest)
    for corpus, units, what in INDEPENDENT:
        if not (corpus / "labels.json").exists():
            print(f"== independent corpus {what}: not built at {corpus} (see its README)")
            continue
        # Run end to end (Dovecot, poll, remind, status) by its own script, so its measures
        # stay apart from this one's and from the matcher.
        print(f"== independent corpus ({what}), end to end, per mail, file, unit and reminder")
        sys.stdout.flush()
        cmd = [
            sys.executable,
            str(REPO / "bench/independent.py"),
            "--corpus",
            str(corpus),
            "--units",
            str(units),
        ]
        status = subprocess.run(cmd, check=False).returncode or status
    return status


if __name__ == "__main__":
    sys.exit(main())
