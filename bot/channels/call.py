"""Call sessions: a staff member on the phone types what the caller says and reads the
guide's replies aloud."""

from __future__ import annotations

import secrets
from typing import ClassVar

from sqlalchemy.orm import Session

from bot.guidance.replies import Reply


class CallChannel:
    name: ClassVar[str] = "staff"
    session_prefix: ClassVar[str] = "call-"
    staff_present: ClassVar[bool] = True
    staff_reply_note: ClassVar[str] = "read it to the caller"

    def new_session_key(self) -> str:
        return f"{self.session_prefix}{secrets.token_hex(12)}"

    def render(self, replies: list[Reply]) -> list[Reply]:
        """The script to read aloud: the replies as they are."""
        return replies

    async def deliver_staff_reply(self, session_key: str, text: str) -> None:
        """Nothing to send: staff say it on the call; it joins the transcript."""

    def on_handoff_closed(self, session: Session, *, session_key: str) -> None:
        """Nothing was kept for the request."""
