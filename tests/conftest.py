"""Shared fixtures: a really trained model, real databases, one loaded engine.

Loading the Rasa model costs seconds, so one engine serves every API test; tests that
are about loading itself (readiness, restarts) build their own.

This file is loaded for every test group, so what only the model, the databases or the
app need (Rasa's Agent and TensorFlow, Alembic, the directory import, FastAPI's client)
is imported inside the fixtures that use it: imported here, it cost every run several
seconds before the first test, even a run of test modules that need none of it.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.guidance.conversations import handoff_requested
from bot.infrastructure.config import Settings, get_settings
from bot.infrastructure.db import session_scope
from bot.infrastructure.logging_setup import configure_logging

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from bot.runtime.engine import DialogueEngine

warnings.simplefilter("ignore", DeprecationWarning)

# Actions and responses read the settings of the app running the turn (bot.runtime.context);
# the environment is still pointed at throw-away databases before anything reads it, for
# the code that builds its settings from it (create_app() without settings, the CLI).
_TEST_VAR = Path(tempfile.mkdtemp(prefix="navigator-test-"))
os.environ["DATABASE_URL"] = f"sqlite:///{_TEST_VAR / 'navigator.db'}"
os.environ["TRACKER_STORE_URL"] = f"sqlite:///{_TEST_VAR / 'tracker.db'}"
os.environ["TWILIO_AUTH_TOKEN"] = "test-twilio-auth-token"
os.environ["PHONE_HASH_KEY"] = "test-phone-hash-key-not-a-secret"
get_settings.cache_clear()

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def model() -> Path:
    from bot.runtime.training import ensure_model

    configure_logging("INFO")
    path, _ = ensure_model()
    return path


@pytest.fixture(scope="session")
def sqlite_settings() -> Settings:
    from bot.directory.seed import import_all
    from bot.infrastructure.migrate import upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    import_all(settings.database_url)
    return settings


def load_engine(model_path: Path, settings: Settings) -> DialogueEngine:
    from bot.runtime.engine import DialogueEngine

    engine = DialogueEngine(model_path, settings.tracker_store_url, settings.lock_store_url)
    asyncio.run(engine.load())
    assert engine.ready, engine.load_error
    return engine


@pytest.fixture(scope="session")
def engine(model: Path, sqlite_settings: Settings) -> DialogueEngine:
    return load_engine(model, sqlite_settings)


@pytest.fixture(scope="session")
def client(engine: DialogueEngine, sqlite_settings: Settings) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(sqlite_settings, engine)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(engine: DialogueEngine, sqlite_settings: Settings) -> Iterator[str]:
    """The app on a real port (for the browser), sharing the loaded engine."""
    import socket
    import threading

    import uvicorn

    from api.main import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(sqlite_settings, engine), host="127.0.0.1", port=port, log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the live server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(live_server: str) -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (its own download does not work
    here; `make test` installs the package). Module-scoped: Playwright's sync API holds
    an event loop on the main thread while it runs, which `asyncio.run` elsewhere in
    the suite must not meet."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        yield launched
        launched.close()


def wait_until_ready(client: TestClient, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if client.get("/readyz").status_code == 200:
            return
        time.sleep(0.25)
    raise AssertionError(f"not ready after {seconds}s: {client.get('/readyz').json()}")


def say(client: TestClient, session_id: str, text: str) -> list[dict]:
    response = client.post("/api/v1/chat", json={"session_id": session_id, "text": text})
    assert response.status_code == 200, response.text
    return response.json()["replies"]


def texts(replies: list[dict]) -> str:
    return "\n".join(r["text"] for r in replies)


def handoff_open(settings: Settings, session_key: str) -> bool:
    """Whether the conversation's request for a person is open, as the queue reads it."""
    with session_scope(settings.database_url) as session:
        return handoff_requested(session, session_key=session_key)
