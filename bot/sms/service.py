"""One inbound text message in, the text messages to send back out.

Order matters: a retried webhook is answered from the record before anything else (so
it never advances the conversation twice), and the carrier keywords STOP / START / HELP
come before the dialogue (an opted-out number is never sent anything but HELP).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from bot.chat_service import ChatService
from bot.config import Settings
from bot.content import locales, speaking, texts
from bot.db import run_blocking
from bot.engine import EngineUnavailable
from bot.help_line import help_line
from bot.nlp.vocabulary import fold
from bot.sms import store
from bot.sms.formatting import to_sms
from bot.sms.identity import phone_hash, session_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundSms:
    message_sid: str
    sender: str
    body: str


class SmsService:
    def __init__(self, chat: ChatService, settings: Settings) -> None:
        self.chat = chat
        self.settings = settings
        self.database_url = settings.database_url

    def _text(self, key: str) -> str:
        return str(texts("sms.yml")[key]).format(help_line=help_line(self.settings).text)

    async def handle(self, sms: InboundSms) -> list[str]:
        """Never raises, and answers within SMS_REPLY_SECONDS, every database write
        included: Twilio must get an answer before it gives up, and a person must get
        the help line."""
        try:
            return await asyncio.wait_for(self._handle(sms), self.settings.sms_reply_seconds)
        except SQLAlchemyError as exc:
            logger.error("SMS state unavailable", extra={"error_type": type(exc).__name__})
        except asyncio.TimeoutError:
            logger.error("SMS not answered in time")
        return [self._text("unavailable")]

    async def _handle(self, sms: InboundSms) -> list[str]:
        hashed = phone_hash(sms.sender, self.settings.phone_hash_key.get_secret_value())
        sent = await run_blocking(store.claim_message, self.database_url, sms.message_sid, hashed)
        if sent is not None:
            logger.info("repeated SMS webhook answered from the record")
            return sent
        messages = await self._answer(hashed, sms.sender, sms.body, sms.message_sid)
        await run_blocking(store.save_replies, self.database_url, sms.message_sid, messages)
        return messages

    async def _answer(self, hashed: str, sender: str, body: str, message_sid: str) -> list[str]:
        keyword = sms_keyword(body)
        if keyword is not None:
            kind, locale = keyword
            with speaking(locale):
                if kind == "opt_out_keywords":
                    await run_blocking(store.set_opted_out, self.database_url, hashed, True)
                    logger.info("SMS sender opted out")
                    confirmation = texts("sms.yml", locale).get("opted_out")
                    return [self._text("opted_out")] if confirmation else []
                if kind == "opt_in_keywords":
                    await run_blocking(store.set_opted_out, self.database_url, hashed, False)
                    return [self._text("opted_in")]
                return [self._text("help")]
        state = await run_blocking(store.sender_state, self.database_url, hashed)
        if state.opted_out:
            return []
        if not body.strip():
            return [self._text("media_only")]
        text = chosen_option(state.options, body) or body
        try:
            replies = await self.chat.turn(session_key(hashed), text, "sms", message_sid)
        except EngineUnavailable:
            return [self._text("unavailable")]
        reply = to_sms(replies)
        await run_blocking(
            store.remember_turn,
            self.database_url,
            hashed,
            reply.options,
            sender,
            session_key(hashed),
        )
        return reply.messages


def sms_keyword(body: str) -> tuple[str, str] | None:
    """(which keyword list, in which language) a whole message is: STOP, PARAR, AYUDA…
    Every language's keywords work in every conversation."""
    word = fold(body.strip()).upper()
    for locale in locales():
        keywords = texts("sms.yml", locale)
        for kind in ("opt_out_keywords", "opt_in_keywords", "help_keywords"):
            if word in keywords[kind]:
                return kind, locale
    return None


def chosen_option(options: list[str], body: str) -> str | None:
    """ "2" picks the second numbered option of the last reply, if it offered one."""
    number = body.strip().rstrip(".)")
    if not number.isdigit():
        return None
    index = int(number) - 1
    return options[index] if 0 <= index < len(options) else None
