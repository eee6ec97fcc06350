"""Spanish safety patterns: the same tiers as `bot.guidance.safety`, for messages in Spanish.

They run on every message, whatever language the conversation is in, because a person
in crisis may switch to the language they think in. The text is matched lower-cased and
without accents (`fold`), so "suicidarme", "me quiero morír" and "me kiero morir" typed
on a phone without accents are all found; the patterns are written without accents.
Like the English ones they err towards over-calling.
"""

from __future__ import annotations

import re


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_ME = r"(me|m)"
CRISIS = _compile(
    r"\bsuicid",
    r"\b(quitar|quitarme|quitarse|quitarle|quitarte)\s+(la\s+)?vida\b",
    # "mejor me quito la vida", "se quita la vida": the same, conjugated.
    r"\b(me|se|te)\s+(quito|quita|quite|quitaria|quitare|quitara)\s+(la\s+)?vida\b",
    r"\bmejor\s+(me\s+muero|morirme|me\s+mato|matarme|no\s+estar|ya\s+no\s+estar)\b",
    # Not "el urólogo me quiere quitar el riñón": quitar with an organ is surgery.
    r"\b(me|se)\s+(quiero|quiere|quisiera|voy\s+a|va\s+a|pienso|piensa)\s+(quitar(?!\s+((todo|toda|todos|todas)\s+)?(el|los|las|un|una|unos|unas|mi|mis|su|sus|lo|la\s+(?!vida)))|matar|suicidar)",
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
    # Said of oneself or of someone else, in more tenses and wordings.
    r"\bno\s+(quiero|kiero|quiere|quieren|queria|quisiera)\s+(vivir|seguir\s+viv\w*|despertar|amanecer|existir)\b",
    r"\b(me|se|te)\s+(quiero|kiero|quiere|quisiera|voy\s+a|va\s+a|pienso|piensa)\s+(quitar(?!\s+((todo|toda|todos|todas)\s+)?(el|los|las|un|una|unos|unas|mi|mis|su|sus|lo|la\s+(?!vida)))|matar|suicidar|ahorcar|colgar|"
    r"cortar(?!\s+(el|los|las|un|una|mi|su|la\s+(?!vida)))|tirar(?!\s+(el|los|las|un|una|mi|su|la\s+(?!vida)))|aventar|lanzar)",
    r"\bse\s+va\s+a\s+(ahorcar|colgar|matar|cortar|tirar|aventar|lanzar|quitar\s+la\s+vida)\b",
    r"\b(colgarme|colgarse|ahorcar|soga)\b",
    r"\b(aventar(me|se)?|tirar(me|se)?|lanzar(me|se)?|arrojar(me|se)?|saltar|me\s+aviento|me\s+tiro|me\s+lanzo|se\s+avienta|se\s+tira)\b.{0,30}\b(puente|balcon|ventana|edificio|vias|tren|techo|azotea|precipicio|barranco)\b",
    r"\b(meterme|meterse|tirarme|tirarse)\s+al\s+(mar|rio|agua|lago)\b",
    r"\b(me\s+dejen|dejarme|me\s+dejan)\s+morir\b",
    r"\bya\s+(lo\s+)?(tengo|tenia)\s+(todo\s+)?(planeado|pensado|decidido)\b",
    r"\b(ya\s+)?(pense|he\s+pensado|estoy\s+pensando)\s+(en\s+)?como\s+(hacerlo|matarme|quitarme)\b",
    r"\bpara\s+(no\s+despertar|ya\s+no\s+despertar|morir(me|se)?|matarme|matarse)\b",
    r"\b(tomar|tragar)\w*\s+(todas|todo\s+el\s+frasco|el\s+frasco\s+entero)\b",
    r"\b(pastillas|pildoras|medicinas|frasco)\b.{0,40}\b(todas\s+juntas|de\s+una\s+vez|para\s+(cuando|no\s+despertar))\b",
    r"\b(pastillas|pildoras|medicinas)\s+(guardadas|listas|juntadas)\b",
    r"\b(irme|irse)\s+por\s+(mi|su)\s+cuenta\b",
    r"\bse\s+va\s+a\s+ir\s+(ella|el)\s+sol[oa]\b",
    r"\bme\s+llevo\s+yo\s+sol[oa]\b",
    r"\b(pido|pide|pedimos)\s+a\s+dios\s+que\s+(me|se\s+la|se\s+lo|la|lo|nos)\s+(lleve|recoja)\b",
    r"\b(me\s+despido|despedirme)\s+de\s+todos\b",
    r"\bes\s+hora\s+de\s+irme\b",
    r"\b(escribi|deje|estoy\s+escribiendo)\s+(unas\s+|las\s+)?cartas?\s+(para|a)\s+(mis|mi)\b",
    r"\bme\s+(hice|hago|estoy\s+haciendo)\s+(cortadas|cortaduras|heridas|dano)\b",
    r"\b(hacerme|hacerse|haciendome|haciendose|me\s+estoy\s+haciendo|se\s+esta\s+haciendo)\s+dano\b",
    r"\b(lastim|cort|quem|golpe)\w*\b.{0,25}\ba\s+proposito\b",
    r"\b(dej\w+\s+de\s+(comer|tomar\s+\w+)|chocar\w*|estrellar\w*)\b.{0,30}\ba\s+proposito\b",
    r"\b(prefiero|prefiere|prefieren)\s+(morir|morirme|morirse|estar\s+muert)",
    r"\bcortar\s+las\s+venas\b",
    r"\b(harto|harta|cansado|cansada)\s+de\s+vivir\b",
    r"\b(sin|no\s+tengo|ya\s+no\s+tengo|perdi\s+las)\s+(\w+\s+){0,3}ganas\s+de\s+vivir\b",
    r"\b(ser|soy|es)\s+(un|una)\s+(estorbo|carga)\b",
    r"\b(termino|acabo|terminare|acabare|voy\s+a\s+terminar|voy\s+a\s+acabar)\s+con\s+todo\b(?!\s+(el|lo|la|los|las|esto|eso|mi|su))",
    r"\b(seria|sera|es)\s+mejor\s+desaparecer\b|\bmejor\s+desaparecer\b",
    r"\bque\s+se\s+haga\s+algo\b|\b(hacerme|hacerse)\s+algo\b",
    r"\bkiero\s+(matarme|morir(me)?)\b",
    # A wish or a plan near a word for dying, however it is put ("ojalá ya me muera",
    # "tengo ganas de morirme"); not "quiero saber si se va a morir" (a prognosis question).
    r"\b(quiero|quisiera|kiero|ojala|prefiero|ganas|deseo|pido|quiere|queria)\b(?!\s+saber)[^.?!]{0,25}\b(morir(me|se)?|muera|muriera|muerto|muerta)\b(?!\s+de\b)",
    r"\b(tengo|tiene)\s+todas\s+(las|mis|sus)\s+(pastillas|pildoras|medicinas)\b",
    r"\b(pastillas|pildoras)\b.{0,60}\b(quiero|voy\s+a|quiere|va\s+a)\s+(tomar|tragar)\w*",
    # By what the message describes rather than by set phrases: a way to die taken in
    # hand (a fistful of pills, a car into a post, a knife "against me", a rooftop), a
    # lethal amount asked for, dying asked about as a plan, goodbyes and gifts, treatment
    # stopped so that "it ends". A third independent set of messages showed set phrases
    # alone missing a third of crises.
    r"\b(tomar|tragar|tomarmel|tomarsel|me\s+las?\s+tomo|se\s+las?\s+(iba\s+a\s+|va\s+a\s+)?tom)\w*\b[^.?!]{0,60}\b(todas|juntas|de\s+golpe|de\s+una\s+vez|frasco\s+entero)\b",
    r"\b(monton|puno|punado|frasco|caja)\s+de\s+(pastillas|pildoras|medicinas|somniferos)\b[^.?!]{0,60}\b(tom|trag)\w*",
    r"\b(pastillas|pildoras|morfina|oxicodona|fentanilo|medicinas)\b[^.?!]{0,60}\b(me\s+las?\s+tomo|tomarmelas|tomarselas|se\s+las?\s+iba\s+a\s+tomar)\b",
    r"\b(cantidad|cuant[oa]s?|dosis)\b[^.?!]{0,50}\b(mata|matan|matar|letal|mortal)\b",
    r"\b(duele|dolera|doloroso)\b[^.?!]{0,20}\bmorir(se|me)?\b|\bmorir(me|se)?\s+(tomando|con\s+(pastillas|un\s+monton))\b",
    r"\b(como|manera\s+de|forma\s+de)\s+dejar\s+de\s+vivir\b|\bdejar\s+de\s+vivir\b",
    r"\bno\s+(quiero|kiero|quiere|queria|quisiera)\s+(estar|seguir)\s+viv[oa]\b",
    r"\b(pienso|pensando|pense|ganas|quiero|voy\s+a|va\s+a)\s+(en\s+)?(tirarme|aventarme|lanzarme|arrojarme|saltar|hundirme|ahogarme|colgarme|ahorcarme|dispararme)\b",
    r"\bhundirme\b",
    r"\bestoy\s+(parad[oa]\s+)?en\s+(la\s+|el\s+)?(azotea|techo|puente|orilla\s+del|borde)\b",
    r"\b(estrellar|chocar)\w*\s+(el|mi|su|la)\s+(carro|coche|auto|camioneta|troca)\s+contra\b",
    r"\b(me|se)\s+(corto|cortaba|corte|cortare|corta|cortaba)\s+(los|el|las|la|mis|sus)\s+(brazos|brazo|munecas|muneca|piernas|pierna|piel|venas)\b",
    r"\b(volvi|volvio|vuelvo)\s+a\s+(cortarme|cortarse|lastimarme|lastimarse)\b|\blo\s+volvi\s+a\s+hacer\b",
    r"\b(cuchillo|navaja|pistola|arma|escopeta|rifle|revolver)\b[^.?!]{0,60}\bcontra\s+(mi|si|el|ella)\s*(mism[oa])?\b",
    r"\b(usarl[oa]|usarla|apuntarme|dispararme|pegarme)\b[^.?!]{0,20}\bcontra\s+mi\b",
    r"\b(limpiando|cargando|sacando|saco|saca|tiene\s+lista)\s+(su|la|mi)\s+(escopeta|pistola|arma|rifle)\b",
    r"\b(quiero|deseo|busco)\s+la\s+muerte\b|\bla\s+muerte\b[^.?!]{0,30}\bla\s+(quiero|deseo|busco)\b",
    r"\bsi\s+me\s+muero\s+se\s+(acaba|termina)\b",
    # Not the question "¿lo hago yo o el médico?".
    r"\b(lo\s+voy\s+a\s+hacer\s+yo|me\s+voy\s+yo|lo\s+hago\s+yo)\b(?!\s*(o\b|\?|mism))",
    r"\bno\s+(pienso|voy\s+a)\s+esperar\s+a\s+que\s+(el\s+cancer|esto|la\s+enfermedad)\s+me\s+mate\b",
    r"\b(regale|regalando|regalo|repart\w+)\s+(todas\s+)?(mis|sus)\s+cosas\b|\bdeje\s+todo\s+(arreglado|listo)\b",
    r"\b(dejar|dejo|deje|voy\s+a\s+dejar|va\s+a\s+dejar)\s+de\s+(tomar|comer|ponerme|ponerse)\b[^.?!]{0,60}\b(termine|acabe|se\s+acabe|morir|muera|irme)\b",
    r"\b(ser|soy|es|sea|seguir\s+siendo)\s+(mas\s+)?(un|una)\s+(estorbo|carga)\b",
    r"\b(le\s+)?(pido|pide|pedi|pidio|pedimos|ruego|rogue)\s+a\s+dios\s+que\s+(me|se\s+la|se\s+lo|la|lo|nos)\s+(lleve|recoja|llevara)\b",
    # A fourth independent set (session 9): leaving "de una vez", a way chosen, a date or
    # purchase made, means kept at hand, goodbyes posted, a height stood on, trying again.
    r"\bme\s+voy\s+de\s+una\s+vez\b|\bacabar\s+de\s+una\s+vez\b|\bya\s+mero\s+se\s+acaba\b",
    r"\b(ya\s+)?(pense|he\s+pensado|estoy\s+pensando|pensando)\s+(en\s+)?como\s+(acabar|morir|matar|terminar|hacerlo|irme)\b",
    r"\b(ya\s+)?tengo\s+(un\s+)?plan\s+b\b|\bya\s+(compre|consegui|tengo)\s+lo\s+que\s+(necesito|hace\s+falta)\b",
    r"\b(pega|pegar|pego|dar|da|dara|va\s+a\s+dar|se\s+va\s+a\s+dar)\s+(se\s+)?un\s+(tiro|balazo|disparo)\b|\bse\s+pega\s+un\s+tiro\b",
    r"\b(ya\s+)?(solo\s+)?me\s+falta\s+despedirme\b|\bya\s+se\s+despidio\b|\b(hoy\s+)?me\s+despido\s+de\s+(ustedes|todos|ti)\b",
    r"\bya\s+no\s+voy\s+a\s+estar\b|\bya\s+no\s+me\s+van\s+a\s+ver\b",
    r"\b(se\s+toma|me\s+tomo|me\s+voy\s+a\s+tomar|se\s+va\s+a\s+tomar|tomarme|tomarse)\s+todo\s+(el|lo|la)\b",
    r"\b(navajas?|cuchillas?|rastrillo|cuchillo)\b[^.?!]{0,60}\b(no\s+quiere|ya\s+no|dejemos|encerr\w*)\b",
    r"\bme\s+(pego|golpeo)\s+(en\s+)?la\s+cabeza\s+contra\b|\b(golpearme|pegarme)\s+contra\s+la\s+pared\b",
    r"\b(repartio|reparti|regalo|regale)\s+(su|sus|mi|mis)\s+(ropa|cosas|dinero)\b|\bhaga\s+algo\b",
    r"\b(ayudarle|ayudar)\s+a\s+que\s+pase\b|\bsi\s+me\s+muero\s+manana\s*,?\s*mejor\b",
    r"\b(estuve|estoy|estaba)\s+a\s+punto\s+de\s+(brincar|saltar|tirarme|aventarme)\b|\b(brincar|brinco)\s+(del|de\s+la|desde)\b",
    r"\b(para\s+que|que)\s+(uno|una|yo|alguien)\s+(ya\s+)?no\s+despierte\b",
    r"\bpor\s+su\s+propia\s+mano\b|\bpor\s+mi\s+propia\s+mano\b",
    r"\bnota\s+de\s+despedida\b|\bmensaje\s+de\s+despedida\b|\badios\s+a\s+todos\b",
    r"\bojala\s+el\s+cancer\s+me\s+mate\b|\bno\s+quiero\s+salir\s+viv[oa]\b",
    r"\b(me\s+tome|se\s+tomo)\s+un\s+monton\s+de\s+pastillas\b|\blo\s+quiero\s+intentar\s+otra\s+vez\b|\bintentarlo\s+(otra\s+vez|de\s+nuevo)\b",
    r"\bya\s+me\s+decidi\b|\bya\s+lo\s+decidi\b",
    r"\bsoltar\s+el\s+volante\b|\bque\s+pase\s+lo\s+que\s+tenga\s+que\s+pasar\b",
    r"\bveneno\b|\bmata\s*ratas\b",
    r"\b(se\s+la|se\s+lo|me)\s+lleve\b[^.?!]{0,60}\b(orilla|azotea|puente|pastillas)\b|\b(parada|parado)\s+en\s+la\s+orilla\b",
    r"\b(irse|irme)\s+(ya|esta\s+noche|hoy)\b|\bpermiso\b[^.?!]{0,30}\bpara\s+irse\b",
)

