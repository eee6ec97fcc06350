"""The public web chat contract, POST /api/v1/chat, against the real trained model."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from bot.infrastructure.config import Settings
from tests.conftest import handoff_open, say, texts

FOUR_STEPS = ("doctor", "insurance", "records", "specialist")


def new_session() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def test_greeting_names_the_four_steps_after_the_disclaimer(client: TestClient) -> None:
    replies = say(client, new_session(), "hi")
    assert "not a doctor" in replies[0]["text"] and "911" in replies[0]["text"]
    greeting = texts(replies[1:]).lower()
    for step in FOUR_STEPS:
        assert step in greeting


def test_response_has_the_contract_shape(client: TestClient) -> None:
    session = new_session()
    body = client.post("/api/v1/chat", json={"session_id": session, "text": "hello"}).json()
    assert body["session_id"] == session
    assert all(set(reply) == {"text", "buttons"} for reply in body["replies"])


def test_goodbye_and_out_of_scope_steer_back(client: TestClient) -> None:
    session = new_session()
    say(client, session, "hello")
    assert "come back" in texts(say(client, session, "ok bye")).lower()
    steer = texts(say(client, session, "what's the weather in tokyo")).lower()
    assert "second opinion" in steer and "insurance" in steer


def test_gibberish_falls_back_to_the_four_steps(client: TestClient) -> None:
    session = new_session()
    say(client, session, "hello")
    reply = texts(say(client, session, "qwrtzp vbnm xkcd")).lower()
    assert "insurance" in reply and "specialist" in reply


def test_button_payload_sent_as_text_selects_it(client: TestClient) -> None:
    session = new_session()
    say(client, session, "hello")
    assert "Here are the steps" in texts(say(client, session, "/menu"))


def test_talk_to_a_person_gives_help_line_and_flags_conversation(
    client: TestClient, sqlite_settings: Settings
) -> None:
    session = new_session()
    reply = texts(say(client, session, "can I talk to a real person"))
    assert sqlite_settings.help_line_phone in reply
    assert sqlite_settings.help_line_hours in reply
    assert handoff_open(sqlite_settings, session)


def test_history_returns_the_conversation(client: TestClient) -> None:
    session = new_session()
    say(client, session, "hello")
    messages = client.get(f"/api/v1/chat/{session}/history").json()["messages"]
    assert {"role": "user", "text": "hello", "buttons": [], "from_staff": False} in messages
    assert any("Second Opinion Navigator" in m["text"] for m in messages if m["role"] == "bot")


def test_sms_and_call_conversations_are_out_of_the_web_apis_reach(client: TestClient) -> None:
    for session in ("sms-0123456789abcdef", "call-0123456789abcdef"):
        posted = client.post("/api/v1/chat", json={"session_id": session, "text": "hi"})
        assert posted.status_code == 422
        assert client.get(f"/api/v1/chat/{session}/history").status_code == 422


def test_history_of_unknown_session_is_empty(client: TestClient) -> None:
    assert client.get(f"/api/v1/chat/{new_session()}/history").json()["messages"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"session_id": "has space", "text": "hi"},
        {"session_id": "", "text": "hi"},
        {"session_id": "x" * 65, "text": "hi"},
        {"session_id": "ok", "text": ""},
        {"session_id": "ok", "text": "x" * 2001},
        {"session_id": "ok"},
        {"text": "hi"},
        {"session_id": 5, "text": ["hi"]},
        {"session_id": "../../etc", "text": "hi"},
        [],
        "hi",
    ],
)
def test_invalid_input_is_a_readable_422(client: TestClient, body: object) -> None:
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 422
    assert response.json()["message"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/chat", content=b"{bad", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["message"] == "body: not valid JSON"


def test_text_at_the_limits_is_accepted(client: TestClient) -> None:
    session = "a" * 64
    assert (
        client.post("/api/v1/chat", json={"session_id": session, "text": "x" * 2000}).status_code
        == 200
    )


def test_body_over_16kb_is_413(client: TestClient) -> None:
    big = {"session_id": "ok", "text": "x" * 17000}
    assert client.post("/api/v1/chat", json=big).status_code == 413


def test_streamed_body_over_16kb_without_length_is_413(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"x" * 1024

    response = client.post(
        "/api/v1/chat", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/healthz", headers={"x-request-id": "abc123"})
    assert response.headers["x-request-id"] == "abc123"
    assert len(client.get("/healthz").headers["x-request-id"]) == 32


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    assert "/api/v1/chat" in client.get("/openapi.json").json()["paths"]
