"""Staff decisions: the review queue, per-file verdicts, deadline extensions.

Service functions live in :mod:`review`, :mod:`verdicts` and :mod:`extensions`; each takes
a session, the moment ``now`` and the ``actor`` who decided, works in the caller's
transaction and writes an audit entry.  :mod:`commands` puts them on the command line.
"""