# "Me muero de vergüenza", "me voy a morir de aburrimiento", "me mató el precio":
# everyday figures of speech, taken out before the crisis patterns run.
IDIOMS = re.compile(
    r"\b(mato|mataron|mata)\s+de\s+(risa|verguenza|miedo|nervios)\b|"
    r"\b(morir|morirme|morirse|muero|muere|muriendo|muert[oa]s?)\s+de\s+(la\s+)?(verguenza|risa|"
    r"hambre|sueno|aburrimiento|ganas|calor|frio|cansancio|nervios|pena|envidia|curiosidad|"
    r"sed|gusto|alegria|emocion)\b"
    r"|\bme\s+mato\s+(el|la|los|las|lo|con|este|esta|ese|esa)\b"
    r"|\bque\s+temperatura\s+se\s+considera\s+fiebre\b"
    r"|\b(papeleo|espera|tramites?|precio|trafico|burocracia|cuentas?|estres|calor|frio)\s+"
    r"(me|nos)\s+(va|van)\s+a\s+matar\b"
)


# "Last year she was in the ER with a fever, now she is fine": an episode that is over
# is not today's emergency. Sentences that say so are left out before the emergency and
# urgent patterns run.
_OVER = re.compile(
    r"\b(el\s+ano\s+pasado|la\s+semana\s+pasada|el\s+mes\s+pasado|hace\s+(unos?|unas?|dos|tres|\d+)\s+"
    r"(anos?|meses|semanas))\b[^.!?]*\b(ya\s+(esta|estoy|le\s+dieron|me\s+dieron|se\s+recupero|paso)|"
    r"ahora\s+(esta|estoy)\s+(mucho\s+)?(mejor|bien)|le\s+dieron\s+de\s+alta|fue\s+por)"
)


