"""Places as people type them, anywhere in a sentence: "austin tx", "in dayton ohio",
"we're near Augusta GA", "what about Louisville instead", "we live in 44106".

Every US city comes from the `zipcodes` package (offline), so a small town with one
hospital is found as surely as a big city. A city named without a state is placed by
the real hospital list when one state clearly holds it (Louisville → KY); when several
do (Springfield), the person is asked which state. Words that look like a place but
match none come back as `not_found`, so the bot can name them at once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import zipcodes

from bot.content import load
from bot.vocabulary.places import (
    hospital_town_states,
    likely_state,
    medical_cities,
    state_terms,
    us_states,
)
from bot.vocabulary.terms import fold

PlaceKind = Literal["zip", "city", "ambiguous_city", "state", "not_found"]
# ASCII digits only: "６０６１２" must not reach the zipcodes package (it panics).
_ZIP = re.compile(r"(?<![0-9])([0-9]{5})(?:-[0-9]{4})?(?![0-9])")
_WORD = re.compile(r"[a-z][a-z.'-]*")
_MAX_CITY_WORDS = 4
# Words before a town's name that name a part of it, in English and Spanish.
_PARTS_OF_TOWN = frozenset(
    "east west north south northeast northwest southeast southwest downtown central "
    "greater este oeste norte sur centro".split()
)


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    words: str  # as the person wrote it, for "I couldn't find …"
    zip_code: str | None = None
    city: str | None = None
    state: str | None = None

    @property
    def display(self) -> str:
        if self.kind == "zip":
            return f"{self.zip_code} ({self.city}, {self.state})"
        if self.kind == "city":
            return f"{self.city}, {self.state}"
        if self.kind == "state":
            return us_states().get(self.state or "", self.words)
        return self.words

    @property
    def searchable(self) -> bool:
        return self.kind in ("zip", "city")


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, str]]:
    """lower-case city name → {state: the name as the post office writes it}."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    accepted: dict[str, dict[str, str]] = defaultdict(dict)
    # State by state: zipcodes.list_all() would keep all 42,000 records (145 MB) in
    # memory for good; each state's list is dropped once read.
    for state in us_states():
        rows = zipcodes.filter_by(state=state)
        for row in rows:
            found[row["city"].lower()][row["state"]] = row["city"].title()
            # Another name a post office accepts ("Hoover", served by Birmingham's and
            # Bessemer's) is a place of its own, found by those ZIP codes
            # (bot/directory/geo.py), unless it is a post office's own name too or one
            # of our aliases ("Manhattan" is New York).
            for name in row.get("acceptable_cities", []):
                accepted[name.lower()][row["state"]] = name.title()
    for alias, towns in load("locations.yml")["city_aliases"].items():
        found[alias] = {**towns, **found[alias]}
    for name, towns in accepted.items():
        found[name] = {**towns, **found[name]}
    return dict(found)


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """lower-case state name or two-letter code → code."""
    names = {phrase: term.id for term in state_terms() for phrase in term.phrases}
    names.update({code.lower(): code for code in us_states()})
    names.update({k.lower(): v for k, v in load("locations.yml")["state_aliases"].items()})
    return names


def _spelled(word: str) -> str:
    """ "st" → "saint", "ft" → "fort", "mt" → "mount": how the post office spells it."""
    return {"st": "saint", "st.": "saint", "ft": "fort", "ft.": "fort", "mt": "mount"}.get(
        word, word
    )


def _city_in(words: list[str], state: str) -> tuple[str, int] | None:
    """The longest run of words ending just before the state that names a city in it."""
    for size in range(min(_MAX_CITY_WORDS, len(words)), 0, -1):
        run = words[len(words) - size :]
        # "ft worth" as the post office spells it first: Fort Worth, not its alias.
        for name in (" ".join(_spelled(w) for w in run), " ".join(run)):
            city = _cities().get(name.strip(".,"), {}).get(state)
            if city:
                return city, size
    return None


def _tokens(text: str) -> list[str]:
    """Lower-case words without accents: "San José" is San Jose, "Los Ángeles" Los
    Angeles (a lower-case "ñ" or "é" would otherwise cut the word)."""
    return _WORD.findall(fold(text).replace(",", " "))


