"""The call-center side: staff accounts, their sessions, the handoff queue and the audit
log. The console in api/ is a thin layer over these services.

It sits above the dialogue runtime and the guidance: it may import the chat service,
engine and context (bot.runtime), conversations, journey and plan (bot.guidance), the
channel adapters, the vocabulary, content and the infrastructure. It never imports
bot.sms (a reply to a texter goes through the SMS channel adapter) or bot.nlp. Only the
CLI and the API use it.
"""
