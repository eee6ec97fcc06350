"""Facts people state in passing: who the patient is (and a child's age) and when
treatment starts.

"My 6 year old son has leukemia" or "her surgery is next month" change what a good
answer is (a children's hospital; whether there is time), so they are read from every
message and kept in slots. The cancer type, place and insurance come from the
vocabulary entities; this covers what a vocabulary cannot list, the cancer type named
by its place in the body ("a squamous cell cancer on his tongue") included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.content import load
from bot.vocabulary.terms import cancer_sites, fold, network_plans, phrases_of

_SPACES = re.compile(r"\s+")
SELF = "self"
CHILD = "child"
ADULT_AGE = 18
ADULT_RELATIONS = frozenset({"spouse", "parent"})

_WHEN = (
    r"(?:today|tonight|tomorrow|this\s+week(?:end)?|next\s+(?:week|month|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|few\s+days)|this\s+(?:month|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|wed|thurs?|fri)\b|in\s+(?:\d+|a|an|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?)"
    r"\s+(?:days?|weeks?|wks?|months?)|(?:on|for)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?|(?:on|for)\s+\d{1,2}/\d{1,2}|soon|asap|right\s+away|"
    r"already\s+(?:scheduled|booked|set)|(?:is|are|was|got|been)\s+(?:scheduled|booked|set)"
    # The same in Spanish: "la próxima semana", "el lunes", "en dos semanas", "pronto".
    r"|(?:(?:la|el|este|esta)\s+)?(?:pr[oó]xim[oa]\s+(?:semana|mes|lunes|martes|mi[eé]rcoles|jueves|"
    r"viernes|s[aá]bado|domingo)|semana\s+que\s+viene|mes\s+que\s+viene|lunes|martes|mi[eé]rcoles|"
    r"jueves|viernes|s[aá]bado|domingo)\b|esta\s+semana|hoy|ma[nñ]ana|en\s+(?:\d+|un|una|dos|tres|cuatro|"
    r"cinco|seis|unos|unas|pocos|pocas)\s+(?:d[ií]as|semanas?|mes(?:es)?)|pronto|ya\s+est[aá]\s+"
    r"(?:programad[ao]|agendad[ao]))"
)
_SELF = re.compile(
    # "I have cancer", not "I have to find a sitter" or "I have Medicare".
    r"\b(i\s+(have|had)(?!\s+(to|no|not|a\s+question|questions|medicare|medicaid|insurance)\b)|"
    r"i\s+(was\s+diagnosed|got\s+diagnosed|just\s+found\s+out|am\s+diagnosed)|"
    r"i'?ve\s+(got|been\s+diagnosed)|my\s+(cancer|diagnosis|tumor|oncologist|biopsy|surgeon|"
    r"surgery|chemo|treatment)|"
    # "my kidney cancer came back", "my stage 2 breast cancer": not "my mom has lung cancer".
    r"my\s+(?:(?!(?:has|have|had|is|was|got|gets)\b)[a-z0-9'-]+\s+){1,3}?"
    r"(cancer|tumou?r|lymphoma|leukemia|myeloma|sarcoma|melanoma|carcinoma)|"
    r"tengo\s+c[aá]ncer|me\s+(?:diagnosticaron|encontraron|dijeron\s+que\s+tengo)|"
    r"mi\s+(?:c[aá]ncer|diagn[oó]stico|tumor|onc[oó]log[oa]|biopsia|cirujan[oa]|cirug[ií]a|quimio|"
    r"tratamiento))\b",
    re.IGNORECASE,
)
_AGE = re.compile(
    # "7 years old", "7yo", "age 7", "she's 7"; not "came back after 2 years".
    r"\b(\d{1,2})\s*(?:-|\s)?\s*(?:years?|yrs?)\s*-?\s*old\b|\b(\d{1,2})\s*(?:y/?o|yo)\b"
    r"|\b(?:de|tiene|tengo|cumpli[oó])\s+(\d{1,2})\s*a[nñ]os\b"
    r"|\bage(?:d)?\s+(\d{1,2})\b|\b(?:is|she'?s|he'?s|turned)\s+(\d{1,2})\b(?!\s*(?:%|percent|cm|mm|days?|weeks?|months?))",
    re.IGNORECASE,
)


# Words that say the patient is young even without an age.
# "my 12-year-old has sarcoma": a child, though no word for who they are.
_AGED_CHILD = re.compile(
    r"\b(?:my|our)\s+(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b(?!\s*-?\s*[a-z]*(?:husband|wife|mom|dad|mother|father))",
    re.IGNORECASE,
)
_PRONOUN_AGE = re.compile(
    r"\b(?:he|she)(?:'?s|\s+is|\s+just\s+turned|\s+turned)\s+(?:only\s+|just\s+)?(\d{1,2})\b"
    r"(?!\s*(?:%|percent|cm|mm|lbs?|pounds|kg|days?|weeks?|wks?|months?|times?|hours?|minutes?|miles?|:))",
    re.IGNORECASE,
)
# A message about someone's health: their cancer, its care, or a second opinion.
_HEALTH_WORDS = re.compile(
    r"\b(cancer|tumou?rs?|diagnos\w*|chemo\w*|radiation|surgery|surgeon|oncolog\w*|biopsy|"
    r"leuk\w*|lymphoma|sarcoma|melanoma|myeloma|carcinoma|\w+blastoma|\w+sarcoma|malignan\w*|"
    r"mass|lump|stage\s*[0-4ivx]+|treatment|second\s+opinion|2nd\s+opinion|sick|ill|hospital|"
    r"patient|mets|metasta\w*|recurr\w*|came\s+back|remission|scans?|"
    r"c[aá]ncer|diagn[oó]stic\w*|quimio\w*|radiaci[oó]n|cirug[ií]a|cirujan\w*|onc[oó]log\w*|"
    r"biopsia|leucemia|linfoma|mieloma|tratamiento|segunda\s+opini[oó]n|enferm[oa]|paciente|"
    r"met[aá]stasis|etapa)\b",
    re.IGNORECASE,
)
# "for my mom", "helping my husband", "taking care of my dad": whom the care is for.
_FOR_SOMEONE = re.compile(
    r"\b(for|helping|help|caring\s+for|care\s+of|taking\s+care\s+of|on\s+behalf\s+of|about)"
    r"\s+$",
    re.IGNORECASE,
)
# "my sister says I should get one", "mi hermana dice q pida una", "my son will drive
# me", "mi hija no me puede acompañar": someone who advises or comes along, not the
# patient.
_ADVISES = re.compile(
    r"\s+(?:says|said|told|tells|thinks|thought|keeps\s+saying|wants\s+me|suggested|"
    r"recommended|dice|dijo|me\s+dijo|me\s+dice|piensa|cree|quiere\s+que|me\s+recomend[oó]|"
    r"recomienda|"
    r"(?:will|can|can'?t|cannot|is\s+going\s+to|could|wants?\s+to)\s+(?:drive|take|bring|come\s+with|go\s+with)\s+me|"
    r"quiere\s+(?:llevarme|traerme|acompa[nñ]arme)|"
    r"(?:drives|takes)\s+me|"
    # "my daughter found an oncologist", "my husband called the plan": someone helping.
    # "mi hija está aquí conmigo", "my son came with me": company, not the patient.
    # "can my daughter talk to my doctor for me": someone acting for the writer.
    r"[^.?!,]{0,40}?\b(?:for\s+me|on\s+my\s+behalf|por\s+m[ií])|"
    r"(?:\s+y)?\s*(?:est[aá]\s+(?:aqu[ií]\s+|ac[aá]\s+)?conmigo|vino\s+conmigo|is\s+(?:here\s+)?with\s+me|"
    r"came\s+with\s+me)|"
    r"(?:found|looked\s+up|searched|called|booked|set\s+up|is\s+helping|helped|has\s+been\s+helping|"
    r"encontr[oó]|busc[oó]|llam[oó]|me\s+(?:ayuda|est[aá]\s+ayudando|ayud[oó]))|"
    r"(?:no\s+)?(?:me\s+)?(?:puede|va\s+a|podr[aá])\s+(?:acompa[nñ]ar|llevar)(?:me)?|"
    r"me\s+(?:lleva|acompa[nñ]a)|"
    # "mi esposo y mi hija quieren ir conmigo", "my husband and daughter want to come
    # with me": company at the visit.
    r"(?:(?:y|and)\s+(?:mi\s+|my\s+)?\w+\s+)?(?:quiere|quieren|want|wants|va|van|will|are\s+going)\s+"
    r"(?:a\s+|to\s+)?(?:ir\s+conmigo|venir\s+conmigo|acompa[nñ]arme|come\s+with\s+me|go\s+with\s+me|"
    r"come\s+along))\b",
    re.IGNORECASE,
)
_OR = re.compile(r"\b(or|vs\.?|versus)\b|/", re.IGNORECASE)
_YOUNG_WORDS = frozenset(
    {"baby", "toddler", "kid", "boy", "girl", "teen", "teenager"}
    | {"niño", "niña", "nino", "nina", "bebé", "bebe", "nene", "nena", "hijito", "hijita"}
)


@dataclass(frozen=True)
class Patient:
    relation: str
    label: str | None = None
    age: int | None = None
    # True or False when the message settles it ("my 6 year old", "my husband",
    # "he's 19"); None when it does not ("my son"), so an earlier answer stands.
    minor: bool | None = None
    # Where the message says it (start, end), as Rasa's entity format needs.
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class PlanType:
    id: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Timing:
    text: str
    span: tuple[int, int]


@cache
def _people() -> dict[str, tuple[str, str]]:
    """word → (relation id, how the bot refers to them)."""
    return {
        word: (group["id"], label)
        for group in load("people.yml")["people"]
        for words in (group["words"], group.get("words_es", {}))
        for word, label in words.items()
    }


@cache
def _relation_pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in _people()), key=len, reverse=True))
    return re.compile(
        # Not "like my sister's plan" (a comparison) and not "my kids" (plural: family
        # life, "someone to watch my kids", rarely the patient).
        # "I have a son with leukemia": "a" after "have" names one's own too.
        rf"(?<!like )(?<!than )\b(?:my|our|mi|nuestr[oa]|(?<=\bhave\s)a)\s+"
        rf"(?:(\d{{1,2}})\s*(?:-|\s)?\s*(?:years?|yrs?|y/?o|yo)(?:\s*-?\s*old)?\s+)?"
        rf"({words})\b(?!s\b)",
        re.IGNORECASE,
    )


@cache
def _treatment_pattern() -> re.Pattern[str]:
    people = load("people.yml")
    kinds = "|".join(re.escape(t) for t in people["treatments"] + people["treatments_es"])
    return re.compile(
        rf"\b({kinds})\b(?:\s+\w+){{0,5}}?\s+({_WHEN})"
        rf"|\b(?:start|starts|starting|begin|begins|beginning|having|getting|have|get|scheduled\s+for|booked\s+for"
        rf"|empiezo|empieza|empiezan|comienzo|comienza|inicio|inicia)"
        rf"\s+(?:(?:my|his|her|their|the|la|el|mi|su)\s+)?({kinds})\s+({_WHEN})"
        rf"|\b({_WHEN})\s+(?:\w+\s+){{0,3}}?(?:for|is|starts?|of)\s+(?:(?:my|his|her|their|the)\s+)?({kinds})\b",
        re.IGNORECASE,
    )


def patient(text: str) -> Patient | None:
    """Who the message says the patient is, with a child's age when given."""
    match = next((m for m in _relation_pattern().finditer(text) if _is_the_patient(text, m)), None)
    writer = _WRITER_DIAGNOSED.search(text)
    if match and writer and _writer_diagnosed_first(text, match, writer):
        return Patient(SELF, minor=False, span=writer.span())
    if match:
        age_text, word = match.group(1), match.group(2).lower()
        relation, label = _people()[word]
        age = int(age_text) if age_text else _age_near(text)
        minor: bool | None = None
        if relation in ADULT_RELATIONS:
            # A husband or a mother is an adult, whatever number the message holds.
            minor = False
        elif age is not None:
            minor = age < ADULT_AGE
        elif word in _YOUNG_WORDS:
            minor = True
        if minor and relation == "relative":
            relation = CHILD
        return Patient(relation, label, age if relation == CHILD else None, minor, match.span())
    aged = _AGED_CHILD.search(text)
    if aged and int(aged.group(1)) < ADULT_AGE:
        label = _people()["kid"][1]
        return Patient(CHILD, label, int(aged.group(1)), True, aged.span())
    found_self = _SELF.search(text)
    if found_self:
        return Patient(SELF, minor=False, span=found_self.span())
    return None


