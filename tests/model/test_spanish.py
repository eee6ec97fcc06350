"""Spanish through the real model and API: the first message sets the language, safety
replies come in Spanish whatever the classifier thinks, and the language switches both
ways and holds through one-word answers."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from bot.content import message, responses
from bot.content import texts as catalogue_texts
from tests.conftest import say, texts

SPANISH_CRISIS = responses("es")["utter_crisis"][0]["text"]


def session() -> str:
    return f"es-{uuid.uuid4().hex[:10]}"


def test_a_spanish_greeting_is_answered_in_spanish(client: TestClient) -> None:
    replies = say(client, session(), "hola buenas tardes")
    answer = texts(replies)
    assert message("disclaimer", "es") in answer
    assert message("disclaimer", "en") not in answer
    assert "segunda opinión" in answer.lower()


def test_a_spanish_crisis_gets_988_in_spanish_first(client: TestClient) -> None:
    for text in (
        "ya no quiero vivir, mi familia estaria mejor sin mi",
        "me quiero morir",
        "mi esposo dice que se quiere matar",
    ):
        replies = say(client, session(), text)
        assert replies[0]["text"] == SPANISH_CRISIS, text
        assert "988" in replies[0]["text"] and "AYUDA" in replies[0]["text"]
        assert "911" in replies[0]["text"]


def test_spanish_emergency_and_urgent_messages_get_their_numbers(client: TestClient) -> None:
    emergency = say(client, session(), "mi mama no puede respirar y tiene dolor de pecho")
    assert emergency[0]["text"] == responses("es")["utter_emergency"][0]["text"]
    urgent = say(client, session(), "mi papa tiene fiebre de 39 despues de la quimio")
    assert urgent[0]["text"] == responses("es")["utter_urgent"][0]["text"]


def test_the_language_switches_both_ways_and_holds(client: TestClient) -> None:
    sid = session()
    say(client, sid, "hello")
    switched = texts(say(client, sid, "en español por favor"))
    assert switched == responses("es")["utter_language_changed"][0]["text"]
    # A one-word answer keeps the conversation in Spanish.
    kept = texts(say(client, sid, "ok"))
    assert kept in {r["text"] for r in responses("es")["utter_what_next"]}
    back = texts(say(client, sid, "English please"))
    assert back == responses("en")["utter_language_changed"][0]["text"]


def test_a_spanish_crisis_in_an_english_conversation_is_answered_in_spanish(
    client: TestClient,
) -> None:
    sid = session()
    say(client, sid, "my mom has breast cancer and we need a second opinion")
    replies = say(client, sid, "ya no puedo mas, quiero morirme")
    assert replies[0]["text"] == SPANISH_CRISIS


def test_a_switch_during_the_questions_asks_the_question_again_in_the_new_language(
    client: TestClient,
) -> None:
    sid = session()
    say(client, sid, "I want a second opinion")
    replies = texts(say(client, sid, "en español por favor"))
    assert replies.startswith(responses("es")["utter_language_changed"][0]["text"])
    assert catalogue_texts("form_questions.yml", "es")["cancer_type"]["text"] in replies


def test_a_spanish_directory_search_answers_in_spanish(client: TestClient) -> None:
    sid = session()
    say(client, sid, "hola, mi mamá tiene cáncer de pulmón")
    replies = say(client, sid, "busco un hospital de cáncer cerca de Houston, Texas")
    cards = [r["card"] for r in replies if r.get("card")]
    assert cards and all(c["state"] == "TX" for c in cards)
    answer = texts(replies)
    assert "cáncer de pulmón" in answer and "lung cancer" not in answer
    assert "Llame al" in answer and "Call " not in answer
    badges = [b for c in cards for b in c["badges"]]
    assert not any("not known" in b or "CMS rating" in b for b in badges), badges


def test_what_a_spanish_speaker_said_is_kept_and_named_in_spanish(client: TestClient) -> None:
    sid = session()
    say(client, sid, "mi esposo tiene cancer de prostata y no tenemos seguro")
    answer = texts(say(client, sid, "mi plan"))
    assert "cáncer de próstata" in answer and "sin seguro" in answer
    assert "prostate" not in answer
