"""Every text a patient reads: short, plain (about 6th-8th grade), and with a next step."""

from __future__ import annotations

from collections.abc import Iterator
from statistics import mean

import pytest
import yaml

from bot.content import CONTENT_DIR, DEFAULT_LOCALE, responses, texts
from bot.infrastructure.paths import DOMAIN_PATH
from tests.readability import flesch_kincaid_grade

MAX_CHARS = 320
MAX_GRADE_EACH = 10.0
MAX_GRADE_MEAN = 8.0
# Safety replies stand alone: the crisis or emergency message is followed at once by
# `utter_offer_continue`, which carries the buttons.
NO_BUTTONS_BY_DESIGN = {"utter_crisis", "utter_emergency", "utter_start"}


def domain_responses() -> dict[str, list[dict]]:
    return responses()


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in {"payload", "title", "id", "match"}:
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def all_patient_texts() -> list[str]:
    found = [v["text"] for variants in domain_responses().values() for v in variants]
    found += list(_strings(texts("journey.yml")["steps"]))
    # The default help line's name is a name, not a sentence to grade.
    messages = {k: v for k, v in texts("messages.yml").items() if k != "help_line_defaults"}
    found += [t for t in _strings(messages) if "{" not in t or "}" in t]
    found += [q["text"] for q in texts("form_questions.yml").values()]
    # Badges and designations are names ("NCI Comprehensive Cancer Center"), not
    # sentences to grade.
    names = {"badges", "designations"}
    found += list(_strings({k: v for k, v in texts("directory.yml").items() if k not in names}))
    found += [v for v in texts("sms.yml").values() if isinstance(v, str)]
    found += [v for v in texts("web.yml").values() if isinstance(v, str)]
    return [t for t in found if len(t.split()) > 3]


def _grade(text: str) -> float:
    # Placeholders are filled with short names; score the sentence around them.
    return flesch_kincaid_grade(text.replace("{", "").replace("}", ""))


@pytest.mark.parametrize("text", all_patient_texts())
def test_each_text_fits_an_sms_and_reads_plainly(text: str) -> None:
    assert len(text) <= MAX_CHARS, f"{len(text)} chars: {text}"
    assert _grade(text) <= MAX_GRADE_EACH, f"grade {_grade(text):.1f}: {text}"


def test_result_badges_are_short_names() -> None:
    badges = texts("directory.yml")["badges"]
    assert badges and all(len(text) <= 60 for text in badges.values())


def test_texts_average_sixth_to_eighth_grade() -> None:
    grades = [_grade(t) for t in all_patient_texts()]
    assert mean(grades) <= MAX_GRADE_MEAN, f"mean grade {mean(grades):.1f}"


def test_every_response_offers_a_next_step() -> None:
    for name, variants in domain_responses().items():
        if name in NO_BUTTONS_BY_DESIGN:
            continue
        for variant in variants:
            assert variant.get("buttons"), f"{name} offers no next step"


def test_button_payloads_name_real_intents() -> None:
    intents = set(yaml.safe_load(DOMAIN_PATH.read_text())["intents"])
    payloads = [
        b["payload"]
        for variants in domain_responses().values()
        for v in variants
        for b in v.get("buttons", [])
    ]
    payloads += [b["payload"] for q in texts("form_questions.yml").values() for b in q["buttons"]]
    for payload in payloads:
        assert payload.startswith("/")
        assert payload[1:].split("{")[0] in intents, payload


def test_every_text_file_of_the_locale_is_graded() -> None:
    """A new text file in the catalogue must be added to `all_patient_texts` (topics have
    their own tests), so that no patient text escapes the readability and length checks."""
    graded = {"responses", "journey", "messages", "form_questions", "directory", "sms", "web"}
    on_disk = {path.stem for path in (CONTENT_DIR / DEFAULT_LOCALE).glob("*.yml")}
    assert on_disk == graded
