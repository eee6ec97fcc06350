"""The forms' questions (no model): a question asked inside an answer to the form is
answered before the next question; an answer with no question gets only the question."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.ask import AskLocation, AskUrgency
from bot.content import texts
from bot.guidance.topics import catalogue
from tests.unit.actions.tracker import tracker_for

WORTH_IT = {
    "topic": "travel_worth_it",
    "confidence": 0.7,
    "alternatives": [{"topic": "travel_worth_it", "probability": 0.7, "share": 0.8}],
}


def _run(tracker: Tracker) -> tuple[list[str], list[EventType]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(AskUrgency().run(dispatcher, tracker, {}))
    return [m["text"] for m in dispatcher.messages], events


def test_a_question_inside_an_answer_is_answered_before_the_next_question() -> None:
    said = "were in sioux falls. biggest places r minneapolis, 4 hrs. worth it or no"
    tracker = tracker_for(said, "inform", questions=[WORTH_IT], active_loop="profile_form")
    sent, events = _run(tracker)
    assert catalogue()["travel_worth_it"].answer in sent
    assert sent[-1] == texts("form_questions.yml")["urgency"]["text"]
    assert SlotSet("last_topics", ["travel_worth_it"]) in events


def test_an_answer_that_asks_nothing_gets_only_the_next_question() -> None:
    tracker = tracker_for("we're in sioux falls", "inform", active_loop="profile_form")
    sent, events = _run(tracker)
    assert sent == [texts("form_questions.yml")["urgency"]["text"]]
    assert events == []


def test_a_side_question_already_answered_by_its_rule_is_not_answered_twice() -> None:
    """ "faq" mid-form is answered by the side-question rule before the form asks again."""
    tracker = tracker_for("is it worth the drive?", "faq", questions=[WORTH_IT])
    sent, _ = _run(tracker)
    assert sent == [texts("form_questions.yml")["urgency"]["text"]]


def test_where_is_not_asked_twice_in_one_turn() -> None:
    """The place check already asked "Which city or ZIP code in Ohio?": the form does not
    add "What is your ZIP code…" after it."""
    tracker = tracker_for("show me hospitals in ohio", "find_care", active_loop="directory_form")
    asked = texts("messages.yml")["location_state_only"].format(state="Ohio")
    tracker.events.append({"event": "bot", "text": asked})
    dispatcher = CollectingDispatcher()
    asyncio.run(AskLocation().run(dispatcher, tracker, {}))
    assert texts("form_questions.yml")["location"]["text"] not in [
        m["text"] for m in dispatcher.messages
    ]


def test_where_is_asked_when_nothing_asked_it_yet() -> None:
    tracker = tracker_for("find me a hospital", "find_care", active_loop="directory_form")
    dispatcher = CollectingDispatcher()
    asyncio.run(AskLocation().run(dispatcher, tracker, {}))
    assert dispatcher.messages[-1]["text"] == texts("form_questions.yml")["location"]["text"]


def test_which_state_is_asked_again_after_a_side_question() -> None:
    """ "There is a Jonesboro in more than one state. Which state?" then "they already did
    my surgery tho. still ok?": once that is answered, the question is which state, not
    "What is your ZIP code"."""
    tracker = tracker_for(
        "they already did my surgery tho. still ok?",
        "faq",
        slots={"pending_city": "Jonesboro"},
        active_loop="directory_form",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(AskLocation().run(dispatcher, tracker, {}))
    asked = texts("directory.yml")["which_state"].format(city="Jonesboro")
    assert [m["text"] for m in dispatcher.messages] == [asked]
