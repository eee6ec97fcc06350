"""Input faults (issue #12, D3 and D12): ZIP codes typed in other scripts' digits, and
values that end in a newline, must get a clear 422 or a normal reply, never a 500."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from tests.conftest import say
from tests.model.test_sms import messages, new_number, post, webhook

FULLWIDTH_ZIP = "６０６１２"
ARABIC_INDIC_ZIP = "٦٠٦١٢"


@pytest.mark.parametrize("zip_code", [FULLWIDTH_ZIP, ARABIC_INDIC_ZIP, "60612\n", "6061２"])
def test_a_zip_not_in_ascii_digits_is_a_422(client: TestClient, zip_code: str) -> None:
    """D3: `\\d` accepted these and the zipcodes package then panicked (a 500)."""
    response = client.get("/api/v1/directory/search", params={"zip": zip_code})
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"zip": "60612%0A"},
        {"city": "Chicago\n", "state": "IL"},
        {"city": "Chicago", "state": "IL\n"},
        {"zip": "60612", "radius": "25\n"},
        {"zip": "60612", "language": "Spanish\n"},
    ],
)
def test_a_trailing_newline_is_a_422(client: TestClient, params: dict[str, str]) -> None:
    """D12: `$` matches before a final newline, so "60612\\n" passed validation and
    searched for a ZIP that does not exist (a 404 instead of a 422)."""
    query = "&".join(f"{k}={v.replace(chr(10), '%0A')}" for k, v in params.items())
    response = client.get(f"/api/v1/directory/search?{query}")
    assert response.status_code == 422, response.text


def test_a_session_id_ending_in_a_newline_is_a_422(client: TestClient) -> None:
    response = client.post("/api/v1/chat", json={"session_id": "web-abc\n", "text": "hi"})
    assert response.status_code == 422


@pytest.mark.parametrize("zip_code", [FULLWIDTH_ZIP, ARABIC_INDIC_ZIP])
def test_a_zip_in_other_digits_in_chat_gets_a_reply(client: TestClient, zip_code: str) -> None:
    session = f"faults-{uuid.uuid4().hex[:12]}"
    replies = say(client, session, f"find a hospital for lung cancer near {zip_code}")
    assert replies and all(r["text"] for r in replies)


def test_a_zip_in_other_digits_by_sms_gets_a_reply(client: TestClient) -> None:
    number = new_number()
    answer = messages(post(client, webhook(number, f"hospitals near {FULLWIDTH_ZIP}")))
    assert answer and answer[0]
