""" "My plan": what is done, what is next, records still to gather, questions to ask.

Built only from conversation slots, so it always reflects what the person actually did
in this conversation, on any channel.
"""

from __future__ import annotations

from typing import Any

from bot.content import message
from bot.guidance.journey import STEPS, next_step, standard_buttons, title
from bot.guidance.profile import describe
from bot.guidance.replies import Reply
from bot.vocabulary.index import label_of
from bot.vocabulary.terms import record_items

MAX_REPLY_CHARS = 320


def _pack(lines: list[str]) -> list[str]:
    """Groups lines into messages of at most 320 characters, never splitting a line."""
    messages: list[str] = []
    for line in lines:
        if messages and len(messages[-1]) + 1 + len(line) <= MAX_REPLY_CHARS:
            messages[-1] += "\n" + line
        else:
            messages.append(line)
    return messages


def build(slots: dict[str, Any]) -> list[Reply]:
    done = [s for s in STEPS if s in (slots.get("steps_done") or [])]
    lines = [message("plan_title")]
    facts = describe(slots)
    if facts:
        lines.append(message("plan_about", facts=", ".join(facts)))
    if slots.get("urgency") == "treatment_scheduled":
        lines.append(message("plan_urgent"))
    lines.append(
        message("plan_done", steps=", ".join(title(s) for s in done))
        if done
        else message("plan_none_done")
    )
    upcoming = next_step(None, done)
    lines.append(
        message("plan_next", step=title(upcoming)) if upcoming else message("plan_all_done")
    )
    gathered = slots.get("records_gathered") or []
    missing = [label_of("record_item", r.id) for r in record_items() if r.id not in gathered]
    if missing:
        lines.append(message("plan_records_left", items=", ".join(missing)))
    questions = slots.get("questions_for_care_team") or []
    if questions:
        lines.append(message("plan_questions", questions=" ".join(questions)))
    texts = _pack(lines)
    replies = [Reply(text) for text in texts[:-1]]
    replies.append(Reply(texts[-1], standard_buttons(None, done)))
    return replies
