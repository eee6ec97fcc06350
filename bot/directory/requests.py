"""What a search request asks for beyond the place, read from the person's own words:
how far ("within 100 miles", "search farther", "we'll travel anywhere"), and who it is
for (a child; a veteran or military family, who may use VA and military hospitals).

Patterns live in bot/content/search_words.yml; this only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.content import load
from bot.directory.places import find_place, states_named

MAX_MILES = 500


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    words = load("search_words.yml")["search_words"]
    return {
        key: tuple(re.compile(p, re.IGNORECASE) for p in words[key])
        for key in (
            "wider",
            "national",
            "service",
            "child",
            "request",
            "loose_request",
            "direct",
            "query",
            "near_me",
            "network_filter",
            "coverage_question",
            "national_for",
            "where",
            "not_a_search",
            "place_change",
            "relative_lives",
            "provider_is_in",
            "no_travel",
            "done_already",
            "in_state",
            "asks_meaning",
        )
    }


def _without(key: str, text: str) -> str:
    """The text with what the patterns under `key` match taken out."""
    for pattern in _patterns()[key]:
        text = pattern.sub(" ", text)
    return text


def _any(key: str, text: str) -> bool:
    return any(p.search(text) for p in _patterns()[key])


@dataclass(frozen=True)
class Reach:
    """How far to search: explicit miles, one step wider, or the national list."""

    miles: int | None = None
    wider: bool = False
    national: bool = False

    @property
    def asked(self) -> bool:
        return bool(self.miles or self.wider or self.national)


def reach(text: str) -> Reach:
    found = re.search(load("search_words.yml")["search_words"]["miles"], text, re.IGNORECASE)
    if found and 0 < int(found.group(1)) <= MAX_MILES:
        return Reach(miles=int(found.group(1)))
    if _any("national", text) and not _any("no_travel", text):
        return Reach(national=True)
    return Reach(wider=_any("wider", text))


def serves(texts: list[str]) -> bool:
    """Whether the person said the patient is a veteran or in the military."""
    return any(_any("service", t) for t in texts)


def in_state_only(text: str) -> bool:
    """ "Mejor busco dentro de NJ", "only in-state hospitals": the search stays in the
    state of the place searched. "Only in" counts before a state, not "just in case"."""
    if _any("in_state", text):
        return True
    lead = re.search(load("search_words.yml")["search_words"]["in_state_lead"], text, re.I)
    return bool(lead and states_named(" ".join(lead.group("rest").split()[:3])))


def for_child(text: str) -> bool:
    return _any("child", text)


# A message this long is about more than a search, unless it asks for one outright.
LONG_WORDS = 25


def is_search_request(text: str) -> bool:
    """ "Can you find me a hospital, we live in austin tx": a request for care that says
    where (a place, "near me", or "anywhere in the country"), or asks the bot itself to
    find ("help me find an oncologist"). "How do I find a specialist?" with no place is
    not: it gets the topic's answer."""
    if _any("direct", text):
        return True
    if _any("done_already", text) or _any("asks_meaning", text):
        return False
    if _any("national", text) and _any("national_for", text) and not _any("no_travel", text):
        return not _any("not_a_search", text)
    place = find_place(text)
    if (_any("where", text) or _any("query", text)) and place is not None and place.searchable:
        return True
    if place is not None and place.kind == "ambiguous_city" and len(text.split()) > LONG_WORDS:
        # A town in several states, named inside a long message about something else
        # ("dad is in the hospital in harrisburg, is a second opinion realistic"): the
        # question is answered; "which Harrisburg?" would not answer it.
        return False
    if _any("not_a_search", text):
        return False
    short = len(text.split()) <= LONG_WORDS
    if not (_any("request", text) or (short and _any("loose_request", text))):
        return False
    return _any("near_me", text) or _any("national", text) or place is not None


def asks_a_topic_question(text: str) -> bool:
    """ "Is it worth going to St. Louis?", "would Medicaid pay for Houston?": the message
    asks what a topic answers (cost, coverage, whether it is worth it, records, time),
    and asks the bot to find nothing."""
    return _any("not_a_search", text) and not _any("direct", text)


# "what about Louisville instead", "try 40202", "we're in austin tx now": a place with a
# few words around it. "Where would we stay in Denver?" asks something else.
PLACE_CHANGE_MAX_OTHER_WORDS = 5
_SENTENCE = re.compile(r"[.!?;\n]+\s*")


def changes_place(text: str, place_words: str) -> bool:
    """Does this message move the person (or their search) to the place it names? Only
    when it asks for places or to look there, says where someone lives or is, or says
    little besides the place; a question that mentions a town ("could he have treatment
    back home in Casper?", "where would we stay, hotels in Denver cost so much") gets
    its answer and leaves the place as it was."""
    if is_search_request(text):
        return True
    # "Phoenix, AZ" is named in "what about phoenix instead" by its town.
    town = place_words.split(",")[0].strip().lower()
    about_them = _without("provider_is_in", _without("relative_lives", text))
    if any(
        _any("place_change", sentence) and town in sentence.lower()
        for sentence in _SENTENCE.split(about_them)
    ):
        # In the sentence that names the place: "the one i found is in columbus ohio. im
        # in kentucky" says where the person is, and it is not Columbus.
        return True
    rest = re.sub(re.escape(place_words), " ", text, flags=re.IGNORECASE)
    return len(re.findall(r"[\w']+", rest)) <= PLACE_CHANGE_MAX_OTHER_WORDS


def filters_by_network(text: str) -> bool:
    """ "Only the ones that take our Cigna": a network filter, which needs data we lack;
    not "does her plan pay for a second opinion or only regular Medicare"."""
    return _any("network_filter", text) and not _any("coverage_question", text)
