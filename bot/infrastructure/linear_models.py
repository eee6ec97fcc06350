"""Shared handling of the scikit-learn linear models the NLU and the safety net use."""

from __future__ import annotations

import numpy as np
from sklearn.pipeline import Pipeline


def fast_to_predict(pipeline: Pipeline) -> Pipeline:
    """Stores the weights column-major. Prediction multiplies the sparse features by the
    transposed weights; scipy copies a transposed row-major matrix whole on every call
    (features × 170 labels: 22 ms per message, measured; the safety net's 6 labels: 3.3
    against 1.5 ms), and a column-major one not at all. The numbers are unchanged."""
    classifier = pipeline.steps[-1][1]
    classifier.coef_ = np.asfortranarray(classifier.coef_)
    return pipeline
