"""The entity vocabularies (canonical id + the phrases people use), read from content YAML.

One loader serves the spaCy pipeline builder, the NLU component, the dialogue services
and the directory, so a cancer type or an insurer has exactly one name everywhere. The
places (states and hospital towns) are in bot.vocabulary.places, and every vocabulary
at once in bot.vocabulary.index.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from bot.content import DEFAULT_LOCALE, current_locale, locales
from bot.infrastructure.paths import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "bot" / "content"


@dataclass(frozen=True)
class Term:
    entity: str
    id: str
    label: str
    phrases: tuple[str, ...]
    # The label in other languages, as (locale, label) pairs; `label` is English.
    labels: tuple[tuple[str, str], ...] = ()

    def label_in(self, locale: str) -> str:
        return dict(self.labels).get(locale, self.label)


def read_yaml(name: str) -> Any:
    """A vocabulary file in bot/content, parsed; public because bot.vocabulary.places
    reads the state and town files the same way."""
    return yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case without accents ("Está" → "esta", "cáncer de pulmón" → "cancer de
    pulmon"): people often type Spanish without accents, and patterns and the phrase
    matcher compare letters exactly."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def with_unaccented(phrases: list[str]) -> tuple[str, ...]:
    """Each phrase, then the same without its accents, once each."""
    return tuple(dict.fromkeys(p for phrase in phrases for p in (phrase, fold(phrase))))


def _other_languages(item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(loc, item[loc]) for loc in locales() if loc != DEFAULT_LOCALE and loc in item]


def phrases_of(item: dict[str, Any]) -> tuple[str, ...]:
    """A vocabulary entry's phrases in every language (`es: {phrases}` blocks), each
    also without its accents. Every language's phrases are matched in every message: a
    Spanish phrase does not occur in English text, and a conversation may switch
    language."""
    other = [p for _, block in _other_languages(item) for p in block.get("phrases", [])]
    return with_unaccented(list(item["phrases"]) + other)


def _term(item: dict[str, Any], entity: str) -> Term:
    """One vocabulary entry: its phrases in every language, its English label and each
    other language's label."""
    return Term(
        entity=entity,
        id=item["id"],
        label=item["label"],
        phrases=phrases_of(item),
        labels=tuple((loc, block["label"]) for loc, block in _other_languages(item)),
    )


def _terms(name: str, key: str, entity: str) -> tuple[Term, ...]:
    return tuple(_term(item, entity) for item in read_yaml(name)[key])


@lru_cache(maxsize=1)
def cancer_types() -> tuple[Term, ...]:
    """Each type with its phrases, plus "cancer of the tongue" for every "tongue cancer":
    people write it both ways."""
    return tuple(
        Term(
            term.entity,
            term.id,
            term.label,
            term.phrases + _cancer_of_the(term.phrases),
            term.labels,
        )
        for term in _terms("cancer_types.yml", "cancer_types", "cancer_type")
    )


def _cancer_of_the(phrases: tuple[str, ...]) -> tuple[str, ...]:
    organs = [p.removesuffix(" cancer") for p in phrases if p.endswith(" cancer")]
    return tuple(
        f"cancer {joiner} {organ}"
        for organ in organs
        for joiner in ("of the", "in the", "of his", "of her", "of my", "in his", "in her", "in my")
        if f"cancer {joiner} {organ}" not in phrases
    )


@lru_cache(maxsize=1)
def cancer_sites() -> tuple[dict[str, str], dict[str, str]]:
    """Body-part words and operations, folded, each with the cancer type it names:
    (sites, operations). A site names a type only beside a cancer word (bot.guidance.facts)."""
    data = read_yaml("cancer_types.yml")

    def words(key: str) -> dict[str, str]:
        return {fold(word): type_id for type_id, found in data[key].items() for word in found}

    return words("sites"), words("operations")


def is_rare_cancer(cancer_type: str | None) -> bool:
    return cancer_type in read_yaml("cancer_types.yml")["rare"]


@lru_cache(maxsize=1)
def insurance_kinds() -> tuple[Term, ...]:
    return _terms("insurance.yml", "insurance_kinds", "insurance_kind")


@lru_cache(maxsize=1)
def insurance_carriers() -> tuple[Term, ...]:
    return _terms("insurance.yml", "insurance_carriers", "insurance_carrier")


@lru_cache(maxsize=1)
def carrier_match_patterns() -> dict[str, str]:
    """Carrier id → regular expression matching its real issuer names."""
    return {item["id"]: item["match"] for item in read_yaml("insurance.yml")["insurance_carriers"]}


@lru_cache(maxsize=1)
def _plan_types() -> dict[str, dict[str, Any]]:
    """Plan type id → its entry in insurance.yml (label, kind, topic)."""
    return {plan["id"]: plan for plan in read_yaml("insurance.yml")["plan_types"]}


def plan_topics() -> dict[str, str]:
    """Plan type id → the topic that explains its rules."""
    return {plan_id: plan["topic"] for plan_id, plan in _plan_types().items()}


def plan_kinds() -> dict[str, str]:
    """Plan type id → the insurance kind it is."""
    return {plan_id: plan["kind"] for plan_id, plan in _plan_types().items()}


def network_plans() -> frozenset[str]:
    """Plan type ids that are kinds of network (HMO, PPO, EPO/POS), not programs."""
    return frozenset(plan_id for plan_id, plan in _plan_types().items() if plan.get("network"))


def plan_label(plan_id: str) -> str:
    """How a plan type is named back, in the conversation's language."""
    plan = _plan_types().get(plan_id)
    if not plan:
        return plan_id
    return str(plan.get(current_locale(), plan)["label"])


def record_items() -> tuple[Term, ...]:
    return _terms("records.yml", "records", "record_item")


@lru_cache(maxsize=1)
def languages() -> tuple[Term, ...]:
    return _terms("languages.yml", "languages", "language")


@lru_cache(maxsize=1)
def stages() -> tuple[Term, ...]:
    return _terms("stages.yml", "stages", "stage")


@lru_cache(maxsize=1)
def urgency() -> tuple[Term, ...]:
    return _terms("urgency.yml", "urgency", "urgency")
