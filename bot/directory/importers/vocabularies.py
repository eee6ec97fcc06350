"""Cancer types and insurance carriers: the NLU vocabularies, loaded as directory tables
so search filters and the chat share one set of ids."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from sqlalchemy.orm import Session

from bot.directory.importers.report import ImportReport
from bot.directory.models import CancerType, InsuranceCarrier
from bot.vocabulary.terms import cancer_types, carrier_match_patterns, insurance_carriers


def import_cancer_types(session: Session) -> ImportReport:
    report = ImportReport("cancer_types")
    for term in cancer_types():
        report.rows_read += 1
        row = session.get(CancerType, term.id)
        if row is None:
            session.add(CancerType(id=term.id, label=term.label))
            report.inserted += 1
        elif row.label != term.label:
            row.label = term.label
            report.updated += 1
    session.flush()
    return report


def import_carriers(session: Session, issuers_csv: Path) -> ImportReport:
    """Each carrier with the number of real marketplace issuer names it covers."""
    report = ImportReport("marketplace_insurers_hios")
    with issuers_csv.open(encoding="utf-8", newline="") as handle:
        names = {row["issuer_name"].strip().lower() for row in csv.DictReader(handle)}
    report.rows_read = len(names)
    patterns = carrier_match_patterns()
    for term in insurance_carriers():
        count = sum(1 for name in names if re.search(patterns[term.id], name))
        if count == 0:
            report.unmatched.append(f"{term.id}: no issuer name matches")
            continue
        row = session.get(InsuranceCarrier, term.id)
        if row is None:
            session.add(InsuranceCarrier(id=term.id, name=term.label, issuer_names=count))
            report.inserted += 1
        elif (row.name, row.issuer_names) != (term.label, count):
            row.name, row.issuer_names = term.label, count
            report.updated += 1
    session.flush()
    return report
