"""The text-message channel: Twilio's webhook in, TwiML out, over the same ChatService.

SmsService sits above the dialogue runtime: it may import the chat service, engine and
context (bot.runtime), its channel adapter (bot.channels), the vocabulary, content, the
help line and the infrastructure. It never imports bot.staff or bot.nlp. The adapter in
bot.channels imports this package's store, formatting and sender, never
bot.sms.service.
"""
