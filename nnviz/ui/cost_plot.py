"""The live cost plot: J per step, train and test J, and accuracy below, with pyqtgraph.

`absorb(snapshot)` only appends to the run's `CostHistory` (NumPy, no drawing); `draw()` redraws
when something changed. In the window, the frame clock calls `absorb` for every snapshot and
`draw` on its ticks (10 a second while training plays), so the plot is live at every speed and
owns no timer. Each redraw hands pyqtgraph the min/max envelope of the visible range (about two
points per pixel column, `GrowingSeries.envelope`), so a redraw costs the same at 10³ and 10⁶
points, in log scale too (bench/plot_bench.py). No grid: a translucent grid was the most
expensive thing in a repaint. While training plays the thick curves are drawn without
antialiasing (about 1.5 ms of a 3.5 ms repaint).

The axes follow training: x grows to the next "nice" number when the data reach the edge, y
(cost) to a nice ceiling. A manual zoom or pan stops the following until a double-click or
`follow()`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .cost_axes import (
    FRAME,
    INK,
    PER_STEP,
    TEST,
    TICK_PT,
    TRAIN,
    CostCurve,
    StepAxis,
    fit_legend,
    nice_above,
    style_axes,
)
from .cost_history import MAX_POINTS, CostHistory
from .cost_readout import CostReadout
from .series import GrowingSeries

__all__ = ["CostPlot", "nice_above"]


class CostPlot(QWidget):
    """Cost J against step (top) and accuracy (bottom; hidden for regression). A manual zoom or
    pan stops the axes following training (`is_following`); a double-click resumes."""

    def __init__(self, parent=None, max_points: int = MAX_POINTS):
        super().__init__(parent)
        self.history = CostHistory(max_points)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.setMinimumSize(300, 160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.cost_plot = pg.PlotItem(axisItems={"bottom": StepAxis()}, enableMenu=False)
        self.accuracy_plot = pg.PlotItem(axisItems={"bottom": StepAxis()}, enableMenu=False)
        self.view.addItem(self.cost_plot, row=0, col=0)
        self.accuracy_plot.setXLink(self.cost_plot)
        style_axes(self.cost_plot, self.tr("cost J"), self.tr("step"))
        style_axes(self.accuracy_plot, self.tr("accuracy"), self.tr("step"))
        self.accuracy_plot.getAxis("left").setTicks(
            [[(0.0, "0%"), (0.5, "50%"), (1.0, "100%")], [(0.25, ""), (0.75, "")]])
        self.accuracy_plot.setYRange(0, 1, padding=0.04)
        self.accuracy_plot.vb.setMouseEnabled(y=False)
        self._make_curves()
        self.readout = CostReadout(self)
        self._log = False
        self._x_unit = "step"
        self._accuracy_shown = False
        self._following = True
        self._running = False
        self._x_max = 0.0
        self._y_range: tuple[float, float] | None = None
        self._dirty = True
        self._handed: dict = {}  # curve -> what it was last handed (`_set_curve`)
        self._marks = None  # the edit marks' points last handed
        self._limit: float | None = None  # points after this step are not drawn yet
        self.redraws = 0  # how many times the curves were handed to pyqtgraph (tests, bench)
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.vb.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        self.cost_plot.vb.sigXRangeChanged.connect(self._on_view_x_range_changed)
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.draw()

    def _make_curves(self) -> None:
        dash = pg.QtCore.Qt.PenStyle.DashLine
        plot = self.cost_plot

        def curve(on, pen, name=None):
            item = CostCurve(pen=pen, name=name)
            on.addItem(item)
            return item

        self.step_curve = curve(plot, pg.mkPen(PER_STEP, width=1), self.tr("each batch"))
        self.train_curve = curve(plot, pg.mkPen(TRAIN, width=3), self.tr("train"))
        self.test_curve = curve(plot, pg.mkPen(TEST, width=3, style=dash), self.tr("test"))
        # the train cost of the run that a replay from an earlier step replaced ("what if α
        # were 10× larger?"): both curves stay on screen to compare
        self.ghost_curve = curve(
            plot, pg.mkPen(FRAME, width=2, style=pg.QtCore.Qt.PenStyle.DotLine),
            self.tr("before going back"))
        self.ghost_curve.setZValue(-1)
        self.train_acc_curve = curve(self.accuracy_plot, pg.mkPen(TRAIN, width=3))
        self.test_acc_curve = curve(self.accuracy_plot, pg.mkPen(TEST, width=3, style=dash))
        legend = pg.LegendItem(offset=(-8, 4), labelTextSize=f"{TICK_PT}pt", colCount=3,
                               labelTextColor=INK, brush="w", pen=FRAME, verSpacing=-4)
        legend.setParentItem(plot.vb)
        for curve in (self.step_curve, self.train_curve, self.test_curve):
            legend.addItem(curve, curve.name())
        self.legend = legend
        # "you are here" after going back in the history (the later points stay until replaced)
        self.here_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(INK, width=2, style=dash),
                                         label=self.tr("here"),
                                         labelOpts={"position": 0.06, "color": INK})
        plot.addItem(self.here_line, ignoreBounds=True)
        self.here_line.hide()
        # a weight or bias the user typed or dragged: a diamond at the cost after it
        self.edit_marks = pg.ScatterPlotItem(symbol="d", size=14, brush=INK, pen="w")
        plot.addItem(self.edit_marks)

    # --- data ----------------------------------------------------------------------------------
    @property
    def steps(self) -> GrowingSeries:
        return self.history.steps

    def absorb(self, snapshot) -> None:
        """Take the snapshot's new points (cheap: no drawing)."""
        self.history.add(snapshot)
        self._running = bool(snapshot.running)
        self._dirty = True

    def add_snapshot(self, snapshot) -> None:
        """Take the snapshot's new points and redraw (a plot used on its own)."""
        self.absorb(snapshot)
        self.draw()

    def load(self, cost: dict, step: int, epoch: int) -> None:
        """Show a session's cost history (`CostHistory.load`)."""
        self.clear()
        self.history.load(cost, step, epoch)
        self._dirty = True
        self.draw()

    def clear(self) -> None:
        """Forget every point and follow training again."""
        self.history.clear()
        self.legend.removeItem(self.ghost_curve)
        self._fit_legend()
        self._x_max, self._y_range = 0.0, None
        self._following = True
        self._dirty = True
        self.draw()

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
        self._redraw_now()

    def accuracy_shown(self) -> bool:
        return self._accuracy_shown

    def x_unit(self) -> str:
        return self._x_unit

    def hold_after(self, step: float | None) -> None:
        """Draw no point after `step` (None: every point): in step-through mode the pass's
        cost joins the curve when the pass reaches its cost phase."""
        if step != self._limit:
            self._limit = step
            self._redraw_now()

    def set_zoom(self, zoom: float) -> None:
        """Tick labels, axis names, legend and line widths × zoom (presentation mode)."""
        style_axes(self.cost_plot, self.tr("cost J"), self.tr("step"), zoom)
        style_axes(self.accuracy_plot, self.tr("accuracy"), self.tr("step"), zoom)
        self.cost_plot.getAxis("bottom").showLabel(not self._accuracy_shown)
        size = f"{TICK_PT * zoom:.1f}pt"
        self.legend.setLabelTextSize(size)
        for _, label in self.legend.items:  # (the entries already there keep their size)
            label.setText(label.text, size=size)
        for curve, width in ((self.train_curve, 3), (self.test_curve, 3),
                             (self.train_acc_curve, 3), (self.test_acc_curve, 3),
                             (self.ghost_curve, 2), (self.step_curve, 1)):
            pen = pg.mkPen(curve.opts["pen"])
            pen.setWidthF(width * zoom)
            curve.setPen(pen)
        self.readout.set_zoom(zoom)
        self._fit_legend()
        self._redraw_now()

    def is_following(self) -> bool:
        return self._following

    def follow(self) -> None:
        """Let the axes follow training again (after a manual zoom or pan)."""
        self._x_max, self._y_range = 0.0, None
        self._following = True
        self._redraw_now()


    # --- drawing -------------------------------------------------------------------------------
    def _redraw_now(self) -> None:
        self._dirty = True
        self.draw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.draw()  # a hidden plot did no work: catch up

    def draw(self, snapshot=None) -> None:
        """Redraw the curves if anything changed since the last redraw (and the plot is
        visible; a hidden plot stays dirty and redraws when shown). `snapshot` is ignored:
        the data came through `absorb`."""
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        self.redraws += 1
        h = self.history
        if h.ghost_changed:
            h.ghost_changed = False
            if self.legend.getLabel(self.ghost_curve) is None:
                self.legend.addItem(self.ghost_curve, self.ghost_curve.name())
                self._fit_legend()
        self.here_line.setVisible(h.behind)
        if h.behind:
            self.here_line.setValue(h.step)
        self._update_layout()
        if self._following:
            self._follow_x()
        x0, x1 = self.cost_plot.vb.viewRange()[0]
        px_per_x = max(self.cost_plot.vb.width(), 100) / max(x1 - x0, 1e-9)
        # one view width of margin either side, so a pan shows data before the next redraw
        lo, hi = 2 * x0 - x1, 2 * x1 - x0
        if self._limit is not None:
            hi = min(hi, self._limit)
        self._set_curve(self.step_curve, h.steps, lo, hi, px_per_x, cost=True)
        self._set_curve(self.ghost_curve, h.ghost, lo, hi, px_per_x / 4, cost=True)
        ex, ey = h.edits.x, h.edits.y
        shown = np.isfinite(ey) & (ex <= hi)
        ey = np.log10(np.maximum(ey[shown], 1e-12)) if self._log else ey[shown]
        marks = np.stack([ex[shown], ey])
        if self._marks is None or not np.array_equal(marks, self._marks):
            self._marks = marks  # (a scatter's setData repaints it: only when they change)
            self.edit_marks.setData(*marks)
        curves = (self.train_curve, self.test_curve, self.train_acc_curve, self.test_acc_curve)
        for curve, (key, series) in zip(curves, h.metrics.items(), strict=True):
            if key.endswith("accuracy") and not self._accuracy_shown:
                self._handed.pop(curve, None)
                if curve.xData is not None and len(curve.xData):
                    curve.setData([], [])
            else:  # smooth curves: a min/max pair every 4 pixels is plenty
                self._set_curve(curve, series, lo, hi, px_per_x / 4, cost=key.endswith("cost"))
        if self._following:
            self._follow_y()

    def _set_curve(self, curve, series: GrowingSeries, lo: float, hi: float, per_x: float,
                   cost: bool) -> None:
        """Hand `curve` the envelope of `series` over [lo, hi], `per_x` buckets per unit of x;
        thick curves antialiased unless training is playing (the item's own option: a write
        into its inner curve would be undone by this very setData)."""
        if len(series):
            lo, hi = max(lo, series.x[0]), min(hi, series.x[-1])
        antialias = curve is not self.step_curve and not self._running
        n = max(int(per_x * (hi - lo)), 16)
        # the same points as last time (an empty ghost, accuracy between epochs): no setData,
        # which would repaint the curve for nothing
        key = (id(series), len(series), series.y[-1] if len(series) else None, lo, hi, n,
               cost and self._log and self.history.min_positive, antialias)
        if self._handed.get(curve) == key:
            return
        self._handed[curve] = key
        if hi < lo:  # nothing to draw (everything is held back)
            curve.setData([], [])
            return
        x, y = series.envelope(lo, hi, n)
        if cost and self._log:
            floor = self.history.min_positive
            y = np.maximum(y, floor if math.isfinite(floor) else 1e-12)
        curve.setData(x, y, antialias=antialias)

    def leaveEvent(self, event) -> None:
        self.readout.hide()
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        fit_legend(self.legend, self.view.width() - 90)  # (the plot's width without the axis)

    def _update_layout(self) -> None:
        h = self.history
        show = h.has_accuracy()
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
        epochs = self._x_unit == "epoch" and h.has_epochs()
        label = self.tr("epoch") if epochs else self.tr("step")
        for plot in (self.cost_plot, self.accuracy_plot):
            axis = plot.getAxis("bottom")
            if axis.labelText != label:
                axis.setLabel(label)  # shows the label: hide the top one again
                axis.showLabel(plot is self.accuracy_plot or not self._accuracy_shown)
            axis.set_epochs(h.epoch_anchors() if epochs else None,
                            h.epoch_version if epochs else None)

    def _follow_x(self) -> None:
        last = self.history.last_x()
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
        self._following = False

    def _on_view_x_range_changed(self, *args) -> None:
        if not self._following:
            self._redraw_now()  # new range: a new envelope

    def _on_scene_clicked(self, event) -> None:
        if event.double():
            self.follow()
