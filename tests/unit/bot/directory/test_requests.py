"""Whether a message moves the person (or their search) to the place it names."""

from __future__ import annotations

import pytest

from bot.directory.requests import changes_place, filters_by_network, is_search_request


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we live in tampa", "tampa"),
        ("my mom lives in tampa now", "tampa"),
        ("my son lives in Denver, can you look there for hospitals", "Denver"),
    ],
)
def test_a_move_or_a_search_there(text: str, place: str) -> None:
    assert changes_place(text, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "mi hijo vive en orlando y dice q me vaya pa alla unas semanas. el vital paga si "
            "me atiendo en florida?",
            "orlando",
        ),
        (
            "my daughter lives in Seattle and says the hospitals there are better, is that true",
            "Seattle",
        ),
        ("where would we stay, hotels in Denver cost so much", "Denver"),
        # Where the person is, said of another place.
        ("the one i found is in columbus ohio. im in kentucky. can they do video w me", "Columbus"),
        # Where the doctor is.
        (
            "tengo el Medicaid de Louisiana. si el especialista está en Houston me lo pagan?",
            "Houston",
        ),
        ("the surgeon is in Omaha, would my plan pay for him", "Omaha"),
    ],
)
def test_a_relative_or_a_question_about_a_town_is_not_a_move(text: str, place: str) -> None:
    assert not changes_place(text, place)


@pytest.mark.parametrize(
    "text",
    [
        "Understood. Show me what's around Norfolk and Richmond.",
        "vivimos en houston. me da nombres de hospitales que tengan ginecólogo oncólogo?",
        "y a donde la llevo? me puede dar nombres aqui en chicago",
        "busca hospitales en orange county q vean linfoma xfa",
        "grasias. me pueden buscar ospital aqui en los angeles para el cancer de prostata?",
        "¿me da hospitales en Phoenix?",
        "ok. y mientras, me da hospitales cerca de baltimore pa la segunda opinion?",
        "you keep telling me to call people. im asking YOU. where is a throat cancer "
        "specialist near beckley",
        "¿dónde hay un especialista de pulmón en Houston?",
        "My husband is a Vietnam vet and he has lung cancer. We live in Salt Lake City, Utah. "
        "Which hospitals near us could give him a second opinion?",
    ],
)
def test_requests_for_places_in_everyday_words(text: str) -> None:
    assert is_search_request(text)


@pytest.mark.parametrize(
    "text",
    ["¿me puede buscar el número de teléfono del seguro?", "me pueden encontrar una cita antes?"],
)
def test_asking_the_bot_to_find_something_else_is_not_a_search(text: str) -> None:
    assert not is_search_request(text)


def test_a_question_about_what_words_mean_is_not_a_search() -> None:
    """The person asks what "NCI designated" means for choosing where to go; a request
    that says "find" still searches."""
    assert not is_search_request(
        "I live in Hoover, AL. Hospitals advertise 'NCI designated' and 'Commission on "
        "Cancer'. What do these mean for me picking where to get a second opinion?"
    )
    assert not is_search_request("¿qué significa centro designado por el NCI? vivo en Dallas")
    assert is_search_request("can you find me hospitals near Hoover AL? and what does NCI mean")


def test_asking_whether_a_plan_pays_is_not_a_network_filter() -> None:
    assert not filters_by_network(
        "Would Medicare pay for that kind of records-only review? I have Plan G"
    )
    assert filters_by_network("which ones take medicare")
    assert is_search_request("Would you mind showing me hospitals around Albuquerque too")


def test_saying_how_far_the_closest_one_is_is_not_a_search() -> None:
    assert not is_search_request(
        "my plan is an aetna EPO. closest transplant center is like 4 hours in albuquerque"
    )
    assert is_search_request("whats the closest cancer center to Tulsa")
