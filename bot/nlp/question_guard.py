"""Rasa NLU component: "I want a second opinion — is it even worth it?" is a question.

The wish to get a second opinion starts the guided journey, whose first reply is a form
question; a question asked in the same message would go unanswered. When the classifier
reads the wish first but also found a topic question in the message, and the message
asks something, the message is read as the question: the answer comes first, with the
journey's steps as its buttons.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.stateless import StatelessComponent
from bot.nlp.topics_output import TOPIC_INTENT

WISH = "want_second_opinion"
# How likely the classifier must find a topic question in the message; less when the
# message ends a sentence with a question mark.
TOPIC_CONFIDENCE = 0.2
TOPIC_CONFIDENCE_WITH_MARK = 0.1
_ASKS = re.compile(
    r"\?|(^|[.!]\s*)(is|are|can|could|should|do|does|will|would|what|how|when|where|which|"
    r"who|why)\b",
    re.IGNORECASE,
)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class QuestionGuard(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            intent = message.get(INTENT) or {}
            if not text or text.startswith("/") or intent.get(INTENT_NAME_KEY) != WISH:
                continue
            ranking = message.get(INTENT_RANKING_KEY, [])
            topic = next((r for r in ranking if r.get(INTENT_NAME_KEY) == TOPIC_INTENT), None)
            needed = TOPIC_CONFIDENCE_WITH_MARK if "?" in text else TOPIC_CONFIDENCE
            if topic is None or topic.get(PREDICTED_CONFIDENCE_KEY, 0) < needed:
                continue
            if not _ASKS.search(text):
                continue
            forced = {**topic}
            message.set(INTENT, forced, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [forced] + [r for r in ranking if r is not topic],
                add_to_output=True,
            )
        return messages
