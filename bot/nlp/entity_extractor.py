"""Rasa NLU component: turns the spaCy entity ruler's matches into normalized entities.

Rasa's own SpacyEntityExtractor re-parses the text and reports the surface text; this one
reuses the doc SpacyNLP already made and reports the canonical vocabulary id, so
"NSCLC" and "non small cell lung cancer" both fill `cancer_type` with `lung`.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.guidance.facts import not_held
from bot.nlp.stateless import StatelessComponent
from bot.vocabulary.terms import is_rare_cancer

# An insurer or kind of insurance the person says they do not have ("she's not on my
# Highmark anymore") is not theirs; other entities are named whatever is said of them.
NEGATABLE = frozenset({"insurance_kind", "insurance_carrier"})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class VocabularyEntityExtractor(StatelessComponent, EntityExtractorMixin):
    """Extracts vocabulary entities (cancer types, ...) from the SpacyNLP doc."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [SpacyNLP]

    @staticmethod
    def entities_in(message: Message) -> list[dict[str, Any]]:
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is None:
            return []
        text = doc.text
        return [
            {
                ENTITY_ATTRIBUTE_TYPE: ent.label_,
                ENTITY_ATTRIBUTE_VALUE: ent.ent_id_ or ent.text,
                ENTITY_ATTRIBUTE_START: ent.start_char,
                ENTITY_ATTRIBUTE_END: ent.end_char,
                "confidence_entity": 1.0,
            }
            for ent in doc.ents
            if not (ent.label_ in NEGATABLE and not_held(text, ent.start_char, ent.end_char))
        ]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = self.add_extractor_name(rare_type_first(self.entities_in(message)))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages


def rare_type_first(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A rare cancer named beside a common one is the one the person has: "Merkel cell
    carcinoma, a very rare skin cancer" is Merkel cell, not skin cancer. Otherwise all
    are kept, and the slot takes the last named ("I had breast cancer, now it's lung")."""
    types = [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] == "cancer_type"]
    if not any(is_rare_cancer(str(e[ENTITY_ATTRIBUTE_VALUE])) for e in types):
        return entities
    return [
        e
        for e in entities
        if e[ENTITY_ATTRIBUTE_TYPE] != "cancer_type"
        or is_rare_cancer(str(e[ENTITY_ATTRIBUTE_VALUE]))
    ]
