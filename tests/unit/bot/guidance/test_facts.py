"""Facts stated in passing, read without the model: who the patient is, a child's age,
and when treatment starts (bot/guidance/facts.py)."""

from __future__ import annotations

import pytest

from bot.guidance.facts import (
    cancer_site,
    doctor_named,
    negated,
    not_held,
    patient,
    plan_type,
    plans_denied,
    stated_age,
    treatment_timing,
)

PATIENTS = [
    ("my 7 year old son has neuroblastoma", "child", 7, True),
    ("my son is 7", "child", 7, True),
    ("my 12-year-old has sarcoma", "child", 12, True),
    ("our 5 year old was diagnosed with a wilms tumor", "child", 5, True),
    ("my daughter 16yo has osteosarcoma", "child", 16, True),
    ("my mom is 81 and has colon cancer", "parent", None, False),
    ("my son is 28 and has leukemia", "child", 28, False),
    ("i was diagnosed with lymphoma", "self", None, False),
    # Nothing said about age: an earlier answer stands.
    ("my son has leukemia", "child", None, None),
    # A number of years that is not an age, and adults who cannot be minors.
    ("My husband's lung cancer came back after 2 years", "spouse", None, False),
    ("my wife was diagnosed 3 years ago", "spouse", None, False),
    ("my dad had surgery 2 yrs back", "parent", None, False),
    # The writer says they have the cancer before a relative comes up.
    (
        "I'm 70 and have anaplastic thyroid cancer. My daughter in Minneapolis wants me to go",
        "self",
        None,
        False,
    ),
    (
        "dr said i got colon cancer stg 2. my aunt keeps sayin get a 2nd opinion",
        "self",
        None,
        False,
    ),
    (
        "Tengo 74 años y me diagnosticaron un síndrome. Mi hija me consiguió una cita",
        "self",
        None,
        False,
    ),
    ("I have a son with leukemia", "child", None, None),
]


@pytest.mark.parametrize(("text", "relation", "age", "minor"), PATIENTS)
def test_who_the_patient_is(text: str, relation: str, age: int | None, minor: bool | None) -> None:
    found = patient(text)
    assert found is not None
    assert (found.relation, found.age, found.minor) == (relation, age, minor)


@pytest.mark.parametrize(
    "text",
    [
        "is there a network like my sister's plan has",
        "i have to find someone to watch my kids during the visit",
        "how long does it take to get the records",
        # Someone who advises is not the patient.
        "my sister says I should get a second opinion",
        "q es eso de segunda opinion? mi hermana dice q pida una",
        "my son will drive me to the second opinion",
        "estoy nerviosa por la segunda opinion y mi hija no me puede acompañar",
    ],
)
def test_a_passing_mention_is_not_the_patient(text: str) -> None:
    assert patient(text) is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("hes 19 so technically an adult", 19),
        ("she's 7 and terrified of needles", 7),
        ("he just turned 18", 18),
        ("she's 3 weeks post op", None),
        ("he is 5 cm from the margin", None),
    ],
)
def test_an_age_said_later_is_read(text: str, age: int | None) -> None:
    found = stated_age(text)
    assert (found[0] if found else None) == age


def test_treatment_timing_is_read_as_said() -> None:
    found = treatment_timing("his surgery is next tuesday and we are scared")
    assert found is not None and "next tuesday" in found.text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("we had an hmo but switched to the ppo in january", "ppo"),
        ("my card says POS plan", "epo_pos"),
        ("he has kaiser senior advantage", "medicare_advantage"),
        ("she switched to a marketplace plan from ambetter", "marketplace"),
        ("i have medicare and a plan G supplement", "medigap"),
        # "pos" alone is "positive" far more often than a plan.
        ("HER2 pos breast cancer", None),
        ("our plan now covers it", None),
        # A plan someone does not have is not their plan.
        ("what would I owe? I don't have a supplement", None),
        ("it is not an HMO, it's a PPO", "ppo"),
        ("we had no idea our HMO needed a referral", "hmo"),
        ("tiene medicare advantage de humana", "medicare_advantage"),
        ("no tengo seguro suplementario", None),
    ],
)
def test_the_kind_of_plan_named_last_is_kept(text: str, plan: str | None) -> None:
    found = plan_type(text)
    assert (found.id if found else None) == plan


