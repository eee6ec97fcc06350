"""What the staff console does, independent of HTML: call sessions on the dialogue
engine, the handoff queue, replies that reach a patient on their own channel, and an
audit entry for every look at or change to a conversation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.channels import CallChannel, Channel, NotDelivered
from bot.content import DEFAULT_LOCALE
from bot.guidance import conversations, plan
from bot.guidance.conversations import ConversationInfo
from bot.guidance.journey import STEPS, title
from bot.guidance.replies import Button, Reply
from bot.infrastructure.db import in_transaction
from bot.runtime.chat_service import ChatService
from bot.runtime.context import AppContext
from bot.runtime.engine import DialogueEngine, HistoryEntry
from bot.staff import audit
from bot.staff.accounts import Identity
from bot.vocabulary.terms import record_items


class NotFound(LookupError):
    """No such conversation for the console (or not one staff may open)."""


@dataclass(frozen=True)
class StepStatus:
    step: str
    title: str
    status: str  # "done", "in progress" or "not yet"


@dataclass(frozen=True)
class QueueItem:
    info: ConversationInfo
    awaiting_reply: bool
    # The conversation's language ("en", "es"): who should pick it up.
    locale: str = DEFAULT_LOCALE


@dataclass(frozen=True)
class ConversationView:
    info: ConversationInfo
    # Its channel's adapter: the page asks it whether staff are on a call, and how a
    # reply reaches the person.
    channel: Channel[object]
    transcript: list[HistoryEntry]
    checklist: list[StepStatus]
    records: list[tuple[str, bool]]
    plan: list[str]
    suggestions: tuple[Button, ...]
    locale: str = DEFAULT_LOCALE


def _locale(slots: dict[str, Any]) -> str:
    return str(slots.get("locale") or DEFAULT_LOCALE)


def checklist(slots: dict[str, Any]) -> list[StepStatus]:
    done = set(slots.get("steps_done") or [])
    current = slots.get("current_step")
    return [
        StepStatus(
            step,
            title(step),
            "done" if step in done else "in progress" if step == current else "not yet",
        )
        for step in STEPS
    ]


def readable(transcript: list[HistoryEntry]) -> list[HistoryEntry]:
    """A clicked button is stored as its payload ("/step_insurance"); show its title, and
    drop payloads no button explains (the page's silent "/greet")."""
    shown: list[HistoryEntry] = []
    buttons: tuple[Button, ...] = ()
    for entry in transcript:
        if entry.role == "bot":
            buttons = entry.buttons
        elif entry.text.startswith("/"):
            title = next((b.title for b in buttons if b.payload == entry.text), None)
            if title is None:
                continue
            entry = HistoryEntry("user", title)
        shown.append(entry)
    return shown


def awaiting_reply(transcript: list[HistoryEntry]) -> bool:
    """Whether the person wrote after the last staff reply (or staff never replied)."""
    for entry in reversed(transcript):
        if entry.from_staff:
            return False
        if entry.role == "user":
            return True
    return True


class ConsoleService:
    """Each method is one use case, with one transaction for its reads and its audit
    entry. A method that also awaits the dialogue engine or a channel writes its entry
    in a second transaction after it: no transaction is held open across a turn or a
    message sent. What differs by channel is the channel adapter's (bot.channels)."""

    def __init__(self, engine: DialogueEngine, chat: ChatService, context: AppContext) -> None:
        self.engine = engine
        self.chat = chat
        self.sessions = context.sessions
        self.channels = context.channels
        self.calls = context.channels.get(CallChannel)
        # Channels whose conversations already have staff with the person.
        self.staffed = [channel.name for channel in self.channels if channel.staff_present]

    async def _audit(
        self, staff: Identity, action: str, key: str | None = None, detail: str = ""
    ) -> None:
        await in_transaction(
            self.sessions,
            lambda session: audit.record(
                session, username=staff.username, action=action, conversation_key=key, detail=detail
            ),
        )

    async def _info(self, key: str) -> ConversationInfo:
        return await in_transaction(self.sessions, lambda session: _existing(session, key))

    async def queue(self) -> list[QueueItem]:
        """Open requests for a person; those whose last word is the person's come first."""
        items = []
        for info in await in_transaction(
            self.sessions,
            lambda session: conversations.open_handoffs(session, staffed=self.staffed),
        ):
            history, slots = await self.engine.conversation(info.session_key)
            items.append(QueueItem(info, awaiting_reply(history), _locale(slots)))
        return sorted(items, key=lambda item: not item.awaiting_reply)

    async def find(self, staff: Identity, code: str) -> ConversationInfo | None:
        def find_and_audit(session: Session) -> ConversationInfo | None:
            found = conversations.find_by_code(session, code=code)
            audit.record(
                session,
                username=staff.username,
                action="find_by_code",
                conversation_key=found.session_key if found else None,
                detail="found" if found else "no match",
            )
            return found

        return await in_transaction(self.sessions, find_and_audit)

    async def start_call(self, staff: Identity, locale: str = DEFAULT_LOCALE) -> str:
        """A new call session, opened with the guide's greeting as the first script, in
        the language staff picked for the caller."""
        key = self.calls.new_session_key()

        def start_and_audit(session: Session) -> None:
            conversations.start_call(
                session, session_key=key, channel=self.calls.name, staff_username=staff.username
            )
            audit.record(
                session,
                username=staff.username,
                action="start_call",
                conversation_key=key,
                detail=locale,
            )

        await in_transaction(self.sessions, start_and_audit)
        await self.chat.turn(key, "/greet", channel=self.calls.name, page_locale=locale)
        return key

    async def call_turn(
        self, staff: Identity, key: str, caller_said: str, locale: str | None = None
    ) -> list[Reply]:
        """What the caller said, typed by staff; the replies are the script to read, in
        the call's language (what staff typed decides when it is clearly another)."""
        info = await self._info(key)
        if not self.channels.of(info.channel).staff_present:
            raise NotFound(key)
        replies = await self.chat.turn(key, caller_said, channel=info.channel, page_locale=locale)
        await self._audit(staff, "call_turn", key)
        return self.calls.render(replies)

    async def view(self, staff: Identity, key: str) -> ConversationView:
        info = await self._info(key)
        transcript, slots = await self.engine.conversation(key)
        await self._audit(staff, "open_conversation", key, info.channel)
        transcript = readable(transcript)
        gathered = set(slots.get("records_gathered") or [])
        last_bot = next((e for e in reversed(transcript) if e.role == "bot"), None)
        return ConversationView(
            info=info,
            channel=self.channels.of(info.channel),
            transcript=transcript,
            checklist=checklist(slots),
            records=[(item.label, item.id in gathered) for item in record_items()],
            plan=[reply.text for reply in plan.build(slots)],
            suggestions=last_bot.buttons if last_bot and not last_bot.from_staff else (),
            locale=_locale(slots),
        )

    async def reply(self, staff: Identity, key: str, text: str) -> None:
        """Sends a staff reply on the person's own channel (texted for SMS, shown on the
        page, which polls its history, for web chat); either way it joins the transcript."""
        info = await self._info(key)
        try:
            await self.channels.of(info.channel).deliver_staff_reply(key, text)
        except NotDelivered as exc:
            await self._audit(staff, "reply_not_sent", key, str(exc))
            raise
        await self.engine.add_staff_message(key, text)
        await self._audit(staff, "reply", key, info.channel)

    async def audit_log(
        self, admin: Identity, conversation_key: str | None
    ) -> list[audit.AuditLine]:
        """The latest entries (for one conversation, if given); reading the log is
        itself logged, in the same transaction, so the list shows that reading too."""

        def record_and_read(session: Session) -> list[audit.AuditLine]:
            audit.record(
                session,
                username=admin.username,
                action="view_audit",
                conversation_key=conversation_key,
            )
            return audit.latest(session, limit=200, conversation_key=conversation_key)

        return await in_transaction(self.sessions, record_and_read)

    async def close(self, staff: Identity, key: str) -> None:
        """Closes the request, lets its channel forget what it kept for it, and records
        who did, all in one transaction."""

        def close_and_audit(session: Session) -> None:
            info = _existing(session, key)
            conversations.close_handoff(session, session_key=key)
            self.channels.of(info.channel).on_handoff_closed(session, session_key=key)
            audit.record(
                session, username=staff.username, action="close_handoff", conversation_key=key
            )

        await in_transaction(self.sessions, close_and_audit)


def _existing(session: Session, key: str) -> ConversationInfo:
    info = conversations.get(session, session_key=key)
    if info is None:
        raise NotFound(key)
    return info
