"""Conversation history in SQL, saved for real or not at all.

Rasa's own SQL tracker store has three traits that lose conversations quietly:
the Agent wraps it in a fail-safe store that answers from memory when the database
fails (every turn then starts a new, unsaved conversation behind a 200); its queries
run on the event loop, so a database that hangs freezes every channel; and nothing
bounds how long it waits. This store keeps Rasa's table and serialisation, runs each
call in a worker thread with the database's own timeouts plus an overall limit, and
raises `ConversationStoreUnavailable` on any failure, so the turn ends in an honest
"unavailable" answer.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import orm, text

from bot.infrastructure.db import STATEMENT_TIMEOUT_SECONDS, create_db_engine

T = TypeVar("T")

# One call may connect, wait for a lock and run a few statements.
CALL_TIMEOUT_SECONDS = 2 * STATEMENT_TIMEOUT_SECONDS


class ConversationStoreUnavailable(RuntimeError):
    """The conversation history could not be read or saved; nothing was kept."""


class BoundedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on an engine with timeouts, off the event loop."""

    def __init__(self, url: str, domain: Domain | None = None) -> None:
        # SQLTrackerStore.__init__ is skipped on purpose: it connects without a timeout
        # and retries forever when the database is down at start-up.
        TrackerStore.__init__(self, domain)
        self.engine = create_db_engine(url)
        self.sessionmaker = orm.sessionmaker(bind=self.engine)
        self._tables_ready = False
        self._tables_lock = threading.Lock()

    def _ensure_tables(self) -> None:
        """Creates Rasa's events table on first use, so a database that is down when the
        process starts only delays readiness instead of breaking the store. Once per
        process, under a lock: the first messages of a busy start arrive together, and
        two threads creating the table at once fail with "table already exists"."""
        if self._tables_ready:
            return
        with self._tables_lock:
            if not self._tables_ready:
                self.Base.metadata.create_all(self.engine)
                self._tables_ready = True

    def ping(self) -> None:
        """Raises unless the database answers and the events table exists."""
        self._ensure_tables()
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    async def _off_loop(self, work: Callable[[], T]) -> T:
        """Runs blocking database work in a worker thread, bounded, with any failure
        turned into `ConversationStoreUnavailable`."""

        def in_thread() -> T:
            self._ensure_tables()
            return work()

        try:
            return await asyncio.wait_for(asyncio.to_thread(in_thread), CALL_TIMEOUT_SECONDS)
        except asyncio.TimeoutError as exc:
            raise ConversationStoreUnavailable("the conversation store did not answer") from exc
        except Exception as exc:
            # The type only: a driver's message can quote the data it was writing.
            raise ConversationStoreUnavailable(
                f"the conversation store failed ({type(exc).__name__})"
            ) from exc

    async def has_user_metadata(self, sender_id: str, key: str, value: str) -> bool:
        """Whether a user message of this conversation carries `key: value` in its
        metadata, from one indexed query on the stored JSON instead of rebuilding the
        whole tracker (which a check on every message would cost). `value` must hold
        no quote, so the match cannot run past the value."""
        needle = json.dumps({key: value})[1:-1]
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", needle) + "%"
        event = self.SQLEvent

        def query() -> bool:
            with self.session_scope() as session:
                found = (
                    session.query(event.id)
                    .filter(event.sender_id == sender_id, event.type_name == UserUttered.type_name)
                    .filter(event.data.like(pattern, escape="\\"))
                    .first()
                )
                return found is not None

        return await self._off_loop(query)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        parent = SQLTrackerStore.retrieve
        return await self._off_loop(lambda: asyncio.run(parent(self, sender_id)))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        parent = SQLTrackerStore.retrieve_full_tracker
        return await self._off_loop(lambda: asyncio.run(parent(self, conversation_id)))

    async def save(self, tracker: DialogueStateTracker) -> None:
        parent = SQLTrackerStore.save
        await self._off_loop(lambda: asyncio.run(parent(self, tracker)))

    async def keys(self) -> Iterable[str]:
        parent = SQLTrackerStore.keys
        return await self._off_loop(lambda: asyncio.run(parent(self)))
