"""Exports for the Standing Committee and the staff: the tracking matrix (.xlsx), the
nominee list (.docx) and the accepted files (.zip).

Every export reads the same :class:`~bot.reporting.snapshot.Snapshot` the status
command reads, so an export can never disagree with the dashboard.  Each writer takes
the data and ``now`` as arguments and returns or writes bytes; nothing reads the clock.
"""
