"""Compare runs: the course's learning-rate experiment, and its cousins.

"Prueba diferentes valores: learning_rates = [0.001, 0.01, 0.1, 1.0]": train the same set-up once
per value of one setting, then compare the final costs and the cost curves.

    comparison = Comparison(setup, "lr", [0.001, 0.01, 0.1, 1.0], epochs=100)
    for update in comparison.updates(chunk_steps=500):   # a worker thread's loop
        ...                                               # update.points: new cost points
    for run in comparison.runs:
        print(run.label, run.final.train_cost, run.diverged_at)

What varies: `lr`, `batch_size`, `optimizer`, `activation` (hidden layers), `hidden` (the hidden
layer sizes), `seed` (the weight seed: `Setup.weight_seed`, `nnviz train --weight-seed`), `l2`.
Every run is the run `nnviz train` makes with the same options and that value: same data, same
initial weights (the set-up's seed), and the same mini-batches in the same order (shuffled from
the base set-up's seed), so the only difference is the setting. Two consequences to know: with
`seed` varied, only the weights differ, the batches keeping the base seed's order (the run of
`nnviz train --weight-seed N`, not of `--seed N`, which also reshuffles); with `activation`
varied, each run draws its weights from the same seed with its own scheme (Glorot for
tanh/sigmoid, He for relu), as `nnviz train` does.

Runs that share a shape, activations, optimizer and batch size train together in a
`StackedNetwork` (one NumPy call per layer for all of them); a run alone in its group, or whose
optimizer has no stacked form (not in `STACKED_OPTIMIZERS`), trains as a plain `Network`; the
groups take their turns chunk by chunk. A run that diverges is frozen at its last finite weights
with `diverged_at` set.

Driving it from a GUI worker: call `advance(chunk_steps)` (or iterate `updates(chunk_steps)`)
repeatedly; each call trains every unfinished run by up to `chunk_steps` steps and returns the
new cost points. Cancelling: `cancel()` (thread-safe: it only sets a flag) makes `updates()` stop
after the current chunk; or simply stop calling `advance`. `done` says when every run finished.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..engine import DivergenceError
from ..engine.stacked import STACKED_OPTIMIZERS, StackedNetwork
from ..engine.trainer import Evaluation, Trainer, in_order
from .setup import Setup, build_data, build_network

#: What can vary, and how a value is written in labels.
VARIABLES = ("lr", "batch_size", "optimizer", "activation", "hidden", "seed", "l2")
_ALIASES = {"learning_rate": "lr", "alpha": "lr", "batch-size": "batch_size", "batch": "batch_size",
            "layers": "hidden", "weight_seed": "seed", "lambda": "l2"}


def canonical_variable(name: str) -> str:
    """The variable's canonical name ("batch-size" → "batch_size"), or a ValueError."""
    key = _ALIASES.get(name, name)
    if key not in VARIABLES:
        raise ValueError(f"cannot vary {name!r}; choose one of: {', '.join(VARIABLES)}")
    return key


def parse_values(vary: str, text: str) -> list:
    """The values of `--values` for the variable: comma-separated; hidden layers as 8-8."""
    vary = canonical_variable(vary)
    items = [s.strip() for s in str(text).split(",") if s.strip()]
    if not items:
        raise ValueError("--values needs at least one value, e.g. 0.001,0.01,0.1,1.0")
    try:
        if vary in ("lr", "l2"):
            values = [float(s) for s in items]
        elif vary in ("batch_size", "seed"):
            values = [int(s) for s in items]
        elif vary == "hidden":
            values = [tuple(int(n) for n in s.split("-")) if s not in ("none", "0") else ()
                      for s in items]
        else:
            values = items
    except ValueError:
        raise ValueError(f"--values for {vary}: cannot read {text!r} "
                         + ("(hidden layers as sizes joined by '-', e.g. 4,8-8,16-16-16)"
                            if vary == "hidden" else "")) from None
    if vary in ("lr", "l2") and not all(math.isfinite(v) and v >= 0 for v in values):
        raise ValueError(f"--values for {vary} must be finite and not negative: {text!r}")
    if vary == "batch_size" and min(values) < 1:
        raise ValueError(f"batch sizes must be at least 1: {text!r}")
    if vary == "hidden" and any(n < 1 for v in values for n in v):
        raise ValueError(f"hidden layer sizes must be at least 1: {text!r}")
    return values


def label(vary: str, value) -> str:
    """How a run is named: α=0.01, batch_size=8, hidden=8-8, …"""
    vary = canonical_variable(vary)
    if vary == "lr":
        return f"α={value:g}"
    if vary == "hidden":
        return f"hidden={'-'.join(map(str, value)) or 'none'}"
    if vary == "seed":  # as `nnviz train --weight-seed`
        return f"weight_seed={value}"
    if isinstance(value, float):
        return f"{vary}={value:g}"
    return f"{vary}={value}"


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


