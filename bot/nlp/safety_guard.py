"""Rasa NLU component: safety patterns overrule the intent classifier.

It runs last in the pipeline, after FallbackClassifier, so a crisis message can never
end up as `nlu_fallback` or as a low-confidence guess: the rules in `bot.guidance.safety` set the
intent with confidence 1.0, and the dialogue rules answer it.
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

from bot.guidance.safety import SERIOUS, classify, note_unconfirmed
from bot.nlp.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyGuard(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            # Button payloads ("/intent") already name their intent.
            verdict = classify(text) if text and not text.startswith("/") else None
            # The learned net's verdicts, and "I'm safe" beside a question, do not
            # replace the answer: the chat service puts their safety reply first
            # (bot/runtime/chat_service.py).
            if verdict is None and text and not text.startswith("/"):
                _demote_unconfirmed(message)
            if verdict is None or not verdict.forced:
                continue
            forced = {INTENT_NAME_KEY: verdict.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [forced] + [
                r
                for r in message.get(INTENT_RANKING_KEY, [])
                if r.get(INTENT_NAME_KEY) != verdict.intent
            ]
            message.set(INTENT, forced, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


def _demote_unconfirmed(message: Message) -> None:
    """A serious tier from the intent classifier alone gives way to the message's next
    intent; the tier is noted, and its numbers come first as a check."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) not in SERIOUS:
        return
    note_unconfirmed(str(intent[INTENT_NAME_KEY]))
    ranking = [
        r for r in message.get(INTENT_RANKING_KEY, []) if r.get(INTENT_NAME_KEY) not in SERIOUS
    ]
    if ranking:
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
