"""The forms' questions, read from content YAML (one action per slot, as Rasa looks them
up by the name `action_ask_<slot>`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.content import load
from bot.nlp.vocabulary import label_of


class _AskForSlot(Action, ABC):
    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this action asks for (abstract, so rasa_sdk skips the base)."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        question = load("form_questions.yml")[self.slot]
        buttons = self.extra_buttons(tracker) + list(question["buttons"])
        dispatcher.utter_message(text=question["text"], buttons=buttons)
        if tracker.active_loop_name == "directory_form":
            # The search request left something to ask, so the optional questions follow.
            return [SlotSet("search_asked", True)]
        return []

    def extra_buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        return []


class AskCancerType(_AskForSlot):
    slot = "cancer_type"  # type: ignore[assignment]


class AskLocation(_AskForSlot):
    slot = "location"  # type: ignore[assignment]


class AskInsuranceKind(_AskForSlot):
    slot = "insurance_kind"  # type: ignore[assignment]


class AskUrgency(_AskForSlot):
    slot = "urgency"  # type: ignore[assignment]


class AskSearchInsurer(_AskForSlot):
    slot = "search_insurer"  # type: ignore[assignment]

    def extra_buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        """The person's own insurer, when they named it earlier, is one tap away."""
        carrier = tracker.get_slot("insurance_carrier")
        if not carrier:
            return []
        payload = f'/inform{{"insurance_carrier":"{carrier}"}}'
        return [{"title": label_of("insurance_carrier", carrier), "payload": payload}]


class AskSearchLanguage(_AskForSlot):
    slot = "search_language"  # type: ignore[assignment]
