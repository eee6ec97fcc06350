"""English safety patterns: the tiers `bot.guidance.safety` checks, for messages in English.

Two kinds of pattern: set phrases ("kill myself", "chest pain"), and what a message
describes, which generalises to wordings nobody listed (a way to die taken in hand, a
lethal amount asked for, goodbyes, a head injury with confusion, blood in any words). An
independent set of 290 messages written in session 9 showed the set phrases alone
catching a third of crises; the descriptive patterns were added for that. Like the
Spanish ones they err towards over-calling.
"""

from __future__ import annotations

import re


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


CRISIS = _compile(
    r"\b(kill|hurt|harm|cutt?)(ing|s)?\s+(my\s*self|myself)\b",
    r"\bsuicid",
    r"\bself[\s-]?harm",
    r"\b(end|take|ending|taking)\s+(my|his|her|their)\s+(own\s+)?life\b",
    r"\bend(ing)?\s+it\s+all\b",
    r"\bforgive\s+me\s+(in\s+advance\s+)?for\s+what\s+(i'?m|i\s+am)\s+(going\s+to|about\s+to|gonna)\s+do\b",
    r"\b(won'?t|will\s+not)\s+(be\s+)?need(ing)?\b[^.?!]{0,60}\bafter\s+(tonight|today|tomorrow|this\s+week(end)?)\b",
    r"\bwhat\s+(would|will)\s+happen\s+if\s+(someone|somebody|i|a\s+person)\s+(took|takes|swallowed)\b",
    r"\bstop(ped|ping)?\s+(taking\s+)?(all\s+)?(my|his|her)\b[^.?!]{0,60}\bhow\s+long\s+(would|will|until|before)\b",
    r"\b(sit|sits|sitting|sat)\s+(in\s+\w+\s+|there\s+)?with\s+(it|the|his|her|my)\s*(gun|rifle|pistol|revolver|shotgun)?\b[^.?!]{0,40}"
    r"\b(gun|rifle|pistol|revolver|shotgun|says)\b|\b(gun|rifle|pistol|revolver|shotgun)\b[^.?!]{0,120}\b(sits|sitting|sat)\b"
    r"[^.?!]{0,30}\bwith\s+it\b",
    r"\b(til|till|until)\s+(it|they)\s+bleeds?\b",
    r"\b(think|thinking|thought|dream|dreaming)\s+(about|of)\s+(just\s+)?(not|never)\s+waking\s+up\b",
    r"\b(not|never)\s+waking\s+up\b[^.?!]{0,60}\b(sounds|would\s+be|seems)\s+(kind\s+of\s+|kinda\s+|so\s+|really\s+)?(nice|good|peaceful|better|easier|like\s+a\s+relief)\b",
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
    # What the message describes: means gathered or taken in hand, a lethal amount asked
    # for, a car, a height or water as a way out, self-injury, euphemisms and goodbyes.
    r"\b(saving|saved|hoard\w*|stockpil\w*|stash\w*|counted\s+out|collecting)\b[^.?!]{0,40}\b(pills|meds|medications?|medicines?|oxy\w*|morphine|fentanyl|ativan|xanax|sleeping\s+pills|tablets|patches|painkillers)\b",
    r"\b(pills|meds|medications?|oxy\w*|morphine|fentanyl|tablets|patches)\b[^.?!]{0,30}\b(counted\s+out|hoarded|stockpiled|saved\s+up)\b",
    r"\bhow\s+(many|much)\b[^.?!]{0,60}\b(would\s+(it\s+)?(take|be\s+enough|kill)|to\s+(die|kill|stop\s+(a|someone'?s|my|his|her)\s+heart)|enough\s+to\s+(die|kill)|is\s+(lethal|fatal|deadly))\b",
    r"\b(lethal|fatal|deadly)\s+(dose|amount)\b|\bhow\s+many\b[^.?!]{0,40}\bwould\s+be\s+enough\b",
    r"\b(take|taking|swallow\w*)\s+(all|every\s+one)\s+(of\s+)?(my|his|her|the|these|those)?\s*(\w+\s+)?(\w+\s+)?at\s+once\b",
    r"\b(gun|pistol|rifle|shotgun|knife|blade|razor|rope|noose)\b[^.?!]{0,60}\b(on\s+myself|my\s+(wrist|wrists|throat|temple)|using\s+it\s+on)\b",
    r"\b(got|have|bought|tied|made)\s+(the|a)\s+(rope|noose)\b|\bknife\b[^.?!]{0,40}\bwrist",
    r"\b(go|going)\s+out\s+(my|his|her)\s+own\s+way\b|\bmy\s+own\s+way\s+and\s+my\s+own\s+day\b",
    r"\b(over|end|die|dying|going)\b[^.?!]{0,25}\bon\s+my\s+(own\s+)?terms\b",
    r"\b(drive|driving|drove|steer\w*|swerv\w*)\b[^.?!]{0,40}\b(into|off)\s+(a|the)\s+(tree|wall|bridge|pole|truck|river|cliff|overpass|lake)\b",
    r"\bturn\s+the\s+wheel\b|\b(edge|ledge)\s+of\s+(the|a)\s+(roof|bridge|building|parking\s+garage|cliff)\b",
    r"\bwalk\w*\s+into\s+(the|a)\s+(lake|ocean|river|sea|water|traffic)\b|\bnot\s+swim(ming)?\s+back\b",
    r"\bjump\w*\b[^.?!]{0,20}\b(bridge|roof|building|window|balcony|overpass)\b",
    r"\b(been\s+)?(cutting|burning|hitting|scratching|hurting|harming)\s+(myself|himself|herself|again|my\s+(arms?|wrists?|legs?|thighs?|head))\b",
    r"\bcuts\s+on\s+(his|her|my|their)\s+(arms?|wrists?|legs?|thighs?)\b|\buntil\s+it\s+bleeds\b",
    r"\bunalive\b|\bkill\s+myself\b|\bk\s*m\s*s\b",
    r"\b(go\s+)?be\s+with\s+(jesus|god|the\s+lord|my\s+maker|my\s+(late\s+)?(husband|wife|mom|dad|son|daughter))\b[^.?!]{0,40}\b(now|tonight|soon|ready)\b",
    r"\b(go\s+)?be\s+with\s+(jesus|god|the\s+lord)\s+now\b|\bmeet\s+my\s+maker\b",
    r"\b(want|wanna|going)\s+to\s+check\s+out\b|\bcheck\s+out\s+(early|for\s+good|permanently|before)\b",
    r"\bsee\s+(you|y'?all)\s+(all\s+)?on\s+the\s+other\s+side\b|\b(this\s+is|saying\s+my)\s+goodbye\b",
    r"\bwon'?t\s+need\s+(them|it|these|those|this)\s+(any\s*more\s+)?where\s+i'?m\s+going\b",
    r"\b(not|won'?t)\s+(going\s+to\s+|gonna\s+)?be\s+(here|around|alive)\s+(by|for|much\s+longer|to\s+hear)\b",
    r"\bplanning\s+(not\s+to\s+be|on\s+not\s+being)\b|\bpicked\s+(out\s+)?a\s+date\b",
    r"\b(disappear|not\s+exist|stop\s+existing)\b[^.?!]{0,20}\bpermanently\b|\bjust\s+not\s+exist\b",
    r"\b(no\s+one|nobody|noone)\s+would\s+(even\s+)?(notice|care|miss\s+me)\s+if\s+(i|he|she)\b",
    r"\bdisappointed\s+(that\s+)?i'?m\s+still\s+alive\b|\bstill\s+alive\b[^.?!]{0,40}\b(fix|change|end)\s+that\b",
    r"\bin\s+case\s+i\s+(don'?t|do\s+not)\s+wake\s+up\b|\b(to\s+)?not\s+wake\s+up\b",
    r"\b(make|making)\s+it\s+look\s+like\s+an\s+accident\b|\btake\s+care\s+of\s+it\s+(herself|himself|myself)\b",
    r"\b(so\s+(i|he|she)\s+(can\s+)?die|die\s+faster|hurry\s+up\s+and\s+(finish|kill)|help(ing)?\s+it\s+along)\b",
    r"\b(takes?|take)\s+me\s+in\s+my\s+sleep\b",
    r"\b(i'?m|im|i\s+am|of\s+being)\s+(such\s+|just\s+|only\s+)?a\s+(burden|drain)\s+(on|to)\b",
    r"\b(i'?m|im)\s+done\b[^?]{0,60}\b(bye|goodbye)\b",
    r"\bi\s+know\s+how\s+(to\s+do\s+it|i'?d\s+do\s+it|i\s+would\s+do\s+it)\b",
    r"^(?=.*\b(die|dying|death|dead|alive|not\s+be\s+here|over)\b)(?=.*\b(have|got|made)\s+a\s+plan\b)",
    r"\b(threw|throwing)\s+(my|all\s+my)\s+(meds|pills|medications?)\s+(in|into)\s+the\s+(trash|garbage|toilet)\b",
    r"\bthought\s+about\s+(using\s+it|not\s+swimming|ways\s+to|how\s+to)\b",
)

