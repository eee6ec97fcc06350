"""SMS state in the application database: webhook dedupe, opt-outs, pending options.

Each function works inside the caller's transaction (SmsService opens one on each side
of the turn)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.infrastructure.clock import utcnow
from bot.infrastructure.db import insert_if_absent
from bot.infrastructure.models import Conversation
from bot.sms.identity import normalise
from bot.sms.models import SmsInbound, SmsSender

# Twilio retries a webhook within minutes; a day is ample.
RETRY_WINDOW = timedelta(days=1)


def claim_message(session: Session, *, message_sid: str, hashed: str) -> list[str] | None:
    """Records the MessageSid and returns the replies already sent for it, if any. A
    MessageSid seen before without replies (its turn crashed, or is still running) is
    processed again: the dialogue engine recognises the MessageSid in the conversation
    and runs its turn at most once. Records past the retry window are dropped."""
    session.execute(delete(SmsInbound).where(SmsInbound.received_at < utcnow() - RETRY_WINDOW))
    if insert_if_absent(session, SmsInbound, message_sid=message_sid, phone_hash=hashed):
        return None
    row = session.get(SmsInbound, message_sid)
    return list(json.loads(row.replies)) if row and row.replies is not None else None


def save_replies(session: Session, *, message_sid: str, replies: list[str]) -> None:
    row = session.get(SmsInbound, message_sid)
    if row is not None:
        row.replies = json.dumps(replies)


def _sender(session: Session, hashed: str) -> SmsSender:
    row = session.get(SmsSender, hashed)
    if row is None:
        row = SmsSender(phone_hash=hashed, options="[]")
        session.add(row)
    return row


def set_opted_out(session: Session, *, hashed: str, opted_out: bool) -> None:
    row = _sender(session, hashed)
    row.opted_out_at = utcnow() if opted_out else None
    row.options = "[]"
    if opted_out:
        # STOP: the raw number is never kept for a person who asked not to be texted.
        row.reply_to = None


@dataclass(frozen=True)
class SenderState:
    """What a new message from this sender needs before the turn, read at once."""

    opted_out: bool
    # The payloads "1", "2", ... select, from the last reply sent.
    options: list[str]


def sender_state(session: Session, *, hashed: str) -> SenderState:
    row = session.get(SmsSender, hashed)
    if row is None:
        return SenderState(opted_out=False, options=[])
    return SenderState(row.opted_out_at is not None, list(json.loads(row.options)))


def remember_turn(
    session: Session, *, hashed: str, options: list[str], number: str, session_key: str
) -> None:
    """After a turn: the options its reply offered, and the raw number only while the
    sender's request for a person is open (a staff reply has to be texted to it;
    closing the request clears it)."""
    conversation = session.get(Conversation, session_key)
    sender = _sender(session, hashed)
    sender.options = json.dumps(options)
    handoff_open = conversation is not None and conversation.handoff_open
    sender.reply_to = normalise(number) if handoff_open else None


def reply_to(session: Session, *, hashed: str) -> str | None:
    """The number to text a staff reply to, unless the sender opted out."""
    row = session.get(SmsSender, hashed)
    if row is None or row.opted_out_at is not None:
        return None
    return row.reply_to


def forget_reply_to(session: Session, *, hashed: str) -> None:
    row = session.get(SmsSender, hashed)
    if row is not None:
        row.reply_to = None