# "my parents' insurance", "through my dad's job", "el seguro de mi esposo": whose
# coverage it is, not who is ill.
_COVERAGE_AFTER = re.compile(
    r"(?:'s|’s|s'|s)?\s+(?:insurance|plan|policy|job|work|employer|company|coverage|union|"
    r"benefits)\b",
    re.IGNORECASE,
)
# "I talked with my daughter", "ya hablé con mi hija", "fui con mi hija": someone spoken
# with or who came along.
_TALKED_WITH_BEFORE = re.compile(
    r"\b(?:(?:habl[eé]|hablamos|platiqu[eé]|talked|spoke|told)\s+(?:con|with|to)|"
    r"(?:fui|fuimos|vine|vinimos|went|came)\s+(?:con|with))\s+$",
    re.IGNORECASE,
)
_COVERAGE_BEFORE = re.compile(
    r"\b(?:seguro|aseguranza|plan|trabajo|empleo|p[oó]liza)\s+(?:m[eé]dico\s+)?de\s+$",
    re.IGNORECASE,
)


# "I'm 70 and have anaplastic thyroid cancer", "dr said i got colon cancer", "me
# diagnosticaron cáncer de recto": the writer says they are the one with the cancer.
_WRITER_DIAGNOSED = re.compile(
    r"\b(?:i\s+(?:have|had|got)|i'?ve\s+got|i'?m\s+\d{1,3}\s+(?:and|&)\s+(?:have|had|got)|"
    r"i\s+(?:was|got|just\s+got)\s+(?:just\s+)?(?:diagnosed|dx'?d)|(?:dr|doctor|doc)\s+(?:said|says|told\s+me)\s+"
    r"(?:that\s+)?i\s+(?:have|got|had)|i\s+got\s+dx|got\s+dx'?d?\s+w)\b"
    r"(?P<between>[^.?!]{0,50}?)\b(?:cancer|tumou?r|lymphoma|leuk\w*|myeloma|sarcoma|melanoma|"
    r"carcinoma|\w+blastoma|mesothelioma|macroglobulinemia|mds|cll|aml|cml|dcis)\b"
    r"|\bme\s+(?:diagnosticaron|detectaron|encontraron)\b(?P<between_es>[^.?!]{0,50}?)\b"
    r"(?:c[aá]ncer|tumor|leucemia|linfoma|mieloma|sarcoma|melanoma|s[ií]ndrome)",
    re.IGNORECASE,
)


