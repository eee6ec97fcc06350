"""Runs Rasa custom actions inside the same process, without an HTTP hop.

Rasa's RemoteAction only needs an object with an async `request(json=...)` that returns
the action server's JSON. Handing it the rasa_sdk executor directly keeps the exact
action-server contract (actions stay plain rasa_sdk actions, still runnable with
`rasa run actions`) while saving a loopback HTTP round trip and a second process.
Each action runs with the conversation's language set (bot.content.speaking), so every
text it reads from the catalogue is in that language.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from bot.content import speaking


class InProcessActionEndpoint(EndpointConfig):
    """An action endpoint whose "server" is a rasa_sdk executor in this process."""

    def __init__(self, package: str = "actions") -> None:
        super().__init__(url="inprocess://actions")
        self.executor = ActionExecutor()
        self.executor.register_package(package)

    async def request(
        self, method: str = "post", subpath: str | None = None, **kwargs: Any
    ) -> dict[str, Any] | None:
        call = kwargs["json"]
        try:
            with speaking(_conversation_locale(call)):
                return await self.executor.run(call)
        except ActionExecutionRejection as exc:
            body = {"error": exc.message, "action_name": exc.action_name}
            raise ClientResponseError(400, "rejected", json.dumps(body)) from exc
        except ActionNotFoundException as exc:
            raise ClientResponseError(404, "not found", exc.message) from exc

    def copy(self) -> InProcessActionEndpoint:
        return self


def _conversation_locale(call: dict[str, Any]) -> str | None:
    """The conversation's language: its `locale` slot, or for a new session the
    language of the message that starts it (passed as session metadata by the engine,
    since the slot is set only after the session has started)."""
    slots = (call.get("tracker") or {}).get("slots") or {}
    started = slots.get("session_started_metadata") or {}
    if call.get("next_action") == "action_session_start" and started.get("locale"):
        return str(started["locale"])
    return slots.get("locale")
