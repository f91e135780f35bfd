"""Classification metrics from network outputs a[L] and targets Y, both (n_L, m).

One output row: the class is 1 when a ≥ 0.5 (y ≥ 0.5), else 0. Several rows: the row with the
largest value (argmax over rows).
"""

from __future__ import annotations

import numpy as np


def predicted_classes(A) -> np.ndarray:
    """Class index per example: shape (m,)."""
    A = np.asarray(A)
    if A.shape[0] == 1:
        return (A[0] >= 0.5).astype(np.int64)
    return np.argmax(A, axis=0).astype(np.int64)


def true_classes(Y) -> np.ndarray:
    """Class index per example of targets (0/1 row or one-hot): shape (m,)."""
    return predicted_classes(Y)


def accuracy(A, Y) -> float:
    """Fraction of examples whose predicted class is the true class (NaN when m = 0)."""
    pred, true = predicted_classes(A), true_classes(Y)
    return float(np.mean(pred == true)) if pred.size else float("nan")


def confusion_matrix(true, pred, k: int) -> np.ndarray:
    """(k, k) counts: row = true class, column = predicted class."""
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (np.asarray(true, dtype=np.int64), np.asarray(pred, dtype=np.int64)), 1)
    return counts
