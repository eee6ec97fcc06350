"""The channels an app serves (create_app builds the registry and puts it on the app
context), and the session-id prefixes the web API must refuse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from bot.channels.base import Channel
from bot.channels.call import CallChannel
from bot.channels.sms import SmsChannel
from bot.channels.web import WebChannel

C = TypeVar("C")

# Every adapter. The web API's session-id pattern is derived from their prefixes, when
# the API's schema is built, so a channel must be listed here before it is registered.
ADAPTERS: tuple[type[Channel[Any]], ...] = (WebChannel, SmsChannel, CallChannel)
PREFIX = re.compile(r"^[a-z]+-\Z")


def reserved_prefixes() -> tuple[str, ...]:
    """The prefixes of every channel's session ids but web chat's (which has none): the
    web API may neither write into nor read those conversations."""
    return tuple(adapter.session_prefix for adapter in ADAPTERS if adapter.session_prefix)


class ChannelRegistry:
    """Where services find a channel's adapter, by its class or by the name a
    conversation is stored under, instead of branching on channel names."""

    def __init__(self, *channels: Channel[object]) -> None:
        names = [channel.name for channel in channels]
        prefixes = [channel.session_prefix for channel in channels]
        if len(set(names)) < len(names) or len(set(prefixes)) < len(prefixes):
            raise ValueError(f"channels need their own names and prefixes: {names} {prefixes}")
        if prefixes.count("") != 1:
            raise ValueError("exactly one channel takes the session ids no other claims")
        for prefix in filter(None, prefixes):
            if not PREFIX.match(prefix) or prefix not in reserved_prefixes():
                raise ValueError(
                    f"session prefix {prefix!r}: lower-case letters and '-', and its adapter "
                    "in bot.channels.registry.ADAPTERS, or the web API would not refuse it"
                )
        self._channels = channels
        self._open = next(channel for channel in channels if not channel.session_prefix)

    def __iter__(self) -> Iterator[Channel[object]]:
        return iter(self._channels)

    def get(self, kind: type[C]) -> C:
        """The registered adapter of this class."""
        for channel in self._channels:
            if isinstance(channel, kind):
                return channel
        raise LookupError(f"no {kind.__name__} registered")

    def of(self, name: str) -> Channel[object]:
        """The channel a conversation is stored under. A name no adapter has (Rasa's
        own debugging channels) is served like the channel whose session ids are open:
        a staff reply joins the transcript, and nothing is sent."""
        return next((channel for channel in self._channels if channel.name == name), self._open)
