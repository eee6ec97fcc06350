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
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TypeVar

from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import orm, text
from sqlalchemy.engine import make_url

from bot.db import STATEMENT_TIMEOUT_SECONDS, create_db_engine

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
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_db_engine(url)
        self.sessionmaker = orm.sessionmaker(bind=self.engine)
        self._tables_ready = False

    def _ensure_tables(self) -> None:
        """Creates Rasa's events table on first use, so a database that is down when the
        process starts only delays readiness instead of breaking the store."""
        if not self._tables_ready:
            self.Base.metadata.create_all(self.engine)
            self._tables_ready = True

    def ping(self) -> None:
        """Raises unless the database answers and the events table exists."""
        self._ensure_tables()
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    async def _bounded(self, call: Callable[[], Awaitable[T]]) -> T:
        """Runs one of Rasa's async-but-blocking methods in a worker thread."""

        def in_thread() -> T:
            self._ensure_tables()
            return asyncio.run(call())  # type: ignore[arg-type]

        try:
            return await asyncio.wait_for(asyncio.to_thread(in_thread), CALL_TIMEOUT_SECONDS)
        except asyncio.TimeoutError as exc:
            raise ConversationStoreUnavailable("the conversation store did not answer") from exc
        except Exception as exc:
            # The type only: a driver's message can quote the data it was writing.
            raise ConversationStoreUnavailable(
                f"the conversation store failed ({type(exc).__name__})"
            ) from exc

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        parent = super()
        return await self._bounded(lambda: parent.retrieve(sender_id))

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        parent = super()
        return await self._bounded(lambda: parent.retrieve_full_tracker(conversation_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        parent = super()
        await self._bounded(lambda: parent.save(tracker))

    async def keys(self) -> Iterable[str]:
        parent = super()
        return await self._bounded(lambda: parent.keys())
