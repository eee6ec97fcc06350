"""Flesch-Kincaid grade level, computed offline.

textstat's English syllable counts need NLTK's cmudict, which it downloads at first use;
there is no internet here. This applies the same formula with syllables from pyphen's
en_US hyphenation dictionary (shipped in the pyphen wheel, and what textstat falls back
to for words cmudict does not know) checked against a vowel-group count.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _vowel_groups(word: str) -> int:
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def syllables(word: str) -> int:
    """Hyphenation points undercount syllables near word edges ("area" has none), so take
    the larger of that and a vowel-group count; erring high keeps the grade honest."""
    lowered = word.lower()
    return max(len(_dictionary().positions(lowered)) + 1, _vowel_groups(lowered))


def flesch_kincaid_grade(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    total_syllables = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59


@lru_cache(maxsize=1)
def _spanish_dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="es")


_SPANISH_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fernandez_huerta(text: str) -> float:
    """Fernández-Huerta readability for Spanish, in the corrected form legible.es and
    textstat use: 206.84 - 60 × syllables per word - 1.02 × words per sentence (70-80
    "bastante fácil", above 80 "fácil"). Syllables come from pyphen's Spanish
    hyphenation dictionary, which follows Spanish syllable rules (offline, in the wheel)."""
    words = _SPANISH_WORD.findall(text)
    if not words:
        return 100.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    total_syllables = sum(len(_spanish_dictionary().positions(word.lower())) + 1 for word in words)
    return 206.84 - 60 * total_syllables / len(words) - 1.02 * len(words) / sentences