class _Batches:
    """The mini-batches a `Trainer` with this batch size and seed takes, in its order (the
    same shuffling stream and epoch logic; a test checks them against `Trainer`)."""

    def __init__(self, data, batch_size: int, seed: int):
        self._data, self._B, self._m = data, batch_size, data.m_train
        self._rng = np.random.default_rng([seed, 1])
        self._shuffle()

    def _shuffle(self) -> None:
        order = self._rng.permutation(self._m)
        self._X = in_order(self._data.X_train, order)
        self._Y = in_order(self._data.Y_train, order)
        self._position = 0

    def next(self) -> tuple[np.ndarray, np.ndarray, bool]:
        """(X, Y, this batch ends an epoch)."""
        if self._position >= self._m:
            self._shuffle()
        start = self._position
        stop = self._position = min(start + self._B, self._m)
        return self._X[:, start:stop], self._Y[:, start:stop], stop >= self._m


class _Single:
    """One run alone: a plain Network behind the part of StackedNetwork's interface that a
    group uses (a stack of one would be slower than the network itself)."""

    def __init__(self, net):
        self.net = net
        self.diverged_at = np.zeros(1, dtype=int)
        self.active = np.ones(1, dtype=bool)

    @property
    def n_active(self) -> int:
        return int(self.active[0])

    def train_step(self, X, Y, out: np.ndarray) -> np.ndarray:
        if not self.active[0]:
            out[0] = np.nan
            return out
        try:
            out[0] = self.net.train_step(X, Y)
        except DivergenceError as exc:
            self.diverged_at[0], self.active[0], out[0] = exc.step, False, np.nan
        return out

    def parameters(self, j: int) -> np.ndarray:
        return self.net.theta.copy()

    def run_step(self, j: int) -> int:
        return self.net.step

    def network(self, j: int):
        return self.net.copy()


class _Group:
    """Runs that train stacked: same network shape, activations, optimizer and batch size."""

    def __init__(self, runs: list[int], results: list[RunResult], data, total: int,
                 shuffle_seed: int):
        self.runs, self.data, self.total = runs, data, total
        nets = [build_network(results[i].setup, data) for i in runs]
        batch = results[runs[0]].setup.batch_size
        # one Trainer per run, for its evaluations only (the very numbers `nnviz train` reports)
        self.evaluators = [Trainer(net, data, batch_size=batch, seed=shuffle_seed)
                           for net in nets]
        self.stack = StackedNetwork(nets) if len(nets) > 1 else _Single(nets[0])
        self.batches = _Batches(data, batch, shuffle_seed)
        self.step = 0
        self.started = False
        self.history = np.full((total, len(runs)), np.nan)
        self.evaluated = [set() for _ in runs]
        for i in runs:
            results[i].stacked_with = len(runs)

    @property
    def done(self) -> bool:
        return self.step >= self.total or not self.stack.n_active

    def evaluate(self, j: int) -> Evaluation:
        net = self.evaluators[j].net
        np.copyto(net.theta, self.stack.parameters(j))
        net.step = self.stack.run_step(j)
        return self.evaluators[j].evaluate()

    def advance(self, n: int, results: list[RunResult]) -> list[RunPoints]:
        start, new_evals = self.step, [[] for _ in self.runs]
        if not self.started:
            self.started = True
            for j in range(len(self.runs)):
                new_evals[j].append(self.evaluate(j))
        stop = min(self.total, start + n)
        t0 = time.perf_counter()
        train_step, nxt, history = self.stack.train_step, self.batches.next, self.history
        with np.errstate(all="ignore"):  # diverging runs are detected from their values
            for t in range(start, stop):
                X, Y, epoch_end = nxt()
                train_step(X, Y, history[t])
                self.step = t + 1
                if epoch_end or t + 1 == self.total:
                    for j, active in enumerate(self.stack.active):
                        if active:
                            new_evals[j].append(self.evaluate(j))
                if not self.stack.n_active:
                    break
        elapsed = time.perf_counter() - t0
        out = []
        for j, i in enumerate(self.runs):
            r = results[i]
            diverged = int(self.stack.diverged_at[j])
            end = self.step if not diverged else min(self.step, diverged - 1)
            first = min(r.step, end)
            steps = np.arange(first + 1, end + 1)
            costs = history[first:end, j].copy()
            r.steps = np.arange(1, end + 1)
            r.train_cost = history[:end, j]
            r.evaluations.extend(new_evals[j])
            if diverged and not r.diverged_at:
                r.diverged_at = diverged
                new_evals[j].append(self.evaluate(j))  # where it was frozen
                r.evaluations.append(new_evals[j][-1])
            r.wall_time += elapsed
            out.append(RunPoints(i, steps, costs, tuple(new_evals[j]), diverged))
        return out


