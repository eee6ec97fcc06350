"""Staff login sessions, kept server-side so that logout and expiry really end them.

The cookie holds a random token; the database holds its SHA-256 and a CSRF token that
every form post must echo."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.infrastructure.clock import as_utc, utcnow
from bot.staff.accounts import Identity
from bot.staff.models import StaffSession, StaffUser


@dataclass(frozen=True)
class SignedIn:
    identity: Identity
    csrf_token: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, *, identity: Identity, lifetime: timedelta) -> tuple[str, str]:
    """A new session: (cookie token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            token_hash=_digest(token),
            user_id=identity.user_id,
            csrf_token=csrf,
            expires_at=utcnow() + lifetime,
        )
    )
    return token, csrf


def lookup(session: Session, *, token: str | None) -> SignedIn | None:
    """Who holds this cookie; an expired session is deleted on sight."""
    if not token:
        return None
    row = session.execute(
        select(StaffSession, StaffUser)
        .join(StaffUser, StaffUser.id == StaffSession.user_id)
        .where(StaffSession.token_hash == _digest(token))
    ).first()
    if row is None:
        return None
    login, user = row
    expires = as_utc(login.expires_at)
    if not user.active or expires is None or expires <= utcnow():
        session.delete(login)
        return None
    return SignedIn(Identity(int(user.id), user.username, user.role), login.csrf_token)


def end(session: Session, *, token: str | None) -> None:
    if token:
        session.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))
