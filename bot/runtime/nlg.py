"""Rasa's response generator, changed in two ways: never the same words twice in a row,
and in the conversation's language (the `locale` slot) where the catalogue has it, with
the help line for that language.

Rasa picks a response variation at random, so "thanks" twice could get the same
"You're welcome" twice, and a complaint about a repeated answer could get it again.
This picks, among the variations that fit (conditions and channel as Rasa decides), the
first whose text differs from the bot's last message: deterministic, so tests can rely
on it, and still Rasa's own filtering and slot filling.
"""

from __future__ import annotations

import copy
from typing import Any

from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.content import DEFAULT_LOCALE, responses
from bot.guidance.help_line import help_line
from bot.runtime.context import current


def last_bot_text(tracker: DialogueStateTracker) -> str | None:
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered) and event.text:
            return event.text
    return None


class VariedResponses(TemplatedNaturalLanguageGenerator):
    def _responses_in(self, locale: str | None) -> dict[str, list[dict[str, Any]]]:
        """The domain's responses (English), with those written in the conversation's
        language in their place."""
        if not locale or locale == DEFAULT_LOCALE:
            return self.responses
        return {**self.responses, **responses(locale)}

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        locale = tracker.get_slot("locale") or DEFAULT_LOCALE
        # The help line is configuration, filled in the conversation's language at the
        # moment a response is written (it may change, and so may the language).
        slots = {**tracker.current_slot_values(), **help_line(current().settings, locale).slots()}
        in_locale = self._responses_in(locale)
        variations = ResponseVariationFilter(in_locale).responses_for_utter_action(
            utter_action, output_channel, slots
        )
        if not variations:
            return None
        said_last = last_bot_text(tracker)
        filled = (self._fill_response(copy.deepcopy(v), slots, **kwargs) for v in variations)
        first = next(filled)
        if first.get("text") != said_last:
            return first
        return next((f for f in filled if f.get("text") != said_last), first)