def _writer_diagnosed_first(text: str, match: re.Match[str], found: re.Match[str]) -> bool:
    """The writer says they have the cancer before naming a relative ("I'm 70 and have
    thyroid cancer. My daughter wants me to go to Minneapolis"), and nothing says the
    relative is the one cared for: not "I have a son with leukemia", not "for my mom"."""
    if found.start() > match.start() or match.group(1):
        return False
    if _FOR_SOMEONE.search(text[: match.start()]):
        return False
    between = found.group("between") or found.group("between_es") or ""
    return not re.search(r"\bwith\b|\bcon\b|\d", between) and not any(
        word in _people() for word in re.findall(r"[\w-]+", between.lower())
    )


def _is_the_patient(text: str, match: re.Match[str]) -> bool:
    """ "My dad has lymphoma", "helping my mom", "my 7 year old son": the person the care
    is for. Not "my dad keeps saying deductible" or "does my mom have to sign, it's her
    plan": a relative named without their health or their care is not the patient, nor
    one named for their coverage ("I'm on my parents' insurance") or their help ("my
    daughter found an oncologist")."""
    if match.group(1) or _FOR_SOMEONE.search(text[: match.start()]):
        return True
    after, before = text[match.end() :], text[: match.start()]
    if (
        _ADVISES.match(after)
        or _COVERAGE_AFTER.match(after)
        or _COVERAGE_BEFORE.search(before)
        or _TALKED_WITH_BEFORE.search(before)
    ):
        return False
    return bool(_HEALTH_WORDS.search(text) or _AGE.search(text))


