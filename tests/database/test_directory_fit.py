"""Results that fit the person, on SQLite and PostgreSQL with the shipped public data:
campus locations, adults and children, VA and military hospitals, psychiatric
hospitals, the ranking, the national list, places typed in sentences, and the API's
patient / radius=any / veteran parameters."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bot.directory.fit import Fit, group_of, is_specialty
from bot.directory.models import Hospital
from bot.directory.places import city_in_state, find_place
from bot.directory.requests import in_state_only, reach, serves
from bot.directory.search import Result, SearchQuery, search
from bot.directory.seed import REPORT_DIR, import_all
from bot.infrastructure.db import engine_for, session_scope
from bot.infrastructure.migrate import upgrade
from tests.conftest import TEST_DATABASE_URL
from tests.database.test_directory import _reset_postgres

CLEVELAND_CLINIC = "360180"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        database = f"sqlite:///{tmp_path_factory.mktemp('fit') / 'directory.db'}"
    else:
        _reset_postgres()
        database = TEST_DATABASE_URL
    upgrade(database)
    for report in import_all(database):
        report.write(REPORT_DIR)
    yield database
    if request.param == "postgresql":
        engine_for(database).dispose()
        _reset_postgres()


def run(url: str, **kwargs: object) -> list[Result]:
    with session_scope(url) as session:
        return search(session, SearchQuery(**kwargs)).results  # type: ignore[arg-type]


def test_hospitals_sit_on_their_campus(url: str) -> None:
    with session_scope(url) as session:
        sources = dict(
            session.execute(
                select(Hospital.location_source, func.count()).group_by(Hospital.location_source)
            ).all()
        )
    assert sources["campus"] >= 5200
    assert sources["zip_centre"] >= 100
    report = json.loads((REPORT_DIR / "cms_hospital_general_information.json").read_text())
    assert report["counts"]["located_campus"] >= 5190
    assert report["counts"]["located_zip_centre"] >= 100


def test_cleveland_clinic_is_within_3_miles_of_44106(url: str) -> None:
    results = run(url, zip_code="44106", radius_miles=5, limit=50)
    clinic = [r for r in results if r.id == CLEVELAND_CLINIC]
    assert clinic and clinic[0].distance_miles <= 3


def test_adult_searches_leave_out_children_and_psychiatric_hospitals(url: str) -> None:
    for zip_code in ("44106", "79902", "48201", "45229"):
        results = run(url, zip_code=zip_code, radius_miles=25, limit=200, cancer_type="breast")
        assert results
        assert not [r.name for r in results if r.group in ("children", "psychiatric")]
        assert not [r.name for r in results if "children" in r.name.lower()]


def test_a_childs_search_puts_childrens_hospitals_first_then_nci(url: str) -> None:
    results = run(url, zip_code="45229", radius_miles=25, limit=50, fit=Fit(patient="child"))
    assert results[0].group == "children"
    assert "Cincinnati Children" in results[0].name
    groups = [r.group for r in results]
    assert "veterans" not in groups
    found = run(url, zip_code="44106", limit=50, fit=Fit(patient="child"))
    # A children's rehabilitation hospital comes after the other children's hospitals.
    assert "Rehab" not in found[0].name
    cleveland = [r.group for r in found]
    first_other = next(i for i, g in enumerate(cleveland) if g != "children")
    assert cleveland[0] == "children" and cleveland[first_other] == "nci_comprehensive"


def test_a_childs_search_looks_farther_until_a_childrens_hospital_is_in_it(url: str) -> None:
    """Dalton, GA has no children's hospital within 25 miles: the page comes from farther
    out, with one first, and says how far it looked."""
    with session_scope(url) as session:
        query = SearchQuery(zip_code="30720", radius_miles=25, limit=3, fit=Fit(patient="child"))
        page = search(session, query)
        adult = search(session, SearchQuery(zip_code="30720", radius_miles=25, limit=3))
    assert page.results[0].group == "children"
    assert page.radius_miles > 25
    assert adult.radius_miles == 25


def test_va_and_military_hospitals_come_last_with_their_note(url: str) -> None:
    results = run(url, zip_code="30912", radius_miles=25, limit=100)
    groups = [r.group for r in results]
    restricted = [i for i, g in enumerate(groups) if g in ("veterans", "military")]
    assert restricted, "Augusta has a VA medical center and Fort Gordon's Army hospital"
    others = [i for i, g in enumerate(groups) if g not in ("veterans", "military")]
    assert min(restricted) > max(others)
    for result in results:
        if result.group == "veterans":
            assert result.for_only == "veterans" and "For veterans only (VA)" in result.reasons
        if result.group == "military":
            assert result.for_only == "military"
            assert any("military" in reason for reason in result.reasons)


def test_a_veteran_sees_va_hospitals_among_the_others(url: str) -> None:
    plain = [r.group for r in run(url, zip_code="30912", limit=100)]
    veteran = [r.group for r in run(url, zip_code="30912", limit=100, fit=Fit(veteran=True))]
    assert veteran.index("veterans") < plain.index("veterans")


def test_ranking_is_nci_then_pps_then_general_then_small_and_specialty(url: str) -> None:
    order = {
        "nci_comprehensive": 0,
        "nci": 0,
        "pps_exempt": 1,
        "general": 2,
        "critical_access": 3,
        "specialty": 3,
        "veterans": 4,
        "military": 4,
    }
    for zip_code in ("60612", "77030", "10065", "98109"):
        results = run(url, zip_code=zip_code, radius_miles=25, limit=500)
        tiers = [order[str(r.group)] for r in results]
        assert tiers == sorted(tiers), zip_code
        for tier in set(tiers):
            distances = [r.distance_miles for r, t in zip(results, tiers, strict=True) if t == tier]
            assert distances == sorted(distances)


def test_specialty_hospitals_are_recognised_by_name() -> None:
    assert is_specialty("TEXAS ORTHOPEDIC HOSPITAL")
    assert is_specialty("OKLAHOMA HEART HOSPITAL, LLC")
    assert not is_specialty("SACRED HEART HOSPITAL")
    assert not is_specialty("WHITFIELD MEDICAL SURGICAL HOSPITAL")
    assert not is_specialty("BRIGHAM AND WOMEN'S HOSPITAL")
    assert group_of("SLEEPY EYE MEDICAL CENTER", "Critical Access Hospitals", None, False) == (
        "critical_access"
    )


def test_the_national_list_is_cancer_centers_comprehensive_first(url: str) -> None:
    results = run(url, zip_code="59301", national=True, limit=100)  # Miles City, Montana
    assert len(results) >= 60
    groups = [r.group for r in results]
    assert set(groups) <= {"nci_comprehensive", "nci", "pps_exempt"}
    assert groups.index("nci") > max(
        i for i, g in enumerate(groups) if g in ("nci_comprehensive", "pps_exempt")
    )
    # Only some of the PPS-exempt list's phone numbers are public in the shipped file.
    assert sum(1 for r in results if not r.phone) <= 11


def test_a_childs_national_list_starts_with_childrens_hospitals(url: str) -> None:
    results = run(url, zip_code="59301", national=True, limit=200, fit=Fit(patient="child"))
    assert results[0].group == "children"
    assert "veterans" not in {r.group for r in results}


def test_same_zip_without_a_campus_position_reads_in_your_zip(url: str) -> None:
    with session_scope(url) as session:
        hospital = (
            session.execute(
                select(Hospital).where(
                    Hospital.location_source == "zip_centre",
                    Hospital.hospital_type == "Acute Care Hospitals",
                )
            )
            .scalars()
            .first()
        )
        assert hospital is not None
        zip_code = hospital.zip_code
    results = run(url, zip_code=zip_code, radius_miles=1, limit=100)
    mine = [r for r in results if r.zip_code == zip_code and r.in_your_zip]
    assert mine
    assert not [r for r in results if r.in_your_zip and r.zip_code != zip_code]


@pytest.mark.parametrize(
    ("typed", "city", "state"),
    [
        ("Austin, Texas", "Austin", "TX"),
        ("austin tx", "Austin", "TX"),
        ("can you find a hospital in dayton ohio", "Dayton", "OH"),
        ("we're near Augusta GA", "Augusta", "GA"),
        ("what about Louisville instead", "Louisville", "KY"),
        ("my dad lives outside of kansas city mo", "Kansas City", "MO"),
        ("Buffalo, New York", "Buffalo", "NY"),
        ("we are in Elko nevada", "Elko", "NV"),
        ("Washington DC", "Washington", "DC"),
        ("ft worth tx", "Fort Worth", "TX"),
        # Towns named after their state are towns, not "which city in Oklahoma?".
        ("i have breast cancer and live in oklahoma city. find hospitals", "Oklahoma City", "OK"),
        ("we're near Iowa City", "Iowa City", "IA"),
        ("near salt lake city", "Salt Lake City", "UT"),
        # A state code that is also a word counts at the end of a sentence.
        ("we live in columbus oh", "Columbus", "OH"),
        ("Erie PA", "Erie", "PA"),
        # Where the person is beats places named before it.
        ("the eye programs are in philly and new york and we're in phoenix", "Phoenix", "AZ"),
        ("busco dentro de NJ. hospital en Newark", "Newark", "NJ"),
        # Names that start with a word skipped elsewhere ("los", "el", "la").
        ("vivimos en los angeles", "Los Angeles", "CA"),
        ("we are in las cruces", "Las Cruces", "NM"),
        ("en el paso", "El Paso", "TX"),
        ("in la crosse", "La Crosse", "WI"),
        ("near North Las Vegas", "North Las Vegas", "NV"),
        # A part of town is searched as its city.
        ("hospitales cerca de east los angeles? vivimos x boyle heights", "Los Angeles", "CA"),
        ("we live in north dallas", "Dallas", "TX"),
    ],
)
def test_places_are_found_inside_sentences(typed: str, city: str, state: str) -> None:
    place = find_place(typed)
    assert place is not None and place.kind == "city"
    assert (place.city, place.state) == (city, state)


@pytest.mark.parametrize(
    "typed",
    [
        "tengo ahcccs y cancer de colon. mi doctor quiere otra opinion",
        "busco hospital en Miami pa mi mama",
        "she lives near Sandy la la land",
    ],
)
def test_a_word_that_is_also_a_state_code_is_a_word(typed: str) -> None:
    """ "colon. mi doctor" is not Colon, Michigan; "Miami pa mi mama" is Spanish "para"."""
    place = find_place(typed)
    assert place is None or place.state not in ("MI", "PA", "LA"), place


def test_a_state_alone_is_still_a_state() -> None:
    for typed in ("we live in oklahoma", "in new york", "i am in Kansas"):
        place = find_place(typed)
        assert place is not None and place.kind == "state", typed
    answered = find_place("oklahoma city", answering=True)
    assert answered is not None and answered.city == "Oklahoma City"


def test_a_zip_anywhere_in_a_sentence_and_never_in_other_digits() -> None:
    found = find_place("we live in 44106, my mom has lung cancer")
    assert found is not None and (found.kind, found.zip_code) == ("zip", "44106")
    assert find_place("my zip is ６０６１２") is None


def test_a_city_in_several_states_asks_which_and_takes_the_answer() -> None:
    place = find_place("my mom lives in Springfield")
    assert place is not None and place.kind == "ambiguous_city"
    answered = city_in_state("Springfield", "ohio")
    assert answered is not None and answered.state == "OH"
    assert city_in_state("Springfield", "the one in Illinois").state == "IL"  # type: ignore[union-attr]


def test_an_unknown_place_is_named_back_and_ordinary_words_are_not_places() -> None:
    place = find_place("is there anything near Sprngfield")
    assert place is not None and (place.kind, place.words) == ("not_found", "Sprngfield")
    for text in ("i'm in pain", "find a hospital near me", "surgery in may", "in the hospital"):
        assert find_place(text) is None, text


def test_reach_and_service_words() -> None:
    assert reach("can you look within 100 miles").miles == 100
    assert reach("search farther please").wider
    assert reach("distance doesn't matter, we'll travel").national
    assert reach("what's the best cancer center in the country").national
    assert not reach("more results").asked
    assert serves(["my husband is retired Army"])
    assert not serves(["my husband is retired"])


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("ok mejor busco dentro de NJ. hospital de cancer en Newark", True),
        ("only in-state hospitals please", True),
        ("solo en texas por favor", True),
        ("we dont want to leave the state", True),
        ("just in case, what about Newark", False),
        ("only in network ones", False),
        ("busco dentro de la red", False),
    ],
)
def test_a_search_can_be_kept_in_one_state(text: str, stays: bool) -> None:
    assert in_state_only(text) is stays


def test_an_in_state_search_leaves_out_the_state_next_door(url: str) -> None:
    """Newark, NJ is a few miles from New York City: the whole radius crosses the line."""
    near = run(url, city="Newark", state="NJ", radius_miles=25, limit=50)
    assert {r.state for r in near} > {"NJ"}
    inside = run(url, city="Newark", state="NJ", radius_miles=25, limit=50, in_state_only=True)
    assert inside and {r.state for r in inside} == {"NJ"}


@pytest.mark.parametrize(
    ("query", "field"),
    [("city=Austin", "state"), ("radius=0", "radius"), ("radius=900", "radius")],
)
def test_api_rejects_a_city_without_a_state_and_bad_radii(
    client: TestClient, query: str, field: str
) -> None:
    place = "&zip=78701" if "radius" in query else ""
    response = client.get(f"/api/v1/directory/search?{query}{place}")
    assert response.status_code == 422
    assert field in response.text


def test_api_children_veterans_and_the_national_list(client: TestClient) -> None:
    adult = client.get("/api/v1/directory/search?zip=45229&page_size=50").json()
    assert not [r for r in adult["results"] if r["group"] == "children"]
    child = client.get("/api/v1/directory/search?zip=45229&patient=child&page_size=5").json()
    assert child["results"][0]["group"] == "children"
    assert child["results"][0]["for_only"] == "children"
    augusta = client.get("/api/v1/directory/search?zip=30912&page_size=50").json()
    va = [r for r in augusta["results"] if r.get("for_only") == "veterans"]
    assert va and va[0]["group"] == "veterans"
    national = client.get("/api/v1/directory/search?zip=59301&radius=any&page_size=5").json()
    assert national["national"] and national["results"][0]["group"] in (
        "nci_comprehensive",
        "pps_exempt",
    )
    schema = client.get("/openapi.json").json()
    params = {
        p["name"]: p for p in schema["paths"]["/api/v1/directory/search"]["get"]["parameters"]
    }
    assert {"patient", "veteran", "radius"} <= set(params)
    assert "any" in params["radius"]["description"]


def test_a_coverage_question_after_results_is_not_a_network_filter() -> None:
    from bot.directory.requests import filters_by_network

    assert filters_by_network("only the ones that take our cigna")
    assert not filters_by_network(
        "she has a wellcare medicare advantage plan. does her plan have to pay for a "
        "second opinion or is that only regular medicare"
    )
