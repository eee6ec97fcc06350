"""Where people are: US states and the towns of the CMS hospital list.

Kept apart from the other vocabularies because it reads the CMS hospital file
(data/directory), not only content YAML: the towns people name, the state a bare city
name almost surely means, and the places people travel to for care.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache

from bot.infrastructure.paths import DATA_DIR
from bot.vocabulary.terms import Term, read_yaml, with_unaccented

HOSPITALS_CSV = DATA_DIR / "directory" / "cms_hospital_general_information.csv"


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """Two-letter code → name."""
    return dict(read_yaml("us_states.yml")["us_states"])


@lru_cache(maxsize=1)
def _state_names_es() -> dict[str, list[str]]:
    """Two-letter code → how Spanish speakers write the state, where it differs."""
    return dict(read_yaml("us_states.yml")["names_es"])


def _capitalised(name: str) -> str:
    """ "carolina del norte" → "Carolina del Norte", as a place name is written."""
    return " ".join(w if w in ("de", "del") else w[:1].upper() + w[1:] for w in name.split())


def state_terms() -> tuple[Term, ...]:
    spanish = _state_names_es()
    return tuple(
        Term(
            entity="us_state",
            id=code,
            label=name,
            phrases=with_unaccented([name.lower(), *spanish.get(code, [])]),
            labels=(("es", _capitalised(spanish[code][0])),) if code in spanish else (),
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
    config = read_yaml("locations.yml")
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
