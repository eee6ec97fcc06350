"""The safety guard: crisis, emergency, medical-advice and "a person" messages, found by
patterns that do not depend on the NLU model.

A missed crisis is the worst failure this product can have, so these rules hold whatever
the classifier thinks: `SafetyGuard` (bot/nlp) forces the intent inside the Rasa model,
and `ChatService` checks the replies afterwards. Patterns err on the side of over-calling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CRISIS = "crisis"
EMERGENCY = "medical_emergency"
MEDICAL_ADVICE = "medical_advice"
TALK_TO_PERSON = "talk_to_person"


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_CRISIS = _compile(
    r"\b(kill|hurt|harm|cutt?)(ing|s)?\s+(my\s*self|myself)\b",
    r"\bsuicid",
    r"\bself[\s-]?harm",
    r"\b(end|take|ending|taking)\s+(my|his|her|their)\s+(own\s+)?life\b",
    r"\bend(ing)?\s+it\s+all\b",
    r"\b(wants?|wanna|wish|ready)\s+(to\s+)?die\b",
    r"\bwish\s+(i|he|she)\s+would\s+(just\s+)?die\b",
    r"\brather\s+(not\s+be\s+alive|be\s+dead|die)\b",
    r"\bstop\s+living\b",
    r"\bnever\s+wake\s+up\b",
    # A statement ("I'm going to die") is treated as crisis; the question ("am I going
    # to die?") is a prognosis question, handled below.
    r"\b(i'?m|i\s+am)\s+(going\s+to|gonna)\s+(die|end\s+it)\b",
    r"\bwant(ed)?\s+to\s+be\s+dead\b",
    r"\bwish\s+(that\s+)?i\s+(could\s+die|was\s+dead|were\s+dead|was\s+gone|wasn'?t\s+here|was\s+never\s+born)\b",
    r"\bbetter\s+off\s+dead\b",
    r"\b(don'?t|do\s+not|dont|doesn'?t|does\s+not|doesnt)\s+want\s+to\s+(live|be\s+alive|be\s+here|wake\s+up)\b",
    r"\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b",
    r"\bwhat'?s\s+the\s+point\s+(of|in)\s+(living|life|going\s+on)\b",
    r"\bnot\s+worth\s+living\b",
    r"\b(reason|want|need)\s+(for\s+me\s+)?to\s+(stay|keep)\s+(alive|living|going)\b",
    r"\b(tired|sick)\s+of\s+(being\s+alive|living|life)\b",
    r"\b(can'?t|cannot|can\s+not)\s+(go\s+on|do\s+this)\s+any\s*more\b",
    r"\bend\s+it\b",
    r"\bhow\s+i\s+(would|could|will|might)\s+do\s+it\b",
    r"\bgive\s+up\s+on\s+(life|living)\b",
    r"\bnot\s+(be|being)\s+here\s+any\s*more\b",
    r"\bdisappear\s+(forever|for\s+good)\b",
    r"\bkms\b",
    r"\boverdose\b",
)

_EMERGENCY = _compile(
    r"\bchest\s+(pain|pains|hurts|pressure|tightness)\b",
    r"\b(can'?t|cannot|can\s+not|cant|unable\s+to|trouble|hard\s+to|struggling\s+to)\s+breath",
    r"\bnot\s+breathing\b",
    r"\bcollaps(ed|ing|e)\b",
    r"\bpassed\s+out\b",
    r"\bunconscious\b",
    r"\b(not|isn'?t|won'?t|wont)\s+waking\s+up\b",
    r"\bunresponsive\b",
    r"\bseizure",
    r"\bheart\s+attack\b",
    r"\bstroke\b",
    r"\bchoking\b",
    r"\b(severe|heavy|a\s+lot\s+of|lots\s+of)\s+bleeding\b",
    r"\bbleeding\s+(heavily|a\s+lot|badly|won'?t\s+stop|wont\s+stop|that\s+won'?t\s+stop)\b",
    r"\b(won'?t|wont|can'?t|cant)\s+stop\s+(the\s+)?bleeding\b",
)

_ADVICE_TOPICS: dict[str, re.Pattern[str]] = {
    "diagnosis": _compile(
        r"\bis\s+it\s+(really\s+)?cancer\b",
        r"\bdo\s+i\s+(really\s+)?have\s+cancer\b",
        r"\b(could|can)\s+(it|they|the\s+doctors?)\s+be\s+wrong\b",
        r"\bmisdiagnos",
        r"\bdiagnosis\b.*\bwrong\b|\bwrong\b.*\bdiagnosis\b",
        r"\bwhat\s+(does|do)\s+my\s+(biopsy|scan|scans|pathology|results|report|mri|ct|pet)\s+(mean|say)\b",
        r"\bwhat\s+stage\s+(is|am)\b",
        r"\bis\s+(it|this|my\s+\w+)\s+(benign|malignant)\b",
    ),
    "prognosis": _compile(
        r"\bhow\s+long\s+(do|does|will)\s+(i|he|she|they|my\s+\w+)\s+(have|live|survive)\b",
        r"\b(will|am)\s+(i|he|she|they|my\s+\w+)\s+(going\s+to\s+)?(die|survive|make\s+it)\b",
        r"\b(survival|cure|success)\s+(rate|rates|chance|chances|odds)\b",
        r"\bwhat\s+are\s+(my|his|her|their)\s+(chances|odds)\b",
        r"\bprognosis\b",
        r"\blife\s+expectancy\b",
        r"\bis\s+(it|this|my\s+\w+|stage\s+\w+)\s+(curable|terminal|fatal|treatable)\b",
    ),
    "dosing": _compile(
        r"\bhow\s+(much|many)\s+(mg|milligrams|pills|tablets|doses?)\b",
        r"\bhow\s+(much|many)\s+\w+\s+should\s+(i|he|she)\s+take\b",
        r"\b(dose|dosage|dosing)\b",
        r"\b(double|skip|stop|increase|decrease|lower|raise)\s+(my|his|her)\s+(dose|meds|medication|medicine|pills)\b",
        r"\bcan\s+(i|he|she)\s+(stop|quit)\s+taking\b",
        r"\bshould\s+(i|he|she)\s+(stop|keep|start)\s+taking\b",
    ),
    "treatment": _compile(
        r"\bwhich\s+(treatment|option|therapy|surgery|drug)\s+(should|is\s+best|is\s+better|do\s+you\s+recommend)",
        r"\bshould\s+(i|we|he|she|my\s+\w+)\s+(get|do|have|choose|pick|try|go\s+with|refuse|skip)\s+(chemo|chemotherapy|radiation|surgery|immunotherapy|a\s+mastectomy|a\s+lumpectomy|the\s+surgery|treatment|hormone\s+therapy)",
        r"\bis\s+(chemo|chemotherapy|radiation|surgery|immunotherapy)\s+(better|worse|worth\s+it|the\s+right)\b",
        r"\b(chemo|chemotherapy|radiation|surgery|lumpectomy|mastectomy)\s+or\s+(chemo|chemotherapy|radiation|surgery|lumpectomy|mastectomy)\b",
        r"\bwhat\s+(treatment|therapy)\s+should\b",
        r"\bbest\s+treatment\s+for\s+me\b",
    ),
}

_PERSON = _compile(
    r"\b(talk|speak|chat)\s+(to|with)\s+(a|an|some)?\s*(real\s+|live\s+)?(person|human|someone|somebody|agent|representative|nurse|navigator|staff)\b",
    r"\b(real|live)\s+(person|human)\b",
    r"\bhuman\s+please\b",
    r"^\s*(operator|agent|representative|human)\s*[.!]*\s*$",
)


@dataclass(frozen=True)
class Verdict:
    intent: str
    topic: str | None = None


def classify(text: str) -> Verdict | None:
    """The safety intent a message must get, most serious first, or None."""
    if _CRISIS.search(text):
        return Verdict(CRISIS)
    if _EMERGENCY.search(text):
        return Verdict(EMERGENCY)
    for topic, pattern in _ADVICE_TOPICS.items():
        if pattern.search(text):
            return Verdict(MEDICAL_ADVICE, topic)
    if _PERSON.search(text):
        return Verdict(TALK_TO_PERSON)
    return None


REQUIRED_IN_REPLY = {CRISIS: "988", EMERGENCY: "911"}
RESPONSE_FOR = {CRISIS: "utter_crisis", EMERGENCY: "utter_emergency"}


def reply_is_safe(verdict: Verdict | None, reply_texts: list[str]) -> bool:
    """Whether the bot's replies to a crisis or emergency name the number to call."""
    if verdict is None or verdict.intent not in REQUIRED_IN_REPLY:
        return True
    needed = REQUIRED_IN_REPLY[verdict.intent]
    return any(needed in text for text in reply_texts)
