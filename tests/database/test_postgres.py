"""The same application on PostgreSQL: migrations, handoff flags and a real
conversation whose tracker lives in PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from api.main import build_context
from bot.channels import CallChannel
from bot.guidance.conversations import handoff_requested, mark_handoff_requested
from bot.infrastructure.config import Settings
from bot.infrastructure.db import engine_for, session_scope
from bot.infrastructure.migrate import upgrade
from bot.runtime.context import using
from bot.runtime.engine import DialogueEngine
from tests.conftest import TEST_DATABASE_URL

T = TypeVar("T")


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A fresh schema-less database state: every table dropped before and after."""

    def reset() -> None:
        with engine_for(TEST_DATABASE_URL).begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))

    reset()
    yield TEST_DATABASE_URL
    engine_for(TEST_DATABASE_URL).dispose()
    reset()


def test_migrations_run_twice_on_postgres(postgres_url: str) -> None:
    upgrade(postgres_url)
    upgrade(postgres_url)
    with engine_for(postgres_url).connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version is not None


def test_handoff_flag_is_idempotent_on_postgres(postgres_url: str) -> None:
    upgrade(postgres_url)

    def mark() -> str:
        with session_scope(postgres_url) as session:
            return mark_handoff_requested(session, session_key="pg-session", channel="sms")

    first = mark()
    second = mark()
    assert first == second
    with session_scope(postgres_url) as session:
        assert handoff_requested(session, session_key="pg-session")
        assert not handoff_requested(session, session_key="someone-else")


def test_conversation_tracker_persists_in_postgres(model: Path, postgres_url: str) -> None:
    settings = Settings(database_url=postgres_url, tracker_store_url=postgres_url)
    session = f"pg-{uuid.uuid4().hex[:8]}"

    async def converse() -> list[str]:
        engine = DialogueEngine(model, settings.tracker_store_url)
        await engine.load()
        assert engine.ready, engine.load_error
        with using(build_context(settings)):
            replies = await engine.respond(session, "hello", channel="web")
        assert any("insurance" in r.text for r in replies)
        reloaded = DialogueEngine(model, settings.tracker_store_url)
        await reloaded.load()
        return [entry.text for entry in await reloaded.history(session) if entry.role == "user"]

    assert asyncio.run(converse()) == ["hello"]


def test_sms_state_and_staff_accounts_on_postgres(postgres_url: str) -> None:
    from datetime import timedelta

    from bot.guidance.conversations import close_handoff, find_by_code, open_handoffs
    from bot.sms import store
    from bot.staff import audit, sessions
    from bot.staff.accounts import authenticate, create_user

    upgrade(postgres_url)

    def each(work: Callable[[Session], T]) -> T:
        """One call in its own transaction, as the app makes it."""
        with session_scope(postgres_url) as session:
            return work(session)

    sid = f"SM{uuid.uuid4().hex}"
    claim = partial(store.claim_message, message_sid=sid, hashed="hash-1")
    assert each(claim) is None  # new: no replies yet
    each(partial(store.save_replies, message_sid=sid, replies=["first answer"]))
    # The primary key refuses the second claim, which gets the replies sent.
    assert each(claim) == ["first answer"]
    each(partial(store.set_opted_out, hashed="hash-1", opted_out=True))
    assert each(partial(store.sender_state, hashed="hash-1")).opted_out

    code = each(partial(mark_handoff_requested, session_key="sms-hash-1", channel="sms"))
    assert each(partial(find_by_code, code=code.lower())).session_key == "sms-hash-1"
    queue = partial(open_handoffs, staffed=[CallChannel.name])
    assert "sms-hash-1" in [c.session_key for c in each(queue)]
    each(partial(close_handoff, session_key="sms-hash-1"))
    assert "sms-hash-1" not in [c.session_key for c in each(queue)]

    each(partial(create_user, username="pg-staff", password="correct-horse-battery"))
    login = partial(
        authenticate, username="pg-staff", max_failures=5, lockout=timedelta(minutes=15)
    )
    assert each(partial(login, password="wrong-password")).identity is None
    who = each(partial(login, password="correct-horse-battery")).identity
    assert who is not None
    token, _ = each(partial(sessions.start, identity=who, lifetime=timedelta(hours=1)))
    assert each(partial(sessions.lookup, token=token)).identity.username == "pg-staff"
    each(partial(sessions.end, token=token))
    assert each(partial(sessions.lookup, token=token)) is None
    each(
        partial(
            audit.record,
            username="pg-staff",
            action="open_conversation",
            conversation_key="sms-hash-1",
        )
    )
    assert each(partial(audit.latest, limit=5))[0].action == "open_conversation"
