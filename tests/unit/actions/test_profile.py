"""The "about you" form's validation, on hand-built trackers (no model): an answer is
taken, and facts given to the wrong question are noted instead of being refused."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.profile import ValidateProfileForm
from bot.content import message
from tests.unit.actions.tracker import entity, tracker_for


def _texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["text"] for m in dispatcher.messages]


def test_a_place_answers_where() -> None:
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("dayton ohio", "inform", active_loop="profile_form")
    found = ValidateProfileForm().validate_location("dayton ohio", dispatcher, tracker, {})
    assert (found["city"], found["us_state"]) == ("Dayton", "OH")
    assert _texts(dispatcher) == []


def test_insurance_given_when_asked_where_is_noted_not_refused() -> None:
    dispatcher = CollectingDispatcher()
    said = "she has medicare n medicaid"
    tracker = tracker_for(
        said,
        "inform",
        entities=[entity("insurance_kind", "medicare"), entity("insurance_kind", "medicaid")],
        active_loop="profile_form",
    )
    found = ValidateProfileForm().validate_location(said, dispatcher, tracker, {})
    assert found == {"location": None}
    assert _texts(dispatcher) == [message("profile_noted", facts="Medicare, Medicaid")]


def test_words_that_name_no_place_get_the_not_found_help() -> None:
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("somewhere nice", "inform", active_loop="profile_form")
    found = ValidateProfileForm().validate_location("somewhere nice", dispatcher, tracker, {})
    assert found == {"location": None}
    assert _texts(dispatcher) == [message("location_not_found")]


def test_skip_leaves_the_place_unknown() -> None:
    dispatcher = CollectingDispatcher()
    tracker = tracker_for("skip", "skip", active_loop="profile_form")
    assert ValidateProfileForm().validate_location("skip", dispatcher, tracker, {}) == {
        "location": "unknown"
    }
