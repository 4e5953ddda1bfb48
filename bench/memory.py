"""Memory: peak RSS of ``poll --once`` for one mail with a 40 MB attachment, for archive-heavy
mail, and for 2,000 mails.

The bot runs as a subprocess; a sampler reads its ``VmRSS`` from ``/proc`` every 50 ms
together with the number of messages recorded so far, so the table shows the RSS at each
quarter of the run (it must stay flat: memory does not grow with the number of mails);
the peak is the kernel's ``VmHWM``.  A 500-mail run is measured too, for the same point.
``--big-mails N`` adds a pass over N mails with a 40 MB attachment each (with 8 or more
mails the poller reads ahead in worker processes, so this checks that big mails are not
held several at a time).  The archive case is the hostile tester's (issue 13): a 4.3 MB
mail whose zip expands to 192 MB, inside every configured limit (8 PDFs of 24 MB, each
a page of text over a never-drawn raw scan, compressing 60:1), once alone and then
``--archive-mails`` of them (default 8) in one pass, which the document workers read;
its figure is the largest single process (the poller's VmHWM or any worker's).  Target:
under 250 MB in every case, for every process, and flat in the number of such mails.

    .venv/bin/python bench/memory.py [--messages 2000] [--big-mails 9] [--archive-mails 8]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import threading
import time
import zipfile

from _harness import NOW, append_all, machine, world

from tests.mailgen import build_mail, make_docx

TARGET_MB = 250


def _status(pid: int) -> dict[str, int]:
    out = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            lines = fh.readlines()
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) // 1024
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the document workers run under a fork server)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def _pss_mb(pids: list[int]) -> int:
    """Proportional set size of the processes together: shared pages counted once."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total // 1024


TREE_PEAK: list[int] = [0]  # the last run's peak PSS of the poller and its workers together
CHILD_PEAK: list[int] = [0]  # the last run's largest VmHWM among the poller's descendants


