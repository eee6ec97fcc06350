"""Realistic multi-turn conversations through POST /api/v1/chat against the trained
model, as patients and caregivers type, and directory searches typed the same way. The
held-out splits are never used for tuning; the target is 95 % of conversations passing
in each (docs/quality.md)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import say
from tests.conversation_suite import Conversation, check_turn, conversations

# Regression floors under the measured rates (docs/quality.md); the target is 95 %.
PASS_RATE_FLOORS = {
    # dev gained 40 conversations of a tenth writer in session 14 (first run 65 %), 40
    # of an eleventh in session 15 (47.5 %), 40 of a twelfth in session 16 (42.5 %) and
    # 40 of a thirteenth in session 17 (47.5 %): 87.4 % at the end of session 16, 85.0 %
    # with the thirteenth's 40 before session 17's fixes, 85.2 % after them.
    "dev": 0.84,
    "heldout": 0.85,
    "directory": 0.90,
    "directory_heldout": 0.80,
    # Spanish (issue #13): checked against the Spanish catalogue, replies in Spanish.
    # es_dev gained a seventh writer's 30 in session 15 (first run 37 %) and an eighth's
    # in session 16 (43 %), a ninth's in session 17 (70 %): 77.3 % at the end of session
    # 16, 76.4 % with the ninth's 30 before session 17's fixes, 81.2 % after them.
    "es_dev": 0.78,
    "es_heldout": 0.45,
}
RESULTS = Path(__file__).parents[2] / "results" / "conversations"


def run(client: TestClient, conversation: Conversation) -> list[str]:
    session_id = f"suite-{uuid.uuid4().hex[:12]}"
    previous: str | None = None
    problems = []
    for number, turn in enumerate(conversation.turns, start=1):
        replies = say(client, session_id, turn["user"])
        expect = turn.get("expect") or {}
        for problem in check_turn(expect, replies, previous, turn["user"], conversation.locale):
            problems.append(f"turn {number}: {problem}")
        previous = "\n".join(r["text"] for r in replies)
    return problems


@pytest.mark.parametrize("split", list(PASS_RATE_FLOORS))
def test_conversation_suite_pass_rate(client: TestClient, split: str) -> None:
    cases = conversations(split)
    assert len(cases) >= (50 if split in ("dev", "heldout") else 12)
    failures = {case.id: problems for case in cases if (problems := run(client, case))}
    rate = 1 - len(failures) / len(cases)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {"split": split, "conversations": len(cases), "pass_rate": round(rate, 3)}
    (RESULTS / f"{split}.json").write_text(json.dumps({**report, "failures": failures}, indent=1))
    print(json.dumps(report))
    assert rate >= PASS_RATE_FLOORS[split], json.dumps(failures, indent=1)


def test_conversation_ids_are_unique() -> None:
    ids = [c.id for split in PASS_RATE_FLOORS for c in conversations(split)]
    assert len(ids) == len(set(ids))
