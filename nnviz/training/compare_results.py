"""A comparison's results: each run's curves and outcome (`RunResult`), what one chunk of
training added (`RunPoints`, `Update`), and the step at which J first fell below a threshold
(`first_below`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..engine.trainer import Evaluation
from .setup import Setup


def first_below(evaluations: Sequence[Evaluation], threshold: float) -> int | None:
    """The step of the first evaluation whose train J (on the whole training set: the curve
    the plot draws) is below `threshold`, or None. Evaluations come at step 0, after every
    epoch and at the end, so the step is one of those."""
    for e in evaluations:
        if e.train_cost < threshold:
            return int(e.step)
    return None


@dataclass
class RunResult:
    """One run of a comparison: its value, its curves and its outcome (live while it trains).

    `steps`/`train_cost`: the mini-batch cost J at every step (before that step's update, as
    `Network.train_step` returns it). `evaluations`: train/test J and accuracy on the whole
    splits at step 0, after every epoch and at the end (`Trainer.evaluate`). `reached_at`: the
    first evaluated step whose whole-training-set J was below the comparison's threshold
    (`first_below`; None if never or no threshold). `wall_time`: seconds of training of this
    run's group (stacked runs share it). `diverged_at`: the step at which the run diverged (0
    if it did not).
    """

    value: object
    label: str
    setup: Setup
    steps_per_epoch: int = 0
    total_steps: int = 0
    steps: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    train_cost: np.ndarray = field(default_factory=lambda: np.zeros(0))
    evaluations: list[Evaluation] = field(default_factory=list)
    reached_at: int | None = None
    wall_time: float = 0.0
    diverged_at: int = 0
    stacked_with: int = 1

    @property
    def final(self) -> Evaluation | None:
        """The latest evaluation (the final one once the run is done)."""
        return self.evaluations[-1] if self.evaluations else None

    @property
    def step(self) -> int:
        return len(self.steps)


@dataclass(frozen=True)
class RunPoints:
    """New points of one run since the previous update: steps, mini-batch J, evaluations."""

    run: int
    steps: np.ndarray
    train_cost: np.ndarray
    evaluations: tuple[Evaluation, ...]
    diverged_at: int


@dataclass(frozen=True)
class Update:
    """What one `advance` call produced, per run with anything new; `done` when all finished."""

    points: tuple[RunPoints, ...]
    done: bool
