"""The same application on PostgreSQL: migrations, handoff flags and a real
conversation whose tracker lives in PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.config import Settings
from bot.context import AppContext, using
from bot.conversations import handoff_requested, mark_handoff_requested
from bot.db import engine_for
from bot.engine import DialogueEngine
from bot.migrate import upgrade
from tests.conftest import TEST_DATABASE_URL


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
    first = mark_handoff_requested(postgres_url, "pg-session", "sms")
    second = mark_handoff_requested(postgres_url, "pg-session", "sms")
    assert first == second
    assert handoff_requested(postgres_url, "pg-session")
    assert not handoff_requested(postgres_url, "someone-else")


def test_conversation_tracker_persists_in_postgres(model: Path, postgres_url: str) -> None:
    settings = Settings(database_url=postgres_url, tracker_store_url=postgres_url)
    session = f"pg-{uuid.uuid4().hex[:8]}"

    async def converse() -> list[str]:
        engine = DialogueEngine(model, settings.tracker_store_url)
        await engine.load()
        assert engine.ready, engine.load_error
        with using(AppContext(settings)):
            replies = await engine.respond(session, "hello", channel="web")
        assert any("insurance" in r.text for r in replies)
        reloaded = DialogueEngine(model, settings.tracker_store_url)
        await reloaded.load()
        return [entry.text for entry in await reloaded.history(session) if entry.role == "user"]

    assert asyncio.run(converse()) == ["hello"]


def test_sms_state_and_staff_accounts_on_postgres(postgres_url: str) -> None:
    from datetime import timedelta

    from bot.conversations import close_handoff, find_by_code, open_handoffs
    from bot.sms import store
    from bot.staff import audit, sessions
    from bot.staff.accounts import authenticate, create_user

    upgrade(postgres_url)
    sid = f"SM{uuid.uuid4().hex}"
    assert store.claim_message(postgres_url, sid, "hash-1") is None  # new: no replies yet
    store.save_replies(postgres_url, sid, ["first answer"])
    # The primary key refuses the second claim, which gets the replies sent.
    assert store.claim_message(postgres_url, sid, "hash-1") == ["first answer"]
    store.set_opted_out(postgres_url, "hash-1", True)
    assert store.sender_state(postgres_url, "hash-1").opted_out

    code = mark_handoff_requested(postgres_url, "sms-hash-1", "sms")
    assert find_by_code(postgres_url, code.lower()).session_key == "sms-hash-1"
    assert "sms-hash-1" in [c.session_key for c in open_handoffs(postgres_url)]
    close_handoff(postgres_url, "sms-hash-1")
    assert "sms-hash-1" not in [c.session_key for c in open_handoffs(postgres_url)]

    create_user(postgres_url, "pg-staff", "correct-horse-battery")
    lockout = timedelta(minutes=15)
    assert authenticate(postgres_url, "pg-staff", "wrong-password", 5, lockout).identity is None
    who = authenticate(postgres_url, "pg-staff", "correct-horse-battery", 5, lockout).identity
    assert who is not None
    token, _ = sessions.start(postgres_url, who, timedelta(hours=1))
    assert sessions.lookup(postgres_url, token).identity.username == "pg-staff"
    sessions.end(postgres_url, token)
    assert sessions.lookup(postgres_url, token) is None
    audit.record(postgres_url, "pg-staff", "open_conversation", "sms-hash-1")
    assert audit.latest(postgres_url, 5)[0].action == "open_conversation"
