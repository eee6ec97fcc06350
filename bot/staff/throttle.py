"""Failed logins counted per client address, in fixed windows. Past the limit, the
address may not try again until the window ends, whichever usernames it tries.

The address is stored hashed: only "same address or not" matters here."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.infrastructure.clock import as_utc, seconds_until
from bot.infrastructure.db import insert_if_absent
from bot.staff.models import LoginThrottle


def _key(address: str) -> str:
    return hashlib.sha256(address.encode()).hexdigest()


def reserve_attempt(
    session: Session, *, address: str, limit: int, window: timedelta, now: datetime
) -> int:
    """Counts one attempt from the address as a failure, unless it has reached its limit:
    0 when the attempt may go ahead, else the seconds until its window ends. Counting
    before the password is checked, in one conditional UPDATE, is what makes attempts
    sent at the same moment each count (`forgive_attempt` takes a success back off)."""
    key = _key(address)
    # The first attempt from an address opens its window; of several at once, one does.
    if insert_if_absent(
        session, LoginThrottle, address_hash=key, failures=1, window_started_at=now
    ):
        return 0
    row = session.get(LoginThrottle, key)
    if (as_utc(row.window_started_at) or now) + window <= now:
        # Only one of several attempts at once starts the new window; the others are
        # counted in it below.
        reset = session.execute(
            update(LoginThrottle)
            .where(
                LoginThrottle.address_hash == key,
                LoginThrottle.window_started_at == row.window_started_at,
            )
            .values(failures=1, window_started_at=now)
            .execution_options(synchronize_session=False)
        )
        if reset.rowcount:
            return 0
    counted = session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.address_hash == key, LoginThrottle.failures < limit)
        .values(failures=LoginThrottle.failures + 1)
        .execution_options(synchronize_session=False)
    )
    if counted.rowcount:
        return 0
    return seconds_until((as_utc(row.window_started_at) or now) + window, now)


def forgive_attempt(session: Session, *, address: str) -> None:
    """A login that succeeded was no failure."""
    session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.address_hash == _key(address), LoginThrottle.failures > 0)
        .values(failures=LoginThrottle.failures - 1)
        .execution_options(synchronize_session=False)
    )
