"""The SMS adapter: a staff reply texted to the number kept for the open request, never
to one that texted STOP, and the number forgotten when the request is closed."""

from __future__ import annotations

import asyncio

import pytest

from bot.channels import NotDelivered, SmsChannel
from bot.infrastructure.db import SessionFactory, transaction
from bot.sms import store
from bot.sms.models import SmsSender
from bot.sms.outbound import Outbox

NUMBER = "+13125550100"


@pytest.fixture()
def sms(sessions: SessionFactory) -> SmsChannel:
    with transaction(sessions) as session:
        session.add(SmsSender(phone_hash="h", options="[]", reply_to=NUMBER))
    return SmsChannel(Outbox(), sessions)


def test_the_session_key_carries_the_phones_hash() -> None:
    assert SmsChannel.session_key("h") == "sms-h"
    assert SmsChannel.hashed_from("sms-h") == "h"


def test_a_staff_reply_is_texted_with_the_teams_prefix(sms: SmsChannel) -> None:
    asyncio.run(sms.deliver_staff_reply("sms-h", "When is a good time to call?"))
    assert sms.outbound.sent == [  # type: ignore[attr-defined]
        (NUMBER, "From the Navigator team: When is a good time to call?")
    ]


def test_a_long_staff_reply_is_split_like_any_reply(sms: SmsChannel) -> None:
    asyncio.run(sms.deliver_staff_reply("sms-h", "word " * 200))
    sent = sms.outbound.sent  # type: ignore[attr-defined]
    assert len(sent) > 1 and all(to == NUMBER for to, _ in sent)


def test_nothing_is_texted_after_stop(sms: SmsChannel, sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        store.set_opted_out(session, hashed="h", opted_out=True)
    with pytest.raises(NotDelivered):
        asyncio.run(sms.deliver_staff_reply("sms-h", "Still there?"))
    assert sms.outbound.sent == []  # type: ignore[attr-defined]


def test_closing_the_request_forgets_the_number(sms: SmsChannel, sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        sms.on_handoff_closed(session, session_key="sms-h")
    with transaction(sessions) as session:
        assert store.reply_to(session, hashed="h") is None
