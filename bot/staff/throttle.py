"""Failed logins counted per client address, in fixed windows. Past the limit, the
address may not try again until the window ends, whichever usernames it tries.

The address is stored hashed: only "same address or not" matters here."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.db import session_scope
from bot.models import as_utc, seconds_until
from bot.staff.models import LoginThrottle


def _key(address: str) -> str:
    return hashlib.sha256(address.encode()).hexdigest()


def seconds_blocked(
    database_url: str, address: str, limit: int, window: timedelta, now: datetime
) -> int:
    """0 if the address may try now, else the seconds until its window ends."""
    with session_scope(database_url) as session:
        row = session.get(LoginThrottle, _key(address))
        if row is None or row.failures < limit:
            return 0
        return seconds_until((as_utc(row.window_started_at) or now) + window, now)


def record_failure(database_url: str, address: str, window: timedelta, now: datetime) -> None:
    for _ in range(2):  # a first failure can race another one for the same address
        try:
            with session_scope(database_url) as session:
                row = session.get(LoginThrottle, _key(address))
                if row is None:
                    session.add(
                        LoginThrottle(address_hash=_key(address), failures=1, window_started_at=now)
                    )
                elif (as_utc(row.window_started_at) or now) + window <= now:
                    row.failures, row.window_started_at = 1, now
                else:
                    row.failures += 1
            return
        except IntegrityError:
            continue
