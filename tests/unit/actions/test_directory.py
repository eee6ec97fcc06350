"""The directory form's place check (actions/directory.py), no model: a state alone is
searched from the town already known in it, and asked about, in the person's language,
when none is."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.directory import SEARCH, ValidateDirectoryForm, search_again
from tests.unit.actions.tracker import tracker_for


def _validate(text: str, slots: dict[str, str]) -> tuple[dict, list[str]]:
    tracker = tracker_for(text, "find_care", slots=slots, active_loop="directory_form")
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateDirectoryForm().validate_location(text, dispatcher, tracker, {}))
    return found, [m["text"] for m in dispatcher.messages]


def test_a_state_with_a_known_town_in_it_searches_from_that_town() -> None:
    known = {"city": "Traverse City", "us_state": "MI", "location": "Traverse City, MI"}
    found, sent = _validate("Can you show me hospitals in Michigan for this?", known)
    assert found["location"] == "Traverse City, MI" and found["us_state"] == "MI"
    assert sent == []


def test_a_question_while_which_state_waits_is_not_read_as_a_place() -> None:
    """The form takes "arkansas" as the answer to "which state?", but a question asked
    instead is left for the side-question rule, and "which state?" waits."""
    form = ValidateDirectoryForm()
    for text, intent, taken in [
        ("they already did my surgery tho. still ok?", "faq", False),
        ("arkansas", "inform", True),
        ("AR", "inform", True),
    ]:
        tracker = tracker_for(
            text,
            intent,
            slots={"pending_city": "Jonesboro", "requested_slot": "location"},
            active_loop="directory_form",
        )
        found = asyncio.run(form.extract_location(CollectingDispatcher(), tracker, {}))
        assert bool(found) is taken, text


def test_a_town_in_several_states_is_settled_by_the_state_program_named_before() -> None:
    """ "i got ar medicaid", then "any places near jonesboro": Jonesboro, AR, not "which
    state?"."""
    tracker = tracker_for(
        "ok thx. any places near jonesboro", "find_care", active_loop="directory_form"
    )
    tracker.events.insert(0, {"event": "user", "text": "i got ar medicaid do i need a referal"})
    dispatcher = CollectingDispatcher()
    slots = asyncio.run(
        ValidateDirectoryForm().validate_location(
            "ok thx. any places near jonesboro", dispatcher, tracker, {}
        )
    )
    assert (slots.get("city"), slots.get("us_state")) == ("Jonesboro", "AR")
    assert dispatcher.messages == []


def test_a_question_that_asks_for_the_national_list_after_results_gets_it() -> None:
    """After a search, "is there anywhere in the country that really specializes in
    sarcoma? we'll go wherever" searches nationally, even read as a question."""
    tracker = tracker_for(
        "is there anywhere in the country that really specializes in sarcoma? we'll go wherever",
        "faq",
        slots={"search_kind": "hospitals"},
    )
    events = search_again(CollectingDispatcher(), tracker)
    assert events is not None and any(e.get("name") == SEARCH for e in events)
