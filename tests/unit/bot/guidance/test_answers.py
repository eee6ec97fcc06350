"""Deciding what to say (bot/guidance/answers.py) from a hand-written reading of a message, with
no model: comparisons answer both sides, and a topic's needed words weigh in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.guidance import answers
from bot.guidance.topics import catalogue
from bot.nlp.topics_output import Question, TopicScore


def _turn(text: str, ranking: list[tuple[str, float]]) -> answers.Turn:
    return answers.Turn(
        intent="faq",
        text=text,
        questions=[],
        topic_ranking=[TopicScore(topic, share, share) for topic, share in ranking],
        intent_ranking=[{"name": "faq", "confidence": 0.99}],
        slots={},
    )


def _one_question(
    text: str, ranking: list[tuple[str, float]], piece: list[tuple[str, float]]
) -> answers.Turn:
    """A message whose one question piece was read as `piece` (best first)."""
    alternatives = tuple(TopicScore(topic, share, share) for topic, share in piece)
    question = Question(piece[0][0], piece[0][1], alternatives)
    return replace(_turn(text, ranking), questions=[question])


def _answered(turn: answers.Turn) -> list[str]:
    _, topics = answers.respond(turn)
    return topics


def test_a_comparison_answers_both_things_compared() -> None:
    turn = _turn(
        "whats the difference between an NCI designated center and a commission on cancer hospital",
        [
            ("nci_designated_center", 0.93),
            ("commission_on_cancer", 0.05),
            ("nci_center_types", 0.01),
        ],
    )
    assert _answered(turn) == ["nci_designated_center", "commission_on_cancer"]


def test_a_comparison_does_not_pull_in_a_topic_it_does_not_name() -> None:
    turn = _turn(
        "whats the difference between an NCI designated center and a regular one",
        [
            ("nci_designated_center", 0.93),
            ("commission_on_cancer", 0.05),
            ("nci_center_types", 0.01),
        ],
    )
    assert _answered(turn) == ["nci_designated_center"]


def test_medicaid_in_another_state_needs_another_state() -> None:
    ranking = [("medicaid_out_of_state", 0.42), ("medicaid_apply", 0.16), ("medicaid_rides", 0.09)]
    assert "medicaid_out_of_state" in catalogue()
    staying = _turn("is there a way to get medicaid, im in mississippi", ranking)
    assert _answered(staying)[:1] == ["medicaid_apply"]
    going = _turn("would medicaid pay if we drive to houston for it", ranking)
    assert _answered(going)[:1] == ["medicaid_out_of_state"]


def test_a_comparison_asked_as_one_question_among_statements_answers_both() -> None:
    """A confident question piece is answered at once: its comparison too."""
    turn = _one_question(
        "Retired engineer, 72. What is the actual difference between an NCI-designated"
        " cancer center and a hospital accredited by the Commission on Cancer?",
        [("commission_on_cancer", 0.55), ("nci_designated_center", 0.26)],
        [
            ("commission_on_cancer", 0.67),
            ("nci_designated_center", 0.23),
            ("nci_center_types", 0.01),
        ],
    )
    assert _answered(turn) == ["commission_on_cancer", "nci_designated_center"]


def test_a_place_in_another_state_makes_medicaid_out_of_state_likelier() -> None:
    ranking = [("medicaid_rides", 0.30), ("medicaid_out_of_state", 0.20), ("medicaid_apply", 0.1)]
    turn = replace(
        _turn("we have soonercare. would they pay for memphis, thats in tennessee", ranking),
        slots={"us_state": "OK", "insurance_kind": "medicaid"},
    )
    assert _answered(turn)[:1] == ["medicaid_out_of_state"]


def test_naming_ones_insurance_tells_whether_it_pays_for_a_second_opinion() -> None:
    said = answers.Turn(
        intent="inform",
        text="i have medi-cal, partnership health plan",
        questions=[],
        topic_ranking=[],
        intent_ranking=[{"name": "inform", "confidence": 0.9}],
        slots={"insurance_kind": "medicaid"},
        new_facts={"insurance_kind": "medicaid"},
    )
    assert _answered(said) == ["medicaid_second_opinion"]
    both = replace(
        said,
        text="I have medicare and mississippi medicaid together, the dual complete plan",
        slots={"insurance_kind": "medicare"},
        new_facts={"insurance_kind": "medicare"},
    )
    assert _answered(both) == ["medicare_and_medicaid"]


def test_a_clear_topic_of_the_whole_message_is_answered_beside_its_one_question() -> None:
    turn = _one_question(
        "my grandma is 84. she has medicare and medicaid both. can she get a second opinion"
        " and what would it cost her",
        [("medicare_and_medicaid", 0.40), ("why_second_opinion", 0.07)],
        [("why_second_opinion", 0.53), ("second_opinion_cost", 0.29)],
    )
    assert _answered(turn) == ["why_second_opinion", "medicare_and_medicaid"]


def test_a_need_said_in_passing_brings_its_answer_beside_the_question() -> None:
    turn = _turn(
        "what do we tell the doctor? she doesn't speak much english",
        [("what_to_say_to_doctor", 0.8)],
    )
    assert _answered(turn) == ["what_to_say_to_doctor", "visit_interpreter"]
    spanish = _turn(
        "y que le decimos? ella no habla mucho ingles", [("what_to_say_to_doctor", 0.8)]
    )
    assert "visit_interpreter" in _answered(spanish)


def test_a_need_answered_in_the_last_reply_is_not_offered_again() -> None:
    turn = replace(
        _turn(
            "ok. he's hard of hearing, so what else should we bring", [("visit_what_to_bring", 0.8)]
        ),
        last_topics=("visit_accessibility",),
    )
    assert "visit_accessibility" not in _answered(turn)


def test_whether_it_is_covered_gets_the_answer_for_the_insurance_known() -> None:
    """ "Would that pay for another dr?" from someone on CHIP is Medicaid's answer, not a
    travel answer; from someone insured through work, not the Marketplace's."""
    chip = replace(
        _turn("he has CHIP thru texas. would that pay for another dr to see him", []),
        intent="inform",
        topic_ranking=[TopicScore("travel_worth_it", 0.5, 0.5)],
        questions=[Question("travel_worth_it", 0.5, (TopicScore("travel_worth_it", 0.5, 0.5),))],
        slots={"insurance_kind": "medicaid"},
        new_facts={"insurance_kind": "medicaid"},
    )
    assert _answered(chip)[0] == "medicaid_second_opinion"
    work = replace(
        _turn("i have united healthcare thru my job do they cover it", []),
        questions=[Question("marketplace_plan", 0.6, (TopicScore("marketplace_plan", 0.6, 0.6),))],
        topic_ranking=[TopicScore("marketplace_plan", 0.6, 0.6)],
        slots={"insurance_kind": "private"},
    )
    assert _answered(work) == ["insurance_covers_second_opinion"]


