"""Spanish words for the things people tell the bot: cancer types, insurance, places,
who the patient is and when treatment starts, read the same with or without accents,
and named back in Spanish. No model needed: these are the vocabularies and patterns
the NLU components apply."""

from __future__ import annotations

import pytest

from bot.content import speaking
from bot.directory.places import find_place
from bot.guidance import facts
from bot.vocabulary.index import all_terms, label_of
from bot.vocabulary.terms import cancer_types, fold, plan_label


def _matches(entity: str, text: str) -> set[str]:
    """Ids whose phrase is in the text as whole words (the entity ruler's rule)."""
    padded = f" {text.lower()} "
    return {
        term.id
        for term in all_terms()
        if term.entity == entity and any(f" {p} " in padded for p in term.phrases)
    }


@pytest.mark.parametrize(
    ("text", "cancer"),
    [
        ("a mi mamá le encontraron cáncer de pulmón", "lung"),
        ("a mi mama le encontraron cancer de pulmon", "lung"),
        ("tengo cancer de seno", "breast"),
        ("mi esposo tiene cáncer de colon", "colorectal"),
        ("le dijeron que es colangiocarcinoma", "bile_duct"),
        ("mi hijo tiene leucemia linfoblástica aguda", "leukemia"),
        ("cancer de cuello uterino etapa 2", "cervical"),
        ("tiene un tumor cerebral", "brain"),
    ],
)
def test_spanish_cancer_types_are_recognised_with_or_without_accents(
    text: str, cancer: str
) -> None:
    assert cancer in _matches("cancer_type", text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("no tengo seguro", "none"),
        ("no tenemos aseguranza", "none"),
        ("tengo seguro del trabajo", "private"),
        ("tiene medicare parte b", "medicare"),
        ("tengo plan vital", "medicaid"),
    ],
)
def test_spanish_insurance_words_are_recognised(text: str, kind: str) -> None:
    assert kind in _matches("insurance_kind", text)


def test_every_spanish_block_has_a_label_and_phrases_without_accents_too() -> None:
    for term in cancer_types():
        spanish = dict(term.labels).get("es")
        assert spanish, term.id
        for phrase in term.phrases:
            assert fold(phrase) in term.phrases, phrase


def test_labels_follow_the_conversation_language() -> None:
    assert label_of("cancer_type", "lung") == "lung cancer"
    assert plan_label("marketplace") == "a Marketplace plan"
    with speaking("es"):
        assert label_of("cancer_type", "lung") == "cáncer de pulmón"
        assert label_of("insurance_kind", "none") == "sin seguro"
        assert plan_label("marketplace") == "un plan del Mercado de Seguros"
        # A value with no Spanish label keeps its name (a brand).
        assert label_of("insurance_carrier", "aetna") == "Aetna"


@pytest.mark.parametrize(
    ("text", "relation", "label", "age"),
    [
        ("mi mamá tiene cáncer de pulmón", "parent", "su mamá", None),
        ("mi hijo de 8 años tiene leucemia", "child", "su hijo", 8),
        ("mi esposo tiene linfoma", "spouse", "su esposo", None),
        ("tengo cancer de mama", "self", None, None),
    ],
)
def test_who_the_patient_is_in_spanish(
    text: str, relation: str, label: str | None, age: int | None
) -> None:
    found = facts.patient(text)
    assert found is not None
    assert (found.relation, found.label, found.age) == (relation, label, age)


def test_a_relative_mentioned_in_passing_is_not_the_patient() -> None:
    assert facts.patient("mi hermana me dijo que le escribiera") is None


@pytest.mark.parametrize(
    ("text", "timing"),
    [
        ("a mi mamá la operan la próxima semana", "cirugía la próxima semana"),
        ("empiezo quimio el lunes", "quimio el lunes"),
        ("la quimio empieza en dos semanas", "quimio en dos semanas"),
    ],
)
def test_treatment_timing_in_spanish(text: str, timing: str) -> None:
    found = facts.treatment_timing(text)
    assert found is not None and found.text == timing


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("vivimos en Carolina del Norte", "NC"),
        ("busco un hospital cerca de San Juan, Puerto Rico", "PR"),
        ("estamos en nuevo mexico", "NM"),
        ("busco hospital en Houston", "TX"),
    ],
)
def test_spanish_place_names(text: str, state: str) -> None:
    place = find_place(text)
    assert place is not None and place.state == state
