"""The entity vocabularies (canonical id + the phrases people use), read from content YAML.

One loader serves the spaCy pipeline builder, the NLU component, the dialogue services
and the directory, so a cancer type or an insurer has exactly one name everywhere.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.content import DEFAULT_LOCALE, current_locale, locales
from bot.paths import DATA_DIR, PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "bot" / "content"
HOSPITALS_CSV = DATA_DIR / "directory" / "cms_hospital_general_information.csv"


@dataclass(frozen=True)
class Term:
    entity: str
    id: str
    label: str
    phrases: tuple[str, ...]
    # The label in other languages, as (locale, label) pairs; `label` is English.
    labels: tuple[tuple[str, str], ...] = ()

    def label_in(self, locale: str) -> str:
        return dict(self.labels).get(locale, self.label)


def _yaml(name: str) -> Any:
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case without accents ("Está" → "esta", "cáncer de pulmón" → "cancer de
    pulmon"): people often type Spanish without accents, and patterns and the phrase
    matcher compare letters exactly."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _with_unaccented(phrases: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for phrase in phrases for p in (phrase, fold(phrase))))


def _other_languages(item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(loc, item[loc]) for loc in locales() if loc != DEFAULT_LOCALE and loc in item]


def phrases_of(item: dict[str, Any]) -> tuple[str, ...]:
    """A vocabulary entry's phrases in every language (`es: {phrases}` blocks), each
    also without its accents. Every language's phrases are matched in every message: a
    Spanish phrase does not occur in English text, and a conversation may switch
    language."""
    other = [p for _, block in _other_languages(item) for p in block.get("phrases", [])]
    return _with_unaccented(list(item["phrases"]) + other)


def _term(item: dict[str, Any], entity: str) -> Term:
    """One vocabulary entry: its phrases in every language, its English label and each
    other language's label."""
    return Term(
        entity=entity,
        id=item["id"],
        label=item["label"],
        phrases=phrases_of(item),
        labels=tuple((loc, block["label"]) for loc, block in _other_languages(item)),
    )


def _terms(name: str, key: str, entity: str) -> tuple[Term, ...]:
    return tuple(_term(item, entity) for item in _yaml(name)[key])


@lru_cache(maxsize=1)
def cancer_types() -> tuple[Term, ...]:
    """Each type with its phrases, plus "cancer of the tongue" for every "tongue cancer":
    people write it both ways."""
    return tuple(
        Term(
            term.entity,
            term.id,
            term.label,
            term.phrases + _cancer_of_the(term.phrases),
            term.labels,
        )
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


@lru_cache(maxsize=1)
def cancer_sites() -> tuple[dict[str, str], dict[str, str]]:
    """Body-part words and operations, folded, each with the cancer type it names:
    (sites, operations). A site names a type only beside a cancer word (bot.facts)."""
    data = _yaml("cancer_types.yml")

    def words(key: str) -> dict[str, str]:
        return {fold(word): type_id for type_id, found in data[key].items() for word in found}

    return words("sites"), words("operations")


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
def _plan_types() -> dict[str, dict[str, Any]]:
    """Plan type id → its entry in insurance.yml (label, kind, topic)."""
    return {plan["id"]: plan for plan in _yaml("insurance.yml")["plan_types"]}


def plan_topics() -> dict[str, str]:
    """Plan type id → the topic that explains its rules."""
    return {plan_id: plan["topic"] for plan_id, plan in _plan_types().items()}


def plan_kinds() -> dict[str, str]:
    """Plan type id → the insurance kind it is."""
    return {plan_id: plan["kind"] for plan_id, plan in _plan_types().items()}


def network_plans() -> frozenset[str]:
    """Plan type ids that are kinds of network (HMO, PPO, EPO/POS), not programs."""
    return frozenset(plan_id for plan_id, plan in _plan_types().items() if plan.get("network"))


def plan_label(plan_id: str) -> str:
    """How a plan type is named back, in the conversation's language."""
    plan = _plan_types().get(plan_id)
    if not plan:
        return plan_id
    return str(plan.get(current_locale(), plan)["label"])


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


@lru_cache(maxsize=1)
def _state_names_es() -> dict[str, list[str]]:
    """Two-letter code → how Spanish speakers write the state, where it differs."""
    return dict(_yaml("us_states.yml")["names_es"])


def state_terms() -> tuple[Term, ...]:
    spanish = _state_names_es()
    return tuple(
        Term(
            entity="us_state",
            id=code,
            label=name,
            phrases=_with_unaccented([name.lower(), *spanish.get(code, [])]),
        )
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


# A town with this many hospitals is a place people travel to for care.
MEDICAL_CITY_HOSPITALS = 5


@lru_cache(maxsize=1)
def medical_cities() -> dict[str, str]:
    """lower-case town → state, for towns with many hospitals whose state is clear
    (Houston, Memphis, Saint Louis; not Jackson or Columbus): the places named as
    where someone might go for care."""
    towns: dict[str, str] = {}
    for (town, _), count in _hospital_towns().items():
        if count >= MEDICAL_CITY_HOSPITALS:
            state = likely_state(town)
            if state:
                towns[town.lower()] = state
    return towns


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
def _terms_by_value() -> dict[tuple[str, str], Term]:
    found: dict[tuple[str, str], Term] = {}
    for term in all_terms():
        found.setdefault((term.entity, term.id), term)
    return found


def label_of(entity: str, value: str, locale: str | None = None) -> str:
    """The patient-facing label of a canonical value ("lung" → "lung cancer", or
    "cáncer de pulmón" in a Spanish conversation). Called for every search result and
    plan line, so it looks up a table built once."""
    term = _terms_by_value().get((entity, value))
    return term.label_in(locale or current_locale()) if term else value


def vocabulary_files() -> list[Path]:
    """Inputs that change the built spaCy model (and so the training fingerprint)."""
    return sorted(CONTENT_DIR.glob("*.yml")) + [HOSPITALS_CSV]
