"""Whose file is it: the files of one mail resolved together, against the unit's dossier (pure).

A staff member does not read a rating decision alone.  They know the unit proposes one
collective and one individual (its Tờ trình, or its earlier mails), and they read
"QĐ khen thưởng - tập thể.pdf" as that collective's, a rating decision listing six
party members as the one of them who is a nominee, "QĐ xếp loại đảng viên 2023 - Lò
Văn Tùng.pdf" as Lò Văn Tùng's.  :func:`resolve` does the same for every per-nominee
file of a mail, from:

* the **roster**: the unit's nominees already on file, plus those the mail's own proposal
  lists (names matched by :func:`bot.matching.roster.candidates`, so one nominee is never
  split in two by a spelling);
* per file, what it names: its own guess (a labelled field or title, the file name, the
  subject; :func:`bot.matching.nominees.extract_nominee`), everyone its text names (a
  decision's table of members), and the kind it speaks of (a kind's own words, "tập thể" /
  "cá nhân" in its name);
* the mail's subject and body, which often name the nominee once for all the files.

Each roster nominee the deliverable applies to gets a score per file (weights below);
the best wins when it is clearly ahead, otherwise the file goes to staff with the
nominees it could be, best first.  A name that is nobody on the roster becomes a new
nominee only when read from the document or its file name, when it can be a name at all
(:func:`bot.matching.roster.plausible`: never "01 tập thể và 01 cá nhân"), and when the
roster leaves room for it (no proposal on file yet, or fewer nominees of that kind than
the proposal counts); otherwise staff decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.matching.names_in_text import find_name
from bot.matching.roster import EXACT, WORDS_CONTAINED, candidates, plausible
from bot.text import fold, nominee_key

# How much each kind of evidence weighs for one roster nominee (times the name match).
FROM_TEXT = 3.0  # the document names it in a field, its title, "Tặng … cho"
FROM_FILENAME = 2.5
FROM_SUBJECT = 1.0
MENTIONED = 1.5  # the document's text names it among others (a decision's table)
IN_MAIL = 0.75  # the subject or body names it
NAMES_ANOTHER = -2.0  # the document (or its file name) names someone else
KIND_AGREES = 1.0
KIND_DISAGREES = -3.0
ONLY_ONE = 0.75  # the only nominee of the kinds the deliverable applies to ...
ONLY_OF_KIND = 0.75  # ... or the only one of the kind the file speaks of
# The only nominee the document can be for, and the unit may propose no one else: a
# staff member reads "QĐ KT.pdf" from a unit proposing one individual as that person's.
NO_ONE_ELSE = 1.0
CERTAIN = 1.5  # the winner needs this much ...
AHEAD = 1.0  # ... and this lead over the runner-up
MAX_CANDIDATES = 3


@dataclass(frozen=True)
class Nominee:
    kind: str
    name: str
    on_file: bool = True  # known before this mail (False: from this mail's proposal or new)
    renamed_from: str | None = None  # its name on file, when the proposal spells it otherwise
    # Dropped by this mail: it replaces the whole dossier and its proposal does not list
    # this nominee, so no file of it can be this nominee's.
    withdrawn: bool = False


@dataclass(frozen=True)
class FileReading:
    """What one per-nominee file says about whom it is for."""

    deliverable: str
    kinds: frozenset[str]  # the kinds of nominee this deliverable applies to
    guess_kind: str | None = None
    guess_name: str | None = None
    guess_source: str | None = None  # text | filename | subject
    kind_hint: str | None = None  # the kind its words or file name speak of
    mentions: tuple[tuple[str, str], ...] = ()  # (kind, name) its text names
    alt_name: str | None = None  # the file name's name for it, when the text names another
    several: bool = False  # its name says it is for several ("Tom tat 2 dong chi.docx")
    folder: str | None = None  # the archive folder it came in (Attachment.folder)
    # A decision ("Điều 1. Tặng …"): its rows list people, each of them by name.
    decision: bool = False
    # Its text whose names are weighed: folded lines (bot.text.fold_lines), words single-spaced.
    text: str = ""
    # Whether a name it gives may become a new nominee: not for a file nobody could read
    # (one a locked archive lists), whose name alone is too thin to propose someone.
    may_add: bool = True


@dataclass(frozen=True)
class Assignment:
    nominee: int | None  # index in Resolution.roster; None: staff decide
    certain: bool
    candidates: tuple[int, ...] = ()  # for staff, best first
    evidence: tuple[str, ...] = ()
    # Further nominees the same file is for: one summary of two comrades, one decision
    # naming several of the unit's nominees.
    also: tuple[int, ...] = ()


@dataclass
class Resolution:
    roster: list[Nominee]
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def new_nominees(self) -> list[Nominee]:
        return [n for n in self.roster if not n.on_file]

    @property
    def renamed(self) -> list[int]:
        """Roster indexes of nominees on file that the proposal names in its own spelling."""
        return [i for i, n in enumerate(self.roster) if n.renamed_from is not None]


def merge_roster(on_file: Sequence[Nominee], proposed: Sequence[tuple[str, str]]) -> list[Nominee]:
    """The unit's nominees on file plus those a proposal lists that are not yet on file.

    The proposal is the authority on names: a nominee on file known only by a shorter or
    mangled spelling (a file name that lost a word or a number, a missing diacritic) that
    the proposal names unambiguously takes the proposal's spelling instead of becoming a
    second nominee beside it.
    """
    roster = list(on_file)
    for kind, name in proposed:
        if not plausible(kind, name):
            continue
        pairs = [(n.kind, n.name) for n in roster]
        found = candidates(name, kind, pairs)
        if any(m.score == EXACT for m in found):
            continue
        close = [m for m in found if m.score >= WORDS_CONTAINED]
        if len(close) == 1 and roster[close[0].index].on_file and roster[close[0].index].renamed_from is None:
            old = roster[close[0].index]
            roster[close[0].index] = Nominee(kind, name.strip(), True, renamed_from=old.name)
            continue
        roster.append(Nominee(kind, name, on_file=False))
    return roster


def _withdraw_unlisted(roster: list[Nominee], proposed: Sequence[tuple[str, str]]) -> list[Nominee]:
    """The roster with every nominee on file that the new proposal does not name withdrawn."""
    listed: set[int] = set()
    for kind, name in proposed:
        found = candidates(name, kind, [(n.kind, n.name) for n in roster])
        listed |= {m.index for m in found if m.score >= WORDS_CONTAINED}
    return [
        n if (not n.on_file or i in listed) else Nominee(n.kind, n.name, True, n.renamed_from, withdrawn=True)
        for i, n in enumerate(roster)
    ]


def _mail_mentions(mail_text: str, roster: Sequence[Nominee]) -> set[int]:
    """Roster nominees the subject or body names (exact names only: prose is loose)."""
    folded_mail = f" {nominee_key(mail_text)} "
    return {i for i, n in enumerate(roster) if f" {nominee_key(n.name)} " in folded_mail}


@dataclass
class _Scores:
    total: dict[int, float] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=dict)
    named: set[int] = field(default_factory=set)  # nominees a name in the file matched
    # Nominees the document's own text names (its field or title, or its list of names).
    in_text: set[int] = field(default_factory=set)
    # Nominees the text names by their whole name (a row, or the name found whole).
    whole: set[int] = field(default_factory=set)

    def add(self, i: int, value: float, why: str) -> None:
        if i in self.total:
            self.total[i] += value
            self.notes[i].append(f"{why} ({value:+.2f})")


def _is_the_unit(name: str, unit_names: Sequence[str]) -> bool:
    """A name that is the sending unit itself (its party committee or cell), not a nominee."""
    key = f"{nominee_key(name)} "
    return any(key.startswith(f"{nominee_key(u)} ") for u in unit_names if nominee_key(u))


def _scores(
    f: FileReading,
    roster: Sequence[Nominee],
    in_mail: set[int],
    unit_names: Sequence[str] = (),
    closed: bool = False,
) -> _Scores:
    """Each eligible roster nominee's score for ``f``; ``closed``: the unit may propose
    no nominee beyond the roster (its proposal's count or quota is reached)."""
    pairs = [(n.kind, n.name) for n in roster]
    eligible = [i for i, n in enumerate(roster) if n.kind in f.kinds and not n.withdrawn]
    s = _Scores({i: 0.0 for i in eligible}, {i: [] for i in eligible})
    add = s.add
    if f.guess_name and not _is_the_unit(f.guess_name, unit_names):
        weight = {"text": FROM_TEXT, "filename": FROM_FILENAME}.get(f.guess_source or "", FROM_SUBJECT)
        matched = candidates(f.guess_name, f.guess_kind, pairs)
        for m in matched:
            add(m.index, weight * m.score, f"{f.guess_source} names '{f.guess_name}': {m.how}")
            s.named.add(m.index)
        if f.guess_source == "text":
            s.in_text |= {m.index for m in matched}
        if f.alt_name:
            alt = candidates(f.alt_name, f.guess_kind, pairs)
            for m in alt:
                add(m.index, FROM_FILENAME * m.score, f"filename names '{f.alt_name}': {m.how}")
                s.named.add(m.index)
            matched = [*matched, *alt]
        names_one = f.guess_source == "filename" or (f.guess_source == "text" and not f.decision)
        if names_one and not f.several:
            # (A file for several names one in its title and does not exclude the others;
            # nor does the one comrade a decision's rows name, among others.)
            for i in set(eligible) - {m.index for m in matched}:
                add(i, NAMES_ANOTHER, f"{f.guess_source} names '{f.guess_name}', not this nominee")
    exact: set[int] = set()  # named in a row by exactly their name
    for kind, name in f.mentions:
        if _is_the_unit(name, unit_names):
            continue
        for m in candidates(name, kind, pairs):
            if m.score >= 1.0:
                exact.add(m.index)
                s.whole.add(m.index)
            add(m.index, MENTIONED * m.score, f"text names '{name}': {m.how}")
            s.named.add(m.index)
            if m.score >= WORDS_CONTAINED:
                s.in_text.add(m.index)
    if f.text:
        # A nominee's whole name in the text, whatever OCR made of the table around it
        # ("Chi bộ Phòng, Người có công,"), a letter lost at a cell's edge or the name
        # wrapped in its cell: the same weight as a name read from a row.
        lines = f.text.split("\n")
        for i in eligible:
            how = None if i in exact else find_name(fold(roster[i].name).split(), lines)
            if how is not None:
                add(i, MENTIONED, f"text contains {how} '{roster[i].name}'")
                s.named.add(i)
                s.in_text.add(i)
                s.whole.add(i)
    # A file for several may be for nominees of both kinds: the kind its title names is
    # only its first one's.
    # (A kind read without a name is no hint: "several comrades" are a decision's rows,
    # beside a collective's perhaps, or a collective's report naming its members.  Nor is
    # the kind of the one name a decision's text gives: it is one row among the bloc's,
    # another unit's comrade as often as not.)
    hint = None if f.several else f.kind_hint or _guess_kind_hint(f)
    of_kind = [i for i in eligible if roster[i].kind == hint]
    for i in eligible:
        if hint:
            same = roster[i].kind == hint
            add(i, KIND_AGREES if same else KIND_DISAGREES, f"the file speaks of a {hint}")
        if i in in_mail:
            add(i, IN_MAIL, "the mail names it")
    if len(of_kind) == 1 and len(eligible) > 1:
        add(of_kind[0], ONLY_OF_KIND, f"the unit's only {hint}")
    if len(eligible) == 1:
        add(eligible[0], ONLY_ONE, "the unit's only nominee this document applies to")
        # Not when the file names someone else or speaks of another kind (a negative score).
        if closed and s.total[eligible[0]] > 0:
            add(eligible[0], NO_ONE_ELSE, "and the unit proposes no one else")
    return s


def _guess_kind_hint(f: FileReading) -> str | None:
    """The kind the file's guessed nominee speaks of, when that guess says whom the file
    is for: a name read from its file name or from a document about one nominee, not the
    one name a decision's rows happened to give first."""
    if not f.guess_name or (f.decision and f.guess_source == "text"):
        return None
    return f.guess_kind


def _room_for(
    kind: str,
    roster: Sequence[Nominee],
    counts: dict[str, int],
    proposal_on_file: bool,
    limits: dict[str, int],
) -> bool:
    """Whether a name not on the roster may be a nominee of ``kind`` the unit has not listed.

    Without a proposal the files are all there is: yes.  With one, only while the unit
    stays within what it said it proposes ("01 tập thể và 01 cá nhân") or, when it gave no
    count, within its quota: a file naming someone else is more likely a decision that
    names several people, and staff decide.
    """
    if not proposal_on_file:
        return True
    have = sum(1 for n in roster if n.kind == kind)
    if counts:
        return have < counts.get(kind, 0)
    total = len(roster)
    return have < limits.get(kind, 0) and total < limits.get("total", total + 1)


def resolve(
    files: Sequence[FileReading],
    on_file: Sequence[Nominee],
    proposed: Sequence[tuple[str, str]] = (),
    counts: dict[str, int] | None = None,
    proposal_on_file: bool = False,
    mail_text: str = "",
    limits: dict[str, int] | None = None,
    unit_names: Sequence[str] = (),
    replaces_dossier: bool = False,
) -> Resolution:
    """Assign every per-nominee file of a mail (see the module docstring).

    ``on_file`` are the unit's nominees known before this mail, ``proposed`` the (kind,
    name) pairs this mail's proposal lists, ``counts`` how many of each kind a proposal
    says it proposes, ``proposal_on_file`` whether the unit has sent a proposal (now or
    before), ``mail_text`` the subject and body, ``limits`` the unit kind's quota
    (``tap_the``, ``ca_nhan``, ``total``), ``unit_names`` the unit's own names (its
    committee or cell, named by its documents as their issuer or as the organisation a
    decision rates: never evidence against a nominee, never a nominee).
    ``replaces_dossier``: the mail says it replaces the whole dossier ("Gửi lại toàn bộ hồ
    sơ"); with a proposal, the nominees on file it does not list are withdrawn.
    """
    roster = merge_roster(on_file, proposed)
    counts = counts or {}
    listed = {k: sum(1 for kind, _ in proposed if kind == k) for k in counts}
    if replaces_dossier and proposed and all(listed[k] >= n for k, n in counts.items()):
        # Only when every nominee the proposal counts was read from it: a name the
        # reading missed must not withdraw a nominee the unit still proposes.
        roster = _withdraw_unlisted(roster, proposed)
    proposal_on_file = proposal_on_file or bool(proposed)
    in_mail = _mail_mentions(mail_text, roster)
    result = Resolution(roster)
    # Files that name their nominee in their own text go first: a nominee new in this mail
    # then takes the document's spelling, and a file name's shorter or abbreviated
    # spelling of it ("Chi bo Tram KTTTX so") is matched to it rather than made a second.
    order = sorted(range(len(files)), key=lambda i: (_SOURCE_RANK.get(files[i].guess_source or "", 3), i))
    done: dict[int, Assignment] = {}
    for i in order:
        done[i] = _assign(
            files[i], result.roster, in_mail, counts, proposal_on_file, limits or {}, unit_names
        )
    _by_folder(files, done, result.roster)
    result.assignments = [done[i] for i in range(len(files))]
    return result


def _by_folder(files: Sequence[FileReading], done: dict[int, Assignment], roster: Sequence[Nominee]) -> None:
    """A file nothing names goes to the nominee whose folder it came in: when the other
    files of its archive folder are all, with certainty, for one nominee (a dossier zipped
    with a folder per nominee, "2. Tap the/QD khen thuong.pdf" beside that collective's
    report and summary), that nominee, if the file may be theirs at all."""
    folders: dict[str, set[int]] = {}
    for i, f in enumerate(files):
        a = done[i]
        if f.folder is not None and a.nominee is not None and a.certain:
            folders.setdefault(f.folder, set()).update((a.nominee, *a.also))
    for i, f in enumerate(files):
        a = done[i]
        owners = folders.get(f.folder or "", set())
        if a.nominee is not None or len(owners) != 1:
            continue
        [owner] = owners
        n = roster[owner]
        if n.kind not in f.kinds or n.withdrawn or owner not in a.candidates:
            continue
        why = f"→ {n.name}: the other files of its folder '{f.folder}' are all for this nominee"
        done[i] = Assignment(owner, True, (), (*a.evidence, why))


_SOURCE_RANK = {"text": 0, "filename": 1, "subject": 2}
# Ways a document's own name for a nominee may differ from the roster's in which the
# document's is the fuller spelling, and replaces it (roster.candidates' "how").
_FULLER = (
    "the name on file, with more words after it",
    "same name, abbreviated",
    "same name but for its number",
)


def _several(f: FileReading, s: _Scores, ranked: list[int], roster: Sequence[Nominee]) -> list[int]:
    """The nominees one file is for when it is for several: a summary of "02 đồng chí", a
    decision listing several of the unit's nominees.  Each must be named by the document's
    own text and score as well as the best (a decision naming one nominee among other
    members stays that nominee's); when its name says it is for several, each named one
    counts however far behind the first (the first is named in its title, the others below)."""
    if f.decision and not (f.guess_source == "filename" and not f.several):
        # A decision's rows: every nominee of the unit it lists by whole name ("Chi bộ Phòng
        # Thời sự", "Đồng chí Lục Minh Hoàng"), whoever else it lists, and whatever kind
        # the one comrade it names speaks of.  Not when its file name names one (the unit
        # sends it as that nominee's), and only nominees of the kind its own title or file
        # name speaks of (a member-rating decision names the members' cell in its rows).
        listed = _listed_by_rows(f, s, ranked, roster)
        if len(listed) >= 2:
            return listed
    if f.guess_name and f.guess_source in ("text", "filename") and not (f.alt_name or f.several):
        return []  # the document names its one nominee
    best = [i for i in ranked if i in s.in_text and s.total[i] >= CERTAIN]
    if len(best) < 2 or (not f.several and s.total[best[0]] - s.total[best[-1]] >= AHEAD):
        return []
    return best


def _listed_by_rows(f: FileReading, s: _Scores, ranked: list[int], roster: Sequence[Nominee]) -> list[int]:
    """The unit's nominees a decision's rows name by whole name, best first, of the kind its
    own title or file name speaks of (any kind when it speaks of none)."""
    return [i for i in ranked if i in s.whole and f.kind_hint in (None, roster[i].kind)]


def _listed_alone(f: FileReading, s: _Scores, ranked: list[int], roster: Sequence[Nominee]) -> int | None:
    """A decision whose rows name exactly one of the unit's nominees by whole name, and
    whose text names no other at all: that nominee's (its other rows are other people)."""
    if not f.decision or f.guess_source == "filename":
        return None
    listed = _listed_by_rows(f, s, ranked, roster)
    if len(listed) != 1 or any(i in s.in_text for i in ranked if i != listed[0]):
        return None
    return listed[0] if s.total[listed[0]] > 0 else None


def _take_fuller_name(f: FileReading, roster: list[Nominee], i: int) -> str | None:
    """Give nominee ``i`` the name the file's own text gives it when that is the fuller
    spelling of the same nominee (the roster's was cut by a line break, abbreviated or
    read from a file name); the evidence line, or None when nothing changed."""
    if f.guess_source != "text" or not f.guess_name or not plausible(roster[i].kind, f.guess_name):
        return None
    match = next(
        (m for m in candidates(f.guess_name, roster[i].kind, [(roster[i].kind, roster[i].name)])), None
    )
    if match is None or match.how not in _FULLER:
        return None
    if len(nominee_key(f.guess_name).split()) <= len(nominee_key(roster[i].name).split()):
        return None
    old = roster[i]
    renamed_from = old.renamed_from or (old.name if old.on_file else None)
    roster[i] = Nominee(old.kind, f.guess_name.strip(), old.on_file, renamed_from)
    return f"the document's fuller name '{f.guess_name.strip()}' replaces '{old.name}'"


def _assign(
    f: FileReading,
    roster: list[Nominee],
    in_mail: set[int],
    counts: dict[str, int],
    proposal_on_file: bool,
    limits: dict[str, int],
    unit_names: Sequence[str],
) -> Assignment:
    closed = proposal_on_file and not any(
        _room_for(k, roster, counts, proposal_on_file, limits) for k in f.kinds
    )
    s = _scores(f, roster, in_mail, unit_names, closed)
    ranked = sorted(s.total, key=lambda i: (-s.total[i], i))
    several = _several(f, s, ranked, roster)
    if several:
        names = ", ".join(roster[i].name for i in several)
        why = f"→ {names}: the document names each of them (one file for several nominees)"
        return Assignment(several[0], True, (), (*s.notes[several[0]], why), tuple(several[1:]))
    listed = _listed_alone(f, s, ranked, roster)
    if listed is not None:
        why = f"→ {roster[listed].name}: the one nominee of the unit the decision's rows name"
        return Assignment(listed, True, (), (*s.notes[listed], why))
    runner = s.total[ranked[1]] if len(ranked) > 1 else 0.0
    if ranked and s.total[ranked[0]] >= CERTAIN and s.total[ranked[0]] - runner >= AHEAD:
        i = ranked[0]
        why = f"→ {roster[i].name} ({s.total[i]:.2f} vs {runner:.2f})"
        renamed = _take_fuller_name(f, roster, i)
        return Assignment(i, True, (), (*s.notes[i], why, *([renamed] if renamed else [])))
    # Nobody on the roster is named: a new nominee, when the document itself names one.
    new_kind = f.guess_kind if f.guess_kind in f.kinds else None
    if (
        f.may_add
        and f.guess_name
        and f.guess_source in ("text", "filename")
        and new_kind
        and not s.named
        and not _is_the_unit(f.guess_name, unit_names)
        and plausible(new_kind, f.guess_name)
        and _room_for(new_kind, roster, counts, proposal_on_file, limits)
    ):
        roster.append(Nominee(new_kind, f.guess_name.strip(), on_file=False))
        why = f"{f.guess_source} names '{f.guess_name}', not yet a nominee of the unit: a new {new_kind}"
        return Assignment(len(roster) - 1, True, (), (why,))
    options = tuple(i for i in ranked if s.total[i] > 0)[:MAX_CANDIDATES]
    if not options:
        # Nothing points anywhere: it may be for any nominee of the kind it applies to.
        hint = f.kind_hint or _guess_kind_hint(f)
        options = tuple(i for i in ranked if hint is None or roster[i].kind == hint)
    shown = ", ".join(f"{roster[i].name} ({s.total[i]:.2f})" for i in options) or "none on file"
    notes = [n for i in options for n in s.notes[i]]
    return Assignment(None, False, options, (*notes, f"nominee uncertain; could be: {shown}"))
