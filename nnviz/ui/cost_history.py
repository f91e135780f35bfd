"""What the cost plot remembers of a run, without Qt: J per step, train/test J and accuracy per
evaluation, the epochs, and the "ghost" of a run replaced after going back in the history.

Snapshots carry only what is new since the previous one (`cost_steps`, `cost_values`,
`metrics` rows of (step, train_cost, test_cost, train_accuracy, test_accuracy)); `add` appends
them. A snapshot at an earlier step than the data (going back) is `behind`: the later points stay
until a replay's first new point drops them (a future that no longer happened), keeping the
replaced train cost as the ghost. A reset (step 0 with nothing else kept) drops everything.
"""

from __future__ import annotations

import math

import numpy as np

from .series import GrowingSeries

#: above this many per-step points the oldest half is merged into its min/max envelope
MAX_POINTS = 1 << 22  # 4.2 M points, 64 MiB
METRICS = ("train_cost", "test_cost", "train_accuracy", "test_accuracy")


def interp(x: float, xp: np.ndarray, fp: np.ndarray) -> float:
    """Piecewise linear through (xp, fp) (≥ 2 points), extended linearly past the last."""
    if x > xp[-1] and xp[-1] > xp[-2]:
        return float(fp[-1] + (x - xp[-1]) * (fp[-1] - fp[-2]) / (xp[-1] - xp[-2]))
    return float(np.interp(x, xp, fp))


