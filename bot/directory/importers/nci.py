"""NCI-designated cancer centers, matched to hospital rows.

The NCI list names centers ("Robert H. Lurie Comprehensive Cancer Center
(Northwestern)"), not hospitals, and its cities are neighbourhoods at times
("manhattan"). A center is matched to the hospital within a few miles of it whose name
shares the most distinctive words with it. Many centers share no word with their
hospital's CMS name (Siteman Cancer Center is at Barnes-Jewish Hospital), so a reviewed
mapping file (`nci_center_hospitals.csv`: center, CCN, hospital name, and the public
basis for each line) settles those. Ties and misses are reported, never guessed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.directory.geo import Point, bounding_box, miles_between
from bot.directory.importers.report import ImportReport, progress
from bot.directory.models import CancerProgram, Hospital

SOURCE = "nci_designated_cancer_centers"
MATCH_RADIUS_MILES = 5.0
# A mapped hospital further than this from the center's listed position is reported,
# not used: it would mean the mapping or the position is wrong.
MAPPED_RADIUS_MILES = 25.0
GENERIC_WORDS = {
    "the", "of", "and", "at", "for", "in", "a", "s",
    "cancer", "center", "centre", "comprehensive", "clinical", "institute", "hospital",
    "hospitals", "medical", "health", "healthcare", "system", "research", "clinics",
    "clinic", "inc", "llc", "campus", "network", "regional", "memorial",
}  # fmt: skip
# Words that name the same institution in NCI's and CMS's spelling.
SAME_INSTITUTION = {"uab": "alabama", "penn": "pennsylvania", "washu": "washington"}


def distinctive_words(name: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", name.lower().replace("'", "")))
    words = {SAME_INSTITUTION.get(w, w) for w in words}
    return {w for w in words if w not in GENERIC_WORDS and len(w) > 1}


def _score(center_name: str, hospital_name: str) -> int:
    """Shared distinctive words; the parent institution NCI gives in brackets
    ("(Northwestern)") outweighs donor names shared by unrelated hospitals."""
    parent = " ".join(re.findall(r"\(([^)]*)\)", center_name))
    hospital_words = distinctive_words(hospital_name)
    return 10 * len(distinctive_words(parent) & hospital_words) + len(
        distinctive_words(center_name) & hospital_words
    )


def best_hospital(center: dict[str, str], candidates: list[Hospital]) -> Hospital | None:
    """The unique nearby hospital that best shares the center's distinctive words."""
    scored = sorted(
        ((_score(center["name"], h.name), h) for h in candidates), key=lambda pair: -pair[0]
    )
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def _mapped_ccns(path: Path | None) -> dict[str, str]:
    """Center name → CCN of its hospital, from the reviewed mapping file."""
    if path is None:
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["center"].strip(): row["ccn"].strip() for row in csv.DictReader(handle)}


def _mapped_hospital(
    session: Session, ccn: str | None, state: str, point: Point
) -> Hospital | None:
    if ccn is None:
        return None
    hospital = session.execute(select(Hospital).where(Hospital.ccn == ccn)).scalar_one_or_none()
    if hospital is None or hospital.state != state or hospital.latitude is None:
        return None
    if miles_between(point, Point(hospital.latitude, hospital.longitude)) > MAPPED_RADIUS_MILES:
        return None
    return hospital


def import_nci_centers(
    session: Session, path: Path, mapping_path: Path | None = None
) -> ImportReport:
    report = ImportReport(SOURCE)
    mapped = _mapped_ccns(mapping_path)
    for program in session.execute(select(CancerProgram)).scalars():
        program.nci_designation = None
        program.nci_center_name = None
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(progress(rows, SOURCE, len(rows)), start=2):
        report.rows_read += 1
        try:
            point = Point(float(row["lat"]), float(row["lon"]))
        except (KeyError, ValueError):
            report.reject(line, "missing or malformed coordinates")
            continue
        tier = (row.get("tier") or "").strip().title()
        if tier not in {"Comprehensive", "Clinical"}:
            report.reject(line, f"unknown tier {tier!r}")
            continue
        box = bounding_box(point, MATCH_RADIUS_MILES)
        nearby = [
            h
            for h in session.execute(
                select(Hospital).where(
                    Hospital.state == row["state"].strip().upper(),
                    box.contains(Hospital.latitude, Hospital.longitude),
                )
            ).scalars()
            if miles_between(point, Point(h.latitude, h.longitude)) <= MATCH_RADIUS_MILES
        ]
        state = row["state"].strip().upper()
        hospital = best_hospital(row, nearby) or _mapped_hospital(
            session, mapped.get(row["name"].strip()), state, point
        )
        if hospital is None:
            report.unmatched.append(f"{row['name']} ({row['city']}, {row['state']})")
            continue
        program = session.get(CancerProgram, hospital.id) or CancerProgram(
            hospital_id=hospital.id, pps_exempt=False, synthetic_fields=""
        )
        program.nci_designation = f"NCI {tier} Cancer Center"
        program.nci_center_name = row["name"].strip()
        session.add(program)
        report.updated += 1
    session.flush()
    return report
