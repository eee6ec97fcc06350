"""Rasa NLU component: intent classification on TF-IDF word and character n-grams.

Rasa's LogisticRegressionClassifier reads raw n-gram counts with fixed regularisation.
Weighting the n-grams by TF-IDF (sublinear, each family normalised on its own) and
loosening the regularisation generalised better to phrasings it had not seen: 5-fold
cross-validation on the training data only chose this setting (macro-F1 0.854 against
0.815; docs/quality.md). It owns its vectorisers, so no Rasa featurizer is needed.

Topic questions are Rasa retrieval intents (`faq/records_which`). One model scores the
intents and the topics together, so "what records do I need" is weighed against
"take me through the records step" directly; the best topics' probabilities add up to
the `faq` intent, and the topic ranking goes out the way Rasa's ResponseSelector
reports it.
The same model also scores each question in a message that asks several
(bot/nlp/segments.py), so each can be answered.
"""

from __future__ import annotations

from typing import Any

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.infrastructure.linear_models import fast_to_predict
from bot.nlp import segments
from bot.nlp.question_guard import WISH
from bot.nlp.topics_output import QUESTIONS, TOPIC_INTENT, TOPIC_RANKING, Question, TopicScore

MODEL_FILE = "tfidf_intent_classifier.joblib"
RANKING_LENGTH = 10
TOPIC_RANKING_LENGTH = 5
TOPICS_IN_INTENT = 5
# Topics kept per question piece, for the answerer to weigh with the whole message.
PIECE_ALTERNATIVES = 5
# How much a question as asked counts against the same question with the statements
# around it (tuned on the development conversations).
ASKED_WEIGHT = 0.5
ANSWER_INTENT = "inform"
BARE_ANSWER_WORDS = 3
# Small talk that often leads into a real question ("ok thanks. what do I bring?"): when
# a piece of the message is a confident topic question, the question wins.
LEAD_IN_INTENTS = frozenset(
    {"greet", "thanks", "affirm", "deny", "inform", "share_feelings", "frustrated"}
)


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

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 30.0,
            "word_max_ngram": 2,
            "char_min_ngram": 2,
            "char_max_ngram": 5,
            # A piece of a several-question message counts as a question of its own
            # when its best label is a topic with at least this probability.
            "question_threshold": 0.2,
            # ... or, when its best label is a topic, with its best few topics together
            # this likely ("can it be done by video?" spreads over the video topics).
            "question_topic_mass": 0.3,
            # A piece whose best topic another piece already asked ("what records does
            # the new dr need and how do i get them for her") asks something else: its
            # best other topic counts from this probability.
            "other_topic_threshold": 0.1,
        }

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        self.pipeline = build_pipeline(self.config)
        self.pipeline.fit([m.get(TEXT) for m in examples], [m.get_full_intent() for m in examples])
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
        return cls(config, model_storage, resource, fast_to_predict(pipeline))

    def process(self, messages: list[Message]) -> list[Message]:
        if self.pipeline is None:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        pieces = [segments.split(t) for t in texts]
        # Each question is scored as asked and with the words around it; the two are
        # averaged, so neither a bare "how long does it take" nor a long story around
        # the question decides alone.
        flat = texts + [text for ps in pieces for p in ps for text in (p.asked, p.in_context)]
        probabilities = self.pipeline.predict_proba(flat)
        labels = [str(label) for label in self.pipeline.classes_]
        offset = len(texts)
        whole = probabilities[: len(texts)]
        for message, row, own_pieces in zip(messages, whole, pieces, strict=True):
            rows = probabilities[offset : offset + 2 * len(own_pieces)]
            offset += 2 * len(own_pieces)
            # A question is read mostly as asked, the story around it adding less;
            # one with no subject of its own ("what happens then?") only in context.
            own = np.array([[0.0 if p.leans_on_context else ASKED_WEIGHT] for p in own_pieces])
            piece_rows = rows[0::2] * own + rows[1::2] * (1 - own) if own_pieces else rows
            self._annotate(
                message, dict(zip(labels, map(float, row), strict=True)), piece_rows, labels
            )
        return messages

    def _annotate(
        self, message: Message, scores: dict[str, float], piece_rows: Any, labels: list[str]
    ) -> None:
        # A topic question's intent is as likely as its best few topics together: summing
        # all 142 would let many small shares make any unfamiliar text look like one.
        intents = {label: p for label, p in scores.items() if "/" not in label}
        topics = _topic_scores(scores)
        if topics:
            intents[TOPIC_INTENT] = sum(t.probability for t in topics[:TOPICS_IN_INTENT])
        questions = self._questions(piece_rows, labels)
        rows: list[dict[str, Any]] = [
            {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: p} for name, p in intents.items()
        ]
        ranking = sorted(rows, key=lambda r: -r[PREDICTED_CONFIDENCE_KEY])[:RANKING_LENGTH]
        top = ranking[0]
        if top[INTENT_NAME_KEY] == TOPIC_INTENT and _bare_answer(message):
            # "medicare" or "breast cancer" alone answers a question; it asks none.
            top = {
                INTENT_NAME_KEY: ANSWER_INTENT,
                PREDICTED_CONFIDENCE_KEY: top[PREDICTED_CONFIDENCE_KEY],
            }
            ranking = [top] + [r for r in ranking if r[INTENT_NAME_KEY] != ANSWER_INTENT]
        elif top[INTENT_NAME_KEY] in LEAD_IN_INTENTS and (
            questions or _asks_a_topic(piece_rows, labels)
        ):
            # "Muchas gracias. ¿Y el Medicaid lo puedo pedir yo?": the question is what
            # needs an answer, even when its topic is not yet clear enough to name.
            sure = questions[0].confidence if questions else intents.get(TOPIC_INTENT, 0.0)
            top = {INTENT_NAME_KEY: TOPIC_INTENT, PREDICTED_CONFIDENCE_KEY: sure}
            ranking = [top] + [r for r in ranking if r[INTENT_NAME_KEY] != TOPIC_INTENT]
        message.set(INTENT, top, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        if topics:
            message.set(
                RESPONSE_SELECTOR_PROPERTY_NAME, _response_selector(topics), add_to_output=True
            )
            message.set(TOPIC_RANKING, [t.as_dict() for t in topics], add_to_output=True)
        message.set(QUESTIONS, [q.as_dict() for q in questions], add_to_output=True)

    def _questions(self, piece_rows: Any, labels: list[str]) -> list[Question]:
        """The topic questions among the pieces of the message, in order. Two questions
        in one message ask different things, so a piece whose best topic was already
        asked takes its best other topic, when that is likely enough."""
        found: list[Question] = []
        for row in piece_rows:
            scores = dict(zip(labels, map(float, row), strict=True))
            # "Should I get a second opinion?" among statements reads as the wish to get
            # one; asked, it is a question about whether to, so its topics are weighed.
            ranked = sorted(
                ((label, p) for label, p in scores.items() if label != WISH),
                key=lambda kv: -kv[1],
            )
            asked = {q.topic for q in found}
            mass = sum(t.probability for t in _topic_scores(scores)[:TOPICS_IN_INTENT])
            for rank, (label, p) in enumerate(ranked[:2]):
                key = "question_threshold" if rank == 0 else "other_topic_threshold"
                spread = rank == 0 and mass >= self.config["question_topic_mass"]
                if p < self.config[key] and not spread:
                    break
                if not label.startswith(f"{TOPIC_INTENT}/"):
                    break
                topic = label.split("/", 1)[1]
                if topic not in asked:
                    found.append(
                        Question(topic, p, tuple(_topic_scores(scores)[:PIECE_ALTERNATIVES]))
                    )
                    break
        return found

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _asks_a_topic(piece_rows: Any, labels: list[str]) -> bool:
    """Whether a question piece of the message reads best as some topic (the wish for a
    second opinion and the small talk around the question aside), however unsure."""
    for row in piece_rows:
        best = max(
            (
                (label, float(p))
                for label, p in zip(labels, row, strict=True)
                if label != WISH and label not in LEAD_IN_INTENTS
            ),
            key=lambda kv: kv[1],
        )
        if best[0].startswith(f"{TOPIC_INTENT}/"):
            return True
    return False


def _topic_scores(scores: dict[str, float]) -> list[TopicScore]:
    """The best topics, their probabilities rescaled to sum to one among the topics."""
    prefix = f"{TOPIC_INTENT}/"
    topical = {label[len(prefix) :]: p for label, p in scores.items() if label.startswith(prefix)}
    total = sum(topical.values())
    if not total:
        return []
    best = sorted(topical.items(), key=lambda kv: -kv[1])[:TOPIC_RANKING_LENGTH]
    return [TopicScore(topic, p / total, p) for topic, p in best]


def _response_selector(topics: list[TopicScore]) -> dict[str, Any]:
    """The topic ranking in the shape Rasa's ResponseSelector writes, so Rasa's own tools
    (and `utter_faq`) can read it."""

    def entry(t: TopicScore) -> dict[str, Any]:
        return {
            "id": None,
            PREDICTED_CONFIDENCE_KEY: t.share,
            INTENT_RESPONSE_KEY: f"{TOPIC_INTENT}/{t.topic}",
        }

    prediction = {
        **entry(topics[0]),
        "responses": [],
        RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{TOPIC_INTENT}/{topics[0].topic}",
    }
    selection = {
        RESPONSE_SELECTOR_PREDICTION_KEY: prediction,
        RESPONSE_SELECTOR_RANKING_KEY: [entry(t) for t in topics],
    }
    return {RESPONSE_SELECTOR_RETRIEVAL_INTENTS: [TOPIC_INTENT], TOPIC_INTENT: selection}


def _bare_answer(message: Message) -> bool:
    """A few words naming something we know (an insurer, a cancer type, a place) and
    asking nothing: an answer to the bot's question, or a fact given in passing."""
    text = message.get(TEXT) or ""
    return (
        bool(message.get(ENTITIES))
        and len(text.split()) <= BARE_ANSWER_WORDS
        and not segments.is_question(text)
    )
