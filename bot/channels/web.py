"""The web chat page and `POST /api/v1/chat`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from bot.guidance.replies import Reply


class WebChannel:
    name: ClassVar[str] = "web"
    session_prefix: ClassVar[str] = ""
    staff_present: ClassVar[bool] = False
    staff_reply_note: ClassVar[str] = "shown on their chat page"

    def render(self, replies: list[Reply]) -> list[dict[str, Any]]:
        """Each reply as JSON: text, buttons, and the card the page draws."""
        return [asdict(reply) for reply in replies]

    async def deliver_staff_reply(self, session_key: str, text: str) -> None:
        """Nothing to send: the page polls its history, which the reply joins."""

    def on_handoff_closed(self, session: Session, *, session_key: str) -> None:
        """Nothing was kept for the request."""
