"""The topic answers as data: enough of them, short and plain, each with a source, a
journey page that goes deeper, and training and held-out phrasings that never overlap."""

from __future__ import annotations

import re

import pytest

from bot.content import load
from bot.guidance.journey import STEPS, step_pages
from bot.guidance.topics import catalogue
from bot.infrastructure.paths import PROJECT_ROOT
from bot.vocabulary.terms import plan_topics
from tests.nlu_examples import NLU_FILES, examples_by_intent
from tests.readability import flesch_kincaid_grade

MIN_TOPICS = 120
MAX_CHARS = 320
MAX_GRADE = 8.0
MIN_TRAINING = 10
MIN_HELDOUT = 5
TRAINING = [p for p in NLU_FILES if "data" in p.parts]
HELDOUT = sorted((PROJECT_ROOT / "tests" / "nlu" / "topics_heldout").glob("*.yml"))


def test_the_catalogue_is_large_enough() -> None:
    assert len(catalogue()) >= MIN_TOPICS


@pytest.mark.parametrize("topic_id", sorted(catalogue()))
def test_every_answer_variant_is_short_and_plain(topic_id: str) -> None:
    for text in catalogue()[topic_id].texts():
        assert len(text) <= MAX_CHARS, f"{len(text)} chars: {text}"
        assert flesch_kincaid_grade(text) <= MAX_GRADE, f"grade: {text}"


def test_every_topic_names_a_listed_source_and_a_real_page() -> None:
    listed = set(
        re.findall(
            r"^\| `([a-z0-9_]+)` \|",
            (PROJECT_ROOT / "docs" / "content-sources.md").read_text(),
            re.M,
        )
    )
    for topic in catalogue().values():
        assert topic.source in listed, f"{topic.id}: source {topic.source} not in docs"
        assert topic.step in STEPS, topic.id
        assert 0 <= topic.page < len(step_pages(topic.step)), topic.id
        assert len(topic.label) <= 30, topic.id
        assert topic.audience in (None, "medicare", "medicaid", "none", "child"), topic.id
        for kind, other in topic.see_for.items():
            assert kind in (
                *("medicare", "medicaid", "private", "none"),
                *("caregiver", "child", "adult"),
                *plan_topics(),
                *load("people.yml")["doctors"],
            )
            assert other in catalogue()


def test_every_topic_has_training_and_heldout_phrasings_that_do_not_overlap() -> None:
    training = examples_by_intent(TRAINING)
    heldout = examples_by_intent(HELDOUT)
    for topic_id in catalogue():
        intent = f"faq/{topic_id}"
        assert len(training.get(intent, [])) >= MIN_TRAINING, topic_id
        assert len(heldout.get(intent, [])) >= MIN_HELDOUT, topic_id
    trained = {t.lower() for texts in training.values() for t in texts}
    leaked = [t for texts in heldout.values() for t in texts if t.lower() in trained]
    assert not leaked, leaked


def test_training_data_names_only_catalogue_topics() -> None:
    topics = {f"faq/{t}" for t in catalogue()}
    named = {i for i in examples_by_intent(TRAINING) if i.startswith("faq/")}
    assert named <= topics, named - topics


def test_needed_words_are_a_valid_pattern_and_only_where_a_question_needs_them() -> None:
    """`needs` demotes a topic when a message lacks its words (bot/guidance/answers.py): a
    pattern that compiles, kept to the few questions that are about something specific."""
    with_needs = {t.id: t.needs for t in catalogue().values() if t.needs}
    assert set(with_needs) == {"medicaid_out_of_state", "medicare_and_medicaid"}
    pattern = re.compile(with_needs["medicaid_out_of_state"], re.IGNORECASE)
    assert pattern.search("would medicaid pay if we drive to houston")
    assert pattern.search("¿mi medicaid paga si vamos a otro estado?")
    assert not pattern.search("is there a way to get medicaid, im in mississippi")
    both = re.compile(with_needs["medicare_and_medicaid"], re.IGNORECASE)
    assert both.search("he has medicare and PA medical assistance both")
    assert both.search("its the united healthcare dual complete plan")
    assert not both.search("he also has medicare. can we use that instead of the VA")
    assert [t.id for t in catalogue().values() if t.needs_or_other_state] == [
        "medicaid_out_of_state"
    ]