@lru_cache(maxsize=1)
def _destinations() -> dict[str, str]:
    """Towns people travel to for care (bot/vocabulary/places.py `medical_cities`), less
    those that are also words or the names of hospitals (locations.yml)."""
    locations = load("locations.yml")
    left_out = {t.lower() for t in [*locations["not_cities"], *locations["not_destinations"]]}
    return {town: state for town, state in medical_cities().items() if town not in left_out}


def _not_words() -> set[str]:
    return set(load("locations.yml")["not_place_words"])


def _city_and_state(text: str) -> Place | None:
    words = _tokens(text)
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            if end - size < 0:
                continue
            state_words = " ".join(words[end - size : end])
            code = _state_names().get(state_words.strip("."))
            if code is None or (len(state_words) == 2 and not _typed_as_code(text, state_words)):
                continue
            found = _city_in(words[: end - size], code)
            if found:
                return Place("city", f"{found[0]}, {code}", city=found[0], state=code)
    return None


def _typed_as_code(text: str, code: str) -> bool:
    """A two-letter state after a city counts ("austin tx"), but one that is also a
    word ("in", "me", "mi", "pa", "la") only when written in capitals or when it ends the
    message or a sentence ("columbus oh"), since "colon. mi doctor" is not Michigan."""
    if code not in load("locations.yml")["word_like_codes"]:
        return True
    if re.search(rf"\b{code.upper()}\b", text):
        return True
    return re.search(rf"\b{code}\s*([.,;:!?]|$)", text.lower().rstrip()) is not None


def _bare_city(text: str, answering: bool) -> Place | None:
    """A city named after "in", "near", "around", "what about" … with no state: a town
    on the hospital list, or any US city when written with a capital letter. The answer
    to "where?" is all place, lead-in or not."""
    rests = _rests_after_lead_ins(text)
    if answering and len(text.split()) <= _MAX_CITY_WORDS:
        rests.append(text)
    for rest in rests:
        if _names_a_part_of_town(rest):
            continue
        words = _place_words(rest)
        # "in Massachusetts" is a state, not an unknown town; "in Oklahoma City" and
        # "Kansas City" are towns whose names start with one.
        state_size = max(
            (n for n in (1, 2, 3) if len(words) >= n and " ".join(words[:n]) in _state_names()),
            default=0,
        )
        capital = _looks_like_a_name(rest)
        for named_words in _town_names(rest, words, state_size):
            name = " ".join(_spelled(w) for w in named_words)
            states = _cities().get(name, {})
            town = next(iter(states.values()), name.title())
            in_hospital_list = hospital_town_states(town)
            if not states or not (in_hospital_list or capital):
                continue
            # A state named elsewhere in the message settles the town, unless the town
            # has hospitals and that state's town has none ("programs in new york, and
            # we're in phoenix" is Phoenix, AZ, not Phoenix, NY).
            named = next(
                (
                    code
                    for code in [*states_named(text), *_states_of_towns_named(text)]
                    if code in states and (code in in_hospital_list or not in_hospital_list)
                ),
                None,
            )
            state = (
                named or likely_state(town) or (next(iter(states)) if len(states) == 1 else None)
            )
            if state:
                return Place("city", f"{town}, {state}", city=states.get(state, town), state=state)
            return Place("ambiguous_city", town, city=town)
        if state_size:
            continue
        if capital and words and (rest is not text or len(words) <= _MAX_CITY_WORDS):
            return Place("not_found", " ".join(rest.split()[:2]).strip(" .,!?"))
    return None


def _names_a_part_of_town(rest: str) -> bool:
    """ "Humboldt Park", "Washington Heights": a name and a word for a part of town,
    which together name no town; the town is the place named after it."""
    raw = _tokens(rest)
    parts = set(load("locations.yml")["neighbourhood_words"])
    return any(
        raw[i] in parts and " ".join(raw[: i + 1]) not in _cities() for i in (1, 2) if i < len(raw)
    )


