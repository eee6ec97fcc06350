"""The forms' questions, read from content YAML (one action per slot, as Rasa looks them
up by the name `action_ask_<slot>`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import answers_before_asking
from actions.tracker_io import send
from actions.turns import asked_in_piece, send_answers, turn_of
from bot.content import texts
from bot.directory.replies import which_state
from bot.nlp import segments

# A message read as an answer to the form, or not understood as a whole, may still ask
# something ("we're in Sioux Falls. Is the drive worth it or no?").
_ANSWER_INTENTS = frozenset({"inform", "nlu_fallback"})


def answers_in_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Answers a question asked inside an answer to the form before the next question,
    so it is not lost: the form only takes the answer it asked for. Only a piece written
    as a question, and confidently about one topic, is answered."""
    if tracker.get_intent_of_latest_message() not in _ANSWER_INTENTS:
        return []
    text = str(tracker.latest_message.get("text") or "")
    if text.startswith("/") or not any(segments.is_question(p.asked) for p in segments.split(text)):
        return []
    turn, _ = turn_of(tracker)
    answered = send_answers(dispatcher, turn) if asked_in_piece(turn) else []
    return [SlotSet("last_topics", answered)] if answered else []


class _AskForSlot(Action, ABC):
    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this action asks for (abstract, so rasa_sdk skips the base)."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answered = answers_in_reply(dispatcher, tracker)
        question = texts("form_questions.yml")[self.slot]
        dispatcher.utter_message(text=question["text"], buttons=list(question["buttons"]))
        return answered


class AskCancerType(_AskForSlot):
    slot = "cancer_type"


class AskLocation(_AskForSlot):
    slot = "location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Once, as the search starts: not again each time "where?" is asked anew.
        starting = tracker.get_intent_of_latest_message() == "find_care"
        answered = (
            answers_before_asking(dispatcher, tracker)
            if starting and tracker.active_loop_name == "directory_form"
            else []
        )
        if _asked_where(tracker):
            # "Which city in North Carolina?" was just asked: not "What is your ZIP?" too.
            return answered
        pending = tracker.get_slot("pending_city")
        if pending:
            # A question was answered while "which state?" waited: ask that again.
            send(dispatcher, [which_state(str(pending))])
            return answered
        return [*answered, *await super().run(dispatcher, tracker, domain)]


def _asked_where(tracker: Tracker) -> bool:
    """Whether this turn's place check already asked for the place in its own words."""
    starts = [
        str(texts(name)[key]).split("{")[0] for name, keys in _PLACE_PROMPTS.items() for key in keys
    ]
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and any(
            start and str(event.get("text") or "").startswith(start) for start in starts
        ):
            return True
    return False


# The place check's own questions (actions/directory.py): each already asks where.
_PLACE_PROMPTS = {
    "messages.yml": ("location_state_only", "location_not_found"),
    "directory.yml": ("place_not_found", "which_state", "place_unknown"),
}


class AskInsuranceKind(_AskForSlot):
    slot = "insurance_kind"


class AskUrgency(_AskForSlot):
    slot = "urgency"
