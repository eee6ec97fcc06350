"""Directory search in the chat. A search needs only a place: a request that names one
searches at once, with the cancer type if known; nothing else is asked first. A new
place, "search farther" or "anywhere in the country" searches again. bot.directory
does the work; this maps the conversation onto a SearchQuery."""

from __future__ import annotations

from dataclasses import replace
from itertools import chain
from typing import Any, Literal

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.orm import Session

from actions.profile import skipped
from actions.tracker_io import latest_entities, send
from actions.turns import asked_in_piece, send_answers, turn_of
from bot.content import message
from bot.directory.fit import Fit
from bot.directory.places import (
    Place,
    city_in_state,
    destination_in,
    find_place,
    state_of_program,
)
from bot.directory.replies import (
    asks_about_network,
    asks_for_doctors,
    doctors_not_listed,
    network_check,
    place_not_found,
    place_unknown,
    result_replies,
    which_state,
    wider_radius,
)
from bot.directory.requests import (
    changes_place,
    filters_by_network,
    for_child,
    in_state_only,
    reach,
    serves,
)
from bot.directory.search import RADII, Kind, LocationNotFound, SearchPage, SearchQuery, search
from bot.guidance.profile import UNKNOWN, entity_values
from bot.guidance.replies import Reply
from bot.guidance.topics import catalogue
from bot.infrastructure.db import in_transaction
from bot.runtime.context import current
from bot.vocabulary.index import label_of
from bot.vocabulary.terms import is_rare_cancer

SEARCH = "action_search_directory"
PAGE_SIZE = 3
# A state's cancer centers, listed when only the state is known.
STATE_LIST_SIZE = 5
DEFAULT_RADIUS = RADII[0]


def place_slots(place: Place) -> dict[str, Any]:
    """The slots a found place fills; a new place replaces every part of the old one."""
    return {
        "location": place.display,
        "zip_code": place.zip_code,
        "city": place.city,
        "us_state": place.state,
        "pending_city": None,
    }


# Intents a reply to "where?" can have; anything else is a side question.
ANSWER_INTENTS = frozenset({"inform", "find_care", "nlu_fallback", "affirm", "deny", "skip"})


def _is_an_answer(tracker: Tracker) -> bool:
    return tracker.get_intent_of_latest_message() in ANSWER_INTENTS


def _latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def search_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """After a search, a new place ("what about Louisville instead") or a new reach
    ("search farther", "anywhere in the US") searches again, whatever the classifier
    made of the words. None: the message is not about the search."""
    if not tracker.get_slot("search_kind"):
        return None
    text = _latest_text(tracker)
    pending = tracker.get_slot("pending_city")
    place = _settled(
        (city_in_state(pending, text) if pending else None) or find_place(text), tracker
    )
    if place and place.searchable and (pending or changes_place(text, place.city or place.words)):
        return [*(SlotSet(k, v) for k, v in place_slots(place).items()), FollowupAction(SEARCH)]
    if place and place.kind == "ambiguous_city" and changes_place(text, place.words):
        send(dispatcher, [which_state(place.city or place.words)])
        return [SlotSet("pending_city", place.city)]
    asked = reach(text)
    if asked.asked and (asked.national or tracker.get_intent_of_latest_message() != "faq"):
        # Not "what's the difference between a university hospital and a community
        # one? the university one is farther": a question, answered as one. "Is there
        # anywhere in the country that specializes in sarcoma? we'll go wherever" asks
        # for the national list, however it is worded.
        return [FollowupAction(SEARCH)]
    if filters_by_network(text):
        send(dispatcher, [network_check()])
        return []
    return None


