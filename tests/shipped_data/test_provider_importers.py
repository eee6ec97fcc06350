"""The provider importers load the shipped NPPES and CMS files as they are, reject what
cannot be a provider, and claim cancer types only where an oncology specialty says so."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.directory.importers.providers import (
    import_cms_doctors_clinicians,
    import_cms_maine,
    import_nppes,
)
from bot.directory.importers.report import ImportReport
from bot.directory.importers.vocabularies import import_cancer_types
from bot.directory.models import Hospital, Provider, ProviderCancerType, ProviderHospital
from bot.infrastructure.db import session_scope
from bot.infrastructure.migrate import upgrade
from bot.infrastructure.paths import DATA_DIR
from bot.vocabulary.terms import cancer_types

DIRECTORY = DATA_DIR / "directory"
NPPES_CSV = "nppes_registry_gynecologic_oncology.csv"
CMS_CSV = "cms_doctors_clinicians_national_sample.csv"
MAINE_CSV = "cms_doctors_clinicians_maine.csv"
Importer = Callable[[Session, Path], ImportReport]
EVERY_TYPE = {term.id for term in cancer_types()}
BLOOD = {"leukemia", "lymphoma", "myeloma", "mds"}
GYNECOLOGIC = {"ovarian", "uterine", "cervical"}


def _fresh_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'd.db'}"
    upgrade(url)
    with session_scope(url) as session:
        import_cancer_types(session)
    return url


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return _fresh_database(tmp_path)


@pytest.fixture(scope="module")
def shipped_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """All three shipped files, imported once in the order the seed would use."""
    url = _fresh_database(tmp_path_factory.mktemp("shipped"))
    for importer, name in (
        (import_nppes, NPPES_CSV),
        (import_cms_doctors_clinicians, CMS_CSV),
        (import_cms_maine, MAINE_CSV),
    ):
        with session_scope(url) as session:
            importer(session, DIRECTORY / name)
    return url


def _run(url: str, importer: Importer, path: Path) -> ImportReport:
    with session_scope(url) as session:
        return importer(session, path)


def _like_shipped(shipped: str, path: Path, rows: list[dict[str, str]]) -> Path:
    """A small CSV with a shipped file's exact header (leading spaces and all)."""
    with (DIRECTORY / shipped).open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([row.get(name.strip(), "") for name in header] for row in rows)
    return path


def _provider(session: Session, npi: str) -> Provider:
    return session.execute(select(Provider).where(Provider.npi == npi)).scalar_one()


def _treats(session: Session, npi: str) -> dict[str, str]:
    rows = session.execute(
        select(ProviderCancerType.cancer_type_id, ProviderCancerType.basis)
        .join(Provider, Provider.id == ProviderCancerType.provider_id)
        .where(Provider.npi == npi)
    )
    return dict(rows.all())


def _maine_row(npi: str, specialty: str = "FAMILY MEDICINE", state: str = "ME") -> dict[str, str]:
    return {
        "NPI": npi,
        "Provider Name": "ANN LEE",
        "Primary Specialty": specialty,
        "Address": "22 BRAMHALL ST",
        "City/Town": "PORTLAND",
        "State": state,
        "ZIP Code": "41023134",
    }


def _nppes_row(
    npi: str, taxonomy: str, primary: str = "TRUE", city: str = "BOSTON"
) -> dict[str, str]:
    return {
        "npi": npi,
        "basic_first_name": "ANN",
        "basic_last_name": "LEE",
        "basic_gender": "F",
        "taxonomies_desc": taxonomy,
        "taxonomies_primary": primary,
        "addresses_address_1": "450 BROOKLINE AVE",
        "addresses_city": city,
        "addresses_state": "MA",
        "addresses_postal_code": "022155450",
        "addresses_telephone_number": "617-632-3000",
    }


def _cms_row(npi: str, address: str, *ccns: str) -> dict[str, str]:
    row = {
        "NPI": npi,
        "lst_nm": "LEE",
        "frst_nm": "ANN",
        "pri_spec": "INTERNAL MEDICINE",
        "adr_ln_1": address,
        "cty": "MONTGOMERY",
        "st": "AL",
        "zip": "361163810",
    }
    row.update({f"hosp_afl_{n}": ccn for n, ccn in enumerate(ccns, start=1)})
    return row


