"""Channel adapters: what differs between the ways a person reaches the guide (the web
chat page, text messages, a staff member on a call), behind one protocol, so nothing
else branches on a channel's name.

An adapter may import its channel's storage, formatting and senders (bot.sms.store,
bot.sms.formatting, bot.sms.outbound), bot.infrastructure.db, bot.content and
bot.guidance.replies. What uses adapters (the staff console, SmsService, the API
routers, create_app) imports them, never the reverse: no adapter imports bot.staff,
bot.sms.service or the dialogue runtime (bot.runtime: the chat service, the engine, the
context, which holds the registry)."""

from bot.channels.base import Channel, NotDelivered
from bot.channels.call import CallChannel
from bot.channels.registry import ChannelRegistry, reserved_prefixes
from bot.channels.sms import SmsChannel
from bot.channels.web import WebChannel

__all__ = [
    "CallChannel",
    "Channel",
    "ChannelRegistry",
    "NotDelivered",
    "SmsChannel",
    "WebChannel",
    "reserved_prefixes",
]
