"""The spaCy vocabulary pipeline on its own, and inside the trained Rasa model."""

from __future__ import annotations

import asyncio

import pytest

from bot.nlp.spacy_pipeline import build_pipeline
from bot.runtime.engine import DialogueEngine


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return build_pipeline()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my dad has NSCLC", ["lung"]),
        ("Stage 2 non-small cell lung cancer", ["lung"]),
        ("she was told it's DCIS", ["breast"]),
        ("CLL and also myeloma", ["leukemia", "myeloma"]),
        ("i have hodgkin's", ["lymphoma"]),
        ("that's all for now", []),
        ("thanks, that is all", []),
    ],
)
def test_vocabulary_phrases_map_to_canonical_ids(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text.lower())
    assert [ent.ent_id_ for ent in doc.ents if ent.label_ == "cancer_type"] == expected


def test_trained_model_extracts_normalized_cancer_type(engine: DialogueEngine) -> None:
    parsed = asyncio.run(engine.parse("hi, my mom has NSCLC"))
    cancer = [e for e in parsed["entities"] if e["entity"] == "cancer_type"]
    assert cancer and cancer[0]["value"] == "lung"
    assert cancer[0]["extractor"] == "VocabularyEntityExtractor"