@pytest.mark.parametrize(
    ("importer", "name", "rows_read", "providers", "rejected"),
    [
        (import_nppes, NPPES_CSV, 3152, 3152, 0),
        (import_cms_doctors_clinicians, CMS_CSV, 386, 371, 0),
        (import_cms_maine, MAINE_CSV, 6090, 3516, 2574),
    ],
)
def test_each_shipped_file_imports_one_provider_per_npi(
    database_url: str,
    importer: Importer,
    name: str,
    rows_read: int,
    providers: int,
    rejected: int,
) -> None:
    report = _run(database_url, importer, DIRECTORY / name)
    assert (report.rows_read, report.inserted, report.updated) == (rows_read, providers, 0)
    assert len(report.rejected) == rejected
    with session_scope(database_url) as session:
        assert session.execute(select(func.count(Provider.id))).scalar() == providers


def test_the_blank_rows_trailing_the_maine_file_are_rejected_as_empty(database_url: str) -> None:
    report = _run(database_url, import_cms_maine, DIRECTORY / MAINE_CSV)
    assert {r["reason"] for r in report.rejected} == {"empty row"}


@pytest.mark.parametrize(
    ("importer", "name"),
    [
        (import_nppes, NPPES_CSV),
        (import_cms_doctors_clinicians, CMS_CSV),
        (import_cms_maine, MAINE_CSV),
    ],
)
def test_reimport_changes_nothing(database_url: str, importer: Importer, name: str) -> None:
    first = _run(database_url, importer, DIRECTORY / name)
    second = _run(database_url, importer, DIRECTORY / name)
    assert (second.inserted, second.updated) == (0, 0)
    assert (second.rows_read, second.rejected) == (first.rows_read, first.rejected)


def test_rows_without_a_valid_npi_or_state_are_rejected_while_the_rest_import(
    database_url: str, tmp_path: Path
) -> None:
    rows = [
        _maine_row("1111111111"),
        _maine_row("12345"),
        _maine_row(""),
        _maine_row("1234567890", state=""),
        _maine_row("2222222222"),
    ]
    report = _run(
        database_url, import_cms_maine, _like_shipped(MAINE_CSV, tmp_path / "m.csv", rows)
    )
    assert report.rejected == [
        {"line": 3, "reason": "missing or malformed NPI"},
        {"line": 4, "reason": "missing or malformed NPI"},
        {"line": 5, "reason": "missing or malformed state"},
    ]
    assert (report.rows_read, report.inserted) == (5, 2)


