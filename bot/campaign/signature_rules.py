"""The plan's rules about digital signatures, as problems (pure).

* A document changed after it was signed is ``signature_invalid``, whatever the plan
  says: the signature no longer vouches for what was received, so staff look at it.
* A deliverable with ``require_signature = true`` in the campaign file must be a signed
  PDF: an unsigned file is ``signature_missing``; a signature that is intact but not
  trusted (expired, revoked, an unknown root) is ``signature_untrusted``, when the office
  has configured trusted roots to check against.

Unsigned files of other deliverables are simply unsigned.  The signatures come from
:func:`bot.documents.signatures.verify_signatures`; only the attributes of
:class:`Signed` are read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.campaign.model import Deliverable
from bot.campaign.problems import Problem
from bot.vocabulary import (
    ProblemCode,
    signature_invalid_vi,
    signature_missing_vi,
    signature_untrusted_vi,
    signature_verdict_vi,
)


class Signed(Protocol):
    @property
    def intact(self) -> bool: ...

    @property
    def trusted(self) -> bool | None: ...

    @property
    def problem(self) -> str | None: ...


def altered(signatures: Sequence[Signed]) -> bool:
    """Whether any signature no longer covers what was received."""
    return any(not s.intact for s in signatures)


def check_signatures(signatures: Sequence[Signed], filename: str, spec: Deliverable | None) -> list[Problem]:
    """The problems of one file's signatures (``spec``: the deliverable it was typed as)."""
    if altered(signatures):
        return [Problem(ProblemCode.SIGNATURE_INVALID, signature_invalid_vi(filename), filename)]
    if spec is None or not spec.require_signature:
        return []
    if not signatures:
        return [
            Problem(ProblemCode.SIGNATURE_MISSING, signature_missing_vi(filename, spec.short_name), filename)
        ]
    wrong = next((s for s in signatures if s.trusted is False or s.problem is not None), None)
    if wrong is not None:
        verdict = signature_verdict_vi(wrong.problem, wrong.trusted)
        return [Problem(ProblemCode.SIGNATURE_UNTRUSTED, signature_untrusted_vi(filename, verdict), filename)]
    return []
