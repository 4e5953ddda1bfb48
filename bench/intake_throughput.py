"""Intake throughput: ``poll --once`` over 2,000 real mails against the floor.

The mailbox (a private Dovecot) holds the issue's mix: 60% of the mails carry one to
three 1–3-page .docx/.pdf files of the labelled corpus (made by LibreOffice), 20% carry
no attachment, 20% a 50-page text PDF (a KL01-style report, whose outline check needs
every page).  The sender is the unit the documents belong to.

*Floor*: one process that does only the unavoidable work — imapclient fetching every
message (``BODY.PEEK[]``, batches of 50), the standard library's ``email`` parser, and
text extraction of the same pages the bot reads, with the fastest correct extractor
(pypdfium2: the first two pages of a short PDF, every page of the 50-page one;
python-docx for .docx).  Correct means in reading order: the corpus PDFs are made by
LibreOffice with the fresh-machine fonts (tests/fontsets.py), whose fallback glyphs
PDFium's stream-order text scrambles, so the floor orders the characters by baseline
and x from PDFium's character origins (two calls a character, one sort; no spacing or
column logic) rather than reading ``FPDFText_GetText``.  *Bot*: ``python -m bot poll --once`` end to end (fetch, parse,
store fsynced, classify, record, queue the acknowledgment, MOVE).  Target: bot ≤ 1.25×
the floor.

The bot reads documents in ``mailbox.analysis_workers`` worker processes while the
poller records (``auto``: one per CPU, at most 4); ``--workers 0`` measures the bot in a
single process, like the floor.

``--signed 0.2`` signs that share of the PDF attachments with pyHanko (certificates of a
PKI made by ``tests/signing.py``, whose root the bot is configured to trust), so the bot
also verifies digital signatures (integrity, modifications, chain); the floor is unchanged.

    .venv/bin/python bench/intake_throughput.py [--messages 2000] [--workers auto|N] [--signed 0.2] [--database-url URL]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from email import message_from_bytes, policy

from _harness import REPO, append_all, machine, ratio, world

from tests.corpus.bigdocs import big_pdf
from tests.corpus.make_corpus import build_corpus
from tests.mailgen import build_mail

TARGET = 1.25


def _units_email() -> dict[str, str]:
    import csv

    with open(REPO / "config/units.example.csv", encoding="utf-8") as fh:
        return {row["code"]: row["emails"].split(";")[0] for row in csv.DictReader(fh)}


def _signer(share: float, seed: int):
    """A function that signs a PDF with probability ``share`` (same PDF, same signed bytes)."""
    if share <= 0:
        return None, lambda name, data: data
    from tests.signing import make_pki, sign_pdf

    pki, rng, made = make_pki(), random.Random(seed), {}

    def maybe(name: str, data: bytes) -> bytes:
        if not name.lower().endswith(".pdf") or rng.random() >= share:
            return data
        if data not in made:
            made[data] = sign_pdf(data, pki.signer)
        maybe.count += 1
        return made[data]

    maybe.count = 0
    return pki, maybe


def make_mix(n: int, seed: int = 120, signed: float = 0.0) -> tuple[list[bytes], dict[str, int], object]:
    docs = [
        d
        for d in build_corpus(REPO / "var/corpus")
        if d.format in ("docx", "pdf") and not (d.unreadable or d.encrypted or d.scanned)
    ]
    emails = _units_email()
    report = big_pdf(50)
    rng = random.Random(seed)
    pki, sign = _signer(signed, seed)
    mails, mix = [], {"with 1-3 documents": 0, "no attachment": 0, "50-page PDF": 0}
    pdfs = 0
    for i in range(n):
        r = i % 10
        if r < 6:
            first = rng.choice(docs)
            same_unit = [d for d in docs if d.unit_code == first.unit_code]
            picked = [first, *rng.sample(same_unit, min(len(same_unit), rng.randint(0, 2)))]
            files = [(d.path.name, d.path.read_bytes()) for d in dict.fromkeys(picked)]
            sender, kind = emails[first.unit_code], "with 1-3 documents"
        elif r < 8:
            files, sender, kind = [], rng.choice(list(emails.values())), "no attachment"
        else:
            files, sender, kind = (
                [(f"Bao cao KL01 so {i}.pdf", report)],
                rng.choice(list(emails.values())),
                "50-page PDF",
            )
        pdfs += sum(name.lower().endswith(".pdf") for name, _ in files)
        files = [(name, sign(name, data)) for name, data in files]
        mails.append(
            build_mail(sender, f"Hồ sơ số {i}", attachments=files, message_id=f"<bench-{i}@units.example>")
        )
        mix[kind] += 1
    if pki is not None:
        mix[f"signed PDFs (of {pdfs} PDFs)"] = sign.count
    return mails, mix, pki


def _positional_text(textpage) -> str:
    """The least a correct reader does: every character placed by its origin, in page order."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        chars.append((-round(y.value), x.value, code))
    chars.sort()
    return "".join(chr(code) for _, _, code in chars)


