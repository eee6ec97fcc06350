"""Builds the offline spaCy pipeline that Rasa's SpacyNLP loads by path.

Pretrained spaCy models cannot be downloaded here, so the pipeline is `spacy.blank("en")`
plus an entity ruler over our own vocabularies, written to disk by `make` before training.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from bot.infrastructure.paths import SPACY_MODEL_DIR
from bot.vocabulary.index import all_terms
from bot.vocabulary.places import us_states


def _token_patterns() -> list[dict[str, Any]]:
    """Patterns that phrases cannot express: ZIP codes and "City, ST" state codes."""
    patterns: list[dict[str, Any]] = [
        {"label": "zip_code", "pattern": [{"TEXT": {"REGEX": r"^\d{5}$"}}]},
    ]
    patterns += [
        {"label": "us_state", "id": code, "pattern": [{"ORTH": ","}, {"LOWER": code.lower()}]}
        for code in us_states()
    ]
    return patterns


def build_pipeline() -> Language:
    """A blank English pipeline whose entity ruler labels vocabulary phrases with their
    canonical id, matched case-insensitively (Rasa lower-cases text before spaCy sees it)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns: list[dict[str, Any]] = [
        {"label": term.entity, "pattern": phrase.lower(), "id": term.id}
        for term in all_terms()
        for phrase in term.phrases
    ]
    ruler.add_patterns(patterns + _token_patterns())  # type: ignore[attr-defined]
    return nlp


def write_pipeline(target: Path = SPACY_MODEL_DIR) -> Path:
    """Writes the pipeline atomically so a half-written model is never loaded."""
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    build_pipeline().to_disk(staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target
