"""Turning a request for medical advice into a question for the care team.

The bot never diagnoses, gives a prognosis, doses or picks a treatment; what it can do
is help the person ask their own doctors, and keep that question in their plan.
"""

from __future__ import annotations

from bot.content import message, texts
from bot.guidance.journey import standard_buttons
from bot.guidance.replies import Reply


def redirect(
    topic: str | None, asked: list[str], steps_done: list[str]
) -> tuple[list[Reply], list[str]]:
    """The replies, and the plan's question list with this topic's question added."""
    questions = texts("messages.yml")["advice_questions"]
    question = questions.get(topic or "general", questions["general"])
    updated = asked if question in asked else [*asked, question]
    replies = [
        Reply(message("advice_intro")),
        Reply(message("advice_question", question=question), standard_buttons(None, steps_done)),
    ]
    return replies, updated
