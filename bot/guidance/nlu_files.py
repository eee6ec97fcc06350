"""Reading examples out of Rasa's YAML training files without loading Rasa: the safety
model trains from them at bootstrap, and tests count false alarms on them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def plain(example: str) -> str:
    """Annotations removed: "in [60612](zip_code)" becomes "in 60612"."""
    return _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), example)


def examples_by_intent(paths: Iterable[Path]) -> dict[str, list[str]]:
    """Full intent name (faq/<topic> for topics) → example texts, annotations removed."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block:
                continue
            lines = [line.strip()[2:] for line in block["examples"].splitlines()]
            found.setdefault(block["intent"], []).extend(plain(line) for line in lines if line)
    return found
