"""The help line a patient is given, in their language.

A deployment may run a separate line for Spanish speakers (HELP_LINE_PHONE_ES). Where
it does not, Spanish replies give the default line, and say that an interpreter can be
asked for only when the deployment says the line has them (HELP_LINE_INTERPRETERS):
we state no language service that no one has confirmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content import DEFAULT_LOCALE, current_locale, message, texts
from bot.infrastructure.config import DEFAULT_HELP_LINE_HOURS, DEFAULT_HELP_LINE_NAME, Settings


@dataclass(frozen=True)
class HelpLine:
    name: str
    phone: str
    hours: str
    locale: str = DEFAULT_LOCALE

    @property
    def dial(self) -> str:
        """The number for a tel: link: digits (and a leading +) only."""
        return re.sub(r"[^\d+]", "", self.phone)

    @property
    def text(self) -> str:
        """The line as patients read it in every fallback and error message."""
        values = {"name": self.name, "phone": self.phone, "hours": self.hours}
        return message("help_line_text", self.locale, **values)

    def slots(self) -> dict[str, str]:
        """The values the dialogue responses fill in ({help_line_phone}, …)."""
        return {
            "help_line_name": self.name,
            "help_line_phone": self.phone,
            "help_line_hours": self.hours,
        }


def help_line(settings: Settings, locale: str | None = None) -> HelpLine:
    locale = locale or current_locale()
    if locale == DEFAULT_LOCALE:
        return HelpLine(settings.help_line_name, settings.help_line_phone, settings.help_line_hours)
    if locale == "es" and settings.help_line_phone_es:
        return HelpLine(
            settings.help_line_name_es or _name(settings, locale),
            settings.help_line_phone_es,
            settings.help_line_hours_es or _hours(settings, locale),
            locale,
        )
    hours = _hours(settings, locale)
    if settings.help_line_interpreters:
        hours = message("help_line_interpreters", locale, hours=hours)
    return HelpLine(_name(settings, locale), settings.help_line_phone, hours, locale)


def _name(settings: Settings, locale: str) -> str:
    """The default line's name in the patient's language; a name a deployment wrote
    itself is shown as written."""
    if settings.help_line_name == DEFAULT_HELP_LINE_NAME:
        return str(texts("messages.yml", locale)["help_line_defaults"]["name"])
    return settings.help_line_name


def _hours(settings: Settings, locale: str) -> str:
    if settings.help_line_hours == DEFAULT_HELP_LINE_HOURS:
        return str(texts("messages.yml", locale)["help_line_defaults"]["hours"])
    return settings.help_line_hours