def _towns_named(text: str) -> Iterator[tuple[str, str]]:
    """(name, state) of each town people travel to for care named anywhere in a message,
    in the order written, the longer name first where two start at one word ("kansas
    city" before "kansas"). A sentence's full stop is not part of the name."""
    words = [_spelled(w.strip(".'-")) for w in _tokens(text)]
    for start in range(len(words)):
        for size in (3, 2, 1):
            name = " ".join(words[start : start + size])
            state = _destinations().get(name) if start + size <= len(words) else None
            if state:
                yield name, state


def _states_of_towns_named(text: str) -> list[str]:
    """The states of the towns people travel to for care named anywhere in a message
    ("Cicero, cerquita de Chicago" is Cicero, IL)."""
    return [state for _, state in _towns_named(text)]


def destination_in(text: str, state: str | None = None) -> Place | None:
    """A town people travel to for care, named anywhere in the message without a lead-in
    ("tampa or st pete", "hospitals in Texas? Dallas is closest"), in `state` when given.
    Only for a message that asks for a search: elsewhere a town named in passing is not
    where the person is."""
    for name, found in _towns_named(text):
        if state is None or found == state:
            city = _cities().get(name, {}).get(found, name.title())
            return Place("city", f"{city}, {found}", city=city, state=found)
    return None


def _town_names(rest: str, words: list[str], state_size: int) -> list[list[str]]:
    """The word runs that may name the town, longest first: as written when a word we
    would otherwise skip is part of the name ("los angeles", "el paso", "la crosse"),
    then without such words, then without a part of town before the name ("east los
    angeles", "north dallas")."""
    raw = _tokens(rest)[:_MAX_CITY_WORDS]
    names = [raw[:size] for size in range(len(raw), 1, -1)] if raw[: len(words)] != words else []
    names += [words[:size] for size in range(len(words), state_size, -1)]
    if raw and raw[0] in _PARTS_OF_TOWN:
        names += [
            raw[1:size] for size in range(len(raw), 1, -1) if size > 2 or raw[1] not in _not_words()
        ]
    return names


def _place_words(rest: str) -> list[str]:
    """The words that may name a town: not "my", "home" or "the city", but "city" after
    a name is part of it ("oklahoma city")."""
    words: list[str] = []
    for word in _tokens(rest):
        if word not in _not_words() or (word == "city" and words):
            words.append(word)
    return words[:_MAX_CITY_WORDS]


def _looks_like_a_name(rest: str) -> bool:
    """ "near Sprngfield" is a place we could not find; "in pain" is not a place."""
    first = rest.strip().split(" ")[0] if rest.strip() else ""
    return bool(first) and first[0].isupper() and first.lower() not in _not_words()


def _state_names_in(text: str) -> Iterator[tuple[str, str]]:
    """(name, code) of each state a message names in words; not the start of a town's
    name ("oklahoma city")."""
    lowered = text.lower()
    for name, code in _state_names().items():
        if len(name) > 2 and re.search(rf"\b{re.escape(name)}\b(?!\s+city\b)", lowered):
            yield name, code


def states_named(text: str) -> list[str]:
    """The states a message names anywhere ("busco dentro de NJ. hospital en Newark"):
    names, and two-letter codes typed in capitals."""
    named = [code for _, code in _state_names_in(text)]
    return named + [c for c in re.findall(r"\b([A-Z]{2})\b", text) if c in us_states()]


