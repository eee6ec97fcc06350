"""The dialogue data agrees with itself: domain, NLU data, rules, the journey file and
the topic catalogue. `rasa data validate` checks Rasa's own rules; these are ours."""

from __future__ import annotations

from typing import Any

import yaml

from bot.guidance.journey import STEP_INTENTS, STEPS
from bot.guidance.topics import catalogue
from bot.infrastructure.paths import DATA_DIR, DOMAIN_PATH
from tests.nlu_examples import NLU_FILES, examples_by_intent

TRAINING = [p for p in NLU_FILES if "data" in p.parts]
FORMS = ("profile_form", "directory_form")


def domain() -> dict[str, Any]:
    return yaml.safe_load(DOMAIN_PATH.read_text())


def rules() -> list[dict[str, Any]]:
    return yaml.safe_load((DATA_DIR / "stories" / "rules.yml").read_text())["rules"]


def _intents_of(step: dict[str, Any]) -> list[str]:
    if "intent" in step:
        return [step["intent"]]
    return [s["intent"] for s in step.get("or", []) if "intent" in s]


def test_domain_intents_and_training_intents_are_the_same() -> None:
    trained = {i.split("/")[0] for i in examples_by_intent(TRAINING)}
    assert set(domain()["intents"]) | {"faq"} == trained


def test_the_journey_file_defines_the_steps_and_their_intents() -> None:
    intents = set(domain()["intents"])
    assert STEPS and all(intent in intents for intent in STEP_INTENTS)
    stray = {i for i in intents if i.startswith("step_") and i != "step_done"} - set(STEP_INTENTS)
    assert not stray


def test_topics_and_their_training_data_match() -> None:
    trained = {i[4:] for i in examples_by_intent(TRAINING) if i.startswith("faq/")}
    assert trained == set(catalogue())


def test_every_intent_answered_outside_a_form_is_also_answered_inside_each_form() -> None:
    """A side question mid-form gets the same answer as outside, then the form resumes
    or ends; no intent can fall through a form unanswered."""
    outside: set[str] = set()
    inside: dict[str, set[str]] = {form: set() for form in FORMS}
    for rule in rules():
        loop = next(
            (c["active_loop"] for c in rule.get("condition", []) if "active_loop" in c), None
        )
        intents = [i for step in rule["steps"] for i in _intents_of(step)]
        (inside[loop] if loop in inside else outside).update(intents)
    starts = {"want_second_opinion", "find_care", "search_more", "affirm", "deny", "skip"}
    for form, answered in inside.items():
        missing = outside - answered - starts
        assert not missing, f"{form} does not answer {missing}"


def test_side_question_intents_are_never_taken_as_a_form_answer() -> None:
    not_an_answer = set(domain()["slots"]["cancer_type"]["mappings"][2]["not_intent"])
    side = {
        i
        for rule in rules()
        if any("active_loop" in c for c in rule.get("condition", []))
        for step in rule["steps"]
        for i in _intents_of(step)
    }
    assert side - {"inform", "nlu_fallback"} <= not_an_answer
