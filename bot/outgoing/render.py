"""Rendering outgoing mail from the Jinja2 templates in ``mail_templates/``.

Each kind (``ack``, ``reminder``, ``overdue``, ``digest``, ``notice``) has one ``.txt``
and one ``.html`` template.  Both extend a small base template, and the ``.txt`` one
carries the subject line in ``{% block subject %}``, so staff change every word a unit
reads by editing the templates, never the code.

The environment is strict: an undefined variable is an error (``StrictUndefined``),
HTML is autoescaped (text is not), and every result is NFC-normalised so a file name
written on a Mac (NFD) cannot turn into broken diacritics in a Windows mail client.

Filters the templates may use: ``vn_date`` (dd/mm/yyyy), ``vn_datetime``
(HH:MM ngày dd/mm/yyyy), ``vn_time`` (HH:MM), ``nominee_kind`` (tập thể / cá nhân).
Datetimes are shown in the renderer's time zone.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape

from bot.app import App
from bot.errors import BotError
from bot.vocabulary import nominee_kind_vi

TEMPLATES = Path(__file__).resolve().parents[2] / "mail_templates"
KINDS = ("ack", "holding", "reminder", "overdue", "digest", "notice")


class TemplateRenderError(BotError):
    """A mail template is missing, does not parse, or uses an unknown variable."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"mail template {name}: {reason}")


class Renderer:
    """Renders one kind of mail into ``(subject, text, html)``."""

    def __init__(self, tz: ZoneInfo, directory: str | Path | None = None) -> None:
        self.tz = tz
        self.directory = Path(directory) if directory else TEMPLATES
        # The operator's directory first; what it lacks comes from the shipped templates.
        search = [str(self.directory)] + ([str(TEMPLATES)] if self.directory != TEMPLATES else [])
        self.env = Environment(
            loader=FileSystemLoader(search, encoding="utf-8"),
            undefined=StrictUndefined,
            autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            vn_date=self._date,
            vn_datetime=self._datetime,
            vn_time=self._time,
            nominee_kind=nominee_kind_vi,
        )

    def _local(self, value: dt.datetime) -> dt.datetime:
        return value.astimezone(self.tz) if value.tzinfo else value

    def _date(self, value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = self._local(value)
        return value.strftime("%d/%m/%Y")

    def _time(self, value: dt.datetime | None) -> str:
        return "" if value is None else self._local(value).strftime("%H:%M")

    def _datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        local = self._local(value)
        return f"{local:%H:%M} ngày {local:%d/%m/%Y}"

    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str, str]:
        """``(subject, text, html)`` from ``{kind}.txt`` / ``{kind}.html``; raises TemplateRenderError.

        ``kind`` is one of :data:`KINDS` or any other template pair in the directory
        (e.g. ``notice_redo``).
        """
        name = f"{kind}.txt"
        try:
            txt = self.env.get_template(name)
            if "subject" not in txt.blocks:
                raise TemplateRenderError(name, "has no {% block subject %}")
            subject = "".join(txt.blocks["subject"](txt.new_context(dict(context))))
            text = txt.render(context)
            name = f"{kind}.html"
            html = self.env.get_template(name).render(context)
        except TemplateError as e:
            raise TemplateRenderError(name, f"{type(e).__name__}: {e}") from e
        # A subject is one line: folding whitespace from the template must not leak into it.
        subject = " ".join(subject.split())
        return _nfc(subject), _nfc(text.strip() + "\n"), _nfc(html)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@lru_cache(maxsize=8)
def renderer(tz_name: str, directory: str | None = None) -> Renderer:
    """A cached renderer per time zone (the Jinja2 environment caches compiled templates)."""
    return Renderer(ZoneInfo(tz_name), directory)


def mail_renderer(app: App) -> Renderer:
    """The bot's mail templates: ``templates_directory`` over the shipped ``mail_templates/``."""
    return renderer(app.campaign.timezone, app.settings.templates_directory)


def render(kind: str, context: dict[str, Any], tz: str = "Asia/Ho_Chi_Minh") -> tuple[str, str, str]:
    """Render ``kind`` with ``context``: ``(subject, text, html)``."""
    return renderer(tz).render(kind, context)
