"""Directory results as short chat messages with a phone number each, and the next
steps as buttons (more results, a wider search, NCI centers, questions to ask)."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote_plus

from bot.content import load, texts
from bot.directory.search import RADII, Result, SearchPage, SearchQuery, not_known
from bot.guidance.replies import Button, Reply
from bot.vocabulary.index import label_of

DIRECTIONS_URL = "https://www.google.com/maps/dir/?api=1&destination="
NCI_RADIUS = 250  # NCI centers are few; many people travel for a second opinion


def _text(key: str, **values: object) -> str:
    return str(texts("directory.yml")[key]).format(**values)


def _button(key: str, payload: str, **values: object) -> Button:
    return Button(str(texts("directory.yml")["buttons"][key]).format(**values), payload)


def _search_payload(**entities: object) -> str:
    inner = ",".join(f'"{k}":"{v}"' for k, v in entities.items())
    return f"/search_more{{{inner}}}"


def _words(text: str) -> set[str]:
    # Letters with accents too: "médico", "oncólogo".
    return set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower()))


def asks_for_doctors(text: str) -> bool:
    """Whether a search request asks for doctors rather than hospitals: "an oncologist
    near 60612" does; "the surgeon wants to operate, is there a hospital near us" asks
    for a hospital."""
    words = _words(text)
    if any(w.startswith("hosp") for w in words) or words & {"center", "centers", "centre"}:
        return False
    return bool(words & set(load("search_words.yml")["provider_words"]))


def asks_about_network(text: str) -> bool:
    """ "Filter by my insurance", "are they in my network": with no network lists
    loaded, the honest answer is how to check."""
    return bool(_words(text) & set(load("search_words.yml")["network_words"]))


def wider_radius(radius: float) -> int | None:
    """The next radius out, or None when the next step is the national list."""
    return next((r for r in RADII if r > radius), None)


def distance_text(result: Result) -> str:
    """About-distances: positions are campus points or ZIP centres, never exact."""
    if result.in_your_zip:
        return _text("distance_your_zip")
    miles = result.distance_miles
    if miles is None:
        # The national list without a place: where it is, not how far.
        return _text("distance_place", city=result.city or "", state=result.state or "")
    if miles < 0.75:
        return _text("distance_under_one")
    if miles < 1.5:
        return _text("distance_one")
    return _text("distance_about", miles=round(miles))


def _wider_button(radius: float) -> Button:
    wider = wider_radius(radius)
    if wider is None:
        return _button("national", _search_payload(search_radius="national"))
    return _button("wider", _search_payload(search_radius=wider), miles=wider)


def _national_button() -> Button:
    return _button("national", _search_payload(search_radius="national"))


def state_wide(query: SearchQuery, place: str) -> bool:
    """The cancer centers of one state, for someone who named the state and no town."""
    return query.national and query.in_state_only and bool(query.state) and not place


def _intro(query: SearchQuery, place: str, cancer: str | None) -> str:
    for_type = _text("for_type", cancer=cancer) if cancer else ""
    radius = int(query.radius_miles)
    if query.offset:
        return _text("more_intro", place=place)
    if state_wide(query, place):
        key = "intro_state_child" if query.fit.patient == "child" else "intro_state"
        state = label_of("us_state", str(query.state))
        return _text(key, state=state, for_type=for_type)
    if query.national:
        key = "intro_national_child" if query.fit.patient == "child" else "intro_national"
        return _text(f"{key}_anywhere" if not place else key, place=place, for_type=for_type)
    if query.kind == "hospitals" and query.fit.patient == "child":
        return _text("intro_hospitals_child", place=place, radius=radius)
    return _text(f"intro_{query.kind}", place=place, for_type=for_type, radius=radius)


def _result_line(number: int, result: Result, cancer: str | None) -> Reply:
    unknown = not_known()
    reasons = [r for r in result.reasons if unknown not in r]
    if cancer and any(unknown in r for r in result.reasons):
        reasons.append(_text("unknown_type", cancer=cancer))
    values = {
        "number": number,
        "name": result.name,
        "distance": distance_text(result),
        "reasons": "".join(f"{r.rstrip('.')}. " for r in reasons),
    }
    if result.phone:
        text = _text("result", phone=result.phone, **values)
    else:
        text = _text("result_no_phone", no_phone=_text("no_phone"), **values)
    return Reply(text, card=_card(result, reasons))


def _card(result: Result, badges: list[str]) -> dict[str, object]:
    """What the web page draws: the same facts as the text, plus a call link and a
    directions link."""
    street = ", ".join(p for p in (result.address, result.city) if p)
    address = " ".join(p for p in (street + ",", result.state, result.zip_code) if p)
    digits = re.sub(r"[^0-9]", "", result.phone or "")
    destination = quote_plus(f"{result.name}, {address}")
    return {
        "name": result.name,
        "distance": distance_text(result),
        "badges": badges,
        "address": address.strip(", ") or None,
        "phone": result.phone,
        "tel": f"tel:+1{digits[-10:]}" if len(digits) >= 10 else None,
        "directions": f"{DIRECTIONS_URL}{destination}",
        "state": result.state,
        "group": result.group,
        "for_only": result.for_only,
    }


def result_replies(
    page: SearchPage,
    query: SearchQuery,
    place: str,
    carrier: str | None = None,
    offer_national: bool = False,
) -> list[Reply]:
    """Results as numbered messages with the next steps as buttons. `carrier` (the
    person's insurer, if known) adds how to check the network; `offer_national` (a rare
    or child's cancer) adds the national list as the first next step."""
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
        return _empty_replies(query, place)
    replies = [Reply(_intro(query, place, cancer))]
    for number, result in enumerate(page.results, start=query.offset + 1):
        replies.append(_result_line(number, result, cancer))
    buttons = []
    if page.total > query.offset + len(page.results) and not state_wide(query, place):
        buttons.append(_button("more", "/search_more"))
    if not query.national and query.kind == "hospitals":
        if offer_national:
            buttons.append(_national_button())
        buttons.append(_wider_button(query.radius_miles))
    if query.kind == "hospitals" and not query.national:
        buttons.append(_kind_switch(query))
    if carrier and not query.insurance and query.offset == 0:
        buttons.append(_button("insurance", _search_payload(insurance_carrier=carrier)))
    buttons += [_questions_button(), _person_button()]
    notes = _not_applied_notes(page, query)
    if query.national and not query.offset:
        notes.append(_text("virtual_note"))
        if page.center is None and not state_wide(query, place):
            notes.append(_text("nearest_first_offer"))
    elif offer_national and not query.offset:
        key = "national_offer" if cancer else "national_offer_general"
        notes.append(_text(key, cancer=cancer))
    if notes:
        replies.append(Reply(" ".join(notes)))
    replies[-1] = replace(replies[-1], buttons=tuple(buttons))
    return replies


def _empty_replies(query: SearchQuery, place: str) -> list[Reply]:
    radius = int(query.radius_miles)
    if query.offset:
        return [Reply(_text("no_more", radius=radius), (_questions_button(), _person_button()))]
    if query.kind == "providers":
        return [
            Reply(_text("empty_providers", radius=radius, place=place)),
            Reply(_text("empty_options"), (_kind_switch(query), _person_button())),
        ]
    wider = wider_radius(radius)
    buttons = [_wider_button(radius)] if wider else []
    buttons += [_national_button(), _person_button()]
    return [
        Reply(
            _text("empty_hospitals", radius=radius, place=place, wider=wider or radius),
            tuple(buttons),
        )
    ]


def network_check() -> Reply:
    return Reply(_text("check_network"), (_questions_button(), _person_button()))


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


def doctors_not_listed(query: SearchQuery, place: str) -> Reply:
    """Before hospitals shown in place of doctors: our doctor list is still small."""
    return Reply(_text("providers_none", radius=int(query.radius_miles), place=place))


def place_unknown() -> Reply:
    return Reply(_text("place_unknown"), (_person_button(),))


def place_not_found(words: str) -> Reply:
    return Reply(_text("place_not_found", place=words))


def which_state(city: str) -> Reply:
    return Reply(_text("which_state", city=city))
