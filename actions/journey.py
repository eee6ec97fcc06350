"""The journey steps, the records checklist and "my plan": slots in, replies out."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import latest_entities, send, slot_events, step_state
from bot.guidance import journey, plan
from bot.guidance.profile import entity_values


class ActionShowStep(Action):
    """Opens the step the user asked for, or shows the next page on "more"."""

    def name(self) -> str:
        return "action_show_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = step_state(tracker)
        intent = tracker.get_intent_of_latest_message()
        step = journey.STEP_INTENTS.get(intent or "")
        page = journey.valid_page(step, entity_values(latest_entities(tracker), "page"))
        send(dispatcher, journey.show(state, step, advance=step is None, page=page))
        return slot_events(state.slot_updates())


class ActionMarkStepDone(Action):
    def name(self) -> str:
        return "action_mark_step_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = step_state(tracker)
        send(dispatcher, journey.mark_done(state))
        return slot_events(state.slot_updates())


class ActionRecordGathered(Action):
    def name(self) -> str:
        return "action_record_gathered"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = step_state(tracker)
        items = entity_values(latest_entities(tracker), "record_item")
        send(dispatcher, journey.note_records(state, items))
        return [SlotSet("records_gathered", state.records_gathered)]


class ActionShowPlan(Action):
    def name(self) -> str:
        return "action_show_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, plan.build(tracker.current_slot_values()))
        return []


class ActionShowMenu(Action):
    def name(self) -> str:
        return "action_show_menu"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, [journey.menu_reply(list(tracker.get_slot("steps_done") or []))])
        return []
