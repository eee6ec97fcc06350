"""Directory search in the chat: the form's answers (and any search buttons) become a
SearchQuery; bot.directory does the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from actions.slots import latest_entities, send
from bot.config import get_settings
from bot.db import run_blocking
from bot.directory.chat import asks_for_doctors, place_unknown, result_replies
from bot.directory.search import Kind, LocationNotFound, SearchQuery, search_in
from bot.profile import UNKNOWN, entity_values

PAGE_SIZE = 3
DEFAULT_RADIUS = 25


class ValidateDirectoryForm(ValidateProfileForm):
    """Same answers, same checks as the profile form."""

    yields_to_intents: frozenset[str] = frozenset()

    def name(self) -> str:
        return "validate_directory_form"


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
    """The insurer chosen with the "filter by my insurance" button, if any."""
    if tracker.get_intent_of_latest_message() != "search_more":
        return None
    carriers = entity_values(latest_entities(tracker), "insurance_carrier")
    return carriers[0] if carriers else None


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
    if radii or nci_only or kinds or _insurance_filter(tracker):
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