# "I'm safe" after a crisis reply must be acknowledged, not answered with the crisis text
# again; the phrase is removed before the crisis patterns run, so "I won't hurt myself"
# is not read as "hurt myself" while anything else in the message still is.
SAFE_NOW = _compile(
    r"\b(i'?m|i\s+am|im)\s+(safe|ok(ay)?\s+now|fine\s+now|alright\s+now|not\s+suicidal)\b",
    r"\b(i'?m|i\s+am|im)\s+not\s+in\s+danger\b",
    r"\bi\s+(won'?t|will\s+not|wont|would\s+never|'?d\s+never|would\s+not|wouldn'?t)\s+(hurt|kill|harm)\s+myself\b",
    r"\b(not|never)\s+(going\s+to|gonna)\s+(hurt|kill|harm)\s+myself\b",
    r"\bi\s+(didn'?t|did\s+not|didnt)\s+mean\s+(it|that)(\s+literally)?\b",
    r"\bno\s+plans?\s+to\s+(hurt|harm|kill)\s+myself\b",
)

EMERGENCY = _compile(
    r"\bchest\s+(pain|pains|hurts|pressure|tightness)\b",
    r"\b(can'?t|cannot|can\s+not|cant|unable\s+to|trouble|hard\s+to|struggling\s+to)\s+breath",
    r"\bnot\s+breathing\b",
    r"\b(isn'?t|is\s+not|aren'?t|wasn'?t)\s+breathing\b",
    # Spinal cord pressure: legs that go numb or weak with the bladder or bowels.
    r"\b(can'?t|cannot|can\s+not)\s+feel\s+(my|his|her|their)\s+legs\b",
    r"\b(lost|losing|lose)\s+control\s+of\s+(my|his|her|their)\s+(bowels?|bladder)\b",
    r"\bwoke\s+up\s+on\s+the\s+(\w+\s+)?floor\b|\bdon'?t\s+know\s+how\s+long\s+(i|he|she)\s+(was|were)\s+out\b",
    r"\b(about\s+to|going\s+to|gonna)\s+(black|pass)\s+out\b",
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
    r"\bbleed\w*\b[^.?!]{0,100}\b(it|that|and)\s+(won'?t|wont|will\s+not|doesn'?t|does\s+not|is\s+not|isn'?t|'?s\s+not)\s+stop(ping)?\b",
    r"\b(cups?|mouthfuls?|handfuls?|so\s+much|tons)\s+of\s+(bright\s+)?(red\s+)?blood\b",
    r"\b(blood|bleeding)\s+(everywhere|all\s+over)\b",
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
    # The same dangers in other words: collapse, blue or grey skin, stroke signs, fits,
    # a head injury with confusion, blood pouring, an accidental overdose or swallow.
    r"\bhard\s+to\s+wake(\s+up)?\b|\bwent\s+limp\b|\bslumped\s+over\b|\bgrabbed\s+(his|her|my)\s+chest\b",
    r"\b(turned|turning|went|going)\s+(gray|grey|blue|purple)\b|\b(barely|can'?t)\s+(feel|find)\s+a\s+pulse\b|\bno\s+pulse\b",
    # Speech that makes no sense, not "my plan summary is gibberish".
    r"\b(talk\w*|speak\w*|saying|says|said|speech|words|mumbl\w*|babbl\w*)\b[^.?!]{0,25}\bgibberish\b|"
    r"\bgibberish\b[^.?!]{0,25}\b(talk\w*|speak\w*|words|sense)\b|"
    r"\b(speech|words|talking)\b[^.?!]{0,20}\b(garbled|slurred|jumbled)\b",
    # Not enough air, or a whistle with each breath in (a blocked airway).
    r"\b(can'?t|cannot|can\s+not|cant|barely|hardly|struggl\w*\s+to)\s+(get|getting|catch|catching|pull|draw|take)\s+"
    r"(in\s+)?(any\s+|enough\s+)?(air|a\s+breath|(my|his|her|their)\s+breath)\b",
    r"\bwhistl\w*\b[^.?!]{0,40}\bbreath\w*|\bbreath\w*\b[^.?!]{0,40}\bwhistl\w*|\bstridor\b",
    r"\b(smile|face|mouth)\s+(is\s+|looks\s+)?(crooked|lopsided|droop\w*)\b",
    r"\b(suddenly|all\s+of\s+a\s+sudden)\b[^.?!]{0,30}\b(weak|numb|can'?t\s+(move|lift|feel|see|speak|talk))\b",
    r"\b(arm|leg|side)\b[^.?!]{0,20}\b(went|gone|going)\s+(weak|numb|limp|dead)\b",
    r"\bcan'?t\s+feel\s+(the\s+)?(left|right|one)\s+side\b",
    r"\bblood\b[^.?!]{0,30}\b(pouring|gushing|spurting|everywhere|cups)\b|\b(pouring|gushing|spurting)\b[^.?!]{0,20}\bblood\b",
    r"\b(gushing|pouring)\s+(out\s+)?blood\b|\bsoaked\s+(through\s+)?(\d+|several|two|three|four)\s+(towels|pads|shirts|bandages)\b",
    r"\b(lips|face)\s+(look|looks|are|is|turning|turned|went)\s+(blue|purple|gr[ae]y)\b|\bgrunting\b",
    r"\b(accidentally|by\s+mistake|by\s+accident)\b[^.?!]{0,60}\b(took|swallowed|ate|drank|used|put\s+on)\b",
    r"\b(took|swallowed|ate|drank)\b[^.?!]{0,60}\b(by\s+mistake|by\s+accident|accidentally|twice)\b",
    r"\bswallowed\s+(one\s+of\s+|some\s+of\s+)?(his|her|my|the|a)\b[^.?!]{0,25}\b(pills?|capsules?|tablets?|meds|medicine)\b",
    r"\b(tongue|lips|throat)\b[^.?!]{0,15}\b(swelling|swollen|swell|closing)\b|\bwheez\w*",
    r"\bhives\b[^.?!]{0,40}\b(breath|throat|tongue|lips)\b",
    r"\bworst\s+headache\b|\bthunderclap\b|\bcan'?t\s+see\s+out\s+of\b",
    r"\bconvuls(e|es|ed|ing|ion|ions)\b|\bfoaming\s+at\s+the\s+mouth\b",
    r"\b(isn'?t|is\s+not|not|stopped)\s+(talking|moving|breathing|responding)\s+(or|and)\s+(moving|talking|breathing|responding)\b",
    r"\b(elephant|weight|something\s+heavy)\s+(is\s+)?(sitting\s+)?on\s+my\s+chest\b",
    r"\bjaw\s+(aches|pain|hurts)\b[^.?!]{0,40}\b(sweat\w*|chest|arm)\b",
    r"\b(hit|bumped|banged|smacked)\s+(his|her|my|their)\s+head\b[^.?!]{0,60}\b(confused|doesn'?t\s+know|throwing\s+up|vomit\w*|won'?t\s+wake|not\s+waking|unconscious|passed\s+out|bleeding|not\s+making\s+sense|pupils?)\b",
    r"\bpupils?\b[^.?!]{0,30}\b(bigger|larger|smaller|different|uneven|blown)\b",
)

