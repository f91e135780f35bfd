"""Built-in datasets: seeded, with a noise level and a train/test split.

Every dataset stores inputs as X (n_x, m) and targets as Y (n_y, m), one column per example.
Classification keeps integer labels too; its targets are one 0/1 row for two classes and one-hot
rows for more (`encoded_for("cross_entropy")` gives one-hot for two classes as well).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

DATASETS: dict[str, str] = {
    "moons": "two interleaving half circles (2 classes)",
    "circles": "a disc inside a ring (2 classes)",
    "xor": "points in four quadrants, class by the sign of x1·x2 (2 classes)",
    "spiral": "two interleaved spiral arms (2 classes, hard)",
    "blobs": "gaussian blobs, one per class (2 or more classes)",
    "sine": "regression: y = sin(x) on [−π, π]",
    "plane": "regression: y = 0.8·x1 − 0.5·x2 + 0.3",
    "xor_table": "the 4-row XOR truth table (no test split)",
    "single": "one example for hand-worked calculations: x = (0.05, 0.10), y = (0.01, 0.99)",
}


def _frozen(x: np.ndarray) -> np.ndarray:
    x = np.array(x, dtype=np.float64)
    x.setflags(write=False)
    return x


@dataclass(frozen=True, eq=False)
class Dataset:
    """Training and test examples, column per example, with names for the drawing."""

    name: str
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    task: str  # "classification" or "regression"
    input_names: tuple[str, ...]
    output_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()
    labels_train: np.ndarray | None = None
    labels_test: np.ndarray | None = None
    x_mean: np.ndarray | None = None
    x_std: np.ndarray | None = None
    description: str = ""

    def __post_init__(self):
        for key in ("X_train", "Y_train", "X_test", "Y_test"):
            object.__setattr__(self, key, _frozen(getattr(self, key)))

    @property
    def n_inputs(self) -> int:
        return self.X_train.shape[0]

    @property
    def n_outputs(self) -> int:
        return self.Y_train.shape[0]

    @property
    def n_classes(self) -> int:
        return len(self.class_names) if self.task == "classification" else 0

    @property
    def m_train(self) -> int:
        return self.X_train.shape[1]

    @property
    def m_test(self) -> int:
        return self.X_test.shape[1]

    def encoded_for(self, loss: str) -> Dataset:
        """Targets for `loss`: one-hot for cross_entropy, else one 0/1 row for two classes."""
        if self.task != "classification":
            return self
        k = self.n_classes
        one_hot = loss == "cross_entropy" or k > 2
        return dataclasses.replace(
            self, Y_train=encode(self.labels_train, k, one_hot),
            Y_test=encode(self.labels_test, k, one_hot),
            output_names=tuple(self.class_names) if one_hot else (self.class_names[1],))

    def standardized(self) -> Dataset:
        """Inputs (x − mean)/std, mean and std from the training split (std 0 → 1)."""
        if self.x_mean is not None:
            return self
        raw_train, raw_test = self.X_train, self.X_test
        mean = raw_train.mean(axis=1, keepdims=True) if self.m_train else \
            np.zeros((self.n_inputs, 1))
        std = raw_train.std(axis=1, keepdims=True) if self.m_train else \
            np.ones((self.n_inputs, 1))
        std = np.where(std > 0, std, 1.0)
        return dataclasses.replace(self, X_train=(raw_train - mean) / std,
                                   X_test=(raw_test - mean) / std, x_mean=mean, x_std=std)

    def transform(self, X_raw) -> np.ndarray:
        """Raw inputs (n_x, m) as the network sees them (standardised if the data is)."""
        X_raw = np.asarray(X_raw, dtype=np.float64)
        if self.x_mean is None:
            return X_raw
        return (X_raw - self.x_mean) / self.x_std

    def raw(self, X) -> np.ndarray:
        """The inverse of `transform`: network inputs back in the data's own units."""
        X = np.asarray(X, dtype=np.float64)
        return X if self.x_mean is None else X * self.x_std + self.x_mean

    def with_split(self, test_fraction: float, seed: int = 0) -> Dataset:
        """All examples re-split with a seeded shuffle (standardisation recomputed)."""
        _check_fraction(test_fraction)
        X = np.concatenate([self.raw(self.X_train), self.raw(self.X_test)], axis=1)
        Y = np.concatenate([self.Y_train, self.Y_test], axis=1)
        labels = None
        if self.labels_train is not None:
            labels = np.concatenate([self.labels_train, self.labels_test])
        split = _split(X, Y, labels, test_fraction, seed)
        out = dataclasses.replace(self, x_mean=None, x_std=None, **split)
        return out.standardized() if self.x_mean is not None else out


