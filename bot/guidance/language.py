"""Which language a message is written in, so the reply can be in it.

A person is answered in the language they write, from their first message. Short
messages are the hard part: "hola" or "gracias" settle it (listed in
bot/content/locales.yml), "sí", "ok", "Medicare" or a ZIP code do not, and the
conversation keeps its language. Longer messages go to langid's model, which ships
inside its package (nothing is downloaded), restricted to the languages we speak; its
guess counts only when it is confident, so mixed or Spanglish messages follow the
language that dominates them. Asking for a language ("en español", "English please")
always switches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from langid.langid import LanguageIdentifier, model

from bot.content import load
from bot.vocabulary.terms import fold

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_NOT_WORDS = re.compile(r"[^\w\s]", re.UNICODE)


@cache
def _settings() -> dict:
    return dict(load("locales.yml"))


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages(list(_settings()["locales"]))
    return identifier


@cache
def _short_messages() -> dict[str, str]:
    return {
        fold(text): locale
        for locale, texts in _settings()["short_messages"].items()
        for text in texts
    }


@cache
def _switches() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(pattern), locale)
        for locale, patterns in _settings()["switch_to"].items()
        for pattern in patterns
    ]


def requested(text: str) -> str | None:
    """The language the person asks for ("en español", "English please"), if any."""
    folded = fold(text)
    return next((locale for pattern, locale in _switches() if pattern.search(folded)), None)


def detect(text: str, names: Iterable[tuple[int, int]] = ()) -> str | None:
    """The language of a message, or None when it cannot tell (the conversation keeps
    its language). `names` are the (start, end) spans of names the message holds (a
    city, an insurer, a cancer type): "Los Angeles" or "Medicare Advantage" say nothing
    about the language of the person who types them, so they are left out."""
    asked = requested(text)
    if asked:
        return asked
    for start, end in names:
        text = text[:start] + " " * (end - start) + text[end:]
    folded = fold(text)
    bare = " ".join(_NOT_WORDS.sub(" ", folded).split())
    if bare in _short_messages():
        return _short_messages()[bare]
    if ("¿" in text or "¡" in text) and len(text.split()) >= _settings()["min_words"]:
        return "es"
    cued = _cued(bare)
    if cued:
        return cued
    too_short = len(_LETTERS.findall(text)) < _settings()["min_letters"]
    if too_short or len(text.split()) < _settings()["min_words"]:
        return None
    locale, confidence = _identifier().classify(text)
    return str(locale) if confidence >= _settings()["min_confidence"] else None


@cache
def _cue_words() -> dict[str, frozenset[str]]:
    return {locale: frozenset(words) for locale, words in _settings()["cue_words"].items()}


def _cued(bare: str) -> str | None:
    """The language whose common words a short message uses, two or more of them and
    none of the other's."""
    words = bare.split()
    counts = {locale: sum(w in cue for w in words) for locale, cue in _cue_words().items()}
    found = [locale for locale, n in counts.items() if n >= 2]
    if len(found) == 1 and all(n == 0 for locale, n in counts.items() if locale != found[0]):
        return found[0]
    return None


def default_locale() -> str:
    return str(_settings()["default"])