# Symptoms that need the cancer care team today, not a guide: fever during treatment,
# vomiting that does not stop, any bleeding, new severe pain or swelling, confusion, or
# the question whether to go to the ER. Erring towards over-calling is cheap here: the
# reply is "call your care team's 24-hour line now", and the question still gets answered.
URGENT = _compile(
    r"\b(losing|lost|loses)\s+(his|her|my|their)\s+train\s+of\s+thought\b",
    r"\b(super|really|very|unusually|extremely|so)\s+(sleepy|drowsy)\b|\bnot\s+(himself|herself|themselves)\b",
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
    r"\b(he|she|they|he'?s|she'?s|mom|dad|mother|father|husband|wife|grandma|grandpa|son|daughter|partner|patient)\s+(is|was|seems|seemed|got|gets|has\s+been|became|is\s+getting|keeps\s+getting)\s+(\w+\s+){0,2}?confused\b(?!\s+(about|by|to\s+decide|as\s+to|with|sometimes|easily|at\s+times|now\s+and\s+then|a\s+lot))",
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
    # The same symptoms in other words: a fever as a number or in words, blood, belly,
    # infection at a line or wound, fluids, sleepiness, bruising, low counts.
    r"\bone\s+hundred\s+(and\s+)?(one|two|three|four|point)\b",
    r"\b(is|at|reads|read|running|hit|hitting|of|was|it'?s)\s+(3[89][.,]\d|40[.,]\d|10[0-4][.,]\d|10[1-4])\s*(°|degrees|f\b|c\b)?",
    r"\bdiarrh\w*\s+(\d+|several|many|six|seven|eight|nine|ten)\s+times\b|\b(\d+|several|many)\s+times\b[^.?!]{0,20}\bdiarrh",
    r"\bnose\s*bleeds?\b",
    r"\b(pee|urine)\s+(is\s+|looks\s+)?(super\s+|really\s+|very\s+)?(pink|red|bloody|dark|brown|cola)\b",
    r"\b(poop|stool|stools)\s+(is\s+|are\s+|looks?\s+)?(black|tarry|bloody|maroon)\b",
    r"\b(new|lots\s+of|bunch\s+of|huge|spreading)\s+(\w+\s+)?bruis\w*|\bbruis\w*\b[^.?!]{0,30}\b(spreading|everywhere|all\s+over|don'?t\s+remember)\b",
    r"\b(belly|stomach|abdomen|tummy)\b[^.?!]{0,40}\b(bigger|tight|distended|hard\s+as)\b",
    r"\bhard\s+to\s+keep\s+awake\b|\bsleeping\s+(almost\s+)?all\s+day\b|\bnodding\s+off\b|\b(really|totally|completely|so)\s+out\s+of\s+it\b",
    r"\b(port|picc|line|catheter|drain|incision|wound|site|dressing|stitches)\b[^.?!]{0,50}\b(red\s+streak|red|hot|pus|oozing|smells|cloudy|infected|soaked\s+with\s+blood|opening\s+up|split)\b",
    r"\binfected\b|\bred\s+streak\b",
    r"\b(winded|out\s+of\s+breath|short\s+of\s+breath|breathless)\b",
    r"\b(can'?t|cannot|unable\s+to|haven'?t\s+been\s+able\s+to)\s+(drink|swallow|get\s+(liquids|fluids|water|anything)\s+down)\b",
    r"\b(barely|hardly)\s+(had\s+anything\s+to\s+drink|drinking|eaten\s+or\s+drunk)\b",
    r"\b(hasn'?t|haven'?t|has\s+not|have\s+not|not)\s+(peed|urinated)\b|\bno\s+(urine|pee)\b|\bhardly\s+any\s+(urine|pee)\b",
    r"\b(haven'?t|hasn'?t)\s+(pooped|had\s+a\s+bowel\s+movement|gone\s+to\s+the\s+bathroom)\s+in\s+(\d+|several|a\s+few|three|four|five|six|seven)\s+days\b",
    r"\b(cough\w*|threw\s+up|vomit\w*|spit\w*)\b[^.?!]{0,30}\bblood\b",
    r"\bshiver\w*|\bshaking\s+(chills|uncontrollably)\b|\brigors\b",
    r"\b(dizzy|light-?headed)\b",
    r"\bheadache\b[^.?!]{0,30}\b(won'?t\s+go\s+away|blurry|won'?t\s+stop)\b|\bblurry\b",
    r"\b(fallen|fell)\s+(down\s+)?(twice|again|\d+\s+times|several\s+times)\b",
    r"\bneutropenic\b|\b(platelets|counts?|white\s+count|anc)\b[^.?!]{0,40}\b(low|lowest|\d+)\b",
    r"\bfeels?\s+like\s+(the|i\s+have\s+the|i'?m\s+getting\s+the)\s+flu\b",
    r"\bpuffy\b|\bveins\b[^.?!]{0,30}\b(sticking\s+out|bulging|swollen)\b",
    r"\bburn\w*\s+when\s+(i|he|she)\s+pees?\b|\bblister\w*|\brash\s+all\s+over\b",
    r"\bpain\b[^.?!]{0,40}\b(way\s+worse|much\s+worse|worse\s+than)\b|\b(meds|medicine|pills)\s+(aren'?t|are\s+not|isn'?t)\s+(touching|helping|working)\b",
    r"\bheart\s+(is\s+|'?s\s+been\s+|has\s+been\s+)?racing\b",
)