def stated_age(text: str) -> tuple[int, tuple[int, int]] | None:
    """The age of someone already spoken of ("he's 19 so technically an adult"), with
    where it is said: it settles whether the patient is a child."""
    match = _PRONOUN_AGE.search(text)
    if not match:
        return None
    return int(match.group(1)), match.span()


def _age_near(text: str) -> int | None:
    match = _AGE.search(text)
    if not match:
        return None
    value = next(g for g in match.groups() if g)
    return int(value)


def treatment_timing(text: str) -> Timing | None:
    """ "surgery next month", "chemo on monday": the coming treatment and when, as said."""
    match = _treatment_pattern().search(text)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    kind, when = (
        (groups[0], groups[1]) if match.group(1) or match.group(3) else (groups[1], groups[0])
    )
    people = load("people.yml")
    names = {**people["treatment_names"], **people["treatment_names_es"]}
    kind = names.get(kind.lower(), kind.lower())
    return Timing(f"{kind} {_SPACES.sub(' ', when.lower())}", match.span())


# "I don't have a supplement", "not an HMO", "she's not on my Highmark anymore", "we
# used to have Aetna", "no tengo Medigap": a plan or an insurer someone does not have.
_NOT_BEFORE = re.compile(
    r"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|didn'?t|not|no|without|never|isn'?t|"
    r"aren'?t|no\s+longer|used\s+to|dropped|lost|cancell?ed|sin|ni|ya\s+no)\s+"
    r"(?:(?:have|has|had|got|get|be|on|with|a|an|any|the|my|her|his|our|their|tengo|tiene|"
    r"tenemos|un|una|el|es|ningun|ninguna|mi|su|con|en)\s+){0,3}$",
    re.IGNORECASE,
)