class ValidateDirectoryForm(FormValidationAction):
    """The search's one question: where? Any place in the request's own words counts."""

    def name(self) -> str:
        return "validate_directory_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The national list needs no place ("the best sarcoma centers, we'll travel
        anywhere"): it is shown at once, with an offer to sort it by distance."""
        text = _latest_text(tracker)
        if not tracker.get_slot("location") and reach(text).national and not find_place(text):
            return []
        return domain_slots

    async def extract_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answering = tracker.get_slot("requested_slot") == "location"
        if not answering and tracker.get_intent_of_latest_message() != "find_care":
            return {}
        text = _latest_text(tracker)
        pending = tracker.get_slot("pending_city")
        if answering and pending:
            if city_in_state(pending, text) or find_place(text) or _is_an_answer(tracker):
                return {"location": text}
            # "they already did my surgery tho. still ok?" instead of a state: a question
            # is answered, and "which state?" waits.
            return {}
        place = _place_named(tracker, text, answering)
        if place is None or not (place.searchable or _is_an_answer(tracker)):
            # A question asked instead of an answer is answered, and "where?" waits.
            return {}
        return {"location": text}

    async def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = _latest_text(tracker)
        answering = tracker.get_slot("requested_slot") == "location"
        place = _place_named(tracker, text, answering)
        known = _known_place(tracker)
        if place and place.kind == "state" and known and known.state == place.state:
            # "Hospitals in Michigan" from someone known to be in Traverse City, MI.
            return place_slots(known)
        if place is None and skipped(tracker):
            # "not sure, skip": a search cannot go on without a place.
            dispatcher.utter_message(**place_unknown().as_rasa())
            return {"location": None}
        if place is None and value and not answering:
            # Filled from an earlier turn (the profile): keep it.
            return {"location": value}
        if place is not None and place.kind == "state":
            await _state_list(dispatcher, tracker, str(place.state))
        return self._place_events(place, dispatcher)

    @staticmethod
    def _place_events(place: Place | None, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        if place is None:
            dispatcher.utter_message(text=message("location_not_found"))
            return {"location": None}
        if place.searchable:
            return place_slots(place)
        if place.kind == "ambiguous_city":
            send(dispatcher, [which_state(place.city or place.words)])
            return {"location": None, "pending_city": place.city}
        if place.kind == "state":
            state = label_of("us_state", str(place.state))
            dispatcher.utter_message(text=message("location_state_only", state=state))
            return {"location": None}
        send(dispatcher, [place_not_found(place.words)])
        return {"location": None, "pending_city": None}


async def _state_list(dispatcher: CollectingDispatcher, tracker: Tracker, state: str) -> None:
    """ "Hospitals in North Carolina" from someone whose town is not known: the state's
    NCI-designated centers and cancer hospitals at once, before "which city?" (asked
    next, to find the ones near them). Nothing when the state has none on our lists."""
    cancer_type = tracker.get_slot("cancer_type")
    query = SearchQuery(
        state=state,
        national=True,
        in_state_only=True,
        cancer_type=None if cancer_type in (None, UNKNOWN) else cancer_type,
        fit=_fit(tracker),
        limit=STATE_LIST_SIZE,
    )
    found = await in_transaction(current().sessions, lambda session: search(session, query))
    if found.results:
        send(dispatcher, result_replies(found, query, ""))


def _known_place(tracker: Tracker) -> Place | None:
    """The town or ZIP the person gave before (the location slot itself may hold this
    message's words by now)."""
    city, state, zip_code = (tracker.get_slot(s) for s in ("city", "us_state", "zip_code"))
    if not (city and state):
        return None
    kind: Literal["zip", "city"] = "zip" if zip_code else "city"
    return Place(kind, str(city), zip_code=zip_code, city=str(city), state=str(state))


def _place_named(tracker: Tracker, text: str, answering: bool) -> Place | None:
    """The place a message gives: the state of a town asked about, a place in the
    words, or, in a search request only, a town people travel to for care named without
    "in" or "near" ("any places that would see me? tampa or st pete")."""
    pending = tracker.get_slot("pending_city")
    place = (city_in_state(pending, text) if pending else None) or find_place(text, answering)
    if place is None and tracker.get_intent_of_latest_message() == "find_care":
        return destination_in(text)
    return _settled(place, tracker)


def _settled(place: Place | None, tracker: Tracker) -> Place | None:
    """A town in several states settled by what the person said before: the state they
    are known to be in, or the state whose own program covers them ("ar medicaid", then
    "any places near jonesboro" is Jonesboro, AR). Not asked again."""
    if place is None or place.kind != "ambiguous_city" or not place.city:
        return place
    # Read lazily: the known state usually settles it before any message is read.
    hints = chain([tracker.get_slot("us_state")], map(state_of_program, _user_texts(tracker)))
    for state in filter(None, hints):
        settled = city_in_state(place.city, str(state))
        if settled is not None and settled.searchable:
            return settled
    return place


def _search_request(tracker: Tracker) -> str:
    """The words of the latest search request; the form may have asked questions since."""
    for event in reversed(tracker.events):
        if (
            event.get("event") == "user"
            and (event.get("parse_data") or {}).get("intent", {}).get("name") == "find_care"
        ):
            return event.get("text") or ""
    return ""


def _user_texts(tracker: Tracker) -> list[str]:
    return [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]


def _fit(tracker: Tracker) -> Fit:
    """A child's search when the patient is a minor or the words say so ("pediatric");
    VA and military hospitals rank with the others for a veteran or service member."""
    child = (
        tracker.get_slot("patient_minor") == "yes"
        or tracker.get_slot("cancer_type") == "pediatric"
        or for_child(_search_request(tracker))
        or for_child(_latest_text(tracker))
    )
    return Fit(patient="child" if child else "adult", veteran=serves(_user_texts(tracker)))


class _Paging:
    """Which page, how far and of what: a new search starts at page 1 with hospitals
    within 25 miles unless the words say otherwise; "more results" goes on from the last
    page; a wider, national, NCI-only or doctors search starts again."""

    def __init__(self, tracker: Tracker) -> None:
        entities = latest_entities(tracker)
        text = _latest_text(tracker)
        new_search = tracker.get_intent_of_latest_message() != "search_more"
        asked = reach(text)
        if new_search and not asked.asked:
            # The form may have asked "where?" since the request said how far.
            asked = reach(_search_request(tracker))
        radii = entity_values(entities, "search_radius")
        current = float(tracker.get_slot("search_radius") or DEFAULT_RADIUS)
        kinds = [
            k for k in entity_values(entities, "search_kind") if k in ("hospitals", "providers")
        ]
        self.nci_only = "nci" in entity_values(entities, "designation")
        self.national = "national" in radii or asked.national
        numbers = [int(r) for r in radii if r.isdigit()]
        if numbers or asked.miles:
            self.radius = float(numbers[0] if numbers else asked.miles or DEFAULT_RADIUS)
        elif asked.wider:
            wider = wider_radius(current)
            self.national = self.national or wider is None
            self.radius = float(wider or current)
        else:
            self.radius = DEFAULT_RADIUS if new_search else current
        restart = bool(radii or asked.asked or self.nci_only or kinds)
        if new_search:
            request = _search_request(tracker) or text
            # Children are seen at children's hospitals; the doctor list has no
            # pediatric oncologists to offer instead.
            child = tracker.get_slot("patient_minor") == "yes" or for_child(request)
            doctors = asks_for_doctors(request) and not child
            self.kind: Kind = "providers" if doctors else "hospitals"
        else:
            self.kind = kinds[0] if kinds else tracker.get_slot("search_kind") or "hospitals"  # type: ignore[assignment]
        self.page = 1 if new_search or restart else int(tracker.get_slot("search_page") or 0) + 1
        if self.national:
            self.kind = "hospitals"


# How sure the classifier must have been that a search request was also a topic
# question ("should we look for a special cancer center? we're in Denver") to answer it.
QUESTION_BESIDE_CONFIDENCE = 0.4


def _question_beside(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    """Answers the topic question a search request also asked, before the results:
    several questions get several answers. Returns the topics answered."""
    if tracker.get_intent_of_latest_message() != "find_care":
        return []
    ranking = tracker.latest_message.get("intent_ranking") or []
    faq = next((float(r.get("confidence") or 0) for r in ranking if r.get("name") == "faq"), 0.0)
    turn, _ = turn_of(tracker, intent="faq")
    # A long message is rarely read as a question as a whole; a piece of it written as
    # a question still is one.
    if faq < QUESTION_BESIDE_CONFIDENCE and not asked_in_piece(turn):
        return []
    return send_answers(dispatcher, turn)


# Where children with cancer are treated: said once beside a search for a child, since
# the directory alone cannot tell which hospitals treat childhood cancer.
CHILDREN_TOPIC = "child_cancer_center"


def _children_centers(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    answer = catalogue()[CHILDREN_TOPIC].answer
    said = any(e.get("event") == "bot" and e.get("text") == answer for e in tracker.events)
    if said or CHILDREN_TOPIC in (tracker.get_slot("last_topics") or []):
        return []
    send(dispatcher, [Reply(answer)])
    return [CHILDREN_TOPIC]


def _answered_beside(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    """The question asked with a search, else (for a child) where children are treated."""
    answered = _question_beside(dispatcher, tracker)
    if not answered and _fit(tracker).patient == "child":
        answered = _children_centers(dispatcher, tracker)
    return answered


def answers_before_asking(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Before "where?" as a search starts: the question the person asked with it ("how do
    I find a doctor who has seen a lot of meso?"), or for a child where children are
    treated, so the question is answered at once and not after the place."""
    answered = _answered_beside(dispatcher, tracker)
    return [SlotSet("last_topics", answered)] if answered else []


def _search_or_hospitals(
    session: Session, query: SearchQuery
) -> tuple[SearchQuery, SearchPage, bool]:
    """The search, as run; and whether it was for doctors and found none, so hospitals
    were searched instead in the same read."""
    found = search(session, query)
    no_doctors = query.kind == "providers" and not found.results and not query.offset
    if no_doctors:
        # Our doctor list is a sample: an empty one is no answer. The hospitals near the
        # person have the cancer doctors to ask for.
        query = replace(query, kind="hospitals")
        found = search(session, query)
    return query, found, no_doctors


class ActionSearchDirectory(Action):
    def name(self) -> str:
        return SEARCH

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = _latest_text(tracker)
        if tracker.get_intent_of_latest_message() == "search_more" and (
            asks_about_network(text) or filters_by_network(text)
        ):
            send(dispatcher, [network_check()])
            return []
        paging = _Paging(tracker)
        cancer_type = tracker.get_slot("cancer_type")
        known_type = None if cancer_type in (None, UNKNOWN) else cancer_type
        fit = _fit(tracker)
        # An insurer named in a search request is a fact, not a filter; only the "Is it
        # in my network?" button (search_more) asks for one.
        carriers = (
            entity_values(latest_entities(tracker), "insurance_carrier")
            if tracker.get_intent_of_latest_message() == "search_more"
            else []
        )
        query = SearchQuery(
            zip_code=tracker.get_slot("zip_code"),
            city=tracker.get_slot("city"),
            state=tracker.get_slot("us_state"),
            radius_miles=paging.radius,
            kind=paging.kind,
            cancer_type=known_type,
            nci_only=paging.nci_only,
            insurance=carriers[0] if carriers else None,
            language=next(iter(entity_values(latest_entities(tracker), "language")), None),
            fit=fit,
            national=paging.national,
            in_state_only=in_state_only(text),
            limit=PAGE_SIZE,
            offset=(paging.page - 1) * PAGE_SIZE,
        )
        try:
            query, found, no_doctors = await in_transaction(
                current().sessions, lambda session: _search_or_hospitals(session, query)
            )
        except LocationNotFound:
            answered = _answered_beside(dispatcher, tracker)
            send(dispatcher, [place_unknown()])
            return [SlotSet("last_topics", answered)] if answered else []
        if query.insurance and "insurance" in found.not_applied:
            # No network list for this insurer: how to check, not a list that looks
            # filtered and is not.
            send(dispatcher, [network_check()])
            return []
        # A child's search may have looked farther than asked (bot/directory/search.py).
        query = replace(query, radius_miles=found.radius_miles)
        place = tracker.get_slot("location") or ""
        offer_national = is_rare_cancer(known_type) or fit.patient == "child"
        answered = _answered_beside(dispatcher, tracker) if paging.page == 1 else []
        if no_doctors and found.results:
            send(dispatcher, [doctors_not_listed(query, place)])
        send(
            dispatcher,
            result_replies(
                found, query, place, tracker.get_slot("insurance_carrier"), offer_national
            ),
        )
        return [
            *([SlotSet("last_topics", answered)] if answered else []),
            SlotSet("search_page", float(paging.page)),
            SlotSet("search_radius", float(query.radius_miles)),
            SlotSet("search_kind", query.kind),
        ]
