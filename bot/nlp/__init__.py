"""spaCy-based language work: the Rasa NLU components (entity and fact extractors, locale
detector, intent classifier, guards) and the spaCy pipeline they share.

They run inside the trained model, in training as well as in serving, so they may import
the vocabulary (bot.vocabulary), the content catalogue, bot.paths, the text functions of
bot.facts, bot.language and bot.safety, and the directory's place and request parsing
(bot.directory.places, bot.directory.requests); never the directory's search, the
database, the dialogue runtime (engine, chat service, context), channels, SMS or staff.
"""
