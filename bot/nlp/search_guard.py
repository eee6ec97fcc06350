"""Rasa NLU component: a request for care that names a place is a search, and "search
farther" / "distance doesn't matter, we'll travel" is a change to the search.

"I have breast cancer and live in austin tx, can you find me a hospital" holds a
question the topic answers cover too ("how do I find a specialist"), and the classifier
may pick the topic. The person asked for places near them, so the search runs. A short
"doesn't matter, we'll travel" reads to the classifier like "no" or "skip"; it is a
request for a wider search. The other way round, a search the classifier reads into
a question a topic answers ("vale la pena irme a St. Louis?", "would Medicaid pay for
Houston?") gives way to the question, as the request rules already say. Safety still
comes after this component and overrules it.
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

from bot.directory.places import warm_up
from bot.directory.requests import asks_a_topic_question, is_search_request, reach
from bot.nlp.stateless import StatelessComponent
from bot.nlp.topics_output import QUESTIONS, TOPIC_INTENT

SEARCH_INTENT = "find_care"
MORE_INTENT = "search_more"
# Readings that a message about how far to search gets by mistake; a topic question only
# when the message is short ("anywhere is fine", not a question about travel costs).
REACH_MISREAD = frozenset({"deny", "skip", "affirm", "inform", "nlu_fallback", "out_of_scope"})
SHORT_WORDS = 10


def _reading(text: str, intent: str | None, asks: bool) -> str | None:
    """The intent this message must have, or None to keep the classifier's. A longer
    message that asks a question of its own (`asks`) is about that question, though it
    says "anywhere" or "in the US" ("how many should the doc have treated, my dr said
    it's not common in the US")."""
    if is_search_request(text):
        return None if intent == SEARCH_INTENT else SEARCH_INTENT
    if intent == SEARCH_INTENT:
        # The classifier's own reading of a search gives way to the question asked:
        # "vale la pena irme a St. Louis?" asks whether the trip is worth it.
        return TOPIC_INTENT if asks and asks_a_topic_question(text) else None
    if not reach(text).asked:
        return None
    short = len(text.split()) <= SHORT_WORDS
    if (intent in REACH_MISREAD and (short or not asks)) or (intent == "faq" and short):
        return MORE_INTENT
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SearchRequestGuard(StatelessComponent):
    def __init__(self) -> None:
        # Every US city's name is indexed once, when the model loads, not on the first
        # person's message.
        warm_up()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if not text or text.startswith("/") or intent == MORE_INTENT:
                continue
            questions = message.get(QUESTIONS) or []
            reading = _reading(text, intent, bool(questions))
            if reading is None:
                continue
            # A topic reading is as sure as its question; a search or a wider search is
            # what the words plainly ask.
            sure = questions[0]["confidence"] if reading == TOPIC_INTENT else 1.0
            forced = {INTENT_NAME_KEY: reading, PREDICTED_CONFIDENCE_KEY: sure}
            ranking = [forced] + [
                r for r in message.get(INTENT_RANKING_KEY, []) if r.get(INTENT_NAME_KEY) != reading
            ]
            message.set(INTENT, forced, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
