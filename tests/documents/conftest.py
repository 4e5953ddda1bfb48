"""Fixtures of the document-inspection tests: the labelled corpus and tool checks.

``corpus`` builds (or reuses, cached by content hash) the generated corpus in
``var/corpus`` (gitignored) once per session; ``fontset_corpus`` the same corpus with
its PDFs rendered under each font set of ``tests/fontsets.py`` (``var/corpus-<set>``).
Other test packages can do the same with ``tests.corpus.make_corpus.corpus_for``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.corpus.make_corpus import CorpusDoc, corpus_for
from tests.fontsets import FONT_SETS

REPO = Path(__file__).resolve().parents[2]


def tool_missing(program: str) -> bool:
    return shutil.which(program) is None


needs_soffice = pytest.mark.skipif(
    tool_missing("soffice"),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
)


@pytest.fixture(scope="session")
def corpus() -> list[CorpusDoc]:
    """The corpus with PDFs made under the default (fresh-machine) font set."""
    return corpus_for()


@pytest.fixture(scope="session", params=FONT_SETS)
def fontset_corpus(request) -> list[CorpusDoc]:
    """The corpus once per font set of tests/fontsets.py: PDF tests must pass under each."""
    return corpus_for(request.param)
