"""D5 and D6 at the lock itself, against the real Redis: one holder at a time across
two lock stores (as two processes have), waiters served in arrival order, and handed
on at once when released instead of by Rasa's once-a-second poll."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from bot.runtime.lock_store import LocalConversationLocks, RedisConversationLocks

REDIS_URL = "redis://127.0.0.1:6379/0"


def lock_stores(kind: str) -> list[LocalConversationLocks | RedisConversationLocks]:
    if kind == "local":
        return [LocalConversationLocks()]
    return [RedisConversationLocks(REDIS_URL), RedisConversationLocks(REDIS_URL)]


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_one_holder_at_a_time_served_in_arrival_order(kind: str) -> None:
    async def scenario() -> tuple[list[int], int]:
        stores = lock_stores(kind)
        conversation = f"order-{uuid.uuid4().hex}"
        served: list[int] = []
        holding = 0
        most = 0

        async def turn(i: int) -> None:
            nonlocal holding, most
            async with stores[i % len(stores)].lock(conversation):
                holding += 1
                most = max(most, holding)
                served.append(i)
                await asyncio.sleep(0.005)  # the turn's own awaits (database, actions)
                holding -= 1

        tasks = []
        for i in range(20):
            tasks.append(asyncio.create_task(turn(i)))
            # Arrivals well apart, in a known order: 2 ms was less than one Redis round
            # trip on a loaded 2-core machine, and two arrivals swapped.
            await asyncio.sleep(0.03)
        await asyncio.gather(*tasks)
        return served, most

    served, most = asyncio.run(scenario())
    assert most == 1
    assert served == list(range(20))


@pytest.mark.parametrize("kind", ["local", "redis"])
def test_waiters_are_woken_on_release_not_by_polling(kind: str) -> None:
    """20 turns queued on one conversation are all through in well under a second;
    Rasa's lock stores took about a second per waiter."""

    async def scenario() -> float:
        stores = lock_stores(kind)
        conversation = f"wake-{uuid.uuid4().hex}"

        async def turn(i: int) -> None:
            async with stores[i % len(stores)].lock(conversation):
                await asyncio.sleep(0.001)

        started = time.monotonic()
        await asyncio.gather(*(turn(i) for i in range(20)))
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 1.0


def test_a_cancelled_waiter_leaves_the_queue() -> None:
    """A turn that times out while waiting must not block the ones behind it."""

    async def scenario() -> bool:
        store = RedisConversationLocks(REDIS_URL)
        conversation = f"cancel-{uuid.uuid4().hex}"
        release = asyncio.Event()

        async def holder() -> None:
            async with store.lock(conversation):
                await release.wait()

        async def impatient() -> None:
            async with store.lock(conversation):
                pass

        first = asyncio.create_task(holder())
        await asyncio.sleep(0.05)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(impatient(), 0.2)
        release.set()
        await first
        await asyncio.wait_for(impatient(), 1.0)
        return True

    assert asyncio.run(scenario())
