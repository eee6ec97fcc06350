"""Bot replies as text messages: plain text, numbered options instead of buttons, and
messages split where a basic phone reads them best.

A Twilio message may hold 1,600 characters, but a basic phone shows long texts as
several pieces, out of order at times; so messages are packed up to 320 characters
(two SMS segments) and only a single sentence longer than that gets a longer message.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content import texts
from bot.guidance.replies import Button, Reply

PREFERRED_LENGTH = 320
MAX_LENGTH = 1600

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=\S)")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class SmsReply:
    messages: list[str]
    # The payload each option number selects, in order (option 1 is index 0).
    options: list[str]


def plain(text: str) -> str:
    """Markdown and HTML as plain text: SMS shows them literally."""
    text = _LINK.sub(r"\1 (\2)", text)
    text = html.unescape(_TAG.sub("", text))
    text = _EMPHASIS.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()).strip()


def options_line(buttons: Iterable[Button]) -> str:
    sms_texts = texts("sms.yml")
    parts = [
        sms_texts["options_first" if number == 1 else "options_next"].format(
            number=number, title=plain(button.title)
        )
        for number, button in enumerate(buttons, start=1)
    ]
    return ", ".join(parts) + "." if parts else ""


def to_sms(replies: list[Reply]) -> SmsReply:
    """The replies of one turn as text messages. Only the last reply's buttons are
    offered: earlier ones belong to messages the person has already moved past."""
    paragraphs = [plain(r.text) for r in replies if plain(r.text)]
    buttons = list(replies[-1].buttons) if replies else []
    if buttons:
        paragraphs.append(options_line(buttons))
    return SmsReply(messages=split(paragraphs), options=[b.payload for b in buttons])


def split(paragraphs: list[str]) -> list[str]:
    """Packs paragraphs, then sentences, then words into messages of at most 320
    characters where possible and never more than 1,600."""
    pieces: list[tuple[str, str]] = []  # (joiner to the previous piece, text)
    for paragraph in paragraphs:
        parts = [paragraph]
        if len(paragraph) > PREFERRED_LENGTH:
            parts = []
            for sentence in _SENTENCE_END.split(paragraph):
                parts += _words(sentence) if len(sentence) > MAX_LENGTH else [sentence]
        pieces += [("\n\n" if i == 0 else " ", part) for i, part in enumerate(parts)]
    messages: list[str] = []
    for joiner, piece in pieces:
        if messages and len(messages[-1]) + len(joiner) + len(piece) <= PREFERRED_LENGTH:
            messages[-1] += joiner + piece
        else:
            messages.append(piece)
    return messages


def _words(sentence: str) -> list[str]:
    chunks = [""]
    for word in sentence.split():
        word = word[:MAX_LENGTH]
        if len(chunks[-1]) + 1 + len(word) > MAX_LENGTH:
            chunks.append(word)
        else:
            chunks[-1] = f"{chunks[-1]} {word}".strip()
    return chunks
