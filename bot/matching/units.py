"""Which unit sent a mail: registered address, then thread, then what the mail and files say.

:func:`match_unit` tries, in order, and records the deciding rule:

1. ``registered_address`` — the sender is one of a unit's addresses (case and ``+tag``
   insensitive).  Certain.
2. ``thread`` — ``In-Reply-To``/``References`` carry the Message-ID of a mail the bot sent
   to a unit.  Certain, unless the content clearly names another unit (then ``ambiguous``).
   Callers should only list Message-IDs of mails sent to registered unit addresses.
3. ``content`` — unit names found in the subject, sender name, body, signature and the
   documents' header lines.  Never certain: the sender is unverified and staff confirm.
4. ``ambiguous`` (two units score close) or ``none`` (nothing, or too little): no unit,
   ``suggestion`` holds the best guess (or None), and the mail goes to the review queue.

A wrong attribution is never presented as certain: only rules 1 and 2 set ``certain``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.campaign.units import UnitInfo, normalize_email
from bot.mail import InboundMessage
from bot.matching.names import build_index, find_phrases
from bot.matching.zones import body_parts, header_lines, is_header_line, strip_subject_prefixes
from bot.text import fold

# How much a name found in each place says about the sender.
WEIGHTS = {
    "subject": 1.0,
    "sender name": 0.9,
    "signature": 1.0,
    "body": 0.7,
    "forwarded sender": 0.8,
    "document header": 1.0,
    "document text": 0.4,
    "secretary": 1.0,  # the sender is the unit's secretary by name (display name or address)
}
# A secretary's name shorter than this (letters, spaces removed) is too common to tell.
_MIN_SECRETARY_LETTERS = 8
MIN_SCORE = 0.5  # a single body mention of a three-word name is just enough
CLOSE_RATIO = 0.7  # runner-up at 70% of the leader or more: ambiguous
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class UnitMatch:
    unit_code: str | None
    rule: str  # registered_address | thread | content | ambiguous | none
    confidence: float
    certain: bool
    unverified: bool = False
    suggestion: str | None = None
    evidence: list[str] = field(default_factory=list)


def _registered(address: str | None, units: list[UnitInfo]) -> list[UnitInfo]:
    if not address:
        return []
    norm = normalize_email(address)
    return [u for u in units if norm in {normalize_email(e) for e in u.emails}]


def _thread_unit(msg: InboundMessage, bot_message_ids: Mapping[str, str]) -> tuple[str, str] | None:
    known = {_msgid(k): v for k, v in bot_message_ids.items()}
    # The direct parent first, then the thread from newest to oldest.
    for ref in [msg.in_reply_to or "", *reversed(msg.references or [])]:
        code = known.get(_msgid(ref))
        if ref and code:
            return ref.strip(), code
    return None


def _msgid(value: str) -> str:
    return value.strip().strip("<>").strip()


def _places(msg: InboundMessage, doc_texts: list[str], units: list[UnitInfo]) -> list[tuple[str, str]]:
    """(place, original text) pairs to look for names in."""
    places = [("subject", strip_subject_prefixes(msg.subject or ""))]
    if msg.from_name:
        places.append(("sender name", msg.from_name))
    own, signature, forwarded = body_parts(msg.body_text or "")
    places += [("body", line) for line in own] + [("signature", line) for line in signature]
    places += [("body", line) for line in forwarded]
    for addr in _EMAIL.findall("\n".join(forwarded)):
        for u in _registered(addr, units):
            places.append(("forwarded sender", u.name))
    for text in doc_texts:
        head, rest = header_lines(text or "")
        # Only the issuer's lines are the header: a title "của đồng chí …, Bí thư Chi đoàn
        # Sở Xây dựng" among the first lines names a nominee's workplace, not the sender.
        places += [
            ("document header" if is_header_line(fold(line)) else "document text", line) for line in head
        ]
        places += [("document text", line) for line in rest]
    return places


def _secretary_of(msg: InboundMessage, units: list[UnitInfo]) -> list[UnitInfo]:
    """Units whose secretary the sender is by name: "Lê Hoàng Nam" as display name, or
    ``lehoangnam.dtk@gmail.com`` (a clerk's personal address is often the secretary's)."""
    local = (msg.from_address or "").partition("@")[0]
    shown = fold(msg.from_name or "").replace(" ", "")
    found = []
    for u in units:
        name = fold(u.secretary).replace(" ", "")
        if len(name) >= _MIN_SECRETARY_LETTERS and (name == shown or name in fold(local).replace(" ", "")):
            found.append(u)
    return found


def content_scores(
    msg: InboundMessage, doc_texts: list[str], units: list[UnitInfo]
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Per unit code: score (sum over kinds of place of the best hit) and evidence strings."""
    index = build_index(units)
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for place, text in _places(msg, doc_texts, units):
        for hit in find_phrases(fold(text), index):
            code = hit.phrase.unit_code
            value = WEIGHTS[place] * hit.phrase.specificity
            if value > best.get((code, place), (0.0, ""))[0]:
                shown = (
                    hit.phrase.display if place in ("subject", "body", "sender name") else text.strip()[:80]
                )
                best[(code, place)] = (value, f"{place} contains '{shown}' → {code}")
    secretaries = _secretary_of(msg, units)
    if len(secretaries) == 1:
        u = secretaries[0]
        best[(u.code, "secretary")] = (
            WEIGHTS["secretary"],
            f"the sender is {u.code}'s secretary {u.secretary}",
        )
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for (code, _place), (value, note) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        scores[code] = scores.get(code, 0.0) + value
        evidence.setdefault(code, []).append(note)
    return scores, evidence


