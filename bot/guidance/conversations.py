"""Conversation-level facts kept beside Rasa's tracker: a request to talk to a person,
its reference code, and call sessions started by staff.

Staff need to find these conversations without scanning every tracker, and never by a
name or phone number, so they are rows in the application database keyed by session
and reachable by a short code the patient reads out.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.infrastructure.clock import as_utc, utcnow
from bot.infrastructure.models import Conversation

# No 0/O, 1/I/L: codes are read aloud over the phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_PATTERN = re.compile(r"^[A-Z2-9]{2}-?[A-Z2-9]{3}$")


@dataclass(frozen=True)
class ConversationInfo:
    session_key: str
    channel: str
    reference_code: str | None
    handoff_requested_at: datetime | None
    handoff_open: bool
    started_by: str | None


def _info(row: Conversation) -> ConversationInfo:
    return ConversationInfo(
        session_key=row.session_key,
        channel=row.channel,
        reference_code=row.reference_code,
        handoff_requested_at=as_utc(row.handoff_requested_at),
        handoff_open=row.handoff_open,
        started_by=row.started_by,
    )


def new_reference_code() -> str:
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))
    return f"{chars[:2]}-{chars[2:]}"


def normalise_code(text: str) -> str | None:
    """ "k7 3f9", "K73F9" and "K7-3F9" are one code; anything else is None."""
    cleaned = re.sub(r"[\s-]", "", text.strip().upper())
    if not CODE_PATTERN.match(cleaned):
        return None
    return f"{cleaned[:2]}-{cleaned[2:]}"


def _free_reference_code(session: Session) -> str:
    """A code no conversation has. Drawing again beats catching the unique index's
    IntegrityError, which would end the caller's whole transaction; two requests drawing
    the same one of 28 million codes at the same moment is left to that index."""
    for _ in range(5):
        code = new_reference_code()
        taken = session.execute(
            select(Conversation.session_key).where(Conversation.reference_code == code)
        ).first()
        if taken is None:
            return code
    raise RuntimeError("could not draw a free reference code")


def mark_handoff_requested(session: Session, *, session_key: str, channel: str) -> str:
    """Records (idempotently) that this conversation asked for a person, reopening a
    closed request, and returns its reference code."""
    row = session.get(Conversation, session_key)
    if row is None:
        row = Conversation(session_key=session_key, channel=channel)
        session.add(row)
    if row.handoff_requested_at is None or row.handoff_closed_at is not None:
        row.handoff_requested_at = utcnow()
        row.handoff_closed_at = None
    if row.reference_code is None:
        row.reference_code = _free_reference_code(session)
    return str(row.reference_code)


def handoff_requested(session: Session, *, session_key: str) -> bool:
    info = get(session, session_key=session_key)
    return info is not None and info.handoff_open


def get(session: Session, *, session_key: str) -> ConversationInfo | None:
    row = session.get(Conversation, session_key)
    return _info(row) if row is not None else None


def find_by_code(session: Session, *, code: str) -> ConversationInfo | None:
    normalised = normalise_code(code)
    if normalised is None:
        return None
    row = session.execute(
        select(Conversation).where(Conversation.reference_code == normalised)
    ).scalar_one_or_none()
    return _info(row) if row is not None else None


def open_handoffs(session: Session, *, staffed: Collection[str]) -> list[ConversationInfo]:
    """The queue: open requests for a person, oldest first. A conversation on a
    `staffed` channel (a call session) is already with a person, so it never joins."""
    rows = session.execute(
        select(Conversation)
        .where(
            Conversation.handoff_requested_at.is_not(None),
            Conversation.handoff_closed_at.is_(None),
            Conversation.channel.not_in(staffed),
        )
        .order_by(Conversation.handoff_requested_at)
    ).scalars()
    return [_info(r) for r in rows]


def close_handoff(session: Session, *, session_key: str) -> None:
    row = session.get(Conversation, session_key)
    if row is not None and row.handoff_closed_at is None:
        row.handoff_closed_at = utcnow()


def start_call(session: Session, *, session_key: str, channel: str, staff_username: str) -> None:
    """A new call session driven by a staff member for a caller."""
    session.add(Conversation(session_key=session_key, channel=channel, started_by=staff_username))
