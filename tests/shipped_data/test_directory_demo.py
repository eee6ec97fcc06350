"""Demo data fills only what no public source says, is flagged on every row it touches,
and every result resting on it says "demo data"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.directory.models import CancerProgram, NetworkParticipation, Provider
from bot.directory.search import SearchQuery, search
from bot.directory.seed import import_all
from bot.infrastructure.db import session_scope
from bot.infrastructure.migrate import upgrade


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    upgrade(url)
    import_all(url, demo_data=True)
    return url


def results(url: str, **kwargs: object) -> list:
    with session_scope(url) as session:
        return search(session, SearchQuery(**kwargs)).results  # type: ignore[arg-type]


def test_every_demo_row_is_flagged(demo_url: str) -> None:
    with session_scope(demo_url) as session:
        networks = session.execute(select(NetworkParticipation.synthetic)).scalars().all()
        assert networks and all(networks)
        programs = session.execute(
            select(CancerProgram).where(CancerProgram.virtual_second_opinion.is_not(None))
        ).scalars()
        assert all("virtual_second_opinion" in p.synthetic_fields for p in programs)
        unflagged = session.execute(
            select(func.count(Provider.id)).where(
                Provider.languages.is_not(None), Provider.synthetic_fields == ""
            )
        ).scalar()
        assert unflagged == 0


def test_real_facts_are_untouched(demo_url: str) -> None:
    first = results(demo_url, zip_code="10065", cancer_type="lymphoma")[0]
    assert "Memorial Sloan Kettering" in first.name and first.phone == "(212) 639-2000"
    assert not first.demo_data


def test_insurance_results_are_labelled_demo_data(demo_url: str) -> None:
    found = results(demo_url, zip_code="10065", insurance="unitedhealthcare", radius_miles=50)
    assert found
    assert all(
        r.demo_data and "in network: UnitedHealthcare (demo data)" in r.reasons for r in found
    )


def test_loaded_network_lists_filter_and_say_so(demo_url: str) -> None:
    query = SearchQuery(zip_code="10065", insurance="unitedhealthcare", radius_miles=50)
    with session_scope(demo_url) as session:
        found = search(session, query)
        everything = search(session, SearchQuery(zip_code="10065", radius_miles=50))
    assert found.not_applied == () and 0 < found.total < everything.total


def test_virtual_and_language_results_are_labelled_demo_data(demo_url: str) -> None:
    virtual = results(demo_url, zip_code="10065", virtual_second_opinion=True, radius_miles=50)
    assert virtual and all("virtual second opinions (demo data)" in r.reasons for r in virtual)
    spanish = results(
        demo_url, zip_code="19104", kind="providers", language="spanish", radius_miles=10
    )
    assert spanish and all("speaks Spanish (demo data)" in r.reasons for r in spanish)


def test_demo_data_is_reproducible(demo_url: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'again.db'}"
    upgrade(other)
    import_all(other, demo_data=True)
    query = {"zip_code": "10065", "insurance": "unitedhealthcare", "radius_miles": 50}
    assert [r.id for r in results(demo_url, **query)] == [r.id for r in results(other, **query)]
