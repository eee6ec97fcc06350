"""The safety patterns on their own: what must be caught, and what must not be."""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, EMERGENCY, MEDICAL_ADVICE, TALK_TO_PERSON, classify, reply_is_safe

CRISIS_MESSAGES = [
    "I want to kill myself",
    "i wanna kill my self",
    "thinking about suicide",
    "Im suicidal",
    "I don't want to live anymore",
    "i dont want to be alive",
    "what's the point of living",
    "there is no reason to go on",
    "I want to die",
    "sometimes i wish i could die",
    "better off dead honestly",
    "i might hurt myself tonight",
    "I've been cutting myself",
    "kms",
    "im going to end it all",
    "I want to end my life",
    "thinking of taking my own life",
    "I have thoughts of self harm",
    "life is not worth living with this cancer",
    "I KILL MYSELF IF THIS IS CANCER",
    "there's no reason for me to stay alive",
    "i've thought about how i would do it",
    "tonight is the night i end it",
    "i'm tired of being alive",
    "i cant go on anymore",
    "i just want to disappear forever",
    "im going to die and i want it over with",
    "i'd rather not be alive anymore",
    "i would rather be dead than go through this",
    "he'd rather take his own life",
    "part of me wants to die",
    "she doesn't want to live anymore",
    "i want to stop living",
    "i wish i would just die in my sleep",
    "swallow all my pills and never wake up",
]

EMERGENCY_MESSAGES = [
    "my dad has chest pain",
    "I can't breathe",
    "she cant breathe right now",
    "my husband collapsed",
    "she passed out and wont wake up",
    "he is unconscious",
    "there's severe bleeding",
    "bleeding a lot and it won't stop",
    "my mom is having a seizure",
    "i think hes having a heart attack",
    "he's not breathing",
]

ADVICE_MESSAGES = [
    ("is it really cancer?", "diagnosis"),
    ("what does my biopsy mean", "diagnosis"),
    ("could the doctors be wrong", "diagnosis"),
    ("what if they got my diagnosis wrong", "diagnosis"),
    ("how long do I have to live", "prognosis"),
    ("what are my chances", "prognosis"),
    ("is stage 3 curable", "prognosis"),
    ("what's the survival rate for this", "prognosis"),
    ("will my mom die", "prognosis"),
    ("am i going to die from this", "prognosis"),
    ("how much tamoxifen should i take", "dosing"),
    ("can I stop taking my meds", "dosing"),
    ("should i double my dose", "dosing"),
    ("should I get chemo or surgery", "treatment"),
    ("which treatment is best for me", "treatment"),
    ("lumpectomy or mastectomy?", "treatment"),
    ("is chemo worth it", "treatment"),
]

SAFE_MESSAGES = [
    "hi",
    "i want a second opinion",
    "what records do i need",
    "will insurance pay for a second opinion",
    "my mom has stage 2 breast cancer",
    "how do I choose a specialist",
    "I'm dying to know what to bring",
    "I'm scared and overwhelmed",
    "what is a virtual second opinion",
    "thanks, that's all",
]


@pytest.mark.parametrize("text", CRISIS_MESSAGES)
def test_crisis_language_is_always_caught(text: str) -> None:
    verdict = classify(text)
    assert verdict is not None and verdict.intent == CRISIS


@pytest.mark.parametrize("text", EMERGENCY_MESSAGES)
def test_emergencies_are_always_caught(text: str) -> None:
    verdict = classify(text)
    assert verdict is not None and verdict.intent == EMERGENCY


@pytest.mark.parametrize(("text", "topic"), ADVICE_MESSAGES)
def test_medical_advice_requests_are_caught_with_their_topic(text: str, topic: str) -> None:
    assert classify(text) is not None
    verdict = classify(text)
    assert verdict is not None and (verdict.intent, verdict.topic) == (MEDICAL_ADVICE, topic)


@pytest.mark.parametrize("text", SAFE_MESSAGES)
def test_ordinary_messages_pass_through(text: str) -> None:
    assert classify(text) is None


def test_crisis_outranks_everything_else() -> None:
    verdict = classify("I want to kill myself, how long do I have to live, talk to a person")
    assert verdict is not None and verdict.intent == CRISIS


def test_asking_for_a_person_is_caught() -> None:
    for text in ("can I talk to a real person", "speak with someone please", "human please"):
        verdict = classify(text)
        assert verdict is not None and verdict.intent == TALK_TO_PERSON


def test_reply_check_requires_the_number_to_call() -> None:
    crisis = classify("i want to die")
    assert not reply_is_safe(crisis, ["I'm here for you."])
    assert reply_is_safe(crisis, ["Please call or text 988 now."])
    emergency = classify("he collapsed")
    assert not reply_is_safe(emergency, ["Please call or text 988."])
    assert reply_is_safe(emergency, ["Call 911 now."])
    assert reply_is_safe(None, [])
