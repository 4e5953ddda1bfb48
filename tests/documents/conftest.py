"""Fixtures of the document-inspection tests: the labelled corpus and tool checks.

``corpus`` builds (or reuses, cached by content hash) the generated corpus in
``var/corpus`` (gitignored) once per session.  Other test packages can do the same
with ``tests.corpus.make_corpus.build_corpus``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.corpus.make_corpus import CorpusDoc, build_corpus

REPO = Path(__file__).resolve().parents[2]


def tool_missing(program: str) -> bool:
    return shutil.which(program) is None


needs_soffice = pytest.mark.skipif(
    tool_missing("soffice"),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
)


@pytest.fixture(scope="session")
def corpus() -> list[CorpusDoc]:
    return build_corpus(REPO / "var" / "corpus")
