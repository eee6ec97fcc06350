"""Staff accounts, login sessions and the audit log."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String

from bot.infrastructure.clock import utcnow
from bot.infrastructure.models import Base

ROLES = ("staff", "admin")


class StaffUser(Base):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    username = Column(String(40), nullable=False, unique=True)
    password_hash = Column(String(200), nullable=False)
    role = Column(String(10), nullable=False, default="staff")
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    # Failed logins since the last success; they set the wait before the next try and,
    # past the limit, a lock-out.
    failed_logins = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime(timezone=True), nullable=True)


class StaffSession(Base):
    """A login. The cookie holds a random token; only its SHA-256 is stored, so a copy
    of the database cannot be used to log in."""

    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    expires_at = Column(DateTime(timezone=True), nullable=False)


class AuditEntry(Base):
    """Who did what to which conversation, and when. Never message text."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    username = Column(String(40), nullable=False)
    action = Column(String(40), nullable=False)
    conversation_key = Column(String(64), nullable=True, index=True)
    detail = Column(String(200), nullable=False, default="")


class LoginThrottle(Base):
    """Failed logins per client address in the current window, whatever the username:
    the per-account waits do not stop one guess tried against many usernames."""

    __tablename__ = "login_throttle"

    address_hash = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    window_started_at = Column(DateTime(timezone=True), nullable=False)
