"""Conversation-level flags kept beside Rasa's tracker, e.g. "asked for a person".

Staff need to find these conversations later without scanning every tracker, so the
flag is a row in the application database rather than only a slot.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db import session_scope
from bot.models import Conversation, utcnow


def mark_handoff_requested(database_url: str, session_key: str, channel: str) -> datetime:
    """Records (idempotently) that this conversation asked for a person."""
    with session_scope(database_url) as session:
        row = session.get(Conversation, session_key)
        if row is None:
            row = Conversation(session_key=session_key, channel=channel)
            session.add(row)
        if row.handoff_requested_at is None:
            row.handoff_requested_at = utcnow()
        return row.handoff_requested_at


def handoff_requested(database_url: str, session_key: str) -> bool:
    with session_scope(database_url) as session:
        stamp = session.execute(
            select(Conversation.handoff_requested_at).where(Conversation.session_key == session_key)
        ).scalar_one_or_none()
        return stamp is not None
