"""Text messages through Twilio: one conversation per phone (by keyed hash), replies as
plain numbered texts, and a staff reply texted to the number kept while the person's
request for a person is open."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy.orm import Session

from bot.channels.base import NotDelivered
from bot.content import texts
from bot.guidance.replies import Reply
from bot.infrastructure.db import SessionFactory, in_transaction, run_blocking
from bot.sms import store
from bot.sms.formatting import SmsReply, split, to_sms
from bot.sms.outbound import OutboundSms


class SmsChannel:
    name: ClassVar[str] = "sms"
    session_prefix: ClassVar[str] = "sms-"
    staff_present: ClassVar[bool] = False
    staff_reply_note: ClassVar[str] = "sent as a text message"

    def __init__(self, outbound: OutboundSms, sessions: SessionFactory) -> None:
        self.outbound = outbound
        self.sessions = sessions

    @classmethod
    def session_key(cls, hashed: str) -> str:
        """The conversation of the phone whose keyed hash this is."""
        return f"{cls.session_prefix}{hashed}"

    @classmethod
    def hashed_from(cls, session_key: str) -> str:
        """The sender's hash back out of an SMS conversation's session key."""
        return session_key.removeprefix(cls.session_prefix)

    def render(self, replies: list[Reply]) -> SmsReply:
        return to_sms(replies)

    async def deliver_staff_reply(self, session_key: str, text: str) -> None:
        """Texted, split like any reply, to the number kept for the open request; never
        to a number that texted STOP. The number is read in its own transaction and the
        texts are sent after it: no transaction waits on Twilio."""
        hashed = self.hashed_from(session_key)
        number = await in_transaction(self.sessions, lambda s: store.reply_to(s, hashed=hashed))
        if number is None:
            raise NotDelivered("no number or opted out")
        prefix = str(texts("sms.yml")["staff_prefix"])
        for part in split([prefix + text]):
            await run_blocking(self.outbound.send, number, part)

    def on_handoff_closed(self, session: Session, *, session_key: str) -> None:
        """The number was kept only to text a staff reply."""
        store.forget_reply_to(session, hashed=self.hashed_from(session_key))
