"""Readiness, outages and timeouts: a patient gets the help line, never a 500 or a hang."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import build_context, create_app
from bot.infrastructure.config import Settings
from bot.runtime.chat_service import ChatService
from bot.runtime.engine import DialogueEngine, EngineUnavailable
from tests.conftest import wait_until_ready


def test_readyz_is_503_while_loading_then_200(model: Path, sqlite_settings: Settings) -> None:
    engine = DialogueEngine(model, sqlite_settings.tracker_store_url)
    with TestClient(create_app(sqlite_settings, engine)) as client:
        first = client.get("/readyz")
        assert first.status_code == 503
        assert first.json()["checks"]["model"] == "loading"
        assert client.get("/healthz").status_code == 200
        chat = client.post("/api/v1/chat", json={"session_id": "early", "text": "hi"})
        assert chat.status_code == 503
        assert sqlite_settings.help_line_phone in chat.json()["message"]
        wait_until_ready(client)
        assert client.get("/readyz").json()["checks"] == {
            "model": "loaded",
            "database": "ok",
            "tracker_store": "ok",
            "lock_store": "ok",
        }


def test_missing_model_is_503_with_help_line(tmp_path: Path, sqlite_settings: Settings) -> None:
    engine = DialogueEngine(tmp_path / "absent.tar.gz", sqlite_settings.tracker_store_url)
    with TestClient(create_app(sqlite_settings, engine)) as client:
        for _ in range(100):
            if engine.load_error:
                break
            asyncio.run(asyncio.sleep(0.05))
        assert client.get("/readyz").json()["checks"]["model"] == "failed"
        response = client.post("/api/v1/chat", json={"session_id": "x", "text": "hi"})
        assert response.status_code == 503
        assert sqlite_settings.help_line_phone in response.json()["message"]


def test_unreachable_database_makes_readyz_503(engine: DialogueEngine, tmp_path: Path) -> None:
    settings = Settings(
        database_url="postgresql://nobody@127.0.0.1:1/none",
        tracker_store_url=f"sqlite:///{tmp_path / 't.db'}",
    )
    with TestClient(create_app(settings, engine)) as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["checks"]["database"] == "unreachable"


def test_slow_turn_becomes_engine_unavailable(
    engine: DialogueEngine, sqlite_settings: Settings
) -> None:
    # The handoff action does database work in a thread, so the turn must suspend and the
    # deadline fires before it completes.
    service = ChatService(engine, 0.000001, build_context(sqlite_settings))
    with pytest.raises(EngineUnavailable):
        asyncio.run(service.turn("slow-session", "I want to talk to a person", "web"))


def test_timeout_is_a_503_over_http(engine: DialogueEngine, sqlite_settings: Settings) -> None:
    settings = sqlite_settings.copy(update={"engine_timeout_seconds": 0.000001})
    with TestClient(create_app(settings, engine)) as client:
        response = client.post(
            "/api/v1/chat", json={"session_id": "slow-http", "text": "talk to a human"}
        )
        assert response.status_code == 503
        assert settings.help_line_phone in response.json()["message"]
