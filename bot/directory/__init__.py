"""The provider and hospital directory: tables, importers for public data, place and
request parsing, search and its result texts.

A service under the NLU and the actions: it may import the vocabulary, the content
catalogue, bot.guidance.replies (its result texts are Replies) and the infrastructure
(bot.infrastructure: db, models, paths); never bot.nlp, the dialogue runtime
(bot.runtime), channels, SMS, staff or the rest of bot.guidance, which uses it.
"""
