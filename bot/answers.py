"""Answering a person's message: the topic questions it asks, the facts it states, and
how it is said.

The NLU has already found the topics (per question, when there are several) and the
facts (as slots set this turn). This module decides what to say, from the topic
catalogue and the message catalogue only, so the action that calls it stays a thin
adapter and every word stays reviewable in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot import journey, profile
from bot.content import message
from bot.nlp.topics_output import Question, TopicScore
from bot.replies import Button, Reply
from bot.topics import Topic, catalogue

MAX_ANSWERS = 3
# A topic is answered outright when it clearly leads; otherwise the closest two or three
# are offered ("Did you mean ...?"). Tuned on the development conversations only.
ANSWER_SHARE = 0.5
ANSWER_LEAD = 0.15
CLARIFY_SHARE = 0.07
# Below this share of the whole intent ranking the topics are not offered at all.
CLARIFY_MIN_TOPIC_PROBABILITY = 0.15
# Facts that are acknowledged, in the order they are named.
FACT_SLOTS = (
    "patient_label",
    "cancer_type",
    "location",
    "insurance_carrier",
    "insurance_kind",
    "treatment_timing",
)
# Intents whose safety reply has already been sent; the answerer adds only answers.
AFTER_SAFETY_REPLY = frozenset({"urgent_symptoms"})
# Someone about to start treatment gets the timing answer with their acknowledgement.
TIMING_TOPIC = "time_before_treatment"
_FEELING_WORDS = re.compile(
    r"\b(scared|afraid|fear|terrified|frightened|overwhelm\w*|anxious|anxiety|worried|worry|"
    r"panic\w*|nervous|stress\w*|cry\w*|tears|sad|devastat\w*|shock\w*|numb|lost|alone|"
    r"hopeless|heartbroken|upset|freak\w*|falling\s+apart|can'?t\s+stop\s+thinking|"
    r"don'?t\s+know\s+what\s+to\s+do|so\s+hard|too\s+much|struggling)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Turn:
    """What the answerer needs to know about one user message and its conversation."""

    intent: str
    text: str
    questions: list[Question]
    topic_ranking: list[TopicScore]
    intent_ranking: list[dict[str, Any]]
    slots: dict[str, Any]
    # Fact slots that this message set or changed (slot → value).
    new_facts: dict[str, Any] = field(default_factory=dict)
    # A topic chosen with a button ("Did you mean ...").
    chosen_topic: str | None = None
    # What the bot said last, to never say the same thing twice in a row.
    last_bot_texts: tuple[str, ...] = ()


def respond(turn: Turn) -> list[Reply]:
    """The replies to one message, each answer its own message, buttons on the last."""
    topics, offered = _topics_asked(turn)
    replies: list[Reply] = []
    acknowledgement = _acknowledgement(turn)
    if acknowledgement:
        replies.append(Reply(acknowledgement))
    if turn.new_facts.get("treatment_timing") and TIMING_TOPIC not in topics:
        topics = [TIMING_TOPIC, *topics][:MAX_ANSWERS]
    if turn.intent == "share_feelings" and _FEELING_WORDS.search(turn.text):
        replies.insert(0, Reply(message("empathy")))
    replies += [Reply(text) for text in _answer_texts(topics, turn)]
    if offered:
        replies.append(Reply(message("clarify"), tuple(_topic_button(t) for t in offered)))
        return _never_repeat(replies, turn)
    if not replies:
        if turn.intent in AFTER_SAFETY_REPLY:
            return []
        replies.append(
            Reply(message("didnt_get_that" if turn.intent == "nlu_fallback" else "what_next"))
        )
    return _never_repeat(_with_buttons(replies, topics, turn), turn)


def _topics_asked(turn: Turn) -> tuple[list[str], list[str]]:
    """(topics to answer, topics to offer as "Did you mean ...")."""
    known = catalogue()
    if turn.chosen_topic in known:
        return [str(turn.chosen_topic)], []
    if len(turn.questions) > 1:
        return [q.topic for q in turn.questions if q.topic in known][:MAX_ANSWERS], []
    ranking = [t for t in turn.topic_ranking if t.topic in known]
    if turn.questions and (not ranking or turn.questions[0].confidence >= ranking[0].probability):
        question = turn.questions[0]
        ranking = list(question.alternatives) or [
            TopicScore(question.topic, 1.0, question.confidence)
        ]
    if not ranking or turn.intent not in ("faq", "nlu_fallback"):
        return [], []
    top = ranking[0]
    second = ranking[1].share if len(ranking) > 1 else 0.0
    if turn.intent == "faq" and (top.share >= ANSWER_SHARE or top.share - second >= ANSWER_LEAD):
        return [top.topic], []
    if _topic_probability(turn) < CLARIFY_MIN_TOPIC_PROBABILITY:
        return [], []
    offered = [t.topic for t in ranking[:3] if t.share >= CLARIFY_SHARE]
    return [], offered


def _topic_probability(turn: Turn) -> float:
    return next(
        (float(r["confidence"]) for r in turn.intent_ranking if r.get("name") == "faq"), 0.0
    )


def _acknowledgement(turn: Turn) -> str | None:
    """One short line naming the facts this message told us, in the person's terms."""
    slots = {**turn.slots, **turn.new_facts}
    said = {name: slots.get(name) for name in FACT_SLOTS if name in turn.new_facts}
    if not said:
        return None
    facts = profile.describe(
        {
            k: v
            for k, v in said.items()
            if k in ("cancer_type", "location", "insurance_carrier", "insurance_kind")
        }
        | (
            {"insurance_carrier": slots.get("insurance_carrier")}
            if "insurance_kind" in said
            else {}
        )
    )
    if said.get("patient_label"):
        facts.insert(0, str(said["patient_label"]))
    if said.get("treatment_timing"):
        facts.append(str(said["treatment_timing"]))
    if not facts:
        return None
    return message("facts_noted", facts=", ".join(dict.fromkeys(facts)))