def test_a_plan_named_with_a_coverage_question_brings_its_rules() -> None:
    said = replace(
        _turn("his insurance is blue cross, the blue advantage hmo. is that a problem", []),
        questions=[
            Question(
                "insurance_covers_second_opinion",
                0.6,
                (TopicScore("insurance_covers_second_opinion", 0.6, 0.6),),
            )
        ],
        topic_ranking=[TopicScore("insurance_covers_second_opinion", 0.6, 0.6)],
        slots={"insurance_kind": "private", "plan_type": "hmo"},
        new_facts={"plan_type": "hmo"},
    )
    assert "hmo_rules" in _answered(said)


def test_asking_what_several_terms_mean_answers_each_in_the_order_named() -> None:
    """The classifier read only one of the three terms; each gets its own answer."""
    turn = _turn(
        "I keep seeing hospitals advertise 'NCI designated' and 'Commission on Cancer' and "
        "one even says 'PPS-exempt'. What do these mean for me picking where to go?",
        [("pps_exempt_hospital", 0.6), ("nci_designated_center", 0.3)],
    )
    assert _answered(turn) == [
        "nci_designated_center",
        "commission_on_cancer",
        "pps_exempt_hospital",
    ]
    spanish = _turn(
        "y lo del copay, el deducible y el out of pocket max, me lo explicas?",
        [("out_of_pocket_max", 0.9)],
    )
    assert _answered(spanish) == ["cost_terms", "out_of_pocket_max"]


