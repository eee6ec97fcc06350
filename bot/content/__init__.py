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


def message(key: str, **values: str) -> str:
    """The text stored under `key` in messages.yml, with `{placeholders}` filled."""
    return load("messages.yml")[key].format(**values)
