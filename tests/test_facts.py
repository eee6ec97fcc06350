"""Facts stated in passing, read without the model: who the patient is, a child's age,
and when treatment starts (bot/facts.py)."""

from __future__ import annotations

import pytest

from bot.facts import patient, treatment_timing

PATIENTS = [
    ("my 7 year old son has neuroblastoma", "child", 7, True),
    ("my son is 7", "child", 7, True),
    ("my 12-year-old has sarcoma", "child", 12, True),
    ("our 5 year old was diagnosed with a wilms tumor", "child", 5, True),
    ("my daughter 16yo has osteosarcoma", "child", 16, True),
    ("my mom is 81 and has colon cancer", "parent", None, False),
    # A number of years that is not an age, and adults who cannot be minors.
    ("My husband's lung cancer came back after 2 years", "spouse", None, False),
    ("my wife was diagnosed 3 years ago", "spouse", None, False),
    ("my dad had surgery 2 yrs back", "parent", None, False),
]


@pytest.mark.parametrize(("text", "relation", "age", "minor"), PATIENTS)
def test_who_the_patient_is(text: str, relation: str, age: int | None, minor: bool) -> None:
    found = patient(text)
    assert found is not None
    assert (found.relation, found.age, found.minor) == (relation, age, minor)


@pytest.mark.parametrize(
    "text",
    [
        "is there a network like my sister's plan has",
        "i have to find someone to watch my kids during the visit",
        "how long does it take to get the records",
    ],
)
def test_a_passing_mention_is_not_the_patient(text: str) -> None:
    assert patient(text) is None


def test_treatment_timing_is_read_as_said() -> None:
    found = treatment_timing("his surgery is next tuesday and we are scared")
    assert found is not None and "next tuesday" in found.text