def _answer_texts(topics: list[str], turn: Turn) -> list[str]:
    known = catalogue()
    minor = turn.slots.get("patient_minor") == "yes"
    kind = turn.slots.get("insurance_kind")
    texts = []
    for topic_id in topics[:MAX_ANSWERS]:
        topic = known[topic_id]
        text = topic.text_for(kind if kind != profile.UNKNOWN else None, minor)
        if text in turn.last_bot_texts:
            # Asked again: the same words did not help, so go one level deeper.
            text = message("more_on_that", text=journey.page_text(topic.step, topic.page, kind))
        texts.append(text)
    return texts


def _topic_button(topic_id: str) -> Button:
    topic = catalogue()[topic_id]
    return Button(topic.label, f'/faq{{"topic":"{topic_id}"}}')


def _with_buttons(replies: list[Reply], topics: list[str], turn: Turn) -> list[Reply]:
    """The last message offers where to go next: the step page that goes deeper on the
    (last) topic answered, else the next step; always "my plan" and a person."""
    done = list(turn.slots.get("steps_done") or [])
    buttons: list[Button] = []
    if topics:
        topic: Topic = catalogue()[topics[-1]]
        buttons.append(journey.page_button(topic.step, topic.page))
    buttons += journey.standard_buttons(turn.slots.get("current_step"), done)
    last = replies[-1]
    replies[-1] = Reply(last.text, last.buttons or tuple(dict.fromkeys(buttons))[:4])
    return replies


def _never_repeat(replies: list[Reply], turn: Turn) -> list[Reply]:
    """If the whole reply would be what the bot just said, say so and offer other ways
    forward instead of sending the same words again."""
    if [r.text for r in replies] == list(turn.last_bot_texts[-len(replies) :]):
        done = list(turn.slots.get("steps_done") or [])
        return [journey.menu_reply(done, intro=message("repeat_instead"))]
    return replies
