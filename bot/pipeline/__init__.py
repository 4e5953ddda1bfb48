"""The intake pipeline, one module per step, in the order a mail takes them.

* :mod:`.run` — the service loop behind ``intake-bot run``: connect, poll, IDLE, reconnect;
* :mod:`.leader` — only one instance polls a mailbox (advisory lock or ``flock``);
* :mod:`.poll` — one pass over the mailbox: new UIDs, store, understand, record, move;
* :mod:`.prefetch` — worker processes that parse mail and read documents ahead of the poller;
* :mod:`.understand` — every decision about a mail (unit, files, nominees, what counts, review);
* :mod:`.record` — writes those decisions in one transaction, then the ``on_recorded`` action
  (the acknowledgment, which ``bot.cli`` hands in);
* :mod:`.health` — is intake alive (``intake-bot health`` and the staff digest).
"""
