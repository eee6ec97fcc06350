"""Starts a throw-away `navigator run` for a benchmark and measures its cold start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total_kb = 0
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return round(total_kb / 1024, 1)


class BenchStack:
    """The real stack on temporary SQLite databases, on a free loopback port."""

    def __init__(self, extra_env: dict[str, str] | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="navigator-bench-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ)
        self.env.update(
            DATABASE_URL=f"sqlite:///{self.folder / 'navigator.db'}",
            TRACKER_STORE_URL=f"sqlite:///{self.folder / 'tracker.db'}",
            PORT=str(self.port),
            LOG_LEVEL="WARNING",
            **(extra_env or {}),
        )
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> float:
        """Starts the server; returns seconds from spawn to /readyz 200 (cold start)."""
        navigator = str(Path(sys.executable).with_name("navigator"))
        subprocess.run([navigator, "db", "upgrade"], env=self.env, check=True, capture_output=True)
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [navigator, "run", "--skip-bootstrap"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while time.perf_counter() - started < 300:
            try:
                if httpx.get(self.base + "/readyz", timeout=2).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("stack did not become ready in 300 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
