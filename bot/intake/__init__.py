"""Mail coming in: the IMAP adapter (mailbox), MIME parsing into :class:`bot.mail.InboundMessage`
(mime, headers, payload, skeleton, htmltext, links), loop/bounce/spam detection (loops),
attachment unpacking and sniffing (unpack, sniff, sanitize), and the file store (storage)."""
