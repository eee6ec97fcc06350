"""NLU quality on the held-out split (tests/nlu/heldout.yml), which never enters training.

Rasa's own `rasa test nlu` does the scoring; this reads its reports, prints the figures
docs/quality.md records, and fails when they miss the product's targets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.paths import PROJECT_ROOT
from bot.training import ensure_model, rasa_environment

HELDOUT = PROJECT_ROOT / "tests" / "nlu" / "heldout.yml"
RESULTS = PROJECT_ROOT / "results" / "nlu"
INTENT_MACRO_F1_TARGET = 0.95
SAFETY_INTENTS = ("crisis", "medical_emergency")
AVERAGES = {"macro avg", "weighted avg", "micro avg"}


@dataclass(frozen=True)
class NluScores:
    examples: int
    intent_macro_f1: float
    intent_accuracy: float
    entity_micro_f1: float
    safety_recall: dict[str, float]
    weakest_intents: dict[str, float]

    @property
    def meets_targets(self) -> bool:
        safety_complete = all(recall == 1.0 for recall in self.safety_recall.values())
        return self.intent_macro_f1 >= INTENT_MACRO_F1_TARGET and safety_complete


def evaluate() -> NluScores:
    model, _ = ensure_model()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "nlu",
            "--nlu",
            str(HELDOUT),
            "--model",
            str(model),
            "--out",
            str(RESULTS),
            "--no-plot",
        ],
        cwd=PROJECT_ROOT,
        env=rasa_environment(),
        check=True,
        capture_output=True,
    )
    return read_scores(RESULTS)


def read_scores(results: Path) -> NluScores:
    intents = json.loads((results / "intent_report.json").read_text())
    entities = json.loads((results / "VocabularyEntityExtractor_report.json").read_text())
    per_intent = {
        name: row["f1-score"]
        for name, row in intents.items()
        if isinstance(row, dict) and "support" in row and name not in AVERAGES
    }
    return NluScores(
        examples=int(intents["macro avg"]["support"]),
        intent_macro_f1=round(intents["macro avg"]["f1-score"], 3),
        intent_accuracy=round(intents["accuracy"], 3),
        entity_micro_f1=round(entities["micro avg"]["f1-score"], 3),
        safety_recall={i: intents[i]["recall"] for i in SAFETY_INTENTS if i in intents},
        weakest_intents=dict(sorted(per_intent.items(), key=lambda kv: kv[1])[:5]),
    )


def report(scores: NluScores) -> str:
    return json.dumps(
        {"bench": "nlu-heldout", **asdict(scores), "meets_targets": scores.meets_targets}
    )
