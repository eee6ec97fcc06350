"""Twilio's request signature, checked with the official `twilio` package.

Twilio signs the exact URL it posted to plus the form fields, so behind a proxy the app
must rebuild that URL from PUBLIC_BASE_URL rather than from what it received."""

from __future__ import annotations

from collections.abc import Iterable

from twilio.request_validator import RequestValidator

from bot.infrastructure.config import Settings


def signed_url(settings: Settings, received_url: str, path: str, query: str) -> str:
    if not settings.public_base_url:
        return received_url
    return settings.public_base_url + path + (f"?{query}" if query else "")


class _Fields(dict[str, list[str]]):
    """Form fields with repeats kept; the validator reads them through `getlist`."""

    def getlist(self, name: str) -> list[str]:
        return self[name]


def is_signed_by_twilio(
    settings: Settings, url: str, fields: Iterable[tuple[str, object]], signature: str | None
) -> bool:
    token = settings.twilio_auth_token.get_secret_value()
    if not token or not signature:
        return False
    params = _Fields()
    for name, value in fields:
        if not isinstance(value, str):
            return False  # a file upload: Twilio never sends one
        params.setdefault(name, []).append(value)
    return bool(RequestValidator(token).validate(url, params, signature))
