"""CMS Hospital General Information, and the 11 PPS-exempt cancer hospitals that CMS
lists separately in the same column names, each placed at its campus where known.

Campus positions matter: 135 hospitals, many of them large cancer centers, sit in PO-box
or single-building ZIP codes whose "centre" the ZIP tables put miles from the campus."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.directory.geo import Point, normalise_zip, zip_point
from bot.directory.importers.report import ImportReport, progress
from bot.directory.models import CancerProgram, Hospital

CMS_SOURCE = "cms_hospital_general_information"
# A low-confidence campus match can name another town's building; the ZIP centre is the
# safer guess when one exists.
TRUSTED_CONFIDENCE = ("high", "medium")
PPS_SOURCE = "cms_pps_exempt_cancer_hospitals"


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _rating(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and 1 <= int(value) <= 5 else None


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get((value or "").strip().lower())


def campus_locations(path: Path | None) -> dict[str, tuple[Point, str]]:
    """Campus position and its confidence by CCN (hospital_locations.csv)."""
    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["ccn"].strip().zfill(6): (
                Point(float(row["lat"]), float(row["lon"])),
                row["confidence"].strip(),
            )
            for row in csv.DictReader(handle)
            if row.get("lat") and row.get("lon")
        }


def _position(
    zip_code: str | None, campus: tuple[Point, str] | None
) -> tuple[Point | None, str | None]:
    centre = zip_point(zip_code) if zip_code else None
    if campus and (campus[1] in TRUSTED_CONFIDENCE or centre is None):
        return campus[0], "campus"
    return centre, "zip_centre" if centre else None


def _hospital_fields(row: dict[str, str], campus: tuple[Point, str] | None) -> dict[str, object]:
    zip_code = normalise_zip(row.get("ZIP Code"))
    point, location_source = _position(zip_code, campus)
    return {
        "name": row["Facility Name"].strip(),
        "address": _clean(row.get("Address")),
        "city": _clean(row.get("City/Town")),
        "state": (row.get("State") or "").strip().upper(),
        "zip_code": zip_code,
        "county": _clean(row.get("County/Parish")),
        "phone": _clean(row.get("Telephone Number")),
        "hospital_type": _clean(row.get("Hospital Type")),
        "ownership": _clean(row.get("Hospital Ownership")),
        "emergency_services": _yes_no(row.get("Emergency Services")),
        "star_rating": _rating(row.get("Hospital overall rating")),
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
        "location_source": location_source,
    }


def _problem(row: dict[str, str]) -> str | None:
    ccn = (row.get("Facility ID") or "").strip()
    if not ccn.isalnum() or not 1 <= len(ccn) <= 6:
        return "missing or malformed CCN (Facility ID)"
    if not (row.get("Facility Name") or "").strip():
        return "missing name"
    state = (row.get("State") or "").strip()
    if len(state) != 2 or not state.isalpha():
        return "missing or malformed state"
    return None


def import_hospitals(
    session: Session, path: Path, source: str = CMS_SOURCE, locations: Path | None = None
) -> ImportReport:
    """Inserts or updates one row per CCN; re-running with the same file changes nothing.
    `locations` is hospital_locations.csv; without it every hospital sits at its ZIP's
    centre."""
    report = ImportReport(source)
    campuses = campus_locations(locations)
    existing = {h.ccn: h for h in session.execute(select(Hospital)).scalars()}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(progress(rows, source, len(rows)), start=2):
        report.rows_read += 1
        problem = _problem(row)
        if problem:
            report.reject(line, problem)
            continue
        ccn = row["Facility ID"].strip().zfill(6)
        fields = _hospital_fields(row, campuses.get(ccn))
        placed = str(fields["location_source"] or "no_location")
        report.counts[f"located_{placed}"] = report.counts.get(f"located_{placed}", 0) + 1
        if fields["latitude"] is None:
            report.unmatched.append(f"{ccn}: ZIP {row.get('ZIP Code')!r} has no known location")
        hospital = existing.get(ccn)
        if hospital is None:
            hospital = Hospital(ccn=ccn, source=source, **fields)
            session.add(hospital)
            existing[ccn] = hospital
            report.inserted += 1
        elif any(getattr(hospital, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(hospital, key, value)
            report.updated += 1
        if source == PPS_SOURCE:
            session.flush()
            program = session.get(CancerProgram, hospital.id) or CancerProgram(
                hospital_id=hospital.id, synthetic_fields=""
            )
            program.pps_exempt = True
            session.add(program)
    session.flush()
    return report


def import_pps_exempt(session: Session, path: Path, locations: Path | None = None) -> ImportReport:
    return import_hospitals(session, path, source=PPS_SOURCE, locations=locations)
