"""How long one refresh of the cost plot takes, by history length and drawing strategy.

A refresh = append 100 new points + hand the curve its data + repaint (`grab()` of a 900×350
widget, offscreen). Variants, alternated in rounds in one process (medians in ms):

    plain        one curve, `setData(x, y)` of the whole history, auto-range on (the naive way)
    pg peak      one curve, `setDownsampling(auto=True, mode="peak")` + `setClipToView(True)`,
                 x range grown in steps (clipping needs a fixed x range)
    envelope     one curve, `GrowingSeries.envelope` (min/max per block) of the visible range
    CostPlot     the widget itself: per-step J, train/test J, train/test accuracy, legend
    (+ log)      the same with a log y axis

    uv run python bench/plot_bench.py [--rounds 5] [--frames 20]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nnviz.engine import Network  # noqa: E402
from nnviz.engine.snapshot import make_snapshot  # noqa: E402
from nnviz.ui.cost_plot import CostPlot, nice_above  # noqa: E402
from nnviz.ui.series import GrowingSeries  # noqa: E402

W, H = 900, 350
BATCH = 100


def cost_curve(steps: np.ndarray, rng) -> np.ndarray:
    """A decaying, noisy batch cost."""
    return np.abs((0.05 + 0.65 * np.exp(-steps / 2e5)) * (1 + 0.5 * rng.standard_normal(
        steps.size)))


class Bare:
    """A PlotWidget with one curve, fed from a GrowingSeries."""

    def __init__(self, n: int, mode: str, log: bool):
        self.mode, self.rng = mode, np.random.default_rng(1)
        self.widget = pg.PlotWidget(background="w")
        self.widget.resize(W, H)
        self.widget.show()
        self.plot = self.widget.getPlotItem()
        self.plot.setLogMode(y=log)
        self.curve = self.plot.plot(pen=pg.mkPen("#777777", width=1))
        if mode == "peak":
            self.plot.setDownsampling(auto=True, mode="peak")
            self.plot.setClipToView(True)
        self.series = GrowingSeries()
        steps = np.arange(1, n + 1, dtype=float)
        self.series.append(steps, cost_curve(steps, self.rng))
        self.x_max = 0.0
        if mode != "plain":
            self.plot.setYRange(*((-3, 1) if log else (0, 2)))

    def frame(self) -> None:
        start = self.series.x[-1] + 1
        steps = np.arange(start, start + BATCH)
        self.series.append(steps, cost_curve(steps, self.rng))
        if self.mode != "plain" and steps[-1] >= self.x_max:
            self.x_max = nice_above(1.1 * steps[-1])
            self.plot.setXRange(0, self.x_max, padding=0.01)
        if self.mode == "envelope":
            x0, x1 = self.plot.vb.viewRange()[0]
            self.curve.setData(*self.series.envelope(x0, x1, int(self.plot.vb.width())))
        else:
            self.curve.setData(self.series.x, self.series.y)
        self.widget.grab()


class Widget:
    """The CostPlot, fed snapshots as the training loop sends them."""

    def __init__(self, n: int, log: bool):
        self.rng = np.random.default_rng(1)
        self.template = make_snapshot(Network([2, 4, 1], seed=0))
        self.widget = CostPlot()
        self.widget.resize(W, H)
        self.widget.show()
        self.widget.set_log_scale(log)
        self.step = 0
        self._feed(n)
        self.widget._refresh_now()

    def _feed(self, k: int) -> None:
        steps = np.arange(self.step + 1, self.step + k + 1, dtype=float)
        self.step += k
        every = steps[::100]
        J = 0.05 + 0.65 * np.exp(-every / 2e5)
        metrics = np.column_stack([every, J, 1.1 * J, 1 - J, 0.98 - J])
        self.widget.add_snapshot(dataclasses.replace(
            self.template, step=self.step, cost_steps=steps,
            cost_values=cost_curve(steps, self.rng), metrics=metrics))

    def frame(self) -> None:
        self._feed(BATCH)
        self.widget._refresh_now()
        self.widget.grab()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--frames", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    variants = {
        "plain": lambda n: Bare(n, "plain", log=False),
        "pg peak": lambda n: Bare(n, "peak", log=False),
        "envelope": lambda n: Bare(n, "envelope", log=False),
        "CostPlot": lambda n: Widget(n, log=False),
        "pg peak + log": lambda n: Bare(n, "peak", log=True),
        "envelope + log": lambda n: Bare(n, "envelope", log=True),
        "CostPlot + log": lambda n: Widget(n, log=True),
    }
    print(f"ms per refresh ({W}×{H}, +{BATCH} points, grab()); median of "
          f"{args.rounds}×{args.frames} frames")
    print(f"{'points':>9} " + "".join(f"{name:>16}" for name in variants))
    for n in (10**3, 10**5, 10**6):
        objs = {name: make(n) for name, make in variants.items()}
        for obj in objs.values():  # warm up: first paint, font caches
            obj.frame()
            app.processEvents()
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, obj in objs.items():
                for _ in range(args.frames):
                    t0 = time.perf_counter()
                    obj.frame()
                    times[name].append(1e3 * (time.perf_counter() - t0))
                app.processEvents()
        med = {name: statistics.median(t) for name, t in times.items()}
        print(f"{n:>9,} " + "".join(f"{med[name]:>16.2f}" for name in variants))
        print(f"{'vs plain':>9} " + "".join(f"{med['plain'] / med[name]:>15.1f}×"
                                            for name in variants))
        for obj in objs.values():
            obj.widget.close()
            obj.widget.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
