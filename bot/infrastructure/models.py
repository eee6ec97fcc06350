"""Tables the application owns (Rasa's tracker store manages its own).

Every later table (directory, staff, SMS) hangs off this one `Base` so that a single
Alembic history migrates the whole application database. SQLAlchemy 1.4 (pinned by
Rasa) has no `mapped_column`, so columns use the classic `Column` form.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, DateTime, String
from sqlalchemy.orm import declarative_base

from bot.infrastructure.clock import utcnow

# Typed as Any: SQLAlchemy 1.4 declares its declarative base dynamically, which mypy
# cannot follow without the deprecated plugin, and Rasa pins us to 1.4.
Base: Any = declarative_base()


class Conversation(Base):
    """What staff may need to know about a conversation without reading its text."""

    __tablename__ = "conversations"

    session_key = Column(String(64), primary_key=True)
    channel = Column(String(16), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    handoff_requested_at = Column(DateTime(timezone=True), nullable=True, index=True)
    # Set when staff mark the request handled; the queue shows open requests only.
    handoff_closed_at = Column(DateTime(timezone=True), nullable=True)
    # The short code ("K7-3F9") a patient reads out to staff, instead of a name or number.
    reference_code = Column(String(8), nullable=True, unique=True)
    # Call sessions: the staff member who started it.
    started_by = Column(String(40), nullable=True)

    @property
    def handoff_open(self) -> bool:
        """Asked for a person, and staff have not yet marked it handled."""
        return self.handoff_requested_at is not None and self.handoff_closed_at is None