class Comparison:
    """Train `base` once per value of `vary`, for `epochs` epochs or `steps` steps each.

    `threshold`: record the first evaluated step whose train J on the whole training set fell
    below it (`RunResult.reached_at`, `first_below`).
    """

    def __init__(self, base: Setup, vary: str = "lr", values: Sequence = (0.001, 0.01, 0.1, 1.0),
                 epochs: int | None = None, steps: int | None = None,
                 threshold: float | None = None):
        if epochs is not None and steps is not None:
            raise ValueError("give epochs or steps, not both")
        if (epochs is not None and epochs < 0) or (steps is not None and steps < 0):
            raise ValueError("epochs and steps must not be negative")
        if base.frozen:
            raise ValueError("a comparison trains all parameters: the set-up freezes "
                             f"{', '.join(base.frozen)}")
        self.vary = canonical_variable(vary)
        if base.model is not None and self.vary in ("activation", "seed"):
            raise ValueError(f"the runs start from a model file, which fixes the weights and "
                             f"activations: vary something else than {self.vary}")
        values = list(values)
        if not values:
            raise ValueError("a comparison needs at least one value")
        self.base, self.values, self.threshold = base, values, threshold
        self.epochs = 100 if epochs is None and steps is None else epochs
        self.total_steps = steps
        self._cancelled = False
        data = self.data = build_data(base)
        self.runs: list[RunResult] = []
        for value in values:
            # `seed` varies the weights only (`nnviz train --weight-seed`): batches stay base's
            key = "weight_seed" if self.vary == "seed" else self.vary
            setup = base.replace(**{key: tuple(value) if self.vary == "hidden" else value})
            if self.vary == "hidden":
                setup = setup.replace(model=None)
            build_network(setup, data)  # a clear error now, before any training
            B = min(setup.batch_size, data.m_train)
            per_epoch = -(-data.m_train // B)
            total = steps if steps is not None else self.epochs * per_epoch
            self.runs.append(RunResult(value, label(self.vary, value), setup, per_epoch, total))
        self.groups: list[_Group] = []
        keys: dict[tuple, list[int]] = {}
        for i, r in enumerate(self.runs):
            s = r.setup
            key = (s.hidden, s.activation, s.output, s.optimizer, s.batch_size,
                   s.model is not None)
            if s.optimizer not in STACKED_OPTIMIZERS:  # no stacked form: a group of its own
                key += (i,)
            keys.setdefault(key, []).append(i)
        for runs in keys.values():
            self.groups.append(_Group(runs, self.runs, data, self.runs[runs[0]].total_steps,
                                      base.seed))

    # --- driving it -------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        return all(g.done for g in self.groups)

    def cancel(self) -> None:
        """Stop `updates()` after the current chunk (safe to call from another thread)."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def advance(self, chunk_steps: int = 1000) -> Update:
        """Train every unfinished run by up to `chunk_steps` steps; the new points."""
        points = []
        for g in self.groups:
            if not g.done or not g.started:
                points += g.advance(max(1, int(chunk_steps)), self.runs)
        self._update_thresholds()
        return Update(tuple(sorted(points, key=lambda p: p.run)), self.done)

    def updates(self, chunk_steps: int = 1000) -> Iterator[Update]:
        """`advance` until done or cancelled, yielding after each chunk."""
        while not self._cancelled:
            update = self.advance(chunk_steps)
            yield update
            if update.done:
                return

    def run(self, chunk_steps: int = 10_000) -> list[RunResult]:
        """Train everything (until done or cancelled); the results."""
        for _ in self.updates(chunk_steps):
            pass
        return self.runs

    def _update_thresholds(self) -> None:
        if self.threshold is not None:
            for r in self.runs:
                if r.reached_at is None:
                    r.reached_at = first_below(r.evaluations, self.threshold)

    # --- results ----------------------------------------------------------------------------
    def network(self, run: int):
        """Run `run` as an ordinary Network (to open it as the main network)."""
        for g in self.groups:
            if run in g.runs:
                net = g.stack.network(g.runs.index(run))
                net.input_names = list(self.data.input_names)
                net.output_names = list(self.data.output_names)
                return net
        raise IndexError(f"no run {run}")

    def curve_rows(self) -> Iterator[tuple]:
        """The curves in long format: (value, step, train_J, test_J, train_acc, test_acc).

        One row per step with the mini-batch train J; the rows of evaluated steps (step 0,
        every epoch's end, the last step) carry test J and both accuracies (NaN where there is
        no test split or no accuracy); step 0 has no mini-batch J (NaN).
        """
        nan = float("nan")
        for r in self.runs:
            value = "-".join(map(str, r.value)) if self.vary == "hidden" else r.value
            evals = {e.step: e for e in r.evaluations}
            if 0 in evals:
                e = evals[0]
                yield value, 0, nan, e.test_cost, e.train_accuracy, e.test_accuracy
            for step, J in zip(r.steps.tolist(), r.train_cost.tolist(), strict=True):
                e = evals.get(step)
                yield (value, step, J, *((e.test_cost, e.train_accuracy, e.test_accuracy)
                                         if e else (nan, nan, nan)))
