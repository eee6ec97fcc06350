"""The safety guard: crisis, emergency, medical-advice and "a person" messages, found by
patterns that do not depend on the NLU model.

A missed crisis is the worst failure this product can have, so these rules hold whatever
the classifier thinks: `SafetyGuard` (bot/nlp) forces the intent inside the Rasa model,
and `ChatService` checks the replies afterwards. Patterns err on the side of over-calling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import language, safety_es
from bot.nlp.vocabulary import fold

CRISIS = "crisis"
EMERGENCY = "medical_emergency"
URGENT = "urgent_symptoms"
SAFE_NOW = "safe_now"
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
    r"\bend(ing)?\s+it\b",
    r"\bhow\s+i\s+(would|could|will|might)\s+do\s+it\b",
    r"\bgive\s+up\s+on\s+(life|living)\b",
    r"\bnot\s+(be|being)\s+here\s+any\s*more\b",
    r"\bdisappear\s+(forever|for\s+good)\b",
    r"\bkms\b",
    r"\boverdose\b",
    r"\b(i'?m|i\s+am|im)\s+not\s+safe\b",
    r"\b(don'?t|do\s+not|dont)\s+feel\s+safe\s+(with|around)\s+myself\b",
    # A caregiver telling us about someone else: the same reply, for them.
    r"\b(kill|hurt|harm|cutt?|hang|shoot)(ing|s)?\s+(him|her|them)sel(f|ves)\b",
    r"\b(hang|hanging|shoot|shooting)\s+myself\b",
    r"\bjump(ing|ed)?\s+(off|from)\s+(a|the|of)\s+\w+",
    r"\btak(e|ing)\s+(all|a\s+bunch|a\s+handful)\s+(of\s+)?(my|his|her|the|these|those)\s+(\w+\s+)?(pills|meds|medicines?|medications?|tablets)\b",
    r"\bbetter\s+off\s+(without\s+(me|him|her)|gone|if\s+(i|he|she)\s+(\w+\s+){0,2}(was|were|wasn'?t|wasnt|weren'?t|werent|died|gone|dead))\b",
    r"\b(shouldn'?t|shouldnt|should\s+not)\s+(even\s+)?be\s+(here|alive)\b",
    r"\b(if\s+)?i\s+(just\s+)?(wasn'?t|wasnt|weren'?t|werent)\s+(here|around|alive)\s+any\s*more\b",
    r"\b(go\s+to\s+sleep|sleep|fall\s+asleep)\s+and\s+(not|never)\s+wake\s+up\b",
    r"\b(hope|wish|pray)\s+(that\s+)?(i|he|she)\s+(don'?t|dont|doesn'?t|doesnt|never|won'?t|wont)\s+wake\s+up\b",
    r"\b(what\s+if|if\s+only|wish)\s+i\s+(just\s+)?(didn'?t|didnt|never)\s+wake\s+up\b",
    r"\bnothing\s+(left\s+)?to\s+live\s+for\b",
    r"\b(no|nothing)\s+(reason|point)\s+(left\s+)?(to|in)\s+(keep\s+going|keep\s+living|being\s+alive)\b",
    r"\bwant\s+(it\s+all|everything|all\s+of\s+(it|this)|my\s+life)\s+to\s+(end|stop|be\s+over)\b",
    r"\b(end|ending)\s+(things|everything)\b",
)

# "I'm safe" after a crisis reply must be acknowledged, not answered with the crisis text
# again; the phrase is removed before the crisis patterns run, so "I won't hurt myself"
# is not read as "hurt myself" while anything else in the message still is.
_SAFE_NOW = _compile(
    r"\b(i'?m|i\s+am|im)\s+(safe|ok(ay)?\s+now|fine\s+now|alright\s+now|not\s+suicidal)\b",
    r"\b(i'?m|i\s+am|im)\s+not\s+in\s+danger\b",
    r"\bi\s+(won'?t|will\s+not|wont|would\s+never|'?d\s+never|would\s+not|wouldn'?t)\s+(hurt|kill|harm)\s+myself\b",
    r"\b(not|never)\s+(going\s+to|gonna)\s+(hurt|kill|harm)\s+myself\b",
    r"\bi\s+(didn'?t|did\s+not|didnt)\s+mean\s+(it|that)(\s+literally)?\b",
    r"\bno\s+plans?\s+to\s+(hurt|harm|kill)\s+myself\b",
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
    r"\bchest\s+(is\s+|feels\s+|feel\s+|got\s+|getting\s+)?(really\s+|so\s+|very\s+|super\s+|kind\s+of\s+|kinda\s+)?(tight|heavy|crushing)\b",
    r"\b(tight(ness)?|pressure|squeezing|crushing|pain|pains)\s+in\s+(my|his|her|the)\s+chest\b",
    r"\bcrushing\s+(\w+\s+)?pain\b",
    r"\b(arm|face|jaw|one\s+side(\s+of\s+(my|his|her)\s+(body|face))?)\s+(is\s+|feels\s+|went\s+|goes\s+|got\s+)?(\w+\s+){0,3}numb\b",
    r"\b(face|mouth|smile)\s+(is\s+)?droop",
    r"\bslurr(ed|ing)\b",
    r"\bfainted\b",
    r"\b(lips|face|skin)\s+(are\s+|is\s+)?(turning\s+|turned\s+|going\s+)?(blue|gr[ae]y)\b",
    r"\bturn(ing|ed)\s+blue\b",
    r"\bthroat\s+(is\s+|feels\s+)?(closing|swelling|swollen)",
    r"\b(allergic|anaphylactic)\s+reaction\b",
    r"\banaphyla",
    r"\bgasping\b",
    r"\b(barely|hardly)\s+(\w+\s+)?breath",
    r"\b(severe|extreme|sudden)\s+short(ness)?\s+of\s+breath\b",
    r"\b(he|she|they|he'?s|she'?s|mom|dad|husband|wife|son|daughter)\s+(won'?t|wont|will\s+not|isn'?t|is\s+not|can'?t)\s+(wake|waking|respond|responding)\b",
    r"\b(can'?t|cannot|cant)\s+wake\s+(him|her|them|my\s+\w+)\s+up\b",
    r"\boverdosed\b",
)

# Symptoms that need the cancer care team today, not a guide: fever during treatment,
# vomiting that does not stop, any bleeding, new severe pain or swelling, confusion, or
# the question whether to go to the ER. Erring towards over-calling is cheap here: the
# reply is "call your care team's 24-hour line now", and the question still gets answered.
_URGENT = _compile(
    r"\bfever",
    r"\bfeverish\b",
    r"\b(fevr|fevers?|feaver|fever)\b",
    r"\b(high|running\s+a)\s+temp(erature)?\b",
    r"\btemp(erature)?\s+(is\s+|of\s+)?(10[0-5]|3[89]|40)(\.\d)?\b",
    r"\bchills\b",
    r"\b(can'?t|cannot|cant|unable\s+to|not\s+able\s+to)\s+(keep|hold)\s+(anything|any\s+\w+|food|water|fluids?|liquids?|it|meds|pills)\s+down\b",
    r"\b(is|been|keeps?|keep\s+on|still|started|won'?t\s+stop|wont\s+stop|nonstop|non-stop)\s+(vomiting|throwing\s+up|puking)\b",
    r"\b(vomit(ing|ed)?|throw(ing)?\s+up|threw\s+up|puk(ing|ed))\s+(all\s+(day|night)|for\s+(hours|days|\d+\s+hours)|since|every|non-?stop|again\s+and\s+again)\b",
    r"\b(cough(ing|ed|s)?|throw(ing|s)?|threw|spit(ting|s)?|vomit(ing|ed|s)?|puk(ing|ed|es))\s+(up\s+)?blood\b",
    r"\bblood\s+in\s+(my\s+|his\s+|her\s+|their\s+|the\s+)?(stool|stools|poop|urine|pee|vomit|spit|mucus|phlegm)\b",
    r"\b(black|bloody|tarry)\s+(stool|stools|poop|diarrh)",
    r"\bbleeding\b",
    r"\bbleeds?\b",
    r"\b(severe|terrible|horrible|unbearable|excruciating|awful|intense|sharp|sudden|worst|really\s+bad|very\s+bad|so\s+much|a\s+lot\s+of)\s+(\w+\s+)?(pain|headache|cramps|belly\s*ache|stomach\s*ache)\b",
    r"\bnew\s+(\w+\s+)?(pain|lump|swelling)\b",
    r"\bpain\s+(is\s+)?(getting\s+)?(worse|unbearable|out\s+of\s+control)\b",
    r"\bin\s+(so\s+much|a\s+lot\s+of|terrible|severe)\s+pain\b",
    r"\bswollen\b",
    r"\bswell(ing|ed|s)?\s+up\b",
    r"\b(leg|arm|belly|stomach|abdomen|face|ankle|ankles|legs|feet|neck)\s+(is\s+|are\s+|got\s+)?(swelling|swollen)\b",
    # Confusion as a symptom (someone else, or sudden), not "I'm confused about ...".
    r"\b(he|she|they|he'?s|she'?s|mom|dad|mother|father|husband|wife|grandma|grandpa|son|daughter|partner|patient)\s+(is|was|seems|seemed|got|gets|has\s+been|became|is\s+getting|keeps\s+getting)\s+(\w+\s+){0,2}?confused\b(?!\s+(about|by|to\s+decide|as\s+to|with))",
    r"\b(suddenly|newly)\s+(\w+\s+)?confused\b",
    r"\bconfused\s+and\s+(shaking|sleepy|drowsy|dizzy|feverish|weak|not\s+making\s+sense)\b",
    r"\b(new|sudden)\s+confusion\b",
    r"\bconfusion\s+(and|with)\b",
    r"\bdisoriented\b",
    r"\b(not\s+making\s+sense|talking\s+nonsense)\b",
    r"\bdoesn'?t\s+know\s+where\s+(he|she|they)\s+(is|are)\b",
    r"\bdehydrated\b",
    r"\b(severe|bad|nonstop|non-stop|watery)\s+diarrh",
    r"\bdiarrh\w*\s+(all\s+day|for\s+(hours|days)|won'?t\s+stop|every\s+hour)\b",
    r"\b(should|shud|shld|do|does|must|need\s+to|have\s+to)\s+(i|we|he|she|they)\s+((need|have)\s+(to|2)\s+)?(go|come|head|get|take\s+(him|her|them|my\s+\w+))\s+(in\s+)?((to|2)\s+)?(the\s+)?(er|e\.r\.?|emergency(\s+room|\s+department)?|hospital|urgent\s+care|a\s*&\s*e)\b",
    r"\b(should|do)\s+(i|we)\s+call\s+911\b",
    r"\b(go|going|take\s+\w+|run)\s+to\s+the\s+(er|e\.r\.?|emergency\s+room)\b",
    r"\bis\s+this\s+an\s+emergency\b",
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
        # Not "how long do I have to file a complaint".
        r"\bhow\s+long\s+(do|does|will)\s+(i|he|she|they|my\s+\w+)\s+(have|live|survive)\b(?!\s+(to\s+(?!live\b)|for\s|until\s|before\s))",
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
        r"\bwhich\s+(one|option|plan|treatment|approach|way|doctor)\s+(is|would\s+be)\s+(right|better|best|correct|safer)\b",
        r"\bwho\s+is\s+right\b",
        r"\bwhich\s+(one\s+|option\s+|treatment\s+|plan\s+|way\s+)?(would\s+(you|u)|(you|u)'?d|youd)\s+(pick|choose|go\s+with|take|do)\b",
        r"\bwhat\s+(would\s+(you|u)|(you|u)'?d|youd)\s+do\s+(if\s+(you|u)\s+were|in\s+my\s+(shoes|place))\b",
        r"\bif\s+(you|u)\s+were\s+(me|him|her|them)\b[^.?!]*\b(pick|choose|do|go\s+with)\b",
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
    # The language of the words that matched, so the reply can be in it.
    locale: str = "en"


def classify(text: str) -> Verdict | None:
    """The safety intent a message must get, most serious first, in English or Spanish
    (bot.safety_es), or None. A tier in either language outranks a lesser tier in the
    other: "me quiero morir, I have chest pain" is a crisis first."""
    folded = fold(text)
    # "I'm safe" / "estoy a salvo" said in either language is taken out before the
    # crisis patterns of both run ("i'm not suicidal" is not "suicid").
    english_safe = _SAFE_NOW.sub(" ", text)
    spanish_safe = safety_es.SAFE_NOW.sub(" ", fold(english_safe))
    spanish_now = safety_es.current(folded)
    tiers = (
        (
            CRISIS,
            _CRISIS.search(english_safe),
            safety_es.CRISIS.search(safety_es.without_idioms(spanish_safe)),
        ),
        (EMERGENCY, _EMERGENCY.search(text), safety_es.EMERGENCY.search(spanish_now)),
        (URGENT, _URGENT.search(text), safety_es.URGENT.search(spanish_now)),
        (SAFE_NOW, english_safe != text, spanish_safe != fold(english_safe)),
    )
    for intent, english, spanish in tiers:
        if english or spanish:
            # Answered in the message's language ("my dad has chest pain, le duele
            # mucho" is Spanish); when that is unclear, in the words' language.
            return Verdict(intent, locale=language.detect(text) or ("en" if english else "es"))
    for topic, pattern in _ADVICE_TOPICS.items():
        if pattern.search(text):
            return Verdict(MEDICAL_ADVICE, topic)
    for topic, pattern in safety_es.ADVICE_TOPICS.items():
        if pattern.search(folded):
            return Verdict(MEDICAL_ADVICE, topic, locale="es")
    if _PERSON.search(text):
        return Verdict(TALK_TO_PERSON)
    if safety_es.PERSON.search(folded):
        return Verdict(TALK_TO_PERSON, locale="es")
    return None


RESPONSE_FOR = {
    CRISIS: "utter_crisis",
    EMERGENCY: "utter_emergency",
    URGENT: "utter_urgent",
    SAFE_NOW: "utter_safe_now",
}
