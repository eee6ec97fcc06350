"""Where a town is, from the ZIP code tables (bot/directory/geo.py)."""

from __future__ import annotations

from bot.directory.geo import city_point, miles_between


def test_a_town_with_no_post_office_of_its_own_is_where_its_zip_codes_are() -> None:
    """Hoover, AL is served by Birmingham's and Bessemer's post offices; its centre is
    that of the ZIP codes that accept its name, a few miles south of Birmingham."""
    hoover = city_point("Hoover", "AL")
    birmingham = city_point("Birmingham", "AL")
    assert hoover is not None and birmingham is not None
    assert 3 < miles_between(hoover, birmingham) < 20


def test_no_such_town_has_no_point() -> None:
    assert city_point("Nowheresville", "AL") is None
