"""Every vocabulary together: what the entity ruler matches, the label of any value,
and the files they are read from (which the training fingerprint covers)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.content import current_locale
from bot.vocabulary.places import HOSPITALS_CSV, city_terms, state_terms
from bot.vocabulary.terms import (
    CONTENT_DIR,
    Term,
    cancer_types,
    insurance_carriers,
    insurance_kinds,
    languages,
    record_items,
    stages,
    urgency,
)


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
