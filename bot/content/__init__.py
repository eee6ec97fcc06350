"""Reviewed patient-facing texts that custom actions send, loaded from YAML."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.yml")


@lru_cache(maxsize=1)
def _messages() -> dict[str, str]:
    return yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))


def message(key: str, **values: str) -> str:
    """The text stored under `key`, with `{placeholders}` filled from `values`."""
    return _messages()[key].format(**values)
