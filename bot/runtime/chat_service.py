"""One conversational turn for any channel, bounded in time.

Web, SMS and the staff console all come through here, so the rules "answer within the
timeout" and "an engine failure is an outage message, never a crash" live in one place.
"""

from __future__ import annotations

import asyncio
import logging

from bot.content import DEFAULT_LOCALE, locales, message, message_table, responses
from bot.guidance import language, safety
from bot.guidance.help_line import help_line
from bot.guidance.replies import Reply
from bot.infrastructure.config import Settings
from bot.runtime.context import AppContext, using
from bot.runtime.engine import DialogueEngine, EngineUnavailable, HistoryEntry

logger = logging.getLogger(__name__)
# What follows a safety reply when nothing else in the turn answers the person.
OFFER_TO_CONTINUE = "utter_offer_continue"


def outage_body(settings: Settings) -> dict[str, str]:
    """The JSON a web client gets when no turn can be answered (HTTP 503): from the app,
    or from the load balancer when no app process is up."""
    return {
        "detail": "service unavailable",
        "message": message("unavailable", help_line=help_line(settings).text),
        "help_line": settings.help_line_phone,
    }


class ChatService:
    def __init__(self, engine: DialogueEngine, timeout_seconds: float, context: AppContext) -> None:
        self.engine = engine
        self.timeout_seconds = timeout_seconds
        # The app's settings for the actions and responses the turn runs (bot.runtime.context).
        self.context = context

    async def turn(
        self,
        session_id: str,
        text: str,
        channel: str,
        message_id: str | None = None,
        page_locale: str | None = None,
    ) -> list[Reply]:
        """The bot's replies to one message; raises EngineUnavailable instead of hanging,
        or when the turn could not be saved. `message_id` makes a retry safe: a message
        already answered gets its first answer again, and the conversation stays put."""
        try:
            with using(self.context), safety.noting_unconfirmed() as unconfirmed:
                replies = await asyncio.wait_for(
                    self.engine.respond(session_id, text, channel, message_id, page_locale),
                    self.timeout_seconds,
                )
        except EngineUnavailable:
            raise
        except asyncio.TimeoutError as exc:
            logger.warning("dialogue turn timed out", extra={"timeout_s": self.timeout_seconds})
            raise EngineUnavailable("the dialogue engine did not answer in time") from exc
        except Exception as exc:
            # The type only: exception text can quote the user's message.
            logger.error("dialogue turn failed", extra={"error_type": type(exc).__name__})
            raise EngineUnavailable("the dialogue engine failed") from exc
        return self._with_safety_net(text, replies, unconfirmed)

    def _with_safety_net(
        self, text: str, replies: list[Reply], unconfirmed: list[str]
    ) -> list[Reply]:
        """A safety reply comes first, before anything else the turn says (a new
        session's disclaimer included), whether the patterns or the classifier found
        the need; if the dialogue ever left out the one the patterns require, it is
        added anyway: the model must never be the only thing between a person in crisis
        and 988. The learned net's verdicts (bot/guidance/safety_model.py), and "I'm safe" beside
        a question, are added here by design, ahead of the answer the dialogue still
        gave; the net's own verdicts in their "if…" form, since it is sometimes wrong, and
        so are the tiers the intent classifier alone gave (`unconfirmed`)."""
        safety_texts = {
            self._safety_text(name, locale)
            for name in safety.RESPONSE_FOR.values()
            for locale in locales()
        } | {
            text for locale in locales() for text in message_table("safety_check", locale).values()
        }
        position = next((i for i, r in enumerate(replies) if r.text in safety_texts), None)
        if position:
            replies = [replies[position], *replies[:position], *replies[position + 1 :]]
        verdict = safety.classify(text)
        if verdict is None and unconfirmed:
            verdict = safety.Verdict(
                unconfirmed[0], locale=language.detect(text) or DEFAULT_LOCALE, learned=True
            )
        if verdict is None or verdict.intent not in safety.RESPONSE_FOR:
            return replies
        name = safety.RESPONSE_FOR[verdict.intent]
        if any(r.text == self._safety_text(name, locale) for r in replies for locale in locales()):
            return replies
        if verdict.learned:
            # The net or the classifier alone read it, and they are sometimes wrong:
            # the numbers come as a check ("if you are having thoughts of hurting yourself…").
            needed = message_table("safety_check", verdict.locale)[verdict.intent]
        else:
            needed = self._safety_text(name, verdict.locale)
        if verdict.forced:
            # The patterns' verdicts are forced in the NLU: the dialogue should have said it.
            logger.error("safety reply was missing; added", extra={"safety_intent": verdict.intent})
            return [Reply(needed), *replies]
        # After a safety reply, "sorry, I didn't get that" would read as not listening:
        # the offer to keep going takes its place.
        fallback = {message("didnt_get_that", locale) for locale in locales()}
        kept = [r for r in replies if r.text not in fallback]
        if len(kept) < len(replies):
            kept.append(self._response(OFFER_TO_CONTINUE, verdict.locale))
        return [Reply(needed), *kept]

    def _safety_text(self, name: str, locale: str) -> str:
        """A safety response's text in a language, English where it has none."""
        return self._response(name, locale).text

    def _response(self, name: str, locale: str) -> Reply:
        """A response with its buttons, in a language, English where it has none."""
        written = responses(locale).get(name) or responses().get(name)
        return Reply.from_rasa(written[0]) if written else Reply(self.engine.response_text(name))

    async def history(self, session_id: str) -> list[HistoryEntry]:
        try:
            return await asyncio.wait_for(self.engine.history(session_id), self.timeout_seconds)
        except asyncio.TimeoutError as exc:
            raise EngineUnavailable("the conversation store did not answer in time") from exc
