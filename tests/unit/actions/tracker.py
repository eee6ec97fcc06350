"""A rasa_sdk Tracker as the action server would build it for one user message, so
actions can be tested without a trained model: the NLU's output is written by hand."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def tracker_for(
    text: str,
    intent: str,
    *,
    entities: list[dict[str, Any]] | None = None,
    questions: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
        "entities": entities or [],
        "questions": questions or [],
        "topic_ranking": [],
    }
    events = [{"event": "user", "text": text, "parse_data": latest}]
    return Tracker(
        sender_id="unit-test",
        slots=dict(slots or {}),
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0}
