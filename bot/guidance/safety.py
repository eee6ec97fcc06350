"""The safety guard: crisis, emergency, medical-advice and "a person" messages, found by
patterns that do not depend on the NLU model.

A missed crisis is the worst failure this product can have, so these rules hold whatever
the classifier thinks: `SafetyGuard` (bot/nlp) forces the intent inside the Rasa model,
and `ChatService` checks the replies afterwards. Patterns err on the side of over-calling.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from bot.guidance import language, safety_en, safety_es, safety_model
from bot.vocabulary.terms import fold

CRISIS = "crisis"
EMERGENCY = "medical_emergency"
URGENT = "urgent_symptoms"
SAFE_NOW = "safe_now"
MEDICAL_ADVICE = "medical_advice"
TALK_TO_PERSON = "talk_to_person"


@dataclass(frozen=True)
class Verdict:
    intent: str
    topic: str | None = None
    # The language of the words that matched, so the reply can be in it.
    locale: str = "en"
    # Found by the learned net alone (bot/guidance/safety_model.py). Its safety reply is put
    # first (bot/runtime/chat_service.py), and the message is still answered after it: the net errs
    # towards over-calling, and a person whose question was only mistaken for a
    # crisis should still get their answer.
    learned: bool = False
    # "I'm safe now. Can you find me a cancer center near Hartford?": the message asks
    # for more than the safety reply, so its reply goes first and the rest is answered.
    asks_more: bool = False

    @property
    def forced(self) -> bool:
        """Whether the NLU must give the message this intent (the patterns found it and
        nothing else in it needs an answer)."""
        return not (self.learned or self.asks_more)


# One message is classified by the NLU's guard, the locale detector, the chat service's
# safety net and the advice action: the verdict is kept for the last few texts instead
# of running some 400 patterns four times a turn.
@lru_cache(maxsize=256)
def classify(text: str) -> Verdict | None:
    """The safety intent a message must get, most serious first, in English or Spanish
    (bot.guidance.safety_es), or None. A tier in either language outranks a lesser tier in the
    other: "me quiero morir, I have chest pain" is a crisis first."""
    folded = fold(text)
    # "I'm safe" / "estoy a salvo" said in either language is taken out before the
    # crisis patterns of both run ("i'm not suicidal" is not "suicid").
    english_safe = safety_en.SAFE_NOW.sub(" ", text)
    spanish_safe = safety_es.SAFE_NOW.sub(" ", fold(english_safe))
    spanish_now = _now(folded, safety_es.IDIOMS, safety_es.OVER)
    english_now = _now(text, safety_en.IDIOMS, safety_en.OVER)
    serious = (
        (
            CRISIS,
            safety_en.CRISIS.search(safety_en.IDIOMS.sub(" ", english_safe)),
            safety_es.CRISIS.search(safety_es.IDIOMS.sub(" ", spanish_safe)),
        ),
        (
            EMERGENCY,
            safety_en.EMERGENCY.search(english_now),
            safety_es.EMERGENCY.search(spanish_now),
        ),
        (URGENT, safety_en.URGENT.search(english_now), safety_es.URGENT.search(spanish_now)),
    )
    for intent, english, spanish in serious:
        if english or spanish:
            # Answered in the message's language ("my dad has chest pain, le duele
            # mucho" is Spanish); when that is unclear, in the words' language.
            return Verdict(intent, locale=language.detect(text) or ("en" if english else "es"))
    said_safe = english_safe != text or spanish_safe != fold(english_safe)
    # The learned net (bot/guidance/safety_model.py) adds what the patterns have no words for,
    # unless the person has just said they are safe; a button's payload ("/menu") is
    # not the person's words.
    learned = None if said_safe or text.startswith("/") else safety_model.predict(text)
    if learned in (CRISIS, EMERGENCY, URGENT):
        return Verdict(learned, locale=language.detect(text) or "en", learned=True)
    if said_safe:
        rest = spanish_safe if spanish_safe != fold(english_safe) else english_safe
        return Verdict(
            SAFE_NOW,
            locale=language.detect(text) or ("en" if english_safe != text else "es"),
            asks_more=len(rest.split()) >= _MORE_WORDS and bool(_ASKS_MORE.search(rest)),
        )
    for topic, pattern in safety_en.ADVICE_TOPICS.items():
        if pattern.search(text):
            return Verdict(MEDICAL_ADVICE, topic)
    for topic, pattern in safety_es.ADVICE_TOPICS.items():
        if pattern.search(folded):
            return Verdict(MEDICAL_ADVICE, topic, locale="es")
    if safety_en.PERSON.search(text):
        return Verdict(TALK_TO_PERSON)
    if safety_es.PERSON.search(folded):
        return Verdict(TALK_TO_PERSON, locale="es")
    return None


# What turns the rest of a message that says the person is safe into a question or a
# request of its own, in English or Spanish (folded).
_MORE_WORDS = 4
_ASKS_MORE = re.compile(
    r"\?|\b(can|could|would|will)\s+(you|u)\b|\b(find|search|look\s+for|show\s+me|help\s+me|"
    r"tell\s+me|what|how|where|which|do\s+i|should\s+i|busque\w*|buscar|encuentr\w*|"
    r"puede[ns]?|podria|ayude\w*|que|como|donde|cual)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _now(text: str, idioms: re.Pattern[str], over: tuple[re.Pattern[str], ...]) -> str:
    """The text as it bears on today: figures of speech ("this paperwork is killing
    me") and sentences about an episode said to be over ("she had a fever last month
    but it's gone") taken out, before the emergency and urgent patterns run."""
    plain = idioms.sub(" ", text)
    return " ".join(
        part for part in _SENTENCE_END.split(plain) if not any(p.search(part) for p in over)
    )


# The tiers whose reply names 988 or 911.
SERIOUS = frozenset({CRISIS, EMERGENCY, URGENT})
_UNCONFIRMED: ContextVar[list[str] | None] = ContextVar("unconfirmed_safety", default=None)


@contextlib.contextmanager
def noting_unconfirmed() -> Iterator[list[str]]:
    """Collects, for one turn, the serious tiers the intent classifier alone gave a
    message (neither the patterns nor the learned net found one). The classifier reads
    words, not meaning: "and if I want to go to UCSF" once scored as a crisis. Such a
    message is answered for what else it asks, with the tier's numbers first as a check
    (bot/runtime/chat_service.py), never a full crisis reply in place of the answer."""
    found: list[str] = []
    token = _UNCONFIRMED.set(found)
    try:
        yield found
    finally:
        _UNCONFIRMED.reset(token)


def note_unconfirmed(intent: str) -> None:
    """Records a tier only the classifier gave (see `noting_unconfirmed`)."""
    found = _UNCONFIRMED.get()
    if found is not None:
        found.append(intent)


RESPONSE_FOR = {
    CRISIS: "utter_crisis",
    EMERGENCY: "utter_emergency",
    URGENT: "utter_urgent",
    SAFE_NOW: "utter_safe_now",
}