def match_unit(
    msg: InboundMessage,
    doc_texts: list[str],
    units: list[UnitInfo],
    bot_message_ids: Mapping[str, str],
) -> UnitMatch:
    """Attribute ``msg`` to a unit, or say why not; see the module docstring for the order."""
    scores, notes = content_scores(msg, doc_texts, units)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))

    owners = _registered(msg.from_address, units)
    if len(owners) == 1:
        u = owners[0]
        evidence = [f"sender {msg.from_address} is registered to {u.code}"]
        if ranked and ranked[0][0] != u.code and ranked[0][1] >= 1.0:
            evidence.append(f"note: content rather names {ranked[0][0]} ({'; '.join(notes[ranked[0][0]])})")
        return UnitMatch(u.code, "registered_address", 1.0, True, evidence=evidence)

    thread = _thread_unit(msg, bot_message_ids)
    if thread:
        ref, code = thread
        evidence = [f"reply to the bot's mail {ref} sent to {code}"]
        other = next(((c, s) for c, s in ranked if c != code), None)
        own_score = scores.get(code, 0.0)
        if other and other[1] >= 1.0 and other[1] > own_score:
            evidence.append(f"but content names {other[0]}: {'; '.join(notes[other[0]])}")
            return UnitMatch(None, "ambiguous", 0.5, False, suggestion=code, evidence=evidence)
        return UnitMatch(code, "thread", 0.95, True, evidence=evidence + notes.get(code, []))

    if not ranked:
        who = msg.from_address or "unknown sender"
        return UnitMatch(None, "none", 0.0, False, evidence=[f"{who} is not registered and no unit is named"])
    top, s1 = ranked[0]
    s2 = ranked[1][1] if len(ranked) > 1 else 0.0
    evidence = [f"sender {msg.from_address or '(none)'} is not registered"] + notes[top]
    if s1 < MIN_SCORE:
        return UnitMatch(None, "none", round(s1 / 2, 2), False, suggestion=top, evidence=evidence)
    if s2 >= CLOSE_RATIO * s1:
        evidence += notes[ranked[1][0]]
        evidence.append(f"{top} ({s1:.2f}) and {ranked[1][0]} ({s2:.2f}) score too close to choose")
        return UnitMatch(
            None, "ambiguous", round(s1 / (s1 + s2) * 0.5, 2), False, suggestion=top, evidence=evidence
        )
    # Strength saturates around two strong places; the margin over the runner-up scales it.
    confidence = min(0.9, min(1.0, s1 / 2.0) * (s1 - s2) / s1)
    return UnitMatch(top, "content", round(confidence, 2), False, unverified=True, evidence=evidence)
