"""One login attempt from start to finish: check the password (with the waits and the
lock-out), write the audit entry, and open a session. Kept out of the router so the
rules live in one place whatever calls them.

Each runs in the caller's one transaction, so an attempt's count, its audit entry and
its session are written together or not at all. The price: the address's and the
account's rows stay locked while the password hash is checked (tens of milliseconds),
so simultaneous attempts from one address or on one account queue one behind another,
which is what makes each see the count the one before it left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from bot.infrastructure.clock import utcnow
from bot.infrastructure.config import Settings
from bot.staff import audit, sessions, throttle
from bot.staff.accounts import authenticate


@dataclass(frozen=True)
class LoginAttempt:
    # The new session's cookie token; None when the attempt failed.
    token: str | None = None
    retry_after: int = 0
    locked: bool = False
    # Too many failures from this client address, whatever the usernames.
    address_blocked: bool = False


def attempt_login(
    session: Session, *, settings: Settings, username: str, password: str, address: str
) -> LoginAttempt:
    window = timedelta(minutes=settings.staff_lockout_minutes)
    name = username.strip().lower()[:40] or "-"
    now = utcnow()
    limit = settings.staff_login_address_limit
    wait = throttle.reserve_attempt(session, address=address, limit=limit, window=window, now=now)
    if wait:
        audit.record(session, username=name, action="login_throttled")
        return LoginAttempt(retry_after=wait, address_blocked=True)
    result = authenticate(
        session,
        username=username,
        password=password,
        max_failures=settings.staff_login_max_failures,
        lockout=window,
        now=now,
    )
    if result.identity is None:
        action = "login_locked" if result.locked else "login_failed"
        audit.record(session, username=name, action=action)
        return LoginAttempt(retry_after=result.retry_after, locked=result.locked)
    throttle.forgive_attempt(session, address=address)
    lifetime = timedelta(hours=settings.staff_session_hours)
    token, _ = sessions.start(session, identity=result.identity, lifetime=lifetime)
    audit.record(session, username=result.identity.username, action="login")
    return LoginAttempt(token=token)


def log_out(session: Session, *, token: str | None, username: str) -> None:
    """Ends the session on the server, so a copied cookie stops working too."""
    sessions.end(session, token=token)
    audit.record(session, username=username, action="logout")