class CostHistory:
    """The run's cost and metrics as growing series (x = step, non-decreasing)."""

    def __init__(self, max_points: int = MAX_POINTS):
        self.max_points = max_points
        self.steps = GrowingSeries()  # J of each step's batch
        self.metrics = {k: GrowingSeries(256) for k in METRICS}
        self.ghost = GrowingSeries(16)  # the replaced run's train cost
        self.edits = GrowingSeries(16)  # (step, train J after) of the user's edits
        self.clear()

    def clear(self) -> None:
        """Forget every point."""
        for series in (self.steps, self.ghost, self.edits, *self.metrics.values()):
            series.clear()
        self.epoch_steps, self.epoch_values = [0.0], [0.0]  # where each epoch was seen first
        self.epoch_version = 0  # changes whenever the epoch anchors do
        self.step = 0.0  # of the newest snapshot
        self.behind = False  # the newest snapshot is earlier than the data (went back)
        self.min_positive = math.inf  # smallest J > 0 seen: the floor in log scale
        self.ghost_changed = False

    # --- adding --------------------------------------------------------------------------------
    def add(self, snapshot) -> None:
        """Append the snapshot's new cost points and metrics rows."""
        step = float(snapshot.step)
        if step == 0 and len(snapshot.history) <= 1:
            self.truncate(step)  # a reset
        self.step = step
        xs, ys = np.asarray(snapshot.cost_steps), np.asarray(snapshot.cost_values)
        if len(xs):
            if len(self.steps) and xs[0] <= self.steps.x[-1]:  # a replay from an earlier step
                self._keep_ghost(xs[0] - 0.5)
                self.truncate(xs[0] - 0.5)
            self.steps.append(xs, ys)
            self._note_positive(ys)
            if len(self.steps) > self.max_points:
                self.steps.compact()
        rows = np.asarray(snapshot.metrics).reshape(-1, 5)
        self.behind = bool(len(self.steps) > 0 and step < self.steps.x[-1])
        if len(rows) and not self.behind:  # (an earlier state's evaluation: the status bar's)
            for col, series in enumerate(self.metrics.values(), start=1):
                series.truncate(rows[0, 0])
                ok = np.isfinite(rows[:, col])
                series.append(rows[ok, 0], rows[ok, col])
            self._note_positive(rows[:, 1:3])
        if getattr(snapshot, "edit", False):
            self.edits.truncate(step, side="left")
            J = rows[-1, 1] if len(rows) and rows[-1, 0] == step else np.nan
            self.edits.append([step], [J])
        if snapshot.epoch != self.epoch_values[-1] and step > self.epoch_steps[-1]:
            self.epoch_steps.append(step)
            self.epoch_values.append(float(snapshot.epoch))
            self.epoch_version += 1

    def truncate(self, step: float) -> None:
        """Drop every point after `step`."""
        for series in (self.steps, self.edits, *self.metrics.values()):
            series.truncate(step, side="right")
        while len(self.epoch_steps) > 1 and self.epoch_steps[-1] > step:
            self.epoch_steps.pop()
            self.epoch_values.pop()
            self.epoch_version += 1

    def _keep_ghost(self, step: float) -> None:
        """Keep the train cost after `step` (and the point before it) as the ghost."""
        series = self.metrics["train_cost"]
        x, y = series.x, series.y
        i = int(np.searchsorted(x, step, side="right"))
        if i >= len(x):
            return  # nothing after `step`: the previous ghost, if any, stays
        lo = max(i - 1, 0)
        self.ghost.clear()
        self.ghost.append(x[lo:], y[lo:])
        self.ghost_changed = True

    def _note_positive(self, values: np.ndarray) -> None:
        positive = values[values > 0]
        if positive.size:
            self.min_positive = min(self.min_positive, float(positive.min()))

    # --- sessions ------------------------------------------------------------------------------
    def export(self) -> dict:
        """{"steps", "values", "metrics"} for a session file: J per step, and the metrics rows
        (step, train_cost, test_cost, train_accuracy, test_accuracy), NaN where not measured."""
        m = self.metrics
        steps = np.unique(np.concatenate([m[k].x for k in METRICS]))
        rows = np.full((len(steps), 5), np.nan)
        rows[:, 0] = steps
        for col, key in enumerate(METRICS, start=1):
            rows[np.searchsorted(steps, m[key].x), col] = m[key].y
        return {"steps": self.steps.x.copy(), "values": self.steps.y.copy(), "metrics": rows}

    def load(self, cost: dict, step: int, epoch: int) -> None:
        """Replace everything with a session's cost history, the run being at `step`."""
        self.clear()
        xs, ys = np.asarray(cost["steps"], dtype=float), np.asarray(cost["values"], dtype=float)
        self.steps.append(xs, ys)
        self._note_positive(ys)
        rows = np.asarray(cost["metrics"], dtype=float).reshape(-1, 5)
        for col, series in enumerate(self.metrics.values(), start=1):
            ok = np.isfinite(rows[:, col])
            series.append(rows[ok, 0], rows[ok, col])
        self._note_positive(rows[:, 1:3])
        self.step = float(step)
        if epoch:
            self.epoch_steps.append(float(step))
            self.epoch_values.append(float(epoch))
            self.epoch_version += 1
        self.behind = bool(len(self.steps) and step < self.steps.x[-1])

    # --- reading -------------------------------------------------------------------------------
    def has_accuracy(self) -> bool:
        return bool(len(self.metrics["train_accuracy"]) or len(self.metrics["test_accuracy"]))

    def has_epochs(self) -> bool:
        return len(self.epoch_steps) > 1

    def epoch_anchors(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, epochs) where each epoch was first seen: the step → epoch map."""
        return np.array(self.epoch_steps), np.array(self.epoch_values)

    def epoch_at(self, step: float) -> float:
        return interp(step, *self.epoch_anchors())

    def last_x(self) -> float:
        """The largest step with data (or the newest snapshot's step)."""
        ends = [s.x[-1] for s in (self.steps, *self.metrics.values()) if len(s)]
        return max([self.step, *ends])

    def values_at(self, x: float, accuracy: bool = True) -> dict[str, float]:
        """The recorded values nearest to step x: step, J, train_cost, … (those that exist)."""
        out = {}
        i = self.steps.nearest(x)
        if i >= 0:
            out["step"], out["J"] = float(self.steps.x[i]), float(self.steps.y[i])
        for key, series in self.metrics.items():
            j = series.nearest(x)
            if j >= 0 and (key.endswith("cost") or accuracy):
                out[key] = float(series.y[j])
                out.setdefault("step", float(series.x[j]))
        return out