def encode(labels, k: int, one_hot: bool) -> np.ndarray:
    """Targets from class indices: (k, m) one-hot, or (1, m) 0/1 when k = 2 and not one_hot."""
    labels = np.asarray(labels, dtype=np.int64)
    if not one_hot and k == 2:
        return labels[None, :].astype(np.float64)
    Y = np.zeros((k, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def _check_fraction(test_fraction: float) -> None:
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"the test fraction must be in [0, 1), got {test_fraction}")


def _split(X, Y, labels, test_fraction: float, seed: int) -> dict:
    m = X.shape[1]
    order = np.random.default_rng([seed, 2]).permutation(m)
    n_test = int(round(test_fraction * m))
    if test_fraction > 0 and m >= 2:
        n_test = min(max(n_test, 1), m - 1)
    test, train = order[:n_test], order[n_test:]
    out = {"X_train": X[:, train], "Y_train": Y[:, train], "X_test": X[:, test],
           "Y_test": Y[:, test]}
    if labels is not None:
        out["labels_train"], out["labels_test"] = labels[train], labels[test]
    return out


# --- generators: (X (n_x, m), labels or Y) ------------------------------------------------------
def _moons(rng, n, noise):
    n_top = n // 2
    t_top = rng.uniform(0, math.pi, n_top)
    t_bottom = rng.uniform(0, math.pi, n - n_top)
    X = np.concatenate([np.stack([np.cos(t_top), np.sin(t_top)]),
                        np.stack([1 - np.cos(t_bottom), 0.5 - np.sin(t_bottom)])], axis=1)
    X = (X - np.array([[0.5], [0.25]])) / 1.0
    X += rng.normal(0, noise, X.shape)
    return X, np.concatenate([np.zeros(n_top, int), np.ones(n - n_top, int)])


def _circles(rng, n, noise):
    n_in = n // 2
    r = np.concatenate([rng.uniform(0, 0.45, n_in), rng.uniform(0.75, 1.0, n - n_in)])
    t = rng.uniform(0, 2 * math.pi, n)
    X = np.stack([r * np.cos(t), r * np.sin(t)]) + rng.normal(0, noise * 0.5, (2, n))
    return X, np.concatenate([np.zeros(n_in, int), np.ones(n - n_in, int)])


def _xor(rng, n, noise):
    X = rng.uniform(-1, 1, (2, n))
    X += np.sign(X) * 0.1  # a margin around the axes
    labels = (X[0] * X[1] > 0).astype(int)
    return X + rng.normal(0, noise * 0.5, X.shape), labels


def _spiral(rng, n, noise):
    n_a = n // 2
    out, labels = [], []
    for arm, count in enumerate((n_a, n - n_a)):
        r = np.linspace(0.05, 1.0, count)
        t = 1.75 * 2 * math.pi * r + arm * math.pi
        out.append(np.stack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(count, arm))
    X = np.concatenate(out, axis=1) + rng.normal(0, noise * 0.5, (2, n))
    return X, np.concatenate(labels)


def _blobs(rng, n, noise, k):
    angles = 2 * math.pi * np.arange(k) / k + math.pi / 2
    centres = 0.7 * np.stack([np.cos(angles), np.sin(angles)])
    labels = np.arange(n) % k
    X = centres[:, labels] + rng.normal(0, 0.15 + noise, (2, n))
    return X, labels


def make_dataset(name: str, n_samples: int = 200, noise: float = 0.1,
                 test_fraction: float = 0.25, seed: int = 0, n_classes: int = 3) -> Dataset:
    """A built-in dataset (see DATASETS); the same arguments always give the same arrays."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}")
    if int(n_samples) < 2:
        raise ValueError(f"n_samples must be at least 2, got {n_samples}")
    if noise < 0 or not math.isfinite(noise):
        raise ValueError(f"noise must be a number ≥ 0, got {noise}")
    _check_fraction(test_fraction)
    if n_classes < 2:
        raise ValueError(f"n_classes must be at least 2, got {n_classes}")
    n = int(n_samples)
    rng = np.random.default_rng([seed, 0])
    description = DATASETS[name]
    xy = ("x1", "x2")

    if name == "xor_table":
        X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
        labels = np.array([0, 1, 1, 0])
        return _classification(name, X, labels, ("0", "1"), 0.0, seed, xy, description)
    if name == "single":
        X, Y = np.array([[0.05], [0.10]]), np.array([[0.01], [0.99]])
        return Dataset(name, X, Y, np.zeros((2, 0)), np.zeros((2, 0)), "regression", xy,
                       ("y1", "y2"), description=description)
    if name == "sine":
        x = rng.uniform(-math.pi, math.pi, n)
        Y = np.sin(x) + rng.normal(0, noise, n)
        return _regression(name, x[None, :], Y[None, :], test_fraction, seed, ("x",),
                           description)
    if name == "plane":
        X = rng.uniform(-1, 1, (2, n))
        Y = 0.8 * X[0] - 0.5 * X[1] + 0.3 + rng.normal(0, noise, n)
        return _regression(name, X, Y[None, :], test_fraction, seed, xy, description)
    if name == "blobs":
        X, labels = _blobs(rng, n, noise, n_classes)
        names = tuple(f"class {c}" for c in range(n_classes))
    else:
        X, labels = {"moons": _moons, "circles": _circles, "xor": _xor,
                     "spiral": _spiral}[name](rng, n, noise)
        names = ("0", "1")
    return _classification(name, X, labels, names, test_fraction, seed, xy, description)


def _classification(name, X, labels, class_names, test_fraction, seed, input_names,
                    description) -> Dataset:
    k = len(class_names)
    Y = encode(labels, k, one_hot=k > 2)
    split = _split(X, Y, labels, test_fraction, seed)
    output_names = tuple(class_names) if k > 2 else (class_names[1],)
    return Dataset(name=name, task="classification", input_names=tuple(input_names),
                   output_names=output_names, class_names=tuple(class_names),
                   description=description, **split)


def _regression(name, X, Y, test_fraction, seed, input_names, description) -> Dataset:
    split = _split(X, Y, None, test_fraction, seed)
    output_names = ("y",) if Y.shape[0] == 1 else tuple(f"y{k + 1}" for k in range(Y.shape[0]))
    return Dataset(name=name, task="regression", input_names=tuple(input_names),
                   output_names=output_names, description=description, **split)
