"""The runs of a comparison that train together (`_Group`): the same mini-batches for all
(`_Batches`, in `Trainer`'s order), one `StackedNetwork` for all, or a plain `Network` behind
the same interface (`_Single`), and one `Trainer` per run for its evaluations.
"""

from __future__ import annotations

import time

import numpy as np

from ..engine import DivergenceError
from ..engine.stacked import StackedNetwork
from ..engine.trainer import Evaluation, Trainer, in_order
from .compare_results import RunPoints, RunResult
from .setup import build_network


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
