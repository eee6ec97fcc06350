"""The entity vocabularies (canonical id + the phrases people use), read from content YAML.

One loader serves the spaCy pipeline builder, the NLU component and (later) the
directory, so a cancer type has exactly one name everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.paths import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "bot" / "content"


@dataclass(frozen=True)
class Term:
    entity: str
    id: str
    label: str
    phrases: tuple[str, ...]


def _read_terms(path: Path, key: str, entity: str) -> list[Term]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
    return [
        Term(entity=entity, id=item["id"], label=item["label"], phrases=tuple(item["phrases"]))
        for item in raw
    ]


@lru_cache(maxsize=1)
def cancer_types() -> tuple[Term, ...]:
    return tuple(_read_terms(CONTENT_DIR / "cancer_types.yml", "cancer_types", "cancer_type"))


def all_terms() -> tuple[Term, ...]:
    """Every vocabulary the entity ruler matches."""
    return cancer_types()


def vocabulary_files() -> list[Path]:
    """Inputs that change the built spaCy model (and so the training fingerprint)."""
    return [CONTENT_DIR / "cancer_types.yml"]
