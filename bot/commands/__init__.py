"""The command groups ``bot.cli`` registers: outbox/remind/digest/preview, review/files/deadline,
export, web.  They share :mod:`.context` (the app, ``--now`` and one-line errors).  Like
``bot.cli``, each command imports the services it runs when it runs (start-up time)."""
