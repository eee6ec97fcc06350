"""Splitting a message into the questions it asks, in English and in Spanish: each
question gets its own answer, and a short one that points back keeps what it points to."""

from __future__ import annotations

import pytest

from bot.nlp.segments import split


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "what records do I need? and does medicare pay for it",
            ["what records do I need?", "and does medicare pay for it"],
        ),
        # Thanks around a question: the question alone.
        ("ok thanks. how long does it take?", ["how long does it take?"]),
        (
            "me dijeron q necesito una autorizacion previa. q es eso y como la consigo?",
            ["q es eso", "como la consigo?"],
        ),
        (
            "mi mama tiene cancer y necesita ayuda, cuanto cuesta y cuando puedo ir",
            ["cuanto cuesta", "cuando puedo ir"],
        ),
        ("gracias. y cuanto cuesta?", ["y cuanto cuesta?"]),
        # "que" after a comma is "that", not a question.
        ("el doctor dice, que no hay prisa", []),
        # A Spanish yes/no question after another goes on asking; a statement does not.
        (
            "q tengo q llevar?? y me van a hacer estudios ahi mismo",
            ["q tengo q llevar??", "y me van a hacer estudios ahi mismo"],
        ),
        ("cuanto cuesta? y mi esposo trabaja de noche", ["cuanto cuesta?"]),
        ("what do i bring? and my sister is coming too", ["what do i bring?"]),
        # A question said as a statement with a tag.
        ("im on illinois medicaid thru meridian. covered or not", ["covered or not"]),
        # "y si ..." (and whether ...) asks a second question.
        (
            "Quiero saber si el Medicare le paga otra opinión y si podemos ir con el doctor"
            " que queramos",
            [
                "Quiero saber si el Medicare le paga otra opinión",
                "si podemos ir con el doctor que queramos",
            ],
        ),
        # "And X" right after a question asks the same about X.
        (
            "whats the diff between copay and coinsurance again. and out of pocket max",
            ["whats the diff between copay and coinsurance again.", "and out of pocket max"],
        ),
        (
            "whats the difference between the report and the slides, and whats a block",
            ["whats the difference between the report and the slides", "whats a block"],
        ),
    ],
)
def test_questions_are_split_as_asked(text: str, asked: list[str]) -> None:
    assert [piece.asked for piece in split(text)] == asked


def test_a_short_spanish_question_that_points_back_keeps_the_sentence_before_it() -> None:
    pieces = split("necesito la autorizacion previa. como la consigo? y cuanto tarda?")
    assert pieces[0].in_context.startswith("necesito la autorizacion previa")


def test_a_question_with_no_subject_of_its_own_leans_on_its_context() -> None:
    (piece,) = split("People keep telling me to go to an NCI center. What does that mean exactly?")
    assert piece.leans_on_context
    (piece,) = split("Mayo is out of network for us. What happens then?")
    assert piece.leans_on_context
    pieces = split("what records do I need? and does medicare pay for the visit")
    assert not any(p.leans_on_context for p in pieces)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "is it worth driving 5 hrs to salt lake? and if i go can i get help paying for a hotel",
            "and if i go can i get help paying for a hotel",
        ),
        (
            "ok this isnt really helping, i still have no idea what denver is gonna cost me",
            "i still have no idea what denver is gonna cost me",
        ),
        ("thats not what i asked. i asked IS IT COVERED. yes or no", "IS IT COVERED."),
    ],
)
def test_questions_asked_as_conditions_statements_or_again(text: str, asked: str) -> None:
    pieces = split(text)
    found = next(p for p in pieces if p.asked == asked)
    assert not found.leans_on_context


def test_a_second_question_pointing_back_keeps_what_the_first_pointed_back_to() -> None:
    """ "who does it" is about the prior authorization named before "wat is that"."""
    pieces = split(
        "they said i need prior authorization. wat is that and who does it, me or the dr"
    )
    assert [p.asked for p in pieces] == ["wat is that", "who does it, me or the dr"]
    assert "prior authorization" in pieces[1].in_context
