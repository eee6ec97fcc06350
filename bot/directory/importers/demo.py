"""Demo data for what no public source says: network participation, virtual second
opinions, supportive services and languages. Opt-in (`navigator db import --demo-data`),
seeded so it is the same every time, and flagged on every row it touches
(`synthetic_fields`, `NetworkParticipation.synthetic`) so every reply built on it says
"demo data". Which insurers sell plans in which state is real (CMS issuer files); which
hospital takes which plan is not.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.directory.importers.report import ImportReport
from bot.directory.models import (
    CancerProgram,
    Hospital,
    NetworkParticipation,
    Provider,
    ProviderCancerType,
)
from bot.vocabulary.terms import carrier_match_patterns

SOURCE = "demo_data"
PROGRAM_FIELDS = (
    "virtual_second_opinion",
    "support_groups",
    "counseling",
    "social_worker_navigator",
    "complementary_therapies",
    "medicaid_application_help",
    "payment_plans",
    "charity_care",
)
PROVIDER_FIELDS = ("languages", "virtual_visits")


def carriers_by_state(issuers_csv: Path) -> dict[str, list[str]]:
    """Carrier ids with at least one marketplace issuer in each state (real data)."""
    patterns = carrier_match_patterns()
    found: dict[str, set[str]] = defaultdict(set)
    with issuers_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["issuer_name"].strip().lower()
            for carrier, pattern in patterns.items():
                if re.search(pattern, name):
                    found[row["state_code"].strip().upper()].add(carrier)
    return {state: sorted(ids) for state, ids in found.items()}


def _networks(rng: random.Random, carriers: list[str]) -> list[str]:
    return [c for c in carriers if rng.random() < 0.5]


def _flag(existing: str, fields: tuple[str, ...]) -> str:
    return ",".join(sorted(set(filter(None, existing.split(","))) | set(fields)))


def import_demo_data(session: Session, issuers_csv: Path) -> ImportReport:
    report = ImportReport(SOURCE)
    rng = random.Random(2026)
    in_state = carriers_by_state(issuers_csv)
    session.execute(delete(NetworkParticipation).where(NetworkParticipation.synthetic.is_(True)))
    cancer_hospitals = session.execute(
        select(Hospital, CancerProgram)
        .join(CancerProgram, CancerProgram.hospital_id == Hospital.id)
        .order_by(Hospital.ccn)
    ).all()
    for hospital, program in cancer_hospitals:
        report.rows_read += 1
        for field in PROGRAM_FIELDS:
            setattr(program, field, rng.random() < 0.7)
        program.synthetic_fields = _flag(program.synthetic_fields, PROGRAM_FIELDS)
        for carrier in _networks(rng, in_state.get(hospital.state or "", [])):
            session.add(
                NetworkParticipation(carrier_id=carrier, hospital_id=hospital.id, synthetic=True)
            )
        report.updated += 1
    oncologists = session.execute(
        select(Provider)
        .where(Provider.id.in_(select(ProviderCancerType.provider_id)))
        .order_by(Provider.npi)
    ).scalars()
    for provider in oncologists:
        report.rows_read += 1
        provider.languages = "English, Spanish" if rng.random() < 0.3 else "English"
        provider.virtual_visits = rng.random() < 0.5
        provider.synthetic_fields = _flag(provider.synthetic_fields, PROVIDER_FIELDS)
        for carrier in _networks(rng, in_state.get(provider.state or "", [])):
            session.add(
                NetworkParticipation(carrier_id=carrier, provider_id=provider.id, synthetic=True)
            )
        report.updated += 1
    session.flush()
    return report
