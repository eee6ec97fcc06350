"""The content catalogue: every patient-facing text, keyed by locale, and the vocabularies.

Texts live in `<locale>/` (`en/` today): messages, form questions, the journey, the
directory's and SMS's texts, the dialogue responses (`responses.yml`, composed into the
Rasa domain at training) and the topic answers. One loader serves them all, so the
readability and length tests see every text and a new language is a new folder, not a
change to Python. The YAML files directly in this folder are vocabularies (how people
write a cancer type, an insurer, a state) and search rules, not texts to read.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).parent
DEFAULT_LOCALE = "en"


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def load(name: str) -> Any:
    """A vocabulary or rules file from this folder, parsed once."""
    return _read(CONTENT_DIR / name)


@cache
def texts(name: str, locale: str = DEFAULT_LOCALE) -> Any:
    """A text file of one locale (`<locale>/<name>`), parsed once."""
    return _read(CONTENT_DIR / locale / name)


def locale_files(locale: str, folder: str) -> list[Any]:
    """Every YAML file in `<locale>/<folder>/`, parsed, in name order."""
    return [_read(path) for path in sorted((CONTENT_DIR / locale / folder).glob("*.yml"))]


def responses(locale: str = DEFAULT_LOCALE) -> dict[str, list[dict[str, Any]]]:
    """The dialogue responses (`utter_*`) of one locale, as Rasa's domain holds them."""
    return dict(texts("responses.yml", locale)["responses"])


def message(key: str, locale: str = DEFAULT_LOCALE, **values: str) -> str:
    """The text stored under `key` in the locale's messages.yml, `{placeholders}` filled."""
    return str(texts("messages.yml", locale)[key]).format(**values)


def message_table(key: str, locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """A table of short texts stored under `key` in the locale's messages.yml."""
    return dict(texts("messages.yml", locale)[key])
