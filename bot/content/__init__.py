"""Reviewed patient-facing texts that custom actions send, loaded from YAML."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).parent


@cache
def load(name: str) -> Any:
    """A content file from this folder, parsed once."""
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def locale_files(locale: str, folder: str) -> list[Any]:
    """Every YAML file in `<locale>/<folder>/`, parsed, in name order."""
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((CONTENT_DIR / locale / folder).glob("*.yml"))
    ]


def message(key: str, **values: str) -> str:
    """The text stored under `key` in messages.yml, with `{placeholders}` filled."""
    return load("messages.yml")[key].format(**values)
