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

from bot.content import current_locale, load, message
from bot.directory.places import city_in_state, find_place
from bot.vocabulary.index import label_of
from bot.vocabulary.places import likely_state
from bot.vocabulary.terms import cancer_types, fold, languages, plan_kinds

UNKNOWN = "unknown"
# A skipped optional search question: no filter ("no preference").
ANY = "any"
_CANCER_WORDS = re.compile(r"cancer|tumou?r|carcinoma|oma\b|emia\b|neoplasm", re.IGNORECASE)
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
    plans = entity_values(entities, "plan_type")
    if plans:
        return Insurance(plan_kinds()[plans[-1]], carrier)
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


def location(text: str, entities: list[dict[str, Any]], answering: bool = True) -> Location | None:
    """A real ZIP, a city we can place in one state, or a state; else None. `answering`:
    the text answers "where?" (a bare "springfield" counts), not a place said in
    passing."""
    scrubbed = _without_insurer_names(text)
    place = find_place(scrubbed, answering)
    if place is None:
        cities = entity_values(entities, "city")
        if scrubbed != text:
            cities = [c for c in cities if c.lower() in scrubbed.lower()]
        state = likely_state(cities[0]) if cities else None
        place = city_in_state(cities[0], state) if cities and state else None
    if place is None or not (place.searchable or place.kind == "state"):
        return None
    return Location(place.display, zip_code=place.zip_code, city=place.city, state=place.state)


def _without_insurer_names(text: str) -> str:
    """The text without insurers named after a town ("a supplement from Mutual of
    Omaha"), which say nothing about where the person is."""
    for name in load("locations.yml")["insurer_names_with_towns"]:
        text = re.sub(rf"\b{re.escape(name)}\b", " ", text, flags=re.IGNORECASE)
    return text


def own_cancer_words(cancer_type: str | None, words: str | None) -> str | None:
    """The person's own name for their cancer when our label would hide it
    ("neuroblastoma" for "childhood cancer", "inflammatory breast cancer" for "breast
    cancer"); None when the label already says all of it."""
    if not words or cancer_type in (None, UNKNOWN):
        return None
    label = _words(label_of("cancer_type", str(cancer_type)))
    said = _words(words)
    if not said & label:
        return words
    more = {w for w in said - label - _GENERIC_CANCER_WORDS if len(w) >= 4}
    return words if more else None


# Words that say nothing about which cancer it is.
_GENERIC_CANCER_WORDS = frozenset(
    {"cancer", "cancers", "carcinoma", "tumor", "tumour", "malignant"}
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", fold(text)))


def patient_label(label: str) -> str:
    """How a reply in the conversation's language names the patient: a Spanish reply
    says "su mamá" though the message said "mi mom" (people.yml `labels_<locale>`)."""
    return str(load("people.yml").get(f"labels_{current_locale()}", {}).get(label, label))


def describe(slots: dict[str, Any]) -> list[str]:
    """Plain-language facts for "my plan" and acknowledgements, known values only."""
    facts = []
    if slots.get("cancer_type") not in (None, UNKNOWN):
        label = label_of("cancer_type", slots["cancer_type"])
        words = slots.get("cancer_words")
        facts.append(f"{label} ({words})" if words else label)
    if slots.get("stage"):
        facts.append(label_of("stage", slots["stage"]))
    if slots.get("location") not in (None, UNKNOWN):
        facts.append(message("near_place", place=slots["location"]))
    if slots.get("insurance_carrier"):
        facts.append(label_of("insurance_carrier", slots["insurance_carrier"]))
    if slots.get("insurance_kind") not in (None, UNKNOWN):
        kind = slots["insurance_kind"]
        if not (kind == "private" and slots.get("insurance_carrier")):
            facts.append(label_of("insurance_kind", kind))
    if slots.get("urgency") == "treatment_scheduled":
        facts.append(label_of("urgency", "treatment_scheduled"))
    return facts
