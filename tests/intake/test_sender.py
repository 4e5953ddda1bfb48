"""The strict sender parser against a small reference grammar (hypothesis), and the forms
a hostile tester used to pass for a registered unit (issue 13).

The generator builds From headers from RFC 5322 pieces — dot-atoms, quoted local parts,
domain literals, display names of atoms, quoted strings and encoded-words, comments — and
knows, from how it built each header, what the parser must answer: the addr-spec exactly
as written and no doubt, or the one doubt it put in (several mailboxes, an encoded-word
or no ``@domain`` as the address, an address in the display name that is not the
addr-spec, a Sender of another domain).
"""

from __future__ import annotations

import base64

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.campaign.units import normalize_email
from bot.intake.mime import parse_message
from bot.intake.sender import read_sender
from bot.vocabulary import SenderDoubt

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REGISTERED = "dangbo.syt@thainguyen.gov.vn"
ISSUE_FORMS = {
    "name is an address": (
        "dangbo.syt@thainguyen.gov.vn <attacker@evil.example>",
        SenderDoubt.NAME_HAS_OTHER_ADDRESS,
    ),
    "encoded-word address": (
        "=?utf-8?b?ZGFuZ2JvLnN5dEB0aGFpbmd1eWVuLmdvdi52bg==?=",
        SenderDoubt.ENCODED_ADDRESS,
    ),
    "encoded-word in brackets": (
        "Attacker <=?utf-8?b?ZGFuZ2JvLnN5dEB0aGFpbmd1eWVuLmdvdi52bg==?=>",
        SenderDoubt.ENCODED_ADDRESS,
    ),
    "two mailboxes": ("dangbo.syt@thainguyen.gov.vn, attacker@evil.example", SenderDoubt.SEVERAL_MAILBOXES),
}


