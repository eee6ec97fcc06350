"""Splitting one message into the questions it asks.

People put several questions in one message ("what records do I need? and does medicare
pay for it"), or wrap a question in thanks ("ok thanks. how long does it take?"). The
classifier scores each piece on its own as well as the whole, so each question can get
its own answer.
"""

from __future__ import annotations

import re

# Sentence ends, line breaks, and the joins people use between two questions.
_BOUNDARY = re.compile(
    r"(?<=[?.!;])\s+"
    r"|\n+"
    r"|\s+(?:and\s+also|also,?|plus|and\s+then|oh\s+and)\s+"
    r"|,?\s+(?:and|but|so)\s+(?=(?:what|how|when|where|who|which|why|do|does|can|could|is|are|will|would|should)\b)"
    r"|,\s+(?=(?:what|how|when|where|who|which|why|do|does|can|could|will|would|should)\b)",
    re.IGNORECASE,
)
MIN_WORDS = 3
MAX_SEGMENTS = 6


def split(text: str) -> list[str]:
    """The message's pieces of at least three words, in order; [] when it is one piece.
    A short lead-in ("ok thanks.") is dropped, so the question after it stands alone."""
    pieces = [p.strip(" ,") for p in _BOUNDARY.split(text) if p and p.strip(" ,")]
    if len(pieces) < 2:
        return []
    return [p for p in pieces if len(p.split()) >= MIN_WORDS][:MAX_SEGMENTS]
