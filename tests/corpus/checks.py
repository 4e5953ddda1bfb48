"""Small helpers for tests that use the corpus (shared by several test packages)."""

from __future__ import annotations

import unicodedata

import pytest

from tests.corpus.make_corpus import CorpusDoc


def norm(text: str) -> str:
    """Case- and whitespace-insensitive NFC form, for "phrase appears in text" checks."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def pick(corpus: list[CorpusDoc], **labels) -> CorpusDoc:
    """The first corpus document with these labels, or skip (its tool was missing)."""
    for doc in corpus:
        if all(getattr(doc, k) == v for k, v in labels.items()):
            return doc
    pytest.skip(f"no corpus document with {labels} (the tool that makes it is not installed)")
