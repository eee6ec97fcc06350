"""Splitting one message into the questions it asks.

People put several questions in one message ("what records do I need? and does medicare
pay for it"), wrap a question in thanks ("ok thanks. how long does it take?"), or tell
their story first ("my plan says I need prior auth. how do I get it"). The classifier
scores each question on its own, carrying the statements around it and, for a short
question that points back ("how do I get it"), the sentence before it, so each
question can get its own answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spanish question words, with and without accents and as texted ("q", "xq").
_ES_ASKS = (
    r"q|qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde|qui[eé]n|cu[aá]l(?:es)?|cu[aá]nt[oa]s?|"
    r"por\s*qu[eé]|xq|pq|puedo|puede|podemos|pueden|debo|debe|tengo\s+que|hay|necesito|"
    r"se\s+puede|me\s+(?:cubre|cubren|pagan?|pueden)|l[oa]\s+cubre|l[oa]\s+pagan?"
)
# "Quiero saber si Medicare paga y si podemos ir con cualquier médico": "si" (whether)
# before a verb or an article asks.
_ES_WHETHER = (
    r"si\s+(?:el|la|los|las|me|le|nos|les|lo|puedo|podemos|puede|pueden|hay|tengo|tiene|"
    r"tenemos|es|son|van|va|necesito|necesita|debo|debemos|cubre|paga|pagan|aceptan|acepta)"
)
# English words that start a second question after "and" or a comma.
_EN_ASKS = (
    r"what|what'?s|how|how'?s|when|where|where'?s|who|which|why|do|does|can|could|will|"
    r"would|should"
)
# "I still have no idea what it will cost": a question asked as a statement.
_EN_WONDERS = (
    r"i\s+(?:still\s+)?(?:have\s+no\s+idea|don'?t\s+know|do\s+not\s+know|dont\s+know)\s+"
    r"(?:what|how|if|whether|where|when|who|which)"
    r"|i(?:\s+am|'?m)\s+(?:still\s+)?not\s+sure\s+(?:what|how|if|whether|where|when|who|which)"
)
# Sentence ends, line breaks, and the joins people use between two questions.
_BOUNDARY = re.compile(
    # "Two things: can her doctor talk to me, and ..." starts its first question after
    # the colon.
    r"(?<=[?.!;:])\s+"
    r"|\n+"
    r"|\s+(?:and\s+also|also,?|plus|and\s+then|oh\s+and|y\s+tambi[eé]n|y\s+adem[aá]s)\s+"
    rf"|,?\s+(?:and|but|so|n|&|\+)\s+(?=(?:{_EN_ASKS}|is|are)\b)"
    rf"|,\s+(?=(?:{_EN_ASKS}|{_EN_WONDERS})\b)"
    rf"|,?\s+(?:y|pero|o\s+sea|entonces)\s+(?=¿?(?:{_ES_ASKS}|{_ES_WHETHER})\b)"
    rf"|,\s+(?=¿(?:{_ES_ASKS})\b)"
    # After a comma, only words that cannot be a plain "que" (that) or "como" (like).
    r"|,\s+(?=(?:qu[é]|c[ó]mo|cu[aá]ndo|d[oó]nde|cu[aá]nt[oa]s?|por\s*qu[eé]|xq)\b)",
    re.IGNORECASE,
)
# "1) ...", "(2) ...": the items of a numbered list of questions.
_NUMBERED = re.compile(r"(?:^|(?<=[\s,;:]))\(?[1-9]\)\s+")
_LEAD_WORDS = re.compile(
    r"^(?:and|but|so|also|ok(?:ay)?|then|plus|oh|well|um+|hi|hey|"
    r"y|pero|entonces|bueno|pues|tambi[eé]n|oiga|mire|hola|otra\s+cosa)[\s,]+|^¿\s*",
    re.IGNORECASE,
)
# "I asked IS IT COVERED": the question asked again, read without the words around it.
_RESTATED = re.compile(
    r"^(?:i\s+(?:just\s+|already\s+)?asked(?:\s+you)?(?:\s+if|\s+whether)?|"
    r"(?:le|te)\s+pregunt[eé](?:\s+si)?)[\s,]+",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^(?:what|wat|wht|whats|what's|how|hw|when|where|who|which|why|y|do|does|did|dose|can|"
    r"could|cn|is|are|r|will|would|should|shud|shld|may|am|any|anything|is\s+there|"
    r"i\s+(?:want|need)\s+to\s+know|tell\s+me|explain|wondering|i'?m\s+wondering|"
    rf"{_EN_WONDERS}|"
    # "if i go can i get help with a hotel": a condition, then the question.
    r"if\s+[^?.!]{1,40}?\b(?:can|could|do|does|will|would|should|is|are)\s+(?:i|we|he|she|they|you|u|it)|"
    rf"{_ES_ASKS}|{_ES_WHETHER}|quisiera\s+saber|quiero\s+saber|d[ií]game|expl[ií]queme)\b",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"\b(?:it|that|this|them|they|those|these|one|there|eso|esto|ese|esa|ah[ií]|all[aá]|"
    r"lo|la|los|las)\b",
    re.IGNORECASE,
)
# Not "y mi esposo trabaja", a statement about someone. "And out of pocket max" after a
# question asks the same about something else; "and my husband works" does not.
_GOES_ON = re.compile(
    r"^(?:y|o)\s+(?!(?:mi|mis|su|sus|yo|ella|[eé]l|ellos|nosotros)\b)\S+\s+\S+"
    r"|^(?:and|or|also|plus|n)\s+(?!(?:my|mine|his|her|their|our|i|i'?m|we|we'?re|he|he'?s|she|"
    r"she'?s|they|they'?re|it'?s|that'?s|thank\w*|thx)\b)\S+(?:\s+\S+){0,4}\W*$",
    re.IGNORECASE,
)
_THEN = re.compile(r"\b(?:then|now|entonces|ahora)\b", re.IGNORECASE)
# Lead-ins that say nothing about the question ("ok thanks.", "got it!").
_SMALL_TALK = re.compile(
    r"^(?:(?:ok(?:ay)?|thanks?|thank\s+you(?:\s+so\s+much)?|thx|ty|great|got\s+it|cool|perfect|"
    r"hi|hey|hello|yes|yeah|no|sure|wow|good|nice|that\s+helps|that'?s\s+helpful|"
    r"gracias|muchas\s+gracias|vale|bueno|perfecto|entendido|s[ií]|qu[eé]\s+bien|[oó]rale|"
    r"hola|buenas|buenos\s+d[ií]as|buenas\s+tardes|buenas\s+noches)[\s,.!]*)+$",
    re.IGNORECASE,
)
MIN_WORDS = 2
SHORT_QUESTION_WORDS = 7
THIN_QUESTION_WORDS = 5
MAX_SEGMENTS = 6


# A question said as a statement with a tag: "covered or not", "yes or no", "¿sí o no?".
TAG_QUESTION = re.compile(
    r"\b(?:or\s+not|or\s+no|yes\s+or\s+no|o\s+no|s[ií]\s+o\s+no)\W*$", re.IGNORECASE
)


# "Will do", "can try that", "will call them tomorrow": an auxiliary straight before a
# verb, with no one asked about, says what the person will do; it asks nothing.
_SAYS_WHAT_I_WILL_DO = re.compile(
    r"^(?:will|can|could|would|should|may|do|did|gonna|going\s+to)\s+(?:do|try|call|check|"
    r"ask|let|get|go|send|look|make|bring|keep|follow|talk|reach|text|email|update|see|"
    r"start|wait|think|read|write|print|share)\b",
    re.IGNORECASE,
)


def is_question(piece: str) -> bool:
    stripped = _LEAD_WORDS.sub("", _RESTATED.sub("", piece.strip()))
    if not piece.rstrip().endswith("?") and _SAYS_WHAT_I_WILL_DO.match(stripped):
        return False
    return (
        piece.rstrip().endswith("?")
        or bool(_QUESTION_START.match(stripped))
        or bool(TAG_QUESTION.search(piece))
    )


@dataclass(frozen=True)
class Piece:
    """One question as asked, and the same with the words around it that it needs."""

    asked: str
    in_context: str
    # "What happens then?", "what does that mean exactly?" after a statement: a question
    # with no subject of its own, which only its context can say what it is about.
    leans_on_context: bool = False


def split(text: str) -> list[Piece]:
    """The message's questions, each with the statements before it (and, when it is
    short and points back, the sentence before it); [] when there is only one piece."""
    numbered = _numbered_items(text)
    if numbered:
        return numbered
    pieces = [p.strip(" ,") for p in _BOUNDARY.split(text) if p and p.strip(" ,")]
    if len(pieces) < 2:
        return []
    questions: list[Piece] = []
    context: list[str] = []
    previous: str | None = None
    for piece in pieces:
        if len(piece.split()) < MIN_WORDS or _SMALL_TALK.match(piece):
            continue
        # "¿qué llevo?? y me van a hacer más estudios ahí mismo": a Spanish yes/no
        # question has no question word, but "y …" right after a question goes on asking.
        goes_on_asking = bool(
            questions and previous == questions[-1].asked and _GOES_ON.match(piece)
        )
        if not (is_question(piece) or goes_on_asking):
            context.append(piece)
            previous = piece
            continue
        points_back = len(piece.split()) <= SHORT_QUESTION_WORDS and bool(
            _POINTS_BACK.search(piece)
        )
        lead = context or ([previous] if previous and points_back else [])
        if not context and points_back and questions and questions[-1].leans_on_context:
            # "they said i need prior authorization. wat is that and who does it": "it"
            # is what the question before pointed back to, so its words come too.
            lead = [questions[-1].in_context]
        thin = len(piece.split()) <= THIN_QUESTION_WORDS and bool(
            _POINTS_BACK.search(piece) or _THEN.search(piece)
        )
        restated = _RESTATED.match(piece)
        piece = _RESTATED.sub("", piece)
        questions.append(
            Piece(piece, " ".join([*lead, piece]), thin and bool(lead) and not restated)
        )
        context, previous = [], piece
    if context and questions:
        # Statements after the last question ("is there time? surgery is monday").
        last = questions[-1]
        questions[-1] = Piece(
            last.asked, " ".join([last.in_context, *context]), last.leans_on_context
        )
    return questions[:MAX_SEGMENTS]


def _numbered_items(text: str) -> list[Piece]:
    """ "Three questions: 1) do we need a referral, 2) how do we get the CT images":
    each numbered item is a question, however it is worded; the words before the list
    are the first one's context."""
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < 2:
        return []
    preamble = text[: marks[0].start()].strip(" ,;:")
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end() : end].strip(" ,;.") for m, end in zip(marks, ends, strict=True)]
    pieces = [
        Piece(item, f"{preamble} {item}".strip() if number == 0 else item)
        for number, item in enumerate(items)
        if len(item.split()) >= MIN_WORDS
    ]
    return pieces[:MAX_SEGMENTS]
