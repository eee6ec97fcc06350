"""The domain vocabulary: how people name a cancer type, an insurer, a plan type, a
record, a language, a stage, an urgency (`terms`), a state or a hospital town (`places`),
and all of them at once for the entity ruler and for labels (`index`).

A package of its own, not part of bot.nlp, because the guidance modules, the directory,
SMS, staff, the actions and the API use it as much as the NLU does. It may import only
bot.content and bot.infrastructure.paths, so every other part of bot/ may import it. Its
code is in the Rasa model's training fingerprint (bot/runtime/training.py): the entity
ruler is built from it.
"""
