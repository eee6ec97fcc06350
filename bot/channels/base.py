"""The channel protocol: what the rest of the app needs to know about a channel."""

from __future__ import annotations

from typing import ClassVar, Protocol, TypeVar

from sqlalchemy.orm import Session

from bot.guidance.replies import Reply

Rendered = TypeVar("Rendered", covariant=True)


class NotDelivered(RuntimeError):
    """A staff reply could not reach the person (e.g. they texted STOP); the message
    says why, for the audit log."""


class Channel(Protocol[Rendered]):
    """One way a person reaches the guide; `Rendered` is what its replies become."""

    # What its conversations are stored under (conversations.channel) and the input
    # channel the dialogue sees.
    name: ClassVar[str]
    # How its session ids begin; "" for the one channel whose ids are any the others do
    # not claim (web chat: API clients choose their own).
    session_prefix: ClassVar[str]
    # A staff member is with the person as they talk (a call session): the console
    # types the caller's words in, and a request for a person never joins the queue.
    staff_present: ClassVar[bool]
    # How a staff reply reaches the person, for the console's reply form.
    staff_reply_note: ClassVar[str]

    def render(self, replies: list[Reply]) -> Rendered:
        """One turn's replies in the form this channel sends."""
        ...

    async def deliver_staff_reply(self, session_key: str, text: str) -> None:
        """Sends a staff reply on this channel, beyond the transcript every channel's
        reply joins; raises NotDelivered when it cannot reach the person."""
        ...

    def on_handoff_closed(self, session: Session, *, session_key: str) -> None:
        """Forgets, in the closing transaction, what was kept only while the request
        for a person was open."""
        ...
