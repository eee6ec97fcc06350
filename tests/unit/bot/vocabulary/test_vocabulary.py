"""The vocabularies behind the NLU name only real things, once each."""

from __future__ import annotations

import csv
import re

import pytest

from bot.infrastructure.paths import DATA_DIR
from bot.nlp.spacy_pipeline import build_pipeline
from bot.vocabulary.index import all_terms
from bot.vocabulary.places import likely_state
from bot.vocabulary.terms import carrier_match_patterns, insurance_carriers

ISSUERS = DATA_DIR / "directory" / "marketplace_insurers_hios.csv"


def test_every_carrier_matches_real_issuer_names() -> None:
    with ISSUERS.open(encoding="utf-8") as handle:
        names = {row["issuer_name"].lower() for row in csv.DictReader(handle)}
    for carrier, pattern in carrier_match_patterns().items():
        assert any(re.search(pattern, name) for name in names), carrier


def test_each_phrase_has_one_meaning() -> None:
    owners: dict[tuple[str, str], str] = {}
    for term in all_terms():
        for phrase in term.phrases:
            key = (term.entity, phrase.lower())
            assert owners.setdefault(key, term.id) == term.id, f"{phrase!r} is ambiguous"


def test_carrier_ids_are_unique() -> None:
    ids = [c.id for c in insurance_carriers()]
    assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return build_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we live in tampa, fl 33612", {("city", "Tampa"), ("us_state", "FL"), ("zip_code", "")}),
        ("im in houston texas", {("city", "Houston"), ("us_state", "TX")}),
        (
            "blue cross through my job",
            {("insurance_carrier", "bcbs"), ("insurance_kind", "private")},
        ),
        ("i have medi-cal", {("insurance_kind", "medicaid")}),
        (
            "got my ct scan disc and my med list",
            {("record_item", "imaging"), ("record_item", "medications")},
        ),
        ("stage IIIB", {("stage", "stage 3")}),
        ("my surgery is next week", {("urgency", "treatment_scheduled")}),
        ("my husband tyler is from orange county", set()),
    ],
)
def test_entities_are_found_and_normalised(nlp, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    found = {(e.label_, e.ent_id_) for e in nlp(text.lower()).ents}
    assert found == expected


def test_bare_city_resolves_only_when_unambiguous() -> None:
    assert likely_state("Houston") == "TX"
    assert likely_state("Springfield") is None
