"""Time as the application stores it: aware UTC datetimes, whatever the database hands
back (SQLite drops the zone), and the wait a client is told before retrying."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def seconds_until(moment: datetime, now: datetime) -> int:
    """Whole seconds to wait for `moment` (rounded up, so a client told to retry after
    them is never early); 0 once it has passed."""
    return int((moment - now).total_seconds()) + 1 if moment > now else 0


def as_utc(stamp: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every stamp here was stored as UTC."""
    if stamp is None or stamp.tzinfo is not None:
        return stamp
    return stamp.replace(tzinfo=timezone.utc)
