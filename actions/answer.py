"""Answers what a person asked or told us: an adapter from the tracker to bot.guidance.answers."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import search_again
from actions.tracker_io import send, slot_events
from actions.turns import turn_of
from bot.guidance import answers


def _cancer_words(turn: answers.Turn) -> list[EventType]:
    """The person's own name for their cancer, kept when this message gave one."""
    if not turn.cancer_words:
        return []
    return [SlotSet("cancer_words", answers.own_cancer_words(turn))]


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        again = search_again(dispatcher, tracker)
        if again is not None:
            return again
        turn, events = turn_of(tracker)
        replies, answered = answers.respond(turn)
        send(dispatcher, replies)
        return [
            *events,
            *_cancer_words(turn),
            SlotSet("last_topics", answered),
            *slot_events(answers.step_after(answered)),
        ]


class ActionNoteFacts(Action):
    """Runs before the journey's form when someone asks for a second opinion: the facts
    the wish came with are kept and said back, so the form never asks for them again.
    The form's own slot mappings take a place only from a search request."""

    def name(self) -> str:
        return "action_note_facts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn, events = turn_of(tracker)
        replies, answered = answers.noted(turn)
        send(dispatcher, replies)
        return [
            *events,
            *_cancer_words(turn),
            *([SlotSet("last_topics", answered)] if answered else []),
        ]
