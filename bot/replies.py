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

    @classmethod
    def from_rasa(cls, message: dict[str, Any]) -> Reply:
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in message.get("buttons") or []
        )
        return cls(text=message.get("text") or "", buttons=buttons)

    def as_rasa(self) -> dict[str, Any]:
        """Keyword arguments for rasa_sdk's `dispatcher.utter_message`."""
        return {
            "text": self.text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons],
        }
