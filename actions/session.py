"""Starts every conversation with the disclaimer, in the language of the message that
starts it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.content import message
from bot.nlp.locale_detector import LOCALE


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Slots carry over into a new session so a returning patient need not repeat
        # themselves.
        carried = [
            SlotSet(name, value)
            for name, value in tracker.current_slot_values().items()
            if value is not None
        ]
        dispatcher.utter_message(text=message("disclaimer"))
        # The first message's language (or the page's), read by the engine before the
        # session started: a button such as "/greet" never reaches the NLU.
        started = tracker.get_slot("session_started_metadata") or {}
        language = [SlotSet("locale", started[LOCALE])] if started.get(LOCALE) else []
        return [
            SessionStarted(),
            *carried,
            *language,
            ActionExecuted("action_listen"),
        ]
