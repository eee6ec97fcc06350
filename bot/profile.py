"""What a person tells us about themselves, normalised for slots and the directory.

Answers arrive as entities (from the spaCy vocabulary) and as free text typed in reply
to a form question; both end up as one canonical value, or None when we cannot tell,
so the form can ask again instead of storing a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import zipcodes

from bot.nlp.vocabulary import cancer_types, label_of, languages, likely_state, us_states

UNKNOWN = "unknown"
# A skipped optional search question: no filter ("no preference").
ANY = "any"
_CANCER_WORDS = re.compile(r"cancer|tumou?r|carcinoma|oma\b|emia\b|neoplasm", re.IGNORECASE)
# "Tampa, FL": how people (and our own stored answers) write a city and state.
_CITY_STATE = re.compile(r"^([A-Za-z][A-Za-z .'-]+),\s*([A-Za-z]{2})$")
_WORK_WORDS = re.compile(
    r"\b(job|work|employer|company|union|spouse|husband|wife)\b", re.IGNORECASE
)


def entity_values(entities: Iterable[dict[str, Any]], name: str) -> list[str]:
    return [str(e["value"]) for e in entities if e.get("entity") == name and e.get("value")]


def cancer_type(text: str, entities: list[dict[str, Any]]) -> str | None:
    """A vocabulary id ("lung"), the person's own words for a type we don't list, or None."""
    found = entity_values(entities, "cancer_type")
    if found:
        return found[0]
    cleaned = text.strip()
    if cleaned in {t.id for t in cancer_types()}:
        return cleaned
    if _CANCER_WORDS.search(cleaned) and len(cleaned) <= 60:
        return cleaned.lower()
    return None


@dataclass(frozen=True)
class Insurance:
    kind: str
    carrier: str | None = None


def insurance(text: str, entities: list[dict[str, Any]]) -> Insurance | None:
    kinds = entity_values(entities, "insurance_kind")
    carriers = entity_values(entities, "insurance_carrier")
    carrier = carriers[0] if carriers else None
    if kinds:
        return Insurance(kinds[0], carrier)
    if carrier or _WORK_WORDS.search(text):
        # A named insurer or a job-based plan: the private-insurance guidance applies.
        return Insurance("private", carrier)
    return None


def language(text: str, entities: list[dict[str, Any]]) -> str | None:
    """A language id from the vocabulary, ANY for English (every doctor's default here),
    or None when the answer names no language we know."""
    found = entity_values(entities, "language")
    if found:
        return found[0]
    cleaned = text.strip().lower()
    if cleaned in {t.id for t in languages()}:
        return cleaned
    if re.fullmatch(r"(just |only |in )?english( (is|works|please|only))?( fine)?", cleaned):
        return ANY
    return None


@dataclass(frozen=True)
class Location:
    display: str
    zip_code: str | None = None
    city: str | None = None
    state: str | None = None


def _state_from_text(text: str) -> str | None:
    match = re.search(r"(?:,|\s)\s*([A-Za-z]{2})\s*$", text.strip())
    if match and match.group(1).upper() in us_states():
        return match.group(1).upper()
    return None


def location(text: str, entities: list[dict[str, Any]]) -> Location | None:
    """A real ZIP, a city we can place in one state, or a state; else None."""
    for candidate in entity_values(entities, "zip_code") + re.findall(r"\b\d{5}\b", text):
        found = zipcodes.matching(candidate)
        if found:
            place = found[0]
            return Location(
                f"{candidate} ({place['city']}, {place['state']})",
                zip_code=candidate,
                city=place["city"],
                state=place["state"],
            )
    states = entity_values(entities, "us_state") or [s for s in [_state_from_text(text)] if s]
    cities = entity_values(entities, "city")
    written = _CITY_STATE.match(text.strip())
    if not cities and written and written.group(2).upper() in us_states():
        cities, states = [written.group(1).strip().title()], [written.group(2).upper()]
    if cities:
        city = cities[0]
        state = states[0] if states else likely_state(city)
        if state and zipcodes.filter_by(city=city, state=state):
            return Location(f"{city}, {state}", city=city, state=state)
        return None
    if states:
        return Location(us_states()[states[0]], state=states[0])
    return None


def describe(slots: dict[str, Any]) -> list[str]:
    """Plain-language facts for "my plan" and acknowledgements, known values only."""
    facts = []
    if slots.get("cancer_type") not in (None, UNKNOWN):
        facts.append(label_of("cancer_type", slots["cancer_type"]))
    if slots.get("stage"):
        facts.append(slots["stage"])
    if slots.get("location") not in (None, UNKNOWN):
        facts.append(f"near {slots['location']}")
    if slots.get("insurance_carrier"):
        facts.append(label_of("insurance_carrier", slots["insurance_carrier"]))
    if slots.get("insurance_kind") not in (None, UNKNOWN):
        kind = slots["insurance_kind"]
        if not (kind == "private" and slots.get("insurance_carrier")):
            facts.append(label_of("insurance_kind", kind))
    if slots.get("urgency") == "treatment_scheduled":
        facts.append(label_of("urgency", "treatment_scheduled"))
    return facts
