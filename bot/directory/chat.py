"""Directory results as short chat messages with a phone number each, and the next
steps as buttons (more results, a wider search, NCI centers, questions to ask)."""

from __future__ import annotations

import re

from bot.content import load
from bot.directory.search import NOT_KNOWN, SearchPage, SearchQuery
from bot.nlp.vocabulary import label_of
from bot.replies import Button, Reply

WIDER_RADIUS = 50
NCI_RADIUS = 250  # NCI centers are few; many people travel for a second opinion


def _text(key: str, **values: object) -> str:
    return str(load("directory.yml")[key]).format(**values)


def _button(key: str, payload: str) -> Button:
    return Button(load("directory.yml")["buttons"][key], payload)


def _search_payload(**entities: object) -> str:
    inner = ",".join(f'"{k}":"{v}"' for k, v in entities.items())
    return f"/search_more{{{inner}}}"


def asks_for_doctors(text: str) -> bool:
    """Whether a search request names doctors rather than hospitals."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & set(load("directory.yml")["provider_words"]))


def _distance(miles: float) -> str:
    """ZIP-code centres make short distances coarse; "0.0 mi" would mislead."""
    return "under 1" if miles < 1 else f"{miles:.1f}"


def result_replies(
    page: SearchPage, query: SearchQuery, place: str, carrier: str | None = None
) -> list[Reply]:
    """Results as numbered messages; `carrier` (the person's insurer, if known) adds a
    "filter by my insurance" button."""
    cancer = label_of("cancer_type", query.cancer_type) if query.cancer_type else None
    if not page.results and query.insurance and "insurance" not in page.not_applied:
        name = label_of("insurance_carrier", query.insurance)
        return [
            Reply(
                _text("empty_network", carrier=name, radius=int(query.radius_miles)),
                (_questions_button(), _person_button()),
            )
        ]
    if not page.results:
        if query.offset:
            return [
                Reply(
                    _text("no_more", radius=int(query.radius_miles)),
                    (_questions_button(), _person_button()),
                )
            ]
        return [
            Reply(_text(f"empty_{query.kind}", radius=int(query.radius_miles), place=place)),
            Reply(
                _text("empty_options"),
                (
                    _kind_switch(query),
                    _button("wider", _search_payload(search_radius=WIDER_RADIUS)),
                    _button(
                        "nci",
                        _search_payload(
                            designation="nci", search_radius=NCI_RADIUS, search_kind="hospitals"
                        ),
                    ),
                    _person_button(),
                ),
            ),
        ]
    intro_key = "more_intro" if query.offset else f"intro_{query.kind}"
    replies = [Reply(_text(intro_key, place=place, for_type=f" for {cancer}" if cancer else ""))]
    for number, result in enumerate(page.results, start=query.offset + 1):
        reasons = [r for r in result.reasons if not r.endswith(" mi") and NOT_KNOWN not in r]
        if cancer and any(NOT_KNOWN in r for r in result.reasons):
            reasons.append(_text("unknown_type", cancer=cancer))
        text = _text(
            "result",
            number=number,
            name=result.name,
            distance=_distance(result.distance_miles),
            reasons="".join(f"{r.rstrip('.')}. " for r in reasons),
            phone=result.phone or "",
        )
        if not result.phone:
            text = text.replace("Call .", _text("no_phone"))
        replies.append(Reply(text))
    buttons = []
    if page.total > query.offset + len(page.results):
        buttons.append(_button("more", "/search_more"))
    if query.kind == "hospitals":
        buttons.append(_kind_switch(query))
    if carrier and not query.insurance:
        buttons.append(_button("insurance", _search_payload(insurance_carrier=carrier)))
    buttons += [_questions_button(), _person_button()]
    notes = _not_applied_notes(page, query)
    if notes:
        replies.append(Reply(" ".join(notes)))
    replies[-1] = Reply(replies[-1].text, tuple(buttons))
    return replies


def _not_applied_notes(page: SearchPage, query: SearchQuery) -> list[str]:
    """Says which asked-for filters rest on no data, so unknown stays "ask them" (once,
    on the first page)."""
    notes: list[str] = []
    if query.offset:
        return notes
    if query.insurance and "insurance" in page.not_applied:
        notes.append(
            _text("network_not_known", carrier=label_of("insurance_carrier", query.insurance))
        )
    if query.language and "language" in page.not_applied:
        language = label_of("language", query.language)
        notes.append(_text(f"language_not_known_{query.kind}", language=language))
    return notes


def _kind_switch(query: SearchQuery) -> Button:
    """Doctors after hospitals, hospitals after doctors."""
    if query.kind == "hospitals":
        return _button("doctors", _search_payload(search_kind="providers"))
    return _button("hospitals", _search_payload(search_kind="hospitals"))


def _questions_button() -> Button:
    return _button("questions", "/step_specialist")


def _person_button() -> Button:
    return _button("person", "/talk_to_person")


def place_unknown() -> Reply:
    return Reply(_text("place_unknown"), (_person_button(),))
