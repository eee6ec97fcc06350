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
from sqlalchemy.orm import Session

from bot.channels import SmsChannel
from bot.content import locales, speaking, texts
from bot.guidance.help_line import help_line
from bot.infrastructure.db import in_transaction
from bot.runtime.chat_service import ChatService
from bot.runtime.context import AppContext
from bot.runtime.engine import EngineUnavailable
from bot.sms import store
from bot.sms.formatting import SmsReply
from bot.sms.identity import phone_hash
from bot.vocabulary.terms import fold

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundSms:
    message_sid: str
    sender: str
    body: str


class SmsService:
    """Two transactions per message, one on each side of the turn and never one across
    it: the turn's own actions write to the same database (a request for a person), and
    a transaction held open over the turn would hold the locks they wait for."""

    def __init__(self, chat: ChatService, context: AppContext) -> None:
        self.chat = chat
        self.settings = context.settings
        self.sessions = context.sessions
        self.channel = context.channels.get(SmsChannel)

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
        ahead = await in_transaction(self.sessions, lambda s: self._before_turn(s, sms, hashed))
        if isinstance(ahead, list):
            return ahead
        key = self.channel.session_key(hashed)
        try:
            replies = await self.chat.turn(key, ahead, self.channel.name, sms.message_sid)
        except EngineUnavailable:
            reply = None
        else:
            reply = self.channel.render(replies)
        return await in_transaction(
            self.sessions, lambda s: self._after_turn(s, sms, hashed, reply)
        )

    def _before_turn(self, session: Session, sms: InboundSms, hashed: str) -> list[str] | str:
        """The answer when the message needs no turn (a retried webhook, a keyword, an
        opted-out sender, a picture without words), recorded; else the text to hand the
        dialogue (a numbered option's payload, or the message)."""
        sent = store.claim_message(session, message_sid=sms.message_sid, hashed=hashed)
        if sent is not None:
            logger.info("repeated SMS webhook answered from the record")
            return sent
        text = self._without_turn(session, sms.body, hashed)
        if isinstance(text, list):
            store.save_replies(session, message_sid=sms.message_sid, replies=text)
        return text

    def _without_turn(self, session: Session, body: str, hashed: str) -> list[str] | str:
        keyword = sms_keyword(body)
        if keyword is not None:
            kind, locale = keyword
            with speaking(locale):
                if kind == "opt_out_keywords":
                    store.set_opted_out(session, hashed=hashed, opted_out=True)
                    logger.info("SMS sender opted out")
                    confirmation = texts("sms.yml", locale).get("opted_out")
                    return [self._text("opted_out")] if confirmation else []
                if kind == "opt_in_keywords":
                    store.set_opted_out(session, hashed=hashed, opted_out=False)
                    return [self._text("opted_in")]
                return [self._text("help")]
        state = store.sender_state(session, hashed=hashed)
        if state.opted_out:
            return []
        if not body.strip():
            return [self._text("media_only")]
        return chosen_option(state.options, body) or body

    def _after_turn(
        self, session: Session, sms: InboundSms, hashed: str, reply: SmsReply | None
    ) -> list[str]:
        """Records the answer (the apology when the engine could not answer) and, after
        a turn, what its reply offered."""
        if reply is None:
            messages = [self._text("unavailable")]
        else:
            store.remember_turn(
                session,
                hashed=hashed,
                options=reply.options,
                number=sms.sender,
                session_key=self.channel.session_key(hashed),
            )
            messages = reply.messages
        store.save_replies(session, message_sid=sms.message_sid, replies=messages)
        return messages


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
