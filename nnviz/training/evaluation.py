"""The whole-set train and test metrics, in slices a worker can stop between.

    J = (1/m) Σᵢ Jᵢ (+ the L2 term) = Σₛ (mₛ/m) J(slice s),   accuracy = (Σₛ correctₛ) / m

`Trainer.evaluate` makes two forward passes over every example: 150,000 examples through
2-64-64-2 take 0.4 s, too long for a worker that must answer Pause within 100 ms. A data set
that fits in one slice is evaluated at once, with `Trainer.evaluate` itself; a larger one by
`evaluation_steps`, a generator that does one slice (about SLICE_WORK multiply-adds, a few ms) per
`next()` and returns the same `Evaluation` (up to rounding: the mean is summed by slices).
Nothing is shown before the last slice: a partial sum is never presented as the whole-set J.
"""

from __future__ import annotations

from collections.abc import Generator

import numpy as np

from ..engine.metrics import predicted_classes, true_classes
from ..engine.trainer import Evaluation

#: multiply-adds (examples × parameters) per slice: about 5 ms of forward passes
SLICE_WORK = 1 << 23


def slice_size(net) -> int:
    """Examples per slice for `net` (at least 64)."""
    return max(64, SLICE_WORK // max(1, int(net.theta.size)))


def fits_one_slice(trainer) -> bool:
    """Is the whole data set (train and test) one slice? Then evaluate it at once."""
    d = trainer.data
    return d.m_train + d.m_test <= slice_size(trainer.net)


def evaluation_steps(trainer) -> Generator[None, None, Evaluation]:
    """`trainer.evaluate()` one slice per `next()`; returns the Evaluation (StopIteration)."""
    d, net = trainer.data, trainer.net
    size = slice_size(net)
    classification = d.task == "classification"
    measured = []
    for X, Y in ((d.X_train, d.Y_train), (d.X_test, d.Y_test)):
        m = X.shape[1]
        total, correct = 0.0, 0
        for start in range(0, m, size):
            Xs, Ys = X[:, start:start + size], Y[:, start:start + size]
            J, A = net.cost_and_output(Xs, Ys)
            total += J * Xs.shape[1]
            if classification:
                correct += int(np.count_nonzero(predicted_classes(A) == true_classes(Ys)))
            yield
        nan = float("nan")
        measured.append((total / m if m else nan,
                         correct / m if m and classification else nan))
    (train_cost, train_acc), (test_cost, test_acc) = measured
    return Evaluation(net.step, train_cost, test_cost, train_acc, test_acc)
