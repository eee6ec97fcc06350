"""Directory search in the chat: the form's answers (and any search buttons) become a
SearchQuery; bot.directory does the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.profile import ValidateProfileForm, skipped
from actions.slots import latest_entities, send
from bot import profile
from bot.config import get_settings
from bot.content import message
from bot.db import run_blocking
from bot.directory.chat import asks_for_doctors, place_unknown, result_replies
from bot.directory.search import Kind, LocationNotFound, SearchQuery, search_in
from bot.nlp.vocabulary import insurance_carriers
from bot.profile import ANY, UNKNOWN, entity_values

PAGE_SIZE = 3
DEFAULT_RADIUS = 25


OPTIONAL_SLOTS = ("search_insurer", "search_language")


class ValidateDirectoryForm(ValidateProfileForm):
    """Same answers, same checks as the profile form, plus two optional questions.

    A request that already names the cancer type and the place ("lung cancer near
    60612") searches at once. Only when the form had to ask for one of them does it
    go on to ask about insurance and language, each skippable."""

    yields_to_intents: frozenset[str] = frozenset()

    def name(self) -> str:
        return "validate_directory_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        fresh: list[EventType] = []
        if tracker.get_intent_of_latest_message() == "find_care":
            # A new search request: the last search's answers to the optional
            # questions no longer apply.
            fresh = [SlotSet(name, None) for name in (*OPTIONAL_SLOTS, "search_asked")]
            tracker.add_slots(fresh)
        return fresh + await super().run(dispatcher, tracker, domain)

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("search_asked"):
            return domain_slots
        return [name for name in domain_slots if name not in OPTIONAL_SLOTS]

    def validate_search_insurer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker) or value == ANY:
            return {"search_insurer": ANY}
        carriers = entity_values(latest_entities(tracker), "insurance_carrier")
        if carriers or str(value) in {term.id for term in insurance_carriers()}:
            carrier = carriers[0] if carriers else str(value)
            return {"search_insurer": carrier, "insurance_carrier": carrier}
        if profile.insurance(str(value or ""), latest_entities(tracker)):
            # Medicare, Medicaid or no insurance: no carrier network to filter by.
            return {"search_insurer": ANY}
        dispatcher.utter_message(text=message("insurer_not_understood"))
        return {"search_insurer": None}

    def validate_search_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if skipped(tracker) or value == ANY:
            return {"search_language": ANY}
        found = profile.language(str(value or ""), latest_entities(tracker))
        if found is None:
            dispatcher.utter_message(text=message("language_not_understood"))
        return {"search_language": found}


def _search_request(tracker: Tracker) -> str:
    """The words of the latest search request; the form may have asked questions since."""
    for event in reversed(tracker.events):
        if (
            event.get("event") == "user"
            and (event.get("parse_data") or {}).get("intent", {}).get("name") == "find_care"
        ):
            return event.get("text") or ""
    return ""


def _first_int(values: list[str], default: int) -> int:
    return next((int(v) for v in values if str(v).isdigit()), default)


def _insurance_filter(tracker: Tracker) -> str | None:
    """The insurer chosen with the "filter by my insurance" button, else the answer to
    the form's insurance question."""
    if tracker.get_intent_of_latest_message() == "search_more":
        carriers = entity_values(latest_entities(tracker), "insurance_carrier")
        if carriers:
            return carriers[0]
    return _answered(tracker, "search_insurer")


def _answered(tracker: Tracker, slot: str) -> str | None:
    value = tracker.get_slot(slot)
    return None if value in (None, ANY) else str(value)


@dataclass(frozen=True)
class Paging:
    page: int
    radius: int
    nci_only: bool
    kind: Kind


def _paging(tracker: Tracker) -> Paging:
    """A new search starts at page 1 with hospitals; "more results" goes on from the
    last page; a wider, NCI-only, insurer or doctors search (from the buttons) starts
    again."""
    entities = latest_entities(tracker)
    radii = entity_values(entities, "search_radius")
    nci_only = "nci" in entity_values(entities, "designation")
    kinds = [k for k in entity_values(entities, "search_kind") if k in ("hospitals", "providers")]
    kind: Kind = kinds[0] if kinds else tracker.get_slot("search_kind") or "hospitals"  # type: ignore[assignment]
    if tracker.get_intent_of_latest_message() != "search_more":
        asked: Kind = "providers" if asks_for_doctors(_search_request(tracker)) else "hospitals"
        return Paging(1, _first_int(radii, DEFAULT_RADIUS), nci_only, asked)
    chose_insurer = "insurance_carrier" in {e.get("entity") for e in entities}
    if radii or nci_only or kinds or chose_insurer:
        return Paging(1, _first_int(radii, DEFAULT_RADIUS), nci_only, kind)
    last_page = int(tracker.get_slot("search_page") or 0)
    radius = int(tracker.get_slot("search_radius") or DEFAULT_RADIUS)
    return Paging(last_page + 1, radius, False, kind)


class ActionSearchDirectory(Action):
    def name(self) -> str:
        return "action_search_directory"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        paging = _paging(tracker)
        cancer_type = tracker.get_slot("cancer_type")
        query = SearchQuery(
            zip_code=tracker.get_slot("zip_code"),
            city=tracker.get_slot("city"),
            state=tracker.get_slot("us_state"),
            radius_miles=paging.radius,
            kind=paging.kind,
            cancer_type=None if cancer_type in (None, UNKNOWN) else cancer_type,
            nci_only=paging.nci_only,
            insurance=_insurance_filter(tracker),
            language=_answered(tracker, "search_language"),
            limit=PAGE_SIZE,
            offset=(paging.page - 1) * PAGE_SIZE,
        )
        try:
            found = await run_blocking(search_in, get_settings().database_url, query)
        except LocationNotFound:
            send(dispatcher, [place_unknown()])
            return []
        place = tracker.get_slot("location") or ""
        send(dispatcher, result_replies(found, query, place, tracker.get_slot("insurance_carrier")))
        return [
            SlotSet("search_page", float(paging.page)),
            SlotSet("search_radius", float(paging.radius)),
            SlotSet("search_kind", paging.kind),
        ]