# "Tuve que ir a emergencias en enero", "la última vez que tuve calentura fue hace dos
# años", "ya no tengo fiebre": the past, or a symptom that has gone.
_PAST = re.compile(
    r"^(?=.*\b(tuve|tuvo|tuvimos|fui|fue|estuve|estuvo|la\s+ultima\s+vez)\b[^.!?]*\b(en\s+(enero|"
    r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|hace\s+"
    r"(como\s+)?\w+\s+(anos?|meses|semanas)|el\s+ano\s+pasado|antes\s+del\s+diagnostico)\b)"
    # ... and says it is over: a past fever with a fever today is still today's.
    r"(?=.*\b(ya\s+(paso|esta\s+bien|estoy\s+bien|se\s+(le|me)\s+quito)|ahora\s+(esta|estoy)\s+"
    r"(bien|mejor)|eso\s+fue|fue\s+antes|nada\s+que\s+ver|historial|formulario|lo\s+(pongo|anoto)|"
    r"controlad[oa])\b)"
    r"|\bya\s+no\s+(tengo|tiene|tenemos)\s+(fiebre|calentura|dolor|vomito)\b"
)

# Sentences matching any of these are left out before the emergency and urgent patterns
# run (bot/guidance/safety.py).
OVER = (_OVER, _PAST)


