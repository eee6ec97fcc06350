"""make bench-chat: N concurrent chat sessions against the running stack, then the same
messages straight into the dialogue engine, to show what the FastAPI layer costs.

Prints one JSON line. Environment: BENCH_SESSIONS (20), BENCH_MESSAGES (1000).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import time
import warnings
from collections.abc import Awaitable, Callable

import httpx

from bench.stack import BenchStack, rss_mb

# A realistic mix: greetings, steering, a person request (database write), goodbyes.
SCRIPT = [
    "hi",
    "i just found out i have cancer and want a second opinion",
    "what's the weather like",
    "can i talk to a person",
    "asdf qwer",
    "thanks bye",
]

Send = Callable[[str, str], Awaitable[None]]


async def drive(send: Send, sessions: int, messages: int, tag: str) -> dict[str, float]:
    """Each session sends the script in order, as a person would; returns the figures."""
    latencies: list[float] = []
    per_session = max(1, messages // sessions)

    async def one_session(index: int) -> None:
        for turn in range(per_session):
            text = SCRIPT[turn % len(SCRIPT)]
            started = time.perf_counter()
            await send(f"{tag}-{index}", text)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one_session(i) for i in range(sessions)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "messages": len(latencies),
        "msg_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
    }


async def via_http(base: str, sessions: int, messages: int) -> dict[str, float]:
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def send(session: str, text: str) -> None:
            response = await client.post("/api/v1/chat", json={"session_id": session, "text": text})
            response.raise_for_status()

        await drive(send, sessions, sessions, "warm")
        return await drive(send, sessions, messages, "http")


async def direct(sessions: int, messages: int, tracker_url: str) -> dict[str, float]:
    from bot.infrastructure.config import get_settings
    from bot.runtime.context import AppContext, using
    from bot.runtime.engine import DialogueEngine
    from bot.runtime.training import model_path

    engine = DialogueEngine(model_path(), tracker_url)
    await engine.load()
    context = AppContext(get_settings())

    async def send(session: str, text: str) -> None:
        with using(context):
            await engine.respond(session, text, channel="web")

    await drive(send, sessions, sessions, "warm")
    return await drive(send, sessions, messages, "direct")


def main() -> None:
    warnings.simplefilter("ignore")
    sessions = int(os.environ.get("BENCH_SESSIONS", "20"))
    messages = int(os.environ.get("BENCH_MESSAGES", "1000"))
    stack = BenchStack()
    try:
        cold_start = stack.start()
        http = asyncio.run(via_http(stack.base, sessions, messages))
        assert stack.process is not None
        server_rss = rss_mb(stack.process.pid)
    finally:
        stack.stop()
    engine = asyncio.run(
        direct(sessions, messages, f"sqlite:///{stack.folder / 'direct-tracker.db'}")
    )
    overhead = 1 - http["msg_per_s"] / engine["msg_per_s"]
    print(
        json.dumps(
            {
                "bench": "chat",
                "sessions": sessions,
                "cold_start_s": round(cold_start, 1),
                "server_rss_mb": server_rss,
                "http": http,
                "direct_engine": engine,
                "fastapi_overhead_pct": round(overhead * 100, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
