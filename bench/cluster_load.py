"""make bench-cluster: the same chat load on 1 app process (direct) and on 2 behind
HAProxy, in one run, sharing PostgreSQL (tracker) and Redis (lock); plus a burst of 20
messages at once to one conversation, spread over the processes.

Prints one JSON line. Environment: BENCH_SESSIONS (20), BENCH_MESSAGES (600).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

import httpx

from bench.chat_load import drive
from bench.stack import free_port
from bot.infrastructure.config import Settings
from bot.infrastructure.db import ensure_database
from bot.runtime.cluster import Cluster

BURST = 20


async def load(base: str, sessions: int, messages: int, tag: str) -> dict[str, float]:
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def send(session: str, text: str) -> None:
            response = await client.post("/api/v1/chat", json={"session_id": session, "text": text})
            response.raise_for_status()

        await drive(send, sessions, sessions, f"warm-{tag}")
        return await drive(send, sessions, messages, tag)


async def burst(base: str) -> dict[str, float]:
    """20 messages at once to one conversation: seconds until all are answered, and
    whether each is in the history exactly once."""
    session = f"burst-{uuid.uuid4().hex[:10]}"
    texts = [f"what records do I need, question {i}" for i in range(BURST)]
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await client.post("/api/v1/chat", json={"session_id": session, "text": "hi"})
        started = time.perf_counter()
        answers = await asyncio.gather(
            *(client.post("/api/v1/chat", json={"session_id": session, "text": t}) for t in texts)
        )
        seconds = time.perf_counter() - started
        history = (await client.get(f"/api/v1/chat/{session}/history")).json()["messages"]
    said = [m["text"] for m in history if m["role"] == "user"]
    return {
        "answered": sum(a.status_code == 200 for a in answers),
        "seconds": round(seconds, 2),
        "recorded_once": all(said.count(t) == 1 for t in texts),
    }


def phase(processes: int, through_balancer: bool, sessions: int, messages: int) -> dict:
    settings = Settings(port=free_port())
    folder = Path(tempfile.mkdtemp(prefix="navigator-cluster-"))
    cluster = Cluster(settings, processes, folder)
    cluster.start(log=folder / "cluster.log")
    try:
        cluster.wait_ready()
        base = cluster.base if through_balancer else f"http://127.0.0.1:{cluster.app_ports[0]}"
        tag = f"p{processes}{'lb' if through_balancer else 'direct'}"
        figures = asyncio.run(load(base, sessions, messages, tag))
        figures["burst_one_conversation"] = asyncio.run(burst(base))
    finally:
        cluster.stop()
    return {"processes": processes, "balancer": through_balancer, **figures}


def main() -> None:
    warnings.simplefilter("ignore")
    sessions = int(os.environ.get("BENCH_SESSIONS", "20"))
    messages = int(os.environ.get("BENCH_MESSAGES", "600"))
    folder = Path(tempfile.mkdtemp(prefix="navigator-bench-cluster-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'navigator.db'}"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("LOCK_STORE_URL", "redis://127.0.0.1:6379/0")
    tracker = f"postgresql://postgres@127.0.0.1:5432/navigator_bench_{uuid.uuid4().hex[:8]}"
    os.environ["TRACKER_STORE_URL"] = tracker
    ensure_database(tracker)
    navigator = str(Path(sys.executable).with_name("navigator"))
    subprocess.run([navigator, "db", "upgrade"], check=True, capture_output=True)
    results = [
        phase(1, False, sessions, messages),
        phase(1, True, sessions, messages),
        phase(2, True, sessions, messages),
    ]
    single, balanced = results[0]["msg_per_s"], results[2]["msg_per_s"]
    print(
        json.dumps(
            {
                "bench": "cluster",
                "sessions": sessions,
                "cpus": os.cpu_count(),
                "runs": results,
                "speedup_2_vs_1": round(balanced / single, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
