"""Rasa tracker and lock stores built from our URL-style settings.

Rasa configures its SQL tracker store with separate dialect/host/db fields; operators
configure one URL, like every other database setting here.
"""

from __future__ import annotations

from pathlib import Path

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url


def tracker_store_from_url(url: str, domain: Domain | None) -> SQLTrackerStore:
    """Conversation history in SQL so it survives restarts (SQLite or PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or "tracker.db"
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        return SQLTrackerStore(domain=domain, dialect="sqlite", db=database)
    return SQLTrackerStore(
        domain=domain,
        dialect="postgresql",
        host=parsed.host,
        port=parsed.port,
        db=parsed.database or "postgres",
        username=parsed.username,
        password=parsed.password,
    )


def lock_store_from_url(url: str) -> LockStore:
    """A per-conversation lock; Redis when several worker processes share conversations."""
    if not url:
        return InMemoryLockStore()
    parsed = make_url(url)
    return RedisLockStore(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 6379,
        db=int(parsed.database or 0),
        password=parsed.password,
        use_ssl=parsed.drivername == "rediss",
        key_prefix="navigator",
    )
