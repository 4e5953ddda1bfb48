"""``python -m bot`` is the same as the ``intake-bot`` command."""

from bot.cli import main

# Guarded: the document workers (bot.pipeline.prefetch) start through multiprocessing's
# forkserver, which imports the main module again in each child.
if __name__ == "__main__":
    main(prog_name="intake-bot")
