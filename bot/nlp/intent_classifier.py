"""Rasa NLU component: intent classification on TF-IDF word and character n-grams.

Rasa's LogisticRegressionClassifier reads raw n-gram counts with fixed regularisation.
Weighting the n-grams by TF-IDF (sublinear, each family normalised on its own) and
loosening the regularisation generalised better to phrasings it had not seen: 5-fold
cross-validation on the training data only chose this setting (macro-F1 0.854 against
0.815; docs/quality.md). It owns its vectorisers, so no Rasa featurizer is needed.
"""

from __future__ import annotations

from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

MODEL_FILE = "tfidf_intent_classifier.joblib"
RANKING_LENGTH = 10


def build_pipeline(config: dict[str, Any]) -> Pipeline:
    words = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, config["word_max_ngram"]),
        sublinear_tf=True,
        token_pattern=r"(?u)\b\w+\b",
    )
    chars = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(config["char_min_ngram"], config["char_max_ngram"]),
        sublinear_tf=True,
    )
    classifier = LogisticRegression(
        C=config["C"], class_weight="balanced", max_iter=2000, random_state=42
    )
    return make_pipeline(make_union(words, chars), classifier)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"C": 30.0, "word_max_ngram": 2, "char_min_ngram": 2, "char_max_ngram": 5}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.pipeline = pipeline

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TfidfIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        self.pipeline = build_pipeline(self.config)
        self.pipeline.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        with self._model_storage.write_to(self._resource) as model_dir:
            joblib.dump(self.pipeline, model_dir / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfIntentClassifier:
        with model_storage.read_from(resource) as model_dir:
            pipeline = joblib.load(model_dir / MODEL_FILE)
        return cls(config, model_storage, resource, pipeline)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.pipeline is None:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        probabilities = self.pipeline.predict_proba(texts)
        labels = self.pipeline.classes_
        for message, row in zip(messages, probabilities, strict=True):
            ranking = sorted(
                (
                    {INTENT_NAME_KEY: str(label), "confidence": float(p)}
                    for label, p in zip(labels, row, strict=True)
                ),
                key=lambda r: -r["confidence"],
            )[:RANKING_LENGTH]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
