"""``intake-bot inspect``: documents on disk, no mailbox, no database, run as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.corpus.checks import pick
from tests.corpus.make_corpus import corpus_for

REPO = Path(__file__).resolve().parents[2]
CAMPAIGN = REPO / "config/campaigns/120-KH-DUK-2024.toml"
KEYS = {"filename", "media_type", "pages", "method", "deliverable", "score", "nominee", "problems", "text"}


def _inspect(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--config",
            "/nonexistent.toml",
            "inspect",
            "--campaign",
            str(CAMPAIGN),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def corpus():
    return corpus_for()


@pytest.mark.tools
def test_json_lines_for_every_kind_of_file(corpus, tmp_path) -> None:
    files = {
        "pdf": pick(corpus, format="pdf", deliverable="bao_cao_kl01", unit_code="SYT"),
        "docx": pick(corpus, format="docx", deliverable="to_trinh", unit_code="SYT"),
        "doc": pick(corpus, format="doc"),
        "scan": pick(corpus, format="scan-pdf"),
        "image": pick(corpus, format="jpeg"),
        "tcvn3": pick(corpus, format="pdf-tcvn3"),
    }
    proc = _inspect("--json", "--text", *(str(d.path) for d in files.values()))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(files)
    for (label, d), r in zip(files.items(), records, strict=True):
        assert set(r) >= KEYS, (label, set(r))
        assert r["filename"] == d.path.name
        assert r["deliverable"] == d.deliverable, (label, r["evidence"])
        assert isinstance(r["text"], str) and r["text"].strip(), label
        if d.nominee_name:
            assert r["nominee"] == {"kind": d.nominee_kind, "name": d.nominee_name}, label
    by = dict(zip(files, records, strict=True))
    assert (by["pdf"]["method"], by["pdf"]["media_type"]) == ("pdf-text", "application/pdf")
    assert by["pdf"]["pages"] >= 2 and "IV. NHIỆM VỤ" in by["pdf"]["text"]  # the full text, not the head
    assert by["docx"]["method"] == "docx"
    assert by["doc"]["method"].startswith("doc-")
    assert by["scan"]["method"] == "pdf-ocr" and by["image"]["method"] == "image-ocr"
    assert by["tcvn3"]["legacy_encoding"] == "tcvn3"


@pytest.mark.tools
def test_archives_give_one_record_per_document_and_problems_are_reported(corpus, tmp_path) -> None:
    members = [
        pick(corpus, format="docx", deliverable="to_trinh", unit_code="SYT"),
        pick(corpus, format="corrupt-pdf"),
    ]
    bundle = tmp_path / "ho so.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for d in members:
            z.writestr(d.path.name, d.path.read_bytes())
    bundle.write_bytes(buf.getvalue())
    proc = _inspect("--json", str(bundle))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["filename"] for r in records] == [f"ho so.zip/{d.path.name}" for d in members]
    assert "text" not in records[0]  # only with --text
    assert [p["code"] for p in records[1]["problems"]] == ["unreadable_file"]


@pytest.mark.tools
def test_plain_output_is_for_people(corpus) -> None:
    d = pick(corpus, format="pdf", deliverable="to_trinh", unit_code="SYT")
    proc = _inspect(str(d.path))
    assert proc.returncode == 0, proc.stderr
    assert "loại hồ sơ: Tờ trình đề nghị khen thưởng [to_trinh]" in proc.stdout
    assert "cách đọc: pdf-text" in proc.stdout


def test_a_missing_file_is_a_clear_error(tmp_path) -> None:
    proc = _inspect(str(tmp_path / "khong-co.pdf"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr
