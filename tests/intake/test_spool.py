"""Archive-heavy mail in bounded memory (issue 13): members spooled to disk as they are
unpacked, the spool's lifetime, and what crosses from a document worker to the poller."""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import pickle
import random
import stat
import tracemalloc
import zipfile

import py7zr
import pytest

from bot.campaign.model import load_campaign
from bot.intake.containers import Budget
from bot.intake.limits import ParseLimits
from bot.intake.mime import parse_message
from bot.intake.spool import Spool, discard, pass_spool, sweep_orphans
from bot.intake.unpack import collect_files
from bot.pipeline.prefetch import prepare
from tests.conftest import REPO
from tests.mailgen import build_mail

MB = 1024 * 1024
LIMITS = ParseLimits()  # the shipped defaults: 25 MB a file, 200 MB unpacked a mail


def compressible(size: int, seed: int) -> bytes:
    """``size`` bytes that deflate about 60:1 (a white scan with specks), each seed distinct."""
    rnd = random.Random(seed)
    data = bytearray(b"\xff") * size
    for _ in range(size // 250):
        data[rnd.randrange(size)] = rnd.randrange(256)
    return b"%PDF-1.4\n" + bytes(data)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def big_zip() -> tuple[bytes, dict[str, str]]:
    """A zip of 6 × 20 MB (120 MB unpacked, ~2 MB packed) and the members' sha256."""
    members = {f"Bao cao {i}.pdf": compressible(20 * MB, i) for i in range(6)}
    return zip_of(members), {k: hashlib.sha256(v).hexdigest() for k, v in members.items()}


def test_members_are_spooled_as_they_are_unpacked_in_bounded_memory(tmp_path, big_zip):
    data, shas = big_zip
    spool = Spool(tmp_path)
    tracemalloc.start()
    try:
        found = collect_files(
            data, "Ho so.zip", "application/zip", "mail", LIMITS, Budget.from_limits(LIMITS), spool=spool
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # One member at a time (read, then written out): never the 120 MB of the archive.
    assert peak < 3 * 21 * MB, f"peak {peak / MB:.0f} MB"
    atts = found.attachments
    assert [a.filename for a in atts] == list(shas)
    for att in atts:
        assert att.data == b"" and att.spooled is not None
        assert att.size == 20 * MB + 9 and att.sha256 == shas[att.filename]
        assert hashlib.sha256(att.content()).hexdigest() == shas[att.filename]
        assert stat.S_IMODE(os.stat(att.spooled.path).st_mode) == 0o600
    discard(atts)
    assert list(tmp_path.iterdir()) == []


def test_without_a_spool_members_stay_in_memory(big_zip):
    data, _ = big_zip
    found = collect_files(data, "Ho so.zip", "application/zip", "mail", LIMITS, Budget.from_limits(LIMITS))
    assert all(a.spooled is None and a.size == len(a.data) for a in found.attachments)


def test_small_files_stay_in_memory_within_the_mails_allowance(tmp_path):
    members = {f"phu luc {i}.txt": f"Phụ lục {i}\n".encode() * 1000 for i in range(3)}
    found = collect_files(
        zip_of(members),
        "x.zip",
        "application/zip",
        "mail",
        LIMITS,
        Budget.from_limits(LIMITS),
        spool=Spool(tmp_path),
    )
    assert all(a.spooled is None and a.data for a in found.attachments)
    budget = Budget(files_left=10, bytes_left=10 * MB, memory_left=1000)  # allowance spent
    found = collect_files(
        zip_of(members), "x.zip", "application/zip", "mail", LIMITS, budget, spool=Spool(tmp_path)
    )
    assert all(a.spooled is not None for a in found.attachments)


def test_an_archive_over_a_limit_leaves_no_spooled_member_behind(tmp_path):
    """All or nothing: two members are spooled, the third breaks the ratio while unpacking."""
    members = {"a.pdf": b"%PDF-" + os.urandom(2 * MB), "b.pdf": b"%PDF-" + os.urandom(2 * MB)}
    members["c.pdf"] = b"%PDF-" + bytes(2 * MB)  # 2 MB of zeros: about 1000:1
    limits = ParseLimits(max_compression_ratio=50)
    budget = Budget(files_left=10, bytes_left=100 * MB, memory_left=0)  # every file to disk
    found = collect_files(
        zip_of(members), "x.zip", "application/zip", "mail", limits, budget, spool=Spool(tmp_path)
    )
    (att,) = found.attachments
    assert att.problem == "archive_limit" and "ratio" in att.problem_detail
    # The archive itself is listed (spooled: the allowance is spent); no member is left.
    assert [p.name for p in tmp_path.iterdir()] == [os.path.basename(att.spooled.path)]
    assert budget.bytes_left == 100 * MB  # what the members had spent is given back


def test_7z_members_go_straight_to_the_spool(tmp_path):
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        archive.writestr(compressible(3 * MB, 1), "a.pdf")
        archive.writestr(compressible(3 * MB, 2), "b.pdf")
    found = collect_files(
        buffer.getvalue(),
        "x.7z",
        "application/x-7z-compressed",
        "mail",
        LIMITS,
        Budget.from_limits(LIMITS),
        spool=Spool(tmp_path),
    )
    assert [(a.filename, a.size, a.spooled is not None) for a in found.attachments] == [
        ("a.pdf", 3 * MB + 9, True),
        ("b.pdf", 3 * MB + 9, True),
    ]
    assert len(list(tmp_path.iterdir())) == 2  # the extraction files were removed after reading


def test_a_worker_hands_the_poller_records_not_bytes(tmp_path, big_zip):
    """What crosses the process boundary for a 120 MB archive is a few kilobytes."""
    data, shas = big_zip
    raw = build_mail("dangbo.syt@thainguyen.gov.vn", "Hồ sơ nén", attachments=[("Ho so.zip", data)])
    campaign = load_campaign(REPO / "config/campaigns/120-KH-DUK-2024.toml")
    prepared = prepare(raw, LIMITS, frozenset(), campaign, spool=Spool(tmp_path))
    assert len(pickle.dumps(prepared)) < 64 * 1024
    assert {f.attachment.sha256 for f in prepared.files} == set(shas.values())


def test_a_pass_spool_is_removed_and_orphans_are_swept(tmp_path):
    root = tmp_path / "spool"
    with pass_spool(root) as spool:
        kept = spool.keep(b"x" * 1000)
        assert os.path.exists(kept.path)
        # Another pass running meanwhile leaves this one alone.
        assert sweep_orphans(root) == 0
    assert list(root.iterdir()) == []
    # A killed pass leaves an unlocked directory: the next pass removes it.
    orphan = root / "pass-killed"
    orphan.mkdir()
    (orphan / ".lock").touch()
    (orphan / "f-1").write_bytes(b"left over")
    held = root / "pass-running"
    held.mkdir()
    lock = open(held / ".lock", "wb")  # noqa: SIM115
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        with pass_spool(root):
            names = sorted(p.name for p in root.iterdir())
            assert "pass-killed" not in names and "pass-running" in names
    finally:
        lock.close()


def test_parse_message_spools_a_large_direct_attachment(tmp_path):
    content = compressible(2 * MB, 9)
    raw = build_mail("dangbo.syt@thainguyen.gov.vn", "Báo cáo", attachments=[("Bao cao.pdf", content)])
    msg = parse_message(raw, LIMITS, spool=Spool(tmp_path))
    (att,) = msg.attachments
    assert att.spooled is not None and att.content() == content
