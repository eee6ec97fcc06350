"""Reading NLU examples out of the Rasa training and held-out files, for tests that
need many realistic ordinary messages (false-alarm rates) or the examples of a topic."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bot.guidance import nlu_files

ROOT = Path(__file__).parent.parent
HELDOUT_NLU_FILES = sorted((ROOT / "tests" / "nlu").rglob("*.yml"))
NLU_FILES = sorted((ROOT / "data" / "nlu").rglob("*.yml")) + HELDOUT_NLU_FILES
SAFETY_INTENTS = frozenset(
    {
        "crisis",
        "medical_emergency",
        "urgent_symptoms",
        "safe_now",
        "medical_advice",
        "talk_to_person",
    }
)


@cache
def _examples_in(path: Path) -> dict[str, tuple[str, ...]]:
    return {intent: tuple(texts) for intent, texts in nlu_files.examples_by_intent([path]).items()}


def examples_by_intent(paths: Iterable[Path]) -> dict[str, list[str]]:
    """bot.guidance.nlu_files.examples_by_intent, with each file parsed once per test run:
    several modules read the same training files, and parsing them is most of their time."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for intent, texts in _examples_in(path).items():
            found.setdefault(intent, []).extend(texts)
    return found


def ordinary_examples(paths: list[Path] = NLU_FILES) -> list[str]:
    return [
        text
        for intent, texts in examples_by_intent(paths).items()
        if intent not in SAFETY_INTENTS
        for text in texts
    ]


def english_examples() -> list[str]:
    """Ordinary examples from the English training and held-out files (not the Spanish
    ones, `spanish_*.yml` and `*_es.yml`, nor the requests to switch language)."""
    english = [
        p
        for p in NLU_FILES
        if not p.name.startswith(("spanish", "language")) and not p.stem.endswith("_es")
    ]
    return [
        text
        for intent, texts in examples_by_intent(english).items()
        if intent not in SAFETY_INTENTS
        for text in texts
    ]
