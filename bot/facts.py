"""Facts people state in passing: who the patient is (and a child's age) and when
treatment starts.

"My 6 year old son has leukemia" or "her surgery is next month" change what a good
answer is (a children's hospital; whether there is time), so they are read from every
message and kept in slots. The cancer type, place and insurance come from the
vocabulary entities; this covers what a vocabulary cannot list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.content import load

_SPACES = re.compile(r"\s+")
SELF = "self"
CHILD = "child"
ADULT_AGE = 18
ADULT_RELATIONS = frozenset({"spouse", "parent"})

_WHEN = (
    r"(?:today|tonight|tomorrow|this\s+week(?:end)?|next\s+(?:week|month|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|few\s+days)|this\s+(?:month|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|wed|thurs?|fri)\b|in\s+(?:\d+|a|an|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?)"
    r"\s+(?:days?|weeks?|wks?|months?)|(?:on|for)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?|(?:on|for)\s+\d{1,2}/\d{1,2}|soon|asap|right\s+away|"
    r"already\s+(?:scheduled|booked|set)|(?:is|are|was|got|been)\s+(?:scheduled|booked|set))"
)
_SELF = re.compile(
    # "I have cancer", not "I have to find a sitter" or "I have Medicare".
    r"\b(i\s+(have|had)(?!\s+(to|no|not|a\s+question|questions|medicare|medicaid|insurance)\b)|"
    r"i\s+(was\s+diagnosed|got\s+diagnosed|just\s+found\s+out|am\s+diagnosed)|"
    r"i'?ve\s+(got|been\s+diagnosed)|my\s+(cancer|diagnosis|tumor|oncologist|biopsy|surgeon|"
    r"surgery|chemo|treatment))\b",
    re.IGNORECASE,
)
_AGE = re.compile(
    # "7 years old", "7yo", "age 7", "she's 7"; not "came back after 2 years".
    r"\b(\d{1,2})\s*(?:-|\s)?\s*(?:years?|yrs?)\s*-?\s*old\b|\b(\d{1,2})\s*(?:y/?o|yo)\b"
    r"|\bage(?:d)?\s+(\d{1,2})\b|\b(?:is|she'?s|he'?s|turned)\s+(\d{1,2})\b(?!\s*(?:%|percent|cm|mm|days?|weeks?|months?))",
    re.IGNORECASE,
)


# Words that say the patient is young even without an age.
# "my 12-year-old has sarcoma": a child, though no word for who they are.
_AGED_CHILD = re.compile(
    r"\b(?:my|our)\s+(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b(?!\s*-?\s*[a-z]*(?:husband|wife|mom|dad|mother|father))",
    re.IGNORECASE,
)
_YOUNG_WORDS = frozenset({"baby", "toddler", "kid", "boy", "girl", "teen", "teenager"})


@dataclass(frozen=True)
class Patient:
    relation: str
    label: str | None = None
    age: int | None = None
    minor: bool = False
    # Where the message says it (start, end), as Rasa's entity format needs.
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Timing:
    text: str
    span: tuple[int, int]


@cache
def _people() -> dict[str, tuple[str, str]]:
    """word → (relation id, how the bot refers to them)."""
    return {
        word: (group["id"], label)
        for group in load("people.yml")["people"]
        for word, label in group["words"].items()
    }


@cache
def _relation_pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _people()), key=len, reverse=True))
    return re.compile(
        # Not "like my sister's plan" (a comparison) and not "my kids" (plural: family
        # life, "someone to watch my kids", rarely the patient).
        rf"(?<!like )(?<!than )\b(?:my|our|mi)\s+"
        rf"(?:(\d{{1,2}})\s*(?:-|\s)?\s*(?:years?|yrs?|y/?o|yo)(?:\s*-?\s*old)?\s+)?"
        rf"({words})\b(?!s\b)",
        re.IGNORECASE,
    )


@cache
def _treatment_pattern() -> re.Pattern[str]:
    kinds = "|".join(re.escape(t) for t in load("people.yml")["treatments"])
    return re.compile(
        rf"\b({kinds})\b(?:\s+\w+){{0,5}}?\s+({_WHEN})"
        rf"|\b(?:start|starts|starting|begin|begins|beginning|having|getting|have|get|scheduled\s+for|booked\s+for)"
        rf"\s+(?:(?:my|his|her|their|the)\s+)?({kinds})\s+({_WHEN})"
        rf"|\b({_WHEN})\s+(?:\w+\s+){{0,3}}?(?:for|is|starts?|of)\s+(?:(?:my|his|her|their|the)\s+)?({kinds})\b",
        re.IGNORECASE,
    )


def patient(text: str) -> Patient | None:
    """Who the message says the patient is, with a child's age when given."""
    match = _relation_pattern().search(text)
    if match:
        age_text, word = match.group(1), match.group(2).lower()
        relation, label = _people()[word]
        age = int(age_text) if age_text else _age_near(text)
        # A husband or a mother is an adult, whatever number the message holds.
        minor = relation not in ADULT_RELATIONS and (
            (age is not None and age < ADULT_AGE) or (age is None and word in _YOUNG_WORDS)
        )
        if minor and relation == "relative":
            relation = CHILD
        return Patient(relation, label, age if relation == CHILD else None, minor, match.span())
    aged = _AGED_CHILD.search(text)
    if aged and int(aged.group(1)) < ADULT_AGE:
        label = _people()["kid"][1]
        return Patient(CHILD, label, int(aged.group(1)), True, aged.span())
    found_self = _SELF.search(text)
    if found_self:
        return Patient(SELF, span=found_self.span())
    return None


def _age_near(text: str) -> int | None:
    match = _AGE.search(text)
    if not match:
        return None
    value = next(g for g in match.groups() if g)
    return int(value)


def treatment_timing(text: str) -> Timing | None:
    """ "surgery next month", "chemo on monday": the coming treatment and when, as said."""
    match = _treatment_pattern().search(text)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    kind, when = (
        (groups[0], groups[1]) if match.group(1) or match.group(3) else (groups[1], groups[0])
    )
    kind = load("people.yml")["treatment_names"].get(kind.lower(), kind.lower())
    return Timing(f"{kind} {_SPACES.sub(' ', when.lower())}", match.span())
