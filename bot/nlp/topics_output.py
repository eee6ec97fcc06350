"""What the NLU says about topic questions, as it travels in a message's parse data.

The classifier writes these keys; the answer action reads them back from the tracker.
Keeping the names and shapes in one module keeps the two sides in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TOPIC_INTENT = "faq"
# Parse-data keys: the best topics for the whole message, and one entry per question
# when the message asks several.
TOPIC_RANKING = "topic_ranking"
QUESTIONS = "questions"


@dataclass(frozen=True)
class TopicScore:
    topic: str
    # Probability among topics only (what "Did you mean ..." compares), and overall.
    share: float
    probability: float

    def as_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "share": self.share, "probability": self.probability}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicScore:
        return cls(str(data["topic"]), float(data["share"]), float(data["probability"]))


@dataclass(frozen=True)
class Question:
    topic: str
    confidence: float
    alternatives: tuple[TopicScore, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "confidence": self.confidence,
            "alternatives": [a.as_dict() for a in self.alternatives],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls(
            str(data["topic"]),
            float(data["confidence"]),
            tuple(TopicScore.from_dict(a) for a in data.get("alternatives", [])),
        )
