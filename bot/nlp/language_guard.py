"""Rasa NLU component: asking for a language is a request to switch, whatever the
classifier made of it.

"Español por favor" or "English please" is not a question the classifier was trained on
in every wording; bot/guidance/language.py recognises it, and a short message that is mostly
the request becomes `change_language`, answered in the new language. A longer message
("en español, ¿cuánto cuesta?") keeps its own intent: the switch happens anyway, through
the `locale` entity, and its question is answered.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.guidance import language
from bot.nlp.stateless import StatelessComponent

CHANGE_LANGUAGE = "change_language"
# "can we switch to spanish please": a request and little else.
MAX_WORDS = 7


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageRequestGuard(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            ranking = message.get(INTENT_RANKING_KEY, [])
            others = [r for r in ranking if r.get(INTENT_NAME_KEY) != CHANGE_LANGUAGE]
            if len(text.split()) > MAX_WORDS:
                # "English please. What records does the new doctor need?": the question
                # is what to answer; the switch happens through the locale entity.
                top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
                if top == CHANGE_LANGUAGE and others:
                    message.set(INTENT, others[0], add_to_output=True)
                    message.set(INTENT_RANKING_KEY, others, add_to_output=True)
                continue
            if language.requested(text) is None:
                continue
            forced = {INTENT_NAME_KEY: CHANGE_LANGUAGE, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, forced, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [forced, *others], add_to_output=True)
        return messages
