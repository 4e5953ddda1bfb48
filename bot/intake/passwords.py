"""The passwords a mail gives for its own locked archives (pure).

Units that zip their dossier with a password write it in the mail, the way they would
tell a colleague: "Mật khẩu giải nén: Kbnn@2024", "mật khẩu là 123456", "(pass: ab12)",
"MK: 2024".  :func:`passwords_in` returns the words that follow such a label, best first;
:mod:`bot.intake.unpack` tries them on a locked archive of the same mail before giving
up on it.  A wrong guess costs nothing: the archive stays closed and is reported as
before.
"""

from __future__ import annotations

import re

MAX_PASSWORDS = 6
MAX_LENGTH = 64

# "mật khẩu", "mật mã", "mã giải nén", "pass", "password", "pwd", "MK", with or without
# marks, then what it is for ("giải nén", "file", "tệp nén"), then "là" / ":" / "=".
_LABEL = re.compile(
    r"(?:\bm[ậâa]t\s*(?:kh[ẩâa]u|m[ãa])|\bm[ãa]\s*gi[ảa]i\s*n[éeè]n|\bpass(?:word)?\b|\bpwd\b|\bMK\b)"
    r"(?:\s*(?:để\s*|de\s*)?(?:gi[ảa]i\s*n[éeè]n|m[ởo]|file|t[ệe]p|n[éeè]n)\b)*"
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:l[àa]\b\s*)?(?:[:=-]\s*)?",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«»`"
_TRAILING = ".,;:!?)]}" + _QUOTES


def passwords_in(text: str) -> tuple[str, ...]:
    """Candidate passwords written in ``text`` after a password label, in order."""
    found: list[str] = []
    for m in _LABEL.finditer(text or ""):
        rest = text[m.end() : m.end() + MAX_LENGTH + 4].lstrip(_QUOTES)
        word = rest.split(maxsplit=1)[0] if rest.strip() else ""
        # "cdvc@2024)." : the password may end in punctuation itself, so each shorter
        # reading is a candidate too, the whole word first.
        shorter = [word]
        while shorter[-1] and shorter[-1][-1] in _TRAILING:
            shorter.append(shorter[-1][:-1])
        # "là -0k7": a dash touching the word may be the password's own first character
        # rather than a separator ("MK - 2024"), so that reading is a candidate too.
        if m.group(0).endswith("-") and word:
            shorter += ["-" + w for w in shorter]
        for candidate in shorter:
            if (
                0 < len(candidate) <= MAX_LENGTH
                and any(c.isalnum() for c in candidate)
                and candidate not in found
                and not _is_label(candidate)
            ):
                found.append(candidate)
    return tuple(found[:MAX_PASSWORDS])


def _is_label(word: str) -> bool:
    """A word of the label itself, left when the password did not follow it ("mật khẩu
    sẽ gửi sau")."""
    return word.lower() in {"là", "la", "sẽ", "se", "gửi", "gui", "sau", "của", "cua", "đã", "da"}
