"""What the Compare window draws and lists, without Qt: one `Curve` per run or pinned run.

A comparison's runs fill their curves from the worker's chunks (`Curve.add`), never by reading
the `RunResult`s the worker is still writing. A pinned curve is the main window's run at one
moment (`pinned_curve`, from `CostHistory.export()`); it stays when a new comparison starts.

Rows of an evaluation: (step, train J, test J, train accuracy, test accuracy), NaN where not
measured (as `Evaluation.row()` and `CostHistory.export()["metrics"]` give them).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field

import numpy as np

from ..compare_plot import OKABE_ITO
from ..engine.atomic import atomic_write_text
from .series import GrowingSeries

NAN = float("nan")
#: the varied setting's symbol in a label: "α = 0.01", "batch = 8", "hidden = 8-8"
SYMBOLS = {"lr": "α", "l2": "λ", "batch_size": "batch", "optimizer": "optimizer",
           "activation": "activation", "hidden": "hidden", "seed": "weight seed"}
#: line patterns of the train J line: a colour is reused only with another pattern, once
#: every Okabe-Ito colour is taken (dashes are the test J line's: not used here)
PATTERNS = ("solid", "dashdot", "dot", "dashdotdot")


def value_text(vary: str, value) -> str:
    """A value as `nnviz compare --csv` writes it: 0.01, 1.0, 8, 8-8."""
    if isinstance(value, tuple | list):  # hidden layers 8-8; other lists (features) a+b
        return ("-" if vary == "hidden" else "+").join(map(str, value))
    return str(value)


def value_label(vary: str, value) -> str:
    """"α = 0.01", "batch = 8", "hidden = 8-8" (no hidden layer: none)."""
    text = f"{value:g}" if isinstance(value, float) else value_text(vary, value) or "none"
    return f"{SYMBOLS.get(vary, vary)} = {text}"


def run_color(i: int) -> str:
    return OKABE_ITO[i % len(OKABE_ITO)]


def styles() -> list[tuple[str, int]]:
    """Every (colour, pattern index) in the order they are handed out: all colours first."""
    return [(c, k) for k in range(len(PATTERNS)) for c in OKABE_ITO]


def assign_styles(curves: list) -> None:
    """Give each curve a (colour, pattern) no earlier curve has, from one pool (`styles()`):
    a curve keeps its own if it is free, else takes the first free one. No colour is reused
    while another is unused, and no two curves look the same (up to 32 curves)."""
    pool, taken = styles(), set()
    for c in curves:
        if (c.color, c.pattern) in taken or (c.color, c.pattern) not in pool:
            free = [s for s in pool if s not in taken]
            c.color, c.pattern = free[0] if free else pool[len(taken) % len(pool)]
        taken.add((c.color, c.pattern))


@dataclass
class Curve:
    """One run's points: mini-batch J per step, evaluations, and how it ended."""

    label: str
    value: object  # the value (sorting); a pinned curve's is the main run's value
    value_text: str
    color: str
    steps_per_epoch: int = 1
    total_steps: int = 0
    pinned: bool = False
    run: int | None = None  # index in the comparison (None: pinned)
    batch: GrowingSeries = field(default_factory=GrowingSeries)
    evals: list = field(default_factory=list)  # rows (step, train, test, train acc, test acc)
    diverged_at: int = 0
    wall_time: float = NAN
    pattern: int = 0  # index in PATTERNS
    _evals_cache: tuple = field(default=(None, 0, None), repr=False, compare=False)

    def add(self, points) -> None:
        """Take a chunk's `RunPoints` of this run."""
        ok = np.isfinite(points.train_cost)
        self.batch.append(points.steps[ok], points.train_cost[ok])
        self.evals.extend(e.row() for e in points.evaluations)
        if points.diverged_at:
            self.diverged_at = int(points.diverged_at)

    @property
    def step(self) -> int:
        """The newest step with a point."""
        last = [self.batch.x[-1]] if len(self.batch) else []
        return int(max([*last, *self.eval_array()[-1:, 0]], default=0))  # (sorted by step)

    def eval_array(self) -> np.ndarray:
        """The evaluations as an (n, 5) array, one row per step (the newest wins)."""
        if not self.evals:
            return np.zeros((0, 5))
        key, n, cached = self._evals_cache
        if key is self.evals and n == len(self.evals):
            return cached
        new = np.array(self.evals[n:] if key is self.evals else self.evals, dtype=float)
        if key is self.evals and n and np.all(np.diff(np.r_[cached[-1, 0], new[:, 0]]) > 0):
            cached = np.concatenate([cached, new])  # rows only appended, steps increasing
        else:
            rows = {int(r[0]): r for r in self.evals}
            cached = np.array([rows[s] for s in sorted(rows)], dtype=float)
        cached.setflags(write=False)
        self._evals_cache = (self.evals, len(self.evals), cached)
        return cached

    @property
    def final(self) -> tuple:
        """The newest evaluation row, or NaNs (a pinned run with no evaluation yet: its
        newest mini-batch J as train J)."""
        a = self.eval_array()
        if len(a):
            return tuple(a[-1])
        last = self.batch.y[-1] if len(self.batch) else NAN
        return (self.step, last, NAN, NAN, NAN)

    def first_below(self, threshold: float | None) -> int | None:
        """The first evaluated step whose train J (whole training set, the plotted curve) was
        below `threshold` (as `Comparison` counts)."""
        if threshold is None:
            return None
        a = self.eval_array()
        below = np.flatnonzero(a[:, 1] < threshold)
        return int(a[below[0], 0]) if len(below) else None

    def x_of(self, steps, unit: str) -> np.ndarray:
        steps = np.asarray(steps, dtype=float)
        return steps / max(self.steps_per_epoch, 1) if unit == "epoch" else steps

    def csv_rows(self):
        """Rows (value, step, train_J, test_J, train_acc, test_acc) as `curve_rows()`."""
        evals = {int(r[0]): r for r in self.evals}
        if 0 in evals:
            yield (self.value_text, 0, NAN, *evals[0][2:])
        for step, J in zip(self.batch.x.tolist(), self.batch.y.tolist(), strict=True):
            e = evals.get(int(step))
            yield (self.value_text, int(step), J, *(e[2:] if e is not None else (NAN,) * 3))