def negated(text: str, start: int) -> bool:
    """Whether the words just before `start` say the person does not (or no longer)
    have what is named there."""
    return bool(_NOT_BEFORE.search(text[:start]))


# "Can I apply for Medicaid?", "¿el Medicaid lo puedo pedir yo?", "solicitar Medicaid": a
# coverage the person asks how to get, which they do not have yet.
_SEEKS_BEFORE = re.compile(
    r"\b(?:apply(?:ing)?|sign(?:ing)?\s+up|enroll(?:ing)?|qualify|eligible|"
    r"solicitar|solicito|aplicar|calificar|calificamos|califico|tramitar|sacar)\s+"
    r"(?:(?:for|in|to|para|a|al|el|la|por)\s+){0,2}$",
    re.IGNORECASE,
)
_SEEKS_AFTER = re.compile(
    r"^\s+(?:l[oa]\s+)?(?:puedo|podemos|puede|pueden|podr[ií]a)\s+(?:pedir|solicitar|sacar|"
    r"tramitar|aplicar|conseguir)\b",
    re.IGNORECASE,
)


def not_held(text: str, start: int, end: int) -> bool:
    """Whether the coverage named at text[start:end] is one the person says they do not
    have, or asks how to get."""
    return (
        negated(text, start)
        or bool(_SEEKS_BEFORE.search(text[:start]))
        or bool(_SEEKS_AFTER.match(text[end:]))
    )


@cache
def _plan_phrases() -> tuple[dict[str, str], dict[str, str]]:
    """(phrase → plan id, any case; phrase → plan id, as written)."""
    plans = load("insurance.yml")["plan_types"]
    return (
        {phrase: plan["id"] for plan in plans for phrase in phrases_of(plan)},
        {phrase: plan["id"] for plan in plans for phrase in plan.get("capital_phrases", [])},
    )


def _alternatives(phrases: dict[str, str]) -> str:
    return "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))


@cache
def _plan_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    any_case, as_written = _plan_phrases()
    edge_before, edge_after = r"(?<![\w-])", r"(?![\w-])"
    return (
        re.compile(rf"{edge_before}({_alternatives(any_case)}){edge_after}", re.IGNORECASE),
        # Not a receptor status: "HER2 POS", "ER POS".
        re.compile(
            rf"(?<!HER2 )(?<!ER )(?<!PR ){edge_before}({_alternatives(as_written)}){edge_after}"
        ),
    )


def plan_type(text: str) -> PlanType | None:
    """The kind of plan a message names ("our HMO", "a Medicare Advantage plan"); the
    last one named, since "we had an HMO but switched to a PPO" is about the PPO, and a
    program before a kind of network ("a silver PPO on the Marketplace")."""
    found = [f for f in _plans_named(text) if not negated(text, f[0])]
    if not found:
        return None
    found.sort()
    if _offers_a_choice(text, found):
        return None
    programs = [f for f in found if f[1] not in network_plans()]
    _, plan_id, span = (programs or found)[-1]
    return PlanType(plan_id, span)


def plans_denied(text: str) -> set[str]:
    """Kinds of plan the message says the person does not have ("I don't have a
    supplement"): their rules are not what is asked about."""
    return {plan_id for start, plan_id, _ in _plans_named(text) if negated(text, start)}


