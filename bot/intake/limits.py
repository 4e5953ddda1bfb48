"""The caps applied while a mail is parsed and its archives unpacked (from ``[storage]``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseLimits:
    """Caps applied while parsing and unpacking; all sizes in bytes."""

    max_attachment_bytes: int = 25 * 1024 * 1024
    max_message_bytes: int = 60 * 1024 * 1024
    max_archive_depth: int = 2
    max_archive_files: int = 200
    max_archive_total_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: float = 100.0
