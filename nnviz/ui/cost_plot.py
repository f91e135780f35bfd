"""The live cost plot: J per step, train and test J, and accuracy below, with pyqtgraph.

`add_snapshot` only appends to growing NumPy buffers and marks the plot dirty; a timer redraws at
most ~15 times a second. Each redraw hands pyqtgraph the min/max envelope of the visible range
(about two points per pixel column, `GrowingSeries.envelope`), so a redraw costs the same at 10³
and 10⁶ points, in log scale too (pyqtgraph's own peak downsampling re-maps the whole history to
log10 on every setData; bench/plot_bench.py has the numbers). No grid: a translucent grid was the
most expensive thing in a repaint.

The axes follow training in steps: x grows to the next "nice" number when the data reach the
edge, y (cost) to a nice ceiling. A manual zoom or pan stops the following until a double-click
or `follow()`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .series import GrowingSeries

# Okabe-Ito (colour-blind safe); train solid, test dashed, so the pair also reads in grey
TRAIN, TEST, PER_STEP, INK, FRAME = "#0072B2", "#D55E00", "#BDBDBD", "#1A1A1A", "#5A5A5A"
REFRESH_MS = 100  # 10 Hz: every repaint is time taken from training (the GIL)
RUNNING_REFRESH_MS = 200  # 5 Hz while training runs at speed
LABEL_PT, TICK_PT = 14, 12
#: above this many per-step points the oldest half is merged into its min/max envelope
MAX_POINTS = 1 << 22  # 4.2 M points, 64 MiB
_NICE = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_above(x: float) -> float:
    """The smallest 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ᵏ that is ≥ x (x > 0)."""
    k = 10.0 ** math.floor(math.log10(x))
    return next(m * k for m in _NICE if m * k >= x * (1 - 1e-12))


def _compact(v: float, spacing: float, top: float) -> str:
    """A tick label, as 20k or 1.5M when the axis reaches `top` ≥ 10⁴ (10⁶)."""
    div, suffix = (1e6, "M") if abs(top) >= 1e6 else (1e3, "k") if abs(top) >= 1e4 else (1, "")
    step, places = spacing / div, 0
    while places < 6 and abs(step * 10**places - round(step * 10**places)) > 1e-6:
        places += 1  # as many decimals as the spacing has: 2.5k, 0.25
    return f"{v / div:.{places}f}{suffix}" if v else "0"


class _StepAxis(pg.AxisItem):
    """The x axis: steps as 20k / 1.5M, or epochs through a step → epoch map."""

    def __init__(self):
        super().__init__("bottom")
        self.epochs: tuple[np.ndarray, np.ndarray] | None = None  # (steps, epochs) anchors
        self.epochs_key = None  # which version of the anchors `epochs` is

    def tickValues(self, minVal, maxVal, size):
        if self.epochs is None:
            return super().tickValues(minVal, maxVal, size)
        s, e = self.epochs
        levels = super().tickValues(_interp(minVal, s, e), _interp(maxVal, s, e), size)
        return [(spacing, [_interp(v, e, s) for v in values if v >= 0])
                for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):
        top = max(abs(v) for v in self.range)
        if self.epochs is None:
            return [_compact(v, max(spacing, 1.0), top) for v in values]
        s, e = self.epochs
        return [_compact(_interp(v, s, e), spacing, _interp(top, s, e)) for v in values]


def _interp(x: float, xp: np.ndarray, fp: np.ndarray) -> float:
    """Piecewise linear through (xp, fp) (≥ 2 points), extended linearly past the last."""
    if x > xp[-1] and xp[-1] > xp[-2]:
        return float(fp[-1] + (x - xp[-1]) * (fp[-1] - fp[-2]) / (xp[-1] - xp[-2]))
    return float(np.interp(x, xp, fp))


def _style_axes(plot: pg.PlotItem, left: str, bottom: str) -> None:
    font = QFont()
    font.setPointSize(TICK_PT)
    for side, label in (("left", left), ("bottom", bottom)):
        axis = plot.getAxis(side)
        axis.enableAutoSIPrefix(False)
        axis.setTickFont(font)
        axis.setTextPen(INK)
        axis.setPen(FRAME)
        axis.setLabel(label, **{"font-size": f"{LABEL_PT}pt", "color": INK})
    plot.getAxis("left").setWidth(78)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.vb.disableAutoRange()


class CostPlot(QWidget):
    """Cost J against step (top) and accuracy (bottom; hidden for regression).

    Signals: `following_changed(bool)`: the axes stopped (False) or resumed (True) following
    training.
    """

    following_changed = Signal(bool)

    def __init__(self, parent=None, max_points: int = MAX_POINTS):
        super().__init__(parent)
        self.max_points = max_points
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.setMinimumSize(300, 160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.cost_plot = pg.PlotItem(axisItems={"bottom": _StepAxis()})
        self.accuracy_plot = pg.PlotItem(axisItems={"bottom": _StepAxis()})
        self.view.addItem(self.cost_plot, row=0, col=0)
        self.accuracy_plot.setXLink(self.cost_plot)
        _style_axes(self.cost_plot, self.tr("cost J"), self.tr("step"))
        _style_axes(self.accuracy_plot, self.tr("accuracy"), self.tr("step"))
        self.accuracy_plot.getAxis("left").setTicks(
            [[(0.0, "0%"), (0.5, "50%"), (1.0, "100%")], [(0.25, ""), (0.75, "")]])
        self.accuracy_plot.setYRange(0, 1, padding=0.04)
        self.accuracy_plot.vb.setMouseEnabled(y=False)

        dash = pg.QtCore.Qt.PenStyle.DashLine
        self.step_curve = self.cost_plot.plot(pen=pg.mkPen(PER_STEP, width=1),
                                              name=self.tr("each batch"))
        self.train_curve = self.cost_plot.plot(pen=pg.mkPen(TRAIN, width=3), antialias=True,
                                               name=self.tr("train"))
        self.test_curve = self.cost_plot.plot(pen=pg.mkPen(TEST, width=3, style=dash),
                                              antialias=True, name=self.tr("test"))
        # the train cost of the run that a replay from an earlier step replaced ("what if α
        # were 10× larger?"): both curves stay on screen to compare
        self.ghost_curve = self.cost_plot.plot(
            pen=pg.mkPen(FRAME, width=2, style=pg.QtCore.Qt.PenStyle.DotLine), antialias=True,
            name=self.tr("before going back"))
        self.ghost_curve.setZValue(-1)
        self.train_acc_curve = self.accuracy_plot.plot(pen=pg.mkPen(TRAIN, width=3),
                                                       antialias=True)
        self.test_acc_curve = self.accuracy_plot.plot(pen=pg.mkPen(TEST, width=3, style=dash),
                                                      antialias=True)
        legend = pg.LegendItem(offset=(-8, 4), labelTextSize=f"{TICK_PT}pt", colCount=3,
                               labelTextColor=INK, brush="w", pen=FRAME, verSpacing=-4)
        legend.setParentItem(self.cost_plot.vb)
        for curve in (self.step_curve, self.train_curve, self.test_curve):
            legend.addItem(curve, curve.name())
        self._ghost = GrowingSeries(16)
        self.legend = legend
        self._make_readout()
        # "you are here" after going back in the history (the later points stay until replaced)
        self.here_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(INK, width=2, style=dash),
                                         label=self.tr("here"),
                                         labelOpts={"position": 0.06, "color": INK})
        self.cost_plot.addItem(self.here_line, ignoreBounds=True)
        self.here_line.hide()

        self.steps = GrowingSeries()  # J of each step's batch
        self.metrics = {k: GrowingSeries(256) for k in
                        ("train_cost", "test_cost", "train_accuracy", "test_accuracy")}
        self._epoch_steps, self._epoch_values = [0.0], [0.0]  # where each epoch was seen first
        self._epoch_version = 0
        self._step = 0  # of the newest snapshot
        self._min_positive = math.inf  # smallest J > 0 seen: the floor in log scale
        self._log = False
        self._x_unit = "step"
        self._show_accuracy = True
        self._accuracy_shown = False
        self._following = True
        self._x_max = 0.0
        self._y_range: tuple[float, float] | None = None
        self._dirty = False
        self._timer = QTimer(self, interval=REFRESH_MS, singleShot=True)
        self._timer.timeout.connect(self._refresh)
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.vb.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        self.cost_plot.vb.sigXRangeChanged.connect(self._on_view_x_range_changed)
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self._refresh_now()

    def _set_running(self, running: bool) -> None:
        """While training runs, redraw at 5 Hz and without antialiasing: every repaint is
        time taken from training (the GIL); still plots get 10 Hz and smooth curves."""
        self._timer.setInterval(RUNNING_REFRESH_MS if running else REFRESH_MS)
        self._set_antialias(not running)

    def _set_antialias(self, on: bool) -> None:
        """Smooth thick curves when still; plain while training runs, when every repaint is
        time taken from training (antialiasing is about 1.5 of a 3.5 ms repaint)."""
        if on == getattr(self, "_antialias", True):
            return
        self._antialias = on
        for item in (self.train_curve, self.test_curve, self.train_acc_curve,
                     self.test_acc_curve):
            item.curve.opts["antialias"] = on
            item.curve.update()

    # --- data ----------------------------------------------------------------------------------
    def add_snapshot(self, snapshot) -> None:
        """Append the snapshot's new cost points and metrics rows; the plot redraws on a timer.

        A snapshot at an earlier step than the data (going back in the history) marks its step
        with a dashed line and keeps the later points; new points from there (a replay) first
        drop the points after their first step: a future that no longer happened. A reset
        (step 0 with nothing else in the history) drops everything.
        """
        self._set_running(snapshot.running)
        step = float(snapshot.step)
        if step == 0 and len(snapshot.history) <= 1:
            self._truncate(step)
        self._step = step
        xs, ys = np.asarray(snapshot.cost_steps), np.asarray(snapshot.cost_values)
        if len(xs):
            if len(self.steps) and xs[0] <= self.steps.x[-1]:
                self._keep_ghost(xs[0] - 0.5)
                self._truncate(xs[0] - 0.5)
            self.steps.append(xs, ys)
            self._note_positive(ys)
            if len(self.steps) > self.max_points:
                self.steps.compact()
        rows = np.asarray(snapshot.metrics).reshape(-1, 5)
        behind = bool(len(self.steps) > 0 and step < self.steps.x[-1])
        if len(rows) and not behind:  # (an earlier state's evaluation: the status bar's)
            for col, series in enumerate(self.metrics.values(), start=1):
                series.truncate(rows[0, 0])
                ok = np.isfinite(rows[:, col])
                series.append(rows[ok, 0], rows[ok, col])
            self._note_positive(rows[:, 1:3])
        if snapshot.epoch != self._epoch_values[-1] and step > self._epoch_steps[-1]:
            self._epoch_steps.append(step)
            self._epoch_values.append(float(snapshot.epoch))
            self._epoch_version += 1
        if behind:
            self.here_line.setValue(step)
        self.here_line.setVisible(behind)
        self._mark_dirty()

    def _keep_ghost(self, step: float) -> None:
        """Keep the train cost after `step` (and the point before it) as the ghost curve."""
        series = self.metrics["train_cost"]
        x, y = series.x, series.y
        i = int(np.searchsorted(x, step, side="right"))
        if i >= len(x):
            return  # nothing after `step`: the previous ghost, if any, stays
        lo = max(i - 1, 0)
        self._ghost.clear()
        self._ghost.append(x[lo:], y[lo:])
        if self.legend.getLabel(self.ghost_curve) is None:
            self.legend.addItem(self.ghost_curve, self.ghost_curve.name())
            self._fit_legend()

    def clear(self) -> None:
        """Forget every point and follow training again."""
        self._ghost.clear()
        self.legend.removeItem(self.ghost_curve)
        self._fit_legend()
        for series in (self.steps, *self.metrics.values()):
            series.clear()
        self._epoch_steps, self._epoch_values = [0.0], [0.0]
        self._epoch_version += 1
        self._step, self._min_positive, self._x_max = 0, math.inf, 0.0
        self._y_range = None
        self._set_following(True)
        self._refresh_now()

    def _truncate(self, step: float) -> None:
        for series in (self.steps, *self.metrics.values()):
            series.truncate(step, side="right")
        while len(self._epoch_steps) > 1 and self._epoch_steps[-1] > step:
            self._epoch_steps.pop()
            self._epoch_values.pop()
            self._epoch_version += 1

    def _note_positive(self, values: np.ndarray) -> None:
        positive = values[values > 0]
        if positive.size:
            self._min_positive = min(self._min_positive, float(positive.min()))

    # --- settings ------------------------------------------------------------------------------
    def set_log_scale(self, on: bool) -> None:
        """Cost on a log₁₀ axis; J ≤ 0 is drawn at the smallest positive J seen."""
        self._log = bool(on)
        self.cost_plot.setLogMode(y=self._log)
        self.cost_plot.vb.disableAutoRange()  # setLogMode turned auto-range on (every frame)
        self.follow()  # the old y range means nothing on the new axis

    def log_scale(self) -> bool:
        return self._log

    def set_x_unit(self, unit: str) -> None:
        """Label the x axis in "step" or "epoch" (epochs as counted when snapshots arrived)."""
        if unit not in ("step", "epoch"):
            raise ValueError(f"x unit must be 'step' or 'epoch', got {unit!r}")
        self._x_unit = unit
        self._refresh_now()

    def set_show_accuracy(self, on: bool) -> None:
        """Show the accuracy plot (when there is accuracy to show: never for regression)."""
        self._show_accuracy = bool(on)
        self._refresh_now()

    def accuracy_shown(self) -> bool:
        return self._accuracy_shown

    def is_following(self) -> bool:
        return self._following

    def follow(self) -> None:
        """Let the axes follow training again (after a manual zoom or pan)."""
        self._x_max = 0.0
        self._y_range = None
        self._set_following(True)
        self._refresh_now()

    def _set_following(self, on: bool) -> None:
        if on != self._following:
            self._following = on
            self.following_changed.emit(on)

    # --- drawing -------------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def _refresh_now(self) -> None:
        self._timer.stop()
        self._dirty = True
        self._refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._mark_dirty()

    def _refresh(self) -> None:
        if not self._dirty or not self.isVisible():
            return  # hidden: stay dirty; showEvent redraws
        self._dirty = False
        self._update_layout()
        if self._following:
            self._follow_x()
        x0, x1 = self.cost_plot.vb.viewRange()[0]
        px_per_x = max(self.cost_plot.vb.width(), 100) / max(x1 - x0, 1e-9)
        # one view width of margin either side, so a pan shows data before the next redraw
        lo, hi = 2 * x0 - x1, 2 * x1 - x0
        self._set_curve(self.step_curve, self.steps, lo, hi, px_per_x, cost=True)
        self._set_curve(self.ghost_curve, self._ghost, lo, hi, px_per_x / 4, cost=True)
        curves = (self.train_curve, self.test_curve, self.train_acc_curve, self.test_acc_curve)
        for curve, (key, series) in zip(curves, self.metrics.items(), strict=True):
            if key.endswith("accuracy") and not self._accuracy_shown:
                curve.setData([], [])
            else:  # smooth curves: a min/max pair every 4 pixels is plenty
                self._set_curve(curve, series, lo, hi, px_per_x / 4, cost=key.endswith("cost"))
        if self._following:
            self._follow_y()

    def _set_curve(self, curve, series: GrowingSeries, lo: float, hi: float, per_x: float,
                   cost: bool) -> None:
        """Hand `curve` the envelope of `series` over [lo, hi], `per_x` buckets per unit of x."""
        if len(series):
            lo, hi = max(lo, series.x[0]), min(hi, series.x[-1])
        x, y = series.envelope(lo, hi, max(int(per_x * (hi - lo)), 16))
        if cost and self._log:
            floor = self._min_positive if math.isfinite(self._min_positive) else 1e-12
            y = np.maximum(y, floor)
        curve.setData(x, y)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        """Three legend entries side by side if they fit in the plot, else one under another
        (long translations, narrow windows): never cut off at the left edge."""
        legend = self.legend
        legend.setColumnCount(3)
        legend.updateSize()
        room = self.view.width() - 90  # the plot's width without the axis
        if legend.boundingRect().width() > room:
            legend.setColumnCount(1)

    def _update_layout(self) -> None:
        has_accuracy = len(self.metrics["train_accuracy"]) or len(self.metrics["test_accuracy"])
        show = bool(self._show_accuracy and has_accuracy)
        if show != self._accuracy_shown:
            self._accuracy_shown = show
            if show:
                self.view.addItem(self.accuracy_plot, row=1, col=0)
                self.view.ci.layout.setRowStretchFactor(0, 3)
                self.view.ci.layout.setRowStretchFactor(1, 2)
            else:
                self.view.removeItem(self.accuracy_plot)
            # a shared x axis: only the bottom plot names it
            self.cost_plot.getAxis("bottom").showLabel(not show)
            self.cost_plot.getAxis("bottom").setStyle(showValues=not show)
        epochs = self._x_unit == "epoch" and len(self._epoch_steps) > 1
        label = self.tr("epoch") if epochs else self.tr("step")
        anchors = (np.array(self._epoch_steps), np.array(self._epoch_values)) if epochs else None
        for plot in (self.cost_plot, self.accuracy_plot):
            axis = plot.getAxis("bottom")
            if axis.labelText != label:
                axis.setLabel(label)  # shows the label: hide the top one again
                axis.showLabel(plot is self.accuracy_plot or not self._accuracy_shown)
            key = self._epoch_version if epochs else None
            if axis.epochs_key != key:
                axis.epochs, axis.epochs_key = anchors, key
                axis.picture = None  # the tick labels depend on the anchors
                axis.update()

    def _last_x(self) -> float:
        ends = [s.x[-1] for s in (self.steps, *self.metrics.values()) if len(s)]
        return max([self._step, *ends])

    def _follow_x(self) -> None:
        last = self._last_x()
        if last >= self._x_max or last < self._x_max / 4:
            self._x_max = nice_above(max(1.1 * last, 10.0))
            self.cost_plot.setXRange(0, self._x_max, padding=0.01)

    def _follow_y(self) -> None:
        ys = [(i, c.yData) for i, c in enumerate((self.step_curve, self.train_curve,
                                                   self.test_curve))
              if c.yData is not None and len(c.yData)]
        if not ys:
            return
        # the per-step curve counts from its 2nd percentile up: in log scale a few lucky
        # batches with J ≈ 0 would squeeze the curves that matter into the top decade
        # (only log scale needs the bottom: a linear axis starts at 0, costs are ≥ 0)
        lo = min(float(np.percentile(y, 2) if i == 0 else np.min(y)) for i, y in ys) \
            if self._log else 0.0
        hi = max(float(np.max(y)) for _, y in ys)
        if not (math.isfinite(lo) and math.isfinite(hi)):
            return
        if self._log:
            target = (math.floor(math.log10(lo)), max(math.ceil(math.log10(hi)),
                                                      math.floor(math.log10(lo)) + 1))
        else:
            top = self._y_range[1] if self._y_range else 0.0
            new_top = top if (0.45 * top <= hi <= top and hi > 0) else nice_above(
                max(1.05 * hi, 1e-9))
            target = (min(0.0, lo), new_top)
        if target != self._y_range:
            self._y_range = target
            self.cost_plot.setYRange(*target, padding=0.02)

    # --- interaction ---------------------------------------------------------------------------
    def _on_view_range_changed_manually(self, *args) -> None:
        self._set_following(False)

    def _on_view_x_range_changed(self, *args) -> None:
        if not self._following:
            self._mark_dirty()  # new range: a new envelope

    def _on_scene_clicked(self, event) -> None:
        if event.double():
            self.follow()

    # --- hover read-out ------------------------------------------------------------------------
    def _make_readout(self) -> None:
        pen = pg.mkPen(FRAME, width=1)
        self.hover_lines = [pg.InfiniteLine(angle=90, pen=pen) for _ in range(2)]
        for plot, line in zip((self.cost_plot, self.accuracy_plot), self.hover_lines,
                              strict=True):
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        # a child of the ViewBox (pixel coordinates, above the legend), not of the data
        self.readout = pg.TextItem(anchor=(0, 0), fill="w", border=FRAME)
        font = QFont()
        font.setPointSize(TICK_PT)
        self.readout.setFont(font)
        self.readout.setParentItem(self.cost_plot.vb)
        self.readout.setZValue(1000)
        self.readout.hide()
        self._mouse_proxy = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_scene_mouse_moved)

    def _on_scene_mouse_moved(self, args) -> None:
        pos = args[0]
        plots = [p for p in (self.cost_plot, self.accuracy_plot) if p.scene() is not None]
        if not any(p.vb.sceneBoundingRect().contains(pos) for p in plots):
            self.hide_readout()
            return
        vb = self.cost_plot.vb
        self.show_readout(vb.mapSceneToView(pos).x(), vb.mapFromScene(pos).y())

    def show_readout(self, x: float, y_px: float | None = None) -> None:
        """Show the crosshair at step x and the values there, beside the mouse at height y_px
        (pixels from the top of the cost plot; default: the top)."""
        text = self.readout_html(x)
        if not text:
            self.hide_readout()
            return
        x = self.readout_values(x)["step"]  # the line marks the point that is read
        for line in self.hover_lines:
            line.setPos(x)
            line.show()
        vb = self.cost_plot.vb
        rect = vb.boundingRect()
        px = vb.mapViewToScene(pg.Point(x, 0)).x() - vb.sceneBoundingRect().left()
        right = px > rect.width() / 2
        y_px = 4.0 if y_px is None else min(max(y_px, 0.0), rect.height())
        low = y_px > rect.height() / 2
        # beside the line, on the side with more room, a little off the cursor
        self.readout.setAnchor((1 if right else 0, 1 if low else 0))
        self.readout.setHtml(text)
        self.readout.setPos(px + (-8 if right else 8), y_px + (-8 if low else 8))
        self.readout.show()

    def hide_readout(self) -> None:
        self.readout.hide()
        for line in self.hover_lines:
            line.hide()

    def leaveEvent(self, event) -> None:
        self.hide_readout()
        super().leaveEvent(event)

    def readout_values(self, x: float) -> dict[str, float]:
        """The recorded values nearest to step x: step, J, train_cost, … (those that exist)."""
        out = {}
        i = self.steps.nearest(x)
        if i >= 0:
            out["step"], out["J"] = float(self.steps.x[i]), float(self.steps.y[i])
        for key, series in self.metrics.items():
            j = series.nearest(x)
            if j >= 0 and (key.endswith("cost") or self._accuracy_shown):
                out[key] = float(series.y[j])
                out.setdefault("step", float(series.x[j]))
        return out

    def readout_html(self, x: float) -> str:
        v = self.readout_values(x)
        if not v:
            return ""
        lines = [self.tr("step %s") % f"{v['step']:,.0f}"]
        if self._x_unit == "epoch" and len(self._epoch_steps) > 1:
            epoch = _interp(v["step"], np.array(self._epoch_steps), np.array(self._epoch_values))
            lines[0] += " · " + self.tr("epoch %s") % f"{epoch:.1f}"
        if "J" in v:
            lines.append(self.tr("batch J = %s") % f"{v['J']:.4g}")
        for key, colour, name in (("train", TRAIN, self.tr("train")),
                                  ("test", TEST, self.tr("test"))):
            parts = []
            if f"{key}_cost" in v:
                parts.append(f"J = {v[f'{key}_cost']:.4g}")
            if f"{key}_accuracy" in v:
                parts.append(f"{100 * v[f'{key}_accuracy']:.1f}%")
            if parts:
                lines.append(f'<span style="color:{colour}"><b>{name}</b> '
                             + ", ".join(parts) + "</span>")
        return f'<div style="color:{INK}">' + "<br>".join(lines) + "</div>"
