"""One user message as bot.guidance.answers sees it: the adapter from Rasa's tracker to a Turn.
Shared by the answerer and the search, which answers a topic question asked alongside
a search request."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_io import latest_entities, send
from bot.directory.places import states_named
from bot.directory.requests import changes_place
from bot.guidance import answers, profile
from bot.guidance.profile import entity_values
from bot.guidance.replies import Reply
from bot.nlp.topics_output import QUESTIONS, TOPIC_RANKING, Question, TopicScore


def _this_turn_slots(tracker: Tracker) -> dict[str, Any]:
    """Slots set since the latest user message (by the NLU's entities)."""
    found: dict[str, Any] = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") in answers.FACT_SLOTS:
            found.setdefault(event["name"], event.get("value"))
    return found


def _slots_before_turn(tracker: Tracker) -> dict[str, Any]:
    """The fact slots as they stood before the latest user message."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    before: dict[str, Any] = {}
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") in answers.FACT_SLOTS:
            before[event["name"]] = event.get("value")
    return before


def _stated_place_and_insurance(
    text: str, entities: list[dict[str, Any]], known_place: str | None
) -> list[EventType]:
    """A place or an insurance named in passing ("we're in 60612, on Medicare"): places
    need checking against real ZIPs and cities, so they are not plain slot mappings. Once
    the place is known, a town named inside a question about something else ("hotels in
    Denver are so expensive") does not move the person there."""
    events: list[EventType] = []
    named_place = entity_values(entities, "zip_code") + entity_values(entities, "city")
    # A small town is no city entity, but "Traverse City MI" names its state too.
    if named_place or states_named(text):
        place = profile.location(text, entities, answering=False)
        town = named_place[0] if named_place else (place.city if place else None)
        moved = not known_place or (town is not None and changes_place(text, str(town)))
        if place and (named_place or place.city) and moved:
            events += [
                SlotSet("location", place.display),
                SlotSet("zip_code", place.zip_code),
                SlotSet("city", place.city),
                SlotSet("us_state", place.state),
            ]
    named = [
        *entity_values(entities, "insurance_kind"),
        *entity_values(entities, "insurance_carrier"),
        *entity_values(entities, "plan_type"),
    ]
    found = profile.insurance(text, entities) if named else None
    if found:
        events += [
            SlotSet("insurance_kind", found.kind),
            SlotSet("insurance_carrier", found.carrier),
        ]
    return events


def words_for(text: str, entities: list[dict[str, Any]], name: str) -> str | None:
    """The words the person used for an entity ("neuroblastoma" for a childhood cancer)."""
    for entity in entities:
        if entity.get("entity") == name and "start" in entity and "end" in entity:
            return text[int(entity["start"]) : int(entity["end"])].strip() or None
    return None


RECENT_MESSAGES = 3


def _recent_user_texts(tracker: Tracker) -> tuple[str, ...]:
    """The person's messages before the latest one, the last few, newest first."""
    texts = [
        str(e.get("text") or "")
        for e in tracker.events
        if e.get("event") == "user" and not str(e.get("text") or "").startswith("/")
    ]
    return tuple(reversed(texts[:-1][-RECENT_MESSAGES:]))


def _previous_bot_texts(tracker: Tracker) -> tuple[str, ...]:
    """The texts the bot sent in its last turn before this message, in order."""
    texts: list[str] = []
    seen_user = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                break
            seen_user = True
        elif kind == "bot" and seen_user and event.get("text"):
            texts.append(str(event["text"]))
    return tuple(reversed(texts))


def turn_of(tracker: Tracker, intent: str | None = None) -> tuple[answers.Turn, list[EventType]]:
    """The latest message as a Turn (read as `intent` when given), and the slot events
    for the place and insurance it stated."""
    latest = tracker.latest_message
    entities = latest_entities(tracker)
    chosen = entity_values(entities, "topic")
    text = str(latest.get("text") or "")
    events = _stated_place_and_insurance(text, entities, tracker.get_slot("location"))
    stated = {**_this_turn_slots(tracker), **{e["name"]: e["value"] for e in events}}
    # Said again ("Kaiser" in every message) is not news: acknowledged only when it changes.
    before = _slots_before_turn(tracker)
    new_facts = {k: v for k, v in stated.items() if before.get(k) != v}
    turn = answers.Turn(
        intent=intent or str((latest.get("intent") or {}).get("name") or ""),
        text=text,
        questions=[Question.from_dict(q) for q in latest.get(QUESTIONS) or []],
        topic_ranking=[TopicScore.from_dict(t) for t in latest.get(TOPIC_RANKING) or []],
        intent_ranking=list(latest.get("intent_ranking") or []),
        slots={**tracker.current_slot_values(), **new_facts},
        new_facts=new_facts,
        chosen_topic=chosen[0] if chosen else None,
        cancer_words=words_for(text, entities, "cancer_type"),
        last_bot_texts=_previous_bot_texts(tracker),
        last_topics=tuple(tracker.get_slot("last_topics") or []),
        recent_texts=_recent_user_texts(tracker),
    )
    return turn, events


def asked_in_piece(turn: answers.Turn) -> bool:
    """A piece of the message is confidently a topic question, whatever the whole
    message was read as ("what is an NCI center and is that what we want")."""
    return any(q.confidence >= answers.PIECE_ANSWER_CONFIDENCE for q in turn.questions)


def send_answers(dispatcher: CollectingDispatcher, turn: answers.Turn) -> list[str]:
    """Answers a question asked beside something else (a search, a form's answer), its
    texts without buttons: what the message was mainly about sends its own. Returns the
    topics answered."""
    replies, answered = answers.respond(turn)
    if answered:
        send(dispatcher, [Reply(r.text) for r in replies])
    return answered
