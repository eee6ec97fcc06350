"""D7 and the privacy rule: no message text, name or phone number in any log line of a
real server, whichever library writes it, including Rasa's warnings about messages that
start with "/" (which quoted the whole message)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.process.test_process import RunningStack, stack_env  # noqa: F401  (the process fixture)

PRIVATE = ["Zebulon", "Quackenbush", "3125550123", "312-555-0123", "zeb@example.org"]
MESSAGES = [
    "/@name call me at +13125550123",
    '/{"name": "Zebulon Quackenbush"}',
    '/greet{"phone": "312-555-0123"}',
    "/inform[Zebulon](name)",
    "/my name is Zebulon, write to zeb@example.org",
    "I'm Zebulon Quackenbush, my number is (312) 555-0123",
]


def test_no_log_line_quotes_a_message(
    stack_env: tuple[dict[str, str], int],  # noqa: F811
    tmp_path: Path,
) -> None:
    env, port = stack_env
    stack = RunningStack(env, port, tmp_path)
    try:
        stack.wait_ready()
        for text in MESSAGES:
            response = httpx.post(
                stack.base + "/api/v1/chat", json={"session_id": "logs-1", "text": text}, timeout=30
            )
            assert response.status_code == 200
    finally:
        stack.stop()
    logs = (tmp_path / "stderr.log").read_text() + (tmp_path / "stdout.log").read_text()
    assert '"route": "/api/v1/chat"' in logs  # the turns were logged ...
    for private in PRIVATE:
        assert private not in logs, private  # ... without what the person wrote


def test_numbers_are_masked_in_every_record_but_addresses_are_not() -> None:
    import logging

    from bot.infrastructure.logging_setup import RedactPersonalText

    def shown(text: str) -> str:
        record = logging.LogRecord("x", logging.INFO, __file__, 1, text, None, None)
        RedactPersonalText().filter(record)
        return record.getMessage()

    assert shown("call me at (312) 555-0123 or zeb@example.org") == (
        "call me at ([number] or [email]"
    )
    assert "+44" not in shown("my UK number is +44 20 7946 0958")
    assert shown("Uvicorn running on http://127.0.0.1:8000") == (
        "Uvicorn running on http://127.0.0.1:8000"
    )
