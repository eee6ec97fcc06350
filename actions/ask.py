"""The forms' questions, read from content YAML (one action per slot, as Rasa looks them
up by the name `action_ask_<slot>`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import answers_before_asking
from bot.content import texts


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
        question = texts("form_questions.yml")[self.slot]
        dispatcher.utter_message(text=question["text"], buttons=list(question["buttons"]))
        return []


class AskCancerType(_AskForSlot):
    slot = "cancer_type"


class AskLocation(_AskForSlot):
    slot = "location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Once, as the search starts: not again each time "where?" is asked anew.
        starting = tracker.get_intent_of_latest_message() == "find_care"
        answered = (
            answers_before_asking(dispatcher, tracker)
            if starting and tracker.active_loop_name == "directory_form"
            else []
        )
        return [*answered, *await super().run(dispatcher, tracker, domain)]


class AskInsuranceKind(_AskForSlot):
    slot = "insurance_kind"


class AskUrgency(_AskForSlot):
    slot = "urgency"