ADVICE_TOPICS: dict[str, re.Pattern[str]] = {
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
        r"\bhow\s+(many|much)\s+(more\s+)?(years|months|weeks|time)\s+(do|does|will|would|could|might)\s+(i|he|she|they|we|my\s+\w+)\s+(have|live|get)\b(?!\s+(to\s+(?!live\b)|for\s|until\s|before\s))",
        r"\bis\s+(it|this|my\s+\w+|stage\s+\w+)\s+(curable|terminal|fatal|treatable)\b",
        # "with it in the liver how long do people usually have?"
        r"\bhow\s+long\s+(do|does|can|will)\s+(people|patients|folks|most\s+people|someone)\s+(usually\s+|typically\s+|normally\s+)?(have|live|last|survive)\b(?!\s+(to\s+(?!live\b)|for\s|until\s|before\s))",
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
        r"\bwhich\s+(treatment|option|therapy|surgery|drug|pill|medicine|medication|chemo|regimen)\s+(should|is\s+best|is\s+better|is\s+safer|works\s+better|do\s+you\s+recommend)",
        # "is folfirinox the right treatment", "should I push for the other one"
        r"\bshould\s+(i|we|he|she)\s+push\s+for\s+(the\s+)?(other|different|newer|stronger)\s+(one|drug|pill|treatment|chemo|regimen|option)\b",
        r"\bis\s+(\w+\s+){0,3}the\s+right\s+(treatment|drug|chemo|medicine|regimen|therapy)\b",
        # Active surveillance put to the bot: "is just watching it safe for gleason 6".
        r"\bis\s+(just\s+)?(watching|monitoring|active\s+surveillance|watch\s+and\s+wait|watchful\s+waiting)\s+(it\s+|him\s+|her\s+)?(really\s+)?(safe|ok|okay|enough)\b",
        r"\bshould\s+(i|we|he|she|my\s+\w+)\s+(get|do|have|choose|pick|try|go\s+with|refuse|skip)\s+(chemo|chemotherapy|radiation|surgery|immunotherapy|a\s+mastectomy|a\s+lumpectomy|the\s+surgery|treatment|hormone\s+therapy)",
        r"\bis\s+(chemo|chemotherapy|radiation|surgery|immunotherapy)\s+(better|worse|worth\s+it|the\s+right)\b",
        r"\b(chemo|chemotherapy|radiation|surgery|lumpectomy|mastectomy)\s+or\s+(chemo|chemotherapy|radiation|surgery|lumpectomy|mastectomy)\b",
        r"\bwhat\s+(treatment|therapy)\s+should\b",
        r"\bbest\s+treatment\s+for\s+me\b",
        r"\bwhich\s+(one|option|plan|treatment|approach|way|doctor)\s+(is|would\s+be)\s+(right|better|best|correct|safer)\b",
        r"\bwho(\s+is|'?s)\s+right\b",
        r"\bwhich\s+(one\s+|option\s+|treatment\s+|plan\s+|way\s+)?(would\s+(you|u)|(you|u)'?d|youd)\s+(pick|choose|go\s+with|take|do)\b",
        r"\bwhat\s+(would\s+(you|u)|(you|u)'?d|youd)\s+do(\s+(if\s+(you|u)\s+were|in\s+my\s+(shoes|place)|at\s+my\s+age)\b|\s*(\?|$))",
        r"\bwhat\s+(would\s+(you|u)|(you|u)'?d|youd)\s+do\s+if\s+(it|this|she|he)\s+(was|were|is)\s+(your|ur|yr)\b",
        r"\bwhich\s+(one|option)\s+should\s+(i|we|he|she|they|my\s+\w+)\s+(do|get|pick|choose|have|go\s+with|take)\b",
        # "would you take the pills or push for the chemo?": a choice put to the bot.
        r"\b(would|will)\s+(you|u)\s+(take|pick|choose|go\s+with|get|do|push\s+for)\s+(the\s+)?[^.?!]{0,50}\bor\s+(the\s+|push\s+for\s+|go\s+with\s+)?\w",
        r"\bif\s+(you|u)\s+were\s+(me|him|her|them)\b[^.?!]*\b(pick|choose|do|go\s+with|get|have|take)\b",
        r"\bcan\s+(the|his|her|my|their)\s+(tumou?r|liver|lung|mass|cancer|lesions?|spots?|nodules?|kidney|breast|"
        r"prostate|colon|pancreas)\s+be\s+(operated\s+on|removed|cut\s+out|resected|taken\s+out)\b",
    ),
}

