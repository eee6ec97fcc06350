"""What the bot says, independent of Rasa and of any channel: text plus buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    # Structured content a channel may draw instead of the text (a directory result's
    # card on the web page); channels that cannot draw it send the text.
    card: dict[str, Any] | None = None

    @classmethod
    def from_rasa(cls, message: dict[str, Any]) -> Reply:
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in message.get("buttons") or []
        )
        custom = message.get("custom")
        card = custom.get("card") if isinstance(custom, dict) else None
        return cls(text=message.get("text") or "", buttons=buttons, card=card)

    def as_rasa(self) -> dict[str, Any]:
        """Keyword arguments for rasa_sdk's `dispatcher.utter_message`."""
        message: dict[str, Any] = {
            "text": self.text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }
        if self.card is not None:
            message["json_message"] = {"card": self.card}
        return message
