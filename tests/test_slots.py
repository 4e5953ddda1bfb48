"""Which file counts and when a unit first delivered (bot.campaign.slots), pure."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.campaign.slots import ReplacedFile, SlotFile, first_arrivals, superseded

TZ = dt.timezone(dt.timedelta(hours=7))


def at(day: int, month: int = 2) -> dt.datetime:
    return dt.datetime(2024, month, day, 9, 0, tzinfo=TZ)


def test_newer_mail_replaces_older_files_of_its_slot():
    old = SlotFile(1, "to_trinh", None, at(20), "received")
    new = SlotFile(2, "to_trinh", None, at(26), "received")
    assert superseded([new], [old], new.received_at) == {1: 2}
    # A mail recorded late never replaces a newer file: it becomes history under it.
    assert superseded([old], [new], old.received_at) == {1: 2}


def test_first_usable_copy_through_a_chain_of_corrections():
    history = [
        ReplacedFile(1, 2, "to_trinh", at(20), usable=False),  # corrupt: delivered nothing
        ReplacedFile(2, 3, "to_trinh", at(26), usable=True),
        ReplacedFile(3, 4, "to_trinh", at(1, 3), usable=True),
    ]
    assert first_arrivals(history, [(4, "to_trinh")]) == {4: at(26)}


def test_only_unusable_or_other_deliverable_copies_give_no_first_arrival():
    history = [
        ReplacedFile(1, 3, "to_trinh", at(20), usable=False),
        ReplacedFile(2, 3, "bao_cao_kl01", at(21), usable=True),  # staff moved it: not this one
    ]
    assert first_arrivals(history, [(3, "to_trinh")]) == {}


def test_a_cycle_in_corrupt_history_ends():
    history = [ReplacedFile(1, 2, "x", at(20), True), ReplacedFile(2, 1, "x", at(21), True)]
    assert first_arrivals(history, [(1, "x")]) == {1: at(21)}  # its own arrival is not a replaced copy


@given(st.lists(st.tuples(st.integers(1, 28), st.booleans()), min_size=1, max_size=12))
def test_first_arrival_is_the_earliest_usable_copy_of_a_linear_chain(copies):
    """Copies 0..n-1 of one document, each replaced by the next; the last is current."""
    history = [ReplacedFile(i, i + 1, "d", at(day), usable) for i, (day, usable) in enumerate(copies)]
    current = len(copies)
    usable_days = [at(day) for day, usable in copies if usable]
    expected = {current: min(usable_days)} if usable_days else {}
    assert first_arrivals(history, [(current, "d")]) == expected
