"""Answering a person's message: the topic questions it asks, the facts it states, and
how it is said.

The NLU has already found the topics (per question, when there are several) and the
facts (as slots set this turn). This module decides what to say, from the topic
catalogue and the message catalogue only, so the action that calls it stays a thin
adapter and every word stays reviewable in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bot.content import message, message_table
from bot.directory.places import names_another_state
from bot.guidance import facts, journey, profile
from bot.guidance.replies import Button, Reply
from bot.guidance.topics import Topic, catalogue
from bot.nlp.segments import TAG_QUESTION
from bot.nlp.topics_output import Question, TopicScore
from bot.vocabulary.index import label_of
from bot.vocabulary.terms import fold, plan_label, plan_topics

MAX_ANSWERS = 3
# How much more likely a topic asked mostly by people like this one is.
AUDIENCE_BOOST = 2.0
# The rules of the plan the person has, against another plan's ("Kaiser Senior
# Advantage" is an HMO, but its Medicare Advantage rules are the answer).
PLAN_BOOST = 3.0
# A topic whose own signal words the message uses ("blocks", "anesthesiologist", "on a
# CD"), among the message's best few.
SIGNAL_BOOST = 3.0
# A short message right after an answer is often about the same thing: topics sharing
# words with what was just answered, or in its step, are more likely.
FOLLOW_UP_WORDS = 9
FOLLOW_UP_WORD_BOOST = 0.75
FOLLOW_UP_STEP_BOOST = 1.5
# "How long does that take?", "what are the rules for us then": words that point back
# at what was just answered make its part of the journey likelier still.
ANAPHOR_BOOST = 2.0
# Topics on the same page of the journey are about one thing (what prior authorization
# is, and how long it takes): likelier still than the rest of the step.
SAME_PAGE_BOOST = 2.0
# A longer message that points back ("how long does that take to come back, they want
# to start chemo soon") is still a follow-up.
FOLLOW_UP_WORDS_WITH_ANAPHOR = 20
# "how do we find one": a follow-up with almost no words of its own is about what was
# just answered, whatever its one word suggests on its own.
THIN_CONTENT_WORDS = 2
THIN_FOLLOW_UP_BOOST = 3.0
# In a message of several questions, a piece's topic that the whole message also ranks
# high is likelier.
WHOLE_MESSAGE_BOOST = 1.5
# A topic the whole message points to this clearly is answered beside its one question's
# own topic, when the two differ.
WHOLE_ANSWER_SHARE = 0.35
WHOLE_ANSWER_PROBABILITY = 0.3
# A topic whose question needs words the message lacks (bot/guidance/topics.py `needs`) is this
# much less likely.
WITHOUT_NEEDED_WORDS = 0.1
# ... and more likely when a place in another state stands for them ("would SoonerCare
# pay for Memphis?"): a question about going there.
ELSEWHERE_BOOST = 2.0
# Each word a topic's question shares with the person's last few messages, when a short
# message points back at someone or something ("him", "that"): tuned on dev.
EARLIER_WORD_BOOST = 0.5
# The same words in Spanish ("¿y eso cuánto tarda?", "¿y a él le pueden ver?").
_POINTS_AT_SOMEONE = re.compile(
    r"\b(him|her|he|she|them|that|it|this|[eé]l|ella|ellos|ellas|eso|esto)\b", re.IGNORECASE
)
_ANAPHOR = re.compile(
    r"\b(that|it|this|those|these|then|they|them|there|one|eso|esto|esos|esas|ah[ií]|"
    r"all[ií]|entonces|uno|una)\b"
    # "¿la paga?", "¿cómo lo consigo?": a Spanish pronoun before the verb.
    r"|\b(la|lo|las|los)\s+(paga|pagan|cubre|cubren|consigo|consigue|pido|piden|pedimos|hago|"
    r"mando|mandan|necesito|aceptan|acepta)\b",
    re.IGNORECASE,
)
# A piece of a message this likely to be a topic question is answered, whatever the
# whole message looked like (a statement with a question in it, say).
PIECE_ANSWER_CONFIDENCE = 0.35
# A piece written as a question ("what do i say ...?") whose best topic clearly leads its
# alternatives needs less (tuned on the development conversations).
LOOSE_PIECE_CONFIDENCE = 0.2
_QUESTION_WORDS = (
    r"what|what'?s|wat|wats|how|how'?s|hw|when|where|where'?s|which|who|why|can|could|cud|"
    r"should|shud|do|does|is|are|will|would|wud|any\s+way|is\s+there|"
    r"qu[eé]|q|c[oó]mo|cu[aá]ndo|d[oó]nde|cu[aá]l|qui[eé]n|por\s*qu[eé]|xq|pq|cu[aá]nto|"
    r"puedo|puede|pueden|podemos|debo|debe|hay|necesito|se\s+puede"
)
_ASKS = re.compile(
    rf"\?|\b({_QUESTION_WORDS})\b[^.!]*$|^\s*({_QUESTION_WORDS})\b|{TAG_QUESTION.pattern}",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
_STOP_WORDS = frozenset(
    "the and for you your our are can could does did how what when where who which why "
    "will would should this that with have has get got about from second opinion opinions "
    "doctor doctors need there their they them him her his she its one ones those these "
    "then cancer "
    # The same in Spanish, written without accents (words are compared that way).
    "que como cuando donde cual quien por para con los las una uno unos unas del mas pero "
    "puedo puede pueden podemos tengo tiene tienen hay esto eso este esta ese esa ella ellos "
    "segunda opinion medico medicos doctor cancer mis sus nos les muy tambien".split()
)
CHILD_AUDIENCE = "child"
ADULT = "adult"
CAREGIVER = "caregiver"
SELF = "self"
# A topic is answered outright when it clearly leads; otherwise the closest two or three
# are offered ("Did you mean ...?"). Tuned on the development conversations only.
ANSWER_SHARE = 0.5
ANSWER_RATIO = 1.6
# A question's best topic this far ahead is answered even when others are close, with
# the others offered as buttons after the answer.
ANSWER_WITH_OTHERS_RATIO = 1.0
CLARIFY_SHARE = 0.05
# Two topics this close, in the same journey step, are answered rather than asked about.
RELATED_SHARE = 0.1
# Below this share of the whole intent ranking the topics are not offered at all.
CLARIFY_MIN_TOPIC_PROBABILITY = 0.15
# "What is the difference between X and Y": the second topic is answered too when it is
# this likely, and this close to the first.
_COMPARES = re.compile(
    r"\b(difference|diff|differ\w*|vs\.?|versus|compared?\s+(to|with)|diferencia|"
    r"comparad[oa]\s+con)\b",
    re.IGNORECASE,
)
_COMPARING_WORDS = re.compile(r"\b(between|entre|what'?s|whats|and|or|y|o)\b", re.IGNORECASE)
COMPARE_SHARE = 0.15
COMPARE_RATIO = 0.2
# ... or, among the next few, when its question names what the message names beside
# the first topic's words, from this share.
COMPARED_OPTIONS = 3
COMPARE_NAMED_SHARE = 0.02
# Facts that are acknowledged, in the order they are named.
FACT_SLOTS = (
    "patient_label",
    "cancer_type",
    "location",
    "insurance_carrier",
    "insurance_kind",
    "plan_type",
    "treatment_timing",
    "urgency",
)
# Intents whose message may carry a topic question beside what it mainly is.
ANSWERABLE_INTENTS = frozenset({"faq", "nlu_fallback", "inform", "share_feelings"})
# Intents whose safety reply has already been sent; the answerer adds only answers.
AFTER_SAFETY_REPLY = frozenset({"urgent_symptoms", "medical_advice"})
# A question read clearly enough is answered for these, after the safety reply too.
QUESTION_ANSWERED_INTENTS = ANSWERABLE_INTENTS | AFTER_SAFETY_REPLY
# Someone about to start treatment gets the timing answer with their acknowledgement.
TIMING_TOPIC = "time_before_treatment"
# Someone who names their insurance learns whether it pays for a second opinion.
COVERAGE_TOPIC = "insurance_covers_second_opinion"
DUAL_TOPIC = "medicare_and_medicaid"
# Asking whether insurance pays for it: "would that pay for another dr", "is it covered",
# "¿me cubre una segunda opinión?", "eso me lo paga?".
_ASKS_IF_COVERED = re.compile(
    r"\b(is\s+(it|that|this|a\s+second\s+opinion)\s+covered|get\s+(it|that|this|her|him)\s+covered|"
    r"(do|does|will|would|can|could)\s+(they|it|that|this|he|she|the\s+plan|my\s+plan|"
    r"(my|his|her|our)\s+(insurance|plan|medicaid|medicare))\s+(even\s+)?(cover|pay)|"
    r"(cover|covers|pay\s+for)\s+(it|that|this|a\s+second|the\s+second|another|a\s+2nd)|"
    r"(me|le|nos|les)\s+(lo\s+|la\s+)?(cubre|cubren|paga|pagan|pagar[aá]|cubrir[aá])|"
    r"(cubre|cubren|paga|pagan)\s+(una|la|el|eso|esto|otra))\b",
    re.IGNORECASE,
)
_COVERAGE_WORDS = re.compile(r"\b(cover|covers|covered|pay|pays|paid)\b", re.IGNORECASE)
# Annoyance with the bot itself: the answer starts with a short apology.
_FRUSTRATION = re.compile(
    r"\b(not\s+what\s+i\s+(asked|meant|wanted)|you\s+(already|just)\s+(said|told|sent)|"
    r"(didn'?t|did\s+not|doesn'?t|does\s+not|dont|don'?t)\s+answer|same\s+(answer|message|reply)|"
    r"(you|u)\s+(keep\s+)?(saying|sending|giving|telling)\s+(me\s+)?the\s+same|"
    r"(that'?s|this\s+is|thats)\s+the\s+same\s+thing\s+(again|you)|"
    r"not\s+helpful|(you'?re|you\s+are|ur|this\s+(is|bot\s+is)|that'?s|thats|that\s+was|it'?s)\s+(\w+\s+)?useless|"
    r"are\s+you\s+(even\s+)?listening|i\s+already\s+(said|told|asked)|"
    r"stop\s+repeating|wrong\s+answer|that'?s\s+not\s+it|read\s+my\s+question|"
    r"(this|that|it|you|thats|this\s+chat|none\s+of\s+this)\s*('?s|'?re|\s+is|\s+are)?\s+(not|isn'?t|wasn'?t|"
    r"doesn'?t|didn'?t|aren'?t)\s+(really\s+|even\s+)?help(ing|ful)?|"
    r"no\s+me\s+(est[aá]s?\s+)?(ayuda|ayudando|sirve|sirvi[oó])|ya\s+me\s+lo\s+(dijo|dijiste)|"
    r"eso\s+ya\s+(me\s+)?lo\s+(dijo|dijiste|le[ií]|sab[ií]a)|no\s+es\s+lo\s+que\s+(pregunt[eé]|ped[ií]))\b",
    re.IGNORECASE,
)
_FEELING_WORDS = re.compile(
    r"\b(scared|afraid|fear|terrified|frightened|overwhelm\w*|anxious|anxiety|worried|worry|"
    r"panic\w*|nervous|stress\w*|cry\w*|tears|sad|devastat\w*|shock\w*|numb|lost|alone|"
    r"hopeless|heartbroken|upset|freak\w*|falling\s+apart|can'?t\s+stop\s+thinking|"
    r"don'?t\s+know\s+what\s+to\s+do|so\s+hard|too\s+much|struggling)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Turn:
    """What the answerer needs to know about one user message and its conversation."""

    intent: str
    text: str
    questions: list[Question]
    topic_ranking: list[TopicScore]
    intent_ranking: list[dict[str, Any]]
    # The conversation's slots, including what this message set.
    slots: dict[str, Any]
    # Fact slots that this message set or changed (slot → value).
    new_facts: dict[str, Any] = field(default_factory=dict)
    # The person's own words for their cancer ("neuroblastoma"), when they named it.
    cancer_words: str | None = None
    # A topic chosen with a button ("Did you mean ...").
    chosen_topic: str | None = None
    # What the bot said last, to never say the same thing twice in a row.
    last_bot_texts: tuple[str, ...] = ()
    # The topics the bot answered last, which a short follow-up is likely about.
    last_topics: tuple[str, ...] = ()
    # The person's few messages before this one: "what should I ask him" is about the
    # surgeon named three turns ago.
    recent_texts: tuple[str, ...] = ()


def respond(turn: Turn) -> tuple[list[Reply], list[str]]:
    """The replies to one message, each answer its own message, buttons on the last;
    and the topics answered, which the next message may follow up on."""
    topics, offered = _topics_asked(turn)
    topics = list(dict.fromkeys(_for_whom(t, turn) for t in topics))
    # Both at once: the best topic answered, the close ones offered after it.
    with_others = bool(topics and offered)
    replies: list[Reply] = []
    acknowledgement = _acknowledgement(turn)
    if acknowledgement:
        replies.append(Reply(acknowledgement))
    if turn.new_facts.get("treatment_timing") and TIMING_TOPIC not in topics:
        topics = [*topics[: MAX_ANSWERS - 1], TIMING_TOPIC]
    rules = _plan_topic(turn)
    plan_topic = rules or _coverage_topic(turn)
    if plan_topic and not topics and not offered:
        # "We switched to a PPO in January": what that plan's rules are is the answer;
        # "I have Medi-Cal": whether it pays for a second opinion.
        topics = [plan_topic]
    elif rules and topics and topics[0] == COVERAGE_TOPIC and rules not in topics:
        # "It's the Blue Advantage HMO, is that going to be a problem?": whether plans pay
        # says little; that plan's own rules (referrals, network) are what matters.
        topics = [*topics[: MAX_ANSWERS - 1], rules]
    covered = _coverage_for_plan(topics, turn)
    if covered:
        topics, offered = covered, []
    for need in _needs_said(turn):
        if need not in topics:
            topics = [*topics[: MAX_ANSWERS - 1], need]
    if _FEELING_WORDS.search(turn.text):
        if turn.intent == "share_feelings":
            replies.insert(0, Reply(message("empathy"), journey.start_buttons()))
        elif topics:
            # Fear said alongside a question: one warm line, then the answer.
            replies.insert(0, Reply(message("empathy_short")))
    # Annoyance is about our last reply; before any reply there is nothing to be sorry for.
    frustrated = bool(turn.last_bot_texts) and bool(_FRUSTRATION.search(turn.text))
    if frustrated:
        replies.insert(0, Reply(message("sorry_lead")))
    replies += [Reply(text) for text in _answer_texts(topics, turn)]
    note = _cancer_note(topics, turn)
    if note:
        replies.append(Reply(note))
    if with_others:
        topic = catalogue()[topics[0]]
        buttons = (
            *(_topic_button(t) for t in offered),
            journey.page_button(topic.step, topic.page),
        )
        replies.append(Reply(message("clarify_also"), buttons))
        return _never_repeat(replies, turn), topics
    if topics:
        # An answer already given (the timing answer for someone about to start
        # treatment, say) settles the question; no "Did you mean" after it.
        offered = []
    if frustrated and not topics and not offered:
        done = list(turn.slots.get("steps_done") or [])
        return [journey.menu_reply(done, intro=message("sorry_other_ways"))], []
    if offered:
        asked_before = message("clarify") in turn.last_bot_texts
        text = message("clarify_again" if asked_before else "clarify")
        replies.append(Reply(text, tuple(_topic_button(t) for t in offered)))
        return _never_repeat(replies, turn), []
    if not replies:
        if turn.intent in AFTER_SAFETY_REPLY:
            return [], []
        replies.append(
            Reply(message("didnt_get_that" if turn.intent == "nlu_fallback" else "what_next"))
        )
    elif acknowledgement and replies == [Reply(acknowledgement)]:
        # Only facts were told: say where to go from here, not just "noted".
        done = list(turn.slots.get("steps_done") or [])
        step = journey.next_step(turn.slots.get("current_step"), done)
        if step:
            replies.append(Reply(message("after_facts", step=journey.title(step))))
    return _never_repeat(_with_buttons(replies, topics, turn), turn), topics


def noted(turn: Turn) -> tuple[list[Reply], list[str]]:
    """What a wish for a second opinion that came with facts ("tonsil cancer, BCBS HMO in
    Chicago, I want someone neutral") gets before the journey's questions: the facts said
    back, so the form asks only for what is still missing, and for someone about to start
    treatment, the timing answer. Returns the replies and the topics answered."""
    acknowledgement = _acknowledgement(turn)
    replies = [Reply(acknowledgement)] if acknowledgement else []
    topics = [TIMING_TOPIC] if turn.new_facts.get("treatment_timing") else []
    replies += [Reply(text) for text in _answer_texts(topics, turn)]
    return (_never_repeat(replies, turn) if replies else []), topics


def step_after(answered: list[str]) -> dict[str, Any]:
    """After a topic answer the person is in its journey step, just before the page
    that goes deeper, so "more" opens that page next."""
    if not answered:
        return {}
    topic = catalogue()[answered[-1]]
    return {"current_step": topic.step, "step_page": float(topic.page - 1)}


def _topics_asked(turn: Turn) -> tuple[list[str], list[str]]:
    """(topics to answer, topics to offer as "Did you mean ...")."""
    known = catalogue()
    if turn.chosen_topic in known:
        return [str(turn.chosen_topic)], []
    defined = terms_explained(turn.text)
    if len(defined) > 1:
        beside = _asked_beside_terms(turn, defined)
        return defined[: MAX_ANSWERS - len(beside)] + beside, []
    if len(turn.questions) > 1:
        chosen: list[str] = []
        whole = {t.topic for t in turn.topic_ranking}
        for question in turn.questions:
            options = _fitted(list(question.alternatives), turn) or []
            # A short piece ("how long does it take") is read with the whole message:
            # topics the whole message also points to are likelier.
            options = sorted(
                options, key=lambda o: -o.share * (WHOLE_MESSAGE_BOOST if o.topic in whole else 1)
            )
            if chosen:
                # The questions of one message are usually about one subject.
                options = _near(options, known[chosen[-1]])
            best = next((o.topic for o in options if o.topic not in chosen), question.topic)
            if best in known and best not in chosen:
                chosen.append(best)
        return chosen[:MAX_ANSWERS], []
    confident = [q for q in turn.questions if q.confidence >= PIECE_ANSWER_CONFIDENCE]
    if confident and confident[0].topic in known and turn.intent in QUESTION_ANSWERED_INTENTS:
        # After the urgent reply ("his belly was swollen for weeks … is Birmingham the
        # right kind of place for a baby?") a clear question is still answered.
        # Still read with what we know: "how do we find one" right after trials.
        options = _fitted(list(confident[0].alternatives), turn)
        fitted = options[0].topic if options and options[0].topic in known else None
        compared = _compared_with(options[0], options, turn) if fitted else None
        first = fitted or confident[0].topic
        return [first, *([compared] if compared else _whole_beside(first, turn))], []
    leading = _leading_question(turn)
    if leading:
        return [leading], []
    ranking = [t for t in turn.topic_ranking if t.topic in known]
    if turn.questions and (not ranking or turn.questions[0].confidence >= ranking[0].probability):
        question = turn.questions[0]
        ranking = list(question.alternatives) or [
            TopicScore(question.topic, 1.0, question.confidence)
        ]
    # A fact told with a question ("would insurance pay for that kind, we have Medica")
    # reads as a statement; the question in it is still answered.
    asks = turn.intent in ANSWERABLE_INTENTS and bool(_ASKS.search(turn.text))
    # A statement that tells nothing new about the person ("UAB says 5 weeks for new
    # patients. my surgery is in 4. ugh") is about a problem: the topics it points to
    # are offered rather than a bare "what next?".
    problem = turn.intent == "inform" and not turn.new_facts
    if not ranking or not (
        turn.intent in ("faq", "nlu_fallback", "medical_advice") or asks or problem
    ):
        return [], []
    ranking = _fitted(ranking, turn)
    top = ranking[0]
    second = ranking[1].share if len(ranking) > 1 else 0.0
    if turn.intent == "medical_advice":
        # The medical question was declined; a clear topic question beside it is answered.
        return ([top.topic] if top.share >= ANSWER_SHARE else []), []
    compared = _compared_with(top, ranking, turn)
    if compared:
        # "What's the difference between an NCI center and a CoC one?": both, side by side.
        return [top.topic, compared], []
    close_and_related = (
        len(ranking) > 1
        and top.share >= RELATED_SHARE
        and known[ranking[1].topic].step == known[top.topic].step
    )
    if turn.intent == "faq" and (
        top.share >= ANSWER_SHARE or top.share >= ANSWER_RATIO * second or close_and_related
    ):
        # Two close topics of the same step: the first answers well enough, and its
        # "More" button goes deeper into the same part.
        return [top.topic], []
    if _topic_probability(turn) < CLARIFY_MIN_TOPIC_PROBABILITY and not _is_follow_up(turn):
        return [], []
    offered = [t.topic for t in ranking[:3] if t.share >= CLARIFY_SHARE]
    if len(offered) == 1 and _ASKS.search(turn.text):
        # A question with one topic far ahead of every other ("can my girlfriend talk
        # to the doctors for me?") is answered, however unsure the intent was.
        return offered, []
    if len(offered) > 1 and _asks_clearly(turn, ranking):
        # A question whose best topic still leads: answer it, and offer the others
        # ("Or did you mean ...") one tap away.
        return [offered[0]], offered[1:]
    return [], offered if len(offered) > 1 or turn.intent == "faq" else []


# Asking what words mean: "what do these mean", "what's the difference", "explain",
# "¿qué significa?", "¿qué quiere decir?".
_ASKS_MEANING = re.compile(
    r"\bwhat\s+(do|does)\s+(\S+\s+){0,6}?mean\b|\bwhat.?s\s+the\s+difference\b|"
    r"\bwhat\s+(is|are)\s+the\s+difference\b|\bexplain\b|\bmeaning\s+of\b|\bdefin\w*|"
    r"\bqu[eé]\s+(significa|significan|quiere\s+decir|quieren\s+decir)\b|\bdiferencia\b|"
    r"\bexpli\w+|\bme\s+lo\s+explica\w*",
    re.IGNORECASE,
)


def terms_explained(text: str) -> list[str]:
    """The topics that explain the terms a message asks the meaning of, in the order it
    names them ("what do NCI-designated, Commission on Cancer and PPS-exempt mean for
    me?"): one answer each. [] when it asks no meaning."""
    if not _ASKS_MEANING.search(text):
        return []
    named = []
    for topic in catalogue().values():
        found = re.search(topic.defines, text, re.IGNORECASE) if topic.defines else None
        if found:
            named.append((found.start(), topic.id))
    return [topic_id for _, topic_id in sorted(named)]


def _asked_beside_terms(turn: Turn, defined: list[str]) -> list[str]:
    """A clear question asked beside the terms ("what do NCI designated and CoC mean?
    and do i need a referral with Medicare?"): at most one, so the reply stays short.
    Topics that define terms are left out: a term named is already in `defined`, and one
    not named is only the classifier's neighbour of those."""
    known = catalogue()
    for question in turn.questions:
        if question.confidence < PIECE_ANSWER_CONFIDENCE:
            continue
        options = _fitted(list(question.alternatives), turn) or []
        best = options[0].topic if options else question.topic
        if best in known and best not in defined and not known[best].defines:
            return [best]
    return []


def _whole_beside(first: str, turn: Turn) -> list[str]:
    """The topic the whole message clearly points to, when its one question reads as
    another: "she has Medicare and Medicaid both. can she get a second opinion and what
    would it cost her" asks whether to, and what people with both pay."""
    ranking = _fitted([t for t in turn.topic_ranking if t.topic in catalogue()], turn)
    if not ranking or ranking[0].topic == first:
        return []
    top = ranking[0]
    clear = top.share >= WHOLE_ANSWER_SHARE and top.probability >= WHOLE_ANSWER_PROBABILITY
    return [top.topic] if clear else []


def _compared_with(top: TopicScore, ranking: list[TopicScore], turn: Turn) -> str | None:
    """The other topic a comparison asks about: one of the next few that is close, or
    whose question names what the message names beside the first topic's words ("the
    Commission on Cancer" beside "NCI-designated"); None when the message compares
    nothing."""
    if not _COMPARES.search(turn.text):
        return None
    known = catalogue()
    asked = _COMPARING_WORDS.sub(" ", _COMPARES.sub(" ", turn.text))
    said = _content_words(asked) - _content_words(known[top.topic].question)
    for option in ranking[1:COMPARED_OPTIONS]:
        close = option.share >= max(COMPARE_SHARE, top.share * COMPARE_RATIO)
        named = option.share >= COMPARE_NAMED_SHARE and bool(
            said & _content_words(known[option.topic].question)
        )
        if close or named:
            return option.topic
    return None


def _asks_clearly(turn: Turn, ranking: list[TopicScore]) -> bool:
    """A question (a question mark or a question word) whose best topic is at least level
    with the next: answering it and offering the rest beats asking "Did you mean"."""
    return (
        (turn.intent == "faq" or bool(_ASKS.search(turn.text)))
        and len(ranking) > 1
        and ranking[0].share >= ANSWER_WITH_OTHERS_RATIO * ranking[1].share
    )


def _leading_question(turn: Turn) -> str | None:
    """A question written as one ("what do i even say to his oncologist") inside a long
    message of facts: the whole message looks like nothing in particular, but if one
    topic clearly leads for the question itself, it is answered rather than only the
    facts acknowledged."""
    if turn.intent not in QUESTION_ANSWERED_INTENTS or not _ASKS.search(turn.text):
        return None
    for question in turn.questions:
        if question.confidence < LOOSE_PIECE_CONFIDENCE:
            continue
        options = _fitted(list(question.alternatives), turn)
        if (
            options
            and options[0].topic in catalogue()
            and (len(options) == 1 or options[0].share >= ANSWER_RATIO * options[1].share)
        ):
            return options[0].topic
    return None


def _fitted(ranking: list[TopicScore], turn: Turn) -> list[TopicScore]:
    """The ranking re-weighed by what we know: "how much will I pay" from someone on
    Medicare is most likely the Medicare question, a question about records for a
    15-year-old the one about a child's records, and a short follow-up ("how long does
    that take?") most likely about what was just answered."""
    kind = turn.slots.get("insurance_kind")
    minor = turn.slots.get("patient_minor") == "yes"
    adult = turn.slots.get("patient_minor") == "no"
    plan_topic = plan_topics().get(str(turn.slots.get("plan_type")))
    other_plans = set(plan_topics().values()) - {plan_topic}
    denied = {plan_topics()[p] for p in facts.plans_denied(turn.text) if p in plan_topics()}
    topics = catalogue()
    previous = [topics[t] for t in turn.last_topics if t in topics]
    follow_up = bool(previous) and _is_follow_up(turn)
    previous_words = (
        set().union(*(_content_words(t.question) for t in previous)) if previous else set()
    )
    refers_back = follow_up and bool(_ANAPHOR.search(turn.text))
    thin = refers_back and len(_content_words(turn.text)) <= THIN_CONTENT_WORDS
    # A short message about someone or something named earlier ("what do I ask him"):
    # topics about what the person said a few messages ago are likelier.
    pointing = len(turn.text.split()) <= FOLLOW_UP_WORDS_WITH_ANAPHOR and bool(
        _POINTS_AT_SOMEONE.search(turn.text)
    )
    remembered = (
        set().union(*(_content_words(t) for t in turn.recent_texts)) - _content_words(turn.text)
        if pointing and turn.recent_texts
        else set()
    )

    # The message, and the one before it ("we might go to Houston." "would Medicaid pay?").
    said = " ".join([turn.text, *turn.recent_texts[:1]])

    @cache
    def elsewhere() -> bool:
        return names_another_state(said, turn.slots.get("us_state"))

    def weight(score: TopicScore) -> float:
        topic = topics[score.topic]
        value = score.share
        if topic.id in denied:
            # "What would I owe? I don't have a supplement": not the Medigap question.
            return value / (PLAN_BOOST * AUDIENCE_BOOST)
        # A topic with a variant for their insurance fits them as well as one written for it.
        tailored = topic.audience == kind or (
            kind not in (None, profile.UNKNOWN) and kind in topic.by_insurance
        )
        if tailored or (topic.audience == CHILD_AUDIENCE and minor):
            value *= AUDIENCE_BOOST
        elif topic.audience not in (None, CHILD_AUDIENCE) and kind not in (None, profile.UNKNOWN):
            value /= AUDIENCE_BOOST
        elif topic.audience == CHILD_AUDIENCE and adult:
            # "My son is 28": a son, but not a child's records or a children's hospital.
            value /= AUDIENCE_BOOST
        if topic.needs and not re.search(topic.needs, said, re.IGNORECASE):
            if topic.needs_or_other_state and elsewhere():
                value *= ELSEWHERE_BOOST
            else:
                value *= WITHOUT_NEEDED_WORDS
        signalled = bool(topic.signals and re.search(topic.signals, turn.text, re.IGNORECASE))
        if signalled or (topic.signals_other_state and elsewhere()):
            value *= SIGNAL_BOOST
        if plan_topic and topic.id == plan_topic:
            # "What are the rules for us" from someone with a PPO: the PPO's rules.
            value *= PLAN_BOOST
        elif plan_topic and topic.id in other_plans:
            # Another plan's rules are not a follow-up to theirs, however close.
            return value / PLAN_BOOST
        if remembered:
            value *= 1 + EARLIER_WORD_BOOST * min(
                len(_content_words(topic.question) & remembered), 2
            )
        if follow_up and topic.id not in turn.last_topics:
            shared = len(_content_words(topic.question) & previous_words)
            value *= 1 + FOLLOW_UP_WORD_BOOST * min(shared, 3)
            if any(p.step == topic.step for p in previous):
                value *= FOLLOW_UP_STEP_BOOST * (ANAPHOR_BOOST if refers_back else 1.0)
                if any(p.page == topic.page for p in previous if p.step == topic.step):
                    value *= SAME_PAGE_BOOST * (THIN_FOLLOW_UP_BOOST if thin else 1.0)
        return value

    # Ordered by the full weight; the share stays a share (at most 1), so two topics
    # boosted past 1 keep the order their weights give them.
    weighted = [(weight(score), score) for score in ranking]
    return [
        TopicScore(score.topic, min(w, 1.0), score.probability)
        for w, score in sorted(weighted, key=lambda ws: -ws[0])
    ]


def _is_follow_up(turn: Turn) -> bool:
    """A short message right after an answer, likely about what was just answered."""
    words = len(turn.text.split())
    return bool(turn.last_topics) and (
        words <= FOLLOW_UP_WORDS
        or (words <= FOLLOW_UP_WORDS_WITH_ANAPHOR and bool(_ANAPHOR.search(turn.text)))
    )


def _near(options: list[TopicScore], beside: Topic) -> list[TopicScore]:
    """Options re-ranked with topics of the step of `beside` weighed up, and those on
    its page more."""
    topics = catalogue()

    def weight(option: TopicScore) -> float:
        topic = topics[option.topic]
        if topic.step != beside.step:
            return option.share
        same_page = SAME_PAGE_BOOST if topic.page == beside.page else 1.0
        return option.share * FOLLOW_UP_STEP_BOOST * same_page

    weighted = [(weight(o), o) for o in options]
    return [o for _, o in sorted(weighted, key=lambda wo: -wo[0])]


def _content_words(text: str) -> set[str]:
    """Word stems that say what a question is about (not "how", "my", "opinion")."""
    words = _WORD.findall(fold(text))
    return {w[:6] for w in words if w not in _STOP_WORDS and len(w) > 2}


def _topic_probability(turn: Turn) -> float:
    return next(
        (float(r["confidence"]) for r in turn.intent_ranking if r.get("name") == "faq"), 0.0
    )


def own_cancer_words(turn: Turn) -> str | None:
    """The person's own name for their cancer when our label would hide it."""
    return profile.own_cancer_words(turn.slots.get("cancer_type"), turn.cancer_words)


def _acknowledgement(turn: Turn) -> str | None:
    """One short line naming the facts this message told us, in the person's terms."""
    slots = turn.slots
    said = {name: slots.get(name) for name in FACT_SLOTS if name in turn.new_facts}
    if not said:
        return None
    facts = profile.describe(
        {
            k: v
            for k, v in said.items()
            if k in ("cancer_type", "location", "insurance_carrier", "insurance_kind")
        }
        | (
            {"insurance_carrier": slots.get("insurance_carrier")}
            if "insurance_kind" in said
            else {}
        )
        | {"cancer_words": own_cancer_words(turn)}
    )
    if said.get("plan_type"):
        # "a PPO plan" says more than "private insurance".
        kind = label_of("insurance_kind", str(slots.get("insurance_kind")))
        facts = [f for f in facts if f != kind] + [plan_label(str(said["plan_type"]))]
    if said.get("patient_label"):
        facts.insert(0, profile.patient_label(str(said["patient_label"])))
    if said.get("treatment_timing"):
        facts.append(str(said["treatment_timing"]))
    elif said.get("urgency") not in (None, profile.UNKNOWN):
        facts.append(label_of("urgency", str(said["urgency"])))
    if not facts:
        return None
    return message("facts_noted", facts=", ".join(dict.fromkeys(facts)))


def _needs_said(turn: Turn) -> list[str]:
    """Topics whose answer meets a need this message states in passing (`offered_when`),
    unless the last reply gave it."""
    return [
        topic.id
        for topic in catalogue().values()
        if topic.offered_when
        and topic.id not in turn.last_topics
        and re.search(topic.offered_when, turn.text, re.IGNORECASE)
    ]


def _plan_topic(turn: Turn) -> str | None:
    """The answer about the rules of a plan this message newly names."""
    named = turn.new_facts.get("plan_type")
    topic = plan_topics().get(str(named)) if named else None
    return topic if topic in catalogue() else None


def _coverage_for_plan(topics: list[str], turn: Turn) -> list[str] | None:
    """ "He has CHIP, would that pay for another doctor?": whether a second opinion is
    covered, asked by someone whose insurance is known, gets the answer for that
    insurance, in place of another plan's ("Marketplace plans must cover…" to someone
    insured through work) or before a topic that answers something else. None: the
    topics stand."""
    kind = turn.slots.get("insurance_kind")
    if kind in (None, profile.UNKNOWN) or not _ASKS_IF_COVERED.search(turn.text):
        return None
    right = _for_whom(COVERAGE_TOPIC, turn)
    family = {COVERAGE_TOPIC, *catalogue()[COVERAGE_TOPIC].see_for.values()}
    if right in topics:
        return None
    if any(t in family for t in topics):
        return [right if t in family else t for t in topics]
    if any(_COVERAGE_WORDS.search(catalogue()[t].question) for t in topics):
        # Already an answer about what pays ("Will Medicaid pay if I go to another state?").
        return None
    return [right, *topics][:MAX_ANSWERS]


def _coverage_topic(turn: Turn) -> str | None:
    """Whether a second opinion is covered, for insurance this message newly names: by
    kind (bot/guidance/topics.py `see_for`, `by_insurance`), and for Medicare named with Medicaid,
    the answer for people who have both."""
    kind = turn.new_facts.get("insurance_kind")
    if kind in (None, profile.UNKNOWN):
        return None
    both = catalogue()[DUAL_TOPIC]
    if kind == "medicare" and both.needs and re.search(both.needs, turn.text, re.IGNORECASE):
        return DUAL_TOPIC
    return _for_whom(COVERAGE_TOPIC, turn)


def _answer_texts(topics: list[str], turn: Turn) -> list[str]:
    known = catalogue()
    minor = turn.slots.get("patient_minor") == "yes"
    kind = turn.slots.get("insurance_kind")
    texts = []
    for topic_id in topics[:MAX_ANSWERS]:
        topic = known[topic_id]
        text = topic.text_for(kind if kind != profile.UNKNOWN else None, minor)
        if text in turn.last_bot_texts:
            # Asked again: the same words did not help, so go one level deeper.
            text = message("more_on_that", text=journey.page_text(topic.step, topic.page, kind))
        texts.append(text)
    return texts


def _cancer_note(topics: list[str], turn: Turn) -> str | None:
    """After an answer about finding the right doctor, one line with the person's own
    cancer in it, and the kind of specialist for it where one is known."""
    cancer_type = turn.slots.get("cancer_type")
    known = catalogue()
    if cancer_type in (None, profile.UNKNOWN) or not any(
        known[t].names_cancer for t in topics[:MAX_ANSWERS] if t in known
    ):
        return None
    words = turn.cancer_words or turn.slots.get("cancer_words")
    cancer = profile.own_cancer_words(cancer_type, words) or label_of("cancer_type", cancer_type)
    specialist = message_table("specialist_for_cancer").get(str(cancer_type))
    if specialist:
        return message("cancer_specialist", cancer=cancer, specialist=specialist)
    return message("cancer_experience", cancer=cancer)


def _for_whom(topic_id: str, turn: Turn) -> str:
    """The topic written for this person when there is one: "which kind of doctor" for
    a child is the question of where a child should go, the cost question from
    someone on Medicare is Medicare's, "does my plan pay" from someone with a
    Medicare Advantage plan is that plan's, and "what should I ask him" is about the
    kind of doctor named last."""
    topic = catalogue()[topic_id]
    plan = str(turn.slots.get("plan_type"))
    doctor = str(facts.doctor_named((turn.text, *turn.recent_texts)))
    for who in (*_whom_for(turn), plan, str(turn.slots.get("insurance_kind")), doctor):
        if who in topic.see_for:
            return topic.see_for[who]
    return topic_id


def _whom_for(turn: Turn) -> tuple[str, ...]:
    """Who the person asks for, as `see_for` names it: a child, an adult known not to
    be a child ("my son is 28"), or someone else."""
    if turn.slots.get("patient_minor") == "yes":
        return (CHILD_AUDIENCE, CAREGIVER)
    adult = (ADULT,) if turn.slots.get("patient_minor") == "no" else ()
    if turn.slots.get("patient") not in (None, SELF):
        return (*adult, CAREGIVER)
    return adult


def _topic_button(topic_id: str) -> Button:
    topic = catalogue()[topic_id]
    return Button(topic.label, f'/faq{{"topic":"{topic_id}"}}')


def _with_buttons(replies: list[Reply], topics: list[str], turn: Turn) -> list[Reply]:
    """The last message offers where to go next: the step page that goes deeper on the
    (last) topic answered, else the next step; always "my plan" and a person."""
    done = list(turn.slots.get("steps_done") or [])
    buttons: list[Button] = []
    if topics:
        topic: Topic = catalogue()[topics[-1]]
        buttons.append(journey.page_button(topic.step, topic.page))
        buttons += [
            b
            for b in journey.standard_buttons(turn.slots.get("current_step"), done)
            if b.payload != f"/step_{topic.step}"
        ]
    else:
        buttons += journey.standard_buttons(turn.slots.get("current_step"), done)
    last = replies[-1]
    replies[-1] = Reply(last.text, last.buttons or tuple(dict.fromkeys(buttons))[:4])
    return replies


def _never_repeat(replies: list[Reply], turn: Turn) -> list[Reply]:
    """If the whole reply would be what the bot just said, say so and offer other ways
    forward instead of sending the same words again."""
    if [r.text for r in replies] == list(turn.last_bot_texts[-len(replies) :]):
        done = list(turn.slots.get("steps_done") or [])
        return [journey.menu_reply(done, intro=message("repeat_instead"))]
    return replies