PERSON = _compile(
    # Not "talk to someone who has treated more men with this": that asks for a doctor.
    r"\b(talk|speak|chat)\s+(to|with)\s+(a|an|some)?\s*(real\s+|live\s+)?(person|human|someone|somebody|agent|representative|nurse|navigator|staff)\b"
    r"(?!\s+(who|that)\s+(has\s+|have\s+|had\s+|really\s+)?(treated|treats|seen|sees|operated|operates|specializ\w*|is\s+an?\s+(expert|specialist)|knows\s+(this|about\s+(this|my|his|her))\s+(cancer|kind|type)))",
    r"\b(real|live)\s+(person|human)\b",
    r"\bhuman\s+please\b",
    r"\b(live|real|human)\s+agent\b|\bagent\s+(please|pls|plz)\b",
    r"^\s*(operator|agent|representative|human)\s*[.!]*\s*$",
    # Asked for in other words: a call, a callback, someone real, not the chat.
    r"\b(speak|talk|chat|video\s+chat)\s+(to|with)\s+(an?\s+)?(actual\s+|real\s+)?(human|person|nurse|navigator|patient\s+navigator|case\s+manager|social\s+worker|someone|somebody)\b"
    r"(?!\s+(who|that)\s+(has\s+|have\s+|had\s+|really\s+)?(treated|treats|seen|sees|operated|operates|specializ\w*|is\s+an?\s+(expert|specialist)))",
    r"\b(get|give|connect|transfer|put)\s+me\s+(to\s+|through\s+to\s+|with\s+)?(a|an)?\s*(human|person|real\s+person|someone|case\s+manager|nurse|navigator)\b",
    r"\b(can|could|would|will)\s+(someone|somebody|a\s+person|a\s+nurse|a\s+human|anyone)\s+(from\s+\w+(\s+\w+)?\s+)?(just\s+)?(call|phone|contact|ring)\b",
    r"\bsomeone\s+(at|from)\s+your\s+(office|team|center)\b|\bsomeone\s+real\b|\bhuman\s+being\b",
    r"\bnot\s+a\s+(computer|bot|machine|robot)\b|\bcall\s*back\s+from\b",
    r"\bis\s+there\s+(a|an)\s+(human|real\s+person)\b",
    r"\bcall\s+with\s+(a|an)\s+(person|human|nurse|navigator)\b",
    r"\b(nurse|person|human|someone)\s+(i|we)\s+can\s+(speak|talk)\s+(to|with)\b",
    # Asking whether this is a bot, or wanting someone to ring.
    r"\b(is\s+this|are\s+you|r\s+u|am\s+i\s+(talking|chatting)\s+(to|with))\s+(a|an)?\s*(actual\s+|real\s+)?"
    r"(bot|robot|computer|machine|ai|person|human)\b",
    # "like a person" only as "I'd like a person": "is there like a person who…" asks about one.
    r"\b(want|need|(i'?d|would)\s+like|prefer|rather\s+have)\s+(a|an|some)\s+(real\s+|actual\s+|live\s+)?"
    r"(person|human)\b",
    r"\b(anyone|anybody|someone|somebody)\s+(real|human)\b|\breal\s+(staff|people)\b",
    r"\bjust\s+give\s+me\s+(a|the|your)\s+(phone\s+)?number\b",
    r"\b(have|get)\s+(a|an|my|the|some)?\s*(\w+\s+)?(someone|somebody|coordinator|nurse|navigator|person|"
    r"staff\s+member|case\s+manager)\s+(to\s+)?(call|phone|ring|text)\s+me\b",
    r"\b(nurse|navigator|coordinator|someone|somebody|person|staff\s+member)\s+give\s+me\s+a\s+"
    r"(call|ring)\b",
    r"\b(get|give|want|need|speak\s+to|talk\s+to)\s+(me\s+)?(a|the|your)\s+(manager|supervisor)\b",
    r"\btelephone\s+me\b|^\s*(a\s+)?(representative|agent|operator|human|person)\s+(please|pls|plz|now)\s*[.!]*\s*$",
    r"\b(connect|put)\s+me\s+(with|to|through\s+to)\s+(a|an|the|some)\s+(staff|person|human|representative|agent|"
    r"nurse|someone|somebody)|\binstead\s+of\s+(the|this|an?)\s+(automated|bot|computer|machine|chat)",
    r"\b(someone|somebody|person|human)\s+(i|we)\s+can\s+(actually\s+|really\s+)?(speak|talk)\s+(to|with)\b",
    r"\bwho\s+can\s+i\s+call\s+to\s+talk\b|\btalk\s+(this|it|things)\s+through\s+with\s+(someone|somebody|a\s+person)\b",
)


