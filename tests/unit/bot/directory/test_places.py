"""Places named in passing: whether a message points at another state than the
person's, which makes Medicaid's out-of-state rules the likely question."""

from __future__ import annotations

import pytest

from bot.directory.places import names_another_state


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
