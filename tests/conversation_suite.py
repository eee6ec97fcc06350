"""The realistic-conversation suite: loading the YAML cases and checking one turn.

Expectations are about content, never exact wording: a topic counts as answered when
any of its catalogue variants is in the reply, safety tiers by the number they must
name. A split whose name starts with a locale ("es_dev") is checked against that
language's catalogue, and every reply must be in the language the person wrote in.
Kept apart from the test module so `bench`-style reports can reuse it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.content import DEFAULT_LOCALE, locales, message, speaking, texts
from bot.directory.places import find_place
from bot.guidance import journey, language
from bot.guidance.topics import catalogue

SUITE_DIR = Path(__file__).parent / "conversations"
FORM_SLOTS = ("cancer_type", "location", "insurance_kind", "urgency")


@dataclass(frozen=True)
class Conversation:
    id: str
    split: str
    turns: list[dict[str, Any]]

    @property
    def locale(self) -> str:
        prefix = self.split.split("_", 1)[0]
        return prefix if prefix in locales() else DEFAULT_LOCALE


def conversations(split: str) -> list[Conversation]:
    found = []
    for path in sorted((SUITE_DIR / split).glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            found.append(Conversation(case["id"], split, case["turns"]))
    return found


def _answered(topic_id: str, reply: str) -> bool:
    """In any language: a conversation may switch to English and back."""
    if any(text in reply for loc in locales() for text in catalogue(loc)[topic_id].texts()):
        return True
    topic = catalogue()[topic_id]
    # Asked twice in a row, the answer goes one page deeper instead of repeating.
    deeper = {journey.page_text(topic.step, topic.page, kind) for kind in _KINDS}
    return any(message("more_on_that", text=text) in reply for text in deeper)


_KINDS = (None, "medicare", "medicaid", "private", "none", "unknown")
_SAFETY_MARKS = {
    "crisis": ["988"],
    "emergency": ["911"],
    "urgent": ["911"],
    "person": ["1-800"],
}
# The urgent tier's own words: the care team's 24-hour line.
_URGENT_MARK = {"en": "24-hour", "es": "24 horas"}


@dataclass
class TurnCheck:
    problems: list[str] = field(default_factory=list)

    def require(self, ok: bool, problem: str) -> None:
        if not ok:
            self.problems.append(problem)


def check_turn(
    expect: dict[str, Any],
    replies: list[dict[str, Any]],
    previous: str | None,
    said: str = "",
    locale: str = DEFAULT_LOCALE,
) -> list[str]:
    """What is wrong with the bot's replies to one turn ([] when nothing), read against
    the catalogue of the conversation's language."""
    with speaking(locale):
        return _check_turn(expect, replies, previous, said, locale)


def _in_language(said: str, replies: list[dict[str, Any]], check: TurnCheck) -> None:
    """A reply in the language the person wrote in, when that can be told (result
    cards are left out: hospital names are English). A town's name ("El Paso") says
    nothing about the language, as the bot's own detector is told (its entities)."""
    place = find_place(said) if said else None
    name = (place.city or place.words) if place else ""
    start = said.lower().find(name.lower()) if name else -1
    names = [(start, start + len(name))] if start >= 0 else []
    wanted = language.detect(said, names) if said else None
    if wanted is None:
        return
    for reply in replies:
        found = None if reply.get("card") else language.detect(reply["text"])
        check.require(found in (None, wanted), f"replied in {found}, not {wanted}")


