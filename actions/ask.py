"""The profile form's questions, read from content YAML (one action per slot, as Rasa
looks them up by the name `action_ask_<slot>`)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.content import load


class _AskForSlot(Action):
    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        question = load("form_questions.yml")[self.slot]
        dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
        return []


class AskCancerType(_AskForSlot):
    slot = "cancer_type"


class AskLocation(_AskForSlot):
    slot = "location"


class AskInsuranceKind(_AskForSlot):
    slot = "insurance_kind"


class AskUrgency(_AskForSlot):
    slot = "urgency"