# "Estoy a salvo" after a crisis reply is acknowledged, not answered with the crisis
# text again; it is removed before the crisis patterns run.
SAFE_NOW = _compile(
    r"\b(ya\s+)?(estoy|me\s+siento)\s+(a\s+salvo|bien\s+ahora|mejor\s+ahora|segur[oa])\b",
    r"\bno\s+(me\s+voy|voy)\s+a\s+(hacer\s+nada|hacerme\s+dano|matarme|lastimarme)\b",
    r"\bno\s+(lo\s+)?(dije|decia)\s+en\s+serio\b",
    r"\bno\s+estoy\s+en\s+peligro\b",
)

EMERGENCY = _compile(
    r"\bdolor\b.{0,20}\b(en\s+el|de|del)\s+pecho\b",
    r"\bpecho\b.{0,40}\bbrazo\s+izquierdo\b",
    r"\bla\s+sangre\s+no\s+(para|se\s+detiene|deja\s+de\s+salir)\b",
    r"\bempap\w*\b.{0,25}\b(toallas|trapos|gasas)\b",
    r"\b(se\s+tomo|me\s+tome|acabo\s+de\s+tomar(me)?|se\s+acaba\s+de\s+tomar|tomo)\b.{0,30}\b(todo\s+el\s+frasco|el\s+doble|\d+\s+pastillas|demasiad[oa]s?)\b",
    r"\bno\s+(lo|la|le)\s+(puedo|podemos)\s+despertar\b",
    r"\bse\s+(me|le)\s+(esta\s+)?hinch\w*\s+(la\s+)?(lengua|labios|garganta)\b",
    r"\b(lengua|labios)\b.{0,20}\bhinch\w*\b.{0,40}\b(respirar|tragar)\b",
    r"\bno\s+se\s+mueve\b",
    r"\bsangre\s+en\s+la\s+cabeza\b",
    r"\b(golpe\w*|pego)\b.{0,10}\bcabeza\b.{0,50}\b(no\s+(me\s+|nos\s+)?reconoce|vomit\w*|no\s+responde|no\s+despierta|inconsciente)",
    r"\b(silbido|sibilancias)\b",
    r"\b(ronchas|urticaria)\b.{0,60}\b(respir\w*|garganta|lengua|labios)\b",
    r"\bde\s+repente\s+no\s+(puede|puedo)\s+(hablar|mover|levantar|ver)\b",
    r"\bno\s+(puede|puedo)\s+(hablar|levantar|mover)\b.{0,25}\b(ni|y)\s+(levantar|mover|hablar)\b",
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
    # Choking, fits, collapse, blue skin, stroke, overdose and allergy signs in other words.
    r"\batragant\w*|\bno\s+(le|me)\s+pasa\s+(el\s+)?aire\b|\basfixi\w*",
    r"\bno\s+(puedo|puede)\s+(jalar|agarrar|tomar|meter)\s+aire\b",
    r"\bespuma\s+por\s+la\s+boca\b|\b(tieso|rigido|tiesa|rigida)\b[^.?!]{0,20}\btembl\w*",
    r"\bsangre\s+a\s+(chorros|borbotones)\b|\b(a\s+chorros|a\s+borbotones)\b[^.?!]{0,20}\bsangre\b",
    r"\b(poniendo|puso|pone|esta)\s+(azul|morad[oa])\b(?!\s+(del?|de\s+la)\s+(coraje|rabia|risa|verguenza|enojo|frio|berrinche))",
    r"\bdesvaneci\w*|\bapenas\s+(puede\s+)?respira\w*|\brespira\s+(muy\s+)?(lento|despacio|raro)\b",
    r"\bse\s+(le|me)\s+(tuerce|torcio|chueca|cae|cayo)\s+la\s+boca\b|\bboca\s+(torcida|chueca|caida)\b",
    r"\bhabla\w*\s+(raro|arrastrando|enredado|trabado|trabad[oa])\b",
    r"\b(me|le)\s+cuesta\s+(mucho\s+)?(respirar|el\s+aire)\b",
    r"\b(parches|pastillas|dosis|jarabe|frasco)\b[^.?!]{0,60}\bpor\s+(error|equivocacion|accidente)\b",
    r"\b(mitad\s+del\s+cuerpo|medio\s+cuerpo|un\s+lado|la\s+cara)\b[^.?!]{0,20}\bparaliz\w*|\bse\s+(le|me)\s+paraliz\w+",
    r"\bhinch\w*\b[^.?!]{0,30}\b(lengua|labios|garganta)\b",
    r"\bno\s+abre\s+los\s+ojos\b",
    r"\bpeor\s+dolor\s+de\s+cabeza\b|\b(veo|ve)\s+doble\b|\bvision\s+doble\b",
    r"\bse\s+(le|me)\s+fue\s+el\s+aire\b|\bboqueando\b|\bno\s+le\s+entra\s+nada\b",
    r"\bsangr\w*\b[^.?!]{0,40}\b(a\s+chorros|a\s+borbotones|a\s+montones|no\s+para)\b|\bsangre\b[^.?!]{0,30}\b(a\s+montones|un\s+vaso|charco)\b|\bcharco\s+de\s+sangre\b",
    r"\b(corazon)\b[^.?!]{0,30}\b(rapidisimo|lentisimo|se\s+me\s+sale)\b|\b(me\s+estoy|me\s+siento)\s+desmay\w*",
    r"\b(se\s+tomo|se\s+comio|se\s+trago)\s+(las|mis|unas|sus)\s+(pastillas|medicinas|capsulas)\b",
    r"\bsin\s+querer\b[^.?!]{0,60}\b(aire|dormid[oa]|respir\w*)\b|\b(dos\s+veces|doble)\s+sin\s+querer\b",
    r"\bse\s+(me|le)\s+(durmio|adormecio)\s+(media|la\s+mitad\s+de\s+la)\s+cara\b|\bno\s+me\s+salen\s+las\s+palabras\b",
    r"\bdesplom\w*|\bno\s+(le|me)\s+(siento|encuentro)\s+(el\s+)?pulso\b",
    r"\bsangre\s+por\s+(el\s+oido|los\s+oidos|la\s+nariz\s+y\s+la\s+boca)\b",
    r"\b(esta|tiene|quedo|se\s+quedo)\s+(con\s+)?los\s+ojos\s+en\s+blanco\b|\bno\s+contesta\b[^.?!]{0,30}\b(ojos|respira|despierta)\b",
    r"\bno\s+puede\s+mover\s+el\s+lado\b|\bse\s+le\s+cae\s+la\s+baba\b",
    r"\bse\s+(me|le)\s+cierra\s+la\s+garganta\b|\bconvulsiona\w*|\bse\s+mordio\s+la\s+lengua\b",
    r"\b(soponcio|patatus)\b|\bsin\s+sentido\b|\bno\s+vuelve\s+en\s+si\b|\bsin\s+volver\s+en\s+si\b|\bse\s+privo\b",
    r"\bpresion\s+por\s+el\s+piso\b|\bempapad[oa]\s+de\s+sudor\b",
)

