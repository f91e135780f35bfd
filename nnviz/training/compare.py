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

The parts: what varies and how a run is named (`compare_values`), the runs that train together
(`compare_groups`), each run's results (`compare_results`); `Comparison` puts them together.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..engine.stacked_optimizers import STACKED_OPTIMIZERS
from .compare_groups import _Group
from .compare_results import RunResult, Update, first_below
from .compare_values import canonical_variable, label
from .setup import Setup, build_data, build_network

__all__ = ["Comparison"]


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
