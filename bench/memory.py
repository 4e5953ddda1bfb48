"""Memory: peak RSS of ``poll --once`` for one mail with a 40 MB attachment, and for 2,000 mails.

The bot runs as a subprocess; a sampler reads its ``VmRSS`` from ``/proc`` every 50 ms
together with the number of messages recorded so far, so the table shows the RSS at each
quarter of the run (it must stay flat: memory does not grow with the number of mails);
the peak is the kernel's ``VmHWM``.  A 500-mail run is measured too, for the same point.
``--big-mails N`` adds a pass over N mails with a 40 MB attachment each (with 8 or more
mails the poller reads ahead in worker processes, so this checks that big mails are not
held several at a time).  Target: under 250 MB in every case.

    .venv/bin/python bench/memory.py [--messages 2000] [--big-mails 9]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time

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


def run_poll(w, count_fn) -> tuple[int, list[tuple[int, int]]]:
    """Peak RSS (MB) and (recorded, RSS MB) samples of one ``poll --once``.

    The poller's own peak is the kernel's VmHWM; :data:`TREE_PEAK` gets the peak of the
    poller and its document workers together (sum of PSS, sampled every 50 ms).
    """
    cmd = [sys.executable, "-m", "bot", "--config", str(w.cfg), "--now", NOW, "poll", "--once"]
    proc = subprocess.Popen(cmd, cwd=w.root, env=w.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples, peak = [], [0]
    TREE_PEAK[0] = 0

    def sample() -> None:
        while proc.poll() is None:
            st = _status(proc.pid)
            if st:
                peak[0] = max(peak[0], st.get("VmHWM", 0))
                samples.append((count_fn(), st.get("VmRSS", 0)))
                TREE_PEAK[0] = max(TREE_PEAK[0], _pss_mb(_tree(proc.pid)))
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
    args = ap.parse_args()
    n = args.messages
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
    print(f"{'1 mail, 40 MB attachment':40} {big:6d} MB")
    if args.big_mails:
        print(f"{f'{args.big_mails} mails, 40 MB attachment each':40} {bigs:6d} MB")
    print(f"{f'{n // 4} mails (docx each)':40} {small_peak:6d} MB")
    print(f"{f'{n} mails (docx each)':40} {peak:6d} MB")
    print(
        f"RSS during the {n}-mail poll at 25/50/75/100% recorded: " + " / ".join(f"{q} MB" for q in quarters)
    )
    ok = max(big, bigs, peak) < TARGET_MB and peak - small_peak < 0.25 * small_peak
    several = f", {args.big_mails} × 40 MB {bigs} MB" if args.big_mails else ""
    print(
        f"SUMMARY memory: 40 MB attachment {big} MB{several}, {n} mails {peak} MB vs {n // 4} mails "
        f"{small_peak} MB (target < {TARGET_MB} MB, flat in mail count) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