# "I'm bleeding money", "this paperwork is killing me": figures of speech, taken out
# before the patterns run; "what temperature counts as a fever" asks about fevers in
# general, not about one.
IDIOMS = _compile(
    r"\bbleeding\s+(money|cash|me\s+dry)\b",
    r"\b(is|are|was)\s+killing\s+me\b",
    r"\bdying\s+to\s+(know|see|ask|hear|get)\b",
    r"\b(asked|asks|asking)\s+(me\s+|us\s+)?(if|whether)\s+(i'?m|i\s+am|mommy|daddy|mom|dad|she'?s|he'?s)\s+going\s+to\s+die\b",
    r"\b(the\s+)?death\s+of\s+me\b",
    r"\bcould\s+kill\s+for\b",
    r"\bwhat\s+(temperature|temp)\s+(counts|is\s+considered|is\s+a)\b[^.?!]*",
    # A stroke or a seizure in someone's history, not today's.
    r"\bsince\s+(his|her|my|the)\s+(stroke|seizure|heart\s+attack)\b",
    r"\bhistory\s+of\s+(a\s+)?(strokes?|seizures?|heart\s+attacks?)\b",
    r"\b(stroke|seizure|heart\s+attack)\s+history\b",
    r"\bshoot\s+(myself|me|you|him|her|them)\s+(a|an)\s+(quick\s+)?(reminder|text|note|message|e-?mail|"
    r"line)\b",
    r"\b(going\s+to|gonna|about\s+to|will)\s+have\s+a\s+heart\s+attack\s+(when|if|once|at|over)\b",
    r"\bhad\s+a\s+(stroke|seizure|heart\s+attack)\s+(last\s+\w+|(\w+\s+)?years?\s+ago|in\s+\d{4})\b",
    # Feelings: "I can't breathe when I think about it", "I can barely breathe just
    # thinking about surgery".
    r"\b(can'?t|cannot|can\s+not|barely|hardly)\s+(\w+\s+)?breathe?\s+(when|whenever|every\s+time|if|just)\s+"
    r"(i|we)?\s*(think|thinking|talk|talking|read|reading|look|looking)\b",
    # How the cancer was found: "diagnosed with glioblastoma after he had a seizure".
    r"\b(diagnosed|found|discovered|caught)\b[^.!?]{0,60}\bafter\s+(he|she|i|they|we|my\s+\w+|a|an|his|her)\s+(had\s+(a|an|his|her)\s+)?(first\s+)?(seizure|stroke)\b",
)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# Signs that an episode is today's, or back, or still going on.
_STILL = (
    r"[^.!?]*\b(now|today|tonight|again|still|currently|since|started|starting|keeps?|"
    r"won'?t\s+stop|stopping|this\s+(morning|afternoon|evening|week)|right\s+now|yesterday|"
    r"last\s+night|hours?|minutes?|(is|are|am|i'?m|he'?s|she'?s|it'?s|they'?re)\s+(not\s+)?\w+ing)\b"
)