def run_poll(w, count_fn) -> tuple[int, list[tuple[int, int]]]:
    """Peak RSS (MB) and (recorded, RSS MB) samples of one ``poll --once``.

    The poller's own peak is the kernel's VmHWM; :data:`TREE_PEAK` gets the peak of the
    poller and its document workers together (sum of PSS, sampled every 50 ms).
    """
    cmd = [sys.executable, "-m", "bot", "--config", str(w.cfg), "--now", NOW, "poll", "--once"]
    proc = subprocess.Popen(cmd, cwd=w.root, env=w.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples, peak = [], [0]
    TREE_PEAK[0] = CHILD_PEAK[0] = 0

    def sample() -> None:
        while proc.poll() is None:
            st = _status(proc.pid)
            if st:
                peak[0] = max(peak[0], st.get("VmHWM", 0))
                samples.append((count_fn(), st.get("VmRSS", 0)))
                tree = _tree(proc.pid)
                TREE_PEAK[0] = max(TREE_PEAK[0], _pss_mb(tree))
                for child in tree[1:]:
                    CHILD_PEAK[0] = max(CHILD_PEAK[0], _status(child).get("VmHWM", 0))
            time.sleep(0.05)

    t = threading.Thread(target=sample)
    t.start()
    _, err = proc.communicate()
    t.join()
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace")[-2000:])
    return peak[0], samples


def _counter(w):
    import sqlite3

    path = w.root / "intake.sqlite3"

    def count() -> int:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as c:
                return c.execute("select count(*) from messages").fetchone()[0]
        except sqlite3.Error:
            return -1

    return count


def big_attachment(count: int = 1) -> int:
    storage = "max_attachment_mb = 60\nmax_message_mb = 80"
    with world(storage_extra=storage) as w:
        mails = [
            build_mail(
                "dangbo.syt@thainguyen.gov.vn",
                f"Tệp lớn {i}",
                attachments=[(f"Ho so {i}.pdf", os.urandom(40 * 1024 * 1024))],
            )
            for i in range(count)
        ]
        append_all(w, mails)
        del mails
        peak, _ = run_poll(w, _counter(w))
        assert _counter(w)() == count
    return max(peak, TREE_PEAK[0])


def scan_like_pdf(size: int, seed: int, lines: list[str]) -> bytes:
    """A valid one-page PDF: ``lines`` of text over a raw RGB "scan" of ``size`` bytes.

    The scan is white with one random byte in 250 (so it compresses about 60:1) and is
    never drawn, so the document reads as a text PDF; the bytes are what unpacking and
    storing must carry.
    """
    rnd = random.Random(seed)
    scan = bytearray(b"\xff") * size
    for _ in range(size // 250):
        scan[rnd.randrange(size)] = rnd.randrange(256)
    text = b"BT /F1 12 Tf 72 770 Td 14 TL " + b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines)
    text += b" ET"
    width = 2480
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Scan 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n"
        % (width, size // (width * 3), size)
        + bytes(scan)
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def archive_mail(n: int) -> bytes:
    """4.3 MB: a zip of 8 × 24 MB PDFs (192 MB; each under the 25 MB attachment limit)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(8):
            lines = ["DANG UY SO Y TE", "BAO CAO THANH TICH", f"Ho so {n}-{i}"]
            zf.writestr(f"Bao cao {i}.pdf", scan_like_pdf(24_000_000, n * 100 + i, lines))
    return build_mail(
        "dangbo.syt@thainguyen.gov.vn", f"Hồ sơ nén {n}", attachments=[("Ho so.zip", buffer.getvalue())]
    )


def archives(count: int) -> tuple[int, int, int]:
    """(largest process MB, poller MB, largest worker MB) of one pass over ``count`` archive mails."""
    with world() as w:
        mails = [archive_mail(i) for i in range(count)]
        size = len(mails[0])
        append_all(w, mails)
        del mails
        peak, _ = run_poll(w, _counter(w))
        assert _counter(w)() == count
        stored = sum(1 for p in (w.root / "files" / "files").rglob("*") if p.is_file())
        assert stored == 8 * count, f"{stored} files stored, expected {8 * count}"
        left = [p for p in (w.root / "files" / "spool").rglob("*") if p.is_file()]
        assert not left, f"spool files left behind: {left[:3]}"
    print(
        f"  {count} × {size / 1e6:.1f} MB mail(s) (zip → 192 MB): poller {peak} MB, "
        f"largest worker {CHILD_PEAK[0]} MB, all processes {TREE_PEAK[0]} MB (PSS)"
    )
    return max(peak, CHILD_PEAK[0]), peak, CHILD_PEAK[0]


def many(n: int) -> tuple[int, list[tuple[int, int]]]:
    with world() as w:
        senders = [
            "dangbo.syt@thainguyen.gov.vn",
            "dangbo.stc@thainguyen.gov.vn",
            "dangbo.kbnn@thainguyen.gov.vn",
        ]
        mails = [
            build_mail(
                senders[i % 3],
                f"Tờ trình {i}",
                attachments=[(f"To trinh {i}.docx", make_docx(["TỜ TRÌNH", f"Văn bản số {i}"]))],
            )
            for i in range(n)
        ]
        append_all(w, mails)
        peak, samples = run_poll(w, _counter(w))
        assert _counter(w)() == n
    print(
        f"  {n} mails: poller alone {peak} MB, poller and document workers together {TREE_PEAK[0]} MB (PSS)"
    )
    return max(peak, TREE_PEAK[0]), samples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--big-mails", type=int, default=0, help="also poll this many 40 MB mails at once")
    ap.add_argument("--archive-mails", type=int, default=8, help="archive mails in the second archive pass")
    args = ap.parse_args()
    n = args.messages
    one_archive, _, _ = archives(1)
    many_archives, _, _ = archives(args.archive_mails)
    big = big_attachment()
    bigs = big_attachment(args.big_mails) if args.big_mails else 0
    small_peak, _ = many(n // 4)
    peak, samples = many(n)
    quarters = []
    for q in (0.25, 0.5, 0.75, 1.0):
        done = [rss for recorded, rss in samples if recorded >= q * n * 0.999]
        quarters.append(done[0] if done else samples[-1][1])
    print(f"machine: {machine()}")
    print(f"{'case':40} {'peak':>9}  (the larger of the poller's RSS and all processes' PSS)")
    print(f"{'1 mail, zip expanding to 192 MB':40} {one_archive:6d} MB   (largest single process)")
    print(
        f"{f'{args.archive_mails} such mails in one pass':40} {many_archives:6d} MB   (largest single process)"
    )
    print(f"{'1 mail, 40 MB attachment':40} {big:6d} MB")
    if args.big_mails:
        print(f"{f'{args.big_mails} mails, 40 MB attachment each':40} {bigs:6d} MB")
    print(f"{f'{n // 4} mails (docx each)':40} {small_peak:6d} MB")
    print(f"{f'{n} mails (docx each)':40} {peak:6d} MB")
    print(
        f"RSS during the {n}-mail poll at 25/50/75/100% recorded: " + " / ".join(f"{q} MB" for q in quarters)
    )
    archive_flat = many_archives - one_archive < 0.25 * one_archive
    ok = (
        max(big, bigs, peak, one_archive, many_archives) < TARGET_MB
        and peak - small_peak < 0.25 * small_peak
        and archive_flat
    )
    several = f", {args.big_mails} × 40 MB {bigs} MB" if args.big_mails else ""
    print(
        f"SUMMARY memory: zip → 192 MB {one_archive} MB, {args.archive_mails} of them {many_archives} MB per process; "
        f"40 MB attachment {big} MB{several}, {n} mails {peak} MB vs {n // 4} mails "
        f"{small_peak} MB (target < {TARGET_MB} MB, flat in mail count) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
