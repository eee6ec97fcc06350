"""The directory on SQLite and PostgreSQL: importers on the shipped public files, every
search filter, the ranking, empty results, and hostile input through the API."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from bot.directory.importers.hospitals import import_hospitals
from bot.directory.models import CancerProgram, Hospital, InsuranceCarrier
from bot.directory.search import LocationNotFound, SearchQuery, search
from bot.directory.seed import DIRECTORY_DATA, import_all
from bot.infrastructure.db import engine_for, session_scope
from bot.infrastructure.migrate import upgrade
from tests.conftest import TEST_DATABASE_URL


def _reset_postgres() -> None:
    with engine_for(TEST_DATABASE_URL).begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def directory_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('directory') / 'directory.db'}"
    else:
        _reset_postgres()
        url = TEST_DATABASE_URL
    upgrade(url)
    import_all(url)
    yield url
    if request.param == "postgresql":
        engine_for(url).dispose()
        _reset_postgres()


def run(url: str, **kwargs: object) -> list:
    with session_scope(url) as session:
        return search(session, SearchQuery(**kwargs)).results  # type: ignore[arg-type]


def test_shipped_hospitals_are_all_imported(directory_url: str) -> None:
    with session_scope(directory_url) as session:
        assert session.execute(select(func.count(Hospital.id))).scalar() == 5396 + 11
        pps = session.execute(
            select(func.count()).where(CancerProgram.pps_exempt.is_(True))
        ).scalar()
        assert pps == 11
        assert session.execute(select(func.count(InsuranceCarrier.id))).scalar() >= 20


def test_reimport_changes_nothing(directory_url: str) -> None:
    reports = import_all(directory_url)
    assert all(r.inserted == 0 for r in reports)
    assert all(r.updated == 0 for r in reports if r.source != "nci_designated_cancer_centers")


def test_nci_centers_are_matched_and_the_rest_reported(directory_url: str) -> None:
    nci = next(r for r in import_all(directory_url) if r.source == "nci_designated_cancer_centers")
    assert nci.rows_read == 68 and nci.updated + len(nci.unmatched) == 68
    assert nci.updated == 64
    assert "University of Hawai'i Cancer Center (urban honolulu, HI)" in nci.unmatched
    with session_scope(directory_url) as session:
        designations = dict(
            session.execute(
                select(Hospital.ccn, CancerProgram.nci_center_name)
                .join(Hospital, Hospital.id == CancerProgram.hospital_id)
                .where(Hospital.ccn.in_(["140281", "260032", "210009"]))
            ).all()
        )
    assert designations == {
        "140281": "Robert H. Lurie Comprehensive Cancer Center (Northwestern)",  # by name
        "260032": "Siteman Cancer Center (WashU)",  # Barnes-Jewish, from the mapping
        "210009": "Sidney Kimmel Comprehensive Cancer Center (Johns Hopkins)",
    }


def test_every_mapped_nci_center_names_a_real_hospital_and_center() -> None:
    with (DIRECTORY_DATA / "nci_center_hospitals.csv").open(encoding="utf-8") as handle:
        mapping = list(csv.DictReader(handle))
    with (DIRECTORY_DATA / "nci_designated_cancer_centers.csv").open(encoding="utf-8") as handle:
        centers = {row["name"] for row in csv.DictReader(handle)}
    with (DIRECTORY_DATA / "cms_hospital_general_information.csv").open(encoding="utf-8-sig") as h:
        hospitals = {row["Facility ID"]: row["Facility Name"] for row in csv.DictReader(h)}
    assert mapping
    for row in mapping:
        assert row["center"] in centers
        assert hospitals.get(row["ccn"]) == row["hospital"]
        assert row["basis"].strip()


def test_a_mapping_to_a_far_away_hospital_is_reported_not_used(
    directory_url: str, tmp_path: Path
) -> None:
    from bot.directory.importers.nci import import_nci_centers

    wrong = tmp_path / "mapping.csv"
    wrong.write_text(
        "center,ccn,hospital,basis\n"
        "Siteman Cancer Center (WashU),260001,SOMEWHERE ELSE IN MISSOURI,test\n",
        encoding="utf-8",
    )
    with session_scope(directory_url) as session:
        report = import_nci_centers(
            session, DIRECTORY_DATA / "nci_designated_cancer_centers.csv", wrong
        )
        session.rollback()
    assert "Siteman Cancer Center (WashU) (st. louis, MO)" in report.unmatched


def test_lymphoma_near_10065_puts_memorial_sloan_kettering_first(directory_url: str) -> None:
    results = run(directory_url, zip_code="10065", cancer_type="lymphoma")
    assert "Memorial Sloan Kettering" in results[0].name
    assert results[0].phone == "(212) 639-2000"
    assert "PPS-exempt cancer hospital" in results[0].reasons


def test_lung_cancer_near_60612_lists_chicago_hospitals_with_phones(directory_url: str) -> None:
    results = run(directory_url, zip_code="60612", cancer_type="lung")
    assert [r.city for r in results] == ["Chicago"] * len(results) and len(results) == 5
    assert all(r.phone for r in results)
    assert results[0].reasons[0] == "NCI Comprehensive Cancer Center"
    unknown = [r for r in results if "NCI Comprehensive Cancer Center" not in r.reasons]
    assert all("lung cancer care: not known — ask them" in r.reasons for r in unknown)


def test_designated_cancer_centers_come_first(directory_url: str) -> None:
    """The full order (general, then small and specialty, then VA) is in
    test_directory_fit.py."""
    results = run(directory_url, zip_code="60612", radius_miles=15, limit=50)
    designated = [r for r in results if any("NCI" in x or "PPS" in x for x in r.reasons)]
    assert designated and results[: len(designated)] == designated
    assert all(r.distance_miles <= 15 for r in results)


def test_gynecologic_oncologists_near_19104_for_ovarian_cancer(directory_url: str) -> None:
    results = run(
        directory_url, zip_code="19104", kind="providers", cancer_type="ovarian", radius_miles=5
    )
    assert len(results) == 5 and all(r.kind == "providers" for r in results)
    assert all("Gynecologic Oncology" in r.reasons[0] for r in results)
    assert all(r.phone for r in results)


def test_providers_filter_by_specialty(directory_url: str) -> None:
    results = run(
        directory_url, zip_code="04101", kind="providers", specialty="family", radius_miles=10
    )
    assert results and all("family" in r.reasons[0].lower() for r in results)


def test_city_and_state_work_like_a_zip(directory_url: str) -> None:
    results = run(directory_url, city="Houston", state="TX", nci_only=True)
    assert any("Anderson" in r.name for r in results)


@pytest.mark.parametrize(
    ("flag", "reason"),
    [("nci_only", "NCI"), ("pps_exempt_only", "PPS-exempt cancer hospital")],
)
def test_designation_filters(directory_url: str, flag: str, reason: str) -> None:
    results = run(directory_url, zip_code="10065", radius_miles=50, limit=50, **{flag: True})
    assert results and all(any(reason in x for x in r.reasons) for r in results)


def test_unknown_attributes_filter_to_nothing_rather_than_guess(directory_url: str) -> None:
    # No source loaded CoC accreditation or virtual second opinions yet: asking for
    # them finds nothing instead of pretending.
    assert run(directory_url, zip_code="10065", coc_only=True) == []
    assert run(directory_url, zip_code="10065", virtual_second_opinion=True) == []


@pytest.mark.parametrize(
    ("kind", "preference"),
    [
        ("hospitals", {"insurance": "aetna"}),
        ("providers", {"insurance": "aetna"}),
        ("providers", {"language": "spanish"}),
        ("hospitals", {"language": "spanish"}),
    ],
)
def test_preferences_without_data_are_reported_not_applied(
    directory_url: str, kind: str, preference: dict[str, str]
) -> None:
    # No public source lists networks or languages: the places stand unfiltered, the
    # page says which preference is not known, and nothing claims a match.
    plain = SearchQuery(zip_code="19104", kind=kind, cancer_type="ovarian")  # type: ignore[arg-type]
    with session_scope(directory_url) as session:
        unfiltered = search(session, plain)
        asked = search(session, replace(plain, **preference))
    assert asked.not_applied == tuple(preference)
    assert [r.id for r in asked.results] == [r.id for r in unfiltered.results] != []
    assert not any("in network" in x or "speaks" in x for r in asked.results for x in r.reasons)


def test_paging_does_not_repeat_or_skip(directory_url: str) -> None:
    first = run(directory_url, zip_code="10065", limit=5, offset=0)
    second = run(directory_url, zip_code="10065", limit=5, offset=5)
    both = run(directory_url, zip_code="10065", limit=10, offset=0)
    assert [r.id for r in first + second] == [r.id for r in both]


def test_empty_results_for_a_remote_place(directory_url: str) -> None:
    assert run(directory_url, zip_code="59010", radius_miles=1) == []  # rural Montana


def test_unknown_place_is_an_error(directory_url: str) -> None:
    with pytest.raises(LocationNotFound):
        run(directory_url, zip_code="00000")


def test_malformed_hospital_rows_are_rejected_with_reasons(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bad.db'}"
    upgrade(url)
    source = DIRECTORY_DATA / "cms_hospital_general_information.csv"
    with source.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [next(reader) for _ in range(3)]
        fields = reader.fieldnames
    rows[0]["Facility ID"] = "BAD-ID!"
    rows[1]["State"] = ""
    bad = tmp_path / "hospitals.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)  # type: ignore[arg-type]
        writer.writeheader()
        writer.writerows(rows)
    with session_scope(url) as session:
        report = import_hospitals(session, bad)
    assert (report.rows_read, report.inserted, len(report.rejected)) == (3, 1, 2)
    assert {r["reason"] for r in report.rejected} == {
        "missing or malformed CCN (Facility ID)",
        "missing or malformed state",
    }


@pytest.mark.parametrize(
    "query",
    [
        "zip=1234",
        "zip=10065&radius=0",
        "zip=10065&radius=10000",
        "zip=10065&cancer_type=banana",
        "zip=10065&insurance=acme",
        "zip=10065&kind=clinics",
        "zip=10065&page=0",
        "zip=10065&page_size=500",
        "city=%3Cscript%3E&state=IL",
        "city=Chicago",
        "city=Chicago&state=Illinois",
        "zip=10065%27%20OR%201%3D1--",
        "specialty=%25%27%3B%20DROP%20TABLE%20hospitals&zip=10065",
        "",
    ],
)
def test_hostile_or_invalid_parameters_are_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/v1/directory/search?{query}")
    assert response.status_code == 422, response.text
    assert response.json()["message"]


@pytest.mark.parametrize("query", ["zip=99999", "city=Nowhere&state=ZZ", "city=Gotham&state=FL"])
def test_unknown_place_is_404(client: TestClient, query: str) -> None:
    response = client.get(f"/api/v1/directory/search?{query}")
    assert response.status_code == 404
    assert "no such ZIP code or city and state" in response.json()["message"]


def test_search_api_returns_ranked_json(client: TestClient) -> None:
    body = client.get("/api/v1/directory/search?zip=10065&cancer_type=lymphoma").json()
    assert "Memorial Sloan Kettering" in body["results"][0]["name"]
    assert body["total"] >= 10 and body["page"] == 1 and len(body["results"]) == 10
    page_two = client.get("/api/v1/directory/search?zip=10065&cancer_type=lymphoma&page=2").json()
    assert {r["id"] for r in page_two["results"]}.isdisjoint({r["id"] for r in body["results"]})
    assert body["not_applied"] == []


def test_search_api_says_which_filters_have_no_data(client: TestClient) -> None:
    body = client.get("/api/v1/directory/search?zip=10065&insurance=aetna&language=spanish").json()
    assert body["not_applied"] == ["insurance", "language"] and body["total"] > 0


def test_names_read_as_people_say_them(directory_url: str) -> None:
    names = [r.name for r in run(directory_url, zip_code="21205", radius_miles=3, limit=10)]
    assert "The Johns Hopkins Hospital" in names
    assert all(not n.lower().endswith(", the") for n in names)


def test_a_state_alone_lists_that_states_designated_cancer_centers(directory_url: str) -> None:
    """ "Hospitals in North Carolina" from someone with no town yet: the state's
    NCI-designated centers and cancer hospitals, none from another state."""
    results = run(directory_url, state="NC", national=True, in_state_only=True, limit=10)
    assert results and all(r.state == "NC" for r in results)
    assert all(any("NCI" in x or "PPS" in x for x in r.reasons) for r in results)
    assert any("Duke" in r.name for r in results)


def test_a_state_alone_lists_its_cancer_centers_then_asks_which_town(directory_url: str) -> None:
    """ "q hospitales hay en carolina del norte?" with no town known: North Carolina's
    cancer centers, in Spanish, then which town (to find the ones near them)."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.directory import ValidateDirectoryForm
    from api.main import build_context
    from bot.content import speaking, texts
    from bot.infrastructure.config import Settings
    from bot.runtime.context import using
    from tests.unit.actions.tracker import tracker_for

    said = "q hospitales hay en carolina del norte?"
    tracker = tracker_for(said, "find_care", active_loop="directory_form")
    dispatcher = CollectingDispatcher()
    settings = Settings(database_url=directory_url)
    with speaking("es"), using(build_context(settings)):
        found = asyncio.run(
            ValidateDirectoryForm().validate_location(said, dispatcher, tracker, {})
        )
        intro = texts("directory.yml")["intro_state"].format(
            state="Carolina del Norte", for_type=""
        )
        asked = texts("messages.yml")["location_state_only"].format(state="Carolina del Norte")
    sent = [m["text"] for m in dispatcher.messages]
    cards = [
        m["custom"]["card"] for m in dispatcher.messages if (m.get("custom") or {}).get("card")
    ]
    assert found == {"location": None}
    assert sent[0] == intro and sent[-1] == asked
    assert cards and all(card["state"] == "NC" for card in cards)
