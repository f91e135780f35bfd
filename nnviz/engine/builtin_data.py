"""The built-in datasets (`DATASETS`), drawn by seeded generators: `make_dataset(name, …)`.

Every generator takes its random numbers from one `np.random.default_rng(seed)`, so the same
arguments always give the same arrays:

    classification  (rng, n, noise, k) → X (2, n), labels (n,)      class c: labels == c
    regression      (rng, n, noise)    → X (n_x, n), Y (1, n), input names
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from .argument_checks import check_fraction, check_number, check_seed, check_whole
from .datasets import Dataset, classification_data, regression_data, shuffle_split

DATASETS: dict[str, str] = {
    "xor": "points in four quadrants, class 1 where x1 and x2 have the same sign (2 classes)",
    "circles": "a disc inside a ring (2 classes)",
    "moons": "two interleaving half circles (2 classes)",
    "spiral": "two interleaved spiral arms (2 classes, hard)",
    "blobs": "gaussian blobs, one per class (2 or more classes)",
    "sine": "regression: y = sin(x) on [−π, π]",
    "plane": "regression: y = 0.8·x1 − 0.5·x2 + 0.3",
    "xor_table": "the 4-row XOR truth table, inputs 0/1 (no test split)",
    "single": "one example for hand-worked calculations: x = (0.05, 0.10), y = (0.01, 0.99)",
}


def make_dataset(name: str, n_samples: int = 200, noise: float = 0.1,
                 test_fraction: float = 0.25, seed: int = 0, n_classes: int = 3) -> Dataset:
    """A built-in dataset (see DATASETS); the same arguments always give the same arrays.

    `noise` is the standard deviation of the noise as a fraction of the data's scale (the
    inputs of the 2-D classification sets lie roughly in [−1.5, 1.5]). xor_table and single
    ignore n_samples, noise and test_fraction: their rows are fixed and all of them train.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}")
    n = check_whole("n_samples", n_samples, 2)
    noise = check_number("noise", noise)
    if noise < 0:
        raise ValueError(f"noise must be ≥ 0, got {noise}")
    check_fraction(test_fraction)
    seed = check_seed(seed)
    k = check_whole("n_classes", n_classes, 2)
    description = DATASETS[name]
    if name == "xor_table":
        X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
        return classification_data(name, X, [0, 1, 1, 0], ("0", "1"), ("x1", "x2"), description)
    if name == "single":
        return regression_data(name, [[0.05], [0.10]], [[0.01], [0.99]], ("x1", "x2"),
                               description=description)
    if name == "blobs" and n < k:
        raise ValueError(f"blobs with {k} classes need at least {k} samples, got {n}")

    rng = np.random.default_rng(seed)
    if name in _REGRESSION:
        X, Y, input_names = _REGRESSION[name](rng, n, noise)
        data = regression_data(name, X, Y, input_names, description=description)
    else:
        X, labels = _CLASSIFICATION[name](rng, n, noise, k)
        class_names = tuple(f"class {c}" for c in range(k)) if name == "blobs" else ("0", "1")
        data = classification_data(name, X, labels, class_names, ("x1", "x2"), description)
    # the same generator continues into the split: points first, so the points do not
    # depend on test_fraction
    split = shuffle_split(data.X_train, data.Y_train, data.labels_train, test_fraction, rng)
    return dataclasses.replace(data, **split)


# --- generators --------------------------------------------------------------------------------
# (see the module docstring for their signatures)
def _halves(n: int) -> np.ndarray:
    return np.repeat([0, 1], [n // 2, n - n // 2])


def _moons(rng, n, noise, k):
    """sklearn's make_moons, centred: upper arc (cos t, sin t), lower (1 − cos t, ½ − sin t).

    x1 ∈ [−1.5, 1.5], x2 ∈ [−0.75, 0.75] (scaling it down to [−1, 1] slows tanh nets down)."""
    labels = _halves(n)
    t = rng.uniform(0.0, math.pi, n)
    X = np.where(labels == 0, [np.cos(t), np.sin(t)], [1 - np.cos(t), 0.5 - np.sin(t)])
    X += rng.normal(0.0, noise, X.shape)
    return X - [[0.5], [0.25]], labels


def _circles(rng, n, noise, k):
    """A disc r ≤ 0.5 (class 0) inside a ring 0.8 ≤ r ≤ 1 (class 1); uniform over the area."""
    labels = _halves(n)
    r_lo, r_hi = np.where(labels == 0, 0.0, 0.8), np.where(labels == 0, 0.5, 1.0)
    r = np.sqrt(rng.uniform(r_lo**2, r_hi**2))
    t = rng.uniform(0.0, 2 * math.pi, n)
    X = np.stack([r * np.cos(t), r * np.sin(t)])
    return X + rng.normal(0.0, noise * 0.5, X.shape), labels


def _xor(rng, n, noise, k):
    """Uniform in the four quadrants of [−1, 1]², 0.1 away from the axes; class 1 where
    x1·x2 > 0 (same sign). Half the points in each class, split evenly between its quadrants."""
    labels = _halves(n)
    sign1 = rng.choice([-1.0, 1.0], n)
    sign2 = np.where(labels == 1, sign1, -sign1)
    X = rng.uniform(0.1, 1.0, (2, n)) * np.stack([sign1, sign2])
    return X + rng.normal(0.0, noise * 0.5, X.shape), labels


def _spiral(rng, n, noise, k):
    """Two arms r ∈ [0.05, 1], angle t = 3.5π·r (+ π for arm 1); x = (r sin t, r cos t)."""
    labels = _halves(n)
    r = rng.uniform(0.05, 1.0, n)
    t = 3.5 * math.pi * r + math.pi * labels
    X = np.stack([r * np.sin(t), r * np.cos(t)])
    return X + rng.normal(0.0, noise * 0.5, X.shape), labels


def _blobs(rng, n, noise, k):
    """k gaussian blobs (σ = 0.15 + noise) centred on a circle, neighbours ≥ 1.2 apart."""
    radius = max(0.7, 0.6 / math.sin(math.pi / k))
    angles = 2 * math.pi * np.arange(k) / k + math.pi / 2
    centres = radius * np.stack([np.cos(angles), np.sin(angles)])
    labels = np.arange(n) % k
    return centres[:, labels] + rng.normal(0.0, 0.15 + noise, (2, n)), labels


def _sine(rng, n, noise):
    x = rng.uniform(-math.pi, math.pi, (1, n))
    return x, np.sin(x) + rng.normal(0.0, noise, (1, n)), ("x",)


def _plane(rng, n, noise):
    X = rng.uniform(-1.0, 1.0, (2, n))
    Y = 0.8 * X[:1] - 0.5 * X[1:] + 0.3 + rng.normal(0.0, noise, (1, n))
    return X, Y, ("x1", "x2")


_CLASSIFICATION = {"xor": _xor, "circles": _circles, "moons": _moons, "spiral": _spiral,
                   "blobs": _blobs}
_REGRESSION = {"sine": _sine, "plane": _plane}
