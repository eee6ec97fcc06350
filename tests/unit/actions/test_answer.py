"""The facts a wish for a second opinion came with, on hand-built trackers (no model):
kept as slots and said back before the journey's form asks anything."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionNoteFacts
from bot.content import message
from tests.unit.actions.tracker import entity, tracker_for


def _run(text: str, entities: list[dict[str, str]]) -> tuple[list[str], dict[str, object]]:
    dispatcher = CollectingDispatcher()
    tracker = tracker_for(text, "want_second_opinion", entities=entities)
    events = asyncio.run(ActionNoteFacts().run(dispatcher, tracker, {}))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return [m["text"] for m in dispatcher.messages], slots


def test_a_place_and_a_plan_said_with_the_wish_are_kept_and_said_back() -> None:
    said = "i have bcbs hmo in chicago. i want someone neutral, how do i get a second opinion"
    texts, slots = _run(
        said,
        [
            entity("insurance_carrier", "bcbs"),
            entity("insurance_kind", "private"),
            entity("city", "Chicago"),
        ],
    )
    assert (slots["city"], slots["us_state"]) == ("Chicago", "IL")
    assert slots["insurance_kind"] == "private"
    assert len(texts) == 1 and texts[0].startswith(message("facts_noted", facts="").split(":")[0])
    assert "Chicago" in texts[0]


def test_a_bare_wish_says_nothing_before_the_form() -> None:
    texts, slots = _run("i want a second opinion", [])
    assert texts == [] and slots == {}
