"""The dialogue engine: one Rasa Agent loaded in this process, shared by every channel.

Channels hand it (session id, text) and get back plain replies; none of them knows that
Rasa is underneath. Loading takes tens of seconds (TensorFlow start-up), so it happens in
a worker thread while the web server already answers health checks.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockStore
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.guidance.replies import Button, Reply
from bot.infrastructure.logging_setup import quiet_rasa_structlog, turn_text
from bot.nlp.locale_detector import LOCALE, PAGE_LOCALE, message_locale
from bot.runtime import rasa_tuning
from bot.runtime.action_endpoint import InProcessActionEndpoint
from bot.runtime.nlg import VariedResponses
from bot.runtime.stores import lock_store_from_url, tracker_store_from_url

logger = logging.getLogger(__name__)
# Event metadata key on a BotUttered that a staff member wrote.
STAFF_MARK = "from_staff"
# UserUttered metadata key: the channel's id for the message (a web client's message id,
# an SMS MessageSid), kept with the turn it started so a retry is recognised.
MESSAGE_ID = "message_id"
STORE_CHECK_SECONDS = 2.0


class EngineUnavailable(RuntimeError):
    """The model is not loaded yet, failed to load, or did not answer in time."""


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a transcript; `role` is "user" or "bot"."""

    role: str
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    # A message a staff member wrote (role "bot"), not the dialogue model.
    from_staff: bool = False
    card: dict[str, Any] | None = None