def curves_for(comparison, kept: list | None = None) -> list[Curve]:
    """Empty curves for the comparison's runs, coloured in order, skipping the colours of
    the `kept` curves (which keep theirs)."""
    kept = list(kept or [])
    runs = [Curve(value_label(comparison.vary, r.value), r.value,
                  value_text(comparison.vary, r.value), run_color(i), r.steps_per_epoch,
                  r.total_steps, run=i) for i, r in enumerate(comparison.runs)]
    assign_styles([*kept, *runs])
    return runs


def pinned_curve(export: dict, label: str, value, steps_per_epoch: int, others: list) -> Curve:
    """The main window's run as a pinned curve (`CostHistory.export()`), in a colour (and
    pattern) none of the `others` has."""
    c = Curve(label, value, label, "", max(steps_per_epoch, 1), pinned=True)
    assign_styles([*others, c])
    xs, ys = np.asarray(export["steps"], float), np.asarray(export["values"], float)
    ok = np.isfinite(ys)
    c.batch.append(xs[ok], ys[ok])
    rows = np.asarray(export["metrics"], float).reshape(-1, 5)
    c.evals = [tuple(r) for r in rows if np.isfinite(r[1])]
    c.total_steps = c.step
    return c


def sort_key(value) -> tuple:
    """A key that sorts numbers as numbers, text as text, missing values last."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (2, 0.0)
    if isinstance(value, tuple):  # hidden layers: by the number of neurons, then the sizes
        return (0, float(sum(value)), *value)
    if isinstance(value, int | float | np.number):
        return (0, float(value))
    return (1, str(value))


TABLE_HEADER = ("value", "final_train_J", "final_test_J", "accuracy", "first_below_step",
                "wall_time_s", "diverged_at")


def table_row(c: Curve, threshold: float | None) -> tuple:
    """(value, train J, test J, accuracy, first step below threshold, wall time, diverged
    at): accuracy on the test split where there is one, else on the training split. A run
    that diverged has no final J or accuracy (None: its frozen weights say nothing)."""
    _, train, test, train_acc, test_acc = c.final
    acc = test_acc if math.isfinite(test_acc) else train_acc
    if c.diverged_at:
        train = test = acc = None
    return (c.label, train, test, acc, c.first_below(threshold), c.wall_time,
            c.diverged_at or None)


def _cell(x) -> str:
    if x is None or (isinstance(x, float | np.floating) and not math.isfinite(x)):
        return ""
    return repr(float(x)) if isinstance(x, float | np.floating) else str(x)


def curves_csv(curves: list[Curve]) -> str:
    """`nnviz compare --csv`'s long format: value,step,train_J,test_J,train_acc,test_acc."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["value", "step", "train_J", "test_J", "train_acc", "test_acc"])
    for c in curves:
        for row in c.csv_rows():
            w.writerow([row[0], row[1], *(_cell(float(x)) for x in row[2:])])
    return out.getvalue()


