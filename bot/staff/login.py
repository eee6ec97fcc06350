"""One login attempt from start to finish: check the password (with the waits and the
lock-out), write the audit entry, and open a session. Kept out of the router so the
rules live in one place whatever calls them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.clock import utcnow
from bot.config import Settings
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


def attempt_login(settings: Settings, username: str, password: str, address: str) -> LoginAttempt:
    url = settings.database_url
    window = timedelta(minutes=settings.staff_lockout_minutes)
    name = username.strip().lower()[:40] or "-"
    now = utcnow()
    limit = settings.staff_login_address_limit
    wait = throttle.reserve_attempt(url, address, limit, window, now)
    if wait:
        audit.record(url, name, "login_throttled")
        return LoginAttempt(retry_after=wait, address_blocked=True)
    result = authenticate(url, username, password, settings.staff_login_max_failures, window, now)
    if result.identity is None:
        audit.record(url, name, "login_locked" if result.locked else "login_failed")
        return LoginAttempt(retry_after=result.retry_after, locked=result.locked)
    throttle.forgive_attempt(url, address)
    token, _ = sessions.start(url, result.identity, timedelta(hours=settings.staff_session_hours))
    audit.record(url, result.identity.username, "login")
    return LoginAttempt(token=token)


def log_out(settings: Settings, token: str | None, username: str) -> None:
    """Ends the session on the server, so a copied cookie stops working too."""
    sessions.end(settings.database_url, token)
    audit.record(settings.database_url, username, "logout")
