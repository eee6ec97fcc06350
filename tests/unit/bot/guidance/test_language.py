"""Which language a message is in (bot/guidance/language.py), without the model: short messages,
switching both ways, and the one-word answers that keep the conversation's language."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from bot.guidance.language import detect, requested
from bot.nlp.locale_detector import NAMES
from bot.nlp.spacy_pipeline import build_pipeline
from tests.nlu_examples import english_examples


@cache
def _vocabulary() -> Language:
    return build_pipeline()


def read(text: str) -> str | None:
    """As the NLU reads it: names (places, insurers, cancers) set aside first."""
    spans = [(e.start_char, e.end_char) for e in _vocabulary()(text).ents if e.label_ in NAMES]
    return detect(text, spans)


# Short and everyday messages, as people type them (accents or none, shorthand).
SPANISH = [
    "hola",
    "Hola!",
    "buenas tardes",
    "buenos días",
    "gracias",
    "muchas gracias!!",
    "ayuda",
    "español por favor",
    "en español",
    "¿habla español?",
    "necesito una segunda opinion",
    "mi mamá tiene cáncer de mama",
    "mi esposo tiene cancer de prostata",
    "q necesito llevar a la cita",
    "tengo miedo, no se que hacer",
    "como consigo mis expedientes medicos",
    "mi seguro es medicaid",
    "cuanto cuesta",
    "donde queda el hospital",
    "quiero hablar con una persona",
    "la cita es el lunes",
    "no tengo seguro medico",
    "mi hija tiene leucemia",
    "necesito ayuda con el seguro, my insurance is aetna",
    "busco un oncologo cerca de Houston",
    "¿Medicare paga una segunda opinión?",
    "ok gracias, y que papeles necesito",
    "hola buenas noches",
    "por favor ayudeme",
    "xq me piden tantos papeles",
]
ENGLISH = [
    "hi",
    "Hello",
    "hey",
    "thanks",
    "thank you!",
    "English please",
    "in english",
    "i need a second opinion",
    "my mom has breast cancer",
    "what records do i need",
    "does medicare pay for it",
    "how much does it cost",
    "can u help me find a dr",
    "i'm scared",
    "where is the hospital",
    "talk to a person",
    "the appointment is monday",
    "i dont have insurance",
    "my daughter has leukemia",
    "a doctor who speaks spanish near 60612",
    "do i need a referral",
    "good morning",
    "ok thanks, and what do i bring",
    "whats a ppo",
    "ty",
]
# One-word answers and numbers keep the conversation's language.
EITHER = [
    *("sí", "si", "no", "ok", "Medicare", "60612", "Aetna", "3", "lung", "Houston, TX"),
    *("Medicare Advantage", "Los Angeles CA", "Blue Cross PPO", "North Platte, Nebraska"),
]


def test_short_messages_are_read_in_their_language() -> None:
    labelled = [(t, "es") for t in SPANISH] + [(t, "en") for t in ENGLISH]
    wrong = [(text, want, read(text)) for text, want in labelled if read(text) != want]
    accuracy = 1 - len(wrong) / len(labelled)
    print(f"language detection on {len(labelled)} short messages: {accuracy:.3f}")
    assert accuracy >= 0.95, wrong
    # Never the wrong language outright: at worst "cannot tell".
    assert all(got is None for _, _, got in wrong), wrong


@pytest.mark.parametrize("text", EITHER)
def test_an_answer_keeps_the_conversations_language(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("en español por favor", "es"),
        ("Spanish please", "es"),
        ("do you speak spanish?", "es"),
        ("¿puede cambiar a español?", "es"),
        ("English please", "en"),
        ("en inglés por favor", "en"),
        ("can we switch back to english", "en"),
        ("¿habla inglés?", "en"),
    ],
)
def test_asking_for_a_language_switches_to_it(text: str, locale: str) -> None:
    assert requested(text) == locale
    assert detect(text) == locale


@pytest.mark.parametrize(
    "text",
    [
        "el doctor habla rapidisimo en ingles y ni el ni yo entendemos bien lo q dice",
        "todas las cartas del seguro vienen en inglés y no entiendo nada",
        "vale la pena irme a St. Louis o a Kansas City a un centro mas grande? me quedan a 3 horas",
    ],
)
def test_english_said_of_someone_else_keeps_spanish(text: str) -> None:
    """ "En inglés" said of a doctor or a letter is not a request to switch, and a
    Spanish message naming English-named cities is still Spanish."""
    assert requested(text) is None
    assert read(text) == "es"


def test_a_search_for_a_spanish_speaking_doctor_is_not_a_switch() -> None:
    assert requested("i need a doctor who speaks spanish") is None


def test_english_messages_are_rarely_read_as_spanish() -> None:
    """A wrong switch changes the language of every later reply, so it must be rare:
    measured on every English training message."""
    english = english_examples()
    switched = [text for text in english if detect(text) == "es"]
    rate = len(switched) / len(english)
    print(f"English training messages read as Spanish: {len(switched)}/{len(english)}")
    assert rate <= 0.005, switched[:20]