# Symptoms for the care team today: fever during treatment, vomiting that does not
# stop, any bleeding, new severe pain or swelling, confusion, or "should I go to the ER".
URGENT = _compile(
    # A temperature said as a number (38.5 °C or 100.4 °F and up).
    r"\b(temperatura|calentura|termometro|marca|marco)\b.{0,30}\b(3[89]|4[01]|100[.,][4-9]|10[1-5])([.,]\d)?\b",
    r"\b(3[89]|4[01])([.,]\d)?\s*(de\s+temperatura|grados|°)",
    r"\b(100[.,][4-9]|10[1-5])([.,]\d)?\s*(°|grados|f\b|de\s+temperatura)",
    r"\b(dejar\s+de\s+vomitar|no\s+(me|le)\s+(aguanta|queda|para)\s+ni\s+el\s+agua)\b",
    r"\bvomit\w*\b.{0,20}\bsangre\b",
    r"\b(\d+|varias|muchas)\s+veces\b.{0,25}\bdiarrea\b|\bdiarrea\b.{0,40}\b(\d+|varias|muchas)\s+veces\b|\bdiarrea\s+desde\b",
    r"\b(hice\s+del\s+bano|obre|evacue|al\s+ir\s+al\s+bano)\b.{0,30}\bsangre\b",
    r"\bmuy\s+(debil|mareado|mareada)\b",
    r"\bno\s+(me|se)\s+(puedo|puede)\s+(parar|levantar|mantener\s+de\s+pie)\b",
    r"\bse\s+(me|le)\s+nubla\s+la\s+vista\b",
    r"\bno\s+(he|ha|han)\s+podido\s+orinar\b|\bno\s+(puedo|puede)\s+orinar\b",
    r"\bno\s+(puedo|puede)\s+(tomar|tragar|beber)\s+(ni\s+)?(agua|liquidos|mi\s+saliva|su\s+saliva|nada)\b",
    r"\b(port|puerto|cateter|picc)\b.{0,40}\b(roj\w*|calient\w*|pus|hinch\w*|duele)\b",
    r"\b(piel|herida)\b.{0,40}\b(pus|mal\s+olor)\b",
    r"\bherida\b.{0,30}\b(se\s+abrio|abierta)\b",
    r"\bamanecio\s+(muy\s+)?(confundid|desorientad|adormilad)",
    r"\bno\s+(me|nos|la|lo|le)\s+reconoce\b",
    r"\bhabla\s+incoherencias\b",
    r"\bno\s+ha\s+comido\s+ni\s+(tomado|bebido)\b",
    r"\bse\s+(me|le)\s+durmieron\s+las\s+piernas\b",
    r"\bde\s+repente\b.{0,30}\b(no\s+puedo\s+caminar|me\s+cuesta\s+caminar|no\s+puede\s+caminar)\b",
    r"\bdeshidrat\w*",
    r"\b(ampollas|sarpullido)\b",
    r"\bamarill[oa]s?\b.{0,20}\b(ojos|piel)\b|\b(piel|ojos)\s+amarill",
    r"\bno\s+se\s+puede\s+levantar\s+de\s+la\s+cama\b",
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
    r"(?<!\bno\s)\bes\s+(esto\s+)?una\s+emergencia\b",
    r"\b(esta|sigue|anda|estuvo)\s+(vomit\w*|devolviendo)\b",
    r"\bno\s+retiene\b",
    r"\bsangr(an|a|o|aron|ando|ado)\b",
    # Which kind of hospital ("¿debería llevarla a un hospital de niños o de adultos?",
    # "a otro hospital") is a choice of care, not a trip to the ER.
    r"\b(debo|debemos|deberia|deberiamos|tengo\s+que|tenemos\s+que|necesito|necesitamos)\s+(ir|llevar\w*)\b[^.?!]{0,30}\b((?<!otro\s)hospital(?!\s+(de|para)\s+(ninos|ninas|adultos|cancer|mujeres)\b|\s+(oncologico|infantil|pediatrico|especializado|grande|universitario)\b)|emergencias?|urgencias|er)\b",
    r"\b(voy|vamos|ir|llevo|llevamos|llevarl\w)\s+(al|a\s+la|a)\s+(er|e\.r\.|emergencias?|urgencias)\b",
    r"\bno\s+ha\s+orinado\b",
    r"\bno\s+(ha|he|han)\s+(tomado|bebido)\s+(liquidos|agua|nada)\b",
    r"\bse\s+(me|le)\s+hinch\w+\b",
    r"\bdolor\b[^.?!]{0,25}\b(muy\s+fuerte|terrible|horrible|insoportable|intenso|de\s+repente)\b",
    r"\b(heces|popo|excremento)\b[^.?!]{0,15}\bnegr[ao]s?\b",
    r"\b(tose|tosiendo|tosio|vomit\w*|escup\w*)\s+con\s+sangre\b",
    r"\b(orina|orino|pipi)\s+(roja|rojo|con\s+sangre)\b",
    # Blood, belly, wounds, drains, pain, fluids and fever said in other words.
    r"\b(sali\w*|escup\w*|tos\w*|vomit\w*|rayitas|hilos|poquito|poco|gotas|manchas?)\b[^.?!]{0,30}\bsangre\b",
    r"\b(panza|barriga|abdomen|estomago|vientre)\b[^.?!]{0,40}\b(grande|dura|inflamad\w*|hinchad\w*)\b",
    r"\bherida\b[^.?!]{0,40}\b(caliente|huele|roja|supura\w*|abierta)\b",
    r"\b(drenaje|sonda|port|puerto|cateter|picc)\b[^.?!]{0,50}\b(roj\w*|calient\w*|pus|hinch\w*|inflamad\w*|amarill\w*|supura\w*)\b",
    r"\bno\s+(puedo|puede|quiere)\s+(ni\s+)?(tomar|tragar|beber)\s+(ni\s+)?(agua|leche|liquidos|nada)\b",
    r"\bno\s+(he|ha|hemos)\s+podido\s+(tomar|beber|retener)\s+(liquidos|agua|nada)\b",
    r"\btemblores\s+de\s+frio\b|\btiritando\b",
    r"\b(me|le)\s+duele\s+(muchisimo|mucho|demasiado|horrible)\b|\bduele\s+(muchisimo|horrible|demasiado)\b",
    r"\b(temp|temperatura|fiebre|calentura)\b[^.?!]{0,15}\b(3[89]|4[01])([.,]\d)?\b",
    # Not an age: "tengo 41 años".
    r"\b(tiene|tengo|tenia|marca|marco)\s+(100[.,][4-9]|10[1-5]([.,]\d)?|3[89][.,]\d|4[01]([.,]\d)?)\b(?!\s*(anos?|meses|semanas|dias)\b)",
    r"\bdiarrea\b[^.?!]{0,30}\b(cada\s+hora|todo\s+el\s+dia|no\s+para|sin\s+parar|liquida)\b",
    r"\b(esta|anda|se\s+ve|parece)\s+(como\s+)?(muy\s+)?(desorientad[oa]|confundid[oa]|ido|ida)\b(?!\s+(con|sobre|por|acerca|de)\b)",
    r"\bno\s+(he|ha)\s+hecho\s+(pipi|del\s+bano|popo)\b|\bno\s+(he|ha)\s+podido\s+ir\s+al\s+bano\b",
    r"\borina\b[^.?!]{0,15}\b(roja|rojo|con\s+sangre|oscura)\b",
    r"\bno\s+quiere\s+(tomar|comer|beber)\s+ni\b",
    r"\bllagas\b[^.?!]{0,50}\bno\s+(puedo|puede|quiere)\b",
    r"\bmareo\s+mucho\b|\bme\s+mareo\b[^.?!]{0,40}\b(liquidos|agua|boca\s+seca)\b",
    r"\b(orina|pipi)\b[^.?!]{0,20}\b(rosada|rosa|sangre)\b",
    r"\bmoretones\b|\bmoratones\b|\bpuntitos\s+rojos\b|\bmanchas\s+rojas\b",
    r"\bme\s+falta\s+(un\s+poco\s+)?(el\s+)?aire\b|\brespiracion\s+(un\s+poco\s+)?agitada\b",
    r"\b(como|parecido\s+a)\s+cafe\s+molido\b",
    r"\bestrenid[oa]\b[^.?!]{0,60}\b(duele|dolor|no\s+me\s+sale|vomit\w*)\b|\bno\s+(evacuo|he\s+evacuado|ha\s+evacuado)\b",
    r"\bampolla\b|\b(panza|barriga|estomago)\s+(inflada|hinchada|dura)\b",
    r"\bse\s+me\s+duermen\s+(los\s+pies|las\s+piernas)\b[^.?!]{0,40}\b(caminar|piernas)\b|\bme\s+cuesta\s+caminar\b",
    r"\bostomia\b[^.?!]{0,40}\b(roja|no\s+(esta\s+)?saliendo|no\s+sale|hinchada|negra)\b",
    r"\b(tos|tosiendo)\b[^.?!]{0,40}\b(quimio|agitad\w*|fiebre)\b",
)