def _plans_named(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    """(start, plan id, span) of every plan phrase in the message, said or denied."""
    any_case, as_written = _plan_phrases()
    loose, exact = _plan_patterns()
    found = [(m.start(), any_case[m.group(1).lower()], m.span()) for m in loose.finditer(text)]
    return found + [(m.start(), as_written[m.group(1)], m.span()) for m in exact.finditer(text)]


def _offers_a_choice(text: str, found: list[tuple[int, str, tuple[int, int]]]) -> bool:
    """ "Is my plan an HMO or an EPO?" names plans as a question, not as a fact."""
    return any(
        first[1] != second[1] and _OR.search(text[first[2][1] : second[2][0]])
        for first, second in zip(found, found[1:], strict=False)
    )


@cache
def _doctor_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {
        word.lower(): kind
        for kind, words in load("people.yml")["doctors"].items()
        for word in words
    }
    words = "|".join(sorted((re.escape(w) for w in kinds), key=len, reverse=True))
    return re.compile(rf"\b({words})s?\b", re.IGNORECASE), kinds


def doctor_named(texts: tuple[str, ...]) -> str | None:
    """The kind of doctor named last: in the first of `texts` that names one (the
    current message, then the ones before it, newest first)."""
    pattern, kinds = _doctor_pattern()
    for text in texts:
        found = pattern.findall(text)
        if found:
            return kinds[found[-1].lower()]
    return None


# Words that say a growth is a cancer, in English and Spanish (folded).
_CANCER_WORD = (
    r"cancers?|cancerous|canceros[oa]s?|carcinomas?|adenocarcinomas?|tumou?rs?|tumores|"
    r"malignan\w*|malign[oa]s?"
)
# A cancer word not ruled out: "not cancer", "no es cáncer" names no type.
_CANCER_SAID = rf"(?<!not\s)(?<!no\s)(?<!isn't\s)(?<!no\ses\s)(?:{_CANCER_WORD})"
_IS_CANCER = re.compile(rf"\b{_CANCER_SAID}\b")
# How many words may stand between a body part and the cancer word: "me operaron de la
# tiroides hace un mes por un cáncer".
_SITE_GAP = 5
# "Colon cancer that spread to her liver" is not liver cancer.
_SPREAD = re.compile(
    r"\b(spread\w*|metasta\w*|mets|moved|gone|went|extendi\w*|propag\w*|regad\w*|"
    r"pas[oó])\b(\s+[\w'-]+){0,3}\s*$"
)


@cache
def _site_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A body part near a cancer word, an operation, and a lump found in a body part."""
    sites, operations = cancer_sites()
    site = "|".join(re.escape(w) for w in sorted(sites, key=len, reverse=True))
    gap = rf"(?:\s+[\w'-]+){{0,{_SITE_GAP}}}?\s+"
    near = re.compile(
        rf"\b{_CANCER_SAID}{gap}(?P<after>{site})\b|\b(?P<before>{site}){gap}{_CANCER_SAID}\b"
    )
    operation = "|".join(re.escape(w) for w in sorted(operations, key=len, reverse=True))
    lump = re.compile(
        r"\b(?:lump|mass|nodule|growth|spot|bolita|bola|bulto|masa|nodulo|tumorcito)\s+"
        rf"(?:in|on|en|de)\s+(?:my|his|her|the|their|el|la|los|las|mi|su)\s+(?P<site>{site})\b"
    )
    return near, re.compile(rf"\b({operation})\b"), lump


def cancer_site(text: str) -> tuple[str, tuple[int, int]] | None:
    """The cancer type a message names by its place in the body, its operation or a lump
    found there, with the span that says so, or None. Only asked when no vocabulary
    phrase names the type."""
    folded = fold(text)
    sites, operations = cancer_sites()
    near, operation, lump_in = _site_patterns()
    for match in near.finditer(folded):
        group = "after" if match.group("after") else "before"
        if not _SPREAD.search(folded[: match.start(group)]):
            return sites[match.group(group)], match.span(group)
    found = operation.search(folded)
    if found:
        return operations[found.group(1)], found.span()
    # "Me encontraron una bolita en el seno … salió que sí es cáncer": a lump found in a
    # part of the body, in a message that says it is cancer, names that cancer.
    lump = lump_in.search(folded)
    if lump and _IS_CANCER.search(folded):
        return sites[lump.group("site")], lump.span("site")
    return None
