"""D11: pages that hold transcripts or a patient's details are never cached."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from tests.model.test_staff import outbox, staff  # noqa: F401  (the signed-in staff fixtures)


def test_staff_pages_and_chat_histories_are_no_store(staff: tuple[TestClient, str]) -> None:  # noqa: F811
    client, _ = staff
    session = f"web-{uuid.uuid4().hex[:12]}"
    client.post("/api/v1/chat", json={"session_id": session, "text": "I want to talk to a person"})
    for path in ("/staff", f"/staff/conversations/{session}", "/staff/login"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.get("cache-control") == "no-store", path
    refused = client.get("/staff/audit")  # for admins only: a refusal is private too
    assert refused.status_code == 403
    assert refused.headers.get("cache-control") == "no-store"
    history = client.get(f"/api/v1/chat/{session}/history")
    assert history.headers.get("cache-control") == "no-store"


def test_public_pages_may_be_cached(client: TestClient) -> None:
    """The rule is for private paths only: the chat page's static files stay cacheable."""
    response = client.get("/static/chat.js")
    assert response.status_code == 200
    assert response.headers.get("cache-control") != "no-store"