def floor(w) -> float:
    """The unavoidable work, in this process; returns seconds."""
    import docx
    import pypdfium2 as pdfium

    t = time.perf_counter()
    c = w.imap()
    c.select_folder("INBOX", readonly=True)
    uids = c.search(["ALL"])
    chars = 0
    for i in range(0, len(uids), 50):
        for data in c.fetch(uids[i : i + 50], ["BODY.PEEK[]"]).values():
            msg = message_from_bytes(data[b"BODY[]"], policy=policy.default)
            for part in msg.iter_attachments():
                payload = part.get_content()
                name = part.get_filename() or ""
                if name.lower().endswith(".pdf"):
                    pdf = pdfium.PdfDocument(payload)
                    pages = len(pdf) if len(pdf) > 3 else min(len(pdf), 2)
                    for p in range(pages):
                        tp = pdf[p].get_textpage()
                        chars += len(_positional_text(tp))
                        tp.close()
                    pdf.close()
                elif name.lower().endswith(".docx"):
                    chars += sum(len(p.text) for p in docx.Document(io.BytesIO(payload)).paragraphs)
            if msg.get_body(("plain",)) is not None:
                chars += len(msg.get_body(("plain",)).get_content())
    c.logout()
    assert chars > 0
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--database-url", default=None)
    ap.add_argument(
        "--workers", default="auto", help="mailbox.analysis_workers for the bot (auto or a number)"
    )
    ap.add_argument("--signed", type=float, default=0.0, help="share of PDF attachments signed (0.2: 20%%)")
    args = ap.parse_args()
    n = args.messages
    mails, mix, pki = make_mix(n, signed=args.signed)
    workers = '"auto"' if args.workers == "auto" else str(int(args.workers))
    with world(args.database_url) as w:
        text = w.cfg.read_text(encoding="utf-8")
        text = text.replace("[mailbox]\n", f"[mailbox]\nanalysis_workers = {workers}\n", 1)
        if pki is not None:
            root = pki.write_root(w.cfg.parent / "root-ca.pem")
            text += f'\n[documents]\ntrusted_signature_roots = ["{root}"]\n'
        w.cfg.write_text(text, encoding="utf-8")
        from bot.config import load_settings

        used = load_settings(str(w.cfg)).mailbox.worker_count()
        append_all(w, mails)
        floor_s = floor(w)
        bot_s, rss = w.timed_bot("poll", "--once")
        c = w.imap()
        c.select_folder("INBOX", readonly=True)
        left = len(c.search(["ALL"]))
        c.logout()
        app = w.app()
        from sqlalchemy import func, select

        from bot.store.models import Message, OutboxMail

        with app.db.session() as s:
            recorded = s.scalar(select(func.count()).select_from(Message))
            acks = s.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.kind == "ack"))
        app.db.dispose()
    r = bot_s / floor_s
    print(f"machine: {machine()}")
    print("mix: " + ", ".join(f"{v} {k}" for k, v in mix.items()))
    print(
        f"bot: analysis_workers = {args.workers} → {used} document worker process(es); the floor uses one process"
    )
    print(f"{'run':36} {'seconds':>9} {'msg/s':>8} {'vs floor':>9}")
    print(f"{'floor (imapclient+email+extract)':36} {floor_s:9.1f} {n / floor_s:8.1f} {'1.00×':>9}")
    print(f"{'bot poll --once (end to end)':36} {bot_s:9.1f} {n / bot_s:8.1f} {ratio(bot_s, floor_s):>9}")
    print(
        f"recorded {recorded}/{n}, left in inbox {left}, acknowledgments queued {acks}, peak RSS {rss / 1024:.0f} MB"
    )
    ok = r <= TARGET and recorded == n and left == 0
    print(
        f"SUMMARY intake {n} mails ({used} workers{f', {args.signed:.0%} of PDFs signed' if pki else ''}): bot {n / bot_s:.1f} msg/s vs floor {n / floor_s:.1f} msg/s = {r:.2f}× "
        f"(target ≤ {TARGET}×) {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
