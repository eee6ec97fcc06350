"""SMS state in the application database: webhook dedupe, opt-outs, pending options.

Blocking calls; the service runs them with `run_blocking`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.db import session_scope
from bot.models import Conversation, utcnow
from bot.sms.identity import normalise
from bot.sms.models import SmsInbound, SmsSender

# Twilio retries a webhook within minutes; a day is ample.
RETRY_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a MessageSid: new work, or an earlier answer (None while
    the first delivery is still being answered)."""

    is_new: bool
    earlier_replies: list[str] | None = None


def claim_message(database_url: str, message_sid: str, hashed: str) -> Claim:
    """Records the MessageSid; the primary key makes two deliveries race safely. Records
    past the retry window are dropped on the way."""
    try:
        with session_scope(database_url) as session:
            session.execute(
                delete(SmsInbound).where(SmsInbound.received_at < utcnow() - RETRY_WINDOW)
            )
            session.add(SmsInbound(message_sid=message_sid, phone_hash=hashed))
        return Claim(is_new=True)
    except IntegrityError:
        with session_scope(database_url) as session:
            row = session.get(SmsInbound, message_sid)
            replies = json.loads(row.replies) if row and row.replies is not None else None
            return Claim(is_new=False, earlier_replies=replies)


def save_replies(database_url: str, message_sid: str, replies: list[str]) -> None:
    with session_scope(database_url) as session:
        row = session.get(SmsInbound, message_sid)
        if row is not None:
            row.replies = json.dumps(replies)


def _sender(session: Session, hashed: str) -> SmsSender:
    row = session.get(SmsSender, hashed)
    if row is None:
        row = SmsSender(phone_hash=hashed, options="[]")
        session.add(row)
    return row


def set_opted_out(database_url: str, hashed: str, opted_out: bool) -> None:
    with session_scope(database_url) as session:
        row = _sender(session, hashed)
        row.opted_out_at = utcnow() if opted_out else None
        row.options = "[]"


def is_opted_out(database_url: str, hashed: str) -> bool:
    with session_scope(database_url) as session:
        row = session.get(SmsSender, hashed)
        return row is not None and row.opted_out_at is not None


def pending_options(database_url: str, hashed: str) -> list[str]:
    with session_scope(database_url) as session:
        row = session.get(SmsSender, hashed)
        return list(json.loads(row.options)) if row is not None else []


def set_pending_options(database_url: str, hashed: str, options: list[str]) -> None:
    with session_scope(database_url) as session:
        _sender(session, hashed).options = json.dumps(options)


def keep_reply_to_while_handoff_open(
    database_url: str, hashed: str, number: str, session_key: str
) -> None:
    """Holds the raw number only while the sender's request for a person is open: a
    staff reply has to be texted to it. Closing the request clears it."""
    with session_scope(database_url) as session:
        row = session.get(Conversation, session_key)
        wanted = row is not None and row.handoff_requested_at is not None
        wanted = wanted and row.handoff_closed_at is None
        sender = _sender(session, hashed)
        sender.reply_to = normalise(number) if wanted else None


def reply_to(database_url: str, hashed: str) -> str | None:
    """The number to text a staff reply to, unless the sender opted out."""
    with session_scope(database_url) as session:
        row = session.get(SmsSender, hashed)
        if row is None or row.opted_out_at is not None:
            return None
        return row.reply_to


def forget_reply_to(database_url: str, hashed: str) -> None:
    with session_scope(database_url) as session:
        row = session.get(SmsSender, hashed)
        if row is not None:
            row.reply_to = None