@lru_cache(maxsize=1)
def _program_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(a state's own health program by its names, that state)."""
    return tuple(
        (re.compile(rf"\b({'|'.join(re.escape(n) for n in names)})\b"), state)
        for state, names in load("insurance.yml")["state_programs"].items()
    )


@lru_cache(maxsize=1)
def _state_medicaid() -> re.Pattern[str]:
    """ "<state> medicaid", "medicaid de <state>"; not with the codes that are also words
    ("in medicaid is it covered" is no state)."""
    word_like = set(load("locations.yml")["word_like_codes"])
    names = "|".join(
        re.escape(n)
        for n in sorted(_state_names(), key=len, reverse=True)
        if len(n) > 1 and n not in word_like
    )
    return re.compile(
        rf"\b(?P<before>{names})\s+medicaid\b|\bmedicaid\s+(de|del|of)\s+(?P<after>{names})\b"
    )


def state_of_program(text: str) -> str | None:
    """The state whose own health program a message names ("TennCare", "ar medicaid",
    "medicaid de ohio"), or None."""
    folded = fold(text)
    for pattern, state in _program_patterns():
        if pattern.search(folded):
            return state
    found = _state_medicaid().search(folded)
    return _state_names().get(found.group("before") or found.group("after")) if found else None


def names_another_state(text: str, home_state: str | None) -> bool:
    """Whether a message names a state, or a town in a state, other than the person's
    ("would they pay for Memphis, that's in Tennessee" from Tulsa). With no home state
    known, two different states must be named: "I'm in Mississippi" alone names home."""
    place = find_place(text)
    named = set(states_named(text)) | ({place.state} if place and place.state else set())
    named |= set(_states_of_towns_named(text))
    if home_state:
        return bool(named - {home_state})
    return len(named) > 1


def _state_alone(text: str) -> Place | None:
    found = next(_state_names_in(text), None)
    return Place("state", found[0], state=found[1]) if found else None


def warm_up() -> None:
    """Builds the city index now (0.5 s), so no message waits for it."""
    _cities()
    _state_names()


def _lead_in() -> re.Pattern[str]:
    # A lookahead, so that "in" inside the words after another "in" starts a place too:
    # "the programs are in philly and new york and we're in phoenix".
    return re.compile(f"(?={load('locations.yml')['place_lead_in']})", re.IGNORECASE)


def _home_lead_in() -> re.Pattern[str]:
    return re.compile(load("locations.yml")["home_lead_in"], re.IGNORECASE)


def _rests_after_lead_ins(text: str) -> list[str]:
    """The words after each lead-in, where the person lives or is first ("we're in",
    "vivo en"), then in the order written."""
    found = [(m.group("rest"), m.start("rest")) for m in _lead_in().finditer(text)]
    home_lead_in = _home_lead_in()
    home = [rest for rest, start in found if home_lead_in.search(text[:start])]
    return home + [rest for rest, _ in found if rest not in home]


def find_place(text: str, answering: bool = False) -> Place | None:
    """The place a message names, if any: a ZIP, a city and state, a city alone, a
    state alone, or words after "near"/"in" that name no place we know. `answering`:
    the message answers "where?", so a bare "springfield" is a place too."""
    for candidate in _ZIP.findall(text):
        found = zipcodes.matching(candidate)
        if found:
            return Place(
                "zip", candidate, zip_code=candidate, city=found[0]["city"], state=found[0]["state"]
            )
        return Place("not_found", candidate)
    found = _city_and_state(text)
    if found:
        return found
    written = re.fullmatch(r"\s*([A-Za-z][A-Za-z .'-]*?),?\s+([A-Za-z]{2})\s*[.!]?\s*", text)
    if (
        written
        and written.group(2).lower() in _state_names()
        and _typed_as_code(text, written.group(2).lower())
        and 2 < len(written.group(1))
        and len(written.group(1).split()) <= 3
    ):
        # "houston, vt": a city and a state that do not go together.
        return Place("not_found", text.strip(" .!"))
    found = _bare_city(text, answering)
    if found:
        return found
    state = _state_alone(text)
    if state is None:
        return None
    # "Hospitals in Texas that would see her? Dallas is closest": the town in that state;
    # not "in new york" read as its own city.
    rest = re.sub(rf"\b{re.escape(state.words)}\b", " ", text, flags=re.IGNORECASE)
    return destination_in(rest, state.state) or state


def city_in_state(city: str, state_words: str) -> Place | None:
    """The answer to "which state?": "ohio", "OH", "the one in ohio"."""
    named = _state_alone(state_words)
    code = _state_names().get(state_words.strip().lower().strip(".")) or (
        named.state if named else None
    )
    if code is None:
        return None
    name = _cities().get(city.lower(), {}).get(code)
    return Place("city", f"{name}, {code}", city=name, state=code) if name else None