# -- the reference grammar ------------------------------------------------------------
# atext without "=" and "?", so that an encoded-word only appears where one is put.
ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/^_`{|}~"
atom = st.text(ATEXT, min_size=1, max_size=8)
label = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?\Z")
qtext = st.text(st.characters(min_codepoint=32, max_codepoint=126, exclude_characters='"\\@'), max_size=10)


@st.composite
def quoted(draw, inner=qtext) -> str:
    """A quoted string, with quoted-pairs for some of its characters."""
    text = draw(inner)
    escaped = "".join(("\\" + c if c in '\\"' or draw(st.booleans()) and c.isalnum() else c) for c in text)
    return f'"{escaped}"'


@st.composite
def addr_spec(draw) -> str:
    local = draw(st.one_of(st.lists(atom, min_size=1, max_size=3).map(".".join), quoted()))
    domain = draw(
        st.one_of(
            st.lists(label, min_size=2, max_size=4).map(".".join),
            st.tuples(*[st.integers(0, 255)] * 4).map(lambda t: "[" + ".".join(map(str, t)) + "]"),
        )
    )
    return f"{local}@{domain}"


@st.composite
def comment(draw) -> str:
    text = draw(
        st.text(st.characters(min_codepoint=32, max_codepoint=126, exclude_characters="()\\"), max_size=12)
    )
    nested = draw(st.booleans())
    return f"({text}{' (nested)' if nested else ''}\\))"


def encoded_word(text: str, how: str = "b") -> str:
    data = text.encode("utf-8")
    if how == "b":
        return f"=?utf-8?b?{base64.b64encode(data).decode()}?="
    q = "".join(chr(b) if chr(b).isalnum() else f"={b:02X}" for b in data)
    return f"=?utf-8?q?{q}?="


name_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="@"),
    max_size=12,
)
name_word = st.one_of(
    atom,
    quoted(),
    st.tuples(name_text, st.sampled_from("bq")).map(lambda t: encoded_word(*t)),
)
display_name = st.lists(name_word, min_size=1, max_size=4).map(" ".join)


@st.composite
def mailbox(draw) -> tuple[str, str]:
    """``(text, addr-spec)`` of one well-formed mailbox, comments sprinkled where allowed."""
    addr = draw(addr_spec())
    form = draw(st.sampled_from(["bare", "angle", "named"]))
    before = draw(st.sampled_from(["", " "])) + (draw(comment()) + " " if draw(st.booleans()) else "")
    after = (" " + draw(comment())) if draw(st.booleans()) else ""
    if form == "bare":
        return f"{before}{addr}{after}", addr
    if form == "angle":
        return f"{before}<{addr}>{after}", addr
    return f"{before}{draw(display_name)} <{addr}>{after}", addr


# -- properties -------------------------------------------------------------------------
@SETTINGS
@given(mailbox())
def test_one_clean_mailbox_gives_its_addr_spec_as_written(box):
    text, addr = box
    got = read_sender([text])
    assert (got.address, got.doubt) == (addr, None)


@SETTINGS
@given(st.lists(mailbox(), min_size=2, max_size=3))
@example([(REGISTERED, REGISTERED), ("attacker@evil.example", "attacker@evil.example")])
@example([(f'"Đảng bộ, Sở Y tế" <{REGISTERED}>', REGISTERED), ("<attacker@evil.example>", "")])
def test_several_mailboxes_are_doubted(boxes):
    got = read_sender([", ".join(text for text, _ in boxes)])
    assert got.doubt == SenderDoubt.SEVERAL_MAILBOXES and got.address is None


@SETTINGS
@given(mailbox(), mailbox())
def test_two_from_headers_are_doubted(a, b):
    got = read_sender([a[0], b[0]])
    assert got.doubt == SenderDoubt.SEVERAL_MAILBOXES and got.address is None


@SETTINGS
@given(addr_spec(), st.sampled_from("bq"), st.sampled_from(["bare", "angle", "named", "local"]), display_name)
@example(REGISTERED, "b", "bare", "x")
@example(REGISTERED, "b", "named", "Attacker")
def test_an_encoded_word_as_the_address_is_never_decoded(addr, how, form, name):
    word = encoded_word(addr, how)
    text = {
        "bare": word,
        "angle": f"<{word}>",
        "named": f"{name} <{word}>",
        "local": f"{name} <{encoded_word(addr.split('@')[0], how)}@{addr.rpartition('@')[2]}>",
    }[form]
    got = read_sender([text])
    assert got.doubt == SenderDoubt.ENCODED_ADDRESS and got.address is None
    assert addr not in (got.address or "")


@SETTINGS
@given(st.lists(atom, min_size=1, max_size=3).map(".".join), st.booleans(), display_name)
def test_an_address_without_domain_is_doubted(local, named, name):
    got = read_sender([f"{name} <{local}>" if named else local])
    assert got.doubt == SenderDoubt.NO_DOMAIN and got.address is None


plain_address = st.tuples(
    st.lists(atom, min_size=1, max_size=3).map(".".join),
    st.lists(label, min_size=2, max_size=4).map(".".join),
).map("@".join)


@SETTINGS
@given(plain_address, addr_spec(), st.sampled_from(["plain", "quoted", "encoded"]))
@example(REGISTERED, "attacker@evil.example", "plain")
def test_a_display_name_holding_another_address_is_doubted(shown, real, how):
    assume(normalize_email(shown) != normalize_email(real))
    name = {"plain": shown, "quoted": f'"{shown}"', "encoded": encoded_word(shown)}[how]
    got = read_sender([f"{name} <{real}>"])
    assert got.doubt == SenderDoubt.NAME_HAS_OTHER_ADDRESS and got.address == real


@SETTINGS
@given(mailbox(), label, label)
def test_sender_of_another_domain_is_doubted_same_domain_is_not(box, local, other):
    text, addr = box
    domain = addr.rpartition("@")[2]
    assume(not domain.startswith("["))
    assert read_sender([text], [f"{local}@{domain.upper()}"]).doubt is None
    assume(f"{other}.example" != domain)
    got = read_sender([text], [f"Thư ký <{local}@{other}.example>"])
    assert got.doubt == SenderDoubt.SENDER_DOMAIN_DIFFERS and got.address == addr


@SETTINGS
@given(st.text(max_size=80))
def test_any_header_text_gives_an_answer_and_an_undoubted_address_is_written_there(text):
    got = read_sender([text])
    if got.doubt is None:
        assert got.address is not None and got.address in text
        assert "=?" not in got.address and "@" in got.address


# -- the forms of the issue, strictly and through the whole parse -------------------------
@pytest.mark.parametrize("form", sorted(ISSUE_FORMS))
def test_issue_forms_are_doubted(form):
    header, doubt = ISSUE_FORMS[form]
    got = read_sender([header])
    assert got.doubt == doubt
    assert got.address != REGISTERED


def _raw_mail(from_header: str, extra: str = "") -> bytes:
    return (
        f"From: {from_header}\r\n{extra}To: banbientapduk@thainguyen.gov.vn\r\nSubject: To trinh\r\n"
        "Message-ID: <spoof@evil.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHo so.\r\n"
    ).encode()


@pytest.mark.parametrize("form", sorted(ISSUE_FORMS))
def test_parse_message_never_takes_a_doubted_sender_for_registered(form):
    header, doubt = ISSUE_FORMS[form]
    msg = parse_message(_raw_mail(header))
    assert msg.sender_doubt == doubt
    assert msg.from_address != REGISTERED


def test_a_clean_from_is_read_from_the_raw_bytes_with_its_name_decoded():
    msg = parse_message(
        _raw_mail("=?utf-8?b?xJDhuqNuZyDhu6d5IFPhu58gWSB04bq/?= <DangBo.SYT@thainguyen.gov.vn>")
    )
    assert (msg.from_address, msg.from_name, msg.sender_doubt) == (
        "DangBo.SYT@thainguyen.gov.vn",
        "Đảng ủy Sở Y tế",
        None,
    )
    raw8 = _raw_mail("Đảng ủy Sở Y tế <dangbo.syt@thainguyen.gov.vn>")
    msg = parse_message(raw8)
    assert (msg.from_address, msg.from_name, msg.sender_doubt) == (REGISTERED, "Đảng ủy Sở Y tế", None)


def test_raw_8bit_bytes_in_the_address_become_text_not_surrogates():
    raw = _raw_mail("x").replace(b"From: x", b"From: Th\xe1\xbb\xad <th\xfd@thainguyen.gov.vn>")
    msg = parse_message(raw)
    assert msg.from_address is not None and msg.from_address.endswith("@thainguyen.gov.vn")
    msg.from_address.encode("utf-8")  # storable: no surrogate escapes left


def test_two_from_headers_and_a_foreign_sender_through_the_parse():
    msg = parse_message(_raw_mail(REGISTERED, f"From: {REGISTERED}\r\n"))
    assert msg.sender_doubt == SenderDoubt.SEVERAL_MAILBOXES and msg.from_address is None
    msg = parse_message(_raw_mail(REGISTERED, "Sender: attacker@evil.example\r\n"))
    assert msg.sender_doubt == SenderDoubt.SENDER_DOMAIN_DIFFERS
    msg = parse_message(_raw_mail(REGISTERED, "Sender: vanthu@thainguyen.gov.vn\r\n"))
    assert msg.sender_doubt is None and msg.from_address == REGISTERED
