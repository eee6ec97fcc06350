"""Staff accounts: creation and password checks, with a growing wait after failed
logins and then a lock-out, so a password cannot be guessed by trying many.

The wait is enforced by refusing early attempts (the route answers 429 with
Retry-After), not by sleeping, so failed logins cost the server nothing. Each attempt is
counted as a failure before its password is checked, in one conditional UPDATE, and the
count is cleared only when the password is right: attempts sent at the same moment are
each counted and each see the wait the ones before them set (checking first and
counting after let 30 simultaneous guesses through with a count of 3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.infrastructure.clock import as_utc, seconds_until, utcnow
from bot.staff.models import ROLES, StaffUser

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}\Z")
MIN_PASSWORD_LENGTH = 12
# Failed logins before waits begin; each later failure doubles the wait (seconds).
FREE_FAILURES = 2
FIRST_WAIT_SECONDS = 2

_hasher = PasswordHasher()
# Verified against when the username is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password-for-timing")


class AccountError(ValueError):
    """A username, password or role that cannot be used; the message says why."""


@dataclass(frozen=True)
class Identity:
    user_id: int
    username: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class LoginResult:
    identity: Identity | None = None
    # Seconds before another attempt is accepted (a wait or a lock-out).
    retry_after: int = 0
    locked: bool = False


def create_user(session: Session, *, username: str, password: str, role: str = "staff") -> int:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError("username: 3-40 characters, lower-case letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if role not in ROLES:
        raise AccountError(f"role: one of {', '.join(ROLES)}")
    taken = session.execute(select(StaffUser.id).where(StaffUser.username == username))
    if taken.first():
        raise AccountError(f"username: {username} already exists")
    user = StaffUser(
        username=username,
        password_hash=_hasher.hash(password),
        role=role,
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return int(user.id)


def _wait_after(failures: int, max_failures: int, lockout: timedelta) -> timedelta:
    if failures >= max_failures:
        return lockout
    if failures <= FREE_FAILURES:
        return timedelta(0)
    return timedelta(seconds=FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES - 1))


def authenticate(
    session: Session,
    *,
    username: str,
    password: str,
    max_failures: int,
    lockout: timedelta,
    now: datetime | None = None,
) -> LoginResult:
    """Counts the attempt, then checks the password in the same transaction: the
    account's row stays locked until the caller commits, so the next attempt's UPDATE
    waits for this one and then sees the wait it set."""
    now = now or utcnow()
    name = username.strip().lower()
    counted = session.execute(
        update(StaffUser)
        .where(StaffUser.username == name, StaffUser.active.is_(True))
        .where(or_(StaffUser.next_attempt_at.is_(None), StaffUser.next_attempt_at <= now))
        .values(failed_logins=StaffUser.failed_logins + 1)
        .execution_options(synchronize_session=False)
    )
    # populate_existing: the UPDATE above bypassed any copy this session already holds.
    user = session.execute(
        select(StaffUser)
        .where(StaffUser.username == name)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)
        return LoginResult()
    if counted.rowcount == 0:
        waiting_until = as_utc(user.next_attempt_at) or now
        return LoginResult(
            retry_after=seconds_until(waiting_until, now),
            locked=user.failed_logins >= max_failures,
        )
    wait = _wait_after(user.failed_logins, max_failures, lockout)
    user.next_attempt_at = now + wait if wait else None
    if not _verify(user.password_hash, password):
        return LoginResult(
            retry_after=int(wait.total_seconds()), locked=user.failed_logins >= max_failures
        )
    user.failed_logins = 0
    user.next_attempt_at = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return LoginResult(identity=Identity(int(user.id), user.username, user.role))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
