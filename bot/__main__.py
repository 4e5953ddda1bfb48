"""``python -m bot`` is the same as the ``intake-bot`` command."""

from bot.cli import main

main(prog_name="intake-bot")
