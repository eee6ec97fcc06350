"""Medical questions are never answered: they become a question for the care team."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import send
from bot.guidance import advice, safety


class ActionMedicalAdvice(Action):
    def name(self) -> str:
        return "action_medical_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        verdict = safety.classify(tracker.latest_message.get("text") or "")
        asked = list(tracker.get_slot("questions_for_care_team") or [])
        done = list(tracker.get_slot("steps_done") or [])
        replies, questions = advice.redirect(verdict.topic if verdict else None, asked, done)
        send(dispatcher, replies)
        return [SlotSet("questions_for_care_team", questions)]
