"""Places named in passing: whether a message points at another state than the
person's, which makes Medicaid's out-of-state rules the likely question."""

from __future__ import annotations

import pytest

from bot.directory.places import destination_in, find_place, names_another_state, state_of_program


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("we have soonercare. would they pay for memphis, thats in tennessee", "OK"),
        ("if the best place ends up being st louis will they pay for it", "IN"),
        ("el vital paga si me atiendo en florida?", "PR"),
        ("si lo llevamos a houston, el medicaid de louisiana paga alla?", None),
    ],
)
def test_a_place_in_another_state(text: str, home: str | None) -> None:
    assert names_another_state(text, home)


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("is there a way to get medicaid, im in mississippi", None),
        ("does soonercare pay for a second opinion in tulsa", "OK"),
        ("what does medicaid cover for a second opinion", "TX"),
    ],
)
def test_home_or_no_place_is_not_elsewhere(text: str, home: str | None) -> None:
    assert not names_another_state(text, home)


@pytest.mark.parametrize(
    ("text", "display"),
    [
        ("Can you show me the options in Manhattan", "New York, NY"),
        ("we live in Manhattan, KS", "Manhattan, KS"),
        # A town with no post office of its own, and one another state's post office
        # also answers to.
        ("I live in Hoover right outside Birmingham", "Hoover, AL"),
        ("Retired, 67, living in Santa Fe.", "Santa Fe, NM"),
        # Accents, and a Spanish name for a U.S. town.
        ("vivimos en San José, California", "San Jose, CA"),
        ("¿me puede buscar hospitales en Filadelfia?", "Philadelphia, PA"),
        ("Vivo en Humboldt Park, Chicago. ¿Qué centros hay cerca?", "Chicago, IL"),
        ("Estamos en Cicero, cerquita de Chicago.", "Cicero, IL"),
        ("¿Me puede dar otros hospitales en el área de Chicago entonces?", "Chicago, IL"),
        ("can you give me hospitals in Texas that would see her? Dallas is closest", "Dallas, TX"),
    ],
)
def test_the_place_meant_among_several_names(text: str, display: str) -> None:
    place = find_place(text)
    assert place is not None and place.display == display


def test_a_town_named_without_in_counts_only_when_asked_for() -> None:
    assert find_place("any places around here that would see me? tampa or st pete") is None
    found = destination_in("any places around here that would see me? tampa or st pete")
    assert found is not None and found.display == "Tampa, FL"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("i got ar medicaid do i need a referal", "AR"),
        ("tiene medicaid de ohio, caresource", "OH"),
        ("we have TennCare", "TN"),
        ("Tengo el ConnectorCare del Health Connector", "MA"),
        ("in medicaid is it covered", None),
        ("we have medicaid", None),
    ],
)
def test_the_state_of_a_state_health_program(text: str, state: str | None) -> None:
    assert state_of_program(text) == state
