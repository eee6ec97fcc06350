"""The conversation stores a turn needs, built from our URL-style settings.

History goes to SQL (`bot.runtime.tracker_store`), and the per-conversation lock is in this
process or in Redis (`bot.runtime.lock_store`); both replace Rasa's own, for the reasons their
modules give.
"""

from __future__ import annotations

from bot.runtime.lock_store import LocalConversationLocks, RedisConversationLocks
from bot.runtime.tracker_store import BoundedSQLTrackerStore

ConversationLocks = LocalConversationLocks | RedisConversationLocks


def tracker_store_from_url(url: str) -> BoundedSQLTrackerStore:
    """Conversation history in SQL so it survives restarts (SQLite or PostgreSQL)."""
    return BoundedSQLTrackerStore(url)


def lock_store_from_url(url: str) -> ConversationLocks:
    """A per-conversation lock; Redis when several processes share conversations."""
    return RedisConversationLocks(url) if url else LocalConversationLocks()
