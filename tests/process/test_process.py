"""`navigator run` as an operator meets it: one command, readiness, clean shutdown,
conversations that survive a restart, and logs without patient text."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.infrastructure.paths import PROJECT_ROOT

NAVIGATOR = str(Path(sys.executable).with_name("navigator"))
# uvicorn finishes its graceful shutdown, then re-raises the signal it caught.
CLEAN_EXIT = (0, -signal.SIGTERM)
SECRET_TEXT = "my name is Zebulon Quackenbush and my number is 555-867-5309"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningStack:
    def __init__(self, env: dict[str, str], port: int, log_dir: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.stdout = open(log_dir / "stdout.log", "ab")  # noqa: SIM115
        self.stderr = open(log_dir / "stderr.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [NAVIGATOR, "run"],
            env=env,
            stdout=self.stdout,
            stderr=self.stderr,
            start_new_session=True,
        )
        self.statuses: list[int] = []

    def wait_ready(self, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "navigator run exited early"
            try:
                status = httpx.get(self.base + "/readyz", timeout=2).status_code
                self.statuses.append(status)
                if status == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError("stack never became ready")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        self.stdout.close()
        self.stderr.close()
        return code


@pytest.fixture()
def stack_env(tmp_path: Path, sqlite_settings) -> Iterator[tuple[dict[str, str], int]]:  # type: ignore[no-untyped-def]
    port = free_port()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'navigator.db'}",
        TRACKER_STORE_URL=f"sqlite:///{tmp_path / 'tracker.db'}",
        PORT=str(port),
        LOG_LEVEL="INFO",
    )
    yield env, port


def chat(base: str, session: str, text: str) -> list[dict]:
    response = httpx.post(
        base + "/api/v1/chat", json={"session_id": session, "text": text}, timeout=30
    )
    assert response.status_code == 200, response.text
    return response.json()["replies"]


def test_run_serves_survives_restart_and_stops_cleanly(
    stack_env: tuple[dict[str, str], int], tmp_path: Path
) -> None:
    env, port = stack_env
    first = RunningStack(env, port, tmp_path)
    first.wait_ready()
    assert 503 in first.statuses, "readyz should say 503 while the model loads"
    replies = chat(first.base, "t1", "hi")
    assert "insurance" in " ".join(r["text"] for r in replies)
    chat(first.base, "t1", SECRET_TEXT)
    assert first.stop() in CLEAN_EXIT
    with pytest.raises(ProcessLookupError):
        os.killpg(first.process.pid, 0)  # nothing of the process group is left
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))  # the port is free again

    second = RunningStack(env, port, tmp_path)
    second.wait_ready()
    history = httpx.get(second.base + "/api/v1/chat/t1/history", timeout=10).json()["messages"]
    assert [m["text"] for m in history if m["role"] == "user"] == ["hi", SECRET_TEXT]
    assert second.stop() in CLEAN_EXIT

    stdout = (tmp_path / "stdout.log").read_text()
    assert f"http://127.0.0.1:{port}/" in stdout
    logs = (tmp_path / "stderr.log").read_text()
    assert "Finished server process" in logs
    assert '"route": "/api/v1/chat"' in logs  # requests are logged ...
    for private in ("Zebulon", "Quackenbush", "555-867-5309"):
        assert private not in logs + stdout  # ... but never what the patient wrote


def test_bad_configuration_stops_with_a_clear_message(
    stack_env: tuple[dict[str, str], int],
) -> None:
    env, _ = stack_env
    env["PORT"] = "not-a-port"
    result = subprocess.run(
        [NAVIGATOR, "run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 2
    assert "PORT" in result.stderr
