"""The "about you" form (cancer type, location, insurance, urgency) and facts volunteered
outside it. Normalising lives in bot.guidance.profile; this only maps it onto slots."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

from actions.tracker_io import latest_entities
from actions.turns import words_for
from bot.content import message
from bot.guidance import profile

SKIP_INTENTS = {"skip"}
# Facts that answer another of the form's questions: "she has Medicare and Medicaid"
# when asked where, which is noted instead of being called a place not found.
_OTHER_FACTS = ("cancer_type", "insurance_kind", "insurance_carrier")


def _not_understood(
    dispatcher: CollectingDispatcher, tracker: Tracker, asked: tuple[str, ...], key: str
) -> None:
    """Says what the message told us instead, or that the answer was not understood."""
    # One at a time, so "Medicare and Medicaid" are both named back.
    facts = [
        fact
        for e in latest_entities(tracker)
        if e.get("entity") in _OTHER_FACTS and e.get("entity") not in asked
        for fact in profile.describe({str(e["entity"]): e.get("value")})
    ]
    facts = list(dict.fromkeys(facts))
    if facts:
        dispatcher.utter_message(text=message("profile_noted", facts=", ".join(facts)))
    else:
        dispatcher.utter_message(text=message(key))


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
        entities = latest_entities(tracker)
        found = profile.cancer_type(str(value or ""), entities)
        if found is None:
            _not_understood(dispatcher, tracker, ("cancer_type",), "cancer_type_not_understood")
        words = words_for(str(tracker.latest_message.get("text") or ""), entities, "cancer_type")
        return {"cancer_type": found, "cancer_words": profile.own_cancer_words(found, words)}

    def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker):
            return {"location": profile.UNKNOWN}
        place = profile.location(str(value or ""), latest_entities(tracker))
        if place is None:
            _not_understood(dispatcher, tracker, (), "location_not_found")
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
            asked = ("insurance_kind", "insurance_carrier")
            _not_understood(dispatcher, tracker, asked, "insurance_not_understood")
            return {"insurance_kind": None}
        return {"insurance_kind": found.kind, "insurance_carrier": found.carrier}

    def validate_urgency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"urgency": value or profile.UNKNOWN}