ADVICE_TOPICS: dict[str, re.Pattern[str]] = {
    "diagnosis": _compile(
        r"\b(cea|ca[\s-]?125|psa|ca\s*19|plaquetas|hemoglobina|globulos|gleason|marcador\w*)\b.{0,40}\b(que\s+significa|es\s+malo|es\s+normal|esta\s+bien|regreso|volvio|necesito)\b",
        r"\b(volvio|regreso|ha\s+vuelto)\s+el\s+cancer\s*\?",
        r"\b(significa|quiere\s+decir)\s+que\s+(volvio|regreso)\b",
        r"\bque\s+tan\s+grave\s+(es|esta)\b",
        r"\b(lea|revise|mire)\s+(mi|su|el)\s+(resultado|informe|reporte|patologia)\b",
        r"\bdiagnostiqu\w*",
        r"\b(es|sera)\s+metastasis\b",
        r"\b(es|sera)\s+(de\s+verdad\s+|realmente\s+)?cancer\b",
        r"(?:^|[¿?.!,]\s*|\bsi\s+|\b(decir|significa)\s+(q|que)\s+)(tengo|tiene)\s+(de\s+verdad\s+|realmente\s+)?cancer\s*\?",
        r"\b(se\s+)?(pueden|puede|podrian)\s+(estar\s+)?equivoca",
        r"\bque\s+(significa|quiere\s+decir)\s+(mi|su|el|la)\s+(biopsia|resultado|resultados|informe|patologia|escaner|tomografia|resonancia)\b",
        r"\bque\s+etapa\s+(es|tengo|tiene)\b",
        r"\b(es|sera)\s+(benigno|maligno)\b",
        r"\b(dime|digame)\s+(q|que)\s+(tengo|tiene)\b",
        r"\b(me\s+dices|me\s+dice|digame|dime)\s+si\s+es\b|\bsi\s+es\s+(cancer|melanoma|maligno|benigno)\b",
        r"\b(hizo|hay|tiene|tengo)\s+metastasis\b|\bsera\s+que\b[^.?!]{0,30}\b(metastasis|cancer|tumor|maligno)\b",
        r"\b(la\s+)?(quimio\w*|tratamiento|radiacion|inmunoterapia)\s+no\s+(me\s+|le\s+)?(sirve|funciona|esta\s+funcionando)\b",
    ),
    "prognosis": _compile(
        r"\b(probabilidad|probabilidades|posibilidades|chance)\s+(tengo|tiene|hay)\s+de\s+(sobrevivir|curar\w*|vivir)\b",
        r"\banos\s+de\s+vida\b|\bexpectativa\s+de\s+vida\b",
        r"\bquedar\s+curad[oa]\b",
        r"\b(cree|crees|piensa)\s+que\s+(la|el)\s+(quimio|tratamiento|radiacion|inmunoterapia)\s+(le\s+|me\s+)?(esta\s+)?funcion",
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
        r"\b(probabilidad\w*|posibilidad\w*|chance)\b[^.?!]{0,30}\bde\s+(sobrevivir|curar\w*|vivir|que\s+(me|le|nos)\s+(regrese|vuelva)|que\s+(regrese|vuelva))\b",
        r"\bcuant[oa]s?\s+(anos|meses|tiempo)\s+(vive|viven|se\s+vive|dura|duran)\b",
        r"\b(va|voy)\s+a\s+(llegar|durar|aguantar)\s+(a|hasta)\b",
        r"\bcuant[oa]s?\s+((anos|meses|semanas|tiempo)\s+)?(mas\s+)?(voy|va|vamos|van)\s+a\s+(vivir|durar|aguantar)\b",
    ),
    "dosing": _compile(
        r"\bpuedo\s+(mezclar|combinar)\b",
        r"\bnecesito\s+(una\s+)?transfusion\b",
        r"\b(dosis|cuantos\s+miligramos|cuantas\s+pastillas)\b",
        r"\bcuant[oa]s?\s+(mg|miligramos|pastillas|ml|gotas)\b",
        r"\bcuant[oa]s?\s+\w+\s+(puedo|puede|le\s+doy|debo|debe)\s+(tomar|dar(le)?)\b",
        r"\b(puedo|puede|debo|debe)\s+(dejar\s+de\s+tomar|suspender|aumentar|bajar|duplicar)\b",
        r"\bcuant[oa]s?\s+\w+(\s+\w+)?\s+(le\s+|me\s+)?(puedo|puede|debo|debe|tengo\s+que|tiene\s+que)\s+(tomar|dar)",
        r"\b(puedo|puede)\s+(tomar|beber)\s+\w+\s+(estando|durante|mientras)\b",
        r"\b(me|le)\s+puedo\s+saltar\b|\bsaltar(me|le)?\s+un\s+ciclo\b",
    ),
    "treatment": _compile(
        r"\bcual\s+(tratamiento|opcion)\b.{0,20}\bconviene\b",
        r"\b(me\s+)?recomienda\s+\w+\s+o\s+\w+",
        r"\bmejor\s+(la|el)\s+\w+\s+o\s+(la|el)\s+\w+\s+para\s+mi\b",
        r"\bconviene\s+mas\s+\w+\s+o\s+\w+",
        r"\b(debo|deberia)\s+(aceptar|seguir|dejar|hacer(me)?|operarme|esperar)\b.{0,60}\bo\s+(seguir|esperar|dejar|operar\w*|hacer\w*|mejor)\b",
        r"\b(opero|operarme|operamos)\s+o\s+(espero|esperar|esperamos)\b",
        r"\bvale\s+la\s+pena\s+seguir\s+con\s+(la|el)\s+(quimio|tratamiento|radiacion)\b",
        r"\bque\s+me\s+aconseja\b",
        r"\ben\s+(lugar|vez)\s+de\s+(la\s+)?(quimio|tratamiento|radiacion)\b",
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
        r"\b(que|cual|q|k)\s+(quimio\w*|tratamiento|medicina|medicamento|opcion|terapia)\s+(es\s+)?(mejor|me\s+conviene|funciona\s+mejor)\b",
        r"\b(que|cual|q|k)\s+es\s+mejor\b[^.?!]{0,40}\b(quimio\w*|inmunoterapia|radiacion|cirugia|tratamiento|operar\w*|ensayo)\b",
        r"\b(puedo|puede|debo|debe|podemos)\s+(dejar|suspender|parar|abandonar|cambiar)\s+(el|la|mi|su|los|las)\s+(tratamiento|quimio\w*|ciclo|medicamento|medicina|radiacion|pastillas|\w+mab|\w+ib|tamoxifeno)\b",
        r"\b(lo|la)\s+puedo\s+dejar\b|\bquiero\s+cambiar\s+(el|la)\s+\w+\s+por\b",
        r"\b(que\s+)?(harias|haria|harian)\s+(tu|usted|ustedes)\b|\ben\s+mi\s+lugar\b",
        r"\bvale\s+la\s+pena\b[^.?!]{0,40}\b(quimio\w*|tratamiento|cirugia|operar\w*|radiacion|protonterapia|trasplante|inmunoterapia)\b",
        r"\b(me|le|nos)\s+conviene\b[^.?!]{0,30}\b(quimio\w*|cirugia|operar\w*|radiacion|vigilancia|tratamiento|trasplante|mastectomia|lumpectomia|inmunoterapia|ensayo|pastillas|terapia)\b",
        r"\b(me\s+|le\s+)?(recomiendas|recomienda|aconsejas|aconseja|sugieres|sugiere)\s+(hacerme|hacerle|que\s+me\s+haga|que\s+haga|el\s+trasplante|la\s+cirugia|la\s+quimio)\b",
        r"\b(debo|deberia|debemos|deberiamos)\s+(aceptar|entrar|participar|meterme|rechazar)\b[^.?!]{0,30}\b(ensayo|estudio|tratamiento|quimio\w*)\b",
        r"\b(quimio\w*|tratamiento|keytruda|radiacion)\b[^.?!]{0,40}\bque\s+me\s+(recomiendas|recomienda)\b",
        r"\bquien\s+tiene\s+(la\s+)?razon\b|\bcual\s+(doctor|medico|de\s+los\s+dos)\s+tiene\s+(la\s+)?razon\b",
        r"\b(se\s+puede|se\s+le\s+puede|le\s+pueden|me\s+pueden)\s+(operar|quitar|sacar)\s+(el|la|los|las)\s+(tumor|higado|pulmon|masa|cancer|rinon|seno|mama|ganglios|manchas)\b",
    ),
}

