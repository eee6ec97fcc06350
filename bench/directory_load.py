"""python -m bench.directory_load: directory search latency at national scale.

The shipped files hold a few thousand providers, where every query plan looks fast. A
national directory holds about a million clinicians, so this adds that many synthetic
providers around the real hospitals (a third of them oncologists, far more than the real
share, so cancer-type searches see more rows than they would) and times the searches
people make: hospitals and providers near big and small cities, by cancer type, radius,
specialty and page.

Prints one JSON line; progress goes to stderr. Environment: BENCH_PROVIDERS (1000000),
BENCH_DATABASE_URL (default: a throw-away SQLite file; on a database given here, the
synthetic providers of an earlier run are deleted first and this run's are left in).
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.engine import Row, make_url

from bot.directory.fit import Fit
from bot.directory.importers.providers import cancer_types_treated, specialty_rules
from bot.directory.models import Hospital, Provider, ProviderCancerType
from bot.directory.search import SearchQuery, search
from bot.directory.seed import import_all
from bot.infrastructure.db import engine_for, session_scope
from bot.infrastructure.migrate import upgrade

SOURCE = "synthetic_benchmark"
CHUNK = 20_000
JITTER_DEGREES = 0.15  # about 10 miles: a practice near its hospital
WARMUP = 20
SEARCHES = 500
# CMS spellings; the first six are oncology specialties the importer maps to cancer types.
SPECIALTIES = (
    "HEMATOLOGY/ONCOLOGY",
    "MEDICAL ONCOLOGY",
    "RADIATION ONCOLOGY",
    "GYNECOLOGICAL ONCOLOGY",
    "SURGICAL ONCOLOGY",
    "HEMATOLOGY",
    "INTERNAL MEDICINE",
    "FAMILY PRACTICE",
    "NURSE PRACTITIONER",
    "GENERAL SURGERY",
    "DIAGNOSTIC RADIOLOGY",
    "OBSTETRICS/GYNECOLOGY",
    "GASTROENTEROLOGY",
    "PULMONARY DISEASE",
    "UROLOGY",
    "DERMATOLOGY",
    "CARDIOVASCULAR DISEASE (CARDIOLOGY)",
)
FIRST_NAMES = {
    "F": ("MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH", "MARIA", "SUSAN", "AISHA"),
    "M": ("JAMES", "ROBERT", "JOHN", "MICHAEL", "DAVID", "WEI", "CARLOS", "RAJESH"),
}
LAST_NAMES = (
    "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
    "RODRIGUEZ", "MARTINEZ", "NGUYEN", "PATEL", "KIM", "CHEN", "OKAFOR", "COHEN",
)  # fmt: skip
# Big cities with cancer centers and small towns far from one.
ZIPS = ("10065", "60612", "77030", "02215", "98109", "33612", "04101", "59010", "85006", "30322")
CANCER_TYPES = ("ovarian", "lung", "lymphoma", "breast", "prostate", "leukemia")
SPECIALTY_FILTERS = ("oncology", "hematology", "gynecolog", "radiation")


def synthetic_provider(rng: random.Random, number: int, hospital: Row) -> dict[str, object]:
    gender = rng.choice("FM")
    specialty = rng.choice(SPECIALTIES)
    return {
        "npi": f"9{number:09d}",  # real NPIs start with 1 or 2
        "first_name": rng.choice(FIRST_NAMES[gender]),
        "last_name": rng.choice(LAST_NAMES),
        "credential": rng.choice(("MD", "DO")),
        "gender": gender,
        "primary_specialty": specialty,
        "specialties": specialty,
        "city": hospital.city,
        "state": hospital.state,
        "zip_code": hospital.zip_code,
        "latitude": hospital.latitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
        "longitude": hospital.longitude + rng.uniform(-JITTER_DEGREES, JITTER_DEGREES),
        "source": SOURCE,
        "synthetic_fields": "all",
    }


def add_synthetic_providers(url: str, count: int) -> None:
    """Core executemany in chunks, one transaction each; cancer types as the importer
    derives them from the specialty."""
    rng = random.Random(42)
    rules = specialty_rules()
    treats = {specialty: cancer_types_treated([specialty], rules) for specialty in SPECIALTIES}
    with engine_for(url).connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA synchronous=OFF")  # this connection only
        hospitals = connection.execute(
            select(
                Hospital.city,
                Hospital.state,
                Hospital.zip_code,
                Hospital.latitude,
                Hospital.longitude,
            ).where(Hospital.latitude.is_not(None))
        ).all()
        started = time.perf_counter()
        for first in range(0, count, CHUNK):
            numbers = range(first, min(first + CHUNK, count))
            rows = [synthetic_provider(rng, n, rng.choice(hospitals)) for n in numbers]
            connection.execute(insert(Provider), rows)
            npis = Provider.npi.between(rows[0]["npi"], rows[-1]["npi"])
            ids = dict(connection.execute(select(Provider.npi, Provider.id).where(npis)).all())
            links = [
                {
                    "provider_id": ids[row["npi"]],
                    "cancer_type_id": type_id,
                    "basis": basis,
                    "latitude": row["latitude"],
                    "longitude": row["longitude"],
                }
                for row in rows
                for type_id, basis in treats[str(row["primary_specialty"])].items()
            ]
            if links:
                connection.execute(insert(ProviderCancerType), links)
            connection.commit()
            elapsed = time.perf_counter() - started
            print(
                f"synthetic providers: {numbers.stop:,}/{count:,} ({elapsed:.0f} s)",
                file=sys.stderr,
            )


def build(url: str, providers: int) -> float:
    """Schema, the shipped files, the synthetic providers, statistics; returns seconds."""
    started = time.perf_counter()
    upgrade(url)
    # An earlier run's synthetic providers go first: the importers read every provider.
    with engine_for(url).begin() as connection:
        connection.execute(delete(Provider).where(Provider.source == SOURCE))
    print("importing the shipped directory files", file=sys.stderr)
    import_all(url)
    add_synthetic_providers(url, providers)
    print("ANALYZE", file=sys.stderr)
    with engine_for(url).begin() as connection:
        connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


# Who each hospital search is for comes from its own generator, so the rest of the
# query mix stays the one earlier runs measured.
FIT_RNG = random.Random(11)


def random_query(rng: random.Random) -> SearchQuery:
    zip_code = rng.choice(ZIPS)
    radius = rng.choice((10, 25, 50))
    if rng.random() < 0.5:
        # Adults and children, veterans, and one in ten the national list.
        return SearchQuery(
            zip_code=zip_code,
            radius_miles=radius,
            kind="hospitals",
            cancer_type=rng.choice((None, *CANCER_TYPES)),
            nci_only=rng.random() < 0.3,
            fit=Fit(
                patient=FIT_RNG.choice(("adult", "adult", "child")),
                veteran=FIT_RNG.random() < 0.1,
            ),
            national=FIT_RNG.random() < 0.1,
        )
    return SearchQuery(
        zip_code=zip_code,
        radius_miles=radius,
        kind="providers",
        cancer_type=rng.choice((None, *CANCER_TYPES, *CANCER_TYPES)),
        specialty=rng.choice((None, None, *SPECIALTY_FILTERS)),
        offset=rng.choice((0, 10)),
    )


def timed_searches(url: str, queries: Sequence[SearchQuery]) -> dict[str, list[float]]:
    """Seconds per search by kind, each in its own session as the bot runs them."""
    latencies: dict[str, list[float]] = {"hospitals": [], "providers": []}
    for query in queries:
        with session_scope(url) as session:
            started = time.perf_counter()
            search(session, query)
            latencies[query.kind].append(time.perf_counter() - started)
    return latencies


def percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
    }


def run(url: str, providers: int) -> dict[str, object]:
    build_s = build(url, providers)
    rng = random.Random(7)
    queries = [random_query(rng) for _ in range(WARMUP + SEARCHES)]
    print(f"{WARMUP} warm-up and {SEARCHES} timed searches", file=sys.stderr)
    timed_searches(url, queries[:WARMUP])
    by_kind = timed_searches(url, queries[WARMUP:])
    every = [seconds for kind in by_kind.values() for seconds in kind]
    with session_scope(url) as session:
        provider_count = session.execute(select(func.count(Provider.id))).scalar_one()
        hospital_count = session.execute(select(func.count(Hospital.id))).scalar_one()
    return {
        "bench": "directory",
        "providers": provider_count,
        "hospitals": hospital_count,
        "searches": len(every),
        **percentiles(every),
        "max_ms": round(max(every) * 1000, 1),
        "build_s": round(build_s, 1),
        "database": make_url(url).get_backend_name(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "by_kind": {kind: percentiles(seconds) for kind, seconds in by_kind.items()},
    }


def main() -> None:
    providers = int(os.environ.get("BENCH_PROVIDERS", "1000000"))
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        result = run(url, providers)
    else:
        with tempfile.TemporaryDirectory(prefix="navigator-bench-") as folder:
            result = run(f"sqlite:///{Path(folder) / 'directory.db'}", providers)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
