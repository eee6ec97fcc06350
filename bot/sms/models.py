"""What the SMS channel must remember between webhooks. Phone numbers are stored as a
keyed hash; the number itself only while a request to talk to staff is open."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, String, Text

from bot.infrastructure.clock import utcnow
from bot.infrastructure.models import Base


class SmsSender(Base):
    """One texting phone: its opt-out state and the options its last reply offered."""

    __tablename__ = "sms_senders"

    phone_hash = Column(String(64), primary_key=True)
    opted_out_at = Column(DateTime(timezone=True), nullable=True)
    # JSON list of the payloads "1", "2", ... select, from the last reply sent.
    options = Column(Text, nullable=False, default="[]")
    # The number itself, held only while the sender's request for a person is open
    # (a staff reply must be texted to it); cleared when staff close the request.
    reply_to = Column(String(20), nullable=True)
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


class SmsInbound(Base):
    """Each webhook by MessageSid, so a retry never advances the conversation twice.

    `replies` (JSON list of message bodies) is what was answered; a retry gets the same
    answer, since Twilio only retries when the first answer did not reach it. Twilio
    retries within minutes, so rows older than a day are deleted (store.RETRY_WINDOW): the answers
    can hold health details and are not needed after that."""

    __tablename__ = "sms_inbound"

    message_sid = Column(String(64), primary_key=True)
    phone_hash = Column(String(64), nullable=False)
    received_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    replies = Column(Text, nullable=True)
