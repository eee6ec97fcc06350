"""The console's use cases over channel adapters, each with its audit entry in the same
transaction as what it records; the dialogue engine is a stand-in."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from bot.channels import CallChannel, ChannelRegistry, NotDelivered, SmsChannel, WebChannel
from bot.guidance import conversations
from bot.infrastructure.config import Settings
from bot.infrastructure.db import SessionFactory, transaction
from bot.runtime.context import AppContext
from bot.runtime.engine import HistoryEntry
from bot.sms import store
from bot.sms.models import SmsSender
from bot.sms.outbound import Outbox
from bot.staff import console as console_module
from bot.staff.accounts import Identity
from bot.staff.console import ConsoleService, NotFound
from bot.staff.models import AuditEntry

STAFF = Identity(1, "dana", "staff")
NUMBER = "+13125550100"


class Engine:
    """The dialogue engine's part the console uses: transcripts, and staff messages."""

    def __init__(self) -> None:
        self.staff_messages: list[tuple[str, str]] = []

    async def conversation(self, key: str) -> tuple[list[HistoryEntry], dict[str, Any]]:
        return [HistoryEntry("user", "talk to a person")], {}

    async def add_staff_message(self, key: str, text: str) -> None:
        self.staff_messages.append((key, text))


class Chat:
    def __init__(self) -> None:
        self.turns: list[tuple[str, str, str]] = []

    async def turn(self, key: str, text: str, channel: str, **_: object) -> list[object]:
        self.turns.append((key, text, channel))
        return []


@pytest.fixture()
def outbox() -> Outbox:
    return Outbox()


@pytest.fixture()
def console(sessions: SessionFactory, outbox: Outbox) -> ConsoleService:
    with transaction(sessions) as session:
        for key, channel in (("web-a", "web"), ("sms-h", "sms"), ("call-c", "staff")):
            conversations.mark_handoff_requested(session, session_key=key, channel=channel)
        session.add(SmsSender(phone_hash="h", options="[]", reply_to=NUMBER))
    channels = ChannelRegistry(WebChannel(), SmsChannel(outbox, sessions), CallChannel())
    context = AppContext(Settings(), sessions, channels)
    return ConsoleService(Engine(), Chat(), context)  # type: ignore[arg-type]


def actions(sessions: SessionFactory) -> list[tuple[str, str | None, str]]:
    with transaction(sessions) as session:
        entries = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        return [(e.action, e.conversation_key, e.detail) for e in entries]


def test_the_queue_leaves_out_conversations_staff_are_already_on(console: ConsoleService) -> None:
    queue = asyncio.run(console.queue())
    assert sorted(item.info.session_key for item in queue) == ["sms-h", "web-a"]


def test_a_reply_is_texted_on_sms_and_only_joins_the_transcript_on_the_web(
    console: ConsoleService, sessions: SessionFactory, outbox: Outbox
) -> None:
    asyncio.run(console.reply(STAFF, "web-a", "Hello"))
    assert outbox.sent == []
    asyncio.run(console.reply(STAFF, "sms-h", "Hello"))
    assert outbox.sent == [(NUMBER, "From the Navigator team: Hello")]
    assert console.engine.staff_messages == [("web-a", "Hello"), ("sms-h", "Hello")]  # type: ignore[attr-defined]
    assert actions(sessions) == [("reply", "web-a", "web"), ("reply", "sms-h", "sms")]


def test_a_reply_that_cannot_be_sent_is_audited_and_not_added(
    console: ConsoleService, sessions: SessionFactory
) -> None:
    with transaction(sessions) as session:
        store.set_opted_out(session, hashed="h", opted_out=True)
    with pytest.raises(NotDelivered):
        asyncio.run(console.reply(STAFF, "sms-h", "Still there?"))
    assert console.engine.staff_messages == []  # type: ignore[attr-defined]
    assert actions(sessions) == [("reply_not_sent", "sms-h", "no number or opted out")]


def test_closing_forgets_the_number_and_audits_in_one_transaction(
    console: ConsoleService, sessions: SessionFactory
) -> None:
    asyncio.run(console.close(STAFF, "sms-h"))
    with transaction(sessions) as session:
        assert store.reply_to(session, hashed="h") is None
    assert actions(sessions) == [("close_handoff", "sms-h", "")]


def test_a_close_that_cannot_be_audited_closes_nothing(
    console: ConsoleService, sessions: SessionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(console_module.audit, "record", broken)
    with pytest.raises(RuntimeError):
        asyncio.run(console.close(STAFF, "sms-h"))
    with transaction(sessions) as session:
        assert store.reply_to(session, hashed="h") == NUMBER
    assert [item.info.session_key for item in asyncio.run(console.queue())].count("sms-h") == 1


def test_a_call_session_starts_on_the_call_channel(
    console: ConsoleService, sessions: SessionFactory
) -> None:
    key = asyncio.run(console.start_call(STAFF, "es"))
    assert key.startswith("call-")
    assert console.chat.turns == [(key, "/greet", "staff")]  # type: ignore[attr-defined]
    assert actions(sessions) == [("start_call", key, "es")]
    with pytest.raises(NotFound):
        asyncio.run(console.call_turn(STAFF, "web-a", "hello"))
