"""The provider and hospital directory: tables, importers for public data, place and
request parsing, search and its result texts.

A service under the NLU and the actions: it may import the vocabulary, the content
catalogue, bot.replies and the infrastructure (bot.db, bot.models, bot.paths); never
bot.nlp, the dialogue runtime (engine, chat service, context), channels, SMS or staff.
"""
