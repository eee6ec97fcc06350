"""Rasa NLU component: the language a message is written in, as a `locale` entity.

A plain `from_entity` slot mapping then keeps the conversation's language (the `locale`
slot): set when a message settles it, left as it was by a "sí" or a ZIP code
(bot/guidance/language.py). Spanish safety words settle it too when nothing else does, so a
crisis written in Spanish is answered in Spanish.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.content import locales
from bot.guidance import language, safety
from bot.nlp.fact_extractor import as_entity
from bot.nlp.stateless import StatelessComponent

LOCALE = "locale"
# The language the web page is shown in, sent with each message (message metadata).
PAGE_LOCALE = "page_locale"
METADATA = "metadata"


# Entities that are names, not words of a language.
NAMES = frozenset(
    {"city", "us_state", "zip_code", "insurance_kind", "insurance_carrier", "cancer_type"}
)


def message_locale(text: str, entities: list[dict[str, Any]]) -> str | None:
    """The language a message settles, or None when it keeps the conversation's."""
    names = [
        (int(e[ENTITY_ATTRIBUTE_START]), int(e[ENTITY_ATTRIBUTE_END]))
        for e in entities
        if e.get(ENTITY_ATTRIBUTE_TYPE) in NAMES and ENTITY_ATTRIBUTE_START in e
    ]
    found = language.detect(text, names)
    if found is None:
        verdict = safety.classify(text)
        found = verdict.locale if verdict and verdict.locale != language.default_locale() else None
    return found


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LocaleDetector(StatelessComponent, EntityExtractorMixin):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            page = (message.get(METADATA) or {}).get(PAGE_LOCALE)
            written = text and not text.startswith("/")
            locale = message_locale(text, message.get(ENTITIES, [])) if written else None
            # A button or an "ok" on a page shown in Spanish is Spanish.
            locale = locale or (page if page in locales() else None)
            if locale is None:
                continue
            found = self.add_extractor_name([as_entity(LOCALE, locale, (0, len(text)))])
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