# "She had a fever last month but it's gone now", "chest pain last year that turned out
# to be reflux": an episode that is over is not today's emergency; sentences that say
# so are left out before the emergency and urgent patterns run (bot/guidance/safety.py).
OVER = (
    # "They admitted her, counts were low, she's ok": already in care and said to be well.
    _compile(
        rf"^(?!{_STILL})[^.!?]*\b(admitted|discharged)\s+(her|him|me|them)\b[^.!?]*\b(she'?s|shes|he'?s|hes|"
        r"i'?m|im|they'?re)\s+(ok|okay|fine|stable|better|good)\b"
    ),
    _compile(
        r"\b(last\s+(month|year|week|spring|summer|fall|winter)|years?\s+ago|months\s+ago|"
        r"weeks\s+ago|back\s+in\s+\d{4})\b[^.!?]*\b(gone|over|fine|better|turned\s+out|never\s+"
        r"happened\s+since|resolved|since\s+then|history|list\s+it|mention\s+it)\b",
        r"\b(gone|over|fine|better|turned\s+out|resolved)\b[^.!?]*\b(last\s+(month|year|week)|"
        r"years?\s+ago|months\s+ago)\b",
    ),
    # An episode given a date weeks or more back ("admitted for a fever in 2022", "blood
    # in my stool when I was diagnosed"), in a sentence with no sign it is back or
    # still going on.
    _compile(
        rf"^(?!{_STILL})[^.!?]*\b(in\s+({_MONTHS})|in\s+(19|20)\d\d|last\s+(week|month|year|"
        rf"spring|summer|fall|autumn|winter|christmas|thanksgiving|easter|{_MONTHS})|(\d+|a\s+few|few|several|two|three|some|a\s+couple"
        r"(\s+of)?)\s+(weeks|months|years)\s+ago|a\s+(year|month)\s+ago|when\s+(i|he|she|they|we)"
        r"\s+(was|were)\s+(first\s+)?diagnosed|at\s+diagnosis)\b",
    ),
    # "seizure-free since", "fever free for a month": a symptom said to be gone.
    _compile(r"\b(seizure|fever|symptom|pain|bleeding|cancer)[\s-]+free\b"),
    # A question in general or about what might come ("does immunotherapy cause fevers?",
    # "what should I do if I get a fever?"), with no number and no sign of today.
    _compile(
        rf"^(?!{_STILL})(?![^.!?]*\d)[^.!?]*\b(what\s+are\s+(the\s+)?(common\s+)?side[\s-]*effects|"
        r"side[\s-]*effects?\s+(list|sheet|page|handout)|(does|do|can|could|will)\s+(chemo|"
        r"chemotherapy|immunotherapy|radiation|treatment|it|this|that|the\s+\w+|\w+)\s+cause|"
        r"how\s+common\s+is|if\s+(i|he|she|they|we|my\s+\w+)\s+(ever\s+)?(gets?|develops?)\b|"
        r"in\s+case\s+(i|he|she|they|we)\s+(ever\s+)?(gets?|develops?)|just\s+(want|wanted)\s+to\s+"
        r"(know|be\s+prepared)|(i|he|she)\s+(don'?t|doesn'?t|do\s+not|does\s+not)\s+have\s+(one|a\s+"
        r"fever|any))\b",
    ),
)
