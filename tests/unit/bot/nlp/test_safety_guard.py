"""A serious tier that the intent classifier alone gave gives way to the message's next
intent and is noted for a check; no model is needed to see it."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.guidance.safety import noting_unconfirmed
from bot.nlp.safety_guard import _demote_unconfirmed


def _message(*ranking: tuple[str, float]) -> Message:
    rows = [{"name": name, "confidence": p} for name, p in ranking]
    return Message(
        data={
            "text": "and if I want to go there instead?",
            "intent": rows[0],
            "intent_ranking": rows,
        }
    )


def test_a_crisis_only_the_classifier_saw_is_noted_and_the_next_intent_answers() -> None:
    message = _message(("crisis", 0.35), ("faq", 0.16), ("urgent_symptoms", 0.03), ("inform", 0.02))
    with noting_unconfirmed() as noted:
        _demote_unconfirmed(message)
    assert noted == ["crisis"]
    assert message.get("intent")["name"] == "faq"
    assert [r["name"] for r in message.get("intent_ranking")] == ["faq", "inform"]


def test_an_ordinary_intent_is_left_alone() -> None:
    message = _message(("faq", 0.6), ("crisis", 0.2))
    with noting_unconfirmed() as noted:
        _demote_unconfirmed(message)
    assert noted == [] and message.get("intent")["name"] == "faq"


def test_outside_a_turn_nothing_is_collected() -> None:
    message = _message(("medical_emergency", 0.4), ("faq", 0.3))
    _demote_unconfirmed(message)
    assert message.get("intent")["name"] == "faq"
