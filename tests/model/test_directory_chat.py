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
    assert "within 25 miles of 60612 (Chicago, IL)" in text
    assert re.search(r"1\. Northwestern Memorial Hospital, about \d+ miles? away", text)
    assert "Call (312) 926-2000" in text
    results = [r for r in replies if r.get("card")]
    assert len(results) == 3 and all("Call (" in r["text"] for r in results)
    card = results[0]["card"]
    assert card["tel"] == "tel:+13129262000"
    assert card["directions"].startswith("https://www.google.com/maps/dir/?api=1&destination=")
    assert "NCI Comprehensive Cancer Center" in card["badges"]
    titles = [b["title"] for b in replies[-1]["buttons"]]
    assert titles[:3] == ["More results", "Search 50 miles", "Doctors near me"]
    assert "Talk to a person" in titles


def test_the_only_question_is_where(client: TestClient) -> None:
    sid = session()
    assert "ZIP code" in texts(say(client, sid, "find a cancer center near me"))
    text = texts(say(client, sid, "10065"))
    assert "1. Memorial Hospital for Cancer and Allied Diseases (Memorial Sloan Kettering)" in text
    assert "type of cancer" not in text and "insurance company" not in text


def test_a_place_in_a_sentence_searches_at_once_with_what_is_known(client: TestClient) -> None:
    sid = session()
    say(client, sid, "my wife has ovarian cancer")
    text = texts(say(client, sid, "can you find a hospital for her, we live in austin texas"))
    assert "within 25 miles of Austin, TX for ovarian cancer" in text
    assert "1. " in text and "type of cancer" not in text and "ZIP code" not in text


