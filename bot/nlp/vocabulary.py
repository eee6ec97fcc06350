"""The entity vocabularies (canonical id + the phrases people use), read from content YAML.

One loader serves the spaCy pipeline builder, the NLU component, the dialogue services
and the directory, so a cancer type or an insurer has exactly one name everywhere.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.paths import DATA_DIR, PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "bot" / "content"
HOSPITALS_CSV = DATA_DIR / "directory" / "cms_hospital_general_information.csv"


@dataclass(frozen=True)
class Term:
    entity: str
    id: str
    label: str
    phrases: tuple[str, ...]


def _yaml(name: str) -> Any:
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def _terms(name: str, key: str, entity: str) -> tuple[Term, ...]:
    return tuple(
        Term(entity=entity, id=item["id"], label=item["label"], phrases=tuple(item["phrases"]))
        for item in _yaml(name)[key]
    )


@lru_cache(maxsize=1)
def cancer_types() -> tuple[Term, ...]:
    """Each type with its phrases, plus "cancer of the tongue" for every "tongue cancer":
    people write it both ways."""
    return tuple(
        Term(term.entity, term.id, term.label, term.phrases + _cancer_of_the(term.phrases))
        for term in _terms("cancer_types.yml", "cancer_types", "cancer_type")
    )


def _cancer_of_the(phrases: tuple[str, ...]) -> tuple[str, ...]:
    organs = [p.removesuffix(" cancer") for p in phrases if p.endswith(" cancer")]
    return tuple(
        f"cancer {joiner} {organ}"
        for organ in organs
        for joiner in ("of the", "in the", "of his", "of her", "of my", "in his", "in her", "in my")
        if f"cancer {joiner} {organ}" not in phrases
    )


def is_rare_cancer(cancer_type: str | None) -> bool:
    return cancer_type in _yaml("cancer_types.yml")["rare"]


@lru_cache(maxsize=1)
def insurance_kinds() -> tuple[Term, ...]:
    return _terms("insurance.yml", "insurance_kinds", "insurance_kind")


@lru_cache(maxsize=1)
def insurance_carriers() -> tuple[Term, ...]:
    return _terms("insurance.yml", "insurance_carriers", "insurance_carrier")


@lru_cache(maxsize=1)
def carrier_match_patterns() -> dict[str, str]:
    """Carrier id → regular expression matching its real issuer names."""
    return {item["id"]: item["match"] for item in _yaml("insurance.yml")["insurance_carriers"]}


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _plan_types() -> dict[str, dict[str, str]]:
    """Plan type id → its entry in insurance.yml (label, kind, topic)."""
    return {plan["id"]: plan for plan in _yaml("insurance.yml")["plan_types"]}


def plan_topics() -> dict[str, str]:
    """Plan type id → the topic that explains its rules."""
    return {plan_id: plan["topic"] for plan_id, plan in _plan_types().items()}


def plan_kinds() -> dict[str, str]:
    """Plan type id → the insurance kind it is."""
    return {plan_id: plan["kind"] for plan_id, plan in _plan_types().items()}


def plan_label(plan_id: str) -> str:
    plan = _plan_types().get(plan_id)
    return str(plan["label"]) if plan else plan_id


def record_items() -> tuple[Term, ...]:
    return _terms("records.yml", "records", "record_item")


@lru_cache(maxsize=1)
def languages() -> tuple[Term, ...]:
    return _terms("languages.yml", "languages", "language")


@lru_cache(maxsize=1)
def stages() -> tuple[Term, ...]:
    return _terms("stages.yml", "stages", "stage")


@lru_cache(maxsize=1)
def urgency() -> tuple[Term, ...]:
    return _terms("urgency.yml", "urgency", "urgency")


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """Two-letter code → name."""
    return dict(_yaml("us_states.yml")["us_states"])


def state_terms() -> tuple[Term, ...]:
    return tuple(
        Term(entity="us_state", id=code, label=name, phrases=(name.lower(),))
        for code, name in us_states().items()
    )


@lru_cache(maxsize=1)
def _hospital_towns() -> Counter[tuple[str, str]]:
    """(Town, ST) → number of hospitals, from the real CMS hospital list."""
    with HOSPITALS_CSV.open(encoding="utf-8") as handle:
        return Counter(
            (row["City/Town"].strip().title(), row["State"].strip())
            for row in csv.DictReader(handle)
        )


def hospital_town_states(city: str) -> list[str]:
    """States that hold a hospital town of this name, most hospitals first."""
    counts = sorted(
        ((n, state) for (town, state), n in _hospital_towns().items() if town == city),
        reverse=True,
    )
    return [state for _, state in counts]


def likely_state(city: str) -> str | None:
    """The state a bare city name almost surely means: the one holding at least three
    times as many of that town's hospitals as any other, which holds fewer than three
    (Houston → TX, Louisville → KY; Jackson, Rochester, Columbus, Springfield → None, so
    the person is asked which state)."""
    counts = sorted(
        ((n, state) for (town, state), n in _hospital_towns().items() if town == city),
        reverse=True,
    )
    if not counts:
        return None
    if len(counts) == 1 or (counts[1][0] < 3 and counts[0][0] >= 3 * counts[1][0]):
        return counts[0][1]
    return None


@lru_cache(maxsize=1)
def city_terms() -> tuple[Term, ...]:
    """Towns with enough hospitals to be worth recognising, minus ambiguous words."""
    config = _yaml("locations.yml")
    excluded = {name.lower() for name in config["not_cities"]}
    counts: Counter[str] = Counter()
    for (town, _state), n in _hospital_towns().items():
        counts[town] += n
    names = {
        city
        for city, count in counts.items()
        if count >= config["min_hospitals"] and city.lower() not in excluded
    }
    terms = [Term("city", city, city, (city.lower(),)) for city in sorted(names)]
    terms += [
        Term("city", city, city, tuple(phrases)) for city, phrases in config["extra_cities"].items()
    ]
    return tuple(terms)


def all_terms() -> tuple[Term, ...]:
    """Every vocabulary the entity ruler matches by phrase."""
    return (
        cancer_types()
        + insurance_kinds()
        + insurance_carriers()
        + record_items()
        + languages()
        + stages()
        + urgency()
        + state_terms()
        + city_terms()
    )


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], str] = {}
    for term in all_terms():
        labels.setdefault((term.entity, term.id), term.label)
    return labels


def label_of(entity: str, value: str) -> str:
    """The patient-facing label of a canonical value ("lung" → "lung cancer"). Called for
    every search result and plan line, so it looks up a table built once."""
    return _labels().get((entity, value), value)


def vocabulary_files() -> list[Path]:
    """Inputs that change the built spaCy model (and so the training fingerprint)."""
    return sorted(CONTENT_DIR.glob("*.yml")) + [HOSPITALS_CSV]
