"""One turn at a time per conversation, in arrival order, in one process or across many.

Rasa's lock stores are replaced, for three reasons measured on Rasa 3.6: waiters poll
once a second (a busy conversation moved at about one message a second); the Redis
store reads, changes and writes its ticket list in separate steps, so two processes
overwrite each other's tickets and messages were lost; and a crashed holder blocked
its conversation for 60 s, with keys that never expired.

Here, in one process, each conversation has an `asyncio.Lock`, which wakes waiters in
arrival order the moment it is released. Across processes, each message joins a Redis
list for its conversation in one atomic script; the head of the list holds the lock.
Every member keeps a short lease alive while it waits or works; a member whose lease
ran out (its process died) is dropped when it reaches the head, so a crash frees the
conversation within `LEASE_MS` plus one wait. Release pops the head and pushes a wake-up
onto the next member's own list, which it waits on with BLPOP: no polling loop.

Rasa calls only `lock(conversation_id)` on its lock store (`Agent.handle_message`),
so these classes offer just that.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from redis import asyncio as aioredis

# A member's lease; renewed every third of it while its process is alive.
LEASE_MS = 3000
# How long a waiter sleeps on its wake-up list before it checks for a dead head.
WAKE_CHECK_SECONDS = 1.0
# Idle conversations' keys disappear after this.
IDLE_EXPIRY_MS = 60_000
REDIS_TIMEOUT_SECONDS = 3.0

_ENQUEUE = """
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 1
"""

# 1: the caller holds the lock; 0: wait; -1: the caller is no longer queued.
_TURN = """
if not redis.call('LPOS', KEYS[1], ARGV[1]) then return -1 end
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if head == ARGV[1] then return 1 end
  if redis.call('EXISTS', ARGV[2] .. head) == 1 then return 0 end
  redis.call('LPOP', KEYS[1])
end
"""

_RELEASE = """
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then
  redis.call('LPOP', KEYS[1])
else
  redis.call('LREM', KEYS[1], 1, ARGV[1])
end
redis.call('DEL', ARGV[2] .. ARGV[1], ARGV[3] .. ARGV[1])
local head = redis.call('LINDEX', KEYS[1], 0)
if head then
  redis.call('RPUSH', ARGV[3] .. head, '1')
  redis.call('PEXPIRE', ARGV[3] .. head, ARGV[4])
end
return 1
"""

_RENEW = """
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""


@dataclass
class _LocalEntry:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class LocalConversationLocks:
    """Locks for a single process (the default, with no `LOCK_STORE_URL`)."""

    def __init__(self) -> None:
        self._entries: dict[str, _LocalEntry] = {}

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: str) -> AsyncIterator[None]:
        entry = self._entries.setdefault(conversation_id, _LocalEntry())
        entry.users += 1
        try:
            async with entry.lock:
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._entries[conversation_id]

    async def ping(self) -> None:
        """Always answers: the locks live in this process."""


class RedisConversationLocks:
    """Locks shared by every process that uses the same Redis."""

    def __init__(self, url: str, key_prefix: str = "navigator:lock") -> None:
        self._redis = aioredis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS + WAKE_CHECK_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        self._prefix = key_prefix
        self._lease_prefix = f"{key_prefix}:lease:"
        self._wake_prefix = f"{key_prefix}:wake:"
        self._enqueue = self._redis.register_script(_ENQUEUE)
        self._turn = self._redis.register_script(_TURN)
        self._release = self._redis.register_script(_RELEASE)
        self._renew = self._redis.register_script(_RENEW)

    def _keys(self, conversation_id: str, token: str) -> list[str]:
        return [f"{self._prefix}:queue:{conversation_id}", f"{self._lease_prefix}{token}"]

    async def _keep_lease(self, keys: list[str]) -> None:
        """Renews the lease until cancelled; if Redis stops answering, the lease lapses
        and the turn's own Redis calls fail it."""
        with contextlib.suppress(aioredis.RedisError):
            while True:
                await asyncio.sleep(LEASE_MS / 3000)
                await self._renew(keys=keys, args=[LEASE_MS, IDLE_EXPIRY_MS])

    async def _wait_for_turn(self, token: str, keys: list[str]) -> None:
        while True:
            state = await self._turn(keys=keys, args=[token, self._lease_prefix])
            if state == 1:
                return
            if state == -1:
                # Dropped while alive (a lease that lapsed): queue again at the back.
                await self._enqueue(keys=keys, args=[token, LEASE_MS, IDLE_EXPIRY_MS])
                continue
            await self._redis.blpop([f"{self._wake_prefix}{token}"], timeout=WAKE_CHECK_SECONDS)

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: str) -> AsyncIterator[None]:
        token = uuid.uuid4().hex
        keys = self._keys(conversation_id, token)
        await self._enqueue(keys=keys, args=[token, LEASE_MS, IDLE_EXPIRY_MS])
        lease = asyncio.create_task(self._keep_lease(keys))
        try:
            await self._wait_for_turn(token, keys)
            yield
        finally:
            lease.cancel()
            await self._release(
                keys=keys[:1],
                args=[token, self._lease_prefix, self._wake_prefix, IDLE_EXPIRY_MS],
            )

    async def ping(self) -> None:
        """Raises unless Redis answers."""
        await self._redis.ping()
