"""Tables the application owns (Rasa's tracker store manages its own).

Every later table (directory, staff, SMS) hangs off this one `Base` so that a single
Alembic history migrates the whole application database. SQLAlchemy 1.4 (pinned by
Rasa) has no `mapped_column`, so columns use the classic `Column` form.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Conversation(Base):
    """What staff may need to know about a conversation without reading its text."""

    __tablename__ = "conversations"

    session_key = Column(String(64), primary_key=True)
    channel = Column(String(16), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    handoff_requested_at = Column(DateTime(timezone=True), nullable=True, index=True)
