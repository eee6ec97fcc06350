"""Rasa NLU component: who the patient is, when treatment starts, the kind of plan they
have and a cancer named by its place in the body, as entities.

These facts are phrases, not vocabulary words ("my 6 year old son", "surgery next
month"), so `bot.guidance.facts` finds them with patterns; reporting them as entities lets plain
`from_entity` slot mappings keep them, on every turn and inside forms, without an extra
action call.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.guidance import facts
from bot.nlp.stateless import StatelessComponent

CANCER_TYPE = "cancer_type"
PATIENT = "patient"
PATIENT_LABEL = "patient_label"
PATIENT_AGE = "patient_age"
PATIENT_MINOR = "patient_minor"
TREATMENT_TIMING = "treatment_timing"
PLAN_TYPE = "plan_type"
URGENCY = "urgency"
TREATMENT_SCHEDULED = "treatment_scheduled"


def fact_entities(text: str) -> list[dict[str, Any]]:
    found: list[tuple[str, Any, tuple[int, int]]] = []
    person = facts.patient(text)
    if person is not None:
        found.append((PATIENT, person.relation, person.span))
        if person.label:
            found.append((PATIENT_LABEL, person.label, person.span))
        if person.age is not None:
            found.append((PATIENT_AGE, str(person.age), person.span))
        if person.minor is not None:
            found.append((PATIENT_MINOR, "yes" if person.minor else "no", person.span))
    else:
        aged = facts.stated_age(text)
        if aged is not None:
            age, span = aged
            found += [
                (PATIENT_AGE, str(age), span),
                (PATIENT_MINOR, "yes" if age < facts.ADULT_AGE else "no", span),
            ]
    plan = facts.plan_type(text)
    if plan is not None:
        found.append((PLAN_TYPE, plan.id, plan.span))
    timing = facts.treatment_timing(text)
    if timing is not None:
        found += [
            (TREATMENT_TIMING, timing.text, timing.span),
            (URGENCY, TREATMENT_SCHEDULED, timing.span),
        ]
    site = facts.cancer_site(text)
    if site is not None:
        found.append((CANCER_TYPE, *site))
    return [as_entity(name, value, span) for name, value, span in found]


def as_entity(name: str, value: Any, span: tuple[int, int]) -> dict[str, Any]:
    """A found fact in Rasa's entity format, certain (the patterns found it)."""
    return {
        ENTITY_ATTRIBUTE_TYPE: name,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: span[0],
        ENTITY_ATTRIBUTE_END: span[1],
        "confidence_entity": 1.0,
    }


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class FactEntityExtractor(StatelessComponent, EntityExtractorMixin):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            existing = message.get(ENTITIES, [])
            known = {e[ENTITY_ATTRIBUTE_TYPE] for e in existing}
            new = [e for e in fact_entities(text) if e[ENTITY_ATTRIBUTE_TYPE] not in known]
            message.set(ENTITIES, existing + self.add_extractor_name(new), add_to_output=True)
        return messages
