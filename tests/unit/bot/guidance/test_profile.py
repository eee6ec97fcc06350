"""Normalising what people tell us: real places only, no guessed values."""

from __future__ import annotations

from bot.content import speaking
from bot.guidance import profile
from bot.guidance.plan import MAX_REPLY_CHARS, build


def ents(**values: str) -> list[dict]:
    return [{"entity": k, "value": v} for k, v in values.items()]


def test_real_zip_resolves_to_its_city() -> None:
    place = profile.location("60612", ents(zip_code="60612"))
    assert place == profile.Location("60612 (Chicago, IL)", "60612", "Chicago", "IL")


def test_unknown_zip_is_not_accepted() -> None:
    assert profile.location("99999", ents(zip_code="99999")) is None


def test_city_needs_a_state_when_ambiguous() -> None:
    assert profile.location("springfield", ents(city="Springfield")) is None
    place = profile.location("springfield, il", ents(city="Springfield", us_state="IL"))
    assert place is not None and place.display == "Springfield, IL"


def test_city_with_wrong_state_is_rejected() -> None:
    assert profile.location("houston, vt", ents(city="Houston", us_state="VT")) is None


def test_state_alone_is_kept_as_a_state() -> None:
    place = profile.location("texas", ents(us_state="TX"))
    assert place is not None and place.display == "Texas" and place.city is None


def test_insurer_implies_private_insurance() -> None:
    assert profile.insurance("aetna", ents(insurance_carrier="aetna")) == profile.Insurance(
        "private", "aetna"
    )
    assert profile.insurance("through my wife's job", []) == profile.Insurance("private")
    assert profile.insurance("medicare", ents(insurance_kind="medicare")).kind == "medicare"  # type: ignore[union-attr]
    assert profile.insurance("banana", []) is None


def test_cancer_type_keeps_unlisted_types_in_the_persons_words() -> None:
    assert profile.cancer_type("NSCLC", ents(cancer_type="lung")) == "lung"
    assert profile.cancer_type("Appendix cancer", []) == "appendix cancer"
    assert profile.cancer_type("pizza", []) is None


def test_plan_messages_fit_an_sms() -> None:
    slots = {
        "cancer_type": "lung",
        "stage": "stage 3",
        "location": "60612 (Chicago, IL)",
        "insurance_kind": "private",
        "insurance_carrier": "bcbs",
        "urgency": "treatment_scheduled",
        "steps_done": ["doctor", "insurance", "records"],
        "questions_for_care_team": ["What is my outlook, and what does it depend on?"] * 3,
    }
    replies = build(slots)
    assert all(len(r.text) <= MAX_REPLY_CHARS for r in replies)
    joined = "\n".join(r.text for r in replies)
    assert "Blue Cross Blue Shield" in joined and "Next: Choose a specialist" in joined
    assert replies[-1].buttons


def test_a_spanish_reply_names_the_patient_in_spanish_though_the_message_said_mom() -> None:
    with speaking("es"):
        assert profile.patient_label("your mom") == "su mamá"
    assert profile.patient_label("your mom") == "your mom"


def test_an_insurer_named_after_a_town_is_not_a_place() -> None:
    said = "I have Medicare and a supplement from Mutual of Omaha. Does Medicare pay for this?"
    omaha = [{"entity": "city", "value": "Omaha", "start": 0, "end": 0}]
    assert profile.location(said, omaha, answering=False) is None
    lives = profile.location("we live in omaha", omaha, answering=False)
    assert lives is not None and lives.display == "Omaha, NE"
