"""Classification metrics from network outputs a[L] and targets Y, both (n_L, m).

The class of an example (one column):

    one row     class = 1 if a ≥ 0.5 else 0            (sigmoid output: a = P(class 1))
    k rows      class = argmaxⱼ aⱼ                      (softmax output or one-hot target)

    accuracy = (1/m) Σᵢ [predicted⁽ⁱ⁾ = true⁽ⁱ⁾]
    confusion[t, p] = #{i : true⁽ⁱ⁾ = t and predicted⁽ⁱ⁾ = p}
"""

from __future__ import annotations

import numpy as np


def predicted_classes(A) -> np.ndarray:
    """Class index per example from a[L] (n_L, m): shape (m,), int64.

    A 1-D array is read as one row (m,).
    """
    A = np.asarray(A, dtype=np.float64)
    if A.ndim == 1:
        A = A[None, :]
    if A.ndim != 2 or A.shape[0] == 0:
        raise ValueError(f"expected outputs of shape (n_L, m) with n_L ≥ 1, got {A.shape}")
    if A.shape[0] == 1:
        return (A[0] >= 0.5).astype(np.int64)
    return np.argmax(A, axis=0).astype(np.int64)


def true_classes(Y) -> np.ndarray:
    """Class index per example of targets Y (one 0/1 row, or one-hot rows): shape (m,)."""
    return predicted_classes(Y)


def accuracy(A, Y) -> float:
    """Fraction in [0, 1] of the m examples whose predicted class is the true one (NaN if m = 0)."""
    pred, true = predicted_classes(A), true_classes(Y)
    if pred.shape != true.shape:
        raise ValueError(f"outputs and targets must have the same number of examples, got "
                         f"{pred.size} and {true.size}")
    return float(np.mean(pred == true)) if pred.size else float("nan")


def confusion_matrix(true, pred, k: int) -> np.ndarray:
    """(k, k) int64 counts: row = true class, column = predicted class; true, pred (m,)."""
    true = np.asarray(true, dtype=np.int64).ravel()
    pred = np.asarray(pred, dtype=np.int64).ravel()
    if true.shape != pred.shape:
        raise ValueError(f"true and predicted classes differ in length: {true.size} and "
                         f"{pred.size}")
    for what, c in (("true", true), ("predicted", pred)):
        if c.size and (c.min() < 0 or c.max() >= k):
            raise ValueError(f"{what} classes must lie in 0..{k - 1}, got {c.min()}..{c.max()}")
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (true, pred), 1)
    return counts
