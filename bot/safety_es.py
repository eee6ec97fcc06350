"""Spanish safety patterns: the same tiers as `bot.safety`, for messages in Spanish.

They run on every message, whatever language the conversation is in, because a person
in crisis may switch to the language they think in. The text is matched lower-cased and
without accents (`fold`), so "suicidarme", "me quiero morír" and "me kiero morir" typed
on a phone without accents are all found; the patterns are written without accents.
Like the English ones they err towards over-calling.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without accents ("Está" → "esta", "niño" → "nino")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_ME = r"(me|m)"
CRISIS = _compile(
    r"\bsuicid",
    r"\b(quitar|quitarme|quitarse|quitarle|quitarte)\s+(la\s+)?vida\b",
    # "mejor me quito la vida", "se quita la vida": the same, conjugated.
    r"\b(me|se|te)\s+(quito|quita|quite|quitaria|quitare|quitara)\s+(la\s+)?vida\b",
    r"\bmejor\s+(me\s+muero|morirme|me\s+mato|matarme|no\s+estar|ya\s+no\s+estar)\b",
    r"\b(me|se)\s+(quiero|quiere|quisiera|voy\s+a|va\s+a|pienso|piensa)\s+(quitar|matar|suicidar)",
    r"\b(acabar|terminar)\s+con\s+(mi|su)\s+vida\b",
    r"\b(acabar|terminar)\s+con\s+todo\b",
    r"\b(quiero|quisiera|kiero|deseo|ganas\s+de)\s+(morir|morirme|estar\s+muert[oa])\b",
    rf"\b{_ME}e?\s+(quiero|kiero|quisiera|deseo)\s+morir\b",
    r"\b(se|me)\s+quiere\s+morir\b",
    r"\bojala\s+(me\s+muriera|estuviera\s+muert[oa]|no\s+despertara|no\s+despierte)\b",
    r"\bprefiero\s+(morir|morirme|estar\s+muert[oa])\b",
    r"\b(mejor|mas\s+vale)\s+(estar\s+)?muert[oa]\b",
    r"\bestaria[ns]?\s+mejor(es)?\s+sin\s+mi\b",
    r"\bmejor\s+sin\s+mi\b",
    r"\bno\s+(quiero|kiero)\s+(vivir|seguir\s+viviendo|despertar)\b",
    r"\bno\s+(vale\s+la\s+pena|tiene\s+sentido)\s+(vivir|seguir)\b",
    r"\bya\s+no\s+(puedo|aguanto)\s+(mas|seguir|con\s+esto)\b",
    r"\bno\s+(puedo|aguanto)\s+(mas|seguir\s+asi)\b",
    r"\b(matarme|matarse|hacerme\s+dano|hacerse\s+dano|lastimarme|lastimarse|cortarme|cortarse|ahorcarme|ahorcarse)\b",
    r"\bme\s+voy\s+a\s+(matar|hacer\s+dano|lastimar|cortar)\b",
    r"\b(tomar(me|se)?|tragar(me|se)?)\s+todas\s+(las|mis|sus)\s+(pastillas|medicinas|pildoras)\b",
    r"\bsobredosis\b",
    r"\b(dormir(me)?|acostarme)\s+y\s+no\s+despertar\b",
    r"\bdesaparecer\s+para\s+siempre\b",
    r"\bno\s+(estoy|me\s+siento)\s+(a\s+salvo|segur[oa]\s+conmigo)\b",
    r"\bno\s+tengo\s+(razon|razones|nada)\s+(para|por)\s+(vivir|seguir)\b",
    r"\b(tirarme|aventarme|lanzarme)\s+(de|del|desde)\b",
    # A statement ("me voy a morir") is a crisis; the question is a prognosis question.
    r"(?<!¿)\bme\s+voy\s+a\s+morir\b(?!\s*\?)",
    r"\bya\s+no\s+(puedo|pueda|aguanto|aguante)\s+mas\b",
    r"\bmejor\s+me\s+muero\b",
    r"\bsoy\s+una\s+carga\s+para\b",
    r"\b(cortandome|cortandose)\b",
    r"\b(he|ha|has|hemos)\s+estado\s+cortando\b",
    r"\bse\s+esta\s+cortando\b",
    r"\bcarta\s+de\s+despedida\b",
    r"\b(pegar(me|se|le)?|darme|darse|meterme|meterse)\s+un\s+(tiro|balazo)\b",
    r"\b(saco|agarro|compro|saca|agarra)\s+(su|una|mi)\s+(pistola|arma)\b",
    r"\bno\s+(le\s+)?veo\s+(el\s+)?sentido\s+(a|de|en)\s+(seguir|vivir)\b",
    r"\b(dormir(me)?|acostarme)\s+y\s+(ya\s+)?no\s+despertar\b",
    r"\blo\s+estoy\s+planeando\b",
    r"\b(me|se)\s+(lastimo|lastima|corto|corta|golpeo|golpea|hago\s+dano|hace\s+dano)\s+a\s+proposito\b",
    r"\b(chocar|estrellar)\s+(el|mi|su)\s+(carro|coche|auto)\s+a\s+proposito\b",
    r"\bno\s+(quiero|kiero)\s+(estar|seguir)\s+(aqui|aki|aca)\b",
    r"\b(quiero|kiero|quisiera|deseo|ganas\s+de)\s+(desaparecer|dejar\s+de\s+existir|no\s+existir|irme\s+para\s+siempre|dormir\s+para\s+siempre)\b",
    r"\bojala\s+(no\s+existiera|no\s+hubiera\s+nacido|ya\s+no\s+estuviera|me\s+muera|me\s+llevara\s+dios)\b",
    r"\b(seria|estaria|sera)\s+mejor\s+(si\s+)?(ya\s+)?no\s+(estuviera|existiera|estar|existir)\b",
    r"\bmejor\s+(ya\s+)?no\s+(estar|existir|despertar)\b",
    r"\bpara\s+que\s+(seguir|vivir|sigo\s+vivo|sigo\s+viva|sigo\s+aqui)\b",
    r"\bno\s+(quiero|kiero|puedo)\s+seguir\s+(asi|viviendo|con\s+vida)\b",
    r"\b(acabar|terminar)\s+con\s+(esto|todo\s+esto|mi\s+sufrimiento)\s+(de\s+una\s+vez|para\s+siempre|ya)\b",
    r"\bquitarme\s+de\s+en\s+medio\b",
    r"\bno\s+me\s+importa(ria)?\s+(morir|morirme|si\s+me\s+muero)\b",
    r"\b(cortarme|cortarse)\s+las\s+venas\b",
    r"\b(tomar|tomarme|tomarse)\s+(veneno|cloro|todas\s+las)\b",
    r"\b(me\s+mato|se\s+mata|matarme|me\s+matare|me\s+voy\s+a\s+matar)\b",
    r"\bpienso\s+en\s+(morir|morirme|la\s+muerte|no\s+despertar|matarme|quitarme)\b",
    r"\b(pensamientos|ideas)\s+de\s+(muerte|morir|matarme|quitarme|suicid)",
    r"\b(se\s+quiere|me\s+quiero|quiere|quiero)\s+(ir|morir)\s+ya\b",
    r"\bestoy\s+cansad[oa]\s+de\s+vivir\b",
    r"\bya\s+no\s+(quiero|kiero)\s+nada\b",
)

# "Estoy a salvo" after a crisis reply is acknowledged, not answered with the crisis
# text again; it is removed before the crisis patterns run.
SAFE_NOW = _compile(
    r"\b(ya\s+)?(estoy|me\s+siento)\s+(a\s+salvo|bien\s+ahora|mejor\s+ahora|segur[oa])\b",
    r"\bno\s+(me\s+voy|voy)\s+a\s+(hacer\s+nada|hacerme\s+dano|matarme|lastimarme)\b",
    r"\bno\s+(lo\s+)?(dije|decia)\s+en\s+serio\b",
    r"\bno\s+estoy\s+en\s+peligro\b",
)

EMERGENCY = _compile(
    r"\bdolor\s+(fuerte\s+)?(de|en\s+el)\s+pecho\b",
    r"\b(presion|opresion)\s+en\s+el\s+pecho\b",
    r"\b(le|me)\s+duele\s+(mucho\s+)?el\s+pecho\b",
    r"\bno\s+(puede|puedo|podia|pueden)\s+respirar\b",
    r"\bno\s+respira\b",
    r"\b(le|me)\s+(falta|cuesta\s+mucho)\s+(el\s+)?(aire|respirar)\b",
    r"\bse\s+(desmayo|desmaya|cayo\s+y\s+no)\b",
    r"\bdesmayad[oa]\b",
    r"\binconsciente\b",
    r"\bno\s+(responde|reacciona|despierta|se\s+despierta)\b",
    r"\b(convulsion|convulsiones|convulsionando|ataque\s+epileptico)\b",
    r"\b(infarto|ataque\s+al\s+corazon|ataque\s+cardiaco|derrame\s+cerebral|embolia)\b",
    r"\bse\s+esta\s+ahogando\b",
    r"\b(sangra|sangrando)\s+(mucho|muchisimo|sin\s+parar)\b",
    r"\b(mucha|muchisima)\s+sangre\b",
    r"\bno\s+(para|deja)\s+de\s+sangrar\b",
    r"\b(labios|cara)\s+(morad[oa]s?|azul(es)?)\b",
    r"\b(la\s+)?cara\s+(caida|chueca)\b",
    r"\bse\s+le\s+(cerro|cierra|hincho)\s+la\s+garganta\b",
    r"\breaccion\s+alergica\s+(grave|fuerte)\b",
    r"\banafila",
    r"\b(se\s+le|se\s+me)\s+cayo\s+la\s+cara\b",
    r"\bcara\s+(caida|chueca|torcida)\b",
    r"\bno\s+(puede|puedo)\s+mover\s+(un\s+lado|el\s+brazo|la\s+pierna|medio\s+cuerpo|la\s+mitad)\b",
    r"\bhabla\s+(raro|arrastrando|enredado|trabado)\b",
    r"\bno\s+puede\s+hablar\s+bien\b",
    r"\bcerrando\s+la\s+garganta\b",
    r"\bse\s+(me|le)\s+(esta\s+)?(cerrando|hinchando)\s+la\s+garganta\b",
    r"\b(me|le)\s+aprieta\s+el\s+pecho\b",
    r"\bno\s+siento\s+(el\s+brazo|la\s+cara|un\s+lado)\b",
    r"\b(me|se|le)\s+(ahogo|ahoga|esta\s+ahogando|estoy\s+ahogando)\b",
    r"\bno\s+(me|le)\s+entra\s+(el\s+)?aire\b",
    r"\b(le\s+dio|le\s+esta\s+dando|tiene)\s+un\s+ataque\b",
    r"\btemblando\s+todo\b",
)

# Symptoms for the care team today: fever during treatment, vomiting that does not
# stop, any bleeding, new severe pain or swelling, confusion, or "should I go to the ER".
URGENT = _compile(
    r"\b(fiebre|calentura|temperatura\s+alta)\b",
    r"\bescalofrios\b",
    r"\b(no\s+(puede|puedo)\s+(retener|aguantar|mantener)|no\s+le\s+queda|no\s+me\s+queda)\s+(nada|agua|liquidos|comida)\b",
    r"\b(vomitando|vomita|vomito|vomitar|devolviendo)\s+(todo|mucho|sin\s+parar|todo\s+el\s+dia|desde|cada|varias\s+veces|otra\s+vez)\b",
    r"\b(no\s+para|no\s+deja)\s+de\s+(vomitar|devolver)\b",
    r"\b(tose|tosiendo|tosio|vomita|vomitando|vomito|escupe|escupiendo)\s+sangre\b",
    r"\bsangre\s+en\s+(la|las|el|su|mi)\s+(heces|excremento|popo|orina|pipi|vomito|saliva|flema)\b",
    r"\b(heces|popo|excremento)\s+(negra|negras|con\s+sangre)\b",
    r"\b(sangrado|sangrando|sangra|sangro)\b",
    r"\bdolor\s+(muy\s+)?(fuerte|terrible|horrible|insoportable|intenso|nuevo)\b",
    r"\b(mucho|muchisimo|tanto)\s+dolor\b",
    r"\b(hinchad[oa]s?|hinchazon|inflamad[oa]\s+de\s+repente|se\s+(le\s+)?hincho)\b",
    # Confusion as a symptom, not "confundida con tanto papeleo".
    r"\b(esta|anda|se\s+ve|parece)\s+(muy\s+|bien\s+)?(confundid[oa]|desorientad[oa])\b(?!\s+(con|sobre|por|acerca|de)\b)",
    r"\bconfusion\s+(nueva|de\s+repente)\b",
    r"\bno\s+sabe\s+donde\s+esta\b",
    r"\bdeshidratad[oa]\b",
    r"\bdiarrea\s+(fuerte|sin\s+parar|todo\s+el\s+dia|con\s+sangre)\b",
    r"\b(debo|debemos|deberia|deberiamos|tengo\s+que|tenemos\s+que)\s+(ir|llevarl[oae])\s+(a\s+la\s+|al\s+|a\s+)(sala\s+de\s+)?(emergencias?|urgencias|hospital)\b",
    r"\b(ir|voy|vamos|llevo|llevamos|llevarl[oae])\s+(a\s+la\s+|a\s+)(sala\s+de\s+)?(emergencias?|urgencias)\b",
    r"\b(llamo|llamar|llamamos)\s+al\s+911\b",
    r"\bes\s+(esto\s+)?una\s+emergencia\b",
    r"\b(esta|sigue|anda|estuvo)\s+(vomit\w*|devolviendo)\b",
    r"\bno\s+retiene\b",
    r"\bsangr(an|a|o|aron|ando|ado)\b",
    r"\b(debo|debemos|deberia|deberiamos|tengo\s+que|tenemos\s+que|necesito|necesitamos)\s+(ir|llevar\w*)\b[^.?!]{0,30}\b(hospital|emergencias?|urgencias|er)\b",
    r"\b(voy|vamos|ir|llevo|llevamos|llevarl\w)\s+(al|a\s+la|a)\s+(er|e\.r\.|emergencias?|urgencias)\b",
    r"\bno\s+ha\s+orinado\b",
    r"\bno\s+(ha|he|han)\s+(tomado|bebido)\s+(liquidos|agua|nada)\b",
    r"\bse\s+(me|le)\s+hinch\w+\b",
    r"\bdolor\b[^.?!]{0,25}\b(muy\s+fuerte|terrible|horrible|insoportable|intenso|de\s+repente)\b",
    r"\b(heces|popo|excremento)\b[^.?!]{0,15}\bnegr[ao]s?\b",
    r"\b(tose|tosiendo|tosio|vomit\w*|escup\w*)\s+con\s+sangre\b",
    r"\b(orina|orino|pipi)\s+(roja|rojo|con\s+sangre)\b",
)

ADVICE_TOPICS: dict[str, re.Pattern[str]] = {
    "diagnosis": _compile(
        r"\b(es|sera)\s+(de\s+verdad\s+|realmente\s+)?cancer\b",
        r"\b(tengo|tiene)\s+(de\s+verdad\s+|realmente\s+)?cancer\s*\?",
        r"\b(se\s+)?(pueden|puede|podrian)\s+(estar\s+)?equivoca",
        r"\bque\s+(significa|quiere\s+decir)\s+(mi|su|el|la)\s+(biopsia|resultado|resultados|informe|patologia|escaner|tomografia|resonancia)\b",
        r"\bque\s+etapa\s+(es|tengo|tiene)\b",
        r"\b(es|sera)\s+(benigno|maligno)\b",
        r"\b(dime|digame)\s+(q|que)\s+(tengo|tiene)\b",
    ),
    "prognosis": _compile(
        r"\bcuanto\s+(tiempo\s+)?(de\s+vida\s+)?(me|le)\s+queda\b",
        r"\btiempo\s+de\s+vida\b",
        r"\bse\s+va\s+a\s+curar\b",
        r"\b(va|voy)\s+a\s+curarse\b",
        r"\b(me\s+voy|se\s+va|va)\s+a\s+morir\s*\?",
        r"\b(voy|va)\s+a\s+sobrevivir\b",
        r"\b(tasa|probabilidad|probabilidades|posibilidades|porcentaje|chance)\s+de\s+(sobrevivir|supervivencia|curacion|cura|vida)\b",
        r"\bpronostico\b",
        r"\besperanza\s+de\s+vida\b",
        r"\b(es|sera)\s+(curable|terminal|mortal)\b",
        r"\b(tiene|hay)\s+cura\b",
        r"\bse\s+(cura|curan)\b",
    ),
    "dosing": _compile(
        r"\b(dosis|cuantos\s+miligramos|cuantas\s+pastillas)\b",
        r"\bcuant[oa]s?\s+(mg|miligramos|pastillas|ml|gotas)\b",
        r"\bcuant[oa]s?\s+\w+\s+(puedo|puede|le\s+doy|debo|debe)\s+(tomar|dar(le)?)\b",
        r"\b(puedo|puede|debo|debe)\s+(dejar\s+de\s+tomar|suspender|aumentar|bajar|duplicar)\b",
    ),
    "treatment": _compile(
        r"\bque\s+tratamiento\s+(debo|debe|deberia|me\s+recomienda|es\s+mejor)\b",
        r"\b(debo|debe|deberia|deberiamos)\s+(hacer(me|se)?|aceptar|elegir|escoger|rechazar)\s+(la\s+)?(quimio|quimioterapia|radiacion|radioterapia|cirugia|operacion|inmunoterapia|mastectomia|tratamiento)\b",
        r"\b(quimio|quimioterapia|radiacion|radioterapia|cirugia)\s+o\s+(quimio|quimioterapia|radiacion|radioterapia|cirugia)\b",
        r"\b(cual|que)\s+(elegiria|escogeria|haria)\s+(usted|tu)\b",
        r"\bsi\s+(usted|tu)\s+fuera\s+yo\b",
        r"\b(me\s+recomienda|recomienda|recomiendas|me\s+aconseja)\s+(dejar|hacer|seguir|tomar|elegir|escoger)\b",
        r"\bcual\s+(opcion|tratamiento|es)\s+(es\s+)?(mejor|el\s+mejor|la\s+mejor)\b",
        # "¿cuál me conviene más?", "¿me conviene mastectomía o lumpectomía?"
        r"\b(cual|que)\s+(me|le|nos)\s+conviene\b",
        r"\bconviene\s+(mas\s+)?(la\s+|el\s+|una\s+|un\s+)?(quimio\w*|cirugia|operar\w*|radiacion|radioterapia|mastectomia|lumpectomia|tratamiento|inmunoterapia|pastillas)\b",
        r"\b(usted|tu)\s+(q|que)\s+(me\s+|nos\s+)?(recomienda|recomiendas|aconseja|aconsejas|haria|harias|escogeria|elegiria)\b",
        r"\b(q|que)\s+(me|nos)\s+(recomienda|recomiendas|aconseja|aconsejas)\s+(usted|tu|hacer)\b",
        r"\bcual\s+(tratamiento|opcion|de\s+los\s+dos|de\s+las\s+dos)\s+(escojo|elijo|escogemos|elegimos|tomo)\b",
        r"\b(mastectomia|lumpectomia|pastillas|quimio\s+oral)\s+o\s+(mastectomia|lumpectomia|pastillas|quimio|por\s+la\s+vena|radiacion|cirugia)\b",
    ),
}

PERSON = _compile(
    r"\bhablar\s+con\s+(una\s+|un\s+|alguna\s+|alguien)?\s*(persona|humano|ser\s+humano|agente|representante|operador|enfermer[oa]|alguien)\b",
    r"\b(persona|agente)\s+real\b",
    r"^\s*(operador|operadora|agente|representante|humano)\b",
    r"\b(paseme|pasame|comuniqueme|comunicame|me\s+comunica|me\s+pasa|conecteme|conectame)\s+con\b",
    r"\balguien\s+real\b",
    r"\b(quiero|necesito)\s+(una\s+persona|un\s+humano|un\s+agente|alguien\s+de\s+verdad)\b",
)