def test_maine_zips_get_back_their_leading_zeros(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        bucksport = _provider(session, "1003012253")  # ZIP 4416 in the file
        portland = _provider(session, "1003005174")  # ZIP+4 41023134 in the file
        assert (bucksport.zip_code, portland.zip_code) == ("04416", "04102")
        assert bucksport.latitude is not None and portland.longitude is not None


def test_maine_names_split_on_the_last_space_and_phones_stay_null(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        provider = _provider(session, "1003005174")
        assert (provider.first_name, provider.last_name) == ("DAVID", "GILMAN")
        assert provider.phone is None
        assert provider.source == "cms_doctors_clinicians_maine"


def test_phones_are_formatted_only_from_ten_digits(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        assert _provider(session, "1023247335").phone == "(215) 662-3318"
        assert _provider(session, "1215903646").phone is None  # "2.12689E+12" in the file


def test_what_the_files_do_not_say_stays_null(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        claimed = session.execute(
            select(func.count(Provider.id)).where(
                or_(
                    Provider.accepting_new_patients.is_not(None),
                    Provider.virtual_visits.is_not(None),
                    Provider.board_certified.is_not(None),
                    Provider.languages.is_not(None),
                    Provider.synthetic_fields != "",
                )
            )
        ).scalar()
        assert claimed == 0


def test_nppes_specialty_is_the_most_specific_part_of_the_taxonomy(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        provider = _provider(session, "1023247335")
        assert provider.primary_specialty == "Gynecologic Oncology"
        assert provider.specialties == "Obstetrics & Gynecology, Gynecologic Oncology"
        assert provider.source == "nppes_registry"


def test_gynecologic_oncologists_treat_ovarian_uterine_and_cervical_cancer(
    shipped_url: str,
) -> None:
    with session_scope(shipped_url) as session:
        assert _treats(session, "1023247335") == {
            type_id: "specialty: Gynecologic Oncology" for type_id in GYNECOLOGIC
        }
        gyn_oncologists = session.execute(
            select(Provider.npi).where(Provider.primary_specialty.ilike("gynecologic% oncology"))
        ).scalars()
        for npi in gyn_oncologists:
            assert set(_treats(session, npi)) == GYNECOLOGIC, npi


def test_a_family_medicine_provider_treats_no_cancer_type(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        assert _provider(session, "1215925722").primary_specialty == "FAMILY MEDICINE"
        assert _treats(session, "1215925722") == {}


def test_only_oncology_or_hematology_specialties_earn_cancer_types(shipped_url: str) -> None:
    with session_scope(shipped_url) as session:
        specialties = session.execute(
            select(Provider.specialties)
            .join(ProviderCancerType, ProviderCancerType.provider_id == Provider.id)
            .distinct()
        ).scalars()
        for text in specialties:
            assert re.search(r"oncology|hematology", text, re.IGNORECASE), text


@pytest.mark.parametrize(
    ("specialty", "expected"),
    [
        ("HEMATOLOGY/ONCOLOGY", EVERY_TYPE),
        ("Hematology & Oncology", EVERY_TYPE),
        ("MEDICAL ONCOLOGY", EVERY_TYPE),
        ("RADIATION ONCOLOGY", EVERY_TYPE),
        ("HEMATOLOGY", BLOOD),
        ("SURGICAL ONCOLOGY", EVERY_TYPE - BLOOD),
        ("Pediatric Hematology-Oncology", {"pediatric"}),
        ("GYNECOLOGICAL ONCOLOGY", GYNECOLOGIC),
        ("FAMILY MEDICINE", set()),
    ],
)
def test_each_oncology_specialty_spelling_maps_to_its_cancer_types(
    database_url: str, tmp_path: Path, specialty: str, expected: set[str]
) -> None:
    path = _like_shipped(MAINE_CSV, tmp_path / "m.csv", [_maine_row("1111111111", specialty)])
    _run(database_url, import_cms_maine, path)
    with session_scope(database_url) as session:
        treats = _treats(session, "1111111111")
    assert set(treats) == expected
    assert set(treats.values()) <= {f"specialty: {specialty}"}


def test_several_taxonomy_rows_make_one_provider_from_the_primary_row(
    database_url: str, tmp_path: Path
) -> None:
    rows = [
        _nppes_row("1111111111", "Obstetrics & Gynecology, Maternal & Fetal Medicine", "FALSE"),
        _nppes_row("1111111111", "Obstetrics & Gynecology, Gynecologic Oncology", city="NEWTON"),
    ]
    report = _run(database_url, import_nppes, _like_shipped(NPPES_CSV, tmp_path / "n.csv", rows))
    assert (report.rows_read, report.inserted) == (2, 1)
    with session_scope(database_url) as session:
        provider = _provider(session, "1111111111")
        assert (provider.primary_specialty, provider.city) == ("Gynecologic Oncology", "NEWTON")
        assert set(_treats(session, "1111111111")) == GYNECOLOGIC


def test_a_name_that_looks_swapped_is_stored_as_given(database_url: str, tmp_path: Path) -> None:
    row = _nppes_row("1111111111", "Obstetrics & Gynecology, Gynecologic Oncology")
    row.update(basic_first_name="JOHNSON", basic_last_name="MARY")
    report = _run(database_url, import_nppes, _like_shipped(NPPES_CSV, tmp_path / "n.csv", [row]))
    assert (report.inserted, report.rejected) == (1, [])
    with session_scope(database_url) as session:
        provider = _provider(session, "1111111111")
        assert (provider.first_name, provider.last_name) == ("JOHNSON", "MARY")


def test_zero_padded_ccns_join_affiliations_from_every_row_of_an_npi(
    database_url: str, tmp_path: Path
) -> None:
    with session_scope(database_url) as session:
        session.add(Hospital(ccn="010001", name="Test Medical Center", state="AL", source="test"))
    rows = [
        _cms_row("1111111111", "301 S RIPLEY ST", "10001"),
        _cms_row("1111111111", "1 SECOND ADDRESS", "10001", "99999"),
    ]
    path = _like_shipped(CMS_CSV, tmp_path / "c.csv", rows)
    report = _run(database_url, import_cms_doctors_clinicians, path)
    assert report.inserted == 1
    assert report.unmatched == ["NPI 1111111111: hospital CCN 099999 not in directory"]
    with session_scope(database_url) as session:
        linked = session.execute(
            select(Hospital.ccn)
            .join(ProviderHospital, ProviderHospital.hospital_id == Hospital.id)
            .join(Provider, Provider.id == ProviderHospital.provider_id)
            .where(Provider.npi == "1111111111")
        ).scalars()
        assert list(linked) == ["010001"]
        assert _provider(session, "1111111111").address == "301 S RIPLEY ST"


def test_an_affiliation_with_an_unknown_ccn_is_reported_not_linked(
    database_url: str, tmp_path: Path
) -> None:
    path = _like_shipped(
        CMS_CSV, tmp_path / "c.csv", [_cms_row("1111111111", "1 MAIN ST", "10001")]
    )
    report = _run(database_url, import_cms_doctors_clinicians, path)
    assert report.unmatched == ["NPI 1111111111: hospital CCN 010001 not in directory"]
    with session_scope(database_url) as session:
        assert session.execute(select(func.count()).select_from(ProviderHospital)).scalar() == 0
