"""Providers from the NPI Registry and CMS Doctors & Clinicians files, one row per NPI.

The files repeat an NPI for different reasons (NPPES: one row per taxonomy; CMS: one
row per practice address), so rows are grouped by NPI before anything is written. Each
file writes only the fields it carries: what it does not say (new patients, languages,
board certification, and for Maine the phone) stays NULL rather than guessed. Cancer
types rest on oncology specialties alone, each row naming the specialty it came from.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.directory.geo import normalise_zip, zip_point
from bot.directory.importers.report import ImportReport, progress
from bot.directory.models import (
    CancerType,
    Hospital,
    Provider,
    ProviderCancerType,
    ProviderHospital,
)
from bot.vocabulary.terms import cancer_types

NPPES_SOURCE = "nppes_registry"
CMS_SOURCE = "cms_doctors_clinicians"
MAINE_SOURCE = "cms_doctors_clinicians_maine"
CMS_SPECIALTY_COLUMNS = ("pri_spec", "sec_spec_1", "sec_spec_2", "sec_spec_3", "sec_spec_4")
CMS_AFFILIATION_COLUMNS = tuple(f"hosp_afl_{n}" for n in range(1, 6))
GYNECOLOGIC_CANCERS = ("ovarian", "uterine", "cervical")
BLOOD_CANCERS = ("leukemia", "lymphoma", "myeloma", "mds")

Row = dict[str, str]


@dataclass(frozen=True)
class Record:
    """One provider as a file describes it, merged over that NPI's rows."""

    npi: str
    fields: dict[str, object]
    specialties: tuple[str, ...]
    raw_zip: str | None
    hospital_ccns: tuple[str, ...] | None = None  # None: the file lists no affiliations


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in (_clean(value) for value in values) if v))


def _phone(value: str | None) -> str | None:
    digits = "".join(c for c in (value or "") if c.isdigit())
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else None


