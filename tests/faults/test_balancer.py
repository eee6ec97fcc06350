"""The load balancer when no app process can answer (all down, or all unready because a
shared store failed): the web gets the app's own 503 naming the help line, and Twilio
gets a TwiML apology with the help line (a 200, so that it is texted to the person)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.infrastructure.config import Settings
from bot.runtime.cluster import haproxy_binary, haproxy_config, write_outage_files
from tests.faults.netfaults import closed_port


@pytest.fixture()
def balancer_with_no_apps(tmp_path: Path) -> Iterator[str]:
    outage = write_outage_files(Settings(), tmp_path)
    port = closed_port()
    config = tmp_path / "haproxy.cfg"
    config.write_text(haproxy_config("127.0.0.1", port, [closed_port(), closed_port()], outage))
    process = subprocess.Popen([haproxy_binary(), "-f", str(config), "-db"])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                httpx.get(base + "/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "HAProxy did not start"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_no_app_process_gets_the_outage_answers_with_the_help_line(
    balancer_with_no_apps: str,
) -> None:
    help_line = Settings().help_line_phone
    web = httpx.post(
        balancer_with_no_apps + "/api/v1/chat", json={"session_id": "x", "text": "hi"}, timeout=10
    )
    assert web.status_code == 503
    assert help_line in web.json()["message"]
    sms = httpx.post(balancer_with_no_apps + "/sms/twilio", data={"Body": "hi"}, timeout=10)
    assert sms.status_code == 200
    assert sms.headers["content-type"].startswith("application/xml")
    assert "<Response><Message>" in sms.text and help_line in sms.text