PERSON = _compile(
    r"\b(comunicar(me)?|pasar(me)?|conectar(me)?|comunica|pasan|pasa)\s+con\s+(un|una|el|la|alguien)\b",
    r"\b(alguien|una\s+persona|una\s+enfermera|un\s+agente)\b.{0,25}\bme\s+(llame|pueda\s+llamar|puede\s+llamar|devuelva\s+la\s+llamada)\b",
    r"\bme\s+(llame|devuelva\s+la\s+llamada)\s+(una\s+persona|alguien|una\s+enfermera)\b",
    r"\bque\s+alguien\s+me\s+llame\b|\bme\s+puede\s+llamar\s+alguien\b|\bdevuelva\s+la\s+llamada\b",
    r"\bhablar\s+con\s+(la|el|una|un)\s+(navegador\w*|trabajador\w*\s+social|enfermer\w*|agente|operador\w*|representante)\b",
    r"\b(hay|tienen)\s+(una|un|algun|alguna)\s+(enfermer\w*|persona|agente)\s+(disponible|para\s+hablar)\b",
    r"\b(quiero|necesito)\s+(un|una)\s+(operador\w*|representante|enfermer\w*)\b",
    r"\bhablar\s+con\s+(una\s+|un\s+|alguna\s+|alguien)?\s*(persona|humano|ser\s+humano|agente|representante|operador|enfermer[oa]|alguien)\b",
    r"\b(persona|agente)\s+real\b",
    r"^\s*(operador|operadora|agente|representante|humano)\b",
    r"\b(paseme|pasame|comuniqueme|comunicame|me\s+comunica|me\s+pasa|conecteme|conectame)\s+con\b",
    r"\balguien\s+real\b",
    r"\b(quiero|necesito)\s+(una\s+persona|un\s+humano|un\s+agente|alguien\s+de\s+verdad)\b",
    # Asked for in other words: a call back, someone to explain, not a machine.
    r"\bno\s+(quiero|quiere|me\s+gusta)\s+(hablar|escribir)\w*\s+con\s+(una\s+|un\s+|esta\s+|este\s+)?(maquina|robot|computadora|bot|programa|chat)\b",
    r"\b(un|una)\s+(humano|persona)\s*,?\s+no\s+(un|una|esto|este|esta)\b",
    r"\b(atender|atienda|conteste|contesta|hable|responda)\s+(un|una)\s+(humano|persona|ser\s+humano)\b",
    r"\b(enfermer\w*|alguien|persona|coordinador\w*|navegador\w*|representante|agente)\b[^.?!]{0,30}\b(me|la|lo|le|nos)\s+(pueda\s+|puede\s+|podria\s+)?(llam\w*|marque|marcar|comunique|contacte)\b",
    r"\b(llamarla|llamarlo|llamarme|llamarnos|marcarme)\b",
    r"\b(se\s+)?comuni(que|quen)\s+conmigo\b",
    r"\b(necesito|quiero|quisiera|puede|pueden|podria)\s+(que\s+)?alguien\s+(que\s+)?me\s+(lo\s+|la\s+)?(explique|llame|marque|ayude\s+por\s+telefono)\b",
    r"\bcon\s+quien\s+(puedo|podemos|puede)\s+hablar\b",
    r"\b(pasen(me)?|pasame|paseme|transfer\w*|comuniquen(me)?)\s+(me\s+)?con\s+(alguien|una\s+persona|un\s+agente)\b",
    # Spanglish "un agent", not "agent orange".
    r"\b(un|una|el|al|con|a)\s+agent\b(?!\s+orange)",
    r"\b(que\s+)?(lo|la|me|nos)\s+llame\s+alguien\b",
    r"\ben\s+una\s+llamada\b|\bpor\s+telefono\s+con\s+alguien\b",
)
