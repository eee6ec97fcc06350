"""Reading NLU examples out of the Rasa training and held-out files, for tests that
need many realistic ordinary messages (false-alarm rates) or the examples of a topic."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent
NLU_FILES = sorted((ROOT / "data" / "nlu").rglob("*.yml")) + sorted(
    (ROOT / "tests" / "nlu").rglob("*.yml")
)
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


def examples_by_intent(paths: list[Path] = NLU_FILES) -> dict[str, list[str]]:
    """Full intent name (faq/<topic> for topics) → example texts, annotations removed."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block:
                continue
            lines = [line.strip()[2:] for line in block["examples"].splitlines()]
            found.setdefault(block["intent"], []).extend(_plain(line) for line in lines if line)
    return found


def _plain(example: str) -> str:
    """Annotations removed: "in [60612](zip_code)" becomes "in 60612"."""
    return re.sub(
        r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}", lambda m: m.group(1) or m.group(2), example
    )


def ordinary_examples() -> list[str]:
    return [
        text
        for intent, texts in examples_by_intent().items()
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