def test_a_question_beside_the_terms_is_answered_after_them() -> None:
    text = (
        "what do NCI designated and Commission on Cancer mean? and do i need a referral "
        "with Medicare?"
    )
    terms = Question("nci_designated_center", 0.8, (TopicScore("nci_designated_center", 0.8, 0.8),))
    referral = Question(
        "medicare_any_doctor",
        0.7,
        (TopicScore("medicare_any_doctor", 0.7, 0.7), TopicScore("need_referral", 0.2, 0.2)),
    )
    turn = replace(_turn(text, [("nci_designated_center", 0.6)]), questions=[terms, referral])
    assert _answered(turn) == [
        "nci_designated_center",
        "commission_on_cancer",
        "need_referral",
    ]
    unsure = replace(turn, questions=[terms, replace(referral, confidence=0.2)])
    assert _answered(unsure) == ["nci_designated_center", "commission_on_cancer"]


def test_terms_named_without_asking_what_they_mean_are_left_to_the_classifier() -> None:
    assert (
        answers.terms_explained("is the hospital in network, and does my HMO need a referral") == []
    )


def test_a_topics_signal_words_settle_it_among_close_neighbours() -> None:
    """ "Blocks" is the tissue-blocks question, though the classifier read slides first."""
    turn = _one_question(
        "the pittsburgh office says their pathologist wants the 'blocks' from my surgery, "
        "not just slides. what are those",
        [("records_pathology_vs_slides", 0.3), ("records_tissue_blocks", 0.2)],
        [("records_pathology_vs_slides", 0.3), ("records_tissue_blocks", 0.2)],
    )
    assert _answered(turn)[0] == "records_tissue_blocks"
    plain = _one_question(
        "what is the difference between the report and the slides",
        [("records_pathology_vs_slides", 0.3), ("records_tissue_blocks", 0.2)],
        [("records_pathology_vs_slides", 0.3), ("records_tissue_blocks", 0.2)],
    )
    assert _answered(plain)[0] == "records_pathology_vs_slides"


@pytest.mark.parametrize(
    ("ranking", "piece"),
    [
        ([("child_cancer_center", 0.5)], [("child_cancer_center", 0.4), ("which_specialist", 0.1)]),
        # Less sure of the question, but its topic far ahead of the next.
        (
            [("child_cancer_center", 0.35)],
            [("child_cancer_center", 0.27), ("which_specialist", 0.05)],
        ),
    ],
)
def test_a_clear_question_is_answered_after_the_urgent_reply(
    ranking: list[tuple[str, float]], piece: list[tuple[str, float]]
) -> None:
    said = "his belly was swollen for weeks. is birmingham the right kind of place for a baby"
    turn = replace(_one_question(said, ranking, piece), intent="urgent_symptoms")
    assert _answered(turn) == ["child_cancer_center"]


def test_a_place_in_another_state_signals_the_licensing_question() -> None:
    turn = replace(
        _one_question(
            "the one i found is in columbus ohio. im in kentucky. can they even do video w me",
            [("virtual_what_is", 0.29), ("virtual_state_license", 0.22)],
            [("virtual_what_is", 0.29), ("virtual_state_license", 0.22)],
        ),
        slots={"us_state": "KY"},
    )
    assert _answered(turn)[0] == "virtual_state_license"


def test_a_statement_of_a_problem_offers_the_topics_it_points_to() -> None:
    """Nothing new about the person, so not "thanks for telling me": a choice of answers."""
    ranking = [
        ("schedule_wait_time", 0.1),
        ("time_before_treatment", 0.09),
        ("schedule_wait_too_long", 0.06),
    ]
    turn = replace(
        _turn("UAB says 5 weeks for new patients. my surgery is in 4. ugh", ranking),
        intent="inform",
        intent_ranking=[{"name": "inform", "confidence": 0.35}, {"name": "faq", "confidence": 0.2}],
    )
    replies, topics = answers.respond(turn)
    assert topics == []
    offered = [b.payload for b in replies[-1].buttons]
    assert len(offered) == 3 and all("schedule_wait" in p or "time_before" in p for p in offered)
    # A statement that tells a fact is acknowledged, not questioned.
    told, _ = answers.respond(replace(turn, new_facts={"insurance_kind": "medicare"}))
    assert not any("schedule_wait" in b.payload for r in told for b in r.buttons)
