"""Latency: IMAP APPEND → acknowledgment at the SMTP server, with ``run`` in IDLE mode.

``intake-bot run`` (scheduler on) runs as a subprocess against a private Dovecot and an
aiosmtpd sink.  Each round APPENDs one submission (a one-page .docx) and waits until the
acknowledgment answering it (``In-Reply-To``) reaches the sink.  Rounds are spaced so
each starts with the service idle.  Targets: median < 2 s, p95 < 5 s.

    .venv/bin/python bench/latency.py [--mails 30]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time

from _harness import NOW, append_all, machine, world

from tests.mailgen import build_mail, make_docx

SENDERS = ["dangbo.syt@thainguyen.gov.vn", "dangbo.stc@thainguyen.gov.vn", "dangbo.kbnn@thainguyen.gov.vn"]


def _acked(sink, mid: str) -> bool:
    with sink.lock:
        return any(str(m.message["In-Reply-To"]) == mid for m in sink.messages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mails", type=int, default=30)
    n = ap.parse_args().mails
    doc = make_docx(["TỜ TRÌNH", "Đề nghị khen thưởng"])
    with world() as w:
        cmd = [sys.executable, "-m", "bot", "--config", str(w.cfg), "--now", NOW, "run"]
        proc = subprocess.Popen(
            cmd, cwd=w.root, env=w.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            time.sleep(8)  # started, start-up jobs (reminders, digest) done, idling
            latencies = []
            for i in range(n):
                mid = f"<latency-{i}@units.example>"
                raw = build_mail(
                    SENDERS[i % 3], f"Tờ trình {i}", attachments=[("To trinh.docx", doc)], message_id=mid
                )
                t = time.perf_counter()
                append_all(w, [raw])
                end = t + 30
                while not _acked(w.sink, mid) and time.perf_counter() < end:
                    time.sleep(0.01)
                latencies.append(time.perf_counter() - t if _acked(w.sink, mid) else float("inf"))
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    lat = sorted(latencies)
    med = statistics.median(lat)
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))]
    print(f"machine: {machine()}")
    print(f"{'mails':>6} {'min':>7} {'median':>7} {'p95':>7} {'max':>7}")
    print(f"{n:6d} {lat[0]:6.2f}s {med:6.2f}s {p95:6.2f}s {lat[-1]:6.2f}s")
    ok = med < 2 and p95 < 5
    print(
        f"SUMMARY latency APPEND→ack over {n} mails: median {med:.2f} s, p95 {p95:.2f} s (targets < 2 s / < 5 s) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
