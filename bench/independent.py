"""The bot end to end on the independent corpus (eval/independent/), scored against its hand labels.

The corpus was made and labelled by someone who had not read the matcher (see its
README).  This script never looks at how it was built: it appends the built mails to a
private Dovecot with their INTERNALDATE, and at each checkpoint runs the bot as an
operator's cron would (``poll --once``, ``remind``, ``status --json``, all with ``--now``
at the checkpoint), then compares what the bot recorded and sent with ``labels.json``
(written by ``eval/independent/check_labels.py``).  Measures (per mail, per file, per
unit × deliverable, per reminder):

* unit of each mail; mails from registered senders sent to review;
* deliverable type and nominee of each labelled file; files credited to a wrong unit,
  deliverable or nominee *with certainty* (counted, not waiting for review);
* phantom nominees (nominations matching no labelled nominee of the unit);
* false problems: ``outline_section_missing`` / ``quota_exceeded`` / ``summary_too_long``
  reported where the labels have none;
* status, ``late`` and ``received_at`` of every unit × deliverable at the last checkpoint
  (a file awaiting review included);
* reminders: precision (no unit reminded of what it sent) and recall (every unit missing
  something reminded), per reminder moment;
* acknowledgments that list a deliverable both as received and as owed.

    .venv/bin/python bench/independent.py [--corpus var/eval-independent] [--json FILE]

Build the corpus first: ``bash eval/independent/setup_tools.sh`` then
``python eval/independent/build.py`` and ``python eval/independent/check_labels.py``.
Exit 1 when a target of issue 12 is missed; the last line is a one-line summary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from email import message_from_bytes, policy
from pathlib import Path

from _harness import REPO, machine, world

from bot.text import nominee_key

CORPUS = REPO / "var" / "eval-independent"
UNITS = REPO / "eval" / "independent" / "units.csv"
TZ = dt.timezone(dt.timedelta(hours=7))


def _at(day: int, month: int, hour: int = 8, minute: int = 30) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, minute, tzinfo=TZ)


# After each reminder moment (08:00), at each deadline's end, and a last look a week on.
CHECKPOINTS = [
    _at(21, 2), _at(25, 2), _at(27, 2), _at(28, 2, 23, 59), _at(29, 2), _at(8, 3), _at(12, 3),
    _at(14, 3), _at(15, 3, 23, 59), _at(16, 3), _at(23, 3, 12, 0),
]  # fmt: skip


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


# -- running the bot ---------------------------------------------------------------------
class Observed:
    """What the bot did: its status at each checkpoint, its mails, its records."""

    def __init__(self) -> None:
        self.status: dict[dt.datetime, dict] = {}
        self.reminders: list[dict] = []  # {"at", "unit", "kind", "types"}
        self.acks: list[dict] = []  # {"unit", "text"}
        self.messages: dict[str, dict] = {}  # Message-ID -> {"unit", "review", "reason"}
        self.files: list[
            dict
        ] = []  # {"message_id", "filename", "origin", "deliverable", "nominee", "status"}
        self.nominations: dict[str, list[tuple[str, str]]] = {}


def run(corpus: Path, units: Path = UNITS) -> tuple[Observed, dict]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    mails = sorted(manifest["mails"], key=lambda m: m["append_order"])
    obs = Observed()
    with world(units=units) as w:
        c = w.imap()
        appended = 0
        try:
            for cp in CHECKPOINTS:
                while (
                    appended < len(mails) and dt.datetime.fromisoformat(mails[appended]["internaldate"]) <= cp
                ):
                    m = mails[appended]
                    raw = (corpus / m["path"]).read_bytes()
                    c.append("INBOX", raw, msg_time=dt.datetime.fromisoformat(m["internaldate"]))
                    appended += 1
                now = cp.isoformat()
                w.bot("poll", "--once", now=now, check=False)
                w.bot("remind", now=now)
                obs.status[cp] = json.loads(w.bot("status", "--json", now=now).stdout)
                _read_outbox(w, obs, cp)
        finally:
            c.logout()
        _read_records(w, obs)
    return obs, manifest


def _read_outbox(w, obs: Observed, cp: dt.datetime) -> None:
    from sqlalchemy import select

    from bot.store.models import OutboxMail, Unit

    app = w.app()
    seen = {r["id"] for r in obs.reminders} | {a["id"] for a in obs.acks}
    with app.db.session() as s:
        rows = s.execute(select(OutboxMail, Unit.code).outerjoin(Unit, OutboxMail.unit_id == Unit.id)).all()
        for mail, code in rows:
            if mail.id in seen or mail.raw is None:
                continue
            msg = message_from_bytes(mail.raw, policy=policy.default)
            text = msg.get_body(("plain",)).get_content() if msg.get_body(("plain",)) else ""
            if mail.kind in ("reminder", "overdue"):
                types = (msg.get("X-Intake-Missing") or "").split(",")
                obs.reminders.append(
                    {
                        "id": mail.id,
                        "at": cp,
                        "unit": code,
                        "kind": mail.kind,
                        "types": [t for t in types if t],
                    }
                )
            elif mail.kind == "ack":
                obs.acks.append({"id": mail.id, "unit": code, "text": text})
    app.db.dispose()


def _read_records(w, obs: Observed) -> None:
    from sqlalchemy import select

    from bot.store.models import AttachmentRow, Message, Nomination, Submission, Unit

    app = w.app()
    with app.db.session() as s:
        units = {u.id: u.code for u in s.scalars(select(Unit))}
        for m in s.scalars(select(Message)):
            obs.messages[m.message_id_header or f"#{m.id}"] = {
                "unit": units.get(m.unit_id),
                "suggested": units.get(m.suggested_unit_id),
                "review": bool(m.needs_review),
                "reason": m.review_reason,
                "category": m.category,
                "db_id": m.id,
            }
        ids = {m["db_id"]: mid for mid, m in obs.messages.items()}
        subs = defaultdict(list)
        for sub in s.scalars(select(Submission)):
            subs[sub.attachment_id].append(sub)
        noms = {n.id: n for n in s.scalars(select(Nomination))}
        for a in s.scalars(select(AttachmentRow)):
            current = [x for x in subs.get(a.id, []) if x.superseded_by_id is None] or subs.get(a.id, [])
            sub = current[-1] if current else None
            nom = noms.get(sub.nomination_id) if sub and sub.nomination_id else None
            obs.files.append(
                {
                    "message_id": ids.get(a.message_id),
                    "filename": nfc(a.filename),
                    "original": nfc(a.original_filename or a.filename),
                    "origin": a.origin,
                    "deliverable": sub.deliverable if sub else None,
                    "nominee": (nom.kind, nom.name) if nom else None,
                    "status": sub.status if sub else None,
                    "unit": units.get(sub.unit_id) if sub else None,
                }
            )
        for n in noms.values():
            if n.withdrawn_at is None:
                obs.nominations.setdefault(units[n.unit_id], []).append((n.kind, n.name))
    app.db.dispose()


# -- scoring -------------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.ok: Counter[str] = Counter()
        self.n: Counter[str] = Counter()
        self.notes: dict[str, list[str]] = defaultdict(list)

    def count(self, name: str, ok: bool, note: str = "") -> None:
        self.n[name] += 1
        self.ok[name] += int(ok)
        if not ok and note:
            self.notes[name].append(note)

    def bad(self, name: str, note: str) -> None:
        """A count of events that should never happen (the target is 0)."""
        self.n[name] += 1
        self.notes[name].append(note)

    def rate(self, name: str) -> str:
        n = self.n[name]
        return f"{self.ok[name]}/{n} {100.0 * self.ok[name] / n:5.1f}%" if n else "n/a"


def _same_nominee(bot: tuple[str, str] | None, label: dict | str | None, unit_labels: dict) -> bool:
    """``label`` is ``{"kind", "name"}`` (or "kind:canonical name"); the bot's nominee
    matches it or one of its variants."""
    if bot is None or label is None:
        return bot is None and label is None
    if isinstance(label, dict):
        kind, name = label["kind"], label["name"]
    else:
        kind, _, name = label.partition(":")
    names = {nominee_key(name)} | {nominee_key(v) for v in unit_labels.get(name, {}).get("variants", [])}
    return bot[0] == kind and nominee_key(bot[1]) in names


def _file_key(name: str) -> str:
    return nominee_key(Path(nfc(name)).name)


def _path_key(path: str) -> str:
    return "/".join(nominee_key(part) for part in nfc(path).replace("\\", "/").split("/"))


def score(labels: dict, obs: Observed, manifest: dict, corpus: Path = CORPUS) -> Tally:
    t = Tally()
    by_header = {}
    for m in manifest["mails"]:
        raw = (corpus / m["path"]).read_bytes()
        header = message_from_bytes(raw, policy=policy.default).get("Message-ID", "")
        by_header[m["id"]] = str(header).strip()
    unit_noms = {code: {n["name"]: n for n in u.get("nominees", [])} for code, u in labels["units"].items()}
    for m in labels["mails"]:
        seen = obs.messages.get(by_header.get(m["id"], ""))
        if seen is None:
            t.bad("mails not recorded", m["id"])
            continue
        unit, registered = m.get("unit"), m.get("sender_registered")
        submission = m["kind"] in ("submission", "partial_submission", "resend", "resend_whole_dossier")
        if registered and submission:
            t.count(
                "registered submission mails not sent to review",
                not seen["review"],
                f"{m['id']} {seen['reason']}",
            )
        if unit:
            got = seen["unit"] or (seen["suggested"] if not registered else None)
            t.count("unit of the mail", got == unit, f"{m['id']}: {got} for {unit}")
            if seen["unit"] is not None and seen["unit"] != unit:
                t.bad("mails credited to a wrong unit with certainty", m["id"])
        files = [f for f in obs.files if f["message_id"] == by_header.get(m["id"])]
        for lf in m.get("files", []):
            want = lf.get("deliverable")
            if want == "container":  # a zip/7z/rar/eml: its members are labelled on their own
                continue
            match = [f for f in files if _file_key(f["filename"]) == _file_key(lf["path"])] or [
                f for f in files if _file_key(f["original"]) == _file_key(lf["path"])
            ]
            if not match:
                if want:
                    t.bad("labelled files the bot did not list", f"{m['id']}/{lf['path']}")
                continue
            # Two members of one name in two folders ("1. Tap the/BCTT.docx", "2. Ca nhan -
            # …/BCTT.docx"): the one whose path in the archive ends the labelled path.
            f = next((x for x in match if _path_key(lf["path"]).endswith(_path_key(x["original"]))), match[0])
            if want is None:
                if f["status"] == "received":
                    t.bad(
                        "irrelevant files counted with certainty",
                        f"{m['id']}/{lf['path']} as {f['deliverable']}",
                    )
                continue
            t.count(
                "deliverable type",
                f["deliverable"] == want,
                f"{m['id']}/{lf['path']}: {f['deliverable']} for {want}",
            )
            labelled_nominees = lf.get("nominees") or [None]
            nominee_ok = any(
                _same_nominee(f["nominee"], n, unit_noms.get(unit or "", {})) for n in labelled_nominees
            )
            if labels_scope(want) == "nominee":
                t.count(
                    "nominee", nominee_ok, f"{m['id']}/{lf['path']}: {f['nominee']} for {labelled_nominees}"
                )
            certain = f["status"] == "received"
            if certain and (
                f["deliverable"] != want
                or f["unit"] != unit
                or (labels_scope(want) == "nominee" and not nominee_ok)
            ):
                t.bad(
                    "files credited wrongly with certainty",
                    f"{m['id']}/{lf['path']}: {f['deliverable']} {f['nominee']}",
                )
            t.count("files not sent to review", f["status"] != "needs_review", f"{m['id']}/{lf['path']}")
    final = obs.status[CHECKPOINTS[-1]]
    for u in final["units"]:
        code = u["code"]
        lab = labels["units"].get(code, {})
        known = list(unit_noms.get(code, {}).values())
        for kind, name in obs.nominations.get(code, []):
            if not any(
                _same_nominee((kind, name), f"{n['kind']}:{n['name']}", unit_noms[code]) for n in known
            ):
                t.bad("phantom nominees", f"{code}: {kind} {name}")
        real = set(lab.get("problems", []))
        for d in u["deliverables"]:
            for p in d["problems"]:
                if p["code"] in ("outline_section_missing", "summary_too_long") and not _has_problem(
                    labels, code, d["type"], p["code"]
                ):
                    t.bad(f"false {p['code']}", f"{code} {d['type']}")
            expected = (lab.get("final") or {}).get(d["type"])
            if expected:
                t.count(
                    "status of unit × deliverable",
                    _status_agrees(d, expected),
                    f"{code} {d['type']}: {d['status']}/{d['late']} for {expected}",
                )
        for p in u["problems"]:
            if p["code"] == "quota_exceeded" and "quota_exceeded" not in real:
                t.bad("false quota_exceeded", code)
        _score_nominees(u, lab, unit_noms.get(code, {}), t)
    score_reminders(labels, obs, manifest, t)
    score_acks(obs, t)
    return t


def _score_nominees(u: dict, lab: dict, names: dict, t: Tally) -> None:
    """Each labelled nominee's documents at the last checkpoint: received (waiting for staff
    included), late, missing; a collective's rating decision the labels call not_required is
    left out (the plan's wording leaves it open, see _owed)."""
    deadline_of = {d["type"]: d["deadline"] for d in u["deliverables"]}
    files_of: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for d in u["deliverables"]:
        for f in d["files"]:
            if f.get("nominee"):
                files_of[(d["type"], nominee_key(f["nominee"]))].append(f)
    for canonical, expected in (lab.get("final_nominees") or {}).items():
        kind = next((n["kind"] for n in names.values() if n["name"] == canonical), "")
        seen = next(
            (
                n
                for n in u["nominations"]
                if _same_nominee((n["kind"], n["nominee"]), f"{kind}:{canonical}", names)
            ),
            None,
        )
        for dtype, want in expected.items():
            if want == "not_required":
                continue
            note = f"{u['code']} {canonical} {dtype}: want {want}"
            if seen is None:
                t.count(
                    "status of nominee × deliverable",
                    want in ("missing", "unusable"),
                    note + ", no nomination",
                )
                continue
            arrived = dtype in seen["documents"] or dtype in seen["pending"]
            if want in ("missing", "unusable"):
                t.count(
                    "status of nominee × deliverable",
                    not arrived or want == "unusable" and dtype not in seen["documents"],
                    note,
                )
                continue
            files = files_of.get((dtype, nominee_key(seen["nominee"])), [])
            # When each document first arrived usable (a later copy does not make it late).
            times = [
                f.get("delivered_at") or f["received_at"]
                for f in files
                if f.get("received_at") and f.get("status") != "rejected"
            ]
            late = bool(times) and min(times) > (deadline_of.get(dtype) or "9")
            t.count(
                "status of nominee × deliverable",
                arrived and late == (want == "late"),
                note + f", got documents={seen['documents']} pending={seen['pending']} late={late}",
            )


NOMINEE_TYPES = {"bao_cao_thanh_tich", "tom_tat_thanh_tich", "quyet_dinh_khen_thuong", "quyet_dinh_xep_loai"}
DEADLINE_OF = {
    "to_trinh": "ho_so_khen_thuong",
    "bao_cao_kl01": "bao_cao_kl01",
    **dict.fromkeys(NOMINEE_TYPES, "ho_so_khen_thuong"),
}


def _arrivals(labels: dict, manifest: dict) -> dict[tuple[str, str, str | None], dt.datetime]:
    """(unit, deliverable, nominee label or None) -> when its first readable file arrived."""
    when = {m["id"]: dt.datetime.fromisoformat(m["internaldate"]) for m in manifest["mails"]}
    first: dict[tuple[str, str, str | None], dt.datetime] = {}
    for m in labels["mails"]:
        unit = m.get("unit")
        if not unit:
            continue
        for f in m.get("files", []):
            d = f.get("deliverable")
            if not d or not f.get("readable", True):
                continue
            for n in f.get("nominees") or [None]:
                key = (unit, d, f"{n['kind']}:{n['name']}" if isinstance(n, dict) else n)
                first[key] = min(first.get(key, when[m["id"]]), when[m["id"]])
    return first


def _owed(labels: dict, arrivals: dict, unit: str, at: dt.datetime) -> set[str]:
    """Deliverable types the unit still owes at ``at`` (every labelled nominee for per-nominee ones;
    a collective's rating decision is left out: the plan's wording leaves it to interpretation)."""
    owed = set()
    nominees = [f"{n['kind']}:{n['name']}" for n in labels["units"].get(unit, {}).get("nominees", [])]
    for d in DEADLINE_OF:
        if d in NOMINEE_TYPES:
            for n in nominees:
                if d == "quyet_dinh_xep_loai" and n.startswith("tap_the:"):
                    continue
                t = arrivals.get((unit, d, n))
                if t is None or t > at:
                    owed.add(d)
        else:
            t = arrivals.get((unit, d, None))
            if t is None or t > at:
                owed.add(d)
    return owed


def score_reminders(labels: dict, obs: Observed, manifest: dict, t: Tally) -> None:
    """Precision: no reminder names what the unit had sent; recall: when a step fires, every unit
    owing something for that deadline gets one."""
    arrivals = _arrivals(labels, manifest)
    units = list(labels["units"])
    for cp in CHECKPOINTS:
        sent = [r for r in obs.reminders if r["at"] == cp]
        for deadline in ("ho_so_khen_thuong", "bao_cao_kl01"):
            step = [r for r in sent if any(DEADLINE_OF.get(x) == deadline for x in r["types"])]
            if not step:
                continue
            got = {r["unit"] for r in step}
            for r in step:
                owed = {d for d in _owed(labels, arrivals, r["unit"], cp) if DEADLINE_OF[d] == deadline}
                proposes = bool(labels["units"].get(r["unit"], {}).get("nominees"))
                for x in r["types"]:
                    if DEADLINE_OF.get(x) != deadline or (x == "quyet_dinh_xep_loai" and x not in owed):
                        continue
                    if x in NOMINEE_TYPES and not proposes:
                        # A unit that never proposes anyone (it asks for time, then sends
                        # nothing) is rightly told the nominees' documents are owed too:
                        # neither right nor wrong by the labels, so not counted.
                        continue
                    t.count(
                        "reminder precision (types named)",
                        x in owed,
                        f"{cp:%d/%m} {r['unit']}: {x} already sent",
                    )
            for unit in units:
                owed = {d for d in _owed(labels, arrivals, unit, cp) if DEADLINE_OF[d] == deadline}
                if owed - {"quyet_dinh_xep_loai"}:
                    t.count(
                        "reminder recall (units owing)", unit in got, f"{cp:%d/%m} {unit} owes {sorted(owed)}"
                    )


def score_acks(obs: Observed, t: Tally) -> None:
    """No acknowledgment lists one deliverable (for one nominee) as received and as owed."""
    for a in obs.acks:
        text = a["text"]
        if "Hồ sơ đã nhận trong thư này:" not in text:
            continue
        received = text.split("Hồ sơ đã nhận trong thư này:", 1)[1].split("\n\n", 1)[0]
        # "Hồ sơ đơn vị còn phải gửi theo Kế hoạch số …:" then the list.
        parts = re.split(r"còn phải gửi[^\n]*:\n", text, maxsplit=1)
        owed = parts[1] if len(parts) == 2 else ""
        got = {_ack_pair(line) for line in received.splitlines() if line.strip().startswith("-")}
        bad = []
        for line in owed.splitlines():
            if not line.strip().startswith("-"):
                continue
            name, _, who = line.strip("- ").partition(": còn thiếu của ")
            name = name.split(" — ")[0].strip()
            people = [p.strip().split(" ", 2)[-1] for p in who.split(";")] if who else [None]
            bad += [(name, p) for p in people if (name, p) in got or (name, None) in got and p is None]
        t.count("acknowledgments without contradiction", not bad, f"{a['unit']}: {bad}")


def _ack_pair(line: str) -> tuple[str, str | None]:
    head = line.strip("- ").split(": ", 1)[0]
    name, _, who = head.partition(" — ")
    return name.strip(), (who.split(" ", 2)[-1].strip() if who else None)


def labels_scope(deliverable: str | None) -> str:
    return (
        "nominee"
        if deliverable
        in {"bao_cao_thanh_tich", "tom_tat_thanh_tich", "quyet_dinh_khen_thuong", "quyet_dinh_xep_loai"}
        else "unit"
    )


def _has_problem(labels: dict, code: str, deliverable: str, problem: str) -> bool:
    for m in labels["mails"]:
        if m.get("unit") != code:
            continue
        for f in m.get("files", []):
            if f.get("deliverable") == deliverable and any(
                p.split(":")[0] == problem for p in f.get("problems", [])
            ):
                return True
    return False


def _status_agrees(d: dict, expected: str) -> bool:
    """The labels say received / late / missing / unusable for the unit's final state."""
    if expected == "missing":
        return d["status"] == "missing"
    if expected == "late":
        return d["status"] != "missing" and d["late"]
    if expected == "received":
        return d["status"] != "missing" and not d["late"]
    return d["status"] != "received"  # unusable: never counted as fine


TARGETS = {
    "registered submission mails not sent to review": 0.98,
    "mails credited to a wrong unit with certainty": 0,
    "files credited wrongly with certainty": 0,
    "phantom nominees": 0,
    "false outline_section_missing": 0,
    "false quota_exceeded": 0,
    "status of unit × deliverable": 1.0,
    "status of nominee × deliverable": 1.0,
    "reminder precision (types named)": 1.0,
    "reminder recall (units owing)": 1.0,
    "acknowledgments without contradiction": 1.0,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument(
        "--units",
        type=Path,
        default=UNITS,
        help="the corpus's units.csv (eval/fresh/units.csv for the fresh one)",
    )
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument(
        "--observed",
        type=Path,
        default=None,
        help="pickle of what the bot did: written after a run, read instead of running when it exists",
    )
    args = ap.parse_args()
    labels_path = args.corpus / "labels.json"
    if not labels_path.exists():
        print(
            f"no {labels_path}: build the corpus and run eval/independent/check_labels.py first",
            file=sys.stderr,
        )
        return 2
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    print(f"machine: {machine()}")
    if args.observed and args.observed.exists():
        obs, manifest = pickle.loads(args.observed.read_bytes())
    else:
        obs, manifest = run(args.corpus, args.units.resolve())
        if args.observed:
            args.observed.write_bytes(pickle.dumps((obs, manifest)))
    t = score(labels, obs, manifest, args.corpus)
    print(f"{'measure':55s} {'result':>18s}  target")
    missed = []
    for name in sorted(set(t.n)):
        target = TARGETS.get(name)
        zero_kind = name in TARGETS and TARGETS[name] == 0
        result = str(t.n[name]) if zero_kind or name not in t.ok else t.rate(name)
        if name in (
            "phantom nominees",
            "files credited wrongly with certainty",
            "mails credited to a wrong unit with certainty",
            "false outline_section_missing",
            "false quota_exceeded",
            "mails not recorded",
            "labelled files the bot did not list",
            "irrelevant files counted with certainty",
        ):
            result = str(t.n[name])
            ok = t.n[name] == 0
        else:
            ok = target is None or (t.ok[name] / t.n[name] >= target if t.n[name] else True)
        if not ok:
            missed.append(name)
        print(f"{name:55s} {result:>18s}  {'' if target is None else target}")
        for note in t.notes.get(name, [])[:8]:
            print(f"    {note}")
    if args.json:
        args.json.write_text(
            json.dumps({"ok": dict(t.ok), "n": dict(t.n), "notes": t.notes}, ensure_ascii=False, indent=1)
        )
    print(
        f"SUMMARY independent corpus {args.corpus.name}: "
        + ("all targets met" if not missed else "missed: " + ", ".join(missed))
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
