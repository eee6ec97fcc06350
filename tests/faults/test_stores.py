"""D1 and D2: a conversation store that is down, hangs or is locked never yields a false
200, never freezes the server, and shows in /readyz.

Each case loads the real model against a real faulty store: a closed port, a server
that accepts and never answers, a SQLite file another connection holds locked."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from bot.infrastructure.config import Settings
from bot.runtime.engine import DialogueEngine
from tests.faults.netfaults import closed_port, silent_server

TURN_LIMIT = 4.0


def app_with_stores(
    model: Path, settings: Settings, tracker_store_url: str, lock_store_url: str = ""
) -> TestClient:
    engine = DialogueEngine(model, tracker_store_url, lock_store_url)
    asyncio.run(engine.load())
    assert engine.ready, engine.load_error
    changed = settings.copy(update={"engine_timeout_seconds": TURN_LIMIT})
    return TestClient(create_app(changed, engine))


def assert_turn_refused(client: TestClient, settings: Settings) -> None:
    """A turn that cannot be saved is a 503 naming the help line, never a 200."""
    for text in ("hi", "I have breast cancer and want a second opinion"):
        response = client.post("/api/v1/chat", json={"session_id": "fault-1", "text": text})
        assert response.status_code == 503, response.text
        assert settings.help_line_phone in response.json()["message"]


def test_a_locked_sqlite_tracker_file_is_503_within_the_turn_limit(
    model: Path, sqlite_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "tracker.db"
    with app_with_stores(model, sqlite_settings, f"sqlite:///{path}") as client:
        first = client.post("/api/v1/chat", json={"session_id": "s", "text": "hi"})
        assert first.status_code == 200
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process writing and never finishing
        try:
            started = time.monotonic()
            assert_turn_refused(client, sqlite_settings)
            assert time.monotonic() - started < 2 * (TURN_LIMIT + 1)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        after = client.post("/api/v1/chat", json={"session_id": "s", "text": "records"})
        assert after.status_code == 200  # the store is back, and so is the conversation


@pytest.fixture()
def hanging_postgres() -> Iterator[str]:
    with silent_server() as port:
        yield f"postgresql://postgres@127.0.0.1:{port}/x"


def test_a_database_that_never_answers_never_freezes_the_server(
    model: Path, sqlite_settings: Settings, hanging_postgres: str
) -> None:
    """/healthz answers within 1 s while turns wait on a database that never answers,
    and each of those turns ends in a 503 within the turn limit."""
    engine = DialogueEngine(model, hanging_postgres)
    asyncio.run(engine.load())
    settings = sqlite_settings.copy(update={"engine_timeout_seconds": TURN_LIMIT})
    import socket
    import threading

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, engine), host="127.0.0.1", port=port, log_config=None)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        while not server.started:
            time.sleep(0.05)

        def turn(i: int) -> tuple[int, float]:
            started = time.monotonic()
            response = httpx.post(
                base + "/api/v1/chat", json={"session_id": f"h{i}", "text": "hi"}, timeout=60
            )
            return response.status_code, time.monotonic() - started

        with ThreadPoolExecutor(max_workers=6) as pool:
            turns = [pool.submit(turn, i) for i in range(5)]
            time.sleep(0.5)  # the turns are now waiting on the database
            health_times = []
            for _ in range(5):
                started = time.monotonic()
                assert httpx.get(base + "/healthz", timeout=5).status_code == 200
                health_times.append(time.monotonic() - started)
                time.sleep(0.3)
            started = time.monotonic()
            ready = httpx.get(base + "/readyz", timeout=10)
            ready_seconds = time.monotonic() - started
            results = [t.result() for t in turns]
        assert max(health_times) < 1.0, health_times
        assert ready.status_code == 503 and ready_seconds < 3.0
        assert [status for status, _ in results] == [503] * 5
        assert max(seconds for _, seconds in results) < TURN_LIMIT + 1.5
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize("store", ["tracker_store", "lock_store"])
def test_a_store_on_a_closed_port_is_503_not_a_forgotten_200(
    model: Path, sqlite_settings: Settings, tmp_path: Path, store: str
) -> None:
    """D1: with the tracker store down, Rasa answered 200 from memory and kept nothing."""
    port = closed_port()
    if store == "tracker_store":
        urls = (f"postgresql://postgres@127.0.0.1:{port}/x", "")
    else:
        urls = (f"sqlite:///{tmp_path / 't.db'}", f"redis://127.0.0.1:{port}/0")
    with app_with_stores(model, sqlite_settings, *urls) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"][store].startswith("unreachable")
        assert_turn_refused(client, sqlite_settings)


def test_silent_redis_is_503_within_the_turn_limit(
    model: Path, sqlite_settings: Settings, tmp_path: Path
) -> None:
    with silent_server() as port:
        redis_url = f"redis://127.0.0.1:{port}/0"
        tracker = f"sqlite:///{tmp_path / 't.db'}"
        with app_with_stores(model, sqlite_settings, tracker, redis_url) as client:
            started = time.monotonic()
            assert client.get("/readyz").status_code == 503
            assert time.monotonic() - started < 3.0
            started = time.monotonic()
            assert_turn_refused(client, sqlite_settings)
            assert time.monotonic() - started < 2 * (TURN_LIMIT + 1)


def test_many_first_messages_at_once_on_a_new_tracker_database(tmp_path: Path) -> None:
    """The first messages of a busy start arrive together: each must find the events
    table, not fail because another thread was creating it at the same moment."""
    from bot.runtime.tracker_store import BoundedSQLTrackerStore

    async def first_messages(store: BoundedSQLTrackerStore) -> list[object]:
        return await asyncio.gather(*(store.retrieve(f"first-{i}") for i in range(20)))

    # A race: several fresh databases, so that losing it once is enough to fail.
    for attempt in range(8):
        store = BoundedSQLTrackerStore(f"sqlite:///{tmp_path / f'tracker-{attempt}.db'}")
        assert asyncio.run(first_messages(store)) == [None] * 20
