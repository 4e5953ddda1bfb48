"""The plan as data and what follows from it, pure: the campaign model, the units, the
plan's document rules, who owes what (tracking), which file counts (slots), and what to
remind whom of (planning).  Nothing here touches the database, a mailbox or the network."""
