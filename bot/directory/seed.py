"""Loads the shipped public data (data/directory, provenance in its SOURCES.md) in
dependency order, and writes one JSON import report per source."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.directory.importers.demo import import_demo_data
from bot.directory.importers.hospitals import import_hospitals, import_pps_exempt
from bot.directory.importers.nci import import_nci_centers
from bot.directory.importers.providers import (
    import_cms_doctors_clinicians,
    import_cms_maine,
    import_nppes,
)
from bot.directory.importers.report import ImportReport
from bot.directory.importers.vocabularies import import_cancer_types, import_carriers
from bot.directory.models import Hospital
from bot.infrastructure.db import session_scope
from bot.infrastructure.paths import DATA_DIR, VAR_DIR

DIRECTORY_DATA = DATA_DIR / "directory"
REPORT_DIR = VAR_DIR / "import-reports"


def import_all(
    database_url: str, data_dir: Path = DIRECTORY_DATA, demo_data: bool = False
) -> list[ImportReport]:
    """Every source, each in its own transaction so one bad file keeps the others (so
    this command-line edge takes a URL, not one session); `demo_data` adds the flagged
    demo values (importers/demo.py) last."""
    locations = data_dir / "hospital_locations.csv"
    steps = [
        lambda s: import_cancer_types(s),
        lambda s: import_carriers(s, data_dir / "marketplace_insurers_hios.csv"),
        lambda s: import_hospitals(
            s, data_dir / "cms_hospital_general_information.csv", locations=locations
        ),
        lambda s: import_pps_exempt(
            s, data_dir / "pps_exempt_cancer_hospitals.csv", locations=locations
        ),
        lambda s: import_nci_centers(
            s,
            data_dir / "nci_designated_cancer_centers.csv",
            data_dir / "nci_center_hospitals.csv",
        ),
        lambda s: import_nppes(s, data_dir / "nppes_registry_gynecologic_oncology.csv"),
        lambda s: import_cms_doctors_clinicians(
            s, data_dir / "cms_doctors_clinicians_national_sample.csv"
        ),
        lambda s: import_cms_maine(s, data_dir / "cms_doctors_clinicians_maine.csv"),
    ]
    if demo_data:
        steps.append(lambda s: import_demo_data(s, data_dir / "marketplace_insurers_hios.csv"))
    reports = []
    for step in steps:
        with session_scope(database_url, bounded=False) as session:
            reports.append(step(session))
    return reports


def is_seeded(session: Session) -> bool:
    """Whether the directory is loaded with the current data. A directory loaded before
    hospitals had campus positions (every `location_source` empty) counts as not
    loaded, so the next bootstrap re-imports it; importing again changes nothing else."""
    placed = select(func.count(Hospital.id)).where(Hospital.location_source.is_not(None))
    return bool(session.execute(placed).scalar())