@pytest.mark.parametrize(
    "text",
    [
        # Whose coverage it is, who helps, who came along, who was spoken with.
        "im 21 and still on my parents insurance thru my dads job",
        "My daughter found a medical oncologist at Vanderbilt who treats kidney cancer",
        "ya hablé con mi hija y está aquí conmigo, cuánto tiempo me queda con este cáncer",
        "my son came with me to the oncologist",
        "estoy en el seguro de mi esposo",
        "es por mi cancer de endometrio. mi esposo y mi hija quieren ir conmigo a la cita",
        "my husband and daughter want to come with me to the appointment",
    ],
)
def test_a_relative_named_for_something_else_is_not_the_patient(text: str) -> None:
    found = patient(text)
    assert found is None or found.relation == "self"


def test_my_kidney_cancer_says_the_writer_is_the_patient() -> None:
    found = patient("My kidney cancer came back in my lungs")
    assert found is not None and found.relation == "self"


def test_a_program_beats_a_kind_of_network_and_a_plan_not_had_is_none() -> None:
    found = plan_type("I'm going with a Marketplace plan instead. A silver PPO from Blue Cross.")
    assert found is not None and found.id == "marketplace"
    assert plan_type("And what would I owe? I don't have a supplement.") is None
    assert plans_denied("And what would I owe? I don't have a supplement.") == {"medigap"}
    assert negated("she's not on my Highmark anymore", len("she's not on my "))


def test_the_doctor_named_last_is_the_one_asked_about() -> None:
    earlier = ("his reviews are mixed", "found a surgeon for my pancreas tumor online")
    assert doctor_named(("what should i ask him when i go", *earlier)) == "surgeon"
    assert doctor_named(("My urologist is retiring. If I see a medical oncologist?",)) == (
        "oncologist"
    )
    assert doctor_named(("¿qué le pregunto a la cirujana?",)) == "surgeon"


@pytest.mark.parametrize(
    ("text", "cancer_type"),
    [
        ("got told i have squamous cell cancer on my tongue", "head_and_neck"),
        ("me dijeron q tengo cancer cervicouterino etapa 2", "cervical"),
        ("me salio cancer papilar de tiroides", "thyroid"),
        ("me operaron de la tiroides hace un mes por un cáncer", "thyroid"),
        ("le encontraron un tumor maligno en el seno izquierdo", "breast"),
        ("the surgeon is doing an esophagectomy on tuesday", "esophageal"),
        ("es cáncer de pulmon", "lung"),
    ],
)
def test_a_cancer_named_by_its_place_in_the_body(text: str, cancer_type: str) -> None:
    found = cancer_site(text)
    assert found is not None and found[0] == cancer_type


@pytest.mark.parametrize(
    "text",
    [
        "the cancer has spread into his liver and lungs",
        "my lung doctor said it isn't cancer",
        "no es cancer de pulmon",
        "quiero información sobre el cáncer en mi lengua",
        "my mom has cancer",
    ],
)
def test_a_spread_a_cancer_ruled_out_or_no_place_names_no_type(text: str) -> None:
    assert cancer_site(text) is None


def test_a_parent_who_wants_to_take_the_writer_somewhere_is_not_the_patient() -> None:
    for said in (
        "i'm 19 with hodgkin lymphoma and my mom wants to take me to a children's hospital",
        "tengo 19 y linfoma de hodgkin, mi mom quiere llevarme a un hospital de niños",
    ):
        found = patient(said)
        assert found is None or found.relation == "self", said


def test_coverage_asked_how_to_get_is_not_coverage_held() -> None:
    for said, word in (
        ("can i apply for medicaid if my kids were born here", "medicaid"),
        ("muchas gracias. ¿y el Medicaid lo puedo pedir yo?", "Medicaid"),
        ("quiero solicitar Medicaid", "Medicaid"),
    ):
        start = said.index(word)
        assert not_held(said, start, start + len(word)), said
    said = "she has medicaid and i signed up for medicare last year"
    start = said.index("medicaid")
    assert not not_held(said, start, start + len("medicaid"))


def test_a_lump_found_in_a_part_of_the_body_names_the_cancer_when_it_is_cancer() -> None:
    found = cancer_site(
        "Me encontraron una bolita en el seno y en la clinica me hicieron biopsia y salio "
        "que si es cancer"
    )
    assert found is not None and found[0] == "breast"
    assert (
        cancer_site("found a lump in my breast, waiting on biopsy, hoping its not cancer") is None
    )
