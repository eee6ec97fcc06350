"""D4, D5, D6 and D10 with real processes: two `navigator run` servers sharing one
PostgreSQL conversation store and one Redis lock, bursts to one conversation spread
over both, and kill -9 of a server in the middle of a turn, for the web and for SMS."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from twilio.request_validator import RequestValidator

from bot.infrastructure.db import ensure_database
from tests.conftest import TEST_DATABASE_URL
from tests.process.test_process import RunningStack, free_port

REDIS_URL = "redis://127.0.0.1:6379/0"
PUBLIC_BASE = "https://navigator.test"
TWILIO_TOKEN = "test-twilio-auth-token"


class Cluster:
    """Two app processes on their own ports, sharing stores; either can be killed and
    started again."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.nodes: list[RunningStack] = []
        for _ in range(2):
            self.nodes.append(self._start())

    def _start(self) -> RunningStack:
        env = {**self.env, "PORT": str(free_port())}
        node = RunningStack(env, int(env["PORT"]), self.log_dir)
        node.wait_ready()
        return node

    def kill(self, index: int) -> None:
        node = self.nodes[index]
        os.killpg(node.process.pid, signal.SIGKILL)
        node.process.wait(timeout=30)
        node.stdout.close()
        node.stderr.close()

    def restart(self, index: int) -> None:
        self.nodes[index] = self._start()

    def base(self, index: int) -> str:
        return self.nodes[index].base

    def stop(self) -> None:
        for node in self.nodes:
            if node.process.poll() is None:
                node.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, sqlite_settings: object) -> Iterator[Cluster]:
    name = f"navigator_faults_{uuid.uuid4().hex[:8]}"
    tracker_url = str(make_url(TEST_DATABASE_URL).set(database=name))
    ensure_database(tracker_url)
    admin = create_engine(
        make_url(TEST_DATABASE_URL).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    folder = tmp_path_factory.mktemp("cluster")
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'navigator.db'}",
        TRACKER_STORE_URL=tracker_url,
        LOCK_STORE_URL=REDIS_URL,
        LOG_LEVEL="INFO",
        PUBLIC_BASE_URL=PUBLIC_BASE,
        TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
    )
    running = Cluster(env, folder)
    try:
        yield running
    finally:
        running.stop()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def post_chat(base: str, session: str, text_: str, message_id: str | None = None) -> httpx.Response:
    body = {"session_id": session, "text": text_}
    if message_id:
        body["message_id"] = message_id
    return httpx.post(base + "/api/v1/chat", json=body, timeout=30)


def user_texts(base: str, session: str) -> list[str]:
    history = httpx.get(f"{base}/api/v1/chat/{session}/history", timeout=30)
    assert history.status_code == 200, history.text
    return [m["text"] for m in history.json()["messages"] if m["role"] == "user"]


def test_a_burst_over_two_processes_is_answered_and_recorded_once_each(cluster: Cluster) -> None:
    """D5 and D6: 20 messages at once to one conversation, spread over both processes.
    With Rasa's lock store, acknowledged messages went missing and half got 503s."""
    session = f"burst-{uuid.uuid4().hex[:10]}"
    assert post_chat(cluster.base(0), session, "hi").status_code == 200
    texts = [f"what records do I need, question {i}" for i in range(20)]
    start = threading.Barrier(len(texts))

    def send(i: int) -> int:
        start.wait()
        return post_chat(cluster.base(i % 2), session, texts[i]).status_code

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        statuses = list(pool.map(send, range(len(texts))))
    seconds = time.monotonic() - started
    assert statuses == [200] * len(texts)
    recorded = Counter(user_texts(cluster.base(1), session))
    assert all(recorded[t] == 1 for t in texts), recorded
    # The target is 5 s on its machine; here only a bound far under the
    # 1-second polling of Rasa's lock (20 messages took over 10 s there).
    assert seconds < 10, seconds
    print(f"20-message burst over 2 processes: {seconds:.2f} s")


HOLDER = """
import asyncio, sys
from bot.runtime.lock_store import RedisConversationLocks

async def main():
    locks = RedisConversationLocks(sys.argv[1])
    async with locks.lock(sys.argv[2]):
        print("held", flush=True)
        await asyncio.sleep(3600)

asyncio.run(main())
"""


def test_a_crashed_lock_holder_frees_the_conversation_within_5_seconds(cluster: Cluster) -> None:
    """D5: a dead holder's tickets lasted 60 s with Rasa's lock store."""
    session = f"crash-{uuid.uuid4().hex[:10]}"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, REDIS_URL, session], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    started = time.monotonic()
    assert post_chat(cluster.base(1), session, "hi").status_code == 200
    assert time.monotonic() - started < 5


def test_a_web_retry_after_a_crash_is_applied_exactly_once(cluster: Cluster) -> None:
    """D10: a retry after a crash ran the turn again. The retry carries the message id,
    goes to the other process, and the history holds the message once, whether the
    crash came before or after the turn was saved."""
    rng = random.Random(7)
    for attempt in range(2):
        session = f"webcrash-{uuid.uuid4().hex[:10]}"
        assert post_chat(cluster.base(0), session, "hi").status_code == 200
        message_id = uuid.uuid4().hex
        sender = threading.Thread(
            target=_ignore_crash, args=(post_chat, cluster.base(0), session, "more", message_id)
        )
        sender.start()
        time.sleep(rng.uniform(0.0, 0.15))
        cluster.kill(0)
        sender.join()
        retried = post_chat(cluster.base(1), session, "more", message_id)
        assert retried.status_code == 200 and retried.json()["replies"], attempt
        again = post_chat(cluster.base(1), session, "more", message_id)
        assert again.json()["replies"] == retried.json()["replies"]
        assert user_texts(cluster.base(1), session).count("more") == 1
        cluster.restart(0)


def _ignore_crash(call: Callable[..., object], *args: object, **kwargs: object) -> None:
    try:
        call(*args, **kwargs)
    except httpx.HTTPError:
        pass  # the server was killed mid-request


def sms_form(sid: str, sender: str, body: str) -> tuple[dict[str, str], dict[str, str]]:
    form = {"MessageSid": sid, "From": sender, "To": "+15005550006", "Body": body}
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC_BASE + "/sms/twilio", form)
    return form, {"X-Twilio-Signature": signature}


def test_an_sms_caught_in_a_crash_is_answered_on_redelivery(cluster: Cluster) -> None:
    """D4: the MessageSid was claimed before the turn ran, so after a crash every
    redelivery got an empty answer for a day."""
    rng = random.Random(11)
    for attempt in range(2):
        number = f"+1312555{rng.randrange(10_000):04d}"
        hello, headers = sms_form(f"SM{uuid.uuid4().hex}", number, "hi")
        assert httpx.post(cluster.base(1) + "/sms/twilio", data=hello, headers=headers).is_success
        form, headers = sms_form(f"SM{uuid.uuid4().hex}", number, "what does medicare cover")
        sender = threading.Thread(
            target=_ignore_crash,
            args=(httpx.post, cluster.base(0) + "/sms/twilio"),
            kwargs={"data": form, "headers": headers, "timeout": 30},
        )
        sender.start()
        time.sleep(rng.uniform(0.0, 0.15))
        cluster.kill(0)
        sender.join()
        redelivered = httpx.post(
            cluster.base(1) + "/sms/twilio", data=form, headers=headers, timeout=30
        )
        assert redelivered.status_code == 200
        assert "<Message>" in redelivered.text, (attempt, redelivered.text)
        cluster.restart(0)
