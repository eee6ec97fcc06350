"""The content catalogue: every patient-facing text, keyed by locale, and the vocabularies.

Texts live in `<locale>/` (`en/` today): messages, form questions, the journey, the
directory's and SMS's texts, the dialogue responses (`responses.yml`, composed into the
Rasa domain at training) and the topic answers. One loader serves them all, so the
readability and length tests see every text and a new language is a new folder, not a
change to Python. The YAML files directly in this folder are vocabularies (how people
write a cancer type, an insurer, a state) and search rules, not texts to read.

Everything reads it, so it imports nothing else from bot/.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).parent
DEFAULT_LOCALE = "en"
_CURRENT: ContextVar[str] = ContextVar("locale", default=DEFAULT_LOCALE)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def load(name: str) -> Any:
    """A vocabulary or rules file from this folder, parsed once."""
    return _read(CONTENT_DIR / name)


@contextmanager
def speaking(locale: str | None) -> Iterator[None]:
    """Texts read inside this block are in `locale` (the conversation's language, set
    around each custom action by bot/runtime/action_endpoint.py); English when it is unknown."""
    token = _CURRENT.set(locale if locale in locales() else DEFAULT_LOCALE)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current_locale() -> str:
    return _CURRENT.get()


def texts(name: str, locale: str | None = None) -> Any:
    """A text file (`<locale>/<name>`) in the given language, or the current one. A
    text not written in that language yet is the English one (key by key)."""
    return _texts(name, locale or _CURRENT.get())


@cache
def _texts(name: str, locale: str) -> Any:
    english = _read(CONTENT_DIR / DEFAULT_LOCALE / name)
    path = CONTENT_DIR / locale / name
    if locale == DEFAULT_LOCALE or not path.exists():
        return english
    return _merged(english, _read(path))


def _merged(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        return {
            key: _merged(base[key], override[key]) if key in override else base[key] for key in base
        } | {k: v for k, v in override.items() if k not in base}
    return base if override is None else override


def locale_files(locale: str, folder: str) -> list[Any]:
    """Every YAML file in `<locale>/<folder>/`, parsed, in name order."""
    return [_read(path) for path in sorted((CONTENT_DIR / locale / folder).glob("*.yml"))]


@cache
def locales() -> list[str]:
    """The languages the bot speaks (locales.yml), the default first."""
    return [str(locale) for locale in load("locales.yml")["locales"]]


def responses(locale: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The dialogue responses (`utter_*`) of one locale, as Rasa's domain holds them
    (English where the locale has none)."""
    return dict(texts("responses.yml", locale)["responses"])


def message(key: str, locale: str | None = None, **values: str) -> str:
    """The text stored under `key` in the locale's messages.yml, `{placeholders}` filled."""
    return str(texts("messages.yml", locale)[key]).format(**values)


def message_table(key: str, locale: str | None = None) -> dict[str, str]:
    """A table of short texts stored under `key` in the locale's messages.yml."""
    return dict(texts("messages.yml", locale)[key])
