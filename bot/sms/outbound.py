"""Texts we start ourselves (a staff member's reply), through a pluggable sender:
Twilio's REST API in production, an in-memory outbox for development and tests."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from twilio.http import HttpClient

from bot.infrastructure.config import Settings

logger = logging.getLogger(__name__)


class OutboundSms(Protocol):
    def send(self, to: str, body: str) -> None:
        """Sends one message; raises if the provider refuses it."""


@dataclass
class Outbox:
    """The local fake: keeps what would have been sent, so tests can read it."""

    sent: list[tuple[str, str]] = field(default_factory=list)

    def send(self, to: str, body: str) -> None:
        self.sent.append((to, body))
        logger.info("SMS kept in the local outbox (SMS_OUTBOUND=fake)")


class TwilioOutbound:
    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str,
        http_client: HttpClient | None = None,
    ) -> None:
        from twilio.rest import Client

        self.client = Client(account_sid, auth_token, http_client=http_client)
        self.from_number = from_number

    def send(self, to: str, body: str) -> None:
        self.client.messages.create(to=to, from_=self.from_number, body=body)


def outbound_from_settings(settings: Settings) -> OutboundSms:
    if settings.sms_outbound == "twilio":
        return TwilioOutbound(
            settings.twilio_account_sid,
            settings.twilio_auth_token.get_secret_value(),
            settings.twilio_from_number,
        )
    return Outbox()
