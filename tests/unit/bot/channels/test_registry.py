"""The channels an app serves: each found by its class or by the name its conversations
are stored under, and the web API's session-id pattern derived from their prefixes."""

from __future__ import annotations

import re

import pytest

from api.schemas import SESSION_ID_PATTERN
from bot.channels import CallChannel, ChannelRegistry, SmsChannel, WebChannel, reserved_prefixes
from bot.infrastructure.db import session_factory
from bot.sms.outbound import Outbox


@pytest.fixture()
def registry() -> ChannelRegistry:
    sms = SmsChannel(Outbox(), session_factory("sqlite:///:memory:"))
    return ChannelRegistry(WebChannel(), sms, CallChannel())


def test_the_web_api_refuses_every_other_channels_session_ids() -> None:
    assert reserved_prefixes() == ("sms-", "call-")
    for refused in ("sms-0123456789abcdef", "call-0123456789abcdef"):
        assert not re.match(SESSION_ID_PATTERN, refused)
    for allowed in ("web-0123456789abcdef", "smsish", "my-session_1"):
        assert re.match(SESSION_ID_PATTERN, allowed)


def test_channels_are_found_by_class_and_by_stored_name(registry: ChannelRegistry) -> None:
    assert isinstance(registry.get(SmsChannel), SmsChannel)
    assert registry.of("sms") is registry.get(SmsChannel)
    assert registry.of("staff") is registry.get(CallChannel)
    # Rasa's own debugging channels are served like web chat: nothing is sent.
    assert registry.of("cmdline") is registry.get(WebChannel)
    assert [channel.name for channel in registry if channel.staff_present] == ["staff"]


def test_a_registry_refuses_channels_the_web_api_would_not_keep_out() -> None:
    class Whatsapp(WebChannel):
        name = "whatsapp"
        session_prefix = "wa-"

    with pytest.raises(ValueError, match="ADAPTERS"):
        ChannelRegistry(WebChannel(), Whatsapp())


def test_a_registry_refuses_two_channels_with_one_prefix_or_no_open_one() -> None:
    with pytest.raises(ValueError, match="own names and prefixes"):
        ChannelRegistry(WebChannel(), CallChannel(), CallChannel())
    with pytest.raises(ValueError, match="exactly one"):
        ChannelRegistry(CallChannel())


def test_call_sessions_get_new_keys_under_their_prefix() -> None:
    calls = CallChannel()
    first, second = calls.new_session_key(), calls.new_session_key()
    assert first.startswith("call-") and first != second
    assert not re.match(SESSION_ID_PATTERN, first)