def test_a_new_place_replaces_the_old_one_and_searches_again(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a hospital for breast cancer in lexington ky")
    text = texts(say(client, sid, "what about Louisville instead"))
    assert "Louisville, KY" in text and "1. " in text


def test_farther_and_anywhere_widen_the_search(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a hospital for sarcoma near 59301")
    wider = texts(say(client, sid, "can you search farther"))
    assert "within 50 miles" in wider or "couldn't find a hospital within 50 miles" in wider
    hundred = texts(say(client, sid, "look within 100 miles"))
    assert "100 miles" in hundred
    national = say(client, sid, "distance doesn't matter, we will travel anywhere")
    text = texts(national)
    assert "Top cancer centers in the U.S." in text and "virtual second opinions" in text
    assert all(
        r["card"]["group"] in ("nci_comprehensive", "nci", "pps_exempt")
        for r in national
        if r.get("card")
    )


def test_a_city_in_several_states_gets_one_question(client: TestClient) -> None:
    sid = session()
    assert "more than one state" in texts(say(client, sid, "find a hospital near Springfield"))
    text = texts(say(client, sid, "illinois"))
    assert "Springfield, IL" in text and "1. " in text


def test_a_place_that_cannot_be_found_is_named_back(client: TestClient) -> None:
    text = texts(say(client, session(), "find a hospital near Sprngfeld"))
    assert 'I couldn\'t find "Sprngfeld"' in text


def test_a_child_gets_childrens_hospitals_first_and_an_adult_none(client: TestClient) -> None:
    child = say(client, session(), "my 6 year old has leukemia, find a hospital near 45229")
    cards = [r["card"] for r in child if r.get("card")]
    assert cards[0]["group"] == "children" and "veterans" not in {c["group"] for c in cards}
    adult = say(client, session(), "I have breast cancer, find a hospital near 44106")
    assert not [r for r in adult if r.get("card") and r["card"]["group"] == "children"]


def test_the_insurance_question_is_answered_honestly(client: TestClient) -> None:
    sid = session()
    say(client, sid, "we have aetna")
    replies = say(client, sid, "find a hospital for lung cancer near 60612")
    button = next(b for b in replies[-1]["buttons"] if b["title"] == "Is it in my network?")
    text = texts(say(client, sid, button["payload"]))
    assert "member services number on your insurance card" in text
    assert "Northwestern" not in text
    typed = texts(say(client, sid, "can you filter by my insurance"))
    assert "provider directory" in typed


def test_more_results_continue_the_numbering(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a hospital for lung cancer near 60612")
    more = texts(say(client, sid, "/search_more"))
    assert more.startswith("More places near 60612") and "\n4. " in more


def test_empty_search_offers_a_wider_search_and_the_national_list(client: TestClient) -> None:
    sid = session()
    replies = say(client, sid, "find a hospital for melanoma near 59032")  # Grass Range, MT
    text = texts(replies)
    assert "couldn't find a hospital within 25 miles" in text
    payloads = [b["payload"] for b in replies[-1]["buttons"]]
    assert any('"search_radius":"50"' in p for p in payloads)
    assert any('"search_radius":"national"' in p for p in payloads)
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


def test_doctors_near_me_lists_specialists_with_phones(client: TestClient) -> None:
    sid = session()
    replies = say(client, sid, "find a hospital for ovarian cancer near 19104")
    button = next(b for b in replies[-1]["buttons"] if b["title"] == "Doctors near me")
    doctors = say(client, sid, button["payload"])
    text = texts(doctors)
    assert text.startswith(
        "Here are doctors within 25 miles of 19104 (Philadelphia, PA) for ovarian cancer"
    )
    results = [r["text"] for r in doctors if re.match(r"\d+\. ", r["text"])]
    assert len(results) == 3
    assert all("Gynecologic Oncology" in r and "Call (215)" in r for r in results)
    more = texts(say(client, sid, "more results"))
    assert "\n4. " in more and "Gynecologic Oncology" in more


def test_asking_for_doctors_lists_doctors(client: TestClient) -> None:
    text = texts(say(client, session(), "find an oncologist for ovarian cancer near 19104"))
    assert "\nHere are doctors within 25 miles of 19104" in text  # after the disclaimer
    assert "Gynecologic Oncology" in text


def test_asking_for_doctors_is_remembered_through_the_form(client: TestClient) -> None:
    sid = session()
    say(client, sid, "find a cancer doctor near me")
    assert texts(say(client, sid, "19104")).startswith("Here are doctors within 25 miles of 19104")


def test_no_doctors_found_says_so_and_shows_the_hospitals_near(client: TestClient) -> None:
    """Our doctor list is a sample: with no doctor near, the answer is the hospitals near,
    with a line saying why, and the doctors' search stays one tap away."""
    sid = session()
    replies = say(client, sid, "find an oncologist for lung cancer near 60612")
    text = texts(replies)
    assert "Our list of doctors is still small, and it has none within 25 miles" in text
    assert "Here are places within 25 miles of 60612" in text
    assert "Northwestern Memorial" in text
    assert any(b["title"] == "Doctors near me" for b in replies[-1]["buttons"])


def test_the_national_list_needs_no_place(client: TestClient) -> None:
    """ "Anywhere" with no place: the top centers at once, where each one is, and an
    offer to put the nearest first; a place given after sorts them by distance."""
    sid = session()
    replies = say(
        client, sid, "can you give me a list of the best sarcoma centers? we will travel anywhere"
    )
    text = texts(replies)
    assert "Top cancer centers in the U.S. for sarcoma" in text
    assert "ZIP code or your city and state, and I'll put the ones nearest you first" in text
    cards = [r["card"] for r in replies if r.get("card")]
    assert len(cards) == 3
    assert all(re.fullmatch(r"in [A-Z][\w .'-]+, [A-Z]{2}", c["distance"]) for c in cards)
    assert all(c["group"] in ("nci_comprehensive", "nci", "pps_exempt") for c in cards)
    text = texts(say(client, sid, "77030"))
    assert "nearest to 77030 (Houston, TX) first" in text
    assert "University of Texas M D Anderson Cancer Center" in text


def test_a_search_for_a_child_says_where_children_are_treated_before_asking_where(
    client: TestClient,
) -> None:
    replies = say(client, session(), "can you find a childrens hospital for my 5 year old son")
    text = texts(replies)
    assert "children's cancer center" in text
    assert text.index("children's cancer center") < text.index("ZIP code")


def test_a_state_named_elsewhere_in_the_message_settles_the_town(client: TestClient) -> None:
    text = texts(say(client, session(), "can you find a cancer hospital in Newark? we live in NJ"))
    assert "in more than one state" not in text
    assert "of Newark, NJ" in text