def _gender(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value if value in {"M", "F"} else None


def _place(
    address: str | None, city: str | None, state: str, raw_zip: str | None
) -> dict[str, object]:
    zip_code = normalise_zip(raw_zip)
    point = zip_point(zip_code) if zip_code else None
    return {
        "address": _clean(address),
        "city": _clean(city),
        "state": state.strip().upper(),
        "zip_code": zip_code,
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
    }


def _most_specific(taxonomy: str) -> str:
    """The part after the last comma: "Obstetrics & Gynecology, Gynecologic Oncology"
    -> "Gynecologic Oncology"."""
    return taxonomy.rsplit(",", 1)[-1].strip()


def _split_name(name: str | None) -> tuple[str | None, str | None]:
    """The last word is the last name: "MARY ANNE BOOTH" -> ("MARY ANNE", "BOOTH")."""
    first, _, last = (name or "").strip().rpartition(" ")
    return _clean(first), _clean(last)


def _nppes_record(npi: str, rows: list[Row]) -> Record:
    """The row flagged as the primary taxonomy speaks for the NPI; the others add
    specialties."""
    primary = [r for r in rows if (r.get("taxonomies_primary") or "").strip().upper() == "TRUE"]
    row = (primary or rows)[0]
    descriptions = _unique(r.get("taxonomies_desc") for r in [row, *rows])
    specialties = tuple(_most_specific(d) for d in descriptions)
    fields = {
        "first_name": _clean(row.get("basic_first_name")),
        "last_name": _clean(row.get("basic_last_name")),
        "gender": _gender(row.get("basic_gender")),
        "primary_specialty": specialties[0] if specialties else None,
        "specialties": "; ".join(descriptions) or None,
        "phone": _phone(row.get("addresses_telephone_number")),
        **_place(
            row.get("addresses_address_1"),
            row.get("addresses_city"),
            row["addresses_state"],
            row.get("addresses_postal_code"),
        ),
    }
    return Record(npi, fields, specialties, row.get("addresses_postal_code"))


def _affiliation_ccns(rows: list[Row]) -> tuple[str, ...]:
    """Affiliated hospitals' CCNs with the leading zeros spreadsheets dropped put back."""
    raw = _unique(r.get(column) for r in rows for column in CMS_AFFILIATION_COLUMNS)
    return _unique(ccn.zfill(6) for ccn in raw)


def _cms_record(npi: str, rows: list[Row]) -> Record:
    """The first row's address; specialties and hospital affiliations from every row."""
    row = rows[0]
    specialties = _unique(r.get(column) for r in rows for column in CMS_SPECIALTY_COLUMNS)
    fields = {
        "first_name": _clean(row.get("frst_nm")),
        "last_name": _clean(row.get("lst_nm")),
        "credential": _clean(row.get("Cred")),
        "gender": _gender(row.get("gndr")),
        "primary_specialty": _clean(row.get("pri_spec")),
        "specialties": "; ".join(specialties) or None,
        "phone": _phone(row.get("phn_numbr")),
        **_place(row.get("adr_ln_1"), row.get("cty"), row["st"], row.get("zip")),
    }
    return Record(npi, fields, specialties, row.get("zip"), _affiliation_ccns(rows))


def _maine_record(npi: str, rows: list[Row]) -> Record:
    row = rows[0]
    first_name, last_name = _split_name(row.get("Provider Name"))
    specialties = _unique(r.get("Primary Specialty") for r in rows)
    fields = {
        "first_name": first_name,
        "last_name": last_name,
        "primary_specialty": _clean(row.get("Primary Specialty")),
        "specialties": "; ".join(specialties) or None,
        **_place(row.get("Address"), row.get("City/Town"), row["State"], row.get("ZIP Code")),
    }
    return Record(npi, fields, specialties, row.get("ZIP Code"))


def specialty_rules() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Oncology specialties (as `_specialty_key` spells them) -> cancer types they treat."""
    every = tuple(term.id for term in cancer_types())
    solid = tuple(type_id for type_id in every if type_id not in BLOOD_CANCERS)
    rules = [
        (r"pediatric hematology (and )?oncology", ("pediatric",)),
        (r"gynecologic(al)? oncology", GYNECOLOGIC_CANCERS),
        (r"(medical|radiation) oncology|hematology (and )?oncology", every),
        (r"hematology", BLOOD_CANCERS),
        (r"surgical oncology", solid),
    ]
    return [(re.compile(pattern), type_ids) for pattern, type_ids in rules]


def _specialty_key(specialty: str) -> str:
    """Lower-case words only, "&" spelled "and": "HEMATOLOGY/ONCOLOGY" -> "hematology
    oncology", "Hematology & Oncology" -> "hematology and oncology"."""
    return " ".join(re.findall(r"[a-z]+", specialty.lower().replace("&", " and ")))


def cancer_types_treated(
    specialties: Iterable[str], rules: list[tuple[re.Pattern[str], tuple[str, ...]]]
) -> dict[str, str]:
    """Cancer type id -> the basis it rests on; the first specialty that names it wins."""
    treats: dict[str, str] = {}
    for specialty in specialties:
        key = _specialty_key(specialty)
        for pattern, type_ids in rules:
            if pattern.fullmatch(key):
                for type_id in type_ids:
                    treats.setdefault(type_id, f"specialty: {specialty}")
    return treats


def _problem(row: Row, npi_column: str, state_column: str) -> str | None:
    if not any((value or "").strip() for value in row.values()):
        return "empty row"
    if not re.fullmatch(r"[0-9]{10}", (row.get(npi_column) or "").strip()):
        return "missing or malformed NPI"
    state = (row.get(state_column) or "").strip()
    if len(state) != 2 or not state.isalpha():
        return "missing or malformed state"
    return None


def _read(path: Path) -> list[Row]:
    """Rows keyed by header names without the spaces some CMS exports put around them."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
        return list(reader)


def _group_valid_rows(
    rows: list[Row], report: ImportReport, npi_column: str, state_column: str
) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for line, row in enumerate(rows, start=2):
        report.rows_read += 1
        problem = _problem(row, npi_column, state_column)
        if problem:
            report.reject(line, problem)
            continue
        groups.setdefault(row[npi_column].strip(), []).append(row)
    return groups


def _upsert_providers(
    session: Session, records: list[Record], report: ImportReport
) -> tuple[dict[str, int], set[str], set[str]]:
    """Writes each record's fields (for a provider another source created, only the
    unknown ones); returns NPI -> provider id, the NPIs inserted or updated, and the NPIs
    this source owns."""
    existing = {p.npi: p for p in session.execute(select(Provider)).scalars()}
    changed: set[str] = set()
    for record in progress(records, report.source, len(records)):
        if record.fields["latitude"] is None:
            report.unmatched.append(
                f"NPI {record.npi}: ZIP {record.raw_zip!r} has no known location"
            )
        fields = {**record.fields, "source": report.source}
        provider = existing.get(record.npi)
        if provider is None:
            existing[record.npi] = Provider(npi=record.npi, synthetic_fields="", **fields)
            session.add(existing[record.npi])
            report.inserted += 1
            changed.add(record.npi)
        else:
            if provider.source != report.source:
                # The source that created the row owns it; another file only fills
                # what is still unknown, so re-running every import changes nothing.
                fields = {
                    k: v
                    for k, v in fields.items()
                    if getattr(provider, k) is None and v is not None
                }
            if any(getattr(provider, key) != value for key, value in fields.items()):
                for key, value in fields.items():
                    setattr(provider, key, value)
                changed.add(record.npi)
    session.flush()
    ids = {record.npi: existing[record.npi].id for record in records}
    owned = {r.npi for r in records if existing[r.npi].source == report.source}
    return ids, changed, owned


def _link_cancer_types(session: Session, records: list[Record], ids: dict[str, int]) -> set[str]:
    """Replaces each provider's cancer types (with its position) where they differ;
    returns the NPIs changed."""
    rules = specialty_rules()
    known = set(session.execute(select(CancerType.id)).scalars())
    have: dict[int, dict[str, tuple[object, ...]]] = {}
    for provider_id, type_id, basis, latitude, longitude in session.execute(
        select(
            ProviderCancerType.provider_id,
            ProviderCancerType.cancer_type_id,
            ProviderCancerType.basis,
            ProviderCancerType.latitude,
            ProviderCancerType.longitude,
        )
    ):
        have.setdefault(provider_id, {})[type_id] = (basis, latitude, longitude)
    changed: set[str] = set()
    for record in records:
        provider_id = ids[record.npi]
        position = (record.fields["latitude"], record.fields["longitude"])
        wanted = {
            k: (v, *position)
            for k, v in cancer_types_treated(record.specialties, rules).items()
            if k in known
        }
        if wanted == have.get(provider_id, {}):
            continue
        session.execute(
            delete(ProviderCancerType).where(ProviderCancerType.provider_id == provider_id)
        )
        session.add_all(
            ProviderCancerType(
                provider_id=provider_id,
                cancer_type_id=type_id,
                basis=basis,
                latitude=latitude,
                longitude=longitude,
            )
            for type_id, (basis, latitude, longitude) in wanted.items()
        )
        changed.add(record.npi)
    return changed


def _link_hospitals(
    session: Session, records: list[Record], ids: dict[str, int], report: ImportReport
) -> set[str]:
    """Replaces each provider's hospital affiliations where they differ; CCNs missing from
    the directory are reported, never linked. Returns the NPIs changed."""
    hospitals = dict(session.execute(select(Hospital.ccn, Hospital.id)).all())
    have: dict[int, set[int]] = {}
    for provider_id, hospital_id in session.execute(
        select(ProviderHospital.provider_id, ProviderHospital.hospital_id)
    ):
        have.setdefault(provider_id, set()).add(hospital_id)
    changed: set[str] = set()
    for record in records:
        if record.hospital_ccns is None:
            continue
        for ccn in record.hospital_ccns:
            if ccn not in hospitals:
                report.unmatched.append(f"NPI {record.npi}: hospital CCN {ccn} not in directory")
        provider_id = ids[record.npi]
        wanted = {hospitals[ccn] for ccn in record.hospital_ccns if ccn in hospitals}
        if wanted == have.get(provider_id, set()):
            continue
        session.execute(delete(ProviderHospital).where(ProviderHospital.provider_id == provider_id))
        session.add_all(
            ProviderHospital(provider_id=provider_id, hospital_id=hospital_id)
            for hospital_id in wanted
        )
        changed.add(record.npi)
    return changed


def _import(
    session: Session,
    path: Path,
    source: str,
    columns: tuple[str, str],
    build: Callable[[str, list[Row]], Record],
) -> ImportReport:
    """Inserts or updates one provider per NPI; re-running with the same file changes
    nothing. `columns` names the file's NPI and state columns."""
    report = ImportReport(source)
    groups = _group_valid_rows(_read(path), report, *columns)
    records = [build(npi, rows) for npi, rows in groups.items()]
    ids, changed, owned = _upsert_providers(session, records, report)
    changed |= _link_cancer_types(session, [r for r in records if r.npi in owned], ids)
    changed |= _link_hospitals(session, records, ids, report)
    report.updated = len(changed) - report.inserted
    session.flush()
    return report


def import_nppes(session: Session, path: Path) -> ImportReport:
    """NPI Registry API export: one row per taxonomy, ZIP+4 without a dash."""
    return _import(session, path, NPPES_SOURCE, ("npi", "addresses_state"), _nppes_record)


def import_cms_doctors_clinicians(session: Session, path: Path) -> ImportReport:
    """CMS Doctors & Clinicians national file: one row per NPI and practice address."""
    return _import(session, path, CMS_SOURCE, ("NPI", "st"), _cms_record)


def import_cms_maine(session: Session, path: Path) -> ImportReport:
    """The 7-column Maine subset of the CMS file: names in one column, no phone."""
    return _import(session, path, MAINE_SOURCE, ("NPI", "State"), _maine_record)
