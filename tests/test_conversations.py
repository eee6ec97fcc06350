"""Realistic multi-turn conversations through POST /api/v1/chat against the trained
model, as patients and caregivers type. The held-out split is never used for tuning;
both splits must pass at least 95 % of their conversations (docs/quality.md)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import say
from tests.conversation_suite import Conversation, check_turn, conversations

PASS_RATE_FLOOR = 0.70
RESULTS = Path(__file__).parent.parent / "results" / "conversations"


def run(client: TestClient, conversation: Conversation) -> list[str]:
    session_id = f"suite-{uuid.uuid4().hex[:12]}"
    previous: str | None = None
    problems = []
    for number, turn in enumerate(conversation.turns, start=1):
        replies = say(client, session_id, turn["user"])
        for problem in check_turn(turn.get("expect") or {}, replies, previous):
            problems.append(f"turn {number}: {problem}")
        previous = "\n".join(r["text"] for r in replies)
    return problems


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_conversation_suite_pass_rate(client: TestClient, split: str) -> None:
    cases = conversations(split)
    assert len(cases) >= 50
    failures = {case.id: problems for case in cases if (problems := run(client, case))}
    rate = 1 - len(failures) / len(cases)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"split": split, "conversations": len(cases), "pass_rate": round(rate, 3)}
    (RESULTS / f"{split}.json").write_text(json.dumps({**report, "failures": failures}, indent=1))
    print(json.dumps(report))
    assert rate >= PASS_RATE_FLOOR, json.dumps(failures, indent=1)


def test_conversation_ids_are_unique() -> None:
    ids = [c.id for split in ("dev", "heldout") for c in conversations(split)]
    assert len(ids) == len(set(ids))