def _check_turn(
    expect: dict[str, Any],
    replies: list[dict[str, Any]],
    previous: str | None,
    said: str,
    locale: str,
) -> list[str]:
    text = "\n".join(r["text"] for r in replies)
    lowered = text.lower()
    check = TurnCheck()
    check.require(bool(replies), "no reply")
    check.require(text != previous, "the same reply as the turn before")
    _in_language(said, replies, check)
    if not expect.get("allow_fallback"):
        check.require(message("didnt_get_that") not in text, "fell back to 'didn't get that'")
    clarified = message("clarify") in text
    for topic_id in expect.get("answers", []):
        check.require(
            _answered(topic_id, text) or (expect.get("clarifies") and clarified),
            f"did not answer {topic_id}",
        )
    any_of = expect.get("answers_any", [])
    if any_of:
        check.require(
            any(_answered(t, text) for t in any_of) or (expect.get("clarifies") and clarified),
            f"answered none of {any_of}",
        )
    for word in expect.get("mentions", []):
        check.require(word.lower() in lowered, f"does not mention {word!r}")
    words = expect.get("mentions_any", [])
    if words:
        check.require(any(w.lower() in lowered for w in words), f"mentions none of {words}")
    for word in expect.get("not_mentions", []):
        check.require(word.lower() not in lowered, f"mentions {word!r}")
    questions = texts("form_questions.yml")
    for slot in expect.get("not_asks", []):
        check.require(questions[slot]["text"] not in text, f"asked again for {slot}")
    tier = expect.get("safety")
    if tier == "advice":
        check.require(message("advice_intro") in text, "medical question not declined")
    elif tier:
        first = replies[0]["text"] if replies else ""
        marks = _SAFETY_MARKS[tier] + ([_URGENT_MARK[locale]] if tier == "urgent" else [])
        check.require(all(mark in first for mark in marks), f"{tier} reply is not first")
    if expect.get("clarifies") and not expect.get("answers") and not any_of:
        check.require(clarified or bool(replies), "no clarifying question")
    _check_directory(expect, replies, text, check)
    return check.problems


def _directory_texts(key: str) -> list[str]:
    """The fixed start of a directory text (before its first placeholder), in every
    language: a conversation may switch."""
    return [str(texts("directory.yml", loc)[key]).split("{")[0] for loc in locales()]


def _check_directory(
    expect: dict[str, Any], replies: list[dict[str, Any]], text: str, check: TurnCheck
) -> None:
    """Expectations on directory results, read from the result cards."""
    cards = [r["card"] for r in replies if r.get("card")]
    if expect.get("results"):
        check.require(bool(cards), "no directory results")
    states = expect.get("results_states")
    if states:
        check.require(
            bool(cards) and all(c.get("state") in states for c in cards),
            f"results outside {states}: {[c.get('state') for c in cards]}",
        )
    fragments = [f.lower() for f in expect.get("results_include_any", [])]
    if fragments:
        check.require(
            any(f in c["name"].lower() for c in cards for f in fragments),
            f"none of {fragments} listed",
        )
    if expect.get("no_children_hospitals"):
        check.require(
            not any(c.get("group") == "children" for c in cards), "a children's hospital listed"
        )
    if expect.get("children_first"):
        check.require(
            bool(cards) and cards[0].get("group") == "children", "no children's hospital first"
        )
    if expect.get("first_is_cancer_center"):
        check.require(
            bool(cards) and cards[0].get("group") in ("nci_comprehensive", "nci", "pps_exempt"),
            "first result is not a cancer center",
        )
    if expect.get("military_noted"):
        restricted = [c for c in cards if c.get("group") in ("veterans", "military")]
        check.require(
            all(
                any("veteran" in b.lower() or "military" in b.lower() for b in c["badges"])
                for c in restricted
            ),
            "a VA or military hospital without its note",
        )
    national = any(
        start in text
        for key in (
            "intro_national",
            "intro_national_child",
            "intro_national_anywhere",
            "intro_national_child_anywhere",
        )
        for start in _directory_texts(key)
    )
    if expect.get("national"):
        check.require(national, "no national list")
    least = expect.get("radius_at_least")
    if least:
        radii = [int(m) for m in re.findall(r"within (\d+) miles", text)]
        check.require(national or any(r >= least for r in radii), f"not searched {least}+ miles")
    if expect.get("asks_state"):
        check.require(
            any(s in text for s in _directory_texts("which_state")), "did not ask which state"
        )