def table_csv(curves: list[Curve], threshold: float | None) -> str:
    """One row per curve (TABLE_HEADER). Empty fields: not measured, or (J, accuracy) a run
    that diverged (its diverged_at says where); no inf or NaN is written."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(TABLE_HEADER)
    for c in curves:
        w.writerow([_cell(x) for x in table_row(c, threshold)])
    return out.getvalue()


def write_csv(path, text: str) -> None:
    atomic_write_text(path, text)


def curves_to_dicts(curves: list[Curve]) -> list[dict]:
    """The curves for a session file (JSON-ready; NaN as None)."""
    def num(x):
        return None if x is None or not math.isfinite(float(x)) else float(x)

    return [{"label": c.label, "value_text": c.value_text, "color": c.color,
             "pattern": int(c.pattern),
             "steps_per_epoch": int(c.steps_per_epoch), "diverged_at": int(c.diverged_at),
             "steps": c.batch.x.tolist(), "costs": c.batch.y.tolist(),
             "evaluations": [[num(v) for v in row] for row in c.evals]} for c in curves]


def curves_from_dicts(items) -> list[Curve]:
    """Curves from a session file, kept (pinned: their networks are not stored); ValueError
    says what is wrong with an entry."""
    if not isinstance(items, list):
        raise ValueError("'comparison' must be a list of curves")
    out = []
    for i, d in enumerate(items):
        try:
            steps = np.asarray(d["steps"], dtype=float)
            costs = np.asarray(d["costs"], dtype=float)
            evals = [tuple(NAN if v is None else float(v) for v in row)
                     for row in d["evaluations"]]
            label, color = str(d["label"]), str(d["color"])
            if steps.shape != costs.shape or steps.ndim != 1 or \
                    any(len(row) != 5 for row in evals) or np.any(np.diff(steps) < 0):
                raise ValueError("steps and costs must be lists of equal length, steps "
                                 "increasing; evaluations rows of 5 numbers")
            c = Curve(label, label, str(d.get("value_text", label)), color,
                      max(int(d.get("steps_per_epoch", 1)), 1), pinned=True,
                      diverged_at=int(d.get("diverged_at", 0)),
                      pattern=int(d.get("pattern", 0)) % len(PATTERNS))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"comparison curve {i}: {exc}") from None
        c.batch.append(steps, costs)
        c.evals = evals
        c.total_steps = c.step
        out.append(c)
    return out
