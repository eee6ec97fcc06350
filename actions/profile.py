"""The "about you" form (cancer type, location, insurance, urgency) and facts volunteered
outside it. Normalising lives in bot.profile; this only maps it onto slots."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

from actions.slots import latest_entities, send
from bot import profile
from bot.content import message
from bot.journey import standard_buttons
from bot.replies import Reply

SKIP_INTENTS = {"skip"}


def skipped(tracker: Tracker) -> bool:
    return tracker.get_intent_of_latest_message() in SKIP_INTENTS


class ValidateProfileForm(FormValidationAction):
    # A search request names a cancer type and a place too; it must start the search,
    # not answer this form's questions.
    yields_to_intents: frozenset[str] = frozenset({"find_care", "search_more"})

    def name(self) -> str:
        return "validate_profile_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_intent_of_latest_message() in self.yields_to_intents:
            raise ActionExecutionRejection(self.name(), "the person asked for a search")
        return await super().run(dispatcher, tracker, domain)

    def validate_cancer_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker):
            return {"cancer_type": profile.UNKNOWN}
        found = profile.cancer_type(str(value or ""), latest_entities(tracker))
        if found is None:
            dispatcher.utter_message(text=message("cancer_type_not_understood"))
        return {"cancer_type": found}

    def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker):
            return {"location": profile.UNKNOWN}
        place = profile.location(str(value or ""), latest_entities(tracker))
        if place is None:
            dispatcher.utter_message(text=message("location_not_found"))
            return {"location": None}
        return {
            "location": place.display,
            "zip_code": place.zip_code,
            "city": place.city,
            "us_state": place.state,
        }

    def validate_insurance_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker):
            return {"insurance_kind": profile.UNKNOWN}
        if value in {"private", "medicare", "medicaid", "none"}:
            return {"insurance_kind": value}
        found = profile.insurance(str(value or ""), latest_entities(tracker))
        if found is None:
            dispatcher.utter_message(text=message("insurance_not_understood"))
            return {"insurance_kind": None}
        return {"insurance_kind": found.kind, "insurance_carrier": found.carrier}

    def validate_urgency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"urgency": value or profile.UNKNOWN}


class ActionNoteProfile(Action):
    """Acknowledges facts someone volunteers outside the form ("I have Medicare")."""

    def name(self) -> str:
        return "action_note_profile"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        entities = latest_entities(tracker)
        text = tracker.latest_message.get("text") or ""
        events: list[EventType] = []
        place = profile.location(text, entities)
        if place:
            events.append(SlotSet("location", place.display))
        found = profile.insurance(text, entities)
        if found:
            events += [
                SlotSet("insurance_kind", found.kind),
                SlotSet("insurance_carrier", found.carrier),
            ]
        slots = {**tracker.current_slot_values(), **{e["name"]: e["value"] for e in events}}
        new_facts = profile.describe(slots)
        noted = (
            message("profile_noted", facts=", ".join(new_facts))
            if new_facts
            else message("profile_nothing_new")
        )
        done = list(tracker.get_slot("steps_done") or [])
        send(dispatcher, [Reply(noted, standard_buttons(tracker.get_slot("current_step"), done))])
        return events
