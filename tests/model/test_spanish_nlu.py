"""Spanish understanding on a held-out split written by a writer who saw neither the
Spanish training data nor the patterns (tests/nlu/heldout_es.yml, topics_heldout_es.yml):
intents (topic questions count as `faq`) and topics, through the trained model with
every guard, as a message is really read. Targets (issue #13): intent macro-F1 >= 0.93,
topic top-1 >= 0.85; the floors below are the measured figures (docs/quality.md)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from sklearn.metrics import f1_score

from bot.nlp.topics_output import TOPIC_RANKING
from bot.runtime.engine import DialogueEngine
from tests.nlu_examples import examples_by_intent

HELDOUT = Path(__file__).parents[1] / "nlu"
RESULTS = Path(__file__).parents[2] / "results" / "nlu"
FLOORS = {"intent_macro_f1": 0.80, "topic_top1": 0.70}
SAFETY = ("crisis", "medical_emergency", "urgent_symptoms")


def _parse_all(engine: DialogueEngine, texts: list[str]) -> list[dict]:
    async def run() -> list[dict]:
        return [await engine.parse(text) for text in texts]

    return asyncio.run(run())


def test_spanish_heldout_intents_and_topics(engine: DialogueEngine) -> None:
    intents = examples_by_intent([HELDOUT / "heldout_es.yml"])
    cases = [(text, intent) for intent, texts in intents.items() for text in texts]
    parsed = _parse_all(engine, [text for text, _ in cases])
    truth = [intent for _, intent in cases]
    predicted = [p["intent"]["name"] for p in parsed]
    macro = f1_score(truth, predicted, average="macro", labels=sorted(set(truth)))
    recall = {
        s: sum(p == s for t, p in zip(truth, predicted, strict=True) if t == s) / truth.count(s)
        for s in SAFETY
    }
    topics = examples_by_intent([HELDOUT / "topics_heldout_es.yml"])
    topic_cases = [(text, i.split("/", 1)[1]) for i, texts in topics.items() for text in texts]
    ranked = _parse_all(engine, [text for text, _ in topic_cases])
    top1 = sum(
        [t["topic"] for t in r.get(TOPIC_RANKING, [])][:1] == [topic]
        for r, (_, topic) in zip(ranked, topic_cases, strict=True)
    ) / len(topic_cases)
    scores = {
        "examples": len(cases),
        "intent_macro_f1": round(float(macro), 3),
        "safety_recall": {k: round(v, 3) for k, v in recall.items()},
        "topic_examples": len(topic_cases),
        "topic_top1": round(top1, 3),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "spanish_heldout.json").write_text(json.dumps(scores, indent=1))
    print(json.dumps(scores))
    assert scores["intent_macro_f1"] >= FLOORS["intent_macro_f1"]
    assert scores["topic_top1"] >= FLOORS["topic_top1"]


def test_spanish_training_and_heldout_do_not_overlap() -> None:
    training = examples_by_intent(sorted(Path("data/nlu").rglob("*.yml")))
    trained = {t.lower().strip(" ?¿!¡.") for texts in training.values() for t in texts}
    heldout = examples_by_intent([HELDOUT / "heldout_es.yml", HELDOUT / "topics_heldout_es.yml"])
    leaked = [
        t for texts in heldout.values() for t in texts if t.lower().strip(" ?¿!¡.") in trained
    ]
    assert len(leaked) <= 1, leaked
