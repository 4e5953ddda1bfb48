"""Reading a mail's meaning, pure: which unit sent it (units, names), which deliverable a
file is (types, zones) and whom a document is about (nominees, names_person)."""
