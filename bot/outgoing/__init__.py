"""Mail going out: the outbox (rendered once, sent exactly those bytes), the SMTP sender,
the templates' renderer and contexts, and what is sent: acknowledgments, reminders,
notices and the staff digest (with ``preview`` and sample contexts)."""
