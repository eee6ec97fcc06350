"""spaCy-based language work: the Rasa NLU components (entity and fact extractors, locale
detector, intent classifier, guards) and the spaCy pipeline they share.

They run inside the trained model, in training as well as in serving, so they may import
the vocabulary (bot.vocabulary), the content catalogue, the infrastructure but the
database (bot.infrastructure.paths, bot.infrastructure.linear_models), the text
functions of bot.guidance.facts, bot.guidance.language and bot.guidance.safety, and the
directory's place and request parsing (bot.directory.places, bot.directory.requests);
never the directory's search, the database (bot.infrastructure.db), the dialogue runtime
(bot.runtime), the rest of bot.guidance, channels, SMS or staff.
"""
