"""Finding care in the chat: a message that already holds everything searches at once,
the form asks for what is missing, results carry phone numbers, and an empty search
offers a way on."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from tests.conftest import say, texts


def session() -> str:
    return f"find-{uuid.uuid4().hex[:10]}"


def test_lung_cancer_near_60612_lists_real_chicago_hospitals(client: TestClient) -> None:
    replies = say(client, session(), "find a hospital for lung cancer near 60612")
    text = texts(replies)
    assert "60612 (Chicago, IL)" in text
    assert "1. Northwestern Memorial Hospital, 3.9 mi away" in text
    assert "Call (312) 926-2000" in text
    results = [r["text"] for r in replies if re.match(r"\d+\. ", r["text"])]
    assert len(results) == 3 and all("Call (" in r for r in results)
    titles = [b["title"] for b in replies[-1]["buttons"]]
    assert titles == [
        "More results",
        "Doctors near me",
        "Questions to ask them",
        "Talk to a person",
    ]


def test_the_form_asks_for_what_is_missing(client: TestClient) -> None:
    sid = session()
    assert "type of cancer" in texts(say(client, sid, "find a cancer center near me"))
    assert "ZIP code" in texts(say(client, sid, "lymphoma"))
    assert "Which insurance company" in texts(say(client, sid, "10065"))
    assert "speaks a language" in texts(say(client, sid, "skip"))
    text = texts(say(client, sid, "no preference"))
    assert "1. Memorial Hospital for Cancer and Allied Diseases (Memorial Sloan Kettering)" in text
    assert "network" not in text and "Speaks" not in text


def test_a_full_request_asks_no_optional_questions(client: TestClient) -> None:
    text = texts(say(client, session(), "find a hospital for lung cancer near 60612"))
    assert "Which insurance company" not in text and "language" not in text


def test_optional_answers_without_data_say_not_known(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a cancer doctor near me")
    say(client, sid, "ovarian cancer")
    say(client, sid, "19104")
    assert "speaks a language" in texts(say(client, sid, "we have aetna"))
    replies = say(client, sid, "vietnamese")
    text = texts(replies)
    assert text.startswith("Here are doctors near 19104 (Philadelphia, PA) for ovarian cancer")
    assert replies[-1]["text"] == (
        "In the Aetna network: not known, ask them or your insurer. "
        "Speaks Vietnamese: not known, ask them. You can ask for a free interpreter."
    )
    assert "More results" in [b["title"] for b in replies[-1]["buttons"]]
    # A new full request starts fresh: the last search's answers do not linger.
    again = texts(say(client, sid, "find a hospital for lung cancer near 60612"))
    assert "Northwestern Memorial" in again and "not known, ask them or your insurer" not in again


def test_optional_questions_check_their_answers(client: TestClient) -> None:
    sid = session()
    say(client, sid, "we have cigna")
    say(client, sid, "find a hospital near me")
    say(client, sid, "breast cancer")
    question = say(client, sid, "33612")
    assert [b["title"] for b in question[-1]["buttons"]] == ["Cigna", "Skip"]
    assert "don't know that insurance company" in texts(say(client, sid, "acme mutual"))
    assert "speaks a language" in texts(say(client, sid, "medicare"))
    assert "didn't catch the language" in texts(say(client, sid, "klingon"))
    text = texts(say(client, sid, "just english"))
    assert "Moffitt" in text and "network" not in text and "interpreter" not in text


def test_more_results_continue_the_numbering(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a hospital for lung cancer near 60612")
    more = texts(say(client, sid, "/search_more"))
    assert more.startswith("More places near 60612") and "\n4. " in more


def test_empty_search_offers_wider_search_nci_and_insurer(client: TestClient) -> None:
    sid = session()
    replies = say(client, sid, "find a hospital for melanoma near 59010")
    text = texts(replies)
    assert "couldn't find a hospital within 25 miles" in text
    assert "number on your insurance card" in text
    payloads = [b["payload"] for b in replies[-1]["buttons"]]
    assert any('"search_radius":"50"' in p for p in payloads)
    assert any('"designation":"nci"' in p for p in payloads)
    wider = texts(say(client, sid, next(p for p in payloads if '"50"' in p)))
    assert "1. " in wider and "Call (406)" in wider


def test_unknown_cancer_care_is_said_plainly(client: TestClient) -> None:
    text = texts(say(client, session(), "find a hospital for melanoma near 04101"))
    assert "Care for melanoma: not known, ask them." in text


def test_search_mid_profile_form_switches_to_the_search(client: TestClient) -> None:
    sid = session()
    say(client, sid, "I want a second opinion")
    text = texts(say(client, sid, "find a hospital for breast cancer near 33612"))
    assert "Moffitt" in text.replace("H Lee Moffitt", "Moffitt")


def test_insurance_filter_says_plainly_that_networks_are_not_known(client: TestClient) -> None:
    sid = session()
    say(client, sid, "we have aetna")
    replies = say(client, sid, "find a hospital for lung cancer near 60612")
    button = next(b for b in replies[-1]["buttons"] if b["title"] == "Filter by my insurance")
    text = texts(say(client, sid, button["payload"]))
    assert "Northwestern Memorial" in text
    assert "In the Aetna network: not known, ask them or your insurer." in text


def test_doctors_near_me_lists_specialists_with_phones(client: TestClient) -> None:
    sid = session()
    replies = say(client, sid, "find a hospital for ovarian cancer near 19104")
    button = next(b for b in replies[-1]["buttons"] if b["title"] == "Doctors near me")
    doctors = say(client, sid, button["payload"])
    text = texts(doctors)
    assert text.startswith("Here are doctors near 19104 (Philadelphia, PA) for ovarian cancer")
    results = [r["text"] for r in doctors if re.match(r"\d+\. ", r["text"])]
    assert len(results) == 3
    assert all("Gynecologic Oncology" in r and "Call (215)" in r for r in results)
    more = texts(say(client, sid, "more results"))
    assert "\n4. " in more and "Gynecologic Oncology" in more


def test_asking_for_doctors_lists_doctors(client: TestClient) -> None:
    text = texts(say(client, session(), "find an oncologist for ovarian cancer near 19104"))
    assert "\nHere are doctors near 19104" in text  # after the session's disclaimer
    assert "Gynecologic Oncology" in text


def test_asking_for_doctors_is_remembered_through_the_form(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a cancer doctor near me")
    say(client, sid, "ovarian cancer")
    say(client, sid, "19104")
    say(client, sid, "skip")
    assert texts(say(client, sid, "skip")).startswith("Here are doctors near 19104")


def test_no_doctors_found_says_so_and_offers_hospitals(client: TestClient) -> None:
    sid = session()
    replies = say(client, sid, "find an oncologist for lung cancer near 60612")
    text = texts(replies)
    assert "couldn't find a doctor for this within 25 miles" in text
    button = next(b for b in replies[-1]["buttons"] if b["title"] == "Hospitals near me")
    hospitals = texts(say(client, sid, button["payload"]))
    assert "Here are places near 60612" in hospitals and "Northwestern Memorial" in hospitals
    nci = next(b for b in replies[-1]["buttons"] if b["title"] == "NCI cancer centers")
    assert '"search_kind":"hospitals"' in nci["payload"]