class DialogueEngine:
    """Owns the Rasa Agent and the stores it writes conversations to."""

    def __init__(self, model_path: Path, tracker_store_url: str, lock_store_url: str = "") -> None:
        self.model_path = model_path
        self._tracker_store = tracker_store_from_url(tracker_store_url)
        self._locks = lock_store_from_url(lock_store_url)
        self._agent: Agent | None = None
        self.load_error: str | None = None
        self.load_seconds: float | None = None

    @property
    def ready(self) -> bool:
        return self._agent is not None

    def _load_agent(self) -> Agent:
        if not self.model_path.is_file():
            # Rasa would silently fall back to another model in the folder.
            raise FileNotFoundError(
                f"no trained model at {self.model_path}; run `navigator train` (or make run)"
            )
        rasa_tuning.apply()
        # Without this, Rasa's structlog prints every DEBUG event (slot values included).
        quiet_rasa_structlog()
        # The tracker store gets its domain from the model as Agent.load finishes.
        agent = Agent.load(
            self.model_path,
            tracker_store=self._tracker_store,
            # Rasa calls only lock() on it (see bot.runtime.lock_store).
            lock_store=cast(LockStore, self._locks),
            action_endpoint=InProcessActionEndpoint(),
            # Filled with the model's responses as the model loads.
            generator=VariedResponses({}),
        )
        # The Agent wraps the store in a fail-safe one that answers from memory when the
        # database fails: a turn that cannot be saved must fail instead.
        agent.tracker_store = self._tracker_store
        if agent.processor is not None:
            agent.processor.tracker_store = self._tracker_store
        return agent

    async def load(self) -> None:
        """Loads the model off the event loop; failures are kept for /readyz to report."""
        started = time.perf_counter()
        try:
            self._agent = await asyncio.to_thread(self._load_agent)
        except Exception as exc:
            self.load_error = f"{type(exc).__name__}: {exc}"
            logger.exception("dialogue model failed to load")
            return
        self.load_seconds = time.perf_counter() - started
        logger.info(
            "dialogue model loaded",
            extra={"model": self.model_path.name, "seconds": round(self.load_seconds, 1)},
        )

    def _require_agent(self) -> Agent:
        if self._agent is None:
            raise EngineUnavailable(self.load_error or "the dialogue model is still loading")
        return self._agent

    async def store_checks(self) -> dict[str, str]:
        """Whether each store a turn needs answers now, for /readyz."""

        async def check(name: str, probe: Any) -> tuple[str, str]:
            try:
                await asyncio.wait_for(probe, STORE_CHECK_SECONDS)
            except Exception as exc:
                return name, f"unreachable ({type(exc).__name__})"
            return name, "ok"

        results = await asyncio.gather(
            check("tracker_store", asyncio.to_thread(self._tracker_store.ping)),
            check("lock_store", self._locks.ping()),
        )
        return dict(results)

    async def respond(
        self,
        session_id: str,
        text: str,
        channel: str,
        message_id: str | None = None,
        page_locale: str | None = None,
    ) -> list[Reply]:
        """Runs one user turn and returns the bot's replies in order. A message whose
        `message_id` this conversation already answered is not run again: the replies
        it got are returned (a retry after a lost answer or a crash). `page_locale` is
        the language the web page is shown in, for a message that does not tell."""
        agent = self._require_agent()
        collector = CollectingOutputChannel()
        metadata: dict[str, Any] = {"channel": channel}
        # A new session's disclaimer is sent before the message's slots are set, so its
        # language travels as session metadata (bot/runtime/action_endpoint.py).
        if page_locale is not None:
            metadata[PAGE_LOCALE] = page_locale
        locale = message_locale(text, []) or page_locale
        if locale is not None:
            metadata[LOCALE] = locale
        if message_id is not None:
            metadata[MESSAGE_ID] = message_id
        message = UserMessage(text, collector, session_id, input_channel=channel, metadata=metadata)
        with turn_text(text):
            async with self._locks.lock(session_id):
                if message_id is not None:
                    earlier = await self._replies_to(session_id, message_id)
                    if earlier is not None:
                        logger.info("repeated message answered from the conversation")
                        return earlier
                assert agent.processor is not None
                await agent.processor.handle_message(message)
        replies: list[Reply] = []
        for sent in collector.messages:
            if sent.get("text") or sent.get("buttons"):
                replies.append(Reply.from_rasa(sent))
            elif sent.get("custom") and replies:
                # Rasa's channel sends a message's JSON part as a message of its own.
                replies[-1] = Reply.from_rasa({**_as_rasa(replies[-1]), "custom": sent["custom"]})
        return replies

    def response_text(self, name: str) -> str:
        """The first text of a domain response, e.g. the crisis message."""
        return self._require_agent().domain.responses[name][0]["text"]

    async def parse(self, text: str) -> dict[str, Any]:
        """NLU only (intent and entities), without touching any conversation."""
        with turn_text(text):
            return await self._require_agent().parse_message(text)

    async def history(self, session_id: str) -> list[HistoryEntry]:
        """The conversation as the user saw it, from the persistent tracker store."""
        history, _ = await self.conversation(session_id)
        return history

    async def conversation(self, session_id: str) -> tuple[list[HistoryEntry], dict[str, Any]]:
        """The conversation as the user saw it and its slot values (the staff console's
        language, checklist and plan), from one read of the tracker store."""
        agent = self._require_agent()
        tracker = await agent.tracker_store.retrieve_full_tracker(session_id)
        if tracker is None:
            return [], {}
        entries: list[HistoryEntry] = []
        for event in tracker.events:
            if isinstance(event, UserUttered) and event.text is not None:
                entries.append(HistoryEntry(role="user", text=event.text))
            elif isinstance(event, BotUttered) and (reply := _shown(event)) is not None:
                entries.append(
                    HistoryEntry(
                        "bot", reply.text, reply.buttons, _by_staff(event), card=reply.card
                    )
                )
        return entries, tracker.current_slot_values()

    async def _replies_to(self, session_id: str, message_id: str) -> list[Reply] | None:
        """The replies an earlier delivery of this message got, if it was answered. A
        cheap query first: almost every message is new, and rebuilding the tracker for
        each would double the store's work on every turn."""
        if not await self._tracker_store.has_user_metadata(session_id, MESSAGE_ID, message_id):
            return None
        tracker = await self._tracker_store.retrieve_full_tracker(session_id)
        return _replies_after(tracker, message_id) if tracker is not None else None

    async def add_staff_message(self, session_id: str, text: str) -> None:
        """Appends a staff member's message to the conversation, under the same lock as
        a user turn so the two can never interleave."""
        agent = self._require_agent()
        async with self._locks.lock(session_id):
            tracker = await agent.tracker_store.get_or_create_tracker(session_id)
            tracker.update(BotUttered(text, metadata={STAFF_MARK: True}))
            await agent.tracker_store.save(tracker)


def _shown(event: BotUttered) -> Reply | None:
    """The reply a bot event showed the person; None for events with nothing to show."""
    if not (event.text or event.data.get("buttons")):
        return None
    return Reply.from_rasa({"text": event.text, **event.data})


def _by_staff(event: BotUttered) -> bool:
    return bool((event.metadata or {}).get(STAFF_MARK))


def _replies_after(tracker: DialogueStateTracker, message_id: str) -> list[Reply] | None:
    """What the bot said after the user message with this id; None if there is none."""
    replies: list[Reply] | None = None
    for event in tracker.events:
        if isinstance(event, UserUttered):
            if replies is not None:
                break
            if (event.metadata or {}).get(MESSAGE_ID) == message_id:
                replies = []
        elif replies is not None and isinstance(event, BotUttered) and not _by_staff(event):
            reply = _shown(event)
            if reply is not None:
                replies.append(reply)
    return replies


def _as_rasa(reply: Reply) -> dict[str, Any]:
    return {"text": reply.text, "buttons": [asdict(b) for b in reply.buttons]}
