"""Extra input features for 2-D problems: the classic way to show why a linear model fails on
circles and succeeds once it is given x1² + x2².

    expand(X, names)   X (2, m) → (2 + k, m): x1, x2, then the k named features in order
"""

from __future__ import annotations

import numpy as np

FEATURES = {
    "x1²": lambda X: X[0] ** 2,
    "x2²": lambda X: X[1] ** 2,
    "x1·x2": lambda X: X[0] * X[1],
    "sin x1": lambda X: np.sin(X[0]),
    "sin x2": lambda X: np.sin(X[1]),
}


def check(names) -> tuple[str, ...]:
    names = tuple(names)
    unknown = [n for n in names if n not in FEATURES]
    if unknown:
        raise ValueError(f"unknown input features {unknown}; choose from {list(FEATURES)}")
    return names


def expand(X: np.ndarray, names) -> np.ndarray:
    """The inputs (x1, x2) with the named features appended as rows."""
    X = np.asarray(X, dtype=np.float64)
    if X.shape[0] != 2:
        raise ValueError(f"input features need 2-D inputs (x1, x2), got {X.shape[0]} inputs")
    return np.vstack([X, *(FEATURES[n](X)[None, :] for n in check(names))])
