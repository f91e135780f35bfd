"""Datasets: examples and targets, a train/test split, target encodings and standardisation.

Inputs and targets are stored one column per example, as the network reads them:

    X  (n_x, m)  float64       Y  (n_y, m)  float64       labels  (m,)  int   (classification)

A classification target with k classes is one 0/1 row when k = 2 and one-hot rows when k > 2:

    k = 2:  Y = [[y⁽¹⁾ … y⁽ᵐ⁾]],  y⁽ⁱ⁾ = label⁽ⁱ⁾ ∈ {0, 1}
    one-hot: Y[c, i] = 1 if label⁽ⁱ⁾ = c else 0        (k rows)

Standardisation maps x ↦ (x − μ)/σ per input row, with μ and σ from the training split only
(σ = 0 becomes 1), so the test split never leaks into the statistics. The built-in datasets are
in `builtin_data`, CSV files are read by `csv_data`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from .argument_checks import check_fraction, check_seed
from .features import check as check_features
from .features import expand as expand_features
from .metrics import true_classes

TASKS = ("classification", "regression")

#: The output's name when a two-class target is one 0/1 row (it is P(class 1)).
BINARY_OUTPUT_NAME = "class"


def _frozen(x, dtype=np.float64) -> np.ndarray:
    x = np.array(x, dtype=dtype)
    x.setflags(write=False)
    return x


@dataclass(frozen=True, eq=False)
class Dataset:
    """Training and test examples, column per example, with names for the drawing.

    X_train (n_x, m_train), Y_train (n_y, m_train), X_test (n_x, m_test), Y_test (n_y, m_test);
    m_test may be 0. All arrays are read-only copies. x_mean, x_std (n_x, 1) are set when the
    inputs are standardised. Classification keeps the class index of every example in
    labels_train/labels_test (derived from Y when not given).
    """

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
    #: extra input rows computed from (x1, x2), see `features.expand`; () for none
    features: tuple[str, ...] = ()

    def __post_init__(self):
        put = object.__setattr__
        for key in ("X_train", "Y_train", "X_test", "Y_test"):
            put(self, key, _frozen(getattr(self, key)))
        for key in ("input_names", "output_names", "class_names"):
            put(self, key, tuple(str(s) for s in getattr(self, key)))
        for key in ("x_mean", "x_std"):
            if getattr(self, key) is not None:
                put(self, key, _frozen(getattr(self, key)).reshape(-1, 1))
        if self.task == "classification":
            for key, Y in (("labels_train", self.Y_train), ("labels_test", self.Y_test)):
                labels = getattr(self, key)
                put(self, key, _frozen(true_classes(Y) if labels is None else labels, np.int64))
        self._check()

    def _check(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}, got {self.task!r}")
        Xs, Ys = (self.X_train, self.X_test), (self.Y_train, self.Y_test)
        if any(A.ndim != 2 for A in Xs + Ys):
            raise ValueError("X and Y must be 2-D: (n_x, m) and (n_y, m), one column per example")
        if self.X_test.shape[0] != self.n_inputs or self.Y_test.shape[0] != self.n_outputs:
            raise ValueError(f"train and test disagree: X {self.X_train.shape} vs "
                             f"{self.X_test.shape}, Y {self.Y_train.shape} vs {self.Y_test.shape}")
        if self.Y_train.shape[1] != self.m_train or self.Y_test.shape[1] != self.m_test:
            raise ValueError("X and Y must have the same number of columns (examples)")
        if len(self.input_names) != self.n_inputs or len(self.output_names) != self.n_outputs:
            raise ValueError(f"{self.n_inputs} inputs and {self.n_outputs} outputs need as many "
                             f"names, got {self.input_names} and {self.output_names}")
        if self.task == "classification":
            k = len(self.class_names)
            if k < 2:
                raise ValueError(f"classification needs at least 2 class names, got {k}")
            for labels, m in ((self.labels_train, self.m_train), (self.labels_test, self.m_test)):
                if labels.shape != (m,) or (m and not 0 <= labels.min() <= labels.max() < k):
                    raise ValueError(f"labels must be {m} class indices in 0..{k - 1}")

    # --- sizes -------------------------------------------------------------------------------
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

    # --- derived datasets --------------------------------------------------------------------
    def encoded_for(self, loss: str) -> Dataset:
        """Classification targets for `loss`: one-hot (k rows) for "cross_entropy" or k > 2,
        else one 0/1 row. Regression data is returned unchanged."""
        if self.task != "classification":
            return self
        k = self.n_classes
        one_hot = loss == "cross_entropy" or k > 2
        if self.n_outputs == (k if one_hot else 1):
            return self
        return dataclasses.replace(
            self, Y_train=encode(self.labels_train, k, one_hot),
            Y_test=encode(self.labels_test, k, one_hot),
            output_names=self.class_names if one_hot else (BINARY_OUTPUT_NAME,))

    def standardized(self) -> Dataset:
        """Inputs (x − μ)/σ, μ and σ (n_x, 1) from the training split (σ = 0 → 1). Idempotent."""
        if self.x_mean is not None:
            return self
        if self.m_train:
            mean = self.X_train.mean(axis=1, keepdims=True)
            std = self.X_train.std(axis=1, keepdims=True)
        else:
            mean, std = np.zeros((self.n_inputs, 1)), np.ones((self.n_inputs, 1))
        std = np.where(std > 0, std, 1.0)
        return dataclasses.replace(self, X_train=(self.X_train - mean) / std,
                                   X_test=(self.X_test - mean) / std, x_mean=mean, x_std=std)

    def with_features(self, names) -> Dataset:
        """The 2-D data with extra input rows (x1², x1·x2, sin x1, …) after x1, x2."""
        names = check_features(names)
        if not names:
            return self
        if self.features or self.x_mean is not None or self.n_inputs != 2:
            raise ValueError("input features apply to raw 2-D data (before standardising)")
        return dataclasses.replace(
            self, X_train=expand_features(self.X_train, names),
            X_test=expand_features(self.X_test, names),
            input_names=(*self.input_names, *names), features=names)

    def transform(self, X_raw) -> np.ndarray:
        """Raw inputs (n_x, m) as the network sees them: (x − μ)/σ if standardised, else x.

        With input features, 2-D points (x1, x2) are expanded first.
        """
        if self.features and np.shape(X_raw)[0] == 2:
            X_raw = expand_features(X_raw, self.features)
        X_raw = self._check_inputs(X_raw)
        return X_raw if self.x_mean is None else (X_raw - self.x_mean) / self.x_std

    def raw(self, X) -> np.ndarray:
        """The inverse of `transform`: network inputs (n_x, m) back in the data's own units."""
        X = self._check_inputs(X)
        return X if self.x_mean is None else X * self.x_std + self.x_mean

    def with_split(self, test_fraction: float, seed: int = 0) -> Dataset:
        """All examples (train and test together) re-split by a shuffle from `seed`.

        Standardised data is standardised again with the new training split's μ and σ.
        """
        check_fraction(test_fraction)
        X = np.concatenate([self.raw(self.X_train), self.raw(self.X_test)], axis=1)
        Y = np.concatenate([self.Y_train, self.Y_test], axis=1)
        labels = None
        if self.task == "classification":
            labels = np.concatenate([self.labels_train, self.labels_test])
        split = shuffle_split(X, Y, labels, test_fraction,
                              np.random.default_rng(check_seed(seed)))
        out = dataclasses.replace(self, x_mean=None, x_std=None, **split)
        return out.standardized() if self.x_mean is not None else out

    def _check_inputs(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1 and self.n_inputs == 1:
            X = X[None, :]
        if X.ndim != 2 or X.shape[0] != self.n_inputs:
            raise ValueError(f"inputs must have shape (n_x, m) = ({self.n_inputs}, m); "
                             f"got {X.shape}")
        return X


# --- building datasets -------------------------------------------------------------------------
def encode(labels, k: int, one_hot: bool) -> np.ndarray:
    """Targets from class indices (m,): (k, m) one-hot, or (1, m) 0/1 when k = 2 and not one_hot."""
    labels = np.asarray(labels, dtype=np.int64)
    if not one_hot and k == 2:
        return labels[None, :].astype(np.float64)
    Y = np.zeros((k, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def classification_data(name: str, X, labels, class_names, input_names,
                        description: str = "") -> Dataset:
    """All examples in the training split (m_test = 0); targets in the default encoding."""
    X = np.asarray(X, dtype=np.float64)
    k = len(class_names)
    Y = encode(labels, k, one_hot=k > 2)
    output_names = tuple(class_names) if k > 2 else (BINARY_OUTPUT_NAME,)
    return Dataset(name, X, Y, np.zeros((X.shape[0], 0)), np.zeros((Y.shape[0], 0)),
                   "classification", tuple(input_names), output_names, tuple(class_names),
                   labels_train=labels, labels_test=np.zeros(0, np.int64),
                   description=description)


def regression_data(name: str, X, Y, input_names, output_names=None,
                    description: str = "") -> Dataset:
    """All examples in the training split (m_test = 0); outputs named y or y1..yk by default."""
    X, Y = np.asarray(X, dtype=np.float64), np.asarray(Y, dtype=np.float64)
    if output_names is None:
        output_names = ("y",) if Y.shape[0] == 1 else tuple(f"y{j + 1}" for j in range(len(Y)))
    return Dataset(name, X, Y, np.zeros((X.shape[0], 0)), np.zeros((Y.shape[0], 0)),
                   "regression", tuple(input_names), tuple(output_names),
                   description=description)


def shuffle_split(X, Y, labels, test_fraction: float, rng: np.random.Generator) -> dict:
    """Shuffle the m columns; the first round(test_fraction·m) go to the test split.

    When test_fraction > 0 and m ≥ 2, each split keeps at least one example.
    """
    m = X.shape[1]
    order = rng.permutation(m)
    n_test = int(round(test_fraction * m))
    if test_fraction > 0 and m >= 2:
        n_test = min(max(n_test, 1), m - 1)
    test, train = order[:n_test], order[n_test:]
    out = {"X_train": X[:, train], "Y_train": Y[:, train], "X_test": X[:, test],
           "Y_test": Y[:, test]}
    if labels is not None:
        out["labels_train"], out["labels_test"] = labels[train], labels[test]
    return out
