"""Between Rasa and our types: journey state read from the tracker, slot events, replies
sent through the dispatcher and the latest message's entities."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.guidance.journey import StepState
from bot.guidance.replies import Reply


def step_state(tracker: Tracker) -> StepState:
    return StepState(
        current_step=tracker.get_slot("current_step"),
        step_page=int(tracker.get_slot("step_page") or 0),
        steps_done=list(tracker.get_slot("steps_done") or []),
        records_gathered=list(tracker.get_slot("records_gathered") or []),
        insurance_kind=tracker.get_slot("insurance_kind"),
    )


def slot_events(values: dict[str, Any]) -> list[EventType]:
    return [SlotSet(name, value) for name, value in values.items()]


def send(dispatcher: CollectingDispatcher, replies: list[Reply]) -> None:
    for reply in replies:
        dispatcher.utter_message(**reply.as_rasa())


def latest_entities(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("entities") or [])
